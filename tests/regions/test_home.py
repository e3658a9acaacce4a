"""The home region: one key in config/region.toml (or BILDUNGSMONITOR_REGION), the rest from the boundaries."""

from __future__ import annotations

import pytest

from indicators.peers import ALL_LAND, NEIGHBOURS, peer_groups
from regions.home import CONFIG, UnknownRegion, home, region_for
from regions.levels import GEMEINDEN, KREISE, level_of, parent_of


def test_the_shipped_configuration_names_landkreis_cloppenburg():
    # config/region.toml: kreis = "03453"; VG5000 (01.01.2021): GEN "Cloppenburg", BEZ "Landkreis", Land 03.
    kreis = home()
    assert (kreis.key, kreis.title, kreis.land_key, kreis.land_name) == (
        "03453",
        "Landkreis Cloppenburg",
        "03",
        "Niedersachsen",
    )
    assert 'kreis = "03453"' in CONFIG.read_text(encoding="utf-8")


def test_the_environment_variable_overrides_the_file(monkeypatch):
    monkeypatch.setenv("BILDUNGSMONITOR_REGION", "03460")
    assert home().title == "Landkreis Vechta"


def test_vechta_has_its_ten_gemeinden_and_the_45_kreise_of_niedersachsen():
    # PROVENANCE of vg5000_2021: Landkreis Vechta (03460) has 10 Gemeinden, Bakum … Visbek;
    # Niedersachsen has 45 Kreise since the 2016 merger of Göttingen and Osterode.
    vechta = region_for("03460")
    names = [area.name for area in vechta.gemeinden]
    assert len(names) == 10 and names[0] == "Bakum" and names[-1] == "Visbek"
    assert all(key.startswith("03460") and len(key) == 8 for key in vechta.gemeinde_keys)
    assert len(vechta.land_kreise) == 45
    assert vechta.main_gemeinde == "03460009"  # the Stadt Vechta, the Gemeinde sharing the Kreis' name
    assert vechta.level_names == {
        KREISE: "Kreise des Landes Niedersachsen",
        GEMEINDEN: "Gemeinden im Landkreis Vechta",
    }


def test_a_kreisfreie_stadt_has_no_gemeinden_below_it():
    # 03404 Osnabrück: BEZ "Kreisfreie Stadt"; its only Gemeinde key 03404000 is the city itself.
    osnabrueck = region_for("03404")
    assert osnabrueck.kreisfrei and osnabrueck.title == "Kreisfreie Stadt Osnabrück"
    assert osnabrueck.gemeinden == () and osnabrueck.main_gemeinde is None
    assert osnabrueck.area_keys(GEMEINDEN) == ()


def test_the_neighbours_are_the_kreise_sharing_a_border():
    # Cloppenburg borders Ammerland, Emsland, Leer, Oldenburg, Osnabrück (Landkreis) and Vechta – the six
    # Kreise config/vergleichsgruppen.toml lists by hand. Stadt Osnabrück borders its Landkreis and, in the
    # west, Kreis Steinfurt (Nordrhein-Westfalen): neighbours are not bound to the Land.
    assert [a.key for a in region_for("03453").neighbours] == ["03451", "03454", "03457", "03458", "03459", "03460"]
    assert [a.key for a in region_for("03404").neighbours] == ["03459", "05566"]


def test_an_unknown_key_gets_a_german_message_naming_where_it_was_set(monkeypatch):
    monkeypatch.setenv("BILDUNGSMONITOR_REGION", "03999")
    with pytest.raises(UnknownRegion, match="Unbekannter Kreis „03999“ \\(Umgebungsvariable BILDUNGSMONITOR_REGION\\)"):
        home()
    # A Gemeinde key is no Kreis either.
    with pytest.raises(UnknownRegion, match="fünfstellige Schlüssel eines Kreises"):
        region_for("03453004")


def test_configured_groups_apply_only_to_their_kreis(monkeypatch):
    # config/vergleichsgruppen.toml belongs to kreis = "03453": Nachbarkreise (6) and Oldenburger Münsterland.
    groups = peer_groups()
    assert list(groups) == ["nachbarn", "oldenburger_muensterland", ALL_LAND]
    assert groups[ALL_LAND].name == "Alle Kreise des Landes Niedersachsen"
    monkeypatch.setenv("BILDUNGSMONITOR_REGION", "03460")
    groups = peer_groups()
    # Vechta borders Diepholz (03251), Cloppenburg (03453), Oldenburg (03458) and Osnabrück (03459).
    assert list(groups) == [NEIGHBOURS, ALL_LAND]
    assert groups[NEIGHBOURS].codes == ("03251", "03453", "03458", "03459")


def test_the_level_of_a_key_is_read_from_its_length():
    assert [level_of(k) for k in ("DG", "03", "034", "03453", "0345301", "03453004", "034535401004")] == [
        "bund",
        "land",
        "regierungsbezirk",
        "kreis",
        "gemeindeverband",
        "gemeinde",
        "gemeinde",
    ]
    assert [parent_of(k) for k in ("03453004", "03453", "03", "DG")] == ["03453", "03", "DG", None]
