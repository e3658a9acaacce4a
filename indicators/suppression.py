"""Datenschutz: the one place where small counts are hidden, and the policy for when.

Policy (written here once; indicators.catalogue.evaluate applies it):
- Values the statistical offices, the BA or the BBSR published are shown as published. They did
  their own disclosure control ('.' and '*' in their tables); hiding a count of 2 of 340 leavers of
  a Kreis that anyone can read in the official table, and that stays recoverable from the totals we
  show, protects no one and only makes our numbers disagree with the official ones.
- Small-count suppression applies to the office's own data (the template: per school and
  Gemeinde), which nobody has protected before us. There it must be complete.

Rule: a value computed from a count of 1 or 2 — more generally above 0 and below the threshold — is
not shown, and neither is that count. Zero is shown: "nobody" reveals nothing about a person.
Secondary suppression: a total and its parts form a relation (Gemeinde total = sum of its schools,
Kreis total = sum of its Gemeinden). Where exactly one cell of a relation is hidden it could be
recovered as total minus the others, so a second cell is hidden too (the smallest one left); this
repeats until no relation has exactly one hidden cell, since hiding a Gemeinde total for its Kreis
can open its own relation with the schools.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from indicators.status import COMPUTED, SUPPRESSED, SUPPRESSION_THRESHOLD

PRIMARY_NOTE = "weniger als {threshold} Fälle: aus Datenschutzgründen nicht ausgewiesen"
SECONDARY_NOTE = "Sekundärsperrung: sonst aus der Summe rückrechenbar"


# A relation maps each row to the group it sums into (NaN: not part of any group).
Relation = Callable[[pd.DataFrame], pd.Series]


def suppress(
    result: pd.DataFrame,
    threshold: int = SUPPRESSION_THRESHOLD,
    groups: Sequence[str] | None = None,
    relations: Sequence[Relation] = (),
    published: pd.Series | None = None,
    also_hide: pd.Series | None = None,
) -> pd.DataFrame:
    """Hide values whose numerator or denominator count is in 1 … threshold−1.

    groups: columns that form a group whose total is published elsewhere (e.g. ["region_code",
    "year"] for schools of one Gemeinde); relations: further total/parts groups (see module doc).
    Each group with exactly one hidden cell loses a second one, until none is left.

    For a view that adds new totals to cells other views already show (Schulen im Vergleich):
    `published` marks rows shown elsewhere as they are, never taken as a second cell (hiding them
    here would protect nothing), so the second cell is one of the new ones; `also_hide` marks rows to
    hide from the start, e.g. a new total equal to one that is hidden elsewhere.
    """
    out = result.copy()
    small = _small(out["numerator"], threshold) | _small(out["denominator"], threshold)
    primary = small & (out["status"] == COMPUTED)
    _hide(out, primary, PRIMARY_NOTE.format(threshold=threshold))
    if also_hide is not None:
        _hide(out, also_hide & (out["status"] == COMPUTED), SECONDARY_NOTE)
    fixed = pd.Series(False, index=out.index) if published is None else published.reindex(out.index, fill_value=False)
    keys = [(lambda frame, cols=list(groups): frame[cols].astype(str).agg("|".join, axis=1))] if groups else []
    keys += list(relations)
    while keys:
        hidden = out["status"] == SUPPRESSED
        secondary = pd.Series(False, index=out.index)
        for key in keys:
            secondary |= _secondary(out, hidden, key(out), fixed)
        if not secondary.any():
            break
        _hide(out, secondary, SECONDARY_NOTE)
    return out


def _small(counts: pd.Series, threshold: int) -> pd.Series:
    return (counts > 0) & (counts < threshold)


def _hide(frame: pd.DataFrame, mask: pd.Series, note: str) -> None:
    frame.loc[mask, ["value", "numerator"]] = np.nan
    frame.loc[mask, "status"] = SUPPRESSED
    frame.loc[mask, "note"] = note


def _secondary(frame: pd.DataFrame, hidden: pd.Series, group: pd.Series, fixed: pd.Series) -> pd.Series:
    mask = pd.Series(False, index=frame.index)
    for _, members in frame[group.notna()].groupby(group[group.notna()]):
        if hidden.loc[members.index].sum() != 1:
            continue
        free = ~hidden.loc[members.index] & ~fixed.loc[members.index]
        candidates = members[(members["status"] == COMPUTED) & free]
        if not candidates.empty:
            mask.loc[candidates["numerator"].idxmin()] = True
    return mask
