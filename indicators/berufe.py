"""Occupations (KldB 2010, 3-digit Berufsgruppen) from the BA data by Kreis × occupation.

Three questions of the Beirat rest on these tables: where skilled workers run short (unemployed
per registered vacancy), how large MINT is and how many women work in it. The BA publishes them
per Kreis only; a Land and Deutschland are sums of Kreise, marked as such in the note.

An empty BA cell is "not published or zero" (store status `unpublished_or_zero`): a sum over
occupations or Kreise counts what it has and is a lower bound where cells are empty; the note
says how many. A ratio of one occupation in one Kreis is only a number where both cells are.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from indicators import land_sum
from indicators.ratio import finish
from indicators.status import COMPUTED, MISSING, SMALL_BASE
from regions.levels import BUND

JOBS = "BA Berufe Arbeitsstellen"
UNEMPLOYED = "BA Berufe Arbeitslose"
RESIDENCE = "BA Berufe Beschäftigte Wohnort"
NO_OCCUPATION = "keine Zuordnung möglich"  # the BA's line without an occupation (store.importers.ba_berufe_parquet)

# Below this many registered vacancies (annual average) one vacancy more or less moves the ratio
# by a tenth or more: the ratio says nothing about a shortage and is not shown.
MIN_VACANCIES = 10
SMALL_BASE_NOTE = f"weniger als {MIN_VACANCIES} gemeldete Stellen im Jahresdurchschnitt: Basis zu klein"

# The KldB 2010 Berufsbereiche (first digit of the code), for filtering the Berufsgruppen.
BERUFSBEREICHE = {
    "1": "Land-, Forst- und Tierwirtschaft und Gartenbau",
    "2": "Rohstoffgewinnung, Produktion und Fertigung",
    "3": "Bau, Architektur, Vermessung und Gebäudetechnik",
    "4": "Naturwissenschaft, Geografie und Informatik",
    "5": "Verkehr, Logistik, Schutz und Sicherheit",
    "6": "Kaufmännische Dienstleistungen, Warenhandel, Vertrieb, Hotel und Tourismus",
    "7": "Unternehmensorganisation, Buchhaltung, Recht und Verwaltung",
    "8": "Gesundheit, Soziales, Lehre und Erziehung",
    "9": "Sprach-, Literatur-, Geistes-, Gesellschafts- und Wirtschaftswissenschaften, Medien, Kunst, Kultur "
    "und Gestaltung",
    "0": "Militär",
}

MINT_CONFIG = Path(__file__).resolve().parent.parent / "config" / "mint_berufe.toml"
BUND_NOTE = "Summe aller {n} Kreise (Bundeswert in der Quelle nicht ausgewiesen)"
GAPS_NOTE = "{k} Zellen nicht veröffentlicht oder null: Summen sind Untergrenzen"
LAENDER = 16
EMPTY_CELLS = {"region_code": "str", "region_name": "str", "level": "str", "year": "int64", "category": "str"} | {
    "value": "float64"
}


def berufsbereich(category: str) -> str:
    """ "2 Rohstoffgewinnung, …" for "252 Fahrzeug-…": the Berufsbereich a Berufsgruppe belongs to."""
    digit = category[:1]
    return f"{digit} {BERUFSBEREICHE[digit]}" if digit in BERUFSBEREICHE else ""


def mint_codes(path: Path = MINT_CONFIG) -> tuple[str, ...]:
    """The 3-digit Berufsgruppen counted as MINT, declared once in config/mint_berufe.toml."""
    return tuple(str(code) for code in tomllib.loads(path.read_text(encoding="utf-8"))["codes"])


def _cells(obs: pd.DataFrame, table: str, measure: str, unassigned: bool = False) -> pd.DataFrame:
    """One table's values of `measure` per current Kreis, year and Berufsgruppe ("252 Fahrzeug-…").

    unassigned: keep the BA's line "keine Zuordnung möglich" (people without a known occupation),
    which belongs in a total over all occupations but is no Berufsgruppe of its own.
    """
    rows = obs[(obs["table_code"] == table) & (obs["level"] == "kreis") & ~obs["historic"].astype(bool)]
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in EMPTY_CELLS.items()})
    parts = rows["dimensions"].str.rsplit(" | ", n=1, expand=True)
    chosen = (parts[0] == measure) & (unassigned | (parts[1] != NO_OCCUPATION))
    out = rows.loc[chosen, ["region_code", "region_name", "level", "year"]].copy()
    out["category"] = parts.loc[chosen, 1]
    out["value"] = rows.loc[chosen, "value"].astype("float64")
    return out.reset_index(drop=True)


def _with_totals(kreise: pd.DataFrame, by: list[str], numbers: list[str]) -> pd.DataFrame:
    """Kreis rows plus each Land and Deutschland as sums of Kreise, where the Kreise are complete.

    A Land: only years with all its current Kreise (indicators.land_sum, the one rule for Land sums).
    Deutschland: only years with every Land complete, which the bundled Niedersachsen files never
    have; an office that imports the BA's full files gets it. Each sum carries a note naming it a sum;
    gap counts add up.
    """
    parts = [kreise.assign(note="")]
    complete = list(land_sum.complete_years(kreise.assign(historic=False)))
    for land, land_name, _year, rows in complete:
        parts.append(
            rows.groupby(by, as_index=False)[numbers]
            .sum()
            .assign(region_code=land, region_name=land_name, level="land", note=land_sum.note(land))
        )
    complete_laender = Counter(year for _, _, year, _ in complete)
    for year in sorted(y for y, n in complete_laender.items() if n == LAENDER):
        rows = kreise[kreise["year"] == year]
        note = BUND_NOTE.format(n=rows["region_code"].nunique())
        parts.append(
            rows.groupby(by, as_index=False)[numbers]
            .sum()
            .assign(region_code=BUND, region_name="Deutschland", level="bund", note=note)
        )
    return pd.concat(parts, ignore_index=True)


def _gap_note(notes: pd.Series, gaps: pd.Series) -> list[str]:
    """The sum note (if any) and the number of empty cells behind a lower bound."""
    extra = [GAPS_NOTE.format(k=int(k)) if k else "" for k in gaps]
    return ["; ".join(part for part in (note, more) if part) for note, more in zip(notes, extra, strict=True)]


def arbeitslose_je_stelle(obs: pd.DataFrame) -> pd.DataFrame:
    """Unemployed (annual average, by target occupation) per registered vacancy, per Berufsgruppe.

    Lower is tighter. A Kreis cell without a number on either side has no ratio (the BA's empty cell
    may be 0 or secret); below MIN_VACANCIES vacancies the ratio has status SMALL_BASE. For the sums
    (Land, Bund) empty Kreis cells count as 0 and the note gives their number.
    """
    jobs = _cells(obs, JOBS, "total").rename(columns={"value": "den"})
    unemployed = _cells(obs, UNEMPLOYED, "total").rename(columns={"value": "num"})
    by = ["region_code", "region_name", "level", "year", "category"]
    kreise = jobs.merge(unemployed[["region_code", "year", "category", "num"]], on=["region_code", "year", "category"])
    kreise["gaps"] = kreise["num"].isna().astype(int) + kreise["den"].isna().astype(int)
    frame = _with_totals(kreise, ["year", "category"], ["num", "den", "gaps"])
    frame = frame[by + ["num", "den", "gaps", "note"]]
    is_sum = frame["level"] != "kreis"
    # A Kreis cell is a number or not; a sum is a number (lower bound) as soon as it is summed.
    den = frame["den"].where(frame["den"].notna() | ~is_sum, 0.0)
    num = frame["num"].where(frame["num"].notna() | ~is_sum, 0.0)
    # An empty vacancy cell is 0 or a BA secret (a small number): either way too small a base.
    small = den.isna() | (den < MIN_VACANCIES)
    ok = ~small & num.notna()
    frame["value"] = np.where(ok, num / den.where(ok), np.nan)
    frame["status"] = np.select([ok, small], [COMPUTED, SMALL_BASE], MISSING)
    frame["numerator"], frame["denominator"] = num, den
    frame["note"] = _gap_note(frame["note"], frame["gaps"].where(is_sum, 0))
    frame.loc[small, "note"] = [SMALL_BASE_NOTE + (f"; {n}" if n else "") for n in frame.loc[small, "note"]]
    frame.loc[frame["status"] == MISSING, "note"] = "Arbeitslose nicht veröffentlicht oder null (BA)"
    return finish(frame, "arbeitslose_je_stelle")


def _employees(obs: pd.DataFrame, group: str, unassigned: bool = False) -> pd.DataFrame:
    return _cells(obs, RESIDENCE, f"social insurance | {group}", unassigned)


def _sum_over(cells: pd.DataFrame, codes: tuple[str, ...] | None, name: str) -> pd.DataFrame:
    """Per Kreis and year: the sum over the chosen Berufsgruppen (all when codes is None) and its empty cells."""
    if codes is not None:
        cells = cells[cells["category"].str[:3].isin(codes)]
    grouped = cells.groupby(["region_code", "region_name", "level", "year"], as_index=False)
    return grouped.agg(**{name: ("value", "sum"), f"{name}_gaps": ("value", lambda v: int(v.isna().sum()))})


def _share(num: pd.DataFrame, den: pd.DataFrame, key: str) -> pd.DataFrame:
    """num / den × 100 for Kreise, Länder and Deutschland; the note counts the empty cells of both."""
    kreise = num.merge(den.drop(columns=["region_name", "level"]), on=["region_code", "year"])
    kreise["gaps"] = kreise["num_gaps"] + kreise["den_gaps"]
    columns = ["region_code", "region_name", "level", "year", "num", "den", "gaps"]
    frame = _with_totals(kreise[columns], ["year"], ["num", "den", "gaps"])
    ok = frame["den"] > 0
    frame["value"] = np.where(ok, frame["num"] / frame["den"].where(ok) * 100, np.nan)
    frame["status"] = np.where(ok, COMPUTED, MISSING)
    frame["numerator"], frame["denominator"] = frame["num"], frame["den"]
    frame["note"] = _gap_note(frame["note"], frame["gaps"])
    return finish(frame, key)


def mint_anteil_beschaeftigte(obs: pd.DataFrame) -> pd.DataFrame:
    """Employees (social insurance, at residence, 30.06.) in MINT Berufsgruppen per 100 employees."""
    total = _employees(obs, "total", unassigned=True)
    num = _sum_over(total, mint_codes(), "num")
    den = _sum_over(total, None, "den")
    return _share(num, den, "mint_anteil_beschaeftigte")


def frauenanteil_mint(obs: pd.DataFrame) -> pd.DataFrame:
    """Women among the employees (social insurance, at residence, 30.06.) in MINT Berufsgruppen, in %."""
    codes = mint_codes()
    num = _sum_over(_employees(obs, "women"), codes, "num")
    den = _sum_over(_employees(obs, "total"), codes, "den")
    return _share(num, den, "frauenanteil_mint")


def frauenanteil_beruf(obs: pd.DataFrame) -> pd.DataFrame:
    """Women among the employees (social insurance, at residence, 30.06.) of each Berufsgruppe, in %."""
    women = _employees(obs, "women").rename(columns={"value": "num"})
    total = _employees(obs, "total").rename(columns={"value": "den"})
    kreise = women.merge(total[["region_code", "year", "category", "den"]], on=["region_code", "year", "category"])
    kreise["gaps"] = kreise["num"].isna().astype(int) + kreise["den"].isna().astype(int)
    frame = _with_totals(kreise, ["year", "category"], ["num", "den", "gaps"])
    is_sum = frame["level"] != "kreis"
    num = frame["num"].where(frame["num"].notna() | ~is_sum, 0.0)
    den = frame["den"].where(frame["den"].notna() | ~is_sum, 0.0)
    ok = num.notna() & (den > 0)
    frame["value"] = np.where(ok, num / den.where(ok) * 100, np.nan)
    frame["status"] = np.where(ok, COMPUTED, MISSING)
    frame["numerator"], frame["denominator"] = num.where(ok), den
    frame["note"] = _gap_note(frame["note"], frame["gaps"].where(is_sum, 0))
    frame.loc[~ok & ~is_sum, "note"] = "Frauen oder Beschäftigte nicht veröffentlicht oder null (BA)"
    return finish(frame, "frauenanteil_beruf")


FIRST_YEAR = 2012  # the BA's series by KldB 2010 starts here (vacancies and unemployed)


def occupation_year(tightness: pd.DataFrame, women: pd.DataFrame, region: str, land: str, year: int) -> pd.DataFrame:
    """Every Berufsgruppe of `region` in `year`: its ratio, the Land's, its trend since FIRST_YEAR, women's share.

    tightness and women are the results of arbeitslose_je_stelle and frauenanteil_beruf. The trend
    is the region's values FIRST_YEAR … year in year order, years without a value left out, and
    `change` the difference to the first of them that has a value. Women's share is of the same year,
    or of the newest year before it (employees start in 2013), with that year in `women_year`.
    """
    own = tightness[(tightness["region_code"] == region) & (tightness["category"] != "")]
    now = own[own["year"] == year][["category", "value", "numerator", "denominator", "status", "note"]]
    ref = tightness[(tightness["region_code"] == land) & (tightness["year"] == year)]
    now = now.merge(ref[["category", "value"]].rename(columns={"value": "land_value"}), on="category", how="left")
    history = own[(own["year"] >= FIRST_YEAR) & (own["year"] <= year)].pivot_table(
        index="category", columns="year", values="value", aggfunc="first", dropna=False
    )
    history = history.reindex(columns=range(FIRST_YEAR, year + 1))
    # Years without a value are left out: a sparkline cannot draw a gap (Streamlit shows such a list as text).
    trend = {cat: [float(v) for v in values.dropna()] for cat, values in history.iterrows()}
    now["trend"] = now["category"].map(lambda c: trend.get(c, []))
    first = history.bfill(axis=1).iloc[:, 0] if len(history.columns) else pd.Series(dtype="float64")
    now["change"] = now["value"] - now["category"].map(first)
    shares = women[(women["region_code"] == region) & (women["year"] <= year) & women["value"].notna()]
    shares = shares.sort_values("year").drop_duplicates("category", keep="last")
    now = now.merge(
        shares[["category", "value", "year", "denominator"]].rename(
            columns={"value": "women_share", "year": "women_year", "denominator": "employees"}
        ),
        on="category",
        how="left",
    )
    now["berufsbereich"] = now["category"].map(berufsbereich)
    return now.reset_index(drop=True)


def extremes(table: pd.DataFrame, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The n tightest (fewest unemployed per vacancy) and the n loosest Berufsgruppen that have a value."""
    ranked = table[table["status"] == COMPUTED].sort_values(["value", "category"])
    return ranked.head(n).reset_index(drop=True), ranked.tail(n).iloc[::-1].reset_index(drop=True)
