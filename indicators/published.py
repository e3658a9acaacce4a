"""Indicators taken as published (INKAR): the source computed them, we pass them through.

We still keep them apart from our own computations (status "published"), and where we can compute
the same indicator from the raw tables a test checks that both agree.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from indicators.ratio import finish
from indicators.selection import series
from indicators.status import COMPUTED, PUBLISHED

SOURCE_CHANGE_NOTE = (
    "von {source} veröffentlichter Anteil (Zähler und Nenner nicht veröffentlicht); Quellenwechsel: die "
    "übrigen Jahre sind aus den Rohdaten berechnet"
)


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


def joined(computed: pd.DataFrame, obs: pd.DataFrame, table: str, kuerzel: str, source: str, key: str) -> pd.DataFrame:
    """One series: our computed values, and the published ones for region-years we cannot compute.

    Where the raw counts are missing for years (school leavers 2016–2022), the share the source
    published fills the gap, marked "published" with a note naming the change of source, and with
    numerator and denominator empty: we do not know them and do not pretend to. A year we computed
    keeps our value, so the published series never overwrites a count we can show.
    """
    published = inkar(table, kuerzel, key)(obs)
    published = published[published["status"] == PUBLISHED]
    on = ["region_code", "year"]
    # Only years without any computed value are filled: in a year with counts, a region without one is
    # a real gap or a territorial change (INKAR lists 03159 Göttingen for 2015, the counts 03152/03156).
    fill = published[~published["year"].isin(set(computed.loc[computed["status"] == COMPUTED, "year"]))]
    fill = fill.assign(note=SOURCE_CHANGE_NOTE.format(source=source), numerator=np.nan, denominator=np.nan)
    replaced = computed.merge(fill[on].assign(replaced=True), on=on, how="left")["replaced"].fillna(False)
    kept = computed[~replaced.to_numpy(dtype=bool)]
    return finish(pd.concat([kept, fill], ignore_index=True), key)
