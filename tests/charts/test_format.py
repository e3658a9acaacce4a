"""German text outside charts: numbers, shares, changes, dates and the words for missing values."""

from __future__ import annotations

from datetime import date

import pytest

from charts.format import fmt_counts, fmt_date, fmt_number, fmt_pp, fmt_value
from indicators.status import status_text

NAN = float("nan")


def test_thousands_are_grouped_with_a_dot():
    assert fmt_number(1967) == "1.967"
    assert fmt_number(1234567.891, decimals=2) == "1.234.567,89"


def test_a_share_has_a_decimal_comma_and_a_spaced_percent_sign():
    # 163 of 1,967 leavers = 8.2867 % -> one decimal
    assert fmt_value(8.2867, "%") == "8,3 %"


def test_counts_are_whole_numbers_without_a_unit():
    assert fmt_value(1967.0, "Anzahl") == "1.967"


def test_rounding_is_half_up_as_in_published_tables():
    # Python's round-half-even would print 8.25 as "8,2"
    assert fmt_value(8.25, "%") == "8,3 %"


def test_negative_numbers_use_the_typographic_minus():
    assert fmt_number(-3) == "\u22123"


@pytest.mark.parametrize(
    ("delta", "text"),
    [(-0.62, "\u22120,6 Pp."), (0.62, "+0,6 Pp."), (-0.04, "0,0 Pp."), (NAN, "keine Daten")],
)
def test_a_change_in_percentage_points_always_shows_its_sign_except_for_zero(delta, text):
    assert fmt_pp(delta) == text


def test_a_date_prints_as_the_german_stichtag():
    assert fmt_date(date(2015, 6, 30)) == "30.06.2015"


@pytest.mark.parametrize(
    ("status", "text"),
    [
        ("secret", "geheim"),
        ("suppressed", "aus Datenschutzgründen unterdrückt (< 3 Fälle)"),
        ("missing", "keine Daten"),
        ("not_applicable", "nicht sinnvoll"),
    ],
)
def test_a_missing_value_prints_its_status_never_zero(status, text):
    assert status_text(status) == text
    assert fmt_value(NAN, "%", status) == text
    assert fmt_value(None, "%", status) == text


def test_a_missing_value_with_status_ok_still_says_there_is_no_data():
    assert fmt_value(NAN, "%", "ok") == "keine Daten"


def test_short_status_words_fit_a_bar_label():
    assert status_text("suppressed", short=True) == "unterdrückt"
    assert status_text("secret", short=True) == "geheim"


def test_an_unknown_status_is_shown_rather_than_hidden():
    assert status_text("revidiert") == "revidiert"


def test_counts_behind_a_share_read_as_x_of_y():
    assert fmt_counts(163, 1967) == "163 von 1.967"
    assert fmt_counts(NAN, 1967) == "keine Daten"
