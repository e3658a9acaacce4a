"""Population by age group and sex (tables 12411-02-03-4 for Kreise and above, -5 for Gemeinden).

It is the denominator of several rates and an indicator of its own (children and young people in
education-relevant ages). The two tables order their labels differently: the Kreis table has the
age group as a row dimension ("unter 3 Jahre | weiblich"), the Gemeinde table has it as the last
column header ("weiblich | Altersgruppen (…) | unter 3 Jahre").
"""

from __future__ import annotations

import pandas as pd

from indicators.ratio import finish
from indicators.selection import label_at, total

KREIS_TABLE = "12411-02-03-4"
GEMEINDE_TABLE = "12411-02-03-5"
TABLES = (KREIS_TABLE, GEMEINDE_TABLE)

SEX_LABELS = {"insgesamt": "Insgesamt", "weiblich": "weiblich", "maennlich": "männlich"}

# Education-relevant age groups, built from the 17 official groups.
BILDUNGSALTER = {
    "unter 3 Jahre (Krippe)": ("unter 3 Jahre",),
    "3 bis unter 6 Jahre (Kindergarten)": ("3 bis unter 6 Jahre",),
    "6 bis unter 10 Jahre (Grundschule)": ("6 bis unter 10 Jahre",),
    "10 bis unter 15 Jahre (Sekundarstufe I)": ("10 bis unter 15 Jahre",),
    "15 bis unter 18 Jahre (Sek. II / Ausbildung)": ("15 bis unter 18 Jahre",),
    "18 bis unter 25 Jahre (Ausbildung / Studium)": ("18 bis unter 20 Jahre", "20 bis unter 25 Jahre"),
}
AGES_15_25 = ("15 bis unter 18 Jahre", "18 bis unter 20 Jahre", "20 bis unter 25 Jahre")
AGES_15_65 = AGES_15_25 + tuple(f"{a} bis unter {a + 5} Jahre" for a in range(25, 65, 5))


def population(obs: pd.DataFrame, ages: tuple[str, ...], sex: str, name: str = "den") -> pd.DataFrame:
    """Sum of the given age groups for one sex, per region and Stichtag year.

    The Gemeinde table repeats the Kreis, Land and Bund rows; those are taken from the Kreis table
    only, so nothing is counted twice.
    """
    rows = obs[obs["table_code"].isin(TABLES)]
    kreis = rows["table_code"] == KREIS_TABLE
    covered = pd.MultiIndex.from_frame(rows.loc[kreis, ["region_code", "year"]])
    rows = rows[kreis | ~pd.MultiIndex.from_frame(rows[["region_code", "year"]]).isin(covered)]
    first, last = label_at(rows["dimensions"], 0), label_at(rows["dimensions"], -1)
    kreis = rows["table_code"] == KREIS_TABLE
    age = first.where(kreis, last)
    sex_label = last.where(kreis, first)
    chosen = rows[age.isin(ages) & (sex_label == SEX_LABELS[sex])]
    return total(chosen, name)


def bevoelkerung_bildungsalter(obs: pd.DataFrame) -> pd.DataFrame:
    parts = []
    for category, ages in BILDUNGSALTER.items():
        frame = population(obs, ages, "insgesamt", "value").rename(columns={"value_status": "status"})
        frame["status"] = frame["status"].replace({"ok": "computed", "zero": "computed"})
        frame["numerator"] = frame["value"]
        parts.append(finish(frame, "bevoelkerung_bildungsalter", category))
    return pd.concat(parts, ignore_index=True)


def shift_year(frame: pd.DataFrame, years: int) -> pd.DataFrame:
    """Population of 31.12. of year Y serves as denominator for year Y + years."""
    out = frame.copy()
    out["year"] = out["year"] + years
    return out
