"""Every declaration is complete, and the generated catalogue page is current."""

from __future__ import annotations

import pytest

from indicators import docs
from indicators.catalogue import CATALOGUE, HANDLUNGSFELDER
from indicators.model import RESULT_COLUMNS


def test_the_generated_catalogue_page_is_current():
    assert docs.TARGET.read_text(encoding="utf-8") == docs.render(), "run: python -m indicators.docs"


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_each_indicator_declares_what_a_reader_needs(key):
    ind = CATALOGUE[key]
    assert ind.key == key
    assert ind.title and ind.definition.endswith(".") and ind.numerator and ind.unit and ind.source
    assert ind.handlungsfeld in HANDLUNGSFELDER
    assert ind.tables and ind.levels
    # Every page, slide and report writes "Quelle: " before the source: the source itself must not.
    assert not ind.source.lower().startswith("quelle"), f"{key}: „Quelle: Quelle: …“ auf dem Bildschirm"


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_each_indicator_returns_the_result_columns_even_without_data(key):
    import pandas as pd

    empty = pd.DataFrame(
        columns=["table_code", "region_code", "region_name", "level", "historic", "period", "year", "dimensions"]
        + ["unit", "value", "status", "raw_symbol"]
    )
    assert list(CATALOGUE[key].compute(empty).columns) == RESULT_COLUMNS
