"""Altair chart builders for Bildungsmonitor: DataFrame in, `alt.Chart` out.

This package imports neither streamlit nor duckdb, so every chart can be built and exported in a test or
on the command line. It reads indicator metadata only through the small protocol below, so it does not
depend on the `indicators` package either.
"""

from __future__ import annotations

from typing import Protocol


class DirectionLike(Protocol):
    """The indicator's direction; `.value` is "higher_is_better", "lower_is_better" or "neutral"."""

    @property
    def value(self) -> str: ...


class IndicatorLike(Protocol):
    """The four attributes of an indicator declaration that the charts print or act on."""

    @property
    def title(self) -> str: ...

    @property
    def unit(self) -> str: ...

    @property
    def direction(self) -> DirectionLike: ...

    @property
    def source(self) -> str: ...


def lower_is_better(indicator: IndicatorLike) -> bool:
    """True when small values are good, so rankings and colour scales must be turned round."""
    return indicator.direction.value == "lower_is_better"
