"""The goals for the pages: read once per goals version, assessed once per store version, cached.

The goals file (ziele.ablage) changes when someone saves on the Ziele page or runs `cli.py ziele
import`; its SHA-256 is part of every cache key here, as the store version is, so every page shows
the new goals at its next rerun. Writing goes through ziele.ablage.save only (the Ziele page).
"""

from __future__ import annotations

import streamlit as st

from indicators.catalogue import CATALOGUE
from ui.data import result
from ziele import ablage
from ziele.model import Ziel
from ziele.status import Standing, category, latest_year, schools, standing, status_table


def version() -> str:
    return ablage.version()


@st.cache_data(show_spinner=False)
def goals(goals_version: str) -> tuple[Ziel, ...]:
    return ablage.load().goals


def _results(store_version: int):
    return lambda key: result(key, store_version)


@st.cache_data(show_spinner=False)
def standings_of(key: str, region: str, store_version: int, goals_version: str, shown: str = "") -> list[Standing]:
    """The Zielindikatoren of one indicator, region and shown category (for its tile and its chart).

    `shown` is the category the page shows: "" for single-valued indicators, a school or the
    Gemeinde total for the office's per-school data.
    """
    return [
        standing(g, _results(store_version))
        for g in goals(goals_version)
        if g.indikator == key and g.region == region and category(key, g.schule) == (shown or category(key, ""))
    ]


@st.cache_data(show_spinner=False)
def all_standings(store_version: int, goals_version: str) -> dict[str, Standing]:
    """Every Zielindikator by its id."""
    return {g.id: standing(g, _results(store_version)) for g in goals(goals_version) if g.zielindikator}


@st.cache_data(show_spinner=False)
def table(store_version: int, goals_version: str):
    """The status table (ziele.status.status_table) for the downloads."""
    return status_table(goals(goals_version), _results(store_version))


@st.cache_data(show_spinner=False)
def school_choices(store_version: int) -> tuple[tuple[str, str], ...]:
    """(Gemeinde code, school) of every school with values in an indicator that has school goals."""
    frames = [schools(result(k, store_version)) for k, ind in CATALOGUE.items() if "schule" in ind.levels]
    pairs = {(r.region_code, r.schule) for frame in frames for r in frame.itertuples()}
    return tuple(sorted(pairs))


def latest(store_version: int):
    """The data check of a goal entered on the page: the latest year of an indicator in a region."""
    return latest_year(_results(store_version))
