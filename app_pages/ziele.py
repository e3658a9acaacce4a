"""Ziele: the Beirat's Zielsystem and how far each indicator still is from its target.

Handlungsfeld → strategisches Ziel → Mittlerziel → Zielindikatoren, each with its latest value, the
target, the symbol with its German word (never colour alone), the distance and a sparkline, and
the Mittlerziel's Arbeitspakete with their status; then the status table as CSV/XLSX, the history
of every change and, behind the write permission (`_edit_section`, `_work_section`), the actions
that write: adding, changing and removing goals and Arbeitspakete, loading or removing the example
set. Every write goes through ziele.ablage.save, which refuses to overwrite a change saved in between.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from charts.format import fmt_number, fmt_value
from indicators.catalogue import CATALOGUE, HANDLUNGSFELDER
from indicators.zielerreichung import BEWERTUNGEN
from regions.home import home
from ui import access, figures, tables
from ui.data import version
from ui.plain import plain
from ui.views import choosable_regions
from ui.ziele import all_standings, goals, latest, school_choices, table
from ui.ziele import version as goals_version
from ziele import ablage
from ziele.model import ARBEITSPAKET_STATUS, EXAMPLE_LABEL, Ziel, ZielFehler, check_row, fmt_zwischenziele, to_row
from ziele.status import distance, label

MESSAGE = "_ziele_meldung"  # (kind, text) of the last write, shown once
EDITING = "_ziele_original"  # the goal as it was when loaded into the form (None: a new goal)
WORK_EDITING = "_arbeitspaket_original"  # the Arbeitspaket as loaded into its form (None: a new one)
NEW = "__neu__"
QUALITATIVE = ""
NO_SCHOOL = ("", "")  # (Gemeinde code, school): the goal is for the region itself
CHANGED_MEANWHILE = (
    "wurde inzwischen an anderer Stelle geändert oder entfernt. Ihre Änderung wurde nicht übernommen, damit nichts "
    "verloren geht: bitte neu auswählen und die Änderung erneut eingeben."
)
FIELDS = ("handlungsfeld", "strategisches_ziel", "mittlerziel", "verantwortlich", "frist", "beschlossen_am", "gremium")
FIELD_LABELS = {
    "handlungsfeld": "Handlungsfeld",
    "strategisches_ziel": "Strategisches Ziel",
    "mittlerziel": "Mittlerziel",
    "verantwortlich": "Verantwortlich",
    "frist": "Frist (Jahr oder TT.MM.JJJJ)",
    "beschlossen_am": "Beschlossen am (TT.MM.JJJJ)",
    "gremium": "Gremium",
}


# ------------------------------------------------------------------------------------------------ writes


def _message(kind: str, text: str) -> None:
    st.session_state[MESSAGE] = (kind, text)


def _write(change, action: str, done: str) -> None:
    """Apply `change` (list of goals -> list of goals) to the goals on disk and save; German message either way.

    The one write path of the page: it asks ui.access again (a widget left visible by mistake still
    cannot write) and logs the change under the writer's name.
    """
    try:
        who = access.require_write()
    except access.WriteRefused as error:
        _message("error", str(error))
        return
    current = ablage.load()
    try:
        ablage.save(change(list(current.goals)), current.version, action)
    except ZielFehler as error:
        _message("error", str(error))
        return
    access.log_write(who, "Ziele geändert", {"aktion": action})
    _message("success", done)


def _fill_form() -> None:
    """Load the goal chosen in "Ziel bearbeiten" into the form, remembering it as it was."""
    s = st.session_state
    chosen = s["ziel_auswahl"]
    goal = next((g for g in goals(goals_version()) if g.id == chosen), None)
    s[EDITING] = goal
    row = to_row(goal) if goal else {f: "" for f in (*FIELDS, "indikator", "region", "zielwert", "zieljahr")}
    for field in FIELDS:
        s[f"ziel_{field}"] = row[field]
    s["ziel_indikator"] = row["indikator"]
    s["ziel_region"] = row["region"] or home().key
    s["ziel_zielwert"] = row["zielwert"]
    s["ziel_zieljahr"] = row["zieljahr"]
    s["ziel_zwischenziele"] = fmt_zwischenziele(goal.zwischenziele) if goal else ""
    s["ziel_schule"] = (goal.region, goal.schule) if goal and goal.schule else NO_SCHOOL
    s["ziel_beispiel"] = bool(goal and goal.beispiel)
    if not goal:
        s["ziel_handlungsfeld"] = HANDLUNGSFELDER[0]


def _save_form() -> None:
    s = st.session_state
    row = {field: s[f"ziel_{field}"] for field in FIELDS}
    qualitative = s["ziel_indikator"] == QUALITATIVE
    school_region, school = s["ziel_schule"]
    row |= {
        "indikator": s["ziel_indikator"],
        "region": "" if qualitative else school_region or s["ziel_region"],
        "schule": school,
        "zielwert": s["ziel_zielwert"],
        "zieljahr": s["ziel_zieljahr"],
        "zwischenziele": s["ziel_zwischenziele"],
        "beispiel": "ja" if s["ziel_beispiel"] else "",
    }
    try:
        goal = check_row(row, latest(version()))
    except ZielFehler as error:
        _message("error", f"Nicht gespeichert: {error}")
        return
    original: Ziel | None = s.get(EDITING)

    def change(current: list[Ziel]) -> list[Ziel]:
        if original is None:
            return [*current, goal]
        now = next((g for g in current if g.id == original.id), None)
        if now != original:
            raise ZielFehler(f"Dieses Ziel {CHANGED_MEANWHILE}")
        return [replace(goal, id=original.id) if g.id == original.id else g for g in current]

    _write(change, "Seite Ziele", f"Gespeichert: {goal.describe}.")
    if s[MESSAGE][0] == "success":  # an empty form for the next goal
        s["ziel_auswahl"] = NEW
        _fill_form()


def _remove() -> None:
    original: Ziel | None = st.session_state.get(EDITING)
    if original is None:
        return

    def change(current: list[Ziel]) -> list[Ziel]:
        if original not in current:
            raise ZielFehler("Dieses Ziel wurde inzwischen an anderer Stelle geändert oder entfernt; nichts gelöscht.")
        left = [g for g in current if g.id != original.id]
        if _orphans(left):
            raise ZielFehler(
                "Zu diesem Mittlerziel gehören noch Arbeitspakete und es bliebe ohne Zielindikator: bitte zuerst "
                "die Arbeitspakete entfernen (oder das Mittlerziel als qualitatives Ziel behalten). Nichts gelöscht."
            )
        return left

    _write(change, "Seite Ziele", f"Entfernt: {original.describe}. Die Historie behält es.")
    st.session_state["ziel_auswahl"] = NEW
    _fill_form()


def _load_example() -> None:
    try:
        example = ablage.example(latest(version()))
    except ZielFehler as error:
        _message("error", str(error))
        return

    def change(current: list[Ziel]) -> list[Ziel]:
        keys = {g.key for g in current}
        return [*current, *(g for g in example if g.key not in keys)]

    _write(change, "Beispiel geladen", f"Beispielziele geladen ({EXAMPLE_LABEL}).")


def _orphans(rows: list[Ziel]) -> list[Ziel]:
    """Arbeitspakete whose Mittlerziel has no Zielindikator or qualitative row left among `rows`."""
    middles = {g.mittlerziel_key for g in rows if not g.ist_arbeitspaket}
    return [g for g in rows if g.ist_arbeitspaket and g.mittlerziel_key not in middles]


def _remove_examples() -> None:
    """The example rows go, and with them the Arbeitspakete whose Mittlerziel was an example."""

    def change(current: list[Ziel]) -> list[Ziel]:
        left = [g for g in current if not g.beispiel]
        orphans = _orphans(left)
        return [g for g in left if g not in orphans]

    _write(change, "Beispiele entfernt", "Beispielziele entfernt.")


# ------------------------------------------------------------------------------------------------ Arbeitspakete


def _middles(current: tuple[Ziel, ...]) -> dict[tuple[str, str, str], Ziel]:
    """Each Mittlerziel (key) with its first Zielindikator or qualitative row, which carries its texts."""
    firsts: dict[tuple[str, str, str], Ziel] = {}
    for goal in current:
        if not goal.ist_arbeitspaket:
            firsts.setdefault(goal.mittlerziel_key, goal)
    return firsts


def _fill_work() -> None:
    """Load the Arbeitspaket chosen in "Arbeitspaket" into its form, remembering it as it was."""
    s = st.session_state
    work = next((g for g in goals(goals_version()) if g.id == s["ap_auswahl"]), None)
    s[WORK_EDITING] = work
    s["ap_text"] = work.arbeitspaket if work else ""
    s["ap_verantwortlich"] = work.verantwortlich if work else ""
    s["ap_status"] = work.status if work else ARBEITSPAKET_STATUS[0]
    if work:
        s["ap_mittlerziel"] = work.mittlerziel_key


def _save_work() -> None:
    s = st.session_state
    middle = _middles(goals(goals_version())).get(s.get("ap_mittlerziel"))
    if middle is None:
        _message("error", "Nicht gespeichert: bitte ein Mittlerziel wählen.")
        return
    row = {
        "handlungsfeld": middle.handlungsfeld,
        "strategisches_ziel": middle.strategisches_ziel,
        "mittlerziel": middle.mittlerziel,
        "arbeitspaket": s["ap_text"],
        "verantwortlich": s["ap_verantwortlich"],
        "status": s["ap_status"],
        "beispiel": "ja" if middle.beispiel else "",
    }
    if not s["ap_text"].strip():
        _message("error", "Nicht gespeichert: „Arbeitspaket“ darf nicht leer sein.")
        return
    try:
        work = check_row(row, None)
    except ZielFehler as error:
        _message("error", f"Nicht gespeichert: {error}")
        return
    original: Ziel | None = s.get(WORK_EDITING)

    def change(current: list[Ziel]) -> list[Ziel]:
        if original is None:
            return [*current, work]
        if original not in current:
            raise ZielFehler(f"Dieses Arbeitspaket {CHANGED_MEANWHILE}")
        return [replace(work, id=original.id) if g.id == original.id else g for g in current]

    _write(change, "Seite Ziele", f"Gespeichert: {work.describe}.")
    if s[MESSAGE][0] == "success":
        s["ap_auswahl"] = NEW
        _fill_work()


def _remove_work() -> None:
    original: Ziel | None = st.session_state.get(WORK_EDITING)
    if original is None:
        return

    def change(current: list[Ziel]) -> list[Ziel]:
        if original not in current:
            raise ZielFehler("Dieses Arbeitspaket wurde inzwischen geändert oder entfernt; nichts gelöscht.")
        return [g for g in current if g.id != original.id]

    _write(change, "Seite Ziele", f"Entfernt: {original.describe}. Die Historie behält es.")
    st.session_state["ap_auswahl"] = NEW
    _fill_work()


def _work_section(current: tuple[Ziel, ...]) -> None:
    """Adding, changing and removing the Arbeitspakete of a Mittlerziel (same permission as goals)."""
    st.subheader("Arbeitspakete bearbeiten")
    middles = _middles(current)
    if not middles:
        st.caption("Arbeitspakete gehören zu einem Mittlerziel: bitte zuerst oben ein Ziel anlegen.")
        return
    choices = {NEW: "Neues Arbeitspaket anlegen"} | {g.id: g.describe for g in current if g.ist_arbeitspaket}
    if st.session_state.get("ap_auswahl") not in choices or WORK_EDITING not in st.session_state:
        st.session_state["ap_auswahl"] = NEW
        _fill_work()
    if st.session_state.get("ap_mittlerziel") not in middles:
        st.session_state["ap_mittlerziel"] = next(iter(middles))
    st.selectbox(
        "Arbeitspaket auswählen", list(choices), key="ap_auswahl", format_func=choices.get, on_change=_fill_work
    )
    with st.form("ap_formular", border=True):
        st.selectbox(
            "Gehört zum Mittlerziel",
            list(middles),
            key="ap_mittlerziel",
            format_func=lambda k: f"{k[2]} ({k[0]})",
        )
        st.text_input("Arbeitspaket", key="ap_text", max_chars=300)
        left, right = st.columns(2)
        left.text_input("Verantwortlich für das Arbeitspaket", key="ap_verantwortlich", max_chars=300)
        right.selectbox("Status des Arbeitspakets", ARBEITSPAKET_STATUS, key="ap_status")
        st.form_submit_button("Arbeitspaket speichern", type="primary", on_click=_save_work)
    if st.session_state.get(WORK_EDITING) is not None:
        st.button("Dieses Arbeitspaket entfernen", key="ap_entfernen", on_click=_remove_work)


def _edit_section(current: tuple[Ziel, ...], region_names: dict[str, str], schools: list[tuple[str, str]]) -> None:
    """Everything that writes goals, in one place (a role check can wrap this function)."""
    st.subheader("Ziele bearbeiten")
    with st.container(horizontal=True):
        if not any(g.beispiel for g in current):
            st.button("Beispiel laden", key="beispiel_laden", on_click=_load_example)
        else:
            st.button("Beispiele entfernen", key="beispiele_entfernen", on_click=_remove_examples)
    choices = {NEW: "Neues Ziel anlegen"} | {g.id: g.describe for g in current if not g.ist_arbeitspaket}
    # Streamlit drops the state of widgets a run does not draw (another page was open): start afresh
    # then, so the form never edits a goal it no longer shows.
    if st.session_state.get("ziel_auswahl") not in choices or EDITING not in st.session_state:
        st.session_state["ziel_auswahl"] = NEW
        _fill_form()
    st.selectbox("Ziel", list(choices), key="ziel_auswahl", format_func=choices.get, on_change=_fill_form)
    indicators = [QUALITATIVE, *CATALOGUE]
    with st.form("ziel_formular", border=True):
        st.selectbox(
            "Handlungsfeld",
            list(dict.fromkeys([*HANDLUNGSFELDER, *(g.handlungsfeld for g in current)])),
            key="ziel_handlungsfeld",
            accept_new_options=True,
        )
        st.text_input(FIELD_LABELS["strategisches_ziel"], key="ziel_strategisches_ziel", max_chars=300)
        st.text_input(FIELD_LABELS["mittlerziel"], key="ziel_mittlerziel", max_chars=300)
        left, right = st.columns(2)
        left.text_input(FIELD_LABELS["verantwortlich"], key="ziel_verantwortlich", max_chars=300)
        right.text_input(FIELD_LABELS["frist"], key="ziel_frist", max_chars=10)
        st.selectbox(
            "Zielindikator",
            indicators,
            key="ziel_indikator",
            format_func=lambda k: (
                "– ohne Zahl (qualitatives Mittlerziel) –" if k == QUALITATIVE else CATALOGUE[k].title
            ),
        )
        st.selectbox("Region", list(region_names), key="ziel_region", format_func=region_names.get)
        kept = st.session_state.get("ziel_schule", NO_SCHOOL)
        st.selectbox(
            "Schule (nur für Indikatoren aus den eigenen Schuldaten; dann gilt die Gemeinde der Schule)",
            list(dict.fromkeys([NO_SCHOOL, *schools, kept])),
            key="ziel_schule",
            format_func=lambda k: (
                "– keine Schule, die Region selbst –" if k == NO_SCHOOL else _school_name(k, region_names)
            ),
        )
        left, right = st.columns(2)
        left.text_input("Zielwert (z. B. 6,0)", key="ziel_zielwert", max_chars=20)
        right.text_input("Zieljahr (z. B. 2030)", key="ziel_zieljahr", max_chars=4)
        st.text_input("Zwischenziele (z. B. 2026: 7,5 | 2028: 6,8)", key="ziel_zwischenziele", max_chars=200)
        left, right = st.columns(2)
        left.text_input(FIELD_LABELS["beschlossen_am"], key="ziel_beschlossen_am", max_chars=10)
        right.text_input(FIELD_LABELS["gremium"], key="ziel_gremium", max_chars=300)
        st.checkbox(f"{EXAMPLE_LABEL} (Beispiel, nicht vom Beirat beschlossen)", key="ziel_beispiel")
        st.form_submit_button("Speichern", type="primary", on_click=_save_form)
    if st.session_state.get(EDITING) is not None:
        st.button("Dieses Ziel entfernen", key="ziel_entfernen", on_click=_remove)
    if MESSAGE in st.session_state:
        kind, text = st.session_state.pop(MESSAGE)
        (st.success if kind == "success" else st.error)(text)


def _school_name(school: tuple[str, str], region_names: dict[str, str]) -> str:
    code, name = school
    return f"{name} ({region_names.get(code, code)})"


# ------------------------------------------------------------------------------------------------ reading


def _indicator_row(goal: Ziel, standings, v: int) -> None:
    """One Zielindikator; its numbers and words come from our own code, only the goal texts need escaping."""
    s = standings[goal.id]
    a, unit = s.assessment, s.unit
    with st.container(horizontal=True, vertical_alignment="center", key=f"zi_{goal.id}"):
        with st.container(width=360):
            st.text(f"{CATALOGUE[goal.indikator].title} – {s.region_name}")
            current = fmt_value(a.letzter_wert, unit) + (f" ({a.letztes_jahr})" if a.letztes_jahr else "")
            st.caption(f"Ist: {current} · Ziel: {fmt_value(a.zielwert, unit)} im Jahr {a.zieljahr}")
            if goal.zwischenziele:
                steps = ", ".join(f"{y}: {fmt_value(x, unit)}" for y, x in goal.zwischenziele)
                st.caption(f"Zwischenziele: {steps}")
        with st.container(width=320):
            st.text(label(s))
            st.caption(distance(s))
            if a.grund and a.bewertung.key == "nicht_bewertbar":
                st.caption(f"Grund: {a.grund}")
        if a.letzter_wert is not None:
            figures.show("goal_sparkline", goal.indikator, goal.region, goal.schule, v)


def _goal_tree(current: tuple[Ziel, ...], v: int, gv: str) -> None:
    standings = all_standings(v, gv)
    frame = pd.DataFrame([{**to_row(g), "goal": g} for g in current])
    for field, by_field in frame.groupby("handlungsfeld", sort=False):
        st.subheader(plain(field))
        for goal_text, by_goal in by_field.groupby("strategisches_ziel", sort=False):
            with st.container(border=True):
                st.markdown(f"**Strategisches Ziel:** {plain(goal_text)}")
                first = next(g for g in by_goal["goal"] if not g.ist_arbeitspaket)
                if all(g.beispiel for g in by_goal["goal"]):
                    st.caption(EXAMPLE_LABEL)
                elif first.beschlossen_am or first.gremium:
                    decided = " ".join(
                        x for x in (f"am {first.beschlossen_am}" if first.beschlossen_am else "", first.gremium) if x
                    )
                    st.caption(f"beschlossen {plain(decided)}")
                for middle, rows in by_goal.groupby("mittlerziel", sort=False):
                    st.markdown(f"**Mittlerziel:** {plain(middle)}")
                    head = next(g for g in rows["goal"] if not g.ist_arbeitspaket)
                    who = " · ".join(
                        x
                        for x in (
                            f"verantwortlich: {head.verantwortlich}" if head.verantwortlich else "",
                            f"Frist: {head.frist}" if head.frist else "",
                            EXAMPLE_LABEL if head.beispiel else "",
                        )
                        if x
                    )
                    if who:
                        st.caption(plain(who))
                    for goal in rows["goal"]:
                        if goal.qualitativ:
                            st.caption("Qualitatives Mittlerziel: ohne Zielwert, keine Bewertung.")
                        elif goal.zielindikator:
                            _indicator_row(goal, standings, v)
                    _work_packages([g for g in rows["goal"] if g.ist_arbeitspaket])


def _work_packages(rows: list[Ziel]) -> None:
    """The Arbeitspakete under their Mittlerziel; the status is a word, and the texts are shown as text."""
    if not rows:
        return
    st.caption(f"Arbeitspakete ({len(rows)})")
    for work in rows:
        who = f" · verantwortlich: {work.verantwortlich}" if work.verantwortlich else ""
        st.text(f"• {work.arbeitspaket} – {work.status}{who}")


def _legend() -> None:
    with st.expander("Wie wird bewertet? (Wettersymbole der Deutschen Nachhaltigkeitsstrategie)"):
        st.markdown(
            "Aus den letzten Jahreswerten (bis zu 6 aufeinanderfolgende Jahre bis zum neuesten, mindestens 4) "
            "ergibt sich die mittlere jährliche Veränderung; mit ihr wird bis zum Zieljahr fortgeschrieben. "
            "Erreicht der letzte Wert das Ziel schon oder die Fortschreibung es in der guten Richtung: Sonne. "
            "Sonst zählt die Abweichung |Zielwert − Projektion| ÷ |Zielwert − letzter Wert|: unter 5 % Sonne, "
            "5 bis 20 % leicht bewölkt, darüber bewölkt bei Entwicklung in die richtige Richtung, sonst Gewitter."
        )
        st.table(
            pd.DataFrame(
                {
                    "Symbol": [b.symbol for b in BEWERTUNGEN.values()],
                    "Bedeutung": [b.word for b in BEWERTUNGEN.values()],
                }
            ),
            hide_index=True,
        )


v = version()
gv = goals_version()
current = goals(gv)
regions = choosable_regions(v)
region_names = dict(zip(regions["region_code"], regions["name"], strict=True))

st.title("Ziele")
st.caption(
    "Die Ziele des Bildungsbeirats mit ihren Zielwerten und wie weit jeder Indikator noch davon entfernt ist. "
    "Jede Bewertung steht als Wort neben ihrem Symbol."
)
_legend()
if not current:
    st.info("Noch keine Ziele erfasst. Unten ein Ziel anlegen oder das Beispiel laden (Beispiel – nicht beschlossen).")
else:
    _goal_tree(current, v, gv)
    status = table(v, gv)
    if not status.empty:
        st.subheader("Stand als Tabelle")
        numbers = ("zielwert", "letzter_wert", "projektion", "abweichung_prozent")
        german = {c: (lambda v: "" if pd.isna(v) else fmt_number(v, 1)) for c in numbers}
        years = {c: (lambda v: "" if pd.isna(v) else str(int(v))) for c in ("zieljahr", "letztes_jahr")}
        st.dataframe(status.style.format(german | years), hide_index=True)
        tables.downloads(status, "zielstand", "Zielstand")
    with st.expander("Historie der Ziele (jede Änderung mit altem und neuem Wert)"):
        st.dataframe(ablage.history(), hide_index=True)
if access.may_write():
    _edit_section(current, region_names, list(school_choices(v)))
    _work_section(current)
else:
    st.caption("Ziele anlegen, ändern und entfernen können angemeldete Personen mit der Rolle Analyse.")
