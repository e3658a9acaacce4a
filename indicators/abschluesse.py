"""School leavers of general schools by qualification (tables 21111-02-06-4 and 21111-02-06-4-B).

The labels changed with the 2024 export ("ohne Hauptschulabschluss" → "ohne Ersten
Schulabschluss", …); the importer keeps them as printed and this module maps both sets onto one
vocabulary. The 2024 "-B" table has no Land and Bund rows, so a Land is summed from its Kreise
when — and only when — all of them are present (indicators.land_sum).

Both tables can hold the same cell (a download of 21111-02-06-4 that includes 2024, next to the
-B excerpt). Declared rule: the tables in TABLES are in order of precedence, so where both hold a
region, year, qualification and sex, the full table 21111-02-06-4 wins and -B fills only what the
full table lacks. The full table is the one with Land and Bund rows, so a region's series never
mixes the two for one year.
"""

from __future__ import annotations

import pandas as pd

from indicators import land_sum
from indicators.published import joined
from indicators.ratio import difference, finish, ratio
from indicators.selection import KEY, label_at
from indicators.status import NUMERIC

TABLES = ("21111-02-06-4", "21111-02-06-4-B")  # in order of precedence, see above

# Printed label → our qualification key. Old (to 2023) and new (2024) labels.
QUALIFICATIONS = {
    "Insgesamt": "insgesamt",
    "ohne Hauptschulabschluss": "ohne",
    "ohne Ersten Schulabschluss": "ohne",
    "mit Hauptschulabschluss": "hsa",
    "mit Erstem Schulabschluss": "hsa",
    "mit Mittlerem Abschluss": "msa",
    "mit Mittlerem Schulabschluss": "msa",
    "dar. schulischer Teil der Fachhochschulreife": "fhr_teil",
    "mit Fachhochschulreife": "fhr",
    "mit allgemeiner Hochschulreife": "ahr",
    "mit Allgemeiner und fachgebundener Hochschulreife": "ahr",
}

# German names of the categories in the distribution; fhr_teil is a "darunter" position.
CATEGORY_NAMES = {
    "ohne": "ohne Hauptschulabschluss / Ersten Schulabschluss",
    "hsa": "mit Hauptschulabschluss / Erstem Schulabschluss",
    "msa": "mit Mittlerem Abschluss",
    "fhr": "mit Fachhochschulreife",
    "ahr": "mit allgemeiner Hochschulreife",
    "fhr_teil": "darunter: schulischer Teil der Fachhochschulreife (nicht additiv)",
}


def leavers(obs: pd.DataFrame) -> pd.DataFrame:
    """Counts per region, year, qualification and sex (insgesamt, weiblich, maennlich)."""
    rows = obs[obs["table_code"].isin(TABLES)].copy()
    rows["qualification"] = label_at(rows["dimensions"], -2).map(QUALIFICATIONS)
    rows["sex"] = label_at(rows["dimensions"], -1).map({"Insgesamt": "insgesamt", "weiblich": "weiblich"})
    rows = rows.dropna(subset=["qualification", "sex"])
    precedence = rows["table_code"].map({table: rank for rank, table in enumerate(TABLES)})
    rows = rows.assign(precedence=precedence).sort_values("precedence", kind="stable")
    rows = rows.drop_duplicates(["region_code", "year", "qualification", "sex"], keep="first")
    frame = rows[KEY + ["historic", "qualification", "sex", "value", "status"]]
    land = _land_from_kreise(frame)
    frame = pd.concat([frame, land], ignore_index=True)
    men = _men(frame)
    # Boys are derived from the Land sum too, so they carry its note (and so does every variant built on them).
    summed = set(zip(land["region_code"], land["year"], strict=True)) if len(land) else set()
    is_sum = pd.Series([pair in summed for pair in zip(men["region_code"], men["year"], strict=True)], index=men.index)
    men["note"] = men["region_code"].map(land_sum.note).where(is_sum, "")
    return pd.concat([frame, men], ignore_index=True)


def _land_from_kreise(frame: pd.DataFrame) -> pd.DataFrame:
    """A Land for years where the source lists all its Kreise but not the Land itself (indicators.land_sum)."""
    sums = []
    for land, name, year, rows in land_sum.complete_years(frame):
        for (qualification, sex), cells in rows.groupby(["qualification", "sex"]):
            numeric = cells["status"].isin(NUMERIC).all()
            flag = next((s for s in cells["status"] if s not in NUMERIC), "ok")
            sums.append(
                {
                    "region_code": land,
                    "region_name": name,
                    "level": "land",
                    "year": year,
                    "historic": False,
                    "qualification": qualification,
                    "sex": sex,
                    "value": cells["value"].sum() if numeric else float("nan"),
                    "status": flag,
                    "note": land_sum.note(land),
                }
            )
    return pd.DataFrame(sums)


def _men(frame: pd.DataFrame) -> pd.DataFrame:
    """Boys = all − girls; the source prints only Insgesamt and weiblich."""
    index = KEY + ["qualification"]
    wide = frame.set_index(index + ["sex"])[["value", "status"]].unstack("sex")
    if ("value", "weiblich") not in wide or ("value", "insgesamt") not in wide:
        return frame.iloc[0:0]
    all_status, girls_status = wide[("status", "insgesamt")], wide[("status", "weiblich")]
    both_numeric = all_status.isin(NUMERIC) & girls_status.isin(NUMERIC)
    men = pd.DataFrame(
        {
            "value": (wide[("value", "insgesamt")] - wide[("value", "weiblich")]).where(both_numeric),
            "status": all_status.where(~all_status.isin(NUMERIC), girls_status).where(~both_numeric, "ok"),
        }
    ).reset_index()
    men["sex"] = "maennlich"
    men["historic"] = False
    return men.dropna(subset=["status"])


def _share(frame: pd.DataFrame, qualification: str, sex: str) -> pd.DataFrame:
    """One qualification's share among all leavers of `sex`, from the counts of `leavers` (read once per indicator)."""
    part = frame[(frame["qualification"] == qualification) & (frame["sex"] == sex)]
    whole = frame[(frame["qualification"] == "insgesamt") & (frame["sex"] == sex)]
    num = part[KEY + ["value", "status"] + (["note"] if "note" in part else [])]
    num = num.rename(columns={"value": "num", "status": "num_status"})
    den = whole[KEY + ["value", "status"]].rename(columns={"value": "den", "status": "den_status"})
    return ratio(num, den)


# INKAR's share without Hauptschulabschluss: the only public source for 2016–2022 (no raw counts).
INKAR_TABLE, INKAR_KUERZEL = "INKAR bildung", "a_schul_oA"


def ohne_abschluss_anteil(obs: pd.DataFrame) -> pd.DataFrame:
    """Computed from the counts where the counts exist, INKAR's published share for the years between."""
    computed = finish(_share(leavers(obs), "ohne", "insgesamt"), "ohne_abschluss_anteil")
    return joined(computed, obs, INKAR_TABLE, INKAR_KUERZEL, "INKAR (BBSR)", "ohne_abschluss_anteil")


def ohne_abschluss_anteil_weiblich(obs: pd.DataFrame) -> pd.DataFrame:
    return finish(_share(leavers(obs), "ohne", "weiblich"), "ohne_abschluss_anteil_weiblich")


def ohne_abschluss_anteil_maennlich(obs: pd.DataFrame) -> pd.DataFrame:
    return finish(_share(leavers(obs), "ohne", "maennlich"), "ohne_abschluss_anteil_maennlich")


def ohne_abschluss_geschlechterdifferenz(obs: pd.DataFrame) -> pd.DataFrame:
    """Boys' minus girls' share, in percentage points (positive: boys leave more often without)."""
    counts = leavers(obs)
    gap = difference(_share(counts, "ohne", "maennlich"), _share(counts, "ohne", "weiblich"))
    return finish(gap, "ohne_abschluss_geschlechterdifferenz")


def abschlussarten_verteilung(obs: pd.DataFrame) -> pd.DataFrame:
    """Share of each qualification among all leavers; the "darunter" position is kept but marked."""
    counts = leavers(obs)
    parts = [
        finish(_share(counts, qualification, "insgesamt"), "abschlussarten_verteilung", name)
        for qualification, name in CATEGORY_NAMES.items()
    ]
    return pd.concat(parts, ignore_index=True)
