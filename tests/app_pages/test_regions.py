"""Every page for another home Kreis: Landkreis Vechta (10 Gemeinden) and the kreisfreie Stadt Osnabrück.

The store is the session's (built for config/region.toml); only BILDUNGSMONITOR_REGION differs, as for a
second office's deployment. Results for another Kreis' Gemeinden are then computed on request
(store.results.read), so the pages see exactly what a store built for that Kreis would hold.
Names and counts come from the bundled BKG boundaries (data/raw/geo/vg5000_2021/PROVENANCE.md).
"""

from __future__ import annotations

import pytest

from tests.app_pages.elements import charts, texts

VECHTA, OSNABRUECK, STEINFURT = "03460", "03404", "05566"
TITLES = {VECHTA: "Landkreis Vechta", OSNABRUECK: "Kreisfreie Stadt Osnabrück", STEINFURT: "Kreis Steinfurt"}
PAGES = [
    None,  # Überblick, the router's default page
    "app_pages/ziele.py",
    "app_pages/indikator.py",
    "app_pages/landkreisvergleich.py",
    "app_pages/gemeindeprofil.py",
    "app_pages/daten_quellen.py",
    "app_pages/praesentationen.py",
    "app_pages/bericht.py",
    "app_pages/barrierefreiheit.py",
]


@pytest.fixture
def region(request, monkeypatch) -> str:
    monkeypatch.setenv("BILDUNGSMONITOR_REGION", request.param)
    return request.param


@pytest.mark.parametrize("region", [VECHTA, OSNABRUECK], indirect=True)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_the_configured_kreis_in_the_sidebar(open_app, region, page):
    at = open_app(page)  # open_app fails on any exception of the run
    assert f"{TITLES[region]} · Bildungsbüro" in [c.value for c in at.sidebar.caption]
    assert at.sidebar.selectbox(key="region").value == region


@pytest.mark.parametrize("region", [VECHTA], indirect=True)
def test_vechta_offers_its_ten_gemeinden_and_opens_the_profile_of_the_stadt_vechta(open_app, region):
    at = open_app("app_pages/gemeindeprofil.py")
    options = at.selectbox(key="gemeinde").options
    # PROVENANCE: Bakum 03460001 … Visbek 03460010; the Stadt Vechta (03460009) shares the Kreis' name.
    assert len(options) == 10 and "Bakum" in options and "Visbek" in options
    assert at.title[0].value == "Gemeindeprofil Vechta"
    assert "Landkreis Vechta" in at.table[2].value.columns


@pytest.mark.parametrize("region", [VECHTA], indirect=True)
def test_the_gemeinde_map_of_vechta_draws_its_ten_gemeinden(open_app, region):
    at = open_app("app_pages/indikator.py", indikator="sgb2_quote_u15", region="03460001", tab="Karte")
    assert at.radio(key="ebene").value == "gemeinden"
    assert at.radio(key="ebene").options == ["Kreise des Landes Niedersachsen", "Gemeinden im Landkreis Vechta"]
    (_, rows), *_ = charts(at)
    features = [row for row in rows if row.get("type") == "Feature"]
    assert sorted(f["region_code"] for f in features) == [f"034600{n:02d}" for n in range(1, 11)]


@pytest.mark.parametrize("region", [OSNABRUECK], indirect=True)
def test_a_kreisfreie_stadt_says_plainly_that_it_has_no_gemeinden(open_app, region):
    at = open_app("app_pages/gemeindeprofil.py")
    assert any("Kreisfreie Stadt Osnabrück ist eine kreisfreie Stadt" in t for t in texts(at))
    # The region list holds the Kreise of Niedersachsen only (45), no Gemeinde.
    assert len(at.sidebar.selectbox(key="region").options) == 45
    at = open_app("app_pages/indikator.py", indikator="sgb2_quote_u15", tab="Karte")
    assert not at.radio  # no choice between Kreise and Gemeinden
    assert any("ohne Gemeinden: Die Karte zeigt die Kreise" in t for t in texts(at))
    (_, rows), *_ = charts(at)
    assert len([row for row in rows if row.get("type") == "Feature"]) == 45


@pytest.mark.parametrize("region", [STEINFURT], indirect=True)
def test_a_kreis_in_another_land_is_compared_with_its_own_land(open_app, region):
    at = open_app()
    assert any("im Vergleich mit Nordrhein-Westfalen und Deutschland" in t for t in texts(at))
    at = open_app("app_pages/landkreisvergleich.py")
    # Nordrhein-Westfalen has 53 Kreise and kreisfreie Städte, Kreis Steinfurt 24 Gemeinden (VG5000,
    # 01.01.2021): the region list offers 53 + 24 = 77 regions, Steinfurt first.
    assert any(t.startswith("Kreise des Landes Nordrhein-Westfalen im Jahr") for t in texts(at))
    regions = at.sidebar.selectbox(key="region").options
    assert (len(regions), regions[0]) == (77, "Steinfurt, Kreis")
    groups = at.sidebar.selectbox(key="vergleich").options
    assert groups == ["Nachbarkreise", "Alle Kreise des Landes Nordrhein-Westfalen"]
