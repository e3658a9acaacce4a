"""Bundesagentur für Arbeit per Kreis, summed over occupational groups (data/raw/ba_kreise/).

Two derived CSVs (see the folder's PROVENANCE.md), each holding several BA datasets:
- employees: `dataset,region,year,type,group,n_sum,n_cells,n_suppressed`; datasets
  employees_by_residence / employees_by_workplace → table "BA employees";
- unemployed and vacancies: `dataset,region,year,total,women,total_n_missing,…,social_insurance,…`;
  datasets unemployed_total / unemployed_foreigners (annual averages) and jobs (gemeldete
  Arbeitsstellen) → table "BA unemployed_jobs".
A parsed file has one table code, so the dataset is the first dimension:
"employees_by_residence | social insurance | women", "unemployed_total | total". Period = year.

The sums are over occupation cells, and the BA suppresses small cells. Where cells were suppressed
(n_suppressed or *_n_missing > 0) the sum is a lower bound of the true total, so we keep the value but
record the count in raw_symbol ("n_suppressed=13") for the page to say "mindestens". An employees
sum over nothing but suppressed cells (n_suppressed = n_cells) says nothing and becomes `secret`,
never 0. A value column a dataset does not have (women for jobs, social_insurance for unemployed) is
empty together with its count column and is skipped; an empty or "NA" value with a count is `missing`.

region_codes.csv and occupational_group_codes.csv are dictionaries; region names come from the first.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators.status import MISSING, OK, SECRET
from store.errors import ImportFehler
from store.importers.guards import read_frame, read_text
from store.importers.model import OBSERVATION_COLUMNS, ParsedTable

SOURCE = "Statistik der Bundesagentur für Arbeit"
LICENCE = "Quelle: Statistik der Bundesagentur für Arbeit"

EMPLOYEES_HEADER = "dataset,region,year,type,group,n_sum,n_cells,n_suppressed"
UNEMPLOYED_HEADER = (
    "dataset,region,year,total,women,total_n_missing,women_n_missing,social_insurance,social_insurance_n_missing"
)
# value column → the column counting the occupation cells missing from its sum
UNEMPLOYED_VALUES = {
    "total": "total_n_missing",
    "women": "women_n_missing",
    "social_insurance": "social_insurance_n_missing",
}
TITLES = {
    "BA employees": "Sozialversicherungspflichtig und geringfügig Beschäftigte nach Wohn- und Arbeitsort "
    "(Summe über Berufsgruppen)",
    "BA unemployed_jobs": "Arbeitslose (Jahresdurchschnitt) und gemeldete Arbeitsstellen (Summe über Berufsgruppen)",
}


def recognises(path: Path, head: str) -> bool:
    first = head.lstrip("\ufeff").split("\n", 1)[0].strip()
    return first in (EMPLOYEES_HEADER, UNEMPLOYED_HEADER)


def parse(path: Path) -> ParsedTable:
    name = path.name
    text = read_text(path)
    frame = read_frame(text, ",", name)
    frame["line"] = frame.index
    _check_keys(frame, name)
    _check_counts(frame, name)
    if text.lstrip("\ufeff").startswith(EMPLOYEES_HEADER):
        table_code = "BA employees"
        long = _employees(frame)
    else:
        table_code = "BA unemployed_jobs"
        long = _unemployed(frame)
    value, status = _read_values(long, name)
    names = _region_names(path.with_name("region_codes.csv"))
    observations = pd.DataFrame(
        {
            "region_code": long["region"],
            "region_name": long["region"].map(lambda code: names.get(code, code)),
            "period": long["year"],
            "dimensions": long["dimensions"],
            "unit": "Anzahl",
            "value": value,
            "status": status,
            "raw_symbol": long["raw"].where(long["suppressed"] == 0, long["count_label"]),
            "line": long["line"],
        }
    ).sort_values("line", kind="stable")
    return ParsedTable(
        source=SOURCE,
        table_code=table_code,
        table_title=TITLES[table_code],
        stand=None,
        licence=LICENCE,
        importer=__name__.rsplit(".", 1)[-1],
        observations=observations[OBSERVATION_COLUMNS].reset_index(drop=True),
        whole_counts=table_code == "BA employees",  # unemployed and jobs are annual averages
    )


def _employees(frame: pd.DataFrame) -> pd.DataFrame:
    suppressed = _counts(frame["n_suppressed"])
    return pd.DataFrame(
        {
            "line": frame["line"],
            "region": frame["region"],
            "year": frame["year"],
            "dimensions": frame["dataset"] + " | " + frame["type"] + " | " + frame["group"],
            "raw": frame["n_sum"],
            "suppressed": suppressed,
            "all_suppressed": suppressed >= _counts(frame["n_cells"]),
            "count_label": "n_suppressed=" + suppressed.astype(str),
        }
    )


def _unemployed(frame: pd.DataFrame) -> pd.DataFrame:
    parts = []
    for column, count_column in UNEMPLOYED_VALUES.items():
        present = (frame[column] != "") | (frame[count_column] != "")
        part = frame[present]
        missing = _counts(part[count_column])
        parts.append(
            pd.DataFrame(
                {
                    "line": part["line"],
                    "region": part["region"],
                    "year": part["year"],
                    "dimensions": part["dataset"] + " | " + column.replace("_", " "),
                    "raw": part[column],
                    "suppressed": missing,
                    # The file has no cell count, so an all-suppressed sum cannot be told apart here.
                    "all_suppressed": False,
                    "count_label": "n_missing=" + missing.astype(str),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def _counts(column: pd.Series) -> pd.Series:
    """Counts are written "16" or "16.0" (R doubles); empty means none. _check_counts ran before."""
    return pd.to_numeric(column.where(column != "", "0")).astype(int)


_COUNT_COLUMNS = ["n_cells", "n_suppressed", *UNEMPLOYED_VALUES.values()]


def _check_counts(frame: pd.DataFrame, name: str) -> None:
    """The cell counts are whole numbers ≥ 0 ("16" or "16.0"), or empty."""
    for column in [c for c in _COUNT_COLUMNS if c in frame]:
        bad = ~frame[column].str.fullmatch(r"([0-9]+(\.0)?)?", na=False)
        if bad.any():
            first = frame[bad].iloc[0]
            raise ImportFehler(
                name, f"„{first[column][:40]}“ in Spalte {column} ist keine Anzahl (ganze Zahl ab 0).", int(first.line)
            )


def _read_values(long: pd.DataFrame, name: str) -> tuple[pd.Series, pd.Series]:
    raw = long["raw"].str.strip()
    absent = raw.isin(["", "NA"])
    value = pd.to_numeric(raw.where(~absent, None), errors="coerce")
    bad = value.isna() & ~absent
    if bad.any():
        first = long[bad].sort_values("line").iloc[0]
        raise ImportFehler(name, f"„{first.raw[:40]}“ ist keine Zahl.", int(first.line))
    status = pd.Series(OK, index=long.index, dtype="object")
    status[absent] = MISSING
    secret = long["all_suppressed"] & ~absent
    status[secret] = SECRET
    value[secret] = None
    return value.astype("float64"), status


def _check_keys(frame: pd.DataFrame, name: str) -> None:
    for column, pattern, expected in (
        ("region", r"^\d{5}$", "5-stelliger Kreisschlüssel"),
        ("year", r"^\d{4}$", "Jahr"),
    ):
        bad = ~frame[column].str.match(pattern)
        if bad.any():
            first = frame[bad].iloc[0]
            raise ImportFehler(name, f"„{first[column]}“ in Spalte {column} ist kein {expected}.", int(first.line))


def _region_names(dictionary: Path) -> dict[str, str]:
    """Names from region_codes.csv next to the file (same download); without it the code is the name."""
    if not dictionary.exists():
        return {}
    names = pd.read_csv(dictionary, dtype=str, keep_default_na=False)
    return dict(zip(names["code"], names["name"], strict=True))
