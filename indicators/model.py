"""The shape of an indicator declaration and of every indicator result.

An indicator is declared once (catalogue.py) with everything a reader needs to trust the number:
title, definition, numerator, denominator, unit, direction, source tables, data breaks. Pages,
exports, the CLI and the generated catalogue page all read that one declaration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

import pandas as pd


class Direction(Enum):
    """Which way is good; colours the arrows and orders rankings."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    NEUTRAL = "neutral"

    @property
    def label(self) -> str:
        return {
            "higher_is_better": "höher ist besser",
            "lower_is_better": "niedriger ist besser",
            "neutral": "neutral (keine Wertung)",
        }[self.value]


# Columns of every result frame, in this order.
RESULT_COLUMNS = [
    "key",
    "region_code",
    "region_name",
    "level",
    "year",
    "category",  # "" for single-valued indicators; e.g. the qualification for distributions
    "value",
    "numerator",
    "denominator",
    "status",
    "note",  # German, e.g. "Summe der Kreise (Land nicht veröffentlicht)"
]


@dataclass(frozen=True)
class Break:
    """A known break in a series, annotated in charts and listed in the catalogue."""

    year: int
    label: str


@dataclass(frozen=True)
class Gap:
    """Years an indicator has no value for, and why, in German: the Tabelle lists each year with this reason.

    "nicht erhoben" (the statistics did not count it), "nicht gebündelt" (published, not yet in data/raw);
    secret values need no gap, their status says it.
    """

    first: int
    last: int
    reason: str


@dataclass(frozen=True)
class SourceTable:
    """A table the indicator reads, with what it takes from it (for the catalogue and the Quellen tab)."""

    code: str
    uses: str


@dataclass(frozen=True)
class Indicator:
    key: str  # stable id used in URLs, exports and tests; never renamed
    title: str  # German, as the Beirat reads it
    definition: str  # German, 1–2 sentences, printed under every chart
    numerator: str
    denominator: str | None
    unit: str  # "%", "Anzahl", "je 100 …"
    direction: Direction
    handlungsfeld: str  # DKBM field of action
    tables: tuple[SourceTable, ...]
    levels: tuple[str, ...]  # levels the bundled data allows: gemeinde, kreis, land, bund, schule
    compute: Callable[[pd.DataFrame], pd.DataFrame] = field(repr=False)
    breaks: tuple[Break, ...] = ()
    source: str = ""  # German source line printed under charts
    gaps: tuple[Gap, ...] = ()  # known years without data and why (ui.tables lists them)
    # How many years before Y a result for year Y reads: 0 = only Y, 1 = also Y−1 (a denominator of
    # 31.12. of the year before). None = it may read any year (a median over all years, "from the
    # first year on"): an import recomputes it whole. store.results.refresh uses this to recompute
    # only the years an imported file holds; tests/store/test_results.py checks every declaration.
    years_back: int | None = None

    def gap_reason(self, year: int) -> str | None:
        return next((g.reason for g in self.gaps if g.first <= year <= g.last), None)

    @property
    def table_codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.tables)

    @property
    def own_data(self) -> bool:
        """True for the office's own collections (template tables "EIGENE …"), the only data we suppress."""
        return any(code.startswith("EIGENE") for code in self.table_codes)

    @property
    def is_share(self) -> bool:
        return self.unit == "%"
