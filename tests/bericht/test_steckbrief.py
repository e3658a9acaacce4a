"""Gemeindesteckbriefe: one page for each of the 13 Gemeinden of Landkreis Cloppenburg, PDF, ZIP and XLSX.

Hand-checked (data/raw/regionalstatistik_1995_2016/12411-02-03-5_00.csv, line of 03453004, 31.12.2015):
Stadt Cloppenburg has 1,125 children under 3; 18 to under 25 = 929 (18–20) + 2,271 (20–25) = 3,200.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from bericht import steckbrief
from deck.render import StoreData

GEMEINDEN = 13


@pytest.fixture(scope="module")
def briefs(report_data):
    return steckbrief.build_all(report_data)


@pytest.fixture(scope="module")
def pdf_bytes(briefs):
    return steckbrief.to_pdf(briefs)


def test_there_is_a_steckbrief_for_every_gemeinde_of_the_kreis(briefs):
    assert len(briefs) == GEMEINDEN
    assert {b.code for b in briefs} == {f"03453{n:03d}" for n in range(1, GEMEINDEN + 1)}


def test_the_pdf_has_one_tagged_page_per_gemeinde_with_its_name(pdf_bytes, briefs, tmp_path):
    reader = PdfReader(io.BytesIO(pdf_bytes))
    assert len(reader.pages) == GEMEINDEN
    for page, brief in zip(reader.pages, briefs, strict=True):
        assert f"Gemeindesteckbrief {brief.name}" in page.extract_text()
    path = tmp_path / "steckbriefe.pdf"
    path.write_bytes(pdf_bytes)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)


def test_a_steckbrief_shows_population_with_year_and_kreis_and_land_of_the_same_year(briefs):
    stadt = next(b for b in briefs if b.code == "03453004")
    krippe = next(z for z in stadt.population if z.merkmal.startswith("unter 3"))
    assert krippe.texts[1:3] == ("2015", "1.125")
    ausbildung = next(z for z in stadt.population if z.merkmal.startswith("18 bis unter 25"))
    assert ausbildung.gemeinde == 3200
    # Kreis and Land in the same year as the Gemeinde's figure (2015), never their newest.
    assert all(z.jahr == 2015 for z in stadt.population)
    assert stadt.map_alt.startswith("Karte: Lage der Gemeinde Cloppenburg im Landkreis Cloppenburg")
    assert any("GeoBasis-DE / BKG" in line for line in stadt.licences)


def test_kreis_only_indicators_are_not_spread_over_the_gemeinden(briefs):
    keys = set(steckbrief.INDICATORS)
    assert "ohne_abschluss_anteil" not in keys and "jugendarbeitslose_je_100" in keys
    assert all(len(b.indicators) == len(keys) for b in briefs)


def test_the_zip_holds_one_pdf_per_gemeinde(briefs):
    archive = zipfile.ZipFile(io.BytesIO(steckbrief.to_zip(briefs[:2])))
    assert archive.namelist() == ["steckbrief_03453001_barssel.pdf", "steckbrief_03453002_boesel.pdf"]
    assert len(PdfReader(io.BytesIO(archive.read("steckbrief_03453002_boesel.pdf"))).pages) == 1


def test_the_xlsx_has_the_same_figures_as_numbers(briefs):
    book = load_workbook(io.BytesIO(steckbrief.to_xlsx(briefs)))
    sheet = book["Steckbriefe"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert len({r["AGS"] for r in rows}) == GEMEINDEN
    krippe = next(r for r in rows if r["AGS"] == "03453004" and r["Merkmal"].startswith("unter 3"))
    assert (krippe["Jahr"], krippe["Wert Gemeinde"]) == (2015, 1125)
    assert any("dl-de/by-2-0" in str(c.value) for c in book["Quellen"]["A"])


def test_a_second_kreis_gets_a_steckbrief_for_each_of_its_gemeinden(store_con, monkeypatch):
    # Landkreis Vechta (03460) has ten Gemeinden (BKG 2021); its Land is Niedersachsen as well.
    monkeypatch.setenv("BILDUNGSMONITOR_REGION", "03460")
    briefs = steckbrief.build_all(StoreData(store_con))
    assert len(briefs) == 10 and all(b.code.startswith("03460") for b in briefs)
    assert steckbrief.columns() == ("Merkmal", "Jahr", "Gemeinde", "Landkreis", "Niedersachsen")
    assert briefs[0].map_alt.endswith("im Landkreis Vechta")


def test_a_kreisfreie_stadt_has_no_steckbriefe_and_an_empty_xlsx(store_con, monkeypatch):
    monkeypatch.setenv("BILDUNGSMONITOR_REGION", "03404")  # Osnabrück, kreisfreie Stadt
    briefs = steckbrief.build_all(StoreData(store_con))
    assert briefs == []
    sheet = load_workbook(io.BytesIO(steckbrief.to_xlsx(briefs)))["Steckbriefe"]
    assert [c.value for c in sheet[1]][:3] == ["AGS", "Gemeinde", "Bereich"] and sheet.max_row == 1
