"""Bericht: the kommunaler Bildungsbericht (DOCX, PDF) and the Gemeindesteckbriefe, generated from the store.

A report definition names chapters, indicators, years and the office's own texts, never numbers
(bericht/model.py): the next edition opens the saved definition, adjusts the texts and generates
again. Everyone may generate and download; saving a definition needs the role Analyse. Every save
compares with the version it started from, so nothing is silently overwritten (bericht/ablage.py).
"""

from __future__ import annotations

import streamlit as st

from bericht import ablage
from bericht.ausgabe import BRIEF_FORMATS, REPORT_FORMATS, Format, brief_file, report_file
from bericht.model import KAPITEL, Bericht, BerichtFehler, KapitelWahl, chapter_indicators, standard
from indicators.catalogue import CATALOGUE
from regions.home import home
from ui import access, berichte
from ui.data import version
from ui.plain import plain
from ui.views import newest_year
from ui.ziele import version as goals_version

NEW = "__neu__"
MESSAGE = "_bericht_meldung"  # (kind, text) of the last save, shown once
READY = "_bericht_fertig"  # (definition, store version, goals version, content) generated in this session
BRIEFS_READY = "_steckbriefe_fertig"  # (store version, Steckbriefe)


def _key(choice: str, what: str) -> str:
    """Widget keys carry the chosen definition, so switching definitions shows that definition's texts."""
    return f"b_{choice}_{what}"


def _from_widgets(choice: str) -> Bericht:
    """The definition as the form now shows it; BerichtFehler (German) when it is not valid."""
    s = st.session_state
    chapters = []
    for kapitel in KAPITEL:
        if not s.get(_key(choice, f"{kapitel.key}_mit")):
            continue
        keys = tuple(s.get(_key(choice, f"{kapitel.key}_indikatoren"), ()))
        notes = tuple(
            (k, s.get(_key(choice, f"{kapitel.key}_{k}_deutung"), "").strip())
            for k in keys
            if s.get(_key(choice, f"{kapitel.key}_{k}_deutung"), "").strip()
        )
        chapters.append(KapitelWahl(kapitel.key, keys, s.get(_key(choice, f"{kapitel.key}_text"), "").strip(), notes))
    return Bericht(
        s.get(_key(choice, "name"), "").strip(),
        s.get(_key(choice, "titel"), "").strip(),
        tuple(chapters),
        s.get(_key(choice, "einleitung"), "").strip(),
        s.get(_key(choice, "von")),
        s.get(_key(choice, "bis")),
    )


def _save(choice: str, saved: ablage.Gespeichert | None) -> None:
    s = st.session_state
    try:
        bericht = _from_widgets(choice)
        same_file = saved is not None and bericht.slug == saved.path.stem
        result = berichte.save(bericht, saved.version if same_file else "")
    except (BerichtFehler, access.WriteRefused) as error:
        s[MESSAGE] = ("error", str(error))
        return
    s[MESSAGE] = ("success", f"Gespeichert als {result.path.name}.")
    s["bericht_wahl"] = result.path.stem


def _form(choice: str, base: Bericht) -> None:
    s = st.session_state
    chosen = {c.key: c for c in base.chapters}
    st.text_input("Name der Definition", value=base.name, key=_key(choice, "name"), max_chars=80)
    st.text_input("Titel des Berichts", value=base.title, key=_key(choice, "titel"), max_chars=160)
    st.text_area(
        "Einleitung (Absätze durch eine Leerzeile trennen)",
        value=base.introduction,
        key=_key(choice, "einleitung"),
        height=150,
    )
    newest = newest_year(version()) or 2025
    years = [None, *range(newest, 1994, -1)]
    with st.container(horizontal=True):
        st.selectbox(
            "Tabellen ab",
            years,
            index=years.index(base.first_year) if base.first_year in years else 0,
            key=_key(choice, "von"),
            format_func=lambda y: "die letzten zehn Jahre" if y is None else str(y),
        )
        st.selectbox(
            "Bis Jahr",
            years,
            index=years.index(base.last_year) if base.last_year in years else 0,
            key=_key(choice, "bis"),
            format_func=lambda y: "neuestes Jahr" if y is None else str(y),
        )
    for kapitel in KAPITEL:
        chapter = chosen.get(kapitel.key)
        with st.expander(f"Kapitel {kapitel.title}", expanded=False):
            st.checkbox("Kapitel aufnehmen", value=chapter is not None, key=_key(choice, f"{kapitel.key}_mit"))
            options = list(chapter_indicators(kapitel))
            keys = st.multiselect(
                "Indikatoren",
                options,
                default=list(chapter.indicators) if chapter else options,
                key=_key(choice, f"{kapitel.key}_indikatoren"),
                format_func=lambda k: CATALOGUE[k].title,
            )
            st.text_area(
                "Text zu Beginn des Kapitels",
                value=chapter.text if chapter else "",
                key=_key(choice, f"{kapitel.key}_text"),
            )
            for k in keys:
                st.text_area(
                    f"Deutung: {CATALOGUE[k].title}",
                    value=chapter.interpretation(k) if chapter else "",
                    key=_key(choice, f"{kapitel.key}_{k}_deutung"),
                )
    if s.get(MESSAGE):
        kind, text = s.pop(MESSAGE)
        (st.success if kind == "success" else st.error)(plain(text))


def _progress_bar(what: str):
    bar = st.progress(0.0, text=f"{what} wird erzeugt …")

    def tell(done: int, total: int, label: str) -> None:
        bar.progress(done / total, text=f"{what}: {done} von {total} ({label})")

    return bar, tell


def _downloads(formats: dict[str, Format], make, stem: str, key: str) -> None:
    """One button per format in a row; `make(fmt)` renders the file only when it is clicked."""
    with st.container(horizontal=True):
        for fmt, spec in formats.items():
            st.download_button(
                f"Herunterladen: {spec.label}",
                lambda fmt=fmt: make(fmt),
                f"{stem}.{fmt}",
                spec.mime,
                key=f"{key}_{fmt}",
                on_click="ignore",
            )


st.title("Bildungsbericht und Gemeindesteckbriefe")
st.caption(
    f"Der kommunale Bildungsbericht für {plain(home().title)}, erzeugt aus dem Datenbestand: Kapitel nach dem "
    "Anwendungsleitfaden, je Indikator Diagramm, Aussage, Tabelle, Definition und Quelle, je Handlungsfeld "
    "die Ziele. Eigene Texte werden mit der Definition gespeichert; die nächste Ausgabe übernimmt sie."
)

v = version()
writer = access.may_write()
saved = {g.path.stem: g for g in ablage.list_saved()}
options = [NEW, *saved]
if st.session_state.get("bericht_wahl") not in options:
    st.session_state["bericht_wahl"] = NEW
choice = st.selectbox(
    "Berichtsdefinition",
    options,
    key="bericht_wahl",
    format_func=lambda c: "Neuer Bericht (alle Kapitel und Indikatoren)" if c == NEW else saved[c].bericht.name,
)
current = saved.get(choice)
if current is not None:
    st.text(f"Gespeichert in data/berichte/{current.path.name}")

st.header("Inhalt und eigene Texte")
_form(choice, current.bericht if current else standard())
if writer:
    st.button("Definition speichern", key="bericht_speichern", on_click=_save, args=(choice, current))
else:
    st.text("Speichern können angemeldete Personen mit der Rolle Analyse; erzeugen kann jede und jeder.")

st.header("Bericht erzeugen")
try:
    bericht = _from_widgets(choice)
except BerichtFehler as error:
    st.error(plain(str(error)))
    bericht = None
if bericht is not None:
    count = len(bericht.indicator_keys)
    st.text(f"{len(bericht.chapters)} Kapitel, {count} Indikatoren. Die Erzeugung dauert einige Sekunden je Indikator.")
    if st.button("Bericht erzeugen", key="bericht_erzeugen", type="primary"):
        bar, tell = _progress_bar("Bericht")
        st.session_state[READY] = (bericht, v, goals_version(), berichte.content(bericht, v, tell))
        bar.empty()
    ready = st.session_state.get(READY)
    if ready is not None and ready[:3] == (bericht, v, goals_version()):
        _downloads(REPORT_FORMATS, lambda fmt: report_file(ready[3], fmt), bericht.slug, "bericht")


def _steckbriefe(v: int) -> None:
    st.text(
        f"Eine Seite je Gemeinde {home().in_title}: Bevölkerung nach Altersgruppen, die Indikatoren je Gemeinde mit "
        f"Jahr, {home().kind} und {home().land_name} im selben Jahr, eine Karte und die Quellen; dazu alle Zahlen "
        "als XLSX."
    )
    if st.button("Steckbriefe erzeugen", key="steckbriefe_erzeugen"):
        bar, tell = _progress_bar("Steckbriefe")
        st.session_state[BRIEFS_READY] = (v, berichte.briefs(v, tell))
        bar.empty()
    briefs_ready = st.session_state.get(BRIEFS_READY)
    if briefs_ready is not None and briefs_ready[0] == v:
        _downloads(BRIEF_FORMATS, lambda fmt: brief_file(briefs_ready[1], fmt), "gemeindesteckbriefe", "steckbriefe")


st.header("Gemeindesteckbriefe")
if home().gemeinden:
    _steckbriefe(v)
else:
    st.text(f"{home().title} hat keine Gemeinden unter sich; Steckbriefe gibt es nur für die Gemeinden eines Kreises.")
