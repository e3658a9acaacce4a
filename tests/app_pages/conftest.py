"""Page tests: the real app (router, sidebar, page) run by AppTest on the real store built for the session.

Expected numbers are the official ones from data/raw, worked out by hand next to each assertion.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest, app_test

from tests.conftest import ANALYST, ANALYST_PASSWORD

# Relative to this file, as AppTest.from_file resolves it.
APP = "../../app.py"


@pytest.fixture(autouse=True)
def empty_caches():
    """Streamlit's caches outlive an AppTest; every test starts from the store, not from an earlier test."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
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
