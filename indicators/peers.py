"""Vergleichsgruppen (peer groups), read from the editable config/vergleichsgruppen.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

CONFIG = Path(__file__).resolve().parent.parent / "config" / "vergleichsgruppen.toml"
ALL_NI = "alle_ni"


@dataclass(frozen=True)
class PeerGroup:
    key: str
    name: str
    codes: tuple[str, ...]  # empty for ALL_NI: "every Kreis of Niedersachsen" is resolved from the data


def peer_groups(path: Path = CONFIG) -> dict[str, PeerGroup]:
    """The configured groups in file order, then "Alle Kreise Niedersachsens"."""
    config = tomllib.loads(path.read_text(encoding="utf-8"))
    groups = {
        key: PeerGroup(key, entry["name"], tuple(str(c) for c in entry["codes"])) for key, entry in config.items()
    }
    groups[ALL_NI] = PeerGroup(ALL_NI, "Alle Kreise Niedersachsens", ())
    return groups
