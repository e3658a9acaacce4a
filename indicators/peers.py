"""Vergleichsgruppen (peer groups): the office's groups from config/vergleichsgruppen.toml, else the neighbours.

The file names the Kreis its groups belong to (`kreis = "…"`); for another home Kreis (a deployment
with BILDUNGSMONITOR_REGION) they do not apply, and the Kreise sharing a border with the home Kreis
(regions.home) are the default group. "Alle Kreise des Landes …" is always offered in addition.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from regions.home import home

CONFIG = Path(__file__).resolve().parent.parent / "config" / "vergleichsgruppen.toml"
ALL_LAND = "alle_land"
NEIGHBOURS = "nachbarn"


@dataclass(frozen=True)
class PeerGroup:
    key: str
    name: str
    codes: tuple[str, ...]  # empty for ALL_LAND: "every Kreis of the Land" is resolved from the data


def peer_groups(path: Path = CONFIG) -> dict[str, PeerGroup]:
    """The home Kreis' configured groups in file order (or its neighbours), then all Kreise of its Land."""
    kreis = home()
    config = tomllib.loads(path.read_text(encoding="utf-8"))
    groups = {}
    if str(config.get("kreis", kreis.key)) == kreis.key:
        groups = {
            key: PeerGroup(key, entry["name"], tuple(str(c) for c in entry["codes"]))
            for key, entry in config.items()
            if isinstance(entry, dict)
        }
    if not groups:
        groups[NEIGHBOURS] = PeerGroup(NEIGHBOURS, "Nachbarkreise", tuple(area.key for area in kreis.neighbours))
    groups[ALL_LAND] = PeerGroup(ALL_LAND, kreis.land_group_name, ())
    return groups
