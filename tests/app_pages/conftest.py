"""Page tests: the real app (router, sidebar, page) run by AppTest on the real store built for the session.

Expected numbers are the official ones from data/raw, worked out by hand next to each assertion.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest, app_test

from tests.conftest import ANALYST, ANALYST_PASSWORD

# Relative to this file, as AppTest.from_file resolves it.
APP = "../../app.py"


# Variables a test may set that change what a cached function returns under the same key (the Kreis, the
# deck and report folders, read-only mode). The store (BILDUNGSMONITOR_DB) and the goals (BILDUNGSMONITOR_ZIELE,
# every test its own folder) are part of the keys themselves: the store's version, the goals file's hash.
_KEYED = {"BILDUNGSMONITOR_DB", "BILDUNGSMONITOR_ZIELE"}


@pytest.fixture(autouse=True)
def shared_caches(monkeypatch, store_db):
    """Streamlit's caches outlive an AppTest: tests on the session's store share them, as visitors of one server do.

    Every cached function of ui/ is keyed by the store's version (file identity, size, mtime) and the goals'
    hash, so a later test reads exactly what it would compute, only without computing it again. A test that
    patches a module (monkeypatch.setattr), sets another variable, or opens another store leaves caches that
    would answer wrongly for the next one: they are emptied after it. (This fixture asks for monkeypatch, so
    it ends while the test's patches are still in place and can be seen; pytest is pinned in requirements.txt.)
    """
    yield
    changed_env = {name for target, name, _ in monkeypatch._setitem if target is os.environ} - _KEYED
    other_store = os.environ.get("BILDUNGSMONITOR_DB") not in (None, str(store_db))
    if monkeypatch._setattr or changed_env or other_store:
        st.cache_data.clear()
        st.cache_resource.clear()


@pytest.fixture
def open_app(store_db, monkeypatch) -> Callable[..., AppTest]:
    """Open the app as a fresh browser would: a link with query parameters, optionally to a page.

    The page is chosen before the first run, so this is a deep link opened as the first request.
    """
    monkeypatch.setenv("BILDUNGSMONITOR_DB", str(store_db))

    def open_(page: str | None = None, **params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=120)
        at.query_params.update(params)
        if page:
            at.switch_page(page)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return open_


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    """Fill the sidebar's sign-in form and press Anmelden, as a person does."""
    at.sidebar.text_input(key="anmeldung_name").input(name)
    at.sidebar.text_input(key="anmeldung_passwort").input(password)
    next(b for b in at.sidebar.button if b.label == "Anmelden").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def open_as_analyst(open_app, local_users) -> Callable[..., AppTest]:
    """open_app, then signed in locally with the role Analyse."""

    def open_(page: str | None = None, **params: str) -> AppTest:
        return sign_in(open_app(page, **params), ANALYST, ANALYST_PASSWORD)

    return open_


class Downloads:
    """The files the download buttons of the last run offer, by file name.

    Files rendered only on click (PNG, SVG, XLSX) are rendered when read, as a click would.
    """

    def __init__(self) -> None:
        self.offered: dict[str, bytes | str | Callable[[], bytes | str]] = {}

    def __contains__(self, name: str) -> bool:
        return name in self.offered

    def __getitem__(self, name: str) -> bytes | str:
        content = self.offered[name]
        return content() if callable(content) else content


@pytest.fixture
def downloads(monkeypatch) -> Downloads:
    """Record what the pages hand to the download buttons.

    AppTest keeps download data in a media file manager it creates for each run and then drops, so a
    test cannot fetch the file by its URL; a recording subclass keeps a reference instead.
    """
    recorded = Downloads()

    class Recording(MediaFileManager):
        def add(self, path_or_data, mimetype, coordinates, file_name=None, is_for_static_download=False):
            if file_name:
                recorded.offered[file_name] = path_or_data
            return super().add(path_or_data, mimetype, coordinates, file_name, is_for_static_download)

        def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
            recorded.offered[file_name] = data_callable
            return super().add_deferred(data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(app_test, "MediaFileManager", Recording)
    return recorded
