"""A report definition: which chapters, which indicators, which years, and the office's own texts.

A definition names indicators by their catalogue key and never copies a value, a title or a source
line: the numbers are read from the store when the report is generated, so the next edition reuses
the introduction and the chapter texts and only the numbers move. Definitions are small TOML files
(bericht.ablage keeps them with their history), validated here with German messages.

The chapters follow the Anwendungsleitfaden zum Aufbau eines kommunalen Bildungsmonitorings
(Rahmenbedingungen, Frühkindliche Bildung, Allgemeinbildende Schulen, Berufliche Bildung, Übergang
und Arbeitsmarkt, …); each is mapped from the catalogue's Handlungsfelder, so an indicator added to
the catalogue lands in its chapter without further code.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from indicators import catalogue as cat
from indicators.catalogue import CATALOGUE


class BerichtFehler(ValueError):
    """A definition that cannot be used; the message is German and names what to change."""


@dataclass(frozen=True)
class Kapitel:
    """A chapter of the Anwendungsleitfaden and the Handlungsfelder whose indicators it reports."""

    key: str
    title: str
    handlungsfelder: tuple[str, ...]


# In the Leitfaden's order. "Eigene Daten der Schulen" has no Kreis value (school and Gemeinde only),
# so it is not offered for a Kreis report.
KAPITEL: tuple[Kapitel, ...] = (
    Kapitel("rahmenbedingungen", "Rahmenbedingungen", (cat.BEVOELKERUNG, cat.FRAUEN)),
    Kapitel("fruehkindliche_bildung", "Frühkindliche Bildung", (cat.FRUEHE_BILDUNG,)),
    Kapitel("allgemeinbildende_schulen", "Allgemeinbildende Schulen", (cat.ABSCHLUESSE,)),
    Kapitel("berufliche_bildung", "Berufliche Bildung", (cat.UEBERGANG,)),
    Kapitel("uebergang_arbeitsmarkt", "Übergang und Arbeitsmarkt", (cat.ARBEITSMARKT, cat.FACHKRAEFTE)),
)
KAPITEL_BY_KEY = {k.key: k for k in KAPITEL}

MAX_NAME = 80
MAX_TITLE = 160
MAX_TEXT = 20_000  # a chapter text is a few pages of prose at most
_NAME_CHARS = re.compile(r"^[\w .,:;()&+\-–/'!?]+$")
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def slug(name: str) -> str:
    """File stem of a definition: "Bildungsbericht März 2026" -> "bildungsbericht_maerz_2026"."""
    return re.sub(r"[^a-z0-9]+", "_", name.translate(_TRANSLITERATION).lower()).strip("_")


def reportable(key: str) -> bool:
    """An indicator a Kreis report can show: it has values for the Kreis."""
    return "kreis" in CATALOGUE[key].levels


def chapter_indicators(kapitel: Kapitel) -> tuple[str, ...]:
    """Every reportable indicator of the chapter's Handlungsfelder, in catalogue order."""
    return tuple(
        key for key, ind in CATALOGUE.items() if ind.handlungsfeld in kapitel.handlungsfelder and reportable(key)
    )


def _text(value: Any, what: str, limit: int, required: bool = False) -> str:
    if not isinstance(value, str):
        raise BerichtFehler(f"„{what}“ muss ein Text sein.")
    if required and not value.strip():
        raise BerichtFehler(f"„{what}“ darf nicht leer sein.")
    if len(value) > limit:
        raise BerichtFehler(f"„{what}“ ist zu lang ({len(value)} Zeichen, höchstens {limit}).")
    return value


@dataclass(frozen=True)
class KapitelWahl:
    """One chapter as the office chose it: its indicators and its own text and interpretations."""

    key: str
    indicators: tuple[str, ...]
    text: str = ""  # the office's text at the start of the chapter
    interpretations: tuple[tuple[str, str], ...] = ()  # (indicator key, text) under that indicator

    def __post_init__(self) -> None:
        if self.key not in KAPITEL_BY_KEY:
            raise BerichtFehler(f"Unbekanntes Kapitel „{self.key}“; möglich sind: {', '.join(KAPITEL_BY_KEY)}.")
        title = KAPITEL_BY_KEY[self.key].title
        allowed = chapter_indicators(KAPITEL_BY_KEY[self.key])
        wrong = [k for k in self.indicators if k not in allowed]
        if wrong:
            raise BerichtFehler(
                f"Kapitel {title}: „{wrong[0]}“ gehört nicht in dieses Kapitel; möglich sind {', '.join(allowed)}."
            )
        if len(set(self.indicators)) != len(self.indicators):
            raise BerichtFehler(f"Kapitel {title}: ein Indikator ist doppelt genannt.")
        _text(self.text, f"{title}: Text", MAX_TEXT)
        for key, text in self.interpretations:
            if key not in self.indicators:
                raise BerichtFehler(f"Kapitel {title}: Deutung zu „{key}“, der im Kapitel nicht vorkommt.")
            _text(text, f"{title}: Deutung zu {key}", MAX_TEXT)

    @property
    def title(self) -> str:
        return KAPITEL_BY_KEY[self.key].title

    def interpretation(self, key: str) -> str:
        return dict(self.interpretations).get(key, "")


@dataclass(frozen=True)
class Bericht:
    """A saved report definition; frozen and hashable, so the page can cache on it as it is.

    `first_year` and `last_year` bound the charts and tables (None: from the first / up to the newest
    year with data); the statement speaks about the newest year up to `last_year`.
    """

    name: str
    title: str
    chapters: tuple[KapitelWahl, ...]
    introduction: str = ""
    first_year: int | None = None
    last_year: int | None = None

    def __post_init__(self) -> None:
        check_name(self.name)
        _text(self.title, "Titel", MAX_TITLE, required=True)
        _text(self.introduction, "Einleitung", MAX_TEXT)
        keys = [c.key for c in self.chapters]
        if not keys:
            raise BerichtFehler("Der Bericht braucht mindestens ein Kapitel.")
        if len(set(keys)) != len(keys):
            raise BerichtFehler("Ein Kapitel ist doppelt genannt.")
        order = [k.key for k in KAPITEL]
        if keys != sorted(keys, key=order.index):
            raise BerichtFehler("Die Kapitel stehen in der Reihenfolge des Anwendungsleitfadens: " + ", ".join(order))
        for year in (self.first_year, self.last_year):
            if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1990 <= year <= 2100):
                raise BerichtFehler(f"Jahr „{year}“ ist ungültig: eine Jahreszahl zwischen 1990 und 2100.")
        if self.first_year and self.last_year and self.first_year > self.last_year:
            raise BerichtFehler(f"Das erste Jahr {self.first_year} liegt nach dem letzten Jahr {self.last_year}.")

    @property
    def slug(self) -> str:
        return slug(self.name)

    @property
    def indicator_keys(self) -> tuple[str, ...]:
        return tuple(k for c in self.chapters for k in c.indicators)


def check_name(name: Any) -> str:
    if not isinstance(name, str) or not name.strip():
        raise BerichtFehler("Bitte einen Namen für den Bericht angeben.")
    name = name.strip()
    if len(name) > MAX_NAME:
        raise BerichtFehler(f"Der Name ist zu lang ({len(name)} Zeichen, höchstens {MAX_NAME}).")
    if not _NAME_CHARS.match(name) or not slug(name):
        raise BerichtFehler(
            "Der Name braucht einen Buchstaben oder eine Ziffer; erlaubt sind Buchstaben, Ziffern, Leerzeichen "
            "und . , : ; ( ) & + - – / ' ! ? _"
        )
    return name


def standard(name: str = "Bildungsbericht", title: str = "Kommunaler Bildungsbericht") -> Bericht:
    """Every chapter with every reportable indicator, no own texts yet: the start of a first edition."""
    return Bericht(name, title, tuple(KapitelWahl(k.key, chapter_indicators(k)) for k in KAPITEL))


# ---------------------------------------------------------------------------------------------- TOML


def _toml(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        # A JSON string is a valid TOML basic string, except that TOML also forbids a raw DEL.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007F")
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def to_toml(bericht: Bericht) -> str:
    lines = ["# Berichtsdefinition für Bildungsmonitor (bericht/model.py beschreibt das Format).", ""]
    lines += [f"name = {_toml(bericht.name)}", f"title = {_toml(bericht.title)}"]
    lines.append(f"introduction = {_toml(bericht.introduction)}")
    for what in ("first_year", "last_year"):
        if getattr(bericht, what) is not None:
            lines.append(f"{what} = {getattr(bericht, what)}")
    for chapter in bericht.chapters:
        lines += ["", "[[chapters]]", f"key = {_toml(chapter.key)}", f"indicators = {_toml(chapter.indicators)}"]
        lines.append(f"text = {_toml(chapter.text)}")
        if chapter.interpretations:
            lines.append("[chapters.interpretations]")
            lines += [f"{key} = {_toml(text)}" for key, text in chapter.interpretations]
    return "\n".join(lines) + "\n"


def _chapter(entry: Any, number: int) -> KapitelWahl:
    if not isinstance(entry, Mapping):
        raise BerichtFehler(f"Kapitel {number}: Eintrag ist keine Tabelle ([[chapters]]).")
    unknown = sorted(set(entry) - {"key", "indicators", "text", "interpretations"})
    if unknown:
        raise BerichtFehler(f"Kapitel {number}: unbekannte Angabe {', '.join(unknown)}.")
    indicators = entry.get("indicators", [])
    interpretations = entry.get("interpretations", {})
    if not isinstance(indicators, list) or not isinstance(interpretations, Mapping):
        raise BerichtFehler(f"Kapitel {number}: „indicators“ ist eine Liste, „interpretations“ eine Tabelle.")
    return KapitelWahl(
        entry.get("key", ""),
        tuple(indicators),
        entry.get("text", ""),
        tuple((str(k), v) for k, v in interpretations.items()),
    )


def parse(text: str, origin: str = "Bericht") -> Bericht:
    """A definition from TOML text; errors become BerichtFehler naming `origin`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise BerichtFehler(f"{origin} ist keine gültige TOML-Datei: {error}") from None
    unknown = sorted(set(data) - {"name", "title", "introduction", "first_year", "last_year", "chapters"})
    if unknown:
        raise BerichtFehler(f"{origin}: unbekannte Angabe {', '.join(unknown)}.")
    chapters = data.get("chapters", [])
    if not isinstance(chapters, list):
        raise BerichtFehler(f"{origin}: „chapters“ muss eine Liste von Kapiteln sein ([[chapters]]).")
    try:
        return Bericht(
            check_name(data.get("name")),
            data.get("title", ""),
            tuple(_chapter(c, i) for i, c in enumerate(chapters, 1)),
            data.get("introduction", ""),
            data.get("first_year"),
            data.get("last_year"),
        )
    except BerichtFehler as error:
        raise BerichtFehler(f"{origin}: {error}") from None
