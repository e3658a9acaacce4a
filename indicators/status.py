"""One status vocabulary: what a value's status is called, how it reads in German, and whether it has a number.

Sources print symbols instead of numbers (store.symbols maps them here); indicators add their own
statuses (computed, published, suppressed). Every page, chart, table, export and slide reads the words
from this one table, so "geheim" means the same everywhere and a secret never prints as 0. The
suppression threshold is written into the texts from its one constant.
"""

from __future__ import annotations

from dataclasses import dataclass

# Small counts of the office's own data are hidden below this many cases (indicators.suppression).
SUPPRESSION_THRESHOLD = 3

# Statuses of an observation, mapped from the sources' symbols (store.symbols).
OK = "ok"
ZERO = "zero"
SECRET = "secret"
NOT_APPLICABLE = "not_applicable"
UNCERTAIN = "uncertain"
PENDING = "pending"
MISSING = "missing"
UNPUBLISHED_OR_ZERO = "unpublished_or_zero"
# Statuses an indicator gives its result rows; source flags (secret, not_applicable, …) pass through.
COMPUTED = "computed"
PUBLISHED = "published"  # value taken as published by the source (INKAR, BA rates)
SUPPRESSED = "suppressed"
SMALL_BASE = "small_base"  # too few cases for the value to say anything (e.g. < 10 registered vacancies)


@dataclass(frozen=True)
class Status:
    key: str
    text: str  # German words wherever a value stands ("geheim"), never a number
    short: str  # for little room: bar labels, map legend
    legend: str  # one sentence for a legend
    has_number: bool  # whether a row with this status carries a value


_SMALL = f"< {SUPPRESSION_THRESHOLD} Fälle"

# Source statuses first (in the order of a legend of the sources' symbols), then result statuses.
SOURCE_STATUSES = (
    Status(OK, "Wert vorhanden", "Wert vorhanden", "Wert vorhanden", True),
    Status(ZERO, "nichts vorhanden (genau null)", "null", "nichts vorhanden (genau null), Quelle: „-“", True),
    Status(
        SECRET,
        "geheim",
        "geheim",
        "Zahlenwert unbekannt oder geheim zu halten (Quelle: „.“ bzw. BA „*“)",
        False,
    ),
    Status(
        NOT_APPLICABLE,
        "nicht sinnvoll",
        "nicht sinnvoll",
        "Tabellenfach gesperrt, weil Aussage nicht sinnvoll (Quelle: „x“)",
        False,
    ),
    Status(
        UNCERTAIN,
        "Wert nicht sicher genug",
        "unsicher",
        "keine Angabe, da Zahlenwert nicht sicher genug (Quelle: „/“)",
        False,
    ),
    Status(PENDING, "Angabe fällt später an", "folgt später", "Angabe fällt später an (Quelle: „...“)", False),
    Status(MISSING, "keine Daten", "keine Daten", "kein Wert in der Quelle (leeres Feld)", False),
    Status(
        UNPUBLISHED_OR_ZERO,
        "nicht veröffentlicht oder null",
        "nicht veröffentlicht",
        "nicht veröffentlicht oder null (BA nach Berufsgruppen: „-“, „*“ und „x“ nicht unterscheidbar); "
        "Summen darüber sind Untergrenzen",
        False,
    ),
)
RESULT_STATUSES = (
    Status(COMPUTED, "berechnet", "berechnet", "aus Zähler und Nenner der amtlichen Tabellen berechnet", True),
    Status(
        PUBLISHED,
        "wie von der Quelle veröffentlicht",
        "wie von der Quelle veröffentlicht",
        "als Quote von der Quelle (INKAR, Bundesagentur für Arbeit) übernommen",
        True,
    ),
    Status(
        SUPPRESSED,
        f"aus Datenschutzgründen unterdrückt ({_SMALL})",
        "unterdrückt",
        f"Zähler oder Nenner unter {SUPPRESSION_THRESHOLD} (aber nicht 0): aus Datenschutzgründen nicht ausgewiesen",
        False,
    ),
    Status(
        SMALL_BASE,
        "Basis zu klein (zu wenige Fälle für eine Aussage)",
        "Basis zu klein",
        "zu wenige Fälle, als dass der Wert etwas aussagte (z. B. unter 10 gemeldete Arbeitsstellen)",
        False,
    ),
    Status(MISSING, "keine Daten", "keine Daten", "für diese Region und dieses Jahr liegt kein Wert vor", False),
)
STATUSES = {status.key: status for status in (*SOURCE_STATUSES, *RESULT_STATUSES[:-1])}

# An observation with one of these carries a number (the "-" of the sources is a real zero).
NUMERIC = tuple(s.key for s in SOURCE_STATUSES if s.has_number)
# A result row with one of these has a value to show, compare and rank.
HAS_VALUE = tuple(s.key for s in RESULT_STATUSES if s.has_number)


def status_text(key: str | None, short: bool = False) -> str:
    """German words for a status; an unknown status is returned as it is rather than hidden."""
    status = STATUSES.get(key or MISSING)
    if status is None:
        return str(key)
    return status.short if short else status.text
