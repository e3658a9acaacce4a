"""A deck is a named list of slides, stored as a small TOML file that people can read and edit.

The default deck for the Beirat's questions ships in config/decks/ (versioned with the product);
decks the analyst builds in the dashboard are saved under data/decks/ (local, not versioned). Both
use the same format and the same validation, so a hand-edited file gets the same German messages
as the builder. A slide names an indicator by its catalogue key and never copies a title, value or
source line: those are read from the catalogue and the store when the slide is rendered.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any, ClassVar

from files.atomic import write_atomic
from indicators.catalogue import CATALOGUE
from indicators.peers import peer_groups
from regions.home import home
from regions.levels import AREA_LEVELS, GEMEINDEN, KREISE

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_DIR = ROOT / "config" / "decks"
USER_DIR = Path(os.environ.get("BILDUNGSMONITOR_DECKS", ROOT / "data" / "decks"))
DEFAULT_DECK = SHIPPED_DIR / "beirat_standard.toml"

CHART_KINDS = {"timeseries": "Zeitreihe", "ranking": "Landkreisvergleich", "map": "Karte"}
COMPARISONS = ("land", "bund", "peers")

MAX_SLIDES = 40
MAX_NAME = 80
MAX_HEADING = 120
MAX_TEXT = 500  # a text slide carries a short message, not a page of prose
_NAME_CHARS = re.compile(r"^[\w .,:;()&+\-–/'!?]+$")  # \w: letters incl. umlauts, digits, underscore


def comparison_names() -> dict[str, str]:
    """What a slide can compare with, in German: the home Land, Deutschland, the comparison Kreise."""
    return {"land": home().land_name, "bund": "Deutschland", "peers": "Vergleichskreise"}


def choosable_keys() -> tuple[str, ...]:
    """The regions a slide may show: the Kreise of the home Land and the Gemeinden of the home Kreis."""
    kreis = home()
    return (*kreis.area_keys(KREISE), *kreis.area_keys(GEMEINDEN))


class DeckError(ValueError):
    """A deck or slide that cannot be used; the message is German and names what to change."""


def _text(value: Any, field: str, limit: int, required: bool = True) -> str:
    if not isinstance(value, str):
        raise DeckError(f"„{field}“ muss ein Text sein.")
    if required and not value.strip():
        raise DeckError(f"„{field}“ darf nicht leer sein.")
    if len(value) > limit:
        raise DeckError(f"„{field}“ ist zu lang ({len(value)} Zeichen, höchstens {limit}).")
    return value


@dataclass(frozen=True)
class TitleSlide:
    """The opening slide: a title and a subtitle (e.g. the meeting and its date).

    An empty title reads "Bildung im Landkreis …" for the home Kreis, so the shipped deck names
    whichever Kreis config/region.toml names.
    """

    title: str = ""
    subtitle: str = ""
    kind: ClassVar[str] = "title"

    @property
    def shown_title(self) -> str:
        return self.title or f"Bildung {home().in_title}"

    def __post_init__(self) -> None:
        _text(self.title, "title", MAX_HEADING, required=False)
        _text(self.subtitle, "subtitle", MAX_TEXT, required=False)


@dataclass(frozen=True)
class IndicatorSlide:
    """One indicator for one region in one chart, with its key statement.

    year None means the newest year with a value for the region (for maps: for the map's areas), so
    the default deck stays current after every import. `comparison` chooses what the region is set
    against: Niedersachsen, Deutschland and the Kreise of `peer_group` (indicators.peers).
    """

    indicator: str
    chart: str = "timeseries"
    region: str = ""  # empty: the home Kreis (regions.home), so the shipped deck follows config/region.toml
    year: int | None = None
    comparison: tuple[str, ...] = ("land", "bund", "peers")
    peer_group: str = "nachbarn"
    level: str = KREISE  # map only: "kreise" (of the home Land) or "gemeinden" (of the home Kreis)
    category: str = ""  # distribution indicators only, e.g. one Abschlussart
    heading: str = ""  # empty: the indicator's title
    # A question of the Beirat this slide answers, with its topic: the shipped deck declares the
    # Beirat's questions this way, and the Überblick draws one tile per such slide (beirat_questions).
    topic: str = ""
    question: str = ""
    kind: ClassVar[str] = "indicator"

    @property
    def region_code(self) -> str:
        """The region shown: the slide's own, or the home Kreis when the slide names none."""
        return self.region or home().key

    def __post_init__(self) -> None:
        if self.indicator not in CATALOGUE:
            raise DeckError(f"Unbekannter Indikator „{self.indicator}“. Bekannt sind: {', '.join(sorted(CATALOGUE))}.")
        if self.chart not in CHART_KINDS:
            raise DeckError(
                f"Unbekannte Diagrammart „{self.chart}“; möglich sind: "
                + ", ".join(f"{k} ({v})" for k, v in CHART_KINDS.items())
                + "."
            )
        kreis = home()
        if not isinstance(self.region, str) or self.region not in ("", *choosable_keys()):
            gemeinden = f" oder eine Gemeinde des Kreises (8 Ziffern, z. B. {kreis.gemeinde_keys[0]})"
            raise DeckError(
                f"Region „{self.region}“ ist nicht wählbar: erlaubt sind ein Kreis des Landes {kreis.land_name} "
                f"(5 Ziffern, z. B. {kreis.key}){gemeinden if kreis.gemeinden else ''}."
            )
        if self.year is not None and (isinstance(self.year, bool) or not isinstance(self.year, int)):
            raise DeckError(f"Jahr „{self.year}“ ist ungültig: eine Jahreszahl oder „latest“ (neuestes Jahr).")
        if self.year is not None and not 1990 <= self.year <= 2100:
            raise DeckError(f"Jahr {self.year} liegt außerhalb von 1990 bis 2100.")
        unknown = [c for c in self.comparison if c not in COMPARISONS]
        if unknown or len(set(self.comparison)) != len(self.comparison):
            raise DeckError(
                f"Vergleich {list(self.comparison)} ist ungültig; möglich sind {', '.join(COMPARISONS)}, jeder einmal."
            )
        if "peers" in self.comparison and self.peer_group not in peer_groups():
            raise DeckError(
                f"Unbekannte Vergleichsgruppe „{self.peer_group}“; möglich sind: {', '.join(peer_groups())} "
                "(config/vergleichsgruppen.toml)."
            )
        if self.level not in AREA_LEVELS:
            raise DeckError(f"Unbekannte Kartenebene „{self.level}“; möglich sind: {', '.join(AREA_LEVELS)}.")
        if self.chart == "map" and self.level == GEMEINDEN and "gemeinde" not in CATALOGUE[self.indicator].levels:
            raise DeckError(
                f'„{CATALOGUE[self.indicator].title}“ gibt es nicht je Gemeinde; für die Karte level = "kreise" wählen.'
            )
        _text(self.category, "category", MAX_HEADING, required=False)
        _text(self.heading, "heading", MAX_HEADING, required=False)
        _text(self.topic, "topic", MAX_HEADING, required=False)
        _text(self.question, "question", MAX_HEADING, required=False)
        if bool(self.topic) != bool(self.question):
            raise DeckError("„topic“ und „question“ gehören zusammen: beide angeben oder keines.")


@dataclass(frozen=True)
class TextSlide:
    """A heading and a short text: a question to the Beirat, a note on the data, a next step."""

    heading: str
    text: str = ""
    kind: ClassVar[str] = "text"

    def __post_init__(self) -> None:
        _text(self.heading, "heading", MAX_HEADING)
        _text(self.text, "text", MAX_TEXT, required=False)


@dataclass(frozen=True)
class SourcesSlide:
    """The closing slide; its lines are generated from the deck's indicators and the store's imports."""

    heading: str = "Quellen"
    kind: ClassVar[str] = "sources"

    def __post_init__(self) -> None:
        _text(self.heading, "heading", MAX_HEADING)


@dataclass(frozen=True)
class ZielstandSlide:
    """The Beirat's goals of one Handlungsfeld (empty: all) with their symbols, read from the goals when shown.

    Like an indicator slide it stores no numbers: the goals (ziele.ablage) and the values are read
    each time the deck is shown, so the slide is current after every import and every saved goal.
    """

    handlungsfeld: str = ""
    heading: str = "Zielstand"
    kind: ClassVar[str] = "zielstand"

    def __post_init__(self) -> None:
        _text(self.handlungsfeld, "handlungsfeld", MAX_HEADING, required=False)
        _text(self.heading, "heading", MAX_HEADING)


Slide = TitleSlide | IndicatorSlide | TextSlide | SourcesSlide | ZielstandSlide
SLIDE_TYPES: dict[str, type] = {
    cls.kind: cls for cls in (TitleSlide, IndicatorSlide, TextSlide, SourcesSlide, ZielstandSlide)
}


def check_name(name: Any) -> str:
    """The name as entered, stripped; raises DeckError with a German message if it cannot be a deck name."""
    if not isinstance(name, str) or not name.strip():
        raise DeckError("Bitte einen Namen für die Präsentation angeben.")
    name = name.strip()
    if len(name) > MAX_NAME:
        raise DeckError(f"Der Name ist zu lang ({len(name)} Zeichen, höchstens {MAX_NAME}).")
    if not _NAME_CHARS.match(name):
        bad = sorted({c for c in name if not _NAME_CHARS.match(c)})
        raise DeckError(
            f"Der Name enthält unerlaubte Zeichen: {' '.join(repr(c) for c in bad)}. "
            "Erlaubt sind Buchstaben, Ziffern, Leerzeichen und . , : ; ( ) & + - – / ' ! ? _"
        )
    if not slug(name):
        raise DeckError("Der Name braucht mindestens einen Buchstaben oder eine Ziffer.")
    return name


_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def slug(name: str) -> str:
    """The file name stem of a deck: "Beirat März 2026" -> "beirat_maerz_2026" (ASCII, no path characters)."""
    return re.sub(r"[^a-z0-9]+", "_", name.translate(_TRANSLITERATION).lower()).strip("_")


@dataclass(frozen=True)
class Deck:
    """A named sequence of slides; frozen and hashable, so it can be a cache key as it is."""

    name: str
    slides: tuple[Slide, ...]

    def __post_init__(self) -> None:
        check_name(self.name)
        if not self.slides:
            raise DeckError("Die Präsentation hat keine Folien.")
        if len(self.slides) > MAX_SLIDES:
            raise DeckError(f"Die Präsentation hat {len(self.slides)} Folien, höchstens {MAX_SLIDES} sind möglich.")

    @property
    def slug(self) -> str:
        return slug(self.name)

    @property
    def indicator_keys(self) -> tuple[str, ...]:
        """The indicators shown, each once, in the order of their first slide."""
        return tuple(dict.fromkeys(s.indicator for s in self.slides if isinstance(s, IndicatorSlide)))


# ---------------------------------------------------------------------------------------------- reading


def _slide_from_dict(entry: Mapping[str, Any], number: int) -> Slide:
    where = f"Folie {number}"
    if not isinstance(entry, Mapping):
        raise DeckError(f"{where}: Eintrag ist keine Tabelle ([[slides]]).")
    kind = entry.get("kind")
    if kind not in SLIDE_TYPES:
        raise DeckError(f"{where}: Unbekannte Folienart „{kind}“; möglich sind: {', '.join(SLIDE_TYPES)}.")
    cls = SLIDE_TYPES[kind]
    allowed = {f.name for f in fields(cls)}
    unknown = sorted(set(entry) - allowed - {"kind"})
    if unknown:
        raise DeckError(f"{where}: Unbekannte Angabe {', '.join(unknown)}; möglich sind: {', '.join(sorted(allowed))}.")
    values = {k: v for k, v in entry.items() if k != "kind"}
    if "year" in values and values["year"] == "latest":
        values["year"] = None
    if "comparison" in values:
        if not isinstance(values["comparison"], list | tuple):
            raise DeckError(f'{where}: „comparison“ ist eine Liste, z. B. ["land", "bund"].')
        values["comparison"] = tuple(values["comparison"])
    try:
        return cls(**values)
    except DeckError as error:
        raise DeckError(f"{where}: {error}") from None
    except TypeError:
        missing = [f.name for f in fields(cls) if f.name not in values and f.default is MISSING]
        raise DeckError(f"{where}: Es fehlt die Angabe {', '.join(missing)}.") from None


def deck_from_dict(data: Mapping[str, Any]) -> Deck:
    unknown = sorted(set(data) - {"name", "slides"})
    if unknown:
        raise DeckError(f"Unbekannte Angabe {', '.join(unknown)}; erwartet werden name und [[slides]].")
    slides = data.get("slides", [])
    if not isinstance(slides, list):
        raise DeckError("„slides“ muss eine Liste von Folien sein ([[slides]]).")
    return Deck(check_name(data.get("name")), tuple(_slide_from_dict(e, i) for i, e in enumerate(slides, 1)))


def parse_deck(text: str, origin: str = "Präsentation") -> Deck:
    """A deck from TOML text; syntax errors become DeckError naming `origin` and the line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DeckError(f"{origin} ist keine gültige TOML-Datei: {error}") from None
    return deck_from_dict(data)


def load_deck(path: Path) -> Deck:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DeckError(f"Präsentation {path.name} gibt es nicht.") from None
    try:
        return parse_deck(text, path.name)
    except DeckError as error:
        raise DeckError(f"{path.name}: {error}") from None


def default_deck() -> Deck:
    """The shipped deck for the Beirat's questions."""
    return load_deck(DEFAULT_DECK)


@dataclass(frozen=True)
class Question:
    topic: str  # "Schulabschlüsse"
    question: str  # "Wie viele verlassen die Schule ohne Abschluss?"
    indicator: str  # the catalogue key that answers it


def beirat_questions() -> tuple[Question, ...]:
    """The Beirat's questions in the order it discusses them: the slides of the shipped deck that carry one.

    One declaration (config/decks/beirat_standard.toml) gives both the Überblick tiles and the default
    deck, so a question added for the meeting also gets its tile.
    """
    return tuple(
        Question(s.topic, s.question, s.indicator)
        for s in default_deck().slides
        if isinstance(s, IndicatorSlide) and s.question
    )


# ---------------------------------------------------------------------------------------------- writing


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        # A JSON string is a valid TOML basic string, except that TOML also forbids a raw DEL.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007F")
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def to_toml(deck: Deck) -> str:
    """TOML text of the deck; fields left at their default are not written, so files stay short."""
    lines = ["# Präsentation für Bildungsmonitor (deck/model.py beschreibt das Format).", ""]
    lines.append(f"name = {_toml_value(deck.name)}")
    for slide in deck.slides:
        lines += ["", "[[slides]]", f"kind = {_toml_value(slide.kind)}"]
        for f in fields(slide):
            value = getattr(slide, f.name)
            if f.default is not MISSING and value == f.default:
                continue
            lines.append(f"{f.name} = {_toml_value('latest' if f.name == 'year' and value is None else value)}")
    return "\n".join(lines) + "\n"


class DeckExists(DeckError):
    """Another deck already has the file this name maps to ("beirat-maerz 2026" and "Beirat März 2026")."""

    def __init__(self, name: str, existing: str, path: Path) -> None:
        super().__init__(
            f"Unter {path.name} ist schon die Präsentation „{existing}“ gespeichert; „{name}“ würde sie ersetzen."
        )
        self.existing = existing
        self.path = path


def save_deck(deck: Deck, directory: Path | None = None, replace: bool = False) -> Path:
    """Write the deck to <directory>/<slug>.toml atomically and return the path.

    Different names can map to one file; an existing file is replaced only when `replace` says so
    (the person was asked), otherwise DeckExists names the deck it would replace.

    The text is parsed back before anything is written, and the file is replaced in one rename, so a
    failed save leaves the previous version intact and a reader never sees half a file.
    """
    directory = USER_DIR if directory is None else directory
    if (SHIPPED_DIR / f"{deck.slug}.toml").exists() and directory.resolve() != SHIPPED_DIR.resolve():
        raise DeckError(f"Der Name „{deck.name}“ gehört zur mitgelieferten Präsentation; bitte einen anderen wählen.")
    text = to_toml(deck)
    if parse_deck(text) != deck:  # a writer bug must not silently lose slides
        raise DeckError("Die Präsentation ließ sich nicht verlustfrei speichern.")
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{deck.slug}.toml"
    if target.exists() and not replace:
        try:
            existing = load_deck(target).name
        except DeckError:
            existing = target.stem  # unreadable, edited by hand: still not replaced without asking
        raise DeckExists(deck.name, existing, target)
    write_atomic(target, text.encode("utf-8"))
    return target


@dataclass(frozen=True)
class DeckEntry:
    """A deck on disk, for the list the presentation page offers."""

    name: str
    slug: str
    path: Path
    shipped: bool


def list_decks(user_dir: Path | None = None) -> list[DeckEntry]:
    """Shipped decks first, then the user's, each sorted by name; unreadable files are skipped.

    A user deck that cannot be read (edited by hand, say) is left out here; `load_deck` on its path
    gives the German reason.
    """
    user_dir = USER_DIR if user_dir is None else user_dir
    entries = []
    for directory, shipped in ((SHIPPED_DIR, True), (user_dir, False)):
        found = []
        for path in sorted(directory.glob("*.toml")) if directory.is_dir() else []:
            try:
                deck = load_deck(path)
            except DeckError:
                continue
            found.append(DeckEntry(deck.name, path.stem, path, shipped))
        entries += sorted(found, key=lambda e: e.name.lower())
    return entries


def deck_path(stem: str, user_dir: Path | None = None) -> Path | None:
    """The file of the deck with file stem `stem` (as links name it), or None.

    The shipped decks are looked up first, so a user file can never stand in for the default deck;
    a stem that is not a slug (e.g. "../x") is refused, so a link cannot reach other files.
    """
    user_dir = USER_DIR if user_dir is None else user_dir
    if not stem or slug(stem) != stem:
        return None
    return next((p for p in (SHIPPED_DIR / f"{stem}.toml", user_dir / f"{stem}.toml") if p.is_file()), None)


def delete_deck(name_or_slug: str, user_dir: Path | None = None) -> None:
    """Remove a saved user deck; the shipped deck cannot be deleted."""
    user_dir = USER_DIR if user_dir is None else user_dir
    stem = slug(name_or_slug)
    if (SHIPPED_DIR / f"{stem}.toml").exists():
        raise DeckError("Die mitgelieferte Präsentation kann nicht gelöscht werden.")
    path = user_dir / f"{stem}.toml"
    if not path.exists():
        raise DeckError(f"Präsentation „{name_or_slug}“ gibt es nicht.")
    path.unlink()
