"""The whole view lives in the URL: a copied link reopens it, and every change is written back."""

from __future__ import annotations

INDIKATOR = "app_pages/indikator.py"


def test_a_copied_link_reopens_the_same_view(open_app):
    at = open_app(
        INDIKATOR,
        region="03460",
        vergleich="oldenburger_muensterland",
        indikator="jugendarbeitslosenquote",
        jahr="2016",
        tab="Tabelle",
    )
    assert at.selectbox(key="region").value == "03460"
    assert at.selectbox(key="vergleich").value == "oldenburger_muensterland"
    assert at.selectbox(key="indikator").value == "jugendarbeitslosenquote"
    assert at.selectbox(key="jahr").value == 2016
    assert at.session_state["tab"] == "Tabelle"
    table = at.dataframe[0].value
    # Vechta is the region; its comparison group "Oldenburger Münsterland" is Vechta alone, so the
    # table holds Vechta, Niedersachsen and Deutschland only.
    assert set(table["Regionalschlüssel"]) == {"03460", "03", "DG"}
    assert at.query_params == {
        "region": "03460",
        "vergleich": "oldenburger_muensterland",
        "indikator": "jugendarbeitslosenquote",
        "jahr": "2016",
        "tab": "Tabelle",
    }


def test_changing_a_widget_writes_the_new_choice_into_the_url(open_app):
    at = open_app(INDIKATOR)
    assert at.query_params["region"] == "03453"
    at.selectbox(key="region").set_value("03454").run()  # Emsland
    at.selectbox(key="indikator").set_value("betreuungsquote_u3").run()
    assert at.query_params["region"] == "03454"
    assert at.query_params["indikator"] == "betreuungsquote_u3"
    # The newest year of the new indicator with Kreis values is 2020 (INKAR), chosen by default.
    assert at.query_params["jahr"] == "2020"


def test_switching_tabs_writes_the_tab_into_the_url(open_app):
    at = open_app(INDIKATOR)
    assert at.query_params["tab"] == "Diagramm"
    at.session_state["tab"] = "Quellen"
    at.run()
    assert at.query_params["tab"] == "Quellen"
    assert any("Tabelle 21111-02-06-4" in m.value for m in at.markdown)


def test_unknown_values_in_a_link_fall_back_to_the_defaults(open_app):
    at = open_app(INDIKATOR, region="99999", indikator="gibt_es_nicht", tab="Irgendwas")
    assert at.query_params["region"] == "03453"
    assert at.query_params["indikator"] == "ohne_abschluss_anteil"
    assert at.query_params["tab"] == "Diagramm"


def test_parameters_no_widget_on_the_page_uses_are_dropped(open_app):
    at = open_app(indikator="ohne_abschluss_anteil", jahr="2015", utm_source="mail")
    assert at.query_params == {"region": "03453", "vergleich": "nachbarn"}
