"""What a goal is: one row per Zielindikator (or per qualitative Mittlerziel), checked once.

The Beirat's Zielsystem is a tree: Handlungsfeld → strategisches Ziel (beschlossen am, Gremium) →
Mittlerziel (verantwortlich, Frist) → Zielindikatoren (indicator, region, Zielwert, Zieljahr,
Zwischenziele). The office keeps it in Excel as a flat table with one row per Zielindikator, the
upper levels repeated in every row; so does Bildungsmonitor. The tree is only ever derived by
grouping the rows, which keeps the exchange format, the stored file and the model one and the same.
A Mittlerziel without a number (qualitative) is a row with no indicator, Zielwert or Zieljahr.
An Arbeitspaket of a Mittlerziel is a row of its own, too: `arbeitspaket` (the text), `verantwortlich`
(of the Arbeitspaket) and `status` (offen, laufend, erledigt), with the indicator columns left empty;
it needs a Zielindikator or qualitative row of the same Mittlerziel (`check_set`). So the required
columns keep their meaning and a file without Arbeitspakete looks exactly as before.
A goal for a school names the school in `schule` (as written in the office's template data) and its
Gemeinde in `region`; only indicators with the level "schule" (the office's own data) have one.

`check_row` turns one row of text (from CSV, XLSX or a form) into a `Ziel` or a German message; the
file reader adds file and line. Checks that need the data (does the region have values for the
indicator, is the Zieljahr after the latest year) ask a `latest_year` callback, so this module reads
neither the store nor Streamlit.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from charts.format import fmt_number
from indicators.catalogue import CATALOGUE
from regions.home import home
from regions.levels import level_of

# The exchange format: required columns first, then the optional ones (README "Ziele").
REQUIRED = ("handlungsfeld", "strategisches_ziel", "mittlerziel", "indikator", "region", "zielwert", "zieljahr")
OPTIONAL = (
    "zwischenziele",
    "schule",
    "verantwortlich",
    "frist",
    "beschlossen_am",
    "gremium",
    "arbeitspaket",
    "status",
    "beispiel",
    "id",
)
COLUMNS = REQUIRED + OPTIONAL

EXAMPLE_LABEL = "Beispiel – nicht beschlossen"
MAX_TEXT = 300
# The states of an Arbeitspaket, in the order work goes; the first is the default of an empty cell.
ARBEITSPAKET_STATUS = ("offen", "laufend", "erledigt")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a text starting so is a formula to Excel (CSV injection)
_ZWISCHENZIEL = re.compile(r"^\s*(\d{4})\s*:\s*(\S+)\s*$")

# Given (indicator key, region code, school or ""): the latest year with a value there, None when there is none.
LatestYear = Callable[[str, str, str], int | None]


class ZielFehler(ValueError):
    """A goal or a goal file that cannot be used; the message is German and names what to change."""


@dataclass(frozen=True)
class Ziel:
    """One row of the Zielsystem: a Zielindikator, a qualitative Mittlerziel or an Arbeitspaket of a Mittlerziel."""

    handlungsfeld: str
    strategisches_ziel: str
    mittlerziel: str
    indikator: str = ""
    region: str = ""
    zielwert: float | None = None
    zieljahr: int | None = None
    zwischenziele: tuple[tuple[int, float], ...] = ()
    verantwortlich: str = ""
    frist: str = ""
    beschlossen_am: str = ""
    gremium: str = ""
    beispiel: bool = False
    id: str = ""
    schule: str = ""
    arbeitspaket: str = ""
    status: str = ""  # of an Arbeitspaket: one of ARBEITSPAKET_STATUS

    @property
    def ist_arbeitspaket(self) -> bool:
        return bool(self.arbeitspaket)

    @property
    def qualitativ(self) -> bool:
        """A Mittlerziel without a number (no indicator), not an Arbeitspaket."""
        return not self.indikator and not self.arbeitspaket

    @property
    def zielindikator(self) -> bool:
        return bool(self.indikator)

    @property
    def mittlerziel_key(self) -> tuple[str, str, str]:
        return (self.handlungsfeld, self.strategisches_ziel, self.mittlerziel)

    @property
    def key(self) -> tuple[str, ...]:
        """What makes a row unique: the same indicator and region (or Arbeitspaket) twice under one Mittlerziel."""
        return (*self.mittlerziel_key, self.indikator, self.region, self.schule, self.arbeitspaket)

    @property
    def describe(self) -> str:
        """ "Mittlerziel – Indikator (Region)", how the history and messages name a row."""
        if self.ist_arbeitspaket:
            return f"{self.mittlerziel} – Arbeitspaket „{self.arbeitspaket}“"
        if self.qualitativ:
            return f"{self.mittlerziel} (qualitativ)"
        place = f"{self.region}, {self.schule}" if self.schule else self.region
        return f"{self.mittlerziel} – {CATALOGUE[self.indikator].title} ({place})"


def new_id() -> str:
    return uuid.uuid4().hex[:12]


# ------------------------------------------------------------------------------------------------ numbers


def parse_number(text: str | float | int, field: str) -> float:
    """ "6,0", "6.0", 6 or 6.0 -> 6.0; thousands separators are refused, since "1.500" is ambiguous."""
    if isinstance(text, bool):
        raise ZielFehler(f"„{field}“ muss eine Zahl sein, nicht „{text}“.")
    if isinstance(text, int | float):
        return float(text)
    cleaned = text.strip().replace("\u2212", "-")
    if re.fullmatch(r"-?\d+([.,]\d+)?", cleaned):
        return float(cleaned.replace(",", "."))
    raise ZielFehler(f"„{field}“ muss eine Zahl sein (z. B. 6,0 oder 6.0), nicht „{text}“.")


def fmt_plain(value: float) -> str:
    """A Zielwert as written back to files: decimal comma, no thousands separator, no rounding loss."""
    text = repr(float(value))
    text = text[:-2] if text.endswith(".0") else text
    return text.replace(".", ",")


def _year(text: str | float | int, field: str) -> int:
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    if isinstance(text, int) and not isinstance(text, bool):
        year = text
    elif isinstance(text, str) and re.fullmatch(r"\s*\d{4}\s*", text):
        year = int(text)
    else:
        raise ZielFehler(f"„{field}“ muss eine Jahreszahl sein (z. B. 2030), nicht „{text}“.")
    if not 1990 <= year <= 2100:
        raise ZielFehler(f"„{field}“ {year} liegt außerhalb von 1990 bis 2100.")
    return year


def value_range(unit: str) -> tuple[float | None, float | None]:
    """What a value of the unit can be: a share 0–100, a difference of shares ±100, a rate or count ≥ 0."""
    if unit == "%":
        return 0.0, 100.0
    if unit == "Pp.":
        return -100.0, 100.0
    return 0.0, None


def _in_range(value: float, unit: str, field: str) -> float:
    low, high = value_range(unit)
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"zwischen {fmt_number(low)} und {fmt_number(high)}" if high is not None else f"mindestens {low:g}"
        raise ZielFehler(f"„{field}“ {fmt_plain(value)} ist für die Einheit „{unit}“ nicht möglich ({bounds}).")
    return value


def parse_zwischenziele(text: str, unit: str) -> tuple[tuple[int, float], ...]:
    """ "2026: 7,5 | 2028: 6,8" -> ((2026, 7.5), (2028, 6.8)), sorted by year, each year once."""
    entries = []
    for part in (p for p in text.split("|") if p.strip()):
        match = _ZWISCHENZIEL.match(part)
        if not match:
            raise ZielFehler(f"Zwischenziel „{part.strip()}“ ist nicht lesbar; Form: „2026: 7,5 | 2028: 6,8“.")
        year = _year(match.group(1), "Zwischenziel")
        entries.append((year, _in_range(parse_number(match.group(2), "Zwischenziel"), unit, "Zwischenziel")))
    years = [y for y, _ in entries]
    if len(set(years)) != len(years):
        raise ZielFehler("Jedes Jahr darf nur ein Zwischenziel haben.")
    return tuple(sorted(entries))


def fmt_zwischenziele(entries: tuple[tuple[int, float], ...]) -> str:
    return " | ".join(f"{year}: {fmt_plain(value)}" for year, value in entries)


# ------------------------------------------------------------------------------------------------ texts


def _text(value: object, field: str, required: bool = False) -> str:
    text = "" if value is None else str(value).strip()
    if required and not text:
        raise ZielFehler(f"„{field}“ darf nicht leer sein.")
    if len(text) > MAX_TEXT:
        raise ZielFehler(f"„{field}“ ist zu lang ({len(text)} Zeichen, höchstens {MAX_TEXT}).")
    if text.startswith(_FORMULA_START):
        raise ZielFehler(f"„{field}“ darf nicht mit = + - @ beginnen (Excel läse es als Formel): „{text[:30]}“.")
    return text


def _date(value: object, field: str) -> str:
    """A date as TT.MM.JJJJ; ISO dates and Excel dates are accepted and written the German way."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    text = str(value).strip()
    for pattern in (r"(\d{2})\.(\d{2})\.(\d{4})", r"(\d{4})-(\d{2})-(\d{2})"):
        match = re.fullmatch(pattern, text)
        if match:
            parts = [int(p) for p in match.groups()]
            day, month, year = parts if pattern.startswith("(\\d{2})") else parts[::-1]
            try:
                return date(year, month, day).strftime("%d.%m.%Y")
            except ValueError:
                break
    raise ZielFehler(f"„{field}“ muss ein Datum sein (TT.MM.JJJJ), nicht „{text}“.")


def _frist(value: object) -> str:
    """A Frist is a date or just a year (e.g. 2027)."""
    if isinstance(value, int | float) and not isinstance(value, bool) or re.fullmatch(r"\s*\d{4}\s*", str(value)):
        return str(_year(value, "frist"))
    return _date(value, "frist")


def _flag(value: object) -> bool:
    text = "" if value is None else str(value).strip().lower()
    if text in ("", "nein", "0", "false"):
        return False
    if text in ("ja", "1", "true", "x"):
        return True
    raise ZielFehler(f"„beispiel“ ist „ja“ oder leer, nicht „{value}“.")


# ------------------------------------------------------------------------------------------------ rows


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_row(row: Mapping[str, object], latest_year: LatestYear | None) -> Ziel:
    """One row (column name -> cell) as a checked `Ziel`; ZielFehler with a German reason otherwise.

    latest_year None skips the checks against the data: the office's stored goals are read back as
    they were saved, even when a rebuilt store has moved their latest year on.
    """
    indikator = _text(row.get("indikator"), "indikator")
    texts = {
        "handlungsfeld": _text(row.get("handlungsfeld"), "handlungsfeld", required=True),
        "strategisches_ziel": _text(row.get("strategisches_ziel"), "strategisches_ziel", required=True),
        "mittlerziel": _text(row.get("mittlerziel"), "mittlerziel", required=True),
        "verantwortlich": _text(row.get("verantwortlich"), "verantwortlich"),
        "gremium": _text(row.get("gremium"), "gremium"),
        "id": _text(row.get("id"), "id"),
    }
    beispiel = _flag(row.get("beispiel"))
    beschlossen = _date(row.get("beschlossen_am"), "beschlossen_am")
    if beispiel and (beschlossen or texts["gremium"]):
        raise ZielFehler(f"Ein Beispiel ({EXAMPLE_LABEL}) hat weder „beschlossen_am“ noch „gremium“.")
    frist = "" if _blank(row.get("frist")) else _frist(row.get("frist"))
    common = {**texts, "frist": frist, "beschlossen_am": beschlossen, "beispiel": beispiel}
    arbeitspaket = _text(row.get("arbeitspaket"), "arbeitspaket")
    if arbeitspaket:
        return _arbeitspaket(row, common, arbeitspaket)
    if not _blank(row.get("status")):
        raise ZielFehler("„status“ gehört zu einem Arbeitspaket; ohne Text in „arbeitspaket“ bleibt es leer.")
    if not indikator:
        given = [f for f in ("region", "schule", "zielwert", "zieljahr", "zwischenziele") if not _blank(row.get(f))]
        if given:
            raise ZielFehler(f"Ohne Indikator ist das Mittlerziel qualitativ; dann bleiben {', '.join(given)} leer.")
        return Ziel(**common)
    if indikator not in CATALOGUE:
        raise ZielFehler(f"Unbekannter Indikator „{indikator}“ (Schlüssel aus docs/indikatoren.md).")
    indicator = CATALOGUE[indikator]
    region = _text(row.get("region"), "region") or home().key
    schule = _text(row.get("schule"), "schule")
    # Goals are set for a Kreis, a Gemeinde (8-digit AGS) or a school (its Gemeinde's AGS plus `schule`).
    level = level_of(region) if region.isdigit() and len(region) in (5, 8) else None
    if schule and level == "gemeinde":
        level = "schule"
    if level is None or level not in indicator.levels:
        where = f"die Schule „{schule}“ in „{region}“" if schule else f"die Region „{region}“"
        hint = " (eine Schule braucht den Regionalschlüssel ihrer Gemeinde, 8 Ziffern)" if schule else ""
        raise ZielFehler(
            f"„{indicator.title}“ gibt es nicht für {where}{hint} "
            f"(Ebenen: {', '.join(indicator.levels)}; Regionalschlüssel z. B. {home().key})."
        )
    latest = latest_year(indikator, region, schule) if latest_year else 1990
    if latest is None:
        where = f"die Schule „{schule}“ ({region})" if schule else f"die Region {region}"
        raise ZielFehler(f"Für „{indicator.title}“ hat {where} keine Werte im Datenbestand.")
    if _blank(row.get("zielwert")):
        raise ZielFehler("„zielwert“ fehlt (ohne Zahl: Indikator leer lassen, dann ist das Mittlerziel qualitativ).")
    zielwert = _in_range(parse_number(row["zielwert"], "zielwert"), indicator.unit, "zielwert")
    if _blank(row.get("zieljahr")):
        raise ZielFehler("„zieljahr“ fehlt.")
    zieljahr = _year(row["zieljahr"], "zieljahr")
    if zieljahr <= latest:
        raise ZielFehler(
            f"Zieljahr {zieljahr} liegt nicht nach dem letzten Datenjahr {latest} von „{indicator.title}“."
        )
    text = row.get("zwischenziele")
    zwischen = () if _blank(text) else parse_zwischenziele(str(text), indicator.unit)
    outside = [y for y, _ in zwischen if not latest < y < zieljahr]
    if outside:
        raise ZielFehler(f"Zwischenziele liegen zwischen {latest} und {zieljahr}, nicht in {outside[0]}.")
    return Ziel(
        **common,
        indikator=indikator,
        region=region,
        schule=schule,
        zielwert=zielwert,
        zieljahr=zieljahr,
        zwischenziele=zwischen,
    )


def _arbeitspaket(row: Mapping[str, object], common: dict, text: str) -> Ziel:
    """An Arbeitspaket row: text, verantwortlich, status; the indicator and decision columns stay empty."""
    fields = ("indikator", "region", "schule", "zielwert", "zieljahr", "zwischenziele", "frist", "beschlossen_am")
    given = [f for f in (*fields, "gremium") if not _blank(row.get(f))]
    if given:
        raise ZielFehler(
            f"Eine Zeile mit Arbeitspaket beschreibt nur das Arbeitspaket; {', '.join(given)} bleiben leer."
        )
    status = "" if _blank(row.get("status")) else str(row.get("status")).strip().lower()
    if status and status not in ARBEITSPAKET_STATUS:
        raise ZielFehler(f"„status“ ist {', '.join(ARBEITSPAKET_STATUS)}, nicht „{row.get('status')}“.")
    return Ziel(**common, arbeitspaket=text, status=status or ARBEITSPAKET_STATUS[0])


def to_row(ziel: Ziel) -> dict[str, str]:
    """The row as text in the exchange format (decimal comma); check_row reads it back unchanged."""
    return {
        "handlungsfeld": ziel.handlungsfeld,
        "strategisches_ziel": ziel.strategisches_ziel,
        "mittlerziel": ziel.mittlerziel,
        "indikator": ziel.indikator,
        "region": ziel.region,
        "schule": ziel.schule,
        "zielwert": "" if ziel.zielwert is None else fmt_plain(ziel.zielwert),
        "zieljahr": "" if ziel.zieljahr is None else str(ziel.zieljahr),
        "zwischenziele": fmt_zwischenziele(ziel.zwischenziele),
        "verantwortlich": ziel.verantwortlich,
        "frist": ziel.frist,
        "beschlossen_am": ziel.beschlossen_am,
        "gremium": ziel.gremium,
        "arbeitspaket": ziel.arbeitspaket,
        "status": ziel.status,
        "beispiel": "ja" if ziel.beispiel else "",
        "id": ziel.id,
    }


def with_ids(ziele: list[Ziel], known: list[Ziel]) -> list[Ziel]:
    """Give rows without an id the id of the known row with the same key, or a new one."""
    by_key = {z.key: z.id for z in known}
    return [z if z.id else replace(z, id=by_key.get(z.key) or new_id()) for z in ziele]


def check_set(ziele: list[Ziel], places: list[str] | None = None) -> None:
    """A whole set: every key and every id once. `places` names each row in messages ("Zeile 3")."""
    places = places or [f"Eintrag {n}" for n in range(1, len(ziele) + 1)]
    seen: dict[tuple, str] = {}
    ids: dict[str, str] = {}
    for place, ziel in zip(places, ziele, strict=True):
        if ziel.key in seen:
            raise ZielFehler(f"{place} wiederholt {seen[ziel.key]} ({ziel.describe}).")
        seen[ziel.key] = place
        if ziel.id and ziel.id in ids:
            raise ZielFehler(f"{place}: die id „{ziel.id}“ hat schon {ids[ziel.id]}.")
        ids[ziel.id] = place
    middles = {z.mittlerziel_key for z in ziele if not z.ist_arbeitspaket}
    for place, ziel in zip(places, ziele, strict=True):
        if ziel.ist_arbeitspaket and ziel.mittlerziel_key not in middles:
            raise ZielFehler(
                f"{place}: das Arbeitspaket „{ziel.arbeitspaket}“ gehört zu keinem Mittlerziel „{ziel.mittlerziel}“ "
                "mit Zielindikator oder als qualitatives Ziel; erst das Mittlerziel anlegen."
            )
