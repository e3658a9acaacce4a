"""Report content: the Beirat's goals per Handlungsfeld, and the years a definition asks for."""

from __future__ import annotations

from dataclasses import replace

from bericht import inhalt
from bericht.model import Bericht, KapitelWahl
from tests.bericht.conftest import SMALL
from ziele import ablage as ziele_ablage
from ziele.status import latest_year


def test_a_chapter_lists_the_goals_of_its_handlungsfelder_with_their_assessment(report_data):
    example = ziele_ablage.example(latest_year(report_data.result))
    ziele_ablage.save(example, "", "Beispiel laden")
    content = inhalt.build(Bericht("Ziele", "Ziele", (SMALL.chapters[1],)), report_data)
    goals = content.chapters[0].goals
    assert goals is not None and goals.header == ("Bewertung", "Mittlerziel und Indikator", "Stand")
    # The example has the Schulabschlüsse goals "ohne_abschluss_anteil" (6,0 % by 2030) and its INKAR twin.
    row = next(r for r in goals.rows if "Abgänge ohne Hauptschulabschluss, Landkreis Cloppenburg" in r[1])
    assert row[1].startswith("Anteil der Abgänge ohne Abschluss senken: ")
    assert row[2].startswith("11,2 % (2024); ")
    assert "Beispiel" in content.chapters[0].goals_note
    assert "Wettersymbolen" in content.goals_method


def test_a_chapter_without_goals_has_no_goal_table(content):
    assert all(chapter.goals is None for chapter in content.chapters)  # the session's goal folder is empty


def test_first_and_last_year_bound_the_table_and_the_statement(report_data):
    chapter = KapitelWahl("allgemeinbildende_schulen", ("ohne_abschluss_anteil",))
    bericht = Bericht("Jahre", "Jahre", (chapter,), first_year=2021, last_year=2023)
    section = inhalt.build(bericht, report_data).chapters[0].sections[0]
    assert [row[0] for row in section.table.rows] == ["2021", "2022", "2023"]
    # 2023 for Cloppenburg: 8,3 % (the previous year of 2024 in the full report), Niedersachsen 7,7 %.
    assert section.statement.startswith("Abgänge ohne Hauptschulabschluss, Landkreis Cloppenburg 2023: 8,3 %")
    assert "Niedersachsen: 7,7 %" in section.statement


def test_progress_is_told_after_every_indicator(report_data):
    told = []
    small = replace(SMALL, chapters=(SMALL.chapters[0],))
    inhalt.build(small, report_data, lambda done, total, title: told.append((done, total, title)))
    assert told == [(1, 1, "Betreuungsquote unter 3-Jährige")]
