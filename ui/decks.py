"""Saving and deleting decks from the dashboard: checked against the session's role and logged.

The page calls these, never deck.model's writers directly, so every deck write passes the role
check (ui/access.py) and lands in the audit log.
"""

from __future__ import annotations

from pathlib import Path

from deck.model import Deck, DeckEntry, deck_path, delete_deck, save_deck
from ui import access


def save(deck: Deck, replace: bool) -> Path:
    """Save; without `replace`, a deck already stored under the same file name raises DeckExists."""
    who = access.require_write()
    existed = deck_path(deck.slug) is not None
    path = save_deck(deck, replace=replace)
    access.log_write(who, "Präsentation gespeichert", {"name": deck.name, "datei": path.name, "ersetzt": existed})
    return path


def delete(entry: DeckEntry) -> None:
    who = access.require_write()
    delete_deck(entry.slug, entry.path.parent)
    access.log_write(who, "Präsentation gelöscht", {"name": entry.name, "datei": entry.path.name})
