"""BA by Kreis × Berufsgruppe (Parquet, data/raw/ba_berufe/): occupation kept, NA never read as 0."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from store.errors import ImportFehler
from store.importers import ba_berufe_parquet
from store.importers.registry import parse_file

FOLDER = Path(__file__).resolve().parents[3] / "data" / "raw" / "ba_berufe"


@pytest.fixture(scope="module")
def residence():
    return ba_berufe_parquet.parse(FOLDER / "employees_by_residence_niedersachsen.parquet")


def cell(parsed, region, period, dimensions):
    obs = parsed.observations
    row = obs[(obs.region_code == region) & (obs.period == period) & (obs.dimensions == dimensions)]
    assert len(row) == 1, f"expected one row for {region} {period} {dimensions}, got {len(row)}"
    return row.iloc[0]


def test_every_bundled_parquet_file_is_recognised():
    for path in sorted(FOLDER.glob("*.parquet")):
        assert parse_file(path).importer == "ba_berufe_parquet", path.name


def test_occupation_is_a_dimension_with_kldb_code_and_name(residence):
    # PROVENANCE: SV-Beschäftigte am Wohnort, Landwirtschaft (111), Cloppenburg 2013: 1,067 (women 227, foreigners 318)
    assert cell(residence, "03453", "2013", "social insurance | total | 111 Landwirtschaft").value == 1067
    assert cell(residence, "03453", "2013", "social insurance | women | 111 Landwirtschaft").value == 227
    assert cell(residence, "03453", "2013", "social insurance | foreigners | 111 Landwirtschaft").value == 318
    assert residence.table_code == "BA Berufe Beschäftigte Wohnort"


def test_an_empty_cell_is_unpublished_or_zero_never_a_real_zero(residence):
    obs = residence.observations
    empty = obs[obs.raw_symbol == ""]
    assert not empty.empty
    assert set(empty.status) == {"unpublished_or_zero"}
    assert empty.value.isna().all()


def test_sums_over_occupations_in_cloppenburg_2025_lack_five_cells_and_are_a_lower_bound(residence):
    # Cloppenburg 2025, SV-Beschäftigte am Wohnort: 136 of 141 rows have a value, summing to 80,327 (ba_kreise
    # PROVENANCE: "2025 total 80327 [5]"); 5 are empty, so the true total is at least 80,327, never exactly.
    obs = residence.observations
    rows = obs[
        (obs.region_code == "03453")
        & (obs.period == "2025")
        & obs.dimensions.str.startswith("social insurance | total | ")
    ]
    assert rows.value.sum() == 80327
    assert (rows.status == "unpublished_or_zero").sum() == 5
    assert len(rows) == 141  # 140 occupational groups present for Cloppenburg + "keine Zuordnung möglich"


def test_jobs_and_unemployed_keep_their_annual_averages():
    # PROVENANCE: Cloppenburg, Landwirtschaft (111), 2012: Arbeitsstellen 11.33, Arbeitslose 32.5
    jobs = ba_berufe_parquet.parse(FOLDER / "jobs_niedersachsen.parquet")
    unemployed = ba_berufe_parquet.parse(FOLDER / "unemployed_total_niedersachsen.parquet")
    assert cell(jobs, "03453", "2012", "total | 111 Landwirtschaft").value == pytest.approx(11.3333, abs=1e-4)
    assert cell(unemployed, "03453", "2012", "total | 111 Landwirtschaft").value == 32.5
    # Sum of all 2025 Arbeitsstellen in Cloppenburg = 1,329.75 (PROVENANCE, sums over all groups)
    obs = jobs.observations
    clp = obs[(obs.region_code == "03453") & (obs.period == "2025") & obs.dimensions.str.startswith("total | ")]
    assert clp.value.sum() == pytest.approx(1329.75)


def test_a_file_named_after_no_known_dataset_is_refused(tmp_path):
    frame = pd.read_parquet(FOLDER / "jobs_niedersachsen.parquet").head(3)
    path = tmp_path / "stellen.parquet"
    frame.to_parquet(path)
    with pytest.raises(ImportFehler, match="keinen bekannten BA-Datensatz"):
        parse_file(path)


def test_a_bad_region_key_is_refused_with_its_row(tmp_path):
    frame = pd.read_parquet(FOLDER / "jobs_niedersachsen.parquet").head(3)
    frame.loc[1, "region"] = "3453"
    path = tmp_path / "jobs_kaputt.parquet"
    frame.to_parquet(path)
    with pytest.raises(ImportFehler) as error:
        ba_berufe_parquet.parse(path)
    assert error.value.zeile == 2 and "„3453“" in error.value.meldung
