"""Pupils of general and vocational schools by school type (21111-01-03-4, 21121-01-05-4).

The school type is the row dimension (first label); the pupil count is the column
"Schüler(innen) … | Geschlecht | Insgesamt" whose heading wording changed between downloads.
"""

from __future__ import annotations

import pandas as pd

from indicators.ratio import finish, ratio
from indicators.selection import KEY, pick, total

ALLGEMEIN = "21111-01-03-4"
BERUFLICH = "21121-01-05-4"
FOERDERSCHULEN = "Sonderschulen/Förderschulen"


def _pupils(obs: pd.DataFrame, table: str, school_types: tuple[str, ...], name: str) -> pd.DataFrame:
    rows = pick(obs, table, "Geschlecht", "Insgesamt")
    rows = rows[rows["dimensions"].str.split(" | ", regex=False).str[0].isin(school_types)]
    return total(rows, name)


def foerderschulquote(obs: pd.DataFrame) -> pd.DataFrame:
    num = _pupils(obs, ALLGEMEIN, (FOERDERSCHULEN,), "num")
    den = _pupils(obs, ALLGEMEIN, ("Insgesamt",), "den")
    return finish(ratio(num, den), "foerderschulquote")


def schueler_nach_schulart(obs: pd.DataFrame) -> pd.DataFrame:
    """Each school type's share; the school type (row dimension) becomes the category."""
    rows = pick(obs, ALLGEMEIN, "Geschlecht", "Insgesamt")
    school_type = rows["dimensions"].str.split(" | ", regex=False).str[0]
    num = rows[school_type != "Insgesamt"].assign(category=school_type)
    num = num[KEY + ["category", "value", "status"]].rename(columns={"value": "num", "status": "num_status"})
    den = _pupils(obs, ALLGEMEIN, ("Insgesamt",), "den")
    return finish(ratio(num, den), "schueler_nach_schulart")


# Transition proxy: pupils at Berufsschulen without a training contract plus Berufsfachschulen,
# of all pupils at Berufsschulen and Berufsfachschulen.
UEBERGANG_NUM = ("darunter: Berufsschulen (Schüler o. Ausb.vertrag)", "Berufsfachschulen")
UEBERGANG_DEN = ("Berufsschulen", "Berufsfachschulen")


def uebergangsbereich_anteil(obs: pd.DataFrame) -> pd.DataFrame:
    num = _pupils(obs, BERUFLICH, UEBERGANG_NUM, "num")
    den = _pupils(obs, BERUFLICH, UEBERGANG_DEN, "den")
    return finish(ratio(num, den), "uebergangsbereich_anteil")
