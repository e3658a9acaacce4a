"""Where each goal stands: its indicator's values, the assessment and the German sentences around it.

One door for every consumer: the Ziele page, the Überblick tile, the chart, the Zielstand slide and
`cli.py ziele status` all call `standing` / `status_table` with their own way to get an indicator's
result (the dashboard's cache, a store connection), so a goal reads the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from charts.format import default_decimals, fmt_number, fmt_value
from charts.timeseries import Target
from indicators.catalogue import CATALOGUE
from indicators.comparison import with_values
from indicators.lokal import GEMEINDE_TOTAL
from indicators.zielerreichung import Assessment, assess
from ziele.model import ARBEITSPAKET_STATUS, EXAMPLE_LABEL, Ziel

# An indicator's result for its key (indicators.model.RESULT_COLUMNS), however the caller computes it.
Results = Callable[[str], pd.DataFrame]


def category(key: str, schule: str) -> str:
    """The result category a goal reads: its school, the Gemeinde total of per-school data, else none ("")."""
    if schule:
        return schule
    return GEMEINDE_TOTAL if "schule" in CATALOGUE[key].levels else ""


def values(result: pd.DataFrame, region: str, category: str = "") -> pd.DataFrame:
    """The region's (or school's) annual values, the input of the assessment and the sparkline."""
    rows = with_values(result, category)
    rows = rows[rows["region_code"] == region]
    return rows[["year", "value"]].astype({"year": int}).sort_values("year").reset_index(drop=True)


def latest_year(results: Results) -> Callable[[str, str, str], int | None]:
    """The `latest_year` check of ziele.model: the newest year with a value for indicator, region and school."""

    def latest(key: str, region: str, schule: str = "") -> int | None:
        rows = values(results(key), region, category(key, schule))
        return None if rows.empty else int(rows["year"].iloc[-1])

    return latest


def schools(result: pd.DataFrame) -> pd.DataFrame:
    """The schools an indicator has values for (columns region_code, schule), for choosing a school goal."""
    rows = with_values(result, None)
    rows = rows[~rows["category"].isin(("", GEMEINDE_TOTAL))]
    pairs = rows[["region_code", "category"]].drop_duplicates().rename(columns={"category": "schule"})
    return pairs.sort_values(["region_code", "schule"]).reset_index(drop=True)


@dataclass(frozen=True)
class Standing:
    """One Zielindikator with its assessment and region name."""

    goal: Ziel
    region_name: str
    assessment: Assessment

    @property
    def unit(self) -> str:
        return CATALOGUE[self.goal.indikator].unit


def region_name(result: pd.DataFrame, region: str, schule: str = "") -> str:
    """ "Barßel", or "Oberschule Barßel (Barßel)" for a school goal."""
    names = result.loc[result["region_code"] == region, "region_name"]
    name = str(names.iloc[0]) if len(names) else region
    return f"{schule} ({name})" if schule else name


def standing(goal: Ziel, results: Results) -> Standing:
    indicator = CATALOGUE[goal.indikator]
    result = results(goal.indikator)
    rows = values(result, goal.region, category(goal.indikator, goal.schule))
    assessment = assess(rows, indicator.direction, goal.zielwert, goal.zieljahr, indicator.breaks)
    return Standing(goal, region_name(result, goal.region, goal.schule), assessment)


def standings(goals: Sequence[Ziel], results: Results) -> list[Standing]:
    """Every Zielindikator (qualitative Mittlerziele and Arbeitspakete have none) with its assessment, in order."""
    return [standing(g, results) for g in goals if g.zielindikator]


def work_packages(goals: Sequence[Ziel]) -> str:
    """ "Arbeitspakete: 1 erledigt, 2 laufend, 1 offen", counting the Arbeitspakete among `goals` ("" for none)."""
    counts = {s: sum(1 for g in goals if g.ist_arbeitspaket and g.status == s) for s in reversed(ARBEITSPAKET_STATUS)}
    if not any(counts.values()):
        return ""
    return "Arbeitspakete: " + ", ".join(f"{n} {s}" for s, n in counts.items() if n)


def _gap(delta: float, unit: str) -> str:
    """An unsigned distance: "2,3 Pp." for shares, "1,5 je 100" for rates, "120" for counts."""
    number = fmt_number(abs(delta), default_decimals(unit))
    if unit in ("%", "Pp."):
        return f"{number} Pp."
    return number if unit == "Anzahl" else f"{number} {unit}"


def distance(s: Standing) -> str:
    """ "noch 2,3 Pp. bis 6,0 % im Jahr 2030; bei gleichem Tempo 6,7 %", or why there is no such sentence."""
    a, unit = s.assessment, s.unit
    target = f"{fmt_value(a.zielwert, unit)} im Jahr {a.zieljahr}"
    if a.letzter_wert is None:
        return f"Ziel {target}; {a.grund}"
    if a.grund == "Zielwert bereits erreicht":
        return f"Ziel {target} bereits erreicht ({fmt_value(a.letzter_wert, unit)} {a.letztes_jahr})"
    text = f"noch {_gap(a.zielwert - a.letzter_wert, unit)} bis {target}"
    if a.projektion is not None:
        text += f"; bei gleichem Tempo {fmt_value(a.projektion, unit)}"
    return text


def label(s: Standing) -> str:
    """Symbol and word, with the data break and the example label where they apply."""
    parts = [s.assessment.label]
    if s.assessment.bruch:
        parts.append(s.assessment.bruch)
    if s.goal.beispiel:
        parts.append(EXAMPLE_LABEL)
    return " · ".join(parts)


def target(s: Standing) -> Target:
    """The goal as the time series draws it: target, Zwischenziele, and the projection when there is one."""
    a, unit = s.assessment, s.unit
    steps = tuple((y, v, f"Zwischenziel {fmt_value(v, unit)} ({y})") for y, v in s.goal.zwischenziele)
    line = None
    if a.projektion is not None:
        line = (a.letztes_jahr, a.letzter_wert, a.zieljahr, a.projektion)
    return Target(a.zieljahr, a.zielwert, f"Ziel {fmt_value(a.zielwert, unit)} ({a.zieljahr})", steps, line)


STATUS_COLUMNS = [
    "handlungsfeld",
    "strategisches_ziel",
    "mittlerziel",
    "indikator",
    "region",
    "schule",
    "zielwert",
    "zieljahr",
    "letztes_jahr",
    "letzter_wert",
    "projektion",
    "abweichung_prozent",
    "bewertung",
    "bewertung_text",
    "hinweis",
    "einheit",
    "region_name",
    "beispiel",
]


def status_table(goals: Sequence[Ziel], results: Results) -> pd.DataFrame:
    """One row per Zielindikator with its numbers in full precision (CLI, downloads)."""
    rows = []
    for s in standings(goals, results):
        a, g = s.assessment, s.goal
        notes = [n for n in (a.grund, a.bruch) if n]
        rows.append(
            {
                "handlungsfeld": g.handlungsfeld,
                "strategisches_ziel": g.strategisches_ziel,
                "mittlerziel": g.mittlerziel,
                "indikator": g.indikator,
                "region": g.region,
                "schule": g.schule,
                "zielwert": a.zielwert,
                "zieljahr": a.zieljahr,
                "letztes_jahr": a.letztes_jahr,
                "letzter_wert": a.letzter_wert,
                "projektion": a.projektion,
                "abweichung_prozent": a.abweichung_prozent,
                "bewertung": a.bewertung.key,
                "bewertung_text": a.bewertung.word,
                "hinweis": "; ".join(notes),
                "einheit": s.unit,
                "region_name": s.region_name,
                "beispiel": EXAMPLE_LABEL if g.beispiel else "",
            }
        )
    table = pd.DataFrame(rows, columns=STATUS_COLUMNS)
    return table.astype({"letztes_jahr": "Int64", "zieljahr": "Int64"})
