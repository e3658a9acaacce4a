"""The one status vocabulary: words, short words, legends and whether a status carries a number."""

from __future__ import annotations

from indicators import status
from indicators.status import HAS_VALUE, NUMERIC, RESULT_STATUSES, SOURCE_STATUSES, status_text


def test_only_real_numbers_count_as_values():
    # "-" in an official table is a real zero; "." (secret) is not a number, never 0.
    assert NUMERIC == ("ok", "zero")
    assert HAS_VALUE == ("computed", "published")


def test_the_suppression_threshold_is_written_into_the_texts_from_its_constant(monkeypatch):
    assert status.SUPPRESSION_THRESHOLD == 3
    assert status_text("suppressed") == "aus Datenschutzgründen unterdrückt (< 3 Fälle)"
    suppressed = next(s for s in RESULT_STATUSES if s.key == "suppressed")
    assert suppressed.legend.startswith("Zähler oder Nenner unter 3 ")


def test_every_status_has_words_a_short_form_and_a_legend():
    for entry in (*SOURCE_STATUSES, *RESULT_STATUSES):
        assert entry.text and entry.short and entry.legend
    assert status_text("secret") == "geheim"
    assert status_text("zero", short=True) == "null"
    assert status_text(None) == "keine Daten"
    assert status_text("unbekannt") == "unbekannt"  # an unknown status is shown, never hidden
