"""Helpers to read Vega-Lite specs in tests, and a stand-in for the indicator declaration."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass


class Direction(enum.Enum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class FakeIndicator:
    """Stands in for indicators.Indicator: the charts read only these four attributes."""

    title: str
    unit: str
    direction: Direction
    source: str


def units(spec: dict, data: dict | None = None) -> Iterator[tuple[dict, dict | None]]:
    """Every single-mark view of a (possibly layered) Vega-Lite spec, with the data it inherits."""
    data = spec.get("data", data)
    if "mark" in spec:
        yield spec, data
    for child in spec.get("layer", []):
        yield from units(child, data)


def rows_of(spec: dict, data: dict) -> list[dict]:
    """The rows behind a view's data, before its own transforms: a named dataset or inline values."""
    return spec["datasets"][data["name"]] if "name" in data else data["values"]


def mark_type(unit: dict) -> str:
    mark = unit["mark"]
    return mark if isinstance(mark, str) else mark["type"]


def scale_map(channel: dict) -> dict:
    """An encoding channel's explicit scale as {domain value: range value}."""
    return dict(zip(channel["scale"]["domain"], channel["scale"]["range"], strict=True))
