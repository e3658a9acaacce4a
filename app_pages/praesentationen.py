"""Präsentationen: the decks for the Bildungsbeirat — open, download, build and save.

A deck names indicators and settings, never values (deck/model.py), so a saved deck shows the
newest data after every import. The deck being built lives in the session until it is saved under
a name in data/decks/; the shipped default deck is only ever copied, never overwritten. Every change
goes through a button callback, so the whole page is drawn from the changed state in the same run.
"""

from __future__ import annotations

import streamlit as st

from deck.model import (
    CHART_KINDS,
    Deck,
    DeckEntry,
    DeckError,
    DeckExists,
    IndicatorSlide,
    Slide,
    SourcesSlide,
    TextSlide,
    TitleSlide,
    ZielstandSlide,
    comparison_names,
    list_decks,
    load_deck,
)
from indicators.catalogue import CATALOGUE, HANDLUNGSFELDER
from indicators.peers import peer_groups
from regions.home import home
from regions.levels import KREISE
from ui import access, decks, sidebar
from ui.data import version
from ui.plain import plain
from ui.slides import export
from ui.views import any_level_years, area_levels, categories, choosable_regions

DRAFT = "_entwurf"  # the slides being built, a list of deck.model slides
NAME = "entwurf_name"
MESSAGE = "_entwurf_meldung"  # (kind, text) of the last change, shown once
SOURCE = "_entwurf_quelle"  # file stem of the saved deck being edited: saving over it needs no question
REPLACING = "_ersetzen_frage"  # the DeckExists of a save that waits for "Ersetzen" or "Abbrechen"
DELETING = "_loeschen_frage"  # file stem of the deck whose deletion waits for confirmation
LIST_MESSAGE = "_liste_meldung"  # (kind, text) of the last deletion, shown once under the list
MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}


def _new_slides() -> list[Slide]:
    return [TitleSlide(subtitle="Ist-Zustand für den Bildungsbeirat"), SourcesSlide()]


def _start(slides: list[Slide], name: str, source: str = "") -> None:
    st.session_state[DRAFT] = slides
    st.session_state[NAME] = name
    st.session_state[SOURCE] = source
    st.session_state.pop(REPLACING, None)


def _edit(entry: DeckEntry) -> None:
    """Load a saved deck into the builder; the shipped one as a copy, since it cannot be overwritten."""
    deck = load_deck(entry.path)
    if entry.shipped:
        _start(list(deck.slides), f"{deck.name} (Kopie)")
    else:
        _start(list(deck.slides), deck.name, entry.slug)


def _add(slide: Slide) -> None:
    """Append a slide; before the closing Quellen slide, where there is one."""
    slides = st.session_state[DRAFT]
    at = len(slides) - 1 if slides and isinstance(slides[-1], SourcesSlide) else len(slides)
    slides.insert(at, slide)


def _add_from_form(kind: str) -> None:
    """Build the slide from the form's widgets; the model's German message is shown when it refuses."""
    s = st.session_state
    try:
        if kind == "indicator":
            comparison = tuple(s["neu_vergleich"])
            slide = IndicatorSlide(
                indicator=s["neu_indikator"],
                chart=s["neu_diagramm"],
                region=s["neu_region"],
                year=s[f"neu_jahr_{s['neu_indikator']}"],
                comparison=comparison,
                peer_group=s["neu_gruppe"] if "peers" in comparison else "nachbarn",
                level=s.get(f"neu_ebene_{s['neu_indikator']}", KREISE) if s["neu_diagramm"] == "map" else KREISE,
                category=s.get(f"neu_kategorie_{s['neu_indikator']}", ""),
                heading=s["neu_ueberschrift"].strip(),
            )
        elif kind == "text":
            slide = TextSlide(s["neu_text_ueberschrift"].strip(), s["neu_text"].strip())
        elif kind == "title":
            slide = TitleSlide(s["neu_titel"].strip(), s["neu_untertitel"].strip())
        elif kind == "zielstand":
            slide = ZielstandSlide(s["neu_handlungsfeld"], s["neu_ziel_ueberschrift"].strip() or "Zielstand")
        else:
            slide = SourcesSlide()
    except DeckError as error:
        s[MESSAGE] = ("error", str(error))
        return
    _add(slide)


def _move(index: int, step: int) -> None:
    slides = st.session_state[DRAFT]
    slides[index], slides[index + step] = slides[index + step], slides[index]


def _delete(index: int) -> None:
    del st.session_state[DRAFT][index]


def _save(replace: bool = False) -> None:
    """Save the draft; a file of another deck (or of this one, opened elsewhere) is replaced only after asking."""
    s = st.session_state
    s.pop(REPLACING, None)
    try:
        deck = Deck(s[NAME], tuple(s[DRAFT]))
        path = decks.save(deck, replace=replace or deck.slug == s.get(SOURCE))
    except DeckExists as question:
        s[REPLACING] = question
        return
    except (DeckError, access.WriteRefused) as error:
        s[MESSAGE] = ("error", str(error))
        return
    s[SOURCE] = deck.slug
    s[MESSAGE] = ("success", f"Gespeichert als {path.name}.")


def _cancel_replace() -> None:
    st.session_state.pop(REPLACING, None)


def _ask_delete(entry: DeckEntry | None) -> None:
    st.session_state[DELETING] = entry.slug if entry else ""


def _delete_deck(entry: DeckEntry) -> None:
    s = st.session_state
    s[DELETING] = ""
    try:
        decks.delete(entry)
    except (DeckError, access.WriteRefused) as error:
        s[LIST_MESSAGE] = ("error", str(error))
        return
    if s.get(SOURCE) == entry.slug:
        s[SOURCE] = ""  # the draft is now unsaved; saving it again needs no question
    s[LIST_MESSAGE] = ("success", f"Präsentation „{entry.name}“ gelöscht.")


def _describe(slide: Slide, region_names: dict[str, str]) -> str:
    """One German line per slide, e.g. "Zeitreihe: Jugendarbeitslosigkeit · Vechta, Landkreis · neuestes Jahr"."""
    if isinstance(slide, IndicatorSlide):
        parts = [
            f"{CHART_KINDS[slide.chart]}: {slide.heading or CATALOGUE[slide.indicator].title}",
            region_names.get(slide.region_code, slide.region_code),
            str(slide.year) if slide.year else "neuestes Jahr",
        ]
        if slide.chart == "map":
            parts.append(home().level_names[slide.level])
        return " · ".join(parts)
    if isinstance(slide, TitleSlide):
        return f"Titel: {slide.shown_title}"
    if isinstance(slide, TextSlide):
        return f"Text: {slide.heading}"
    if isinstance(slide, ZielstandSlide):
        return f"Zielstand: {slide.handlungsfeld or 'alle Handlungsfelder'}"
    return slide.heading


def _deck_list(region_names: dict[str, str], v: int, writer: bool) -> None:
    for entry in list_decks():
        deck = load_deck(entry.path)
        with st.container(border=True):
            st.markdown(f"**{plain(deck.name)}**")
            origin = (
                "mitgeliefert, nicht überschreibbar"
                if entry.shipped
                else f"gespeichert in data/decks/{entry.path.name}"
            )
            st.caption(f"{len(deck.slides)} Folien · {origin}")
            with st.container(horizontal=True):
                st.page_link(
                    "app_pages/praesentation.py",
                    label="Präsentieren",
                    query_params={"deck": entry.slug, "folie": "1"},
                )
                for kind in MIME:
                    st.download_button(
                        kind.upper(),
                        lambda kind=kind, stem=entry.slug: export(stem, kind, v),
                        f"{entry.slug}.{kind}",
                        MIME[kind],
                        key=f"{kind}_{entry.slug}",
                        on_click="ignore",
                    )
                if writer:
                    st.button(
                        "Bearbeiten",
                        key=f"bearbeiten_{entry.slug}",
                        on_click=_edit,
                        args=(entry,),
                    )
                if writer and not entry.shipped:
                    st.button(
                        "Löschen",
                        key=f"loeschen_{entry.slug}",
                        on_click=_ask_delete,
                        args=(entry,),
                    )
            if writer and st.session_state.get(DELETING) == entry.slug:
                st.text(f"Präsentation „{entry.name}“ ({entry.path.name}) endgültig löschen?")
                with st.container(horizontal=True):
                    st.button(
                        "Endgültig löschen",
                        key=f"loeschen_ja_{entry.slug}",
                        type="primary",
                        on_click=_delete_deck,
                        args=(entry,),
                    )
                    st.button("Abbrechen", key=f"loeschen_nein_{entry.slug}", on_click=_ask_delete, args=(None,))
            with st.expander("Folien einzeln öffnen"):
                for number, slide in enumerate(deck.slides, 1):
                    st.page_link(
                        "app_pages/praesentation.py",
                        label=f"{number}. {plain(_describe(slide, region_names))}",
                        query_params={"deck": entry.slug, "folie": str(number)},
                    )


def _slide_list(region_names: dict[str, str]) -> None:
    slides = st.session_state[DRAFT]
    if not slides:
        st.info("Noch keine Folien: rechts eine Folie hinzufügen.")
    for index, slide in enumerate(slides):
        with st.container(horizontal=True, vertical_alignment="center", key=f"folie_{index}"):
            st.markdown(f"{index + 1}. {plain(_describe(slide, region_names))}", width="stretch")
            st.button(
                "Nach oben",
                key=f"hoch_{index}",
                on_click=_move,
                args=(index, -1),
                disabled=index == 0,
            )
            st.button(
                "Nach unten",
                key=f"runter_{index}",
                on_click=_move,
                args=(index, 1),
                disabled=index == len(slides) - 1,
            )
            st.button(
                "Löschen",
                key=f"loeschen_{index}",
                on_click=_delete,
                args=(index,),
            )


def _indicator_form(region_names: dict[str, str], v: int) -> None:
    key = st.selectbox(
        "Indikator",
        list(CATALOGUE),
        key="neu_indikator",
        format_func=lambda k: f"{CATALOGUE[k].handlungsfeld}: {CATALOGUE[k].title}",
    )
    indicator = CATALOGUE[key]
    # Widgets whose options depend on the indicator carry its key, so a choice never outlives its options.
    options = categories(key, v)
    category = st.selectbox("Kategorie", options, key=f"neu_kategorie_{key}") if options != [""] else ""
    levels = area_levels(key)
    chart = st.radio("Diagramm", list(CHART_KINDS), key="neu_diagramm", format_func=CHART_KINDS.get, horizontal=True)
    if chart == "map":
        st.radio("Karte", levels, key=f"neu_ebene_{key}", format_func=home().level_names.get, horizontal=True)
    regions = list(region_names)
    chosen = sidebar.current().region
    st.selectbox("Region", regions, index=regions.index(chosen), key="neu_region", format_func=region_names.get)
    available = any_level_years(key, category, v)
    st.selectbox(
        "Jahr", [None, *available], key=f"neu_jahr_{key}", format_func=lambda y: "neuestes" if y is None else str(y)
    )
    names = comparison_names()
    compared = st.multiselect("Vergleich", list(names), default=list(names), key="neu_vergleich", format_func=names.get)
    if "peers" in compared:
        groups = peer_groups()
        st.selectbox("Vergleichskreise", list(groups), key="neu_gruppe", format_func=lambda g: groups[g].name)
    st.text_input("Überschrift", key="neu_ueberschrift", placeholder=indicator.title, max_chars=120)
    st.button(
        "Folie hinzufügen",
        key="neu_indikatorfolie",
        on_click=_add_from_form,
        args=("indicator",),
    )


def _other_form(kind: str) -> None:
    if kind == "text":
        st.text_input("Überschrift", key="neu_text_ueberschrift", max_chars=120)
        st.text_area("Text (Absätze durch eine Leerzeile trennen)", key="neu_text", max_chars=500)
    elif kind == "title":
        st.text_input("Titel", key="neu_titel", max_chars=120)
        st.text_input("Untertitel, z. B. Sitzung und Datum", key="neu_untertitel", max_chars=500)
    elif kind == "zielstand":
        fields = ["", *HANDLUNGSFELDER]
        st.selectbox(
            "Handlungsfeld", fields, key="neu_handlungsfeld", format_func=lambda f: f or "alle Handlungsfelder"
        )
        st.text_input("Überschrift", key="neu_ziel_ueberschrift", placeholder="Zielstand", max_chars=120)
        st.caption("Die Folie zeigt jedes Ziel mit Wettersymbol und Abstand, aus den Zielen der Seite Ziele.")
    else:
        st.caption("Die Quellen-Folie entsteht aus den Indikatoren der Präsentation und den Importen.")
    st.button("Folie hinzufügen", key=f"neu_{kind}folie", on_click=_add_from_form, args=(kind,))


def _message(key: str) -> None:
    """The outcome of the last save (MESSAGE) or deletion (LIST_MESSAGE), once, as plain text."""
    if key in st.session_state:
        kind, text = st.session_state.pop(key)
        (st.success if kind == "success" else st.error)(plain(text))


def _replace_question() -> None:
    """Asked after Speichern when the name maps to the file of another deck; data shown as text."""
    with st.container(border=True):
        st.text(f"{st.session_state[REPLACING]} Ersetzen?")
        with st.container(horizontal=True):
            st.button("Ersetzen", key="ersetzen_ja", type="primary", on_click=_save, args=(True,))
            st.button("Abbrechen", key="ersetzen_nein", on_click=_cancel_replace)


def _builder(region_names: dict[str, str], v: int) -> None:
    """Build, save and replace: analysts only (the page asks ui.access; ui.decks asks again)."""
    st.subheader("Präsentation bauen")
    st.button("Neue Präsentation beginnen", key="neu", on_click=_start, args=(_new_slides(), ""))
    slides_column, add_column = st.columns([3, 2], gap="large")
    with slides_column:
        _slide_list(region_names)
        st.text_input("Name", key=NAME, max_chars=80, placeholder="z. B. Beirat März 2026")
        st.button("Speichern", key="speichern", type="primary", on_click=_save)
        if REPLACING in st.session_state:
            _replace_question()
        _message(MESSAGE)
    with add_column:
        kinds = {
            "indicator": "Indikator",
            "text": "Text",
            "title": "Titel",
            "zielstand": "Zielstand",
            "sources": "Quellen",
        }
        kind = st.radio("Neue Folie", list(kinds), key="neu_art", format_func=kinds.get, horizontal=True)
        if kind == "indicator":
            _indicator_form(region_names, v)
        else:
            _other_form(kind)


v = version()
regions = choosable_regions(v)
region_names = dict(zip(regions["region_code"], regions["name"], strict=True))
if DRAFT not in st.session_state:
    _start(_new_slides(), "")

st.title("Präsentationen")
st.caption(
    "Folien für den Bildungsbeirat: je Folie eine Aussage mit Diagramm, Jahr und Quelle, erzeugt aus dem "
    "aktuellen Datenbestand. Präsentieren öffnet den Vollbildmodus; Tasten → ← Bild↓ Bild↑ Leertaste Pos1 Ende."
)

writer = access.may_write()
st.header("Gespeicherte Präsentationen")
_deck_list(region_names, v, writer)
_message(LIST_MESSAGE)
if writer:
    _builder(region_names, v)
else:
    st.caption("Präsentationen bauen, speichern und löschen können angemeldete Personen mit der Rolle Analyse.")
