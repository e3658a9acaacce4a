"""Indicator results kept with the store: the one door through which every consumer reads an indicator.

Computing an indicator reads up to a million observations and reshapes them; on the first request
after a server start that made the first slide take 13 s. So results are computed when the data
change (`build`, each import) and written next to the observations in the same write transaction:
the dashboard, the presentation, its exports and `cli.py indicator` all read finished rows.

Gemeinde tables cover all of Germany, and computing an indicator for 11,000 Gemeinden takes minutes;
a stored result therefore holds the Gemeinden of one Kreis (`gemeinden_of`, the home Kreis). A
request for another Kreis' Gemeinden is computed on the spot by the same code path, uncached.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

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


def compute(con: duckdb.DuckDBPyConnection, key: str, gemeinden_of: str | None = None) -> pd.DataFrame:
    """Indicator `key` from the store's observations, with Gemeinden only of `gemeinden_of` (default: home Kreis)."""
    obs = observations(con, CATALOGUE[key].table_codes, gemeinden_of or home().key)
    if obs.empty:
        return pd.DataFrame(columns=RESULT_COLUMNS)
    return evaluate(key, obs)[RESULT_COLUMNS]


def affected_keys(table_codes: Iterable[str]) -> list[str]:
    """The indicators that read any of these tables: after an import only these are recomputed."""
    codes = set(table_codes)
    return [key for key, indicator in CATALOGUE.items() if codes & set(indicator.table_codes)]


def refresh(
    con: duckdb.DuckDBPyConnection,
    keys: Iterable[str] | None = None,
    progress: ResultProgress | None = None,
    gemeinden_of: str | None = None,
) -> None:
    """Recompute and store the results of `keys` (all indicators by default) inside the caller's transaction.

    Raises IndicatorFailed when an indicator cannot be computed from what the transaction holds.
    """
    keys = list(CATALOGUE if keys is None else keys)
    gemeinden_of = gemeinden_of or home().key
    for number, key in enumerate(keys, start=1):
        started = time.perf_counter()
        try:
            result = compute(con, key, gemeinden_of)
        except Exception as error:  # noqa: BLE001 – whatever an indicator raises, the caller refuses the write
            raise IndicatorFailed(key, error) from error
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
