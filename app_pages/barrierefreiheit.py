"""Erklärung zur Barrierefreiheit: what of BITV 2.0 / WCAG 2.1 AA the dashboard meets and what not.

A public body must publish such a statement (§ 12b BGG, for Niedersachsen § 9a NBGG with BITV 2.0).
The text says only what the tests check (tests/e2e/test_accessibility.py, test_keyboard.py) or what
is known to be missing; it names no address the office has not configured.
"""

from __future__ import annotations

import streamlit as st

st.title("Erklärung zur Barrierefreiheit")
st.markdown(
    "Das Bildungsbüro ist bemüht, den Bildungsmonitor barrierefrei zugänglich zu machen. Maßstab sind die "
    "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und die Web Content Accessibility Guidelines "
    "(WCAG) 2.1 in der Stufe AA."
)

st.header("Stand der Vereinbarkeit")
st.markdown(
    "Der Bildungsmonitor ist **teilweise barrierefrei**. Geprüft wird bei jeder Änderung automatisch: "
    "Jede Seite und die Folien des Präsentationsmodus werden im Browser mit axe-core gegen die Regeln der "
    "WCAG 2.1 A und AA geprüft; ein Verstoß der Schwere „ernst“ oder „kritisch“ lässt die Prüfung scheitern. "
    "Ein Test bedient das Dashboard nur mit der Tastatur."
)

st.header("Was erfüllt ist")
st.markdown(
    "- Kontraste von Text und Bedienelementen mindestens 4,5 : 1.\n"
    "- Die Seite ist als deutschsprachig ausgezeichnet; Bedienelemente tragen deutsche Namen.\n"
    "- Jedes Diagramm hat eine Textbeschreibung mit Titel, Inhalt und neuestem Wert samt Jahr und "
    "Vergleich; darunter stehen seine Daten als Tabelle (*Daten als Tabelle*).\n"
    "- Zahlen stehen im deutschen Format (11,2 %, 1.967).\n"
    "- Alle Seiten und der Präsentationsmodus sind mit der Tastatur bedienbar; der Fokus ist sichtbar "
    "umrandet. Im Präsentationsmodus blättern → / ← / Bild↓ / Bild↑ / Leertaste / Pos1 / Ende.\n"
    "- Farben im Diagramm sind für die häufigen Farbsehschwächen unterscheidbar; Land und Bund "
    "unterscheiden sich zusätzlich durch die Strichart.\n"
    "- PPTX-Export: Jedes Diagramm hat als Alternativtext die Kernaussage der Folie; Dokumentsprache Deutsch."
)

st.header("Was nicht barrierefrei ist")
st.markdown(
    "- **Karten** und Diagramme selbst sind Grafiken: Ihre Werte sind nur über die Textbeschreibung und "
    "die Tabelle darunter zugänglich, nicht Gebiet für Gebiet in der Grafik.\n"
    "- **Interaktive Tabellen** (Reiter *Tabelle*, *Daten & Quellen*) zeichnet Streamlit auf eine "
    "Zeichenfläche; Screenreader lesen sie nur eingeschränkt. Die Werte gibt es als CSV/XLSX.\n"
    "- **PDF-Export**: Das PDF trägt Titel und Sprache Deutsch, ist aber nicht vollständig getaggt "
    "(keine Struktur für Überschriften und Absätze). Die PPTX-Datei ist die zugängliche Fassung.\n"
    "- Einige Meldungen von Streamlit selbst (z. B. Fehlermeldungen der Verbindung) erscheinen auf Englisch.\n"
    "- Diese Erklärung beruht auf automatischen Prüfungen und eigenen Tests, nicht auf einem Prüfbericht "
    "einer unabhängigen Stelle."
)

st.header("Barrieren melden")
st.markdown(
    "Wenn Ihnen Barrieren auffallen, melden Sie sie bitte dem Bildungsbüro, das dieses Dashboard betreibt. "
    "Wird Ihre Meldung nicht zufriedenstellend beantwortet, können Sie sich an die Schlichtungsstelle "
    "beim Landesbeauftragten für Menschen mit Behinderungen Niedersachsen wenden (Durchsetzungsverfahren "
    "nach dem Niedersächsischen Behindertengleichstellungsgesetz)."
)
