"""How closely two indicators move together across areas: Pearson's r, n and the least-squares line.

The Landkreisvergleich's scatter shows it in words; a reader must also read that a correlation
across Kreise or Gemeinden is not a cause (ecological fallacy included): the page says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# Cohen's conventional bounds for |r|: below 0.1 no, below 0.3 weak, below 0.5 moderate, else strong.
STRENGTH = ((0.1, "kein nennenswerter"), (0.3, "ein schwacher"), (0.5, "ein mittlerer"), (1.01, "ein starker"))
MIN_POINTS = 3  # fewer points always lie on a line or have none


@dataclass(frozen=True)
class Correlation:
    n: int
    r: float | None  # None: fewer than MIN_POINTS areas with both values, or no spread
    slope: float | None = None
    intercept: float | None = None


def pearson(points: pd.DataFrame) -> Correlation:
    """r, n and the regression line y = slope · x + intercept over the rows with both x and y."""
    both = points.dropna(subset=["x", "y"])
    n = len(both)
    if n < MIN_POINTS or both["x"].nunique() < 2 or both["y"].nunique() < 2:
        return Correlation(n, None)
    x, y = both["x"].to_numpy(float), both["y"].to_numpy(float)
    r = float(np.corrcoef(x, y)[0, 1])
    slope, intercept = np.polyfit(x, y, 1)
    return Correlation(n, r, float(slope), float(intercept))


def in_words(c: Correlation, areas: str) -> str:
    """ "r = 0,62 über 45 Kreise: ein starker positiver Zusammenhang (je höher x, desto höher y)." """
    if c.r is None:
        return f"Zu wenige {areas} mit beiden Werten ({c.n}) für eine Aussage über einen Zusammenhang."
    word = next(label for bound, label in STRENGTH if abs(c.r) < bound)
    r_text = f"{c.r:.2f}".replace(".", ",").replace("-", "\u2212")
    if word == "kein nennenswerter":
        return f"r = {r_text} über {c.n} {areas}: kein nennenswerter Zusammenhang."
    direction = "positiver" if c.r > 0 else "negativer"
    how = "desto höher" if c.r > 0 else "desto niedriger"
    return f"r = {r_text} über {c.n} {areas}: {word} {direction} Zusammenhang (je höher x, {how} y)."
