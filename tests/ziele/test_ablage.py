"""The office's goals on disk: every change in the history, no silent overwrite, atomic writes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ziele import ablage
from ziele.model import Ziel, ZielFehler

GOAL = Ziel("Schulabschlüsse", "Alle mit Abschluss", "Abgänge senken", "ohne_abschluss_anteil", "03453", 6.0, 2030)


def test_a_first_save_creates_the_goals_file_gives_an_id_and_records_the_goal(goals_dir):
    saved = ablage.save([GOAL], "", "Seite Ziele")
    assert (goals_dir / "ziele.csv").exists()
    assert saved.goals[0].id and saved.goals[0].zielwert == 6.0
    assert ablage.load() == saved
    history = ablage.history()
    assert list(history["aktion"]) == ["Seite Ziele: angelegt"]
    assert "zielwert=6" in history["neu"][0] and "indikator=ohne_abschluss_anteil" in history["neu"][0]


def test_a_change_is_recorded_field_by_field_with_old_and_new_value():
    first = ablage.save([GOAL], "", "Seite Ziele")
    changed = replace(first.goals[0], zielwert=5.5, zieljahr=2032)
    ablage.save([changed], first.version, "Seite Ziele")
    history = ablage.history()  # newest first; one save writes its fields in column order
    assert list(zip(history["feld"], history["alt"], history["neu"], strict=True))[:2] == [
        ("zieljahr", "2030", "2032"),
        ("zielwert", "6", "5,5"),
    ]
    assert set(history["aktion"][:2]) == {"Seite Ziele: geändert"}


def test_a_second_save_from_an_old_version_is_refused_and_the_first_is_kept():
    start = ablage.save([GOAL], "", "Seite Ziele")
    # two people opened the page at `start`; the first saves 5.5, the second then tries 5.0
    ablage.save([replace(start.goals[0], zielwert=5.5)], start.version, "Seite Ziele")
    with pytest.raises(ZielFehler, match="inzwischen an anderer Stelle geändert"):
        ablage.save([replace(start.goals[0], zielwert=5.0)], start.version, "Seite Ziele")
    assert ablage.load().goals[0].zielwert == 5.5


def test_removing_a_goal_keeps_it_in_the_history():
    start = ablage.save([GOAL], "", "Seite Ziele")
    ablage.save([], start.version, "Seite Ziele")
    assert ablage.load().goals == ()
    removed = ablage.history().iloc[0]
    assert removed["aktion"] == "Seite Ziele: entfernt"
    assert "mittlerziel=Abgänge senken" in removed["alt"]


def test_an_unchanged_save_writes_no_history():
    start = ablage.save([GOAL], "", "Seite Ziele")
    again = ablage.save(list(start.goals), start.version, "Seite Ziele")
    assert again.version == start.version
    assert len(ablage.history()) == 1


def test_no_temporary_file_is_left_behind(goals_dir):
    ablage.save([GOAL], "", "Seite Ziele")
    assert sorted(p.name for p in goals_dir.iterdir()) == [".ziele.lock", "historie.csv", "ziele.csv"]


def test_the_shipped_example_is_marked_as_example_in_every_row():
    goals = ablage.example(lambda key, region, schule: 2024 if key == "ohne_abschluss_anteil" else 2022)
    assert len(goals) == 6 and all(g.beispiel for g in goals)
    assert not any(g.gremium or g.beschlossen_am for g in goals)
