"""The Bericht page's data and writes: report content and Steckbriefe on the dashboard's cached results,
and checked, logged saves.

The content (charts rendered to PNG, statements, tables) is the slow part, a few seconds per
indicator on a busy laptop, with a progress bar the page draws. It is not kept in st.cache_data
(a cached function cannot update an element created outside it); the page keeps the generated
content in the session, so the DOCX and the PDF are typeset from one generation. Saves and
deletions go through access.require_write and the audit log, like decks and goals.
"""

from __future__ import annotations

from bericht import ablage, inhalt, steckbrief
from bericht.inhalt import BerichtInhalt, Progress
from bericht.model import Bericht
from ui import access
from ui.slides import CachedData


def content(bericht: Bericht, version: int, progress: Progress | None = None) -> BerichtInhalt:
    return inhalt.build(bericht, CachedData(version), progress)


def briefs(version: int, progress: Progress | None = None) -> list[steckbrief.Steckbrief]:
    return steckbrief.build_all(CachedData(version), progress)


def save(bericht: Bericht, expected_version: str) -> ablage.Gespeichert:
    who = access.require_write()
    saved = ablage.save(bericht, expected_version, who.name)
    access.log_write(who, "Bericht gespeichert", {"name": bericht.name, "datei": saved.path.name})
    return saved
