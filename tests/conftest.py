"""Shared fixtures: one real store, built once per test session by the real build code."""

from __future__ import annotations

import pytest

from store.build import build


@pytest.fixture(scope="session")
def store_db(tmp_path_factory):
    """The full store built from data/raw, exactly as `cli.py build` builds it (about 15 s)."""
    path = tmp_path_factory.mktemp("store") / "bildungsmonitor.duckdb"
    build(path, lambda number, total, outcome: None)
    return path


@pytest.fixture(autouse=True)
def goals_dir(tmp_path, monkeypatch):
    """Every test keeps its goals (ziele.ablage) in its own folder, never in data/ziele."""
    path = tmp_path / "ziele"
    monkeypatch.setenv("BILDUNGSMONITOR_ZIELE", str(path))
    return path
