"""Shared fixtures: one real store, built once per test session by the real build code.

No test reads or writes the machine's own user file or audit log: they point into the session's temp folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from access import users
from access.roles import Role
from access.settings import READ_ONLY_ENV
from access.settings import load as access_settings
from files.versioned import locked
from store.build import build, is_stale


@pytest.fixture(scope="session", autouse=True)
def private_access_files(tmp_path_factory):
    """The local user file and the audit log of this test session (servers started by tests inherit them)."""
    folder = tmp_path_factory.mktemp("zugang")
    patch = pytest.MonkeyPatch()
    patch.setenv("BILDUNGSMONITOR_BENUTZER", str(folder / "benutzer.toml"))
    patch.setenv("BILDUNGSMONITOR_AUDIT", str(folder / "audit.log"))
    patch.delenv("BILDUNGSMONITOR_ZUGANG", raising=False)
    patch.delenv(READ_ONLY_ENV, raising=False)
    yield folder
    patch.undo()


@pytest.fixture(scope="session", autouse=True)
def configured_region():
    """Tests run for the Kreis of config/region.toml unless a test sets BILDUNGSMONITOR_REGION itself."""
    patch = pytest.MonkeyPatch()
    patch.delenv("BILDUNGSMONITOR_REGION", raising=False)
    yield
    patch.undo()


def _worker() -> str | None:
    """The pytest-xdist worker this process is ("gw0", "gw1", …), None when pytest runs in one process."""
    return os.environ.get("PYTEST_XDIST_WORKER")


@pytest.fixture(scope="session")
def store_db(tmp_path_factory):
    """The full store built from data/raw, exactly as `cli.py build` builds it (about 2 minutes).

    `./test` runs the suite in two pytest-xdist workers: the first worker to get here builds the store
    once into the folder the run's workers share, under a file lock, and every worker works on a copy
    of its own. BILDUNGSMONITOR_TEST_STORE may name a store `cli.py build` made from the current code
    and data (not stale by the rule `./run` uses): a copy of it is used instead, for quick runs of a
    few tests on a busy machine. `./test` never sets it.
    """
    path = tmp_path_factory.mktemp("store") / "bildungsmonitor.duckdb"
    prebuilt = os.environ.get("BILDUNGSMONITOR_TEST_STORE")
    if prebuilt and not is_stale(Path(prebuilt)):
        shutil.copyfile(prebuilt, path)
    elif _worker() is None:  # one process, no workers to share with
        build(path, lambda number, total, outcome: None)
    else:
        shared = tmp_path_factory.getbasetemp().parent / "store" / "bildungsmonitor.duckdb"
        with locked(shared.with_name("build.lock")):
            if not shared.exists():
                build(shared, lambda number, total, outcome: None)
        shutil.copyfile(shared, path)
    return path


def pytest_collection_modifyitems(items):
    """Test files that need no store first, so that in `./test` one worker builds it while the other works.

    The order is kept by the scheduler (`--no-loadscope-reorder` in ./test); together with
    `_store_built_early` the two minutes of the build no longer leave both workers waiting.
    """
    needs_store = {item.path for item in items if "store_db" in item.fixturenames}
    items.sort(key=lambda item: item.path in needs_store)


@pytest.fixture(scope="session", autouse=True)
def _store_built_early(request):
    """The first worker builds the store before its first test, when any collected test needs it."""
    if _worker() == "gw0" and any("store_db" in item.fixturenames for item in request.session.items):
        request.getfixturevalue("store_db")


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


ANALYST, ANALYST_PASSWORD = "analystin", "richtig-langes-passwort"
READER, READER_PASSWORD = "leser", "auch-ein-langes-passwort"


@pytest.fixture
def local_users():
    """Two local users in the session's private user file: an analyst and a reader."""
    path = access_settings().users_file
    users.add_user(path, ANALYST, Role.ANALYSE, ANALYST_PASSWORD, replace=True)
    users.add_user(path, READER, Role.LESEN, READER_PASSWORD, replace=True)
    yield path
    path.unlink()
