"""Datenschutz: the one place where small counts are hidden.

Rule (as in the statistical offices' secrecy practice): a value computed from a count of 1 or 2 —
more generally from a count above 0 and below the threshold — is not shown, and neither is that
count. Zero is shown: "nobody" reveals nothing about a person. Secondary suppression: where a
group's total is published (e.g. a Gemeinde over its schools), one hidden cell could be recovered
as total minus the others, so a second cell of that group is hidden too (the smallest one left).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from indicators.model import COMPUTED, SUPPRESSED

DEFAULT_THRESHOLD = 3
PRIMARY_NOTE = "weniger als {threshold} Fälle: aus Datenschutzgründen nicht ausgewiesen"
SECONDARY_NOTE = "Sekundärsperrung: sonst aus der Summe rückrechenbar"


def suppress(
    result: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD, groups: Sequence[str] | None = None
) -> pd.DataFrame:
    """Hide values whose numerator or denominator count is in 1 … threshold−1.

    groups: columns that form a group whose total is published elsewhere (e.g. ["region_code",
    "year"] for schools of one Gemeinde); each group with exactly one hidden cell loses a second one.
    """
    out = result.copy()
    small = _small(out["numerator"], threshold) | _small(out["denominator"], threshold)
    primary = small & (out["status"] == COMPUTED)
    _hide(out, primary, PRIMARY_NOTE.format(threshold=threshold))
    if groups:
        _hide(out, _secondary(out, primary, list(groups)), SECONDARY_NOTE)
    return out


def _small(counts: pd.Series, threshold: int) -> pd.Series:
    return (counts > 0) & (counts < threshold)


def _hide(frame: pd.DataFrame, mask: pd.Series, note: str) -> None:
    frame.loc[mask, ["value", "numerator"]] = np.nan
    frame.loc[mask, "status"] = SUPPRESSED
    frame.loc[mask, "note"] = note


def _secondary(frame: pd.DataFrame, primary: pd.Series, groups: list[str]) -> pd.Series:
    mask = pd.Series(False, index=frame.index)
    for _, members in frame.groupby(groups):
        hidden = primary.loc[members.index]
        if hidden.sum() != 1:
            continue
        candidates = members[(members["status"] == COMPUTED) & ~hidden]
        if not candidates.empty:
            mask.loc[candidates["numerator"].idxmin()] = True
    return mask
