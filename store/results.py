"""Indicator results kept with the store: the one door through which every consumer reads an indicator.

Computing an indicator reads up to a million observations and reshapes them; on the first request
after a server start that made the first slide take 13 s. So results are computed when the data
change (`build`, each import) and written next to the observations in the same write transaction:
the dashboard, the presentation, its exports and `cli.py indicator` all read finished rows.

Gemeinde tables cover all of Germany, and computing an indicator for 11,000 Gemeinden takes minutes;
a stored result therefore holds the Gemeinden of one Kreis (`gemeinden_of`, the home Kreis). A
request for another Kreis' Gemeinden is computed on the spot by the same code path, uncached.

An import costs what its file costs, not what the store holds: it recomputes only the indicators
that read its table (`affected_keys`), and of those only the years the file can change, where the
indicator declares which years a result reads (`Indicator.years_back`). The rule: a file with values
for years F changes the results of years R = F, F+1, …, F+years_back; those are computed from the
observations of R−years_back … R and replace exactly the stored rows of R, in the import's transaction.
A result for 2025 built from 31.12.2024's population is thus recomputed when either file comes in,
and 30 years × 400 Kreise shrink to the file's years. An indicator without the declaration (a median
over all years, a first year) and an import that renamed a region are recomputed whole.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable

import duckdb
import pandas as pd

from indicators.catalogue import CATALOGUE, evaluate
from indicators.model import RESULT_COLUMNS
from regions.home import home
from store.queries import frame, observations

# Called after each recomputed indicator with (number, total, key, seconds), for progress lines.
ResultProgress = Callable[[int, int, str, float], None]

_TEXT_COLUMNS = ["key", "region_code", "region_name", "level", "category", "status", "note"]


class IndicatorFailed(Exception):
    """An indicator raised while its result was computed for the store: the write that caused it must not land."""

    def __init__(self, key: str, error: Exception) -> None:
        self.title = CATALOGUE[key].title
        self.reason = f"{type(error).__name__}: {str(error)[:120]}"
        super().__init__(f"{key}: {self.reason}")


def compute(
    con: duckdb.DuckDBPyConnection, key: str, gemeinden_of: str | None = None, years: Collection[int] | None = None
) -> pd.DataFrame:
    """Indicator `key` from the store's observations, with Gemeinden only of `gemeinden_of` (default: home Kreis).

    years: the rows of these years only, computed from the observations they read (years_back
    before each); only for an indicator that declares years_back (see the module docstring).
    """
    indicator = CATALOGUE[key]
    read_years = None if years is None else {y - back for y in years for back in range(indicator.years_back + 1)}
    obs = observations(con, indicator.table_codes, gemeinden_of or home().key, read_years)
    if obs.empty:
        return _typed(pd.DataFrame(columns=RESULT_COLUMNS))
    result = _typed(evaluate(key, obs))
    return result if years is None else result[result["year"].isin(years)].reset_index(drop=True)


def affected_keys(table_codes: Iterable[str]) -> list[str]:
    """The indicators that read any of these tables: after an import only these are recomputed."""
    codes = set(table_codes)
    return [key for key, indicator in CATALOGUE.items() if codes & set(indicator.table_codes)]


def refresh(
    con: duckdb.DuckDBPyConnection,
    keys: Iterable[str] | None = None,
    progress: ResultProgress | None = None,
    gemeinden_of: str | None = None,
    years: Iterable[int] | None = None,
) -> None:
    """Recompute and store the results of `keys` (all indicators by default) inside the caller's transaction.

    years: only values of these years changed (an import's LoadResult.years); None = anything may have.
    Raises IndicatorFailed when an indicator cannot be computed from what the transaction holds.
    """
    keys = list(CATALOGUE if keys is None else keys)
    gemeinden_of = gemeinden_of or home().key
    changed = None if years is None else set(years)
    for number, key in enumerate(keys, start=1):
        started = time.perf_counter()
        recomputed = _recomputed_years(con, key, changed, gemeinden_of)
        try:
            result = compute(con, key, gemeinden_of, recomputed)
        except Exception as error:  # noqa: BLE001 – whatever an indicator raises, the caller refuses the write
            raise IndicatorFailed(key, error) from error
        if recomputed is not None:
            result = _with_other_years(con, key, result, recomputed)
        con.execute("DELETE FROM indicator_results WHERE key = ?", [key])
        con.execute("DELETE FROM indicator_scope WHERE key = ?", [key])
        if len(result):
            con.register("incoming_results", _typed(result).assign(position=range(len(result))))
            con.execute(
                f"INSERT INTO indicator_results (position, {', '.join(RESULT_COLUMNS)}) "
                f"SELECT position, {', '.join(RESULT_COLUMNS)} FROM incoming_results"
            )
            con.unregister("incoming_results")
        con.execute("INSERT INTO indicator_scope VALUES (?, ?, current_timestamp)", [key, gemeinden_of])
        if progress:
            progress(number, len(keys), key, time.perf_counter() - started)


def _recomputed_years(
    con: duckdb.DuckDBPyConnection, key: str, changed: set[int] | None, gemeinden_of: str
) -> set[int] | None:
    """The years of `key` that values of the `changed` years can alter; None: recompute every year.

    Every year when the change is unknown, the indicator declares no years_back, or the stored
    result is missing or for another Kreis' Gemeinden (nothing to keep).
    """
    back = CATALOGUE[key].years_back
    if changed is None or back is None:
        return None
    scope = con.execute("SELECT gemeinden_of FROM indicator_scope WHERE key = ?", [key]).fetchall()
    if not scope or scope[0][0] != gemeinden_of:
        return None
    return {year + ahead for year in changed for ahead in range(back + 1)}


def _with_other_years(
    con: duckdb.DuckDBPyConnection, key: str, fresh: pd.DataFrame, recomputed: set[int]
) -> pd.DataFrame:
    """The stored rows of the years not recomputed, with the fresh ones, in the order a full computation has.

    Results come sorted by region and year (indicators.ratio.finish); a stable sort of the kept rows
    followed by the fresh ones restores that order and keeps each (region, year)'s rows as computed.
    """
    kept = frame(
        con,
        f"SELECT {', '.join(RESULT_COLUMNS)} FROM indicator_results "
        "WHERE key = ? AND NOT list_contains(?, year) ORDER BY position",
        [key, sorted(recomputed)],
    )
    parts = [part for part in (_typed(kept), fresh) if len(part)]
    if not parts:
        return fresh
    return pd.concat(parts, ignore_index=True).sort_values(["region_code", "year"], kind="stable", ignore_index=True)


def read(con: duckdb.DuckDBPyConnection, key: str, gemeinden_of: str | None = None) -> pd.DataFrame:
    """The result of indicator `key` as computed (RESULT_COLUMNS), read from the store when it holds it.

    Falls back to computing when the store holds no result for this scope (another Kreis' Gemeinden,
    asked for by `cli.py indicator --region`); a reader never writes.
    """
    gemeinden_of = gemeinden_of or home().key
    scope = con.execute("SELECT gemeinden_of FROM indicator_scope WHERE key = ?", [key]).fetchall()
    if not scope or scope[0][0] != gemeinden_of:
        return compute(con, key, gemeinden_of)
    return _typed(
        frame(con, f"SELECT {', '.join(RESULT_COLUMNS)} FROM indicator_results WHERE key = ? ORDER BY position", [key])
    )


def _typed(rows: pd.DataFrame) -> pd.DataFrame:
    """The same dtypes whether a result was just computed or read back: text, integer years, float values."""
    out = rows[RESULT_COLUMNS].copy()
    for column in _TEXT_COLUMNS:
        out[column] = out[column].fillna("").astype(str)
    out["year"] = out["year"].astype("int64")
    for column in ("value", "numerator", "denominator"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("float64")
    return out
