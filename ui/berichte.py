"""The Bericht page's data and writes: cached report content and Steckbriefe, and checked, logged saves.

The content (charts rendered to PNG, statements, tables) is the slow part, a few seconds per
indicator on a busy laptop; it is cached per definition, store version and goals version, so
downloading the PDF after the DOCX costs only the typesetting. Saves and deletions go through
access.require_write and the audit log, like decks and goals.
"""

from __future__ import annotations

import streamlit as st

from bericht import ablage, inhalt, steckbrief
from bericht.ausgabe import brief_file, report_file
from bericht.inhalt import BerichtInhalt, Progress
from bericht.model import Bericht
from ui import access
from ui.slides import CachedData
from ui.ziele import version as goals_version


@st.cache_data(show_spinner=False, max_entries=4)
def content(bericht: Bericht, version: int, goals: str, _progress: Progress | None = None) -> BerichtInhalt:
    """The report's content; `_progress` is told after each indicator while it is built (not on a cache hit)."""
    return inhalt.build(bericht, CachedData(version), _progress)


@st.cache_data(show_spinner=False, max_entries=2)
def briefs(version: int, _progress: Progress | None = None) -> list[steckbrief.Steckbrief]:
    return steckbrief.build_all(CachedData(version), _progress)


def report_download(bericht: Bericht, version: int, fmt: str) -> bytes:
    """The file, made on the download click from the cached content."""
    return report_file(content(bericht, version, goals_version()), fmt)


def briefs_download(version: int, fmt: str) -> bytes:
    return brief_file(briefs(version), fmt)


def save(bericht: Bericht, expected_version: str) -> ablage.Gespeichert:
    who = access.require_write()
    saved = ablage.save(bericht, expected_version, who.name)
    access.log_write(who, "Bericht gespeichert", {"name": bericht.name, "datei": saved.path.name})
    return saved


def delete(saved: ablage.Gespeichert) -> None:
    who = access.require_write()
    ablage.delete(saved.path.stem, saved.version, who.name)
    access.log_write(who, "Bericht gelöscht", {"name": saved.bericht.name, "datei": saved.path.name})
