"""Erklärung zur Barrierefreiheit: what of BITV 2.0 / WCAG 2.1 AA the dashboard meets and what not.

A public body must publish such a statement (§ 12b BGG, for Niedersachsen § 9a NBGG with BITV 2.0).
The text says only what the tests check (tests/e2e/test_accessibility.py, test_keyboard.py,
test_screens.py, tests/deck/test_export.py) or what is known to be missing; it names no address the
office has not configured. STAND is the day the text was last checked against those tests.
"""

from __future__ import annotations

import streamlit as st

STAND = "30.11.2026"

st.title("Erklärung zur Barrierefreiheit")
st.markdown(
    "Das Bildungsbüro ist bemüht, den Bildungsmonitor barrierefrei zugänglich zu machen. Maßstab sind die "
    "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und die Web Content Accessibility Guidelines "
    "(WCAG) 2.1 in der Stufe AA."
)

st.header("Stand der Vereinbarkeit")
st.markdown(
    "Der Bildungsmonitor ist **teilweise barrierefrei**. Geprüft wird bei jeder Änderung automatisch: "
    "Jede Seite (auch angemeldet mit Schreibrechten), die Reiter des Indikators und jede Folie der "
    "mitgelieferten Präsentation werden im Browser mit axe-core gegen die Regeln der WCAG 2.1 A und AA "
    "geprüft; ein Verstoß der Schwere „ernst“ oder „kritisch“ lässt die Prüfung scheitern. Ein Test "
    "bedient das Dashboard nur mit der Tastatur. Jede Seite und jede Folie wird in 1920 × 1080 und "
    "1280 × 720 fotografiert; dabei wird u. a. geprüft, dass kein Jahr doppelt auf einer Achse steht "
    "und die Legende einer Folie über der Quellenzeile bleibt."
)
st.text(f"Stand dieser Erklärung: {STAND}. Grundlage: Selbstbewertung mit automatischen und eigenen Tests.")

st.header("Was erfüllt ist")
st.markdown(
    "- Kontrast von Text mindestens 4,5 : 1 (von axe-core auf jeder Seite geprüft).\n"
    "- Die Seite ist als deutschsprachig ausgezeichnet; Bedienelemente tragen deutsche Namen.\n"
    "- Jedes Diagramm hat eine Textbeschreibung mit Titel, Inhalt und neuestem Wert samt Jahr und "
    "Vergleich; darunter stehen seine Daten als Tabelle (*Daten als Tabelle*).\n"
    "- Zahlen stehen im deutschen Format (11,2 %, 1.967).\n"
    "- Bedienung mit der Tastatur: Getestet sind der Weg vom Überblick zur Tabelle eines Indikators samt "
    "Download und das Öffnen, Durchblättern und Beenden einer Präsentation; an jedem Halt ist der Fokus "
    "sichtbar umrandet. Im Präsentationsmodus blättern → / ← / Bild↓ / Bild↑ / Leertaste / Pos1 / Ende.\n"
    "- Farben im Diagramm sind für die häufigen Farbsehschwächen unterscheidbar; Land und Bund "
    "unterscheiden sich zusätzlich durch die Strichart.\n"
    "- Jedes Diagramm gibt es genau einmal als PNG und SVG zum Herunterladen, mit Titel und Quellenzeile im Bild.\n"
    "- PPTX- und PDF-Export: Jedes Diagramm hat als Alternativtext die Kernaussage der Folie; "
    "Dokumentsprache Deutsch. In der PPTX ist jede Folienüberschrift der Titel der Folie.\n"
    "- Das PDF ist getaggt: Überschriften (H1 für die Titelfolie, H2 je Folie), Absätze und Abbildungen "
    "mit Alternativtext in Lesereihenfolge; Foliennummern und Zierbalken sind als Artefakte ausgezeichnet."
)

st.header("Was nicht barrierefrei ist")
st.markdown(
    "- **Karten** und Diagramme selbst sind Grafiken: Ihre Werte sind nur über die Textbeschreibung und "
    "die Tabelle darunter zugänglich, nicht Gebiet für Gebiet in der Grafik.\n"
    "- **Interaktive Tabellen** (Reiter *Tabelle*, *Daten & Quellen*) zeichnet Streamlit auf eine "
    "Zeichenfläche; Screenreader lesen sie nur eingeschränkt. Die Werte gibt es als CSV/XLSX.\n"
    "- **PDF-Export**: Das PDF ist getaggt, aber nicht gegen PDF/UA geprüft (kein Prüfwerkzeug wie PAC "
    "oder veraPDF). Die Tabelle der Zielstand-Folie ist als Absätze ausgezeichnet, nicht als Tabelle.\n"
    "- **Tooltips** der Diagramme (Wert beim Überfahren mit der Maus) erscheinen nur mit der Maus; "
    "dieselben Werte stehen in der Textbeschreibung und unter *Daten als Tabelle*.\n"
    "- **Vergrößerung**: Diagramme werden in schmalen Fenstern verkleinert, nicht neu umbrochen; ihre "
    "Beschriftung wird dann kleiner. Die Darstellung bei 400 % Vergrößerung (WCAG 1.4.10) ist nicht geprüft.\n"
    "- Der Kontrast von Rahmen und Symbolen der Bedienelemente (WCAG 1.4.11, 3 : 1) ist nicht eigens "
    "geprüft.\n"
    "- Die Bedienung mit der Tastatur ist für die Formulare (Import, Ziele, Präsentation bauen) nicht "
    "eigens getestet; axe-core prüft dort nur Namen, Kontraste und Struktur.\n"
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
