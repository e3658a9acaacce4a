"""The goals for the pages: read once per goals version, assessed once per store version, cached.

The goals file (ziele.ablage) changes when someone saves on the Ziele page or runs `cli.py ziele
import`; its SHA-256 is part of every cache key here, as the store version is, so every page shows
the new goals at its next rerun. Writing goes through ziele.ablage.save only (the Ziele page).
"""

from __future__ import annotations

import streamlit as st

from ui.data import result
from ziele import ablage
from ziele.model import Ziel
from ziele.status import Standing, latest_year, standing, status_table


def version() -> str:
    return ablage.version()


@st.cache_data(show_spinner=False)
def goals(goals_version: str) -> tuple[Ziel, ...]:
    return ablage.load().goals


def _results(store_version: int):
    return lambda key: result(key, store_version)


@st.cache_data(show_spinner=False)
def standings_of(key: str, region: str, store_version: int, goals_version: str) -> list[Standing]:
    """The Zielindikatoren of one indicator and region (for its tile and its chart)."""
    return [
        standing(g, _results(store_version)) for g in goals(goals_version) if g.indikator == key and g.region == region
    ]


@st.cache_data(show_spinner=False)
def all_standings(store_version: int, goals_version: str) -> dict[str, Standing]:
    """Every Zielindikator by its id."""
    return {g.id: standing(g, _results(store_version)) for g in goals(goals_version) if not g.qualitativ}


@st.cache_data(show_spinner=False)
def table(store_version: int, goals_version: str):
    """The status table (ziele.status.status_table) for the downloads."""
    return status_table(goals(goals_version), _results(store_version))


def latest(store_version: int):
    """The data check of a goal entered on the page: the latest year of an indicator in a region."""
    return latest_year(_results(store_version))
