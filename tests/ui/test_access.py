"""Defence in depth: the write functions refuse a session that may not write, whatever a page shows.

Each script below calls a write function directly, as a page with a forgotten check would, and shows
the German refusal as text; the store, the deck folder and the audit log stay unchanged.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from access.audit import entries
from access.settings import load as access_settings
from tests.app_pages.conftest import sign_in
from tests.conftest import ANALYST, ANALYST_PASSWORD


def _import_then_save() -> None:
    import streamlit as st

    from deck.model import Deck, TitleSlide
    from ui import access, decks
    from ui.uploads import import_uploads

    class Upload:
        name = "schulen.csv"

        def getvalue(self) -> bytes:  # SYNTHETIC TEST DATA (invented count)
            return b"schuljahr;region_code;schule;merkmal;anzahl;quelle\n2023/24;03453004;S;abgaenge_insgesamt;4;t\n"

    access.sign_in_box()
    if st.button("Schreiben"):
        writes = (lambda: import_uploads([Upload()], print), lambda: decks.save(Deck("X", (TitleSlide("T"),)), True))
        for write in writes:
            try:
                write()
                st.text("geschrieben")
            except access.WriteRefused as refused:
                st.text(str(refused))


@pytest.fixture
def script(store_db, tmp_path, monkeypatch):
    monkeypatch.setenv("BILDUNGSMONITOR_DB", str(store_db))
    monkeypatch.setattr("deck.model.USER_DIR", tmp_path / "decks")
    return AppTest.from_function(_import_then_save, default_timeout=60)


def _press(at: AppTest) -> list[str]:
    next(b for b in at.button if b.label == "Schreiben").click().run()
    return [t.value for t in at.text if t.value != "Nur-Lesen-Modus: Daten lassen sich hier nicht ändern."]


def test_an_anonymous_session_cannot_import_or_save_even_by_calling_the_write_functions(script, store_db, tmp_path):
    before = store_db.stat().st_mtime_ns, len(entries(access_settings().audit_log))
    script.run()
    assert _press(script) == ["Nur angemeldete Personen mit der Rolle Analyse dürfen Daten ändern."] * 2
    assert (store_db.stat().st_mtime_ns, len(entries(access_settings().audit_log))) == before
    assert not (tmp_path / "decks").exists()


def test_in_read_only_mode_even_a_signed_in_analyst_cannot_write(script, local_users, tmp_path, monkeypatch):
    script.run()
    sign_in(script, ANALYST, ANALYST_PASSWORD)
    monkeypatch.setenv("BILDUNGSMONITOR_NUR_LESEN", "1")  # the laptop switched to read-only under a session
    assert _press(script) == ["Nur-Lesen-Modus: Auf diesem Rechner lassen sich keine Daten ändern."] * 2
    assert not (tmp_path / "decks").exists()
