"""Shared fixtures: one real store, built once per test session by the real build code."""

from __future__ import annotations

import os

import pytest

from store.build import build


@pytest.fixture(scope="session")
def store_db(tmp_path_factory):
    """The full store built from data/raw, exactly as `cli.py build` builds it (about 15 s)."""
    path = tmp_path_factory.mktemp("store") / "bildungsmonitor.duckdb"
    build(path, lambda number, total, outcome: None)
    return path


@pytest.fixture(scope="session", autouse=True)
def _session_goals(tmp_path_factory):
    """Goals for fixtures wider than one test (module-scoped slides): an empty folder, never data/ziele."""
    before = os.environ.get("BILDUNGSMONITOR_ZIELE")
    os.environ["BILDUNGSMONITOR_ZIELE"] = str(tmp_path_factory.mktemp("ziele"))
    yield
    if before is None:
        del os.environ["BILDUNGSMONITOR_ZIELE"]
    else:
        os.environ["BILDUNGSMONITOR_ZIELE"] = before


@pytest.fixture(autouse=True)
def goals_dir(tmp_path, monkeypatch):
    """Every test keeps its goals (ziele.ablage) in its own folder, never in data/ziele."""
    path = tmp_path / "ziele"
    monkeypatch.setenv("BILDUNGSMONITOR_ZIELE", str(path))
    return path
