"""The generated catalogue page docs/indikatoren.md, written from the declarations alone.

`python -m indicators.docs` rewrites the file; a test fails when it is stale, so the page the
Beirat reads can never drift from what the code computes.
"""

from __future__ import annotations

from pathlib import Path

from indicators.catalogue import CATALOGUE, HANDLUNGSFELDER

TARGET = Path(__file__).resolve().parent.parent / "docs" / "indikatoren.md"
LEVEL_NAMES = {"schule": "Schule", "gemeinde": "Gemeinde", "kreis": "Kreis", "land": "Land", "bund": "Bund"}


def render() -> str:
    lines = [
        "# Indikatorenkatalog",
        "",
        "Erzeugt aus `indicators/catalogue.py` mit `python -m indicators.docs` – nicht von Hand ändern.",
        "Veröffentlichte amtliche Werte stehen wie veröffentlicht da; kleine Fallzahlen (1 oder 2) werden nur "
        "in den eigenen Daten des Bildungsbüros unterdrückt, dort vollständig (`indicators/suppression.py`).",
        "",
    ]
    for field in HANDLUNGSFELDER:
        members = [ind for ind in CATALOGUE.values() if ind.handlungsfeld == field]
        if not members:
            continue
        lines += [f"## {field}", ""]
        for ind in members:
            lines += [
                f"### {ind.title}",
                "",
                f"- Schlüssel: `{ind.key}`",
                f"- Definition: {ind.definition}",
                f"- Zähler: {ind.numerator}",
                f"- Nenner: {ind.denominator or '–'}",
                f"- Einheit: {ind.unit}; Richtung: {ind.direction.label}",
                f"- Ebenen: {', '.join(LEVEL_NAMES[level] for level in ind.levels)}",
                f"- Quelle: {ind.source}",
                "- Tabellen: " + "; ".join(f"{t.code} ({t.uses})" for t in ind.tables),
            ]
            if ind.breaks:
                lines.append("- Datenbrüche: " + "; ".join(f"{b.year}: {b.label}" for b in ind.breaks))
            lines.append("")
    return "\n".join(lines)


def write() -> Path:
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(render(), encoding="utf-8")
    return TARGET


if __name__ == "__main__":
    print(f"geschrieben: {write()}")
