"""Daten & Quellen: every import with its provenance, the flag legend and the licence attributions."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from access import audit
from access.settings import load as access_settings
from indicators.status import SOURCE_STATUSES
from store import build
from tests.app_pages.conftest import sign_in
from tests.app_pages.elements import texts
from tests.conftest import READER, READER_PASSWORD

PAGE = "app_pages/daten_quellen.py"
RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


def test_the_imports_list_the_leavers_file_with_its_sha256(open_app):
    at = open_app(PAGE)
    history = at.dataframe[0].value
    expected = hashlib.sha256((RAW / "regionalstatistik_2023_2025" / "21111-02-06-4.csv").read_bytes()).hexdigest()
    rows = history[history["Datei"] == "21111-02-06-4.csv"]
    assert expected in set(rows["SHA-256"])
    newest = rows[rows["SHA-256"] == expected].iloc[0]
    assert newest["Tabelle"] == "21111-02-06-4"
    assert newest["Stand"] == "13.03.2025"


def test_the_flag_legend_explains_every_source_symbol(open_app):
    at = open_app(PAGE)
    legend = at.table[0].value
    assert legend["Bedeutung"].tolist() == [s.legend for s in SOURCE_STATUSES]
    assert "geheim" in legend["Status"].tolist()


def test_the_licence_attributions_are_printed(open_app):
    shown = "\n".join(texts(open_app(PAGE)))
    assert "© GeoBasis-DE / BKG 2021 (Daten verändert)" in shown
    assert "Quelle: Statistik der Bundesagentur für Arbeit" in shown
    assert "dl-de/by-2-0" in shown
    assert "Datenquelle: INKAR, BBSR Bonn" in shown


def test_the_indicator_catalogue_is_shown(open_app):
    shown = "\n".join(texts(open_app(PAGE)))
    assert "ohne_abschluss_anteil" in shown


def test_the_page_names_the_offices_own_files_once_they_are_imported(open_app, store_db, tmp_path, monkeypatch):
    # SYNTHETIC TEST DATA in the office template (invented counts), imported into a private copy.
    own = tmp_path / "schulen_2024.csv"
    own.write_text(
        "schuljahr;region_code;schule;merkmal;anzahl;quelle\n"
        "2023/24;03453004;Testschule 1;abgaenge_insgesamt;40;synthetische Testdaten\n",
        encoding="utf-8",
    )
    copy = tmp_path / "store.duckdb"
    shutil.copyfile(store_db, copy)
    monkeypatch.setattr(build, "IMPORTS_DIR", tmp_path / "imports")
    build.import_files(copy, [own], lambda *_: None)
    monkeypatch.setenv("BILDUNGSMONITOR_DB", str(copy))
    shown = "\n".join(texts(open_app(PAGE)))
    assert "eigene Erhebungen des Bildungsbüros aus schulen_2024.csv" in shown


def test_without_own_data_the_page_says_every_value_is_official(open_app):
    shown = "\n".join(texts(open_app(PAGE)))
    assert "keine erfundenen oder synthetischen Werte" in shown and "eigene Erhebungen" not in shown


def uploaders(at) -> int:
    return len(at.get("file_uploader"))


def test_an_anonymous_visitor_sees_no_uploader_and_no_audit_log(open_app):
    at = open_app(PAGE)
    assert uploaders(at) == 0
    assert not [b for b in at.button if b.label == "Importieren"]
    assert "Änderungsprotokoll" not in [h.value for h in at.header]


def test_a_signed_in_reader_sees_no_uploader_either(open_app, local_users):
    at = sign_in(open_app(PAGE), READER, READER_PASSWORD)
    assert uploaders(at) == 0
    assert "Änderungsprotokoll" not in [h.value for h in at.header]


def test_an_analyst_sees_the_uploader_and_the_audit_log_newest_first(open_as_analyst):
    log = access_settings().audit_log
    audit.record(log, "analystin", "Präsentation gespeichert", {"name": "Beirat", "ersetzt": False})
    audit.record(log, "root (Kommandozeile)", "Import", {"datei": "schulen.csv", "angenommen": True})
    at = open_as_analyst(PAGE)
    assert uploaders(at) == 1
    assert "Änderungsprotokoll" in [h.value for h in at.header]
    shown = next(d.value for d in at.dataframe if list(d.value.columns) == ["Zeit", "Wer", "Aktion", "Was"])
    assert shown.iloc[0][["Wer", "Aktion", "Was"]].tolist() == [
        "root (Kommandozeile)",
        "Import",
        "datei: schulen.csv; angenommen: ja",
    ]
    assert shown.iloc[1]["Was"] == "name: Beirat; ersetzt: nein"
    assert shown.iloc[0]["Zeit"][2] == "." and len(shown.iloc[0]["Zeit"]) == len("30.11.2026 16:40")


def test_an_own_import_can_be_undone_from_the_page_after_confirming(open_as_analyst, store_db, tmp_path, monkeypatch):
    # SYNTHETIC TEST DATA in the office template (invented counts), imported into a private copy.
    own = tmp_path / "schulen_2024.csv"
    own.write_text(
        "schuljahr;region_code;schule;merkmal;anzahl;quelle\n"
        "2023/24;03453004;Testschule 1;abgaenge_insgesamt;40;synthetische Testdaten\n",
        encoding="utf-8",
    )
    copy = tmp_path / "store.duckdb"
    shutil.copyfile(store_db, copy)
    monkeypatch.setattr(build, "IMPORTS_DIR", tmp_path / "imports")
    [outcome] = build.import_files(copy, [own], lambda *_: None)
    monkeypatch.setenv("BILDUNGSMONITOR_DB", str(copy))
    at = open_as_analyst(PAGE)
    choice = at.selectbox(key="rueckgaengig_import")
    assert choice.options == [f"Import {outcome.result.import_id} · schulen_2024.csv · EIGENE Schuldaten · 1 Werte"]
    button = next(b for b in at.button if b.label == "Rückgängig machen")
    assert button.disabled  # nothing happens without the confirmation
    at.checkbox(key="rueckgaengig_sicher").check().run()
    next(b for b in at.button if b.label == "Rückgängig machen").click().run()
    assert not at.exception
    # The line is shown as text: Markdown characters arrive escaped ("\:"), so compare without backslashes.
    shown = [s.value.replace("\\", "") for s in at.success] + [e.value for e in at.error]
    assert any("rückgängig gemacht: 1 Werte, Werte entfernt" in s for s in shown), shown
    assert "schulen_2024.csv" not in set(at.dataframe[0].value["Datei"])
    assert not (tmp_path / "imports" / "schulen_2024.csv").exists()
