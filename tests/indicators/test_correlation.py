"""Pearson's r, n and the regression line, on points worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.correlation import Correlation, in_words, pearson


def test_r_slope_and_intercept_of_three_points():
    # x 1,2,3 (mean 2), y 2,4,5 (mean 11/3): Sxy = (−1)(−5/3) + 0 + (1)(4/3) = 3; Sxx = 2; Syy = 42/9
    # r = 3 / sqrt(2 · 42/9) = 0.98198; slope = 3/2 = 1.5; intercept = 11/3 − 1.5 · 2 = 0.6667
    c = pearson(pd.DataFrame({"x": [1.0, 2.0, 3.0, None], "y": [2.0, 4.0, 5.0, 7.0]}))
    assert c.n == 3
    assert c.r == pytest.approx(0.98198, abs=1e-5)
    assert (c.slope, c.intercept) == (pytest.approx(1.5), pytest.approx(0.66667, abs=1e-5))
    assert in_words(c, "Kreise") == (
        "r = 0,98 über 3 Kreise: ein starker positiver Zusammenhang (je höher x, desto höher y)."
    )


def test_too_few_points_give_no_r_but_say_so():
    c = pearson(pd.DataFrame({"x": [1.0, 2.0], "y": [2.0, 1.0]}))
    assert c == Correlation(2, None)
    assert in_words(c, "Gemeinden") == (
        "Zu wenige Gemeinden mit beiden Werten (2) für eine Aussage über einen Zusammenhang."
    )


def test_words_for_weak_negative_and_no_correlation():
    assert in_words(Correlation(45, -0.22), "Kreise") == (
        "r = \u22120,22 über 45 Kreise: ein schwacher negativer Zusammenhang (je höher x, desto niedriger y)."
    )
    assert in_words(Correlation(45, 0.05), "Kreise") == "r = 0,05 über 45 Kreise: kein nennenswerter Zusammenhang."
