"""Youth unemployment and employment of women (13211-02-05-4, 13211-01-03-5, 13111-02-02-4/-5).

Population is counted on 31.12., the labour figures are annual averages (unemployment) or 30.06.
(employment). We pair them as follows and say so in each definition:
- unemployment of year Y with the population of 31.12. of Y−1 (the start of the year);
- employment on 30.06. of year Y with the population of 31.12. of Y, the nearest Stichtag the
  bundled data has (the population tables stop at 2015 and restart 2023).
"""

from __future__ import annotations

import pandas as pd

from indicators import land_sum
from indicators.bevoelkerung import AGES_15_25, AGES_15_65, population, shift_year
from indicators.ratio import difference, finish, ratio
from indicators.selection import NUMERIC, pick, series
from indicators.status import MISSING, PUBLISHED

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
    _flag_implausible_counts(frame)
    return finish(frame.drop(columns=["value_status"]), "jugendarbeitslosenquote")


IMPLAUSIBLE_NOTE = (
    "Die Quelle weist {count} Arbeitslose aus; das passt nicht zur veröffentlichten Quote (daraus folgten "
    "nur etwa {implied} Erwerbspersonen statt sonst rund {usual}). Die Quote gilt wie veröffentlicht, die "
    "Zahl wird nicht gezeigt."
)


def _flag_implausible_counts(frame: pd.DataFrame) -> None:
    """Hide a count that cannot belong to its published rate, with a note instead.

    count / rate × 100 is the labour force the BA divided by; it moves slowly. Where it is less than
    half or more than twice the region's median over the years (one Kreis in 2009: 164 unemployed next
    to 6.1 % → 2,689 instead of about 12,000), the count is incomplete or misprinted, not a finding.
    """
    implied = frame["numerator"] / frame["value"] * 100
    usual = implied.groupby(frame["region_code"]).transform("median")
    odd = frame.index[((implied < usual / 2) | (implied > usual * 2)).fillna(False)]
    # Set as whole columns: one .loc assignment per row took 28 s for the 13,000 odd rows of a national store.
    frame.loc[odd, "note"] = [
        IMPLAUSIBLE_NOTE.format(count=_de(count), implied=_de(labour), usual=_de(median))
        for count, labour, median in zip(frame.loc[odd, "numerator"], implied[odd], usual[odd], strict=True)
    ]
    frame.loc[odd, "numerator"] = float("nan")


def _de(number: float) -> str:
    return f"{round(number, -1 if number >= 1000 else 0):,.0f}".replace(",", ".")


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


# --- newer series: INKAR Gemeinde files and BA sums over occupations ---------------------------

INKAR_ARBEITSLOSE = "INKAR Arbeitslose"
INKAR_ERWERBSFAEHIGE = "INKAR Erwerbsfähige Bevölkerung (15 bis unter 65 Jahre)"
BA_EMPLOYEES = "BA Beschäftigte"  # table code of store/importers/ba_csv.py
LOWER_BOUND_NOTE = "Summe über Berufsgruppen; nicht veröffentlichte Berufsgruppen fehlen (Frauen: {w}, insgesamt: {t})"


def _with_land_sum(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Add each Land as the sum of its Kreise for years the source lists all of them (indicators.land_sum).

    Sources that stop at Kreis level (INKAR's Kreis files, the BA by occupation) have no Land row;
    the sum carries the land_sum note on every indicator built from it.
    """
    sums = []
    for land, land_name, year, rows in land_sum.complete_years(frame):
        numeric = rows[f"{name}_status"].isin(("ok", "zero")).all()
        sums.append(
            {
                "region_code": land,
                "region_name": land_name,
                "level": "land",
                "historic": False,
                "year": year,
                name: rows[name].sum() if numeric else float("nan"),
                f"{name}_status": "ok" if numeric else "missing",
                "note": land_sum.note(land),
            }
        )
    return pd.concat([frame, pd.DataFrame(sums)], ignore_index=True) if sums else frame


def _series_with_historic(rows: pd.DataFrame, name: str) -> pd.DataFrame:
    out = series(rows, name)
    historic = rows.drop_duplicates("region_code").set_index("region_code")["historic"]
    out["historic"] = out["region_code"].map(historic).fillna(False).astype(bool)
    return out


NO_POPULATION_NOTE = (
    "Nenner fehlt: INKAR weist die Bevölkerung von 15 bis unter 65 Jahren für diese Region erst ab {first} "
    "aus, die Arbeitslosen (Zähler, veröffentlicht) schon früher; eine andere Quelle dafür ist nicht gebündelt"
)


def arbeitslose_je_100_erwerbsfaehige(obs: pd.DataFrame) -> pd.DataFrame:
    """INKAR's unemployed (annual average) per 100 inhabitants aged 15 to under 65 (31.12., same year).

    Both come from the INKAR 2024 Excel exports, per Gemeinde (unemployed 1998–2021, population
    2001–2021) and per Kreis (1995–2021); a Land is the sum of its Kreise. The Gemeinde years
    1998–2000 have a numerator but no denominator in any bundled file: they stay as rows without a
    value that show the published count and say why, so the table does not silently start in 2001.
    """
    num = _series_with_historic(obs[obs["table_code"] == INKAR_ARBEITSLOSE], "num")
    den = _series_with_historic(obs[obs["table_code"] == INKAR_ERWERBSFAEHIGE], "den")
    num, den = _with_land_sum(num, "num"), _with_land_sum(den, "den").drop(columns="note", errors="ignore")
    frame = ratio(num.drop(columns="historic"), den.drop(columns="historic"))
    first = den.groupby("region_code")["year"].min()
    early = num[num["year"] < num["region_code"].map(first)].drop(columns="historic")
    if not early.empty:
        early = early.assign(
            value=float("nan"),
            status=MISSING,
            numerator=early["num"].where(early["num_status"].isin(NUMERIC)),
            denominator=float("nan"),
            note=[NO_POPULATION_NOTE.format(first=first[code]) for code in early["region_code"]],
        ).drop(columns=["num", "num_status"])
        frame = pd.concat([frame, early], ignore_index=True)
    return finish(frame, "arbeitslose_je_100_erwerbsfaehige")


INKAR_SVB_WOHNORT = "INKAR Sozialversicherungspflichtig Beschäftigte am Wohnort"
INKAR_QUOTE = "INKAR Beschäftigtenquote"
PUBLISHED_GEMEINDE_NOTE = (
    "von INKAR (Ausgabe 2021) je Gemeinde veröffentlichte Quote; Zähler und Nenner sind je Gemeinde nicht "
    "veröffentlicht"
)


def beschaeftigtenquote(obs: pd.DataFrame) -> pd.DataFrame:
    """Employees subject to social insurance at residence (30.06.) per 100 inhabitants aged 15 to under 65.

    INKAR's formula ("SV Beschäftigte WO / E 15 bis < 65 Jahre x 100"). Kreise: computed from INKAR's
    counts (edition 2024, 1997/1995–2021), the Land as the sum of its Kreise. Gemeinden: the
    files give no Gemeinde count of employees, only INKAR's published rate (edition 2021, 2001–2019),
    which is passed through as published. So the Gemeinde figure is newer than the 2015 women's rate
    and can stand next to its Landkreis in the same year.
    """
    num = _series_with_historic(obs[obs["table_code"] == INKAR_SVB_WOHNORT], "num")
    den = _series_with_historic(obs[obs["table_code"] == INKAR_ERWERBSFAEHIGE], "den")
    num, den = _with_land_sum(num, "num"), _with_land_sum(den, "den").drop(columns="note", errors="ignore")
    computed = ratio(num.drop(columns="historic"), den.drop(columns="historic"))
    computed = computed[computed["level"] != "gemeinde"]
    rows = obs[(obs["table_code"] == INKAR_QUOTE) & (obs["level"] == "gemeinde")]
    published = series(rows, "value")
    numeric = published["value_status"].isin(NUMERIC)
    published = published.assign(
        status=published["value_status"].where(~numeric, PUBLISHED),
        numerator=float("nan"),
        denominator=float("nan"),
        note=PUBLISHED_GEMEINDE_NOTE,
    ).drop(columns="value_status")
    return finish(pd.concat([computed, published], ignore_index=True), "beschaeftigtenquote")


BA_QUALIFICATION = "BA Auftrag 326108"  # Kreise_WO_Zeitreihe.xlsx, store.importers.ba_zeitreihe_xlsx
_WITHOUT = "Anzahl | davon | 1 Ohne Berufsausbildung / Ohne Berufsabschluss | "
WITHOUT_OLD, WITHOUT_NEW = _WITHOUT + "Ohne Berufsausbildung", _WITHOUT + "Ohne Berufsabschluss"
ALL_EMPLOYEES = "Anzahl | Insgesamt"


def svb_ohne_berufsabschluss_anteil(obs: pd.DataFrame) -> pd.DataFrame:
    """Employees at residence without a vocational qualification, in % of all (30.06.), BA special evaluation.

    The BA names the group "ohne Berufsausbildung" up to 2011 (old notification) and "ohne
    Berufsabschluss" from 2012; 2012 itself is "." (no data during the change), and stays secret here.
    Employees whose qualification is unknown stay in the denominator, as in the BA's own shares.
    """
    rows = obs[obs["table_code"] == BA_QUALIFICATION]
    old = rows[(rows["dimensions"] == WITHOUT_OLD) & (rows["year"] <= 2011)]
    new = rows[(rows["dimensions"] == WITHOUT_NEW) & (rows["year"] >= 2012)]
    num = _with_land_sum(_series_with_historic(pd.concat([old, new]), "num"), "num")
    den = _series_with_historic(rows[rows["dimensions"] == ALL_EMPLOYEES], "den")
    den = _with_land_sum(den, "den").drop(columns="note", errors="ignore")
    frame = ratio(num.drop(columns="historic"), den.drop(columns="historic"))
    return finish(frame, "svb_ohne_berufsabschluss_anteil")


def frauenanteil_svb(obs: pd.DataFrame) -> pd.DataFrame:
    """Women among employees subject to social insurance at their residence (30.06.), BA by occupation.

    The BA publishes these per occupational group and suppresses small cells, so both sums are lower
    bounds where cells are missing; the note says how many, and the share is only as good as that.
    """
    rows = obs[obs["table_code"] == BA_EMPLOYEES]
    parts = {}
    for group in ("women", "total"):
        chosen = pick(rows, BA_EMPLOYEES, "social insurance", group, first="employees_by_residence")
        frame = _series_with_historic(chosen, "num" if group == "women" else "den")
        missing = chosen.set_index(["region_code", "year"])["raw_symbol"].str.extract(r"n_suppressed=(\d+)")[0]
        frame[f"missing_{group}"] = pd.MultiIndex.from_frame(frame[["region_code", "year"]]).map(
            missing.fillna("0").to_dict()
        )
        parts[group] = frame
    num = _with_land_sum(parts["women"], "num")
    den = _with_land_sum(parts["total"], "den").drop(columns=["note"], errors="ignore")
    frame = ratio(num.drop(columns="historic"), den.drop(columns="historic"))
    women, total_ = frame["missing_women"].fillna("0"), frame["missing_total"].fillna("0")
    lower = (women != "0") | (total_ != "0")
    bound = [LOWER_BOUND_NOTE.format(w=w, t=t) for w, t in zip(women, total_, strict=True)]
    frame["note"] = frame["note"].where(~lower, pd.Series(bound, index=frame.index))
    summed = frame["note"].str.startswith("Summe der ")
    frame.loc[summed, "note"] = frame.loc[summed, "note"] + "; die Summen über Berufsgruppen sind Untergrenzen"
    return finish(frame.drop(columns=["missing_women", "missing_total"]), "frauenanteil_svb")
