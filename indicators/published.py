"""Indicators taken as published (INKAR): the source computed them, we pass them through.

We still keep them apart from our own computations (status "published"), and where we can compute
the same indicator from the raw tables a test checks that both agree.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from indicators.model import PUBLISHED
from indicators.ratio import finish
from indicators.selection import series


def inkar(table: str, kuerzel: str, key: str) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """A compute function returning INKAR's `kuerzel` column of `table` as indicator `key`."""

    def compute(obs: pd.DataFrame) -> pd.DataFrame:
        rows = obs[(obs["table_code"] == table) & (obs["dimensions"] == kuerzel)]
        frame = series(rows, "value")
        numeric = frame["value_status"].isin(("ok", "zero"))
        frame["status"] = frame["value_status"].where(~numeric, PUBLISHED)
        return finish(frame.drop(columns=["value_status"]), key)

    compute.__name__ = f"inkar_{kuerzel}"
    compute.__doc__ = f"INKAR {table}, column {kuerzel}, as published."
    return compute
