"""Dividing numerator by denominator without losing what the source said about either.

A share is only a number when both parts are numbers. If either part is secret, not meaningful or
missing, the result carries that status and no value: a secret input never becomes a number.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.model import RESULT_COLUMNS
from indicators.selection import KEY
from indicators.status import COMPUTED, MISSING, NUMERIC


def ratio(numerator: pd.DataFrame, denominator: pd.DataFrame, scale: float = 100.0) -> pd.DataFrame:
    """Join two `series`/`total` frames (columns num/den + status) and divide, per region and year.

    Only regions and years (and categories, where both sides have them) present on both sides are
    returned. The numerator of a non-numeric result is hidden, since showing a count next to a
    secret total could reveal it.
    """
    on = ["region_code", "year"] + (["category"] if "category" in numerator and "category" in denominator else [])
    frame = numerator.merge(denominator.drop(columns=["region_name", "level"]), on=on)
    flag = _first_flag(frame["num_status"], frame["den_status"])
    ok = flag.isna() & (frame["den"] > 0)
    frame["value"] = np.where(ok, frame["num"] / frame["den"].where(ok) * scale, np.nan)
    frame["status"] = flag.fillna(MISSING).where(~ok, COMPUTED)
    notes = frame["note"].fillna("") if "note" in frame else ""
    frame["note"] = np.where(~ok & flag.isna(), "Nenner ist 0", notes)
    frame["numerator"] = frame["num"].where(ok)
    frame["denominator"] = frame["den"]
    return frame.drop(columns=["num", "den", "num_status", "den_status"])


def _first_flag(*statuses: pd.Series) -> pd.Series:
    """The first non-numeric status per row (secret, not_applicable, …), else NA."""
    flag = pd.Series(pd.NA, index=statuses[0].index, dtype="object")
    for status in reversed(statuses):
        flag = flag.mask(~status.isin(NUMERIC), status)
    return flag


def difference(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """a − b per region and year for two result frames (e.g. men's minus women's share, in pp).

    The note of `a` is kept (e.g. "Summe der 45 Kreise"): a difference of two sums is a sum too.
    """
    frame = a[KEY + ["value", "status"] + (["note"] if "note" in a else [])].merge(
        b[["region_code", "year", "value", "status"]], on=["region_code", "year"], suffixes=("", "_b")
    )
    both = (frame["status"] == COMPUTED) & (frame["status_b"] == COMPUTED)
    frame["value"] = (frame["value"] - frame["value_b"]).where(both)
    frame["status"] = frame["status"].where(frame["status"] != COMPUTED, frame["status_b"]).where(~both, COMPUTED)
    return frame.drop(columns=["value_b", "status_b"])


def finish(frame: pd.DataFrame, key: str, category: str | pd.Series = "") -> pd.DataFrame:
    """Bring a computed frame into RESULT_COLUMNS order with the indicator key."""
    out = frame.copy()
    out["key"] = key
    if "category" not in out or isinstance(category, pd.Series) or category:
        out["category"] = category
    for column in ("numerator", "denominator"):
        if column not in out:
            out[column] = np.nan
    if "note" not in out:
        out["note"] = ""
    out["note"] = out["note"].fillna("")
    out["year"] = out["year"].astype(int)
    return out[RESULT_COLUMNS].sort_values(["region_code", "year", "category"]).reset_index(drop=True)
