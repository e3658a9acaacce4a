"""Bundesagentur für Arbeit by Kreis × occupational group (KldB 2010, 3-digit), Parquet (data/raw/ba_berufe/).

The files come from the R package "badata" (see the folder's PROVENANCE.md), one per dataset, and
the dataset is named by the file: jobs (gemeldete Arbeitsstellen), unemployed_total (Arbeitslose
nach Zielberuf), employees_by_residence / employees_by_workplace (Beschäftigte am Wohn-/Arbeitsort).
Each file has the key columns region, occupational_group, year and one or more value columns.

The occupation stays a dimension, written "<code> <name>" ("111 Landwirtschaft", names from
berufsgruppen_kldb2010.csv next to the file), after the measure: "social insurance | women |
111 Landwirtschaft", "total | 111 Landwirtschaft". The package dropped the "Insgesamt" rows, so no
total is stored here: a sum over occupations is the caller's, and a lower bound (below).

An empty cell (NA) is "not published or zero": the package read '-' (nothing), '*' (secret) and 'x'
all as NA. It is stored with status `unpublished_or_zero` and no value, never as 0, so every sum
over occupations can say how many cells it lacks. Rows without an occupation are the BA's
"keine Zuordnung möglich" line and keep that label; rows without a region cannot be placed on any
map or table and are left out (jobs only: 2,030 of 816,060 rows).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from indicators.status import OK, UNPUBLISHED_OR_ZERO
from store.errors import ImportFehler
from store.importers.ba_csv import LICENCE, SOURCE
from store.importers.model import OBSERVATION_COLUMNS, ParsedTable

KEYS = ["region", "occupational_group", "year"]
# dataset (file name starts with it) → (value columns, title)
DATASETS = {
    "employees_by_residence": (
        ["type", "group", "n"],
        "Beschäftigte am Wohnort nach Berufsgruppen (KldB 2010), 30.06.",
    ),
    "employees_by_workplace": (
        ["type", "group", "n"],
        "Beschäftigte am Arbeitsort nach Berufsgruppen (KldB 2010), 30.06.",
    ),
    "unemployed_total": (["total", "women"], "Arbeitslose nach Zielberuf (KldB 2010), Jahresdurchschnitt"),
    "jobs": (
        ["total", "social_insurance"],
        "Gemeldete Arbeitsstellen nach Berufsgruppen (KldB 2010), Jahresdurchschnitt",
    ),
}
NO_OCCUPATION = "keine Zuordnung möglich"


def recognises(path: Path, head: str) -> bool:
    if path.suffix.lower() != ".parquet":
        return False
    try:
        names = set(pq.read_schema(path).names)
    except (OSError, ValueError):
        return False
    return set(KEYS) <= names


def parse(path: Path) -> ParsedTable:
    name = path.name
    dataset = next((d for d in DATASETS if path.stem.startswith(d)), None)
    if dataset is None:
        raise ImportFehler(
            name,
            "der Dateiname nennt keinen bekannten BA-Datensatz (erwartet beginnt er mit "
            f"{', '.join(DATASETS)}); er bestimmt, was die Zahlen bedeuten.",
        )
    columns, title = DATASETS[dataset]
    frame = pd.read_parquet(path)
    missing = [c for c in KEYS + columns if c not in frame.columns]
    if missing:
        raise ImportFehler(name, f"Spalten fehlen für {dataset}: {', '.join(missing)}.", 1)
    frame = frame.reset_index(drop=True)
    frame["line"] = frame.index + 1  # row number in the Parquet file, for messages
    frame = frame[frame["region"].notna()]
    _check_keys(frame, name)
    occupations = _occupation_labels(frame["occupational_group"], path.with_name("berufsgruppen_kldb2010.csv"))
    if "n" in columns:
        measure = frame["type"].astype(str) + " | " + frame["group"].astype(str)
        long = pd.DataFrame({"measure": measure, "raw": frame["n"], "line": frame["line"], "i": frame.index})
    else:
        long = pd.concat(
            [pd.DataFrame({"measure": c, "raw": frame[c], "line": frame["line"], "i": frame.index}) for c in columns]
        )
    keys = frame.loc[long["i"]].reset_index(drop=True)
    value = pd.to_numeric(long["raw"], errors="coerce").astype("float64").to_numpy()
    absent = np.isnan(value)
    region = keys["region"].astype(str)
    measure = long["measure"].str.replace("_", " ").reset_index(drop=True)
    observations = pd.DataFrame(
        {
            "region_code": region,
            "region_name": region.map(_region_names(path.with_name("kreise.csv"))).fillna(region),
            "period": keys["year"].astype(int).astype(str),
            "dimensions": measure + " | " + occupations.loc[long["i"]].reset_index(drop=True),
            "unit": "Anzahl",
            "value": value,
            "status": np.where(absent, UNPUBLISHED_OR_ZERO, OK),
            # The Parquet cell as stored (a float); "" where it is NA.
            "raw_symbol": _as_text(value),
            "line": long["line"].to_numpy(),
        }
    )
    return ParsedTable(
        source=SOURCE,
        table_code=f"BA Berufe {dataset}",
        table_title=title,
        stand=None,
        licence=LICENCE,
        importer=__name__.rsplit(".", 1)[-1],
        observations=observations[OBSERVATION_COLUMNS],
        whole_counts=dataset.startswith("employees"),  # vacancies and unemployed are annual averages
    )


def _check_keys(frame: pd.DataFrame, name: str) -> None:
    bad = ~frame["region"].astype(str).str.fullmatch(r"\d{5}")
    codes = frame["occupational_group"]
    bad_code = codes.notna() & ~codes.astype(str).str.fullmatch(r"\d{3}")
    for mask, what in ((bad, "region"), (bad_code, "occupational_group")):
        if mask.any():
            first = frame[mask].iloc[0]
            raise ImportFehler(
                name,
                f"„{first[what]}“ in Spalte {what} ist kein {'Kreisschlüssel' if what == 'region' else 'KldB-Code'}.",
                int(first.line),
            )


def _occupation_labels(codes: pd.Series, dictionary: Path) -> pd.Series:
    """ "111 Landwirtschaft"; the code alone when the dictionary is not next to the file."""
    names = {}
    if dictionary.exists():
        table = pd.read_csv(dictionary, dtype=str, keep_default_na=False)
        names = dict(zip(table["code"], table["name"], strict=True))
    category = codes.astype("category")
    labels = [f"{code} {names[code]}" if code in names else code for code in category.cat.categories]
    renamed = category.cat.rename_categories(labels).cat.add_categories([NO_OCCUPATION])
    return renamed.fillna(NO_OCCUPATION).astype(str)


def _as_text(value: np.ndarray) -> np.ndarray:
    """Each cell as stored (a float, e.g. "11.333333333333334"), "" for NA; formatted once per distinct value."""
    distinct, inverse = np.unique(value, return_inverse=True)
    text = np.array([("" if np.isnan(v) else repr(float(v))) for v in distinct], dtype=object)
    return text[inverse]


def _region_names(dictionary: Path) -> dict[str, str]:
    if not dictionary.exists():
        return {}
    table = pd.read_csv(dictionary, dtype=str, keep_default_na=False)
    return dict(zip(table["code"], table["name"], strict=True))
