"""Youth unemployment and employment of women (13211-02-05-4, 13211-01-03-5, 13111-02-02-4/-5).

Population is counted on 31.12., the labour figures are annual averages (unemployment) or 30.06.
(employment). We pair them as follows and say so in each definition:
- unemployment of year Y with the population of 31.12. of Y−1 (the start of the year);
- employment on 30.06. of year Y with the population of 31.12. of Y, the nearest Stichtag the
  bundled data has (the population tables stop at 2015 and restart 2023).
"""

from __future__ import annotations

import pandas as pd

from indicators.bevoelkerung import AGES_15_25, AGES_15_65, population, shift_year
from indicators.model import PUBLISHED
from indicators.ratio import difference, finish, ratio
from indicators.selection import pick, series

ALQ_KREISE = "13211-02-05-4"
ALO_GEMEINDEN = "13211-01-03-5"
SVB_WOHNORT = ("13111-02-02-4", "13111-02-02-5")
RATE_ALL_CIVILIAN = "Arbeitslosenquote bez. auf alle zivile Erwerbsp."
YOUTH = "15 bis unter 25 Jahre"


def _youth_unemployed(obs: pd.DataFrame, name: str) -> pd.DataFrame:
    kreise = pick(obs, ALQ_KREISE, YOUTH, first="Arbeitslose")
    gemeinden = pick(obs, ALO_GEMEINDEN, "und zwar", YOUTH)
    return series(pd.concat([kreise, gemeinden]), name)


def jugendarbeitslosenquote(obs: pd.DataFrame) -> pd.DataFrame:
    """The BA's published rate (15 to under 25, on all civilian labour force), count as numerator."""
    rate = series(pick(obs, ALQ_KREISE, RATE_ALL_CIVILIAN, YOUTH), "value")
    count = series(pick(obs, ALQ_KREISE, YOUTH, first="Arbeitslose"), "numerator")
    frame = rate.merge(count[["region_code", "year", "numerator"]], on=["region_code", "year"], how="left")
    # Before 2009 the table prints "-" for every group rate: the rates by age start in 2009 (the
    # table's title says "ab 2009"). A youth rate of exactly 0 % is no finding, so "-" means "none".
    unpublished = frame["value_status"] == "zero"
    frame["value"] = frame["value"].mask(unpublished)
    frame["value_status"] = frame["value_status"].mask(unpublished, "not_applicable")
    frame["note"] = unpublished.map({True: "Quote für 15- bis unter 25-Jährige erst ab 2009 ausgewiesen", False: ""})
    numeric = frame["value_status"] == "ok"
    frame["status"] = frame["value_status"].where(~numeric, PUBLISHED)
    return finish(frame.drop(columns=["value_status"]), "jugendarbeitslosenquote")


def jugendarbeitslose_je_100(obs: pd.DataFrame) -> pd.DataFrame:
    num = _youth_unemployed(obs, "num")
    den = shift_year(population(obs, AGES_15_25, "insgesamt"), 1)
    return finish(ratio(num, den), "jugendarbeitslose_je_100")


def _employment_rate(obs: pd.DataFrame, sex: str) -> pd.DataFrame:
    label = {"insgesamt": "Insgesamt", "weiblich": "weiblich", "maennlich": "männlich"}[sex]
    num = series(pick(obs, SVB_WOHNORT, "Insgesamt", "Geschlecht", label, first="Nationalität"), "num")
    den = population(obs, AGES_15_65, sex)
    return ratio(num, den)


def beschaeftigungsquote_frauen(obs: pd.DataFrame) -> pd.DataFrame:
    return finish(_employment_rate(obs, "weiblich"), "beschaeftigungsquote_frauen")


def beschaeftigungsquote_maenner(obs: pd.DataFrame) -> pd.DataFrame:
    return finish(_employment_rate(obs, "maennlich"), "beschaeftigungsquote_maenner")


def beschaeftigungsquote_differenz(obs: pd.DataFrame) -> pd.DataFrame:
    """Men's minus women's rate in percentage points: how far women's employment lags behind."""
    gap = difference(_employment_rate(obs, "maennlich"), _employment_rate(obs, "weiblich"))
    return finish(gap, "beschaeftigungsquote_differenz")
