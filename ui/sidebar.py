"""The shared sidebar: which region, compared with which group. Drawn by the router on every page."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from indicators.peers import peer_groups
from regions.home import home
from regions.levels import is_gemeinde
from ui import url
from ui.views import choosable_regions

_SELECTION = "_selection"


@dataclass(frozen=True)
class Selection:
    region: str  # AGS: a Kreis of the home Land (5 digits) or a Gemeinde of the home Kreis (8 digits)
    region_name: str
    group: str  # key of indicators.peers.peer_groups()
    group_name: str

    @property
    def is_gemeinde(self) -> bool:
        return is_gemeinde(self.region)


def region_label(name: str, level: str) -> str:
    """How a region reads in a list: "Vechta, Landkreis", and "Bakum (Gemeinde)" for Gemeinden."""
    return f"{name} (Gemeinde)" if level == "gemeinde" else name


def draw(version: int) -> Selection:
    kreis = home()
    regions = choosable_regions(version)
    labels = {
        code: region_label(name, level)
        for code, name, level in zip(regions["region_code"], regions["name"], regions["level"], strict=True)
    }
    region = url.choice(
        st.sidebar.selectbox,
        "Region",
        list(labels),
        "region",
        kreis.key,
        format_func=labels.get,
        help=f"Ein Kreis des Landes {kreis.land_name}"
        + (f" oder eine der {len(kreis.gemeinden)} Gemeinden {kreis.in_title}." if kreis.gemeinden else "."),
    )
    groups = peer_groups()
    group = url.choice(
        st.sidebar.selectbox,
        "Vergleichsgruppe",
        list(groups),
        "vergleich",
        next(iter(groups)),
        format_func=lambda key: groups[key].name,
        help="Kreise, die in Diagrammen grau mitlaufen; bearbeitbar in config/vergleichsgruppen.toml.",
    )
    selection = Selection(region, labels[region], group, groups[group].name)
    st.session_state[_SELECTION] = selection
    return selection


def current() -> Selection:
    """The selection the router's sidebar made in this run."""
    return st.session_state[_SELECTION]
