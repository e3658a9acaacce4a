"""Landkreisvergleich: the ranking of the 45 Kreise and the scatter of two indicators."""

from __future__ import annotations

from tests.app_pages.elements import charts, texts

PAGE = "app_pages/landkreisvergleich.py"


def test_cloppenburg_is_ranked_among_the_45_kreise_of_niedersachsen(open_app):
    at = open_app(PAGE)
    # 2024: Cloppenburg's 11.23 % is the 39th lowest share of 45 (Harburg 4.77 % is first).
    assert "Cloppenburg, Landkreis: Rang 39 von 45 im Jahr 2024" in texts(at)
    (spec, rows), _ = charts(at)
    bars = {row["region_code"]: row for row in rows if "value_text" in row}
    assert len(bars) == 45
    assert bars["03453"]["role"] == "region"
    assert bars["03460"]["role"] == "peer"  # Vechta, one of the Nachbarkreise
    assert bars["03353"]["value_text"] == "4,8 %"  # Harburg
    assert spec["title"]["text"] == "Abgänge ohne Hauptschulabschluss, 2024"
    references = {row["name"]: row["text"] for row in rows if "name" in row}
    assert references == {"Niedersachsen": "Niedersachsen: 8,7 %"}  # no Deutschland value for 2024


def test_kreise_without_a_value_are_listed_with_their_status_not_as_zero(open_app):
    at = open_app(
        PAGE, indikator="abschlussarten_verteilung", kategorie="mit Fachhochschulreife", jahr="1995", region="03159"
    )
    (_, rows), _ = charts(at)
    # Landkreis Göttingen (03159) was formed in 2016: the 1995 table prints "-" for it, so there is no
    # denominator and no value. It is listed as "keine Daten", never as 0 %, and gets no rank.
    goettingen = next(row for row in rows if row.get("region_code") == "03159")
    assert goettingen["status_short"] == "keine Daten"
    assert goettingen["value"] is None
    assert "Göttingen, Landkreis: ohne Rang (kein Wert) im Jahr 1995" in texts(at)


def test_before_the_2016_merger_the_ranking_lists_goettingen_and_osterode(open_app):
    at = open_app(PAGE, jahr="2015")
    (_, rows), _ = charts(at)
    bars = {row["region_code"] for row in rows if "value_text" in row}
    # 45 Kreise today; in 2015 Göttingen (03152) and Osterode am Harz (03156) instead of 03159.
    assert {"03152", "03156"} <= bars
    assert any("von 46" in t and t.endswith("im Jahr 2015") for t in texts(at))


def test_the_scatter_falls_back_to_the_newest_common_year(open_app):
    at = open_app(PAGE)
    # SGB II (INKAR) ends 2022 and the INKAR leavers' share too; 2024 has neither.
    assert "Für 2024 fehlt einer der beiden Indikatoren; gezeigt wird 2022." in texts(at)
    _, (spec, rows) = charts(at)
    cloppenburg = next(row for row in rows if row["region_code"] == "03453")
    assert cloppenburg["x_text"] == "7,4 je 100"  # SGB II rate under 15, 2022
    assert len(rows) == 45


def _regression_layers(spec: dict) -> list[dict]:
    return [layer for layer in spec.get("layer", []) if any("regression" in t for t in layer.get("transform", []))]


def test_the_scatter_draws_a_trend_line_and_gives_r_and_n_in_words(open_app):
    import numpy as np

    at = open_app(PAGE)
    _, (spec, rows) = charts(at)
    assert len(_regression_layers(spec)) == 1
    # r recomputed from the plotted points (45 Kreise 2022): the sentence must carry the same r.
    r = np.corrcoef([row["x"] for row in rows], [row["y"] for row in rows])[0, 1]
    expected = f"r = {r:.2f}".replace(".", ",") + " über 45 Kreise:"
    assert any(t.value.startswith(expected) for t in at.text), expected
    assert at.warning[0].value.startswith("Korrelation ist keine Ursache")


def test_the_scatter_works_for_the_gemeinden_of_the_home_kreis(open_app):
    at = open_app(PAGE, ebene="gemeinden")
    assert at.subheader[-1].value == "Gemeinden im Landkreis Cloppenburg im Jahr 2021"
    _, (spec, rows) = charts(at)
    points = [row for row in rows if row.get("x") is not None]
    assert len(points) == 13 and all(row["region_code"].startswith("03453") for row in points)
    sentence = "über 13 Gemeinden: ein starker positiver Zusammenhang (je höher x, desto höher y)."
    assert any(t.value.endswith(sentence) for t in at.text)
