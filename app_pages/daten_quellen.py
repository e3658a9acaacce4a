"""Daten & Quellen: where every number comes from, what the flags mean, and under which licence."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from charts.format import fmt_number
from charts.maps import ATTRIBUTION
from indicators.status import RESULT_STATUSES
from store.build import describe
from store.errors import ImportFehler
from store.importers.template import TABLE_CODE
from ui import access, tables
from ui.data import imports, version
from ui.data import tables as stored_tables
from ui.plain import plain
from ui.uploads import import_uploads, undo, undoable

CATALOGUE_DOC = Path(__file__).resolve().parent.parent / "docs" / "indikatoren.md"
DL_DE = "https://www.govdata.de/dl-de/by-2-0"
AUDIT_ROWS = 500
# Statuses the indicators give their results, besides the source flags they pass through.

v = version()
st.title("Daten & Quellen")
imported = imports(v)
own_files = imported.loc[imported["table_code"] == TABLE_CODE, "file_name"].tolist()  # the office's own data
st.caption(
    "Die amtlichen Werte stammen aus Dateien, die unverändert in data/raw/ liegen und mit Prüfsumme "
    "importiert wurden. Es gibt keine erfundenen oder synthetischen Werte."
    + (f" Dazu kommen eigene Erhebungen des Bildungsbüros aus {plain(', '.join(own_files))}." if own_files else "")
)


def _import_section() -> None:
    st.header("Dateien importieren")
    st.caption(
        "Amtliche Tabellen (GENESIS/Regionalstatistik-CSV, Flatfile, INKAR, BA, SvB-xlsx) oder die Vorlage für "
        "eigene Daten aus data/templates/. Jede Datei wird vollständig geprüft; eine fehlerhafte Datei ändert "
        "nichts. Dieselbe Funktion bietet `cli.py import`."
    )
    uploads = st.file_uploader("Dateien", type=["csv", "txt", "xlsx"], accept_multiple_files=True)
    if st.button("Importieren", disabled=not uploads):
        with st.status("Importiere …", expanded=True) as progress:
            outcomes = import_uploads(uploads, progress.text)
            failed = [o for o in outcomes if o.error]
            progress.update(
                label=f"{len(outcomes) - len(failed)} von {len(outcomes)} Dateien importiert",
                state="error" if failed else "complete",
            )
        st.session_state["import_report"] = [(o.path.name, describe(o), o.error is None) for o in outcomes]
        st.rerun()  # everything below now reads the new store version
    for name, line, ok in st.session_state.get("import_report", []):
        (st.success if ok else st.error)(plain(f"{name}: {line}"))


def _audit_section() -> None:
    st.header("Änderungsprotokoll")
    st.caption(
        f"Jede Änderung (Import, Ziel, Präsentation, Bericht): wer, wann, was; neueste zuerst, höchstens "
        f"{AUDIT_ROWS}. Die vollständige Datei liegt unter {access.settings().audit_log}."
    )
    st.dataframe(tables.audit(access.settings().audit_log, AUDIT_ROWS), hide_index=True)


def undo_section(history: pd.DataFrame) -> None:
    """Taking back an import: the one place that removes data from the store in the dashboard."""
    st.header("Import rückgängig machen")
    if "undo_report" in st.session_state:
        line, ok = st.session_state["undo_report"]
        (st.success if ok else st.error)(plain(line))
    candidates = undoable(history)
    if candidates.empty:
        st.caption("Keine selbst importierten Dateien; der mitgelieferte Grundbestand lässt sich nicht entfernen.")
        return
    labels = {
        row.import_id: f"Import {row.import_id} · {row.file_name} · {row.table_code} · "
        f"{fmt_number(row.row_count)} Werte"
        for row in candidates.itertuples()
    }
    chosen = st.selectbox("Import", list(labels), format_func=labels.get, key="rueckgaengig_import")
    st.caption(
        "Entfernt die Werte dieses Imports aus dem Bestand und legt die Datei aus data/imports in "
        "data/imports/.rueckgaengig. Hat der Import ältere Werte ersetzt, wird der Bestand neu aufgebaut "
        "(etwa eine Minute), damit sie zurückkehren. Dasselbe bietet `cli.py import --rueckgaengig ID`."
    )
    sure = st.checkbox("Ja, diesen Import entfernen", key="rueckgaengig_sicher")
    if st.button("Rückgängig machen", disabled=not sure):
        with st.status("Mache rückgängig …", expanded=True) as progress:
            try:
                line, ok = undo(chosen, progress.text), True
            except ImportFehler as error:
                line, ok = f"Nicht rückgängig gemacht: {error}", False
            progress.update(label="Fertig" if ok else "Abgebrochen", state="complete" if ok else "error")
        st.session_state["undo_report"] = (line, ok)
        del st.session_state["rueckgaengig_sicher"]
        st.rerun()


if access.may_write():
    _import_section()
    undo_section(imported)

st.header("Importierte Dateien")
history = tables.provenance(imports(v))
st.caption(f"{len(history)} Importe, neueste zuerst. „Werte aktuell“ = 0: durch eine neuere Lieferung ersetzt.")
st.dataframe(history, hide_index=True)

st.header("Tabellen im Datenbestand")
stored = stored_tables(v)
st.dataframe(
    pd.DataFrame(
        {
            "Tabelle": stored["table_code"],
            "Titel": stored["table_title"],
            "Jahre": [f"{first}–{last}" for first, last in zip(stored["first_year"], stored["last_year"], strict=True)],
            "Werte": [fmt_number(n) for n in stored["values"]],
        }
    ),
    hide_index=True,
)

st.header("Zeichenerklärung")
left, right = st.columns(2)
left.markdown("**Zeichen der Quellen**")
left.table(tables.legend(), hide_index=True)
right.markdown("**Status der Indikatorwerte**")
right.table(
    pd.DataFrame({"Status": [s.text for s in RESULT_STATUSES], "Bedeutung": [s.legend for s in RESULT_STATUSES]}),
    hide_index=True,
)

st.header("Lizenzen und Quellenvermerke")
licences = sorted(set(imports(v)["licence"]))
st.markdown(
    "\n".join(f"- {licence}" for licence in licences)  # the importers' own constants, not file content
    + f"\n- Karten: [{ATTRIBUTION}](http://www.bkg.bund.de), Verwaltungsgebiete 1:5 000 000 (VG5000)"
    + f"\n- Lizenztext: [Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)]({DL_DE})"
)

if access.may_write():
    _audit_section()

with st.container(height=600):  # docs/indikatoren.md, generated from the declarations, brings its own heading
    st.markdown(CATALOGUE_DOC.read_text(encoding="utf-8"))
