"""`cli.py bericht` and `cli.py steckbriefe` as a scheduled job runs them."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from pypdf import PdfReader

import cli
from bericht import ablage
from tests.bericht.conftest import SMALL


@pytest.fixture(autouse=True)
def berichte_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("BILDUNGSMONITOR_BERICHTE", str(tmp_path / "berichte"))


def test_a_saved_definition_becomes_a_docx_with_its_numbers(store_db, tmp_path, capsys):
    ablage.save(SMALL, "", "analystin")
    target = tmp_path / "bericht.docx"
    code = cli.main(["bericht", "--db", str(store_db), "--definition", SMALL.name, "--output", str(target)])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "[3/3] Abschlüsse der Schulabgänge" in err  # progress per indicator
    texts = [p.text for p in Document(io.BytesIO(target.read_bytes())).paragraphs]
    assert any(t.startswith("Abgänge ohne Hauptschulabschluss, Landkreis Cloppenburg 2024: 11,2 %") for t in texts)


def test_the_format_follows_the_file_ending_and_an_existing_file_is_kept_unless_replaced(store_db, tmp_path, capsys):
    ablage.save(SMALL, "", "analystin")
    target = tmp_path / "bericht.pdf"
    target.write_bytes(b"alt")
    args = ["bericht", "--db", str(store_db), "--definition", SMALL.name, "--output", str(target)]
    assert cli.main(args) == 1
    assert "gibt es schon; zum Ersetzen --ersetzen angeben" in capsys.readouterr().err
    assert target.read_bytes() == b"alt"
    assert cli.main([*args, "--ersetzen"]) == 0
    text = re.sub(r"\s+", " ", "".join(p.extract_text() for p in PdfReader(target).pages))
    assert "Niedersachsen: 8,7 %" in text


def test_an_unknown_definition_is_named_in_german(store_db, tmp_path, capsys):
    code = cli.main(
        ["bericht", "--db", str(store_db), "--definition", "Gibt es nicht", "--output", str(tmp_path / "x")]
    )
    assert code == 1
    assert "Einen gespeicherten Bericht „Gibt es nicht“ gibt es nicht." in capsys.readouterr().err


def test_steckbriefe_as_xlsx(store_db, tmp_path, capsys):
    target = tmp_path / "steckbriefe.xlsx"
    assert cli.main(["steckbriefe", "--db", str(store_db), "--output", str(target)]) == 0
    assert "13 Gemeindesteckbriefe als XLSX" in capsys.readouterr().err
    assert target.read_bytes()[:2] == b"PK"
