"""BA sums per Kreis in data/raw/ba_kreise (values from its PROVENANCE.md, checked against the files)."""

from pathlib import Path

import pytest

from indicators.status import MISSING, OK, SECRET
from store.errors import ImportFehler
from store.importers import ba_csv
from store.importers.registry import _head

BA = Path(__file__).resolve().parents[3] / "data" / "raw" / "ba_kreise"
EMPLOYEES = BA / "ba_beschaeftigte_kreise_2013_2025_summe_ueber_berufsgruppen.csv"
UNEMPLOYED = BA / "ba_arbeitslose_stellen_kreise_2012_2025_summe_ueber_berufsgruppen.csv"


@pytest.fixture(scope="module")
def employees():
    return ba_csv.parse(EMPLOYEES)


@pytest.fixture(scope="module")
def unemployed():
    return ba_csv.parse(UNEMPLOYED)


def value(parsed, region, period, dimensions):
    obs = parsed.observations
    row = obs[(obs.region_code == region) & (obs.period == period) & (obs.dimensions == dimensions)]
    assert len(row) == 1, f"expected one row for {region} {period} {dimensions}, got {len(row)}"
    return row.iloc[0]


def test_women_employed_at_residence_in_cloppenburg_2025_are_at_least_34915_with_13_cells_suppressed(
    employees,
):
    # line 4057: employees_by_residence,03453,2025,social insurance,women,34915.0,141,13
    row = value(employees, "03453", "2025", "employees_by_residence | social insurance | women")
    assert (row.value, row.status, row.raw_symbol, row.line) == (34915, OK, "n_suppressed=13", 4057)
    assert (row.region_name, row.unit) == ("Cloppenburg", "Anzahl")  # name from region_codes.csv


def test_employees_table_holds_both_datasets_under_one_code(employees):
    assert employees.table_code == "BA Beschäftigte"
    datasets = {d.split(" | ")[0] for d in employees.observations.dimensions.unique()}
    assert datasets == {"employees_by_residence", "employees_by_workplace"}
    assert len(employees.observations) == 62556  # one value per line
    # Arbeitsort 2018 total 65910 [3 suppressed] (PROVENANCE: 5 below Regionalstatistik's 65915)
    row = value(employees, "03453", "2018", "employees_by_workplace | social insurance | total")
    assert (row.value, row.raw_symbol) == (65910, "n_suppressed=3")


def test_unemployed_2025_are_annual_averages_and_jobs_have_no_women_row(unemployed):
    assert unemployed.table_code == "BA Arbeitslose und Stellen"
    # line 729: unemployed_total,03453,2025,4684.4166666661,2154.9999999999,0,0.0,,
    total = value(unemployed, "03453", "2025", "unemployed_total | total")
    assert total.value == pytest.approx(4684.4167, abs=1e-4)
    assert total.raw_symbol == "4684.4166666661"  # nothing missing: the cell as printed
    assert value(unemployed, "03453", "2025", "unemployed_total | women").value == pytest.approx(2155.0)
    # line 11957: jobs,03453,2025,1329.75…,,0,,1309.33…,0.0 (jobs have no women column)
    assert value(unemployed, "03453", "2025", "jobs | social insurance").value == pytest.approx(1309.3333, abs=1e-4)
    obs = unemployed.observations
    assert obs[obs.dimensions == "jobs | women"].empty
    assert obs[obs.dimensions == "unemployed_total | social insurance"].empty


def test_missing_count_of_unemployed_is_kept_in_raw_symbol(unemployed):
    # line 86: unemployed_total,01054,2012,3330.6666666667,1664.0,144,144.0,,
    row = value(unemployed, "01054", "2012", "unemployed_total | total")
    assert (row.value, row.raw_symbol) == (pytest.approx(3330.6667, abs=1e-4), "n_missing=144")


def test_dictionaries_are_not_recognised_as_data():
    for name in ("region_codes.csv", "occupational_group_codes.csv"):
        assert not ba_csv.recognises(BA / name, _head(BA / name))
    assert ba_csv.recognises(EMPLOYEES, _head(EMPLOYEES))
    assert ba_csv.recognises(UNEMPLOYED, _head(UNEMPLOYED))


def test_sum_over_only_suppressed_cells_is_secret_and_na_is_missing(tmp_path):
    path = tmp_path / "ba_employees.csv"
    path.write_text(
        ba_csv.EMPLOYEES_HEADER + "\n"
        "employees_by_residence,03453,2025,social insurance,foreigners,0.0,141,141\n"
        "employees_by_residence,03453,2025,social insurance,women,NA,141,0\n"
    )
    obs = ba_csv.parse(path).observations
    assert list(obs.status) == [SECRET, MISSING]
    assert obs.value.isna().all()
    assert obs.region_name.tolist() == ["03453", "03453"]  # no region_codes.csv next to it


def test_bad_region_key_is_refused_with_its_line(tmp_path):
    path = tmp_path / "ba_employees.csv"
    path.write_text(ba_csv.EMPLOYEES_HEADER + "\nemployees_by_residence,3453,2025,social insurance,total,1.0,141,0\n")
    with pytest.raises(ImportFehler, match="„3453“ in Spalte region ist kein 5-stelliger Kreisschlüssel") as err:
        ba_csv.parse(path)
    assert err.value.zeile == 2
