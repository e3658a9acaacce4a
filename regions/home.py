"""The home region: the one Kreis this Bildungsmonitor is run for, and everything derived from it.

`config/region.toml` names the Kreis by its key; the environment variable BILDUNGSMONITOR_REGION
overrides it for a deployment. Everything else comes from the bundled BKG boundaries (Gebietsstand
01.01.2021, `data/raw/geo/vg5000_2021/`): the Kreis' name and type, its Land, all Kreise of that Land
(the comparison group "alle Kreise des Landes" and its count), its Gemeinden (maps, Gemeindeprofil,
the own-data template) and its neighbours (the default peer group). So every package asks this module
and none keeps a constant of its own. No streamlit, no duckdb: indicators/, charts/, deck/, store/,
ui/ and the CLI all import it.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from regions.levels import AREA_LEVELS, BUND, GEMEINDEN, KREISE, kreis_of, land_of

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "config" / "region.toml"
ENV = "BILDUNGSMONITOR_REGION"
BOUNDARIES = ROOT / "data" / "raw" / "geo" / "vg5000_2021"
KREISE_FILE = "vg5000_2021_kreise_de.geojson"
GEMEINDEN_FILE = "vg5000_2021_gemeinden_de.geojson"
LAENDER_FILE = "vg5000_2021_laender_de.geojson"

# BKG types ("BEZ") of a Kreis that is a single city: it has no Gemeinden below it.
KREISFREI = ("Kreisfreie Stadt", "Stadtkreis")


class UnknownRegion(ValueError):
    """The configured key names no Kreis of the bundled boundaries; the message is German, for the operator."""


@dataclass(frozen=True)
class Area:
    key: str
    name: str  # as the BKG writes it ("Vechta", "Oldenburg (Oldb)")
    kind: str = ""  # BKG type: "Landkreis", "Kreisfreie Stadt", "Gemeinde", "Stadt", …


@dataclass(frozen=True)
class HomeRegion:
    """The home Kreis with its Land; Gemeinden and neighbours are read on first use."""

    key: str
    name: str
    kind: str  # "Landkreis", "Kreisfreie Stadt", "Kreis", "Stadtkreis", … as in the boundaries
    land_key: str
    land_name: str

    @property
    def title(self) -> str:
        """ "Landkreis Vechta", "Kreisfreie Stadt Osnabrück": how titles and the default deck name it."""
        return f"{self.kind} {self.name}"

    @property
    def in_title(self) -> str:
        """ "im Landkreis Vechta", "in der Region Hannover": the Kreis after a preposition of place."""
        article = "in der" if self.kind in ("Region", "Städteregion") else "im"
        return f"{article} {self.title}"

    @property
    def level_names(self) -> dict[str, str]:
        """What a map or list of each area level shows, e.g. "Kreise des Landes Niedersachsen"."""
        return {KREISE: f"Kreise des Landes {self.land_name}", GEMEINDEN: f"Gemeinden {self.in_title}"}

    @property
    def kreisfrei(self) -> bool:
        return self.kind in KREISFREI

    @property
    def land_kreise(self) -> tuple[Area, ...]:
        """Every Kreis of the home Land (Gebietsstand 2021), in key order."""
        return kreise_of_land(self.land_key)

    @property
    def land_group_name(self) -> str:
        """ "Alle Kreise des Landes Niedersachsen": the comparison group that needs no configuration."""
        return f"Alle Kreise des Landes {self.land_name}"

    @cached_property
    def gemeinden(self) -> tuple[Area, ...]:
        """The Gemeinden of the Kreis in key order; none for a kreisfreie Stadt (it is one Gemeinde itself)."""
        if self.kreisfrei:
            return ()
        return tuple(area for area in all_gemeinden() if kreis_of(area.key) == self.key)

    @property
    def main_gemeinde(self) -> str | None:
        """The Gemeinde sharing the Kreis' name (usually its seat), else the first; None without Gemeinden."""
        named = [area.key for area in self.gemeinden if area.name == self.name]
        return (named or list(self.gemeinde_keys) or [None])[0]

    @property
    def gemeinde_keys(self) -> tuple[str, ...]:
        return tuple(area.key for area in self.gemeinden)

    def area_keys(self, level: str) -> tuple[str, ...]:
        """The keys of an area level: "kreise" (every Kreis of the home Land) or "gemeinden" (of the home Kreis)."""
        if level == KREISE:
            return tuple(area.key for area in self.land_kreise)
        if level == GEMEINDEN:
            return self.gemeinde_keys
        raise ValueError(f"unknown level {level!r}, expected one of {AREA_LEVELS}")

    @cached_property
    def neighbours(self) -> tuple[Area, ...]:
        """The Kreise sharing a border with the home Kreis (any Land), in key order: the default peer group."""
        return _neighbours(self.key)


def configured_key() -> str:
    """BILDUNGSMONITOR_REGION if set, else `kreis` from config/region.toml. Read at each call (tests switch it)."""
    override = os.environ.get(ENV, "").strip()
    if override:
        return override
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    return str(config.get("kreis", "")).strip()


def home() -> HomeRegion:
    """The configured home Kreis. Raises UnknownRegion with a German message for a key that is no Kreis."""
    return region_for(configured_key())


@cache
def region_for(key: str) -> HomeRegion:
    kreise = {area.key: area for area in all_kreise()}
    if key not in kreise:
        source = f"Umgebungsvariable {ENV}" if os.environ.get(ENV, "").strip() else "config/region.toml"
        raise UnknownRegion(
            f"Unbekannter Kreis „{key}“ ({source}): erwartet wird der fünfstellige Schlüssel eines Kreises "
            "oder einer kreisfreien Stadt in Deutschland (Gebietsstand 01.01.2021) als Text, z. B. „03460“ "
            "für den Landkreis Vechta."
        )
    kreis = kreise[key]
    land = land_of(key)
    return HomeRegion(key, kreis.name, kreis.kind, land, _laender()[land])


@cache
def kreise_of_land(land_key: str) -> tuple[Area, ...]:
    """Every Kreis of a Land in the bundled boundaries: the count behind "Summe der 45 Kreise"."""
    return tuple(area for area in all_kreise() if land_of(area.key) == land_key)


def name_of(key: str) -> str:
    """A region's name when the data have no row for it, as the statistical offices print it:
    "Deutschland", "Niedersachsen", "Vechta, Landkreis", "Bakum"; the key itself when unknown."""
    if key == BUND:
        return "Deutschland"
    names = _names()
    return names.get(key, key)


@cache
def _names() -> dict[str, str]:
    names = {area.key: area.name for area in all_gemeinden()}
    names.update({area.key: f"{area.name}, {area.kind}" for area in all_kreise()})
    return names | _laender()


def _features(file: str) -> list[dict]:
    return json.loads((BOUNDARIES / file).read_text(encoding="utf-8"))["features"]


def _areas(file: str) -> tuple[Area, ...]:
    areas = (Area(f["properties"]["AGS"], f["properties"]["GEN"], f["properties"]["BEZ"]) for f in _features(file))
    return tuple(sorted(areas, key=lambda area: area.key))


@cache
def all_kreise() -> tuple[Area, ...]:
    """Every Kreis of Germany in the bundled boundaries (400 and Eisenach, still separate on 01.01.2021)."""
    return _areas(KREISE_FILE)


@cache
def all_gemeinden() -> tuple[Area, ...]:
    """Every Gemeinde of Germany in the bundled boundaries (10,997), 8-digit AGS."""
    return _areas(GEMEINDEN_FILE)


@cache
def _laender() -> dict[str, str]:
    return {area.key: area.name for area in _areas(LAENDER_FILE)}


@cache
def _kreis_shapes():
    """The Kreis features, their shapes and a spatial index over them (shapely is imported only here)."""
    from shapely.geometry import shape
    from shapely.strtree import STRtree

    features = _features(KREISE_FILE)
    shapes = [shape(f["geometry"]) for f in features]
    return features, shapes, STRtree(shapes)


@cache
def _neighbours(key: str) -> tuple[Area, ...]:
    """Kreise whose outline shares a stretch of border (not just a point) with the Kreis `key`."""
    features, shapes, tree = _kreis_shapes()
    own = next(i for i, f in enumerate(features) if f["properties"]["AGS"] == key)
    found = []
    for i in tree.query(shapes[own], predicate="intersects"):
        if i != own and shapes[own].boundary.intersection(shapes[i].boundary).length > 0:
            props = features[i]["properties"]
            found.append(Area(props["AGS"], props["GEN"], props["BEZ"]))
    return tuple(sorted(found, key=lambda area: area.key))
