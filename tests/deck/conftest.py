"""Deck tests read the real store built once per session (tests/conftest.py: store_db)."""

from __future__ import annotations

import pytest

from deck.render import StoreData
from store.connection import reading


@pytest.fixture(scope="session")
def store_con(store_db):
    with reading(store_db) as con:
        yield con


@pytest.fixture(scope="session")
def deck_data(store_con) -> StoreData:
    """Indicator results of the real store, each computed once for all deck tests."""
    return StoreData(store_con)
