"""Saved definitions are never silently overwritten, and every earlier text stays in the history."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bericht import ablage
from bericht.model import BerichtFehler
from tests.bericht.conftest import SMALL


@pytest.fixture(autouse=True)
def berichte_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("BILDUNGSMONITOR_BERICHTE", str(tmp_path / "berichte"))
    return tmp_path / "berichte"


def test_a_saved_definition_reads_back_with_its_texts(berichte_dir):
    saved = ablage.save(SMALL, "", "analystin")
    assert saved.path == berichte_dir / "kurzbericht_test.toml"
    again = ablage.load("Kurzbericht Test")
    assert again.bericht == SMALL
    assert again.version == saved.version
    assert [g.bericht.name for g in ablage.list_saved()] == ["Kurzbericht Test"]


def test_a_new_definition_under_an_existing_name_is_refused():
    ablage.save(SMALL, "", "analystin")
    other = replace(SMALL, introduction="Eine ganz andere Einleitung.")
    with pytest.raises(BerichtFehler, match="schon ein Bericht gespeichert"):
        ablage.save(other, "", "leser")
    assert ablage.load(SMALL.name).bericht.introduction == SMALL.introduction


def test_a_save_from_an_old_version_is_refused_and_loses_nothing():
    first = ablage.save(SMALL, "", "analystin")
    second = ablage.save(replace(SMALL, introduction="Fassung B"), first.version, "analystin")
    with pytest.raises(BerichtFehler, match="inzwischen an anderer Stelle geändert"):
        ablage.save(replace(SMALL, introduction="Fassung C"), first.version, "kollege")
    assert ablage.load(SMALL.name).bericht.introduction == "Fassung B"
    assert ablage.load(SMALL.name).version == second.version


def test_the_history_keeps_every_earlier_text_newest_first():
    first = ablage.save(SMALL, "", "analystin")
    changed = ablage.save(replace(SMALL, introduction="Fassung B"), first.version, "analystin")
    ablage.delete(SMALL.name, changed.version, "analystin")
    history = ablage.history()
    assert list(history["aktion"]) == ["gelöscht", "geändert", "angelegt"]
    assert "Fassung B" in history["vorher"].iloc[0]
    assert "Er erscheint alle zwei Jahre." in history["vorher"].iloc[1]  # the text before "Fassung B"
    assert history["vorher"].iloc[2] == ""
    assert ablage.list_saved() == []
