"""The catalogue: every indicator of Bildungsmonitor, declared once.

Pages, exports, the CLI and docs/indikatoren.md read these declarations; nothing else defines a
title, a unit or a formula.
"""

from __future__ import annotations

import pandas as pd

from indicators import abschluesse, arbeitsmarkt, berufe, bevoelkerung, lokal, schulen
from indicators.model import Break, Direction, Gap, Indicator, SourceTable
from indicators.published import inkar
from indicators.status import SUPPRESSION_THRESHOLD
from indicators.suppression import suppress

HIGHER = Direction.HIGHER_IS_BETTER
LOWER = Direction.LOWER_IS_BETTER
NEUTRAL = Direction.NEUTRAL

# DKBM Handlungsfelder, in the order the Beirat discusses them.
ABSCHLUESSE = "Schulabschlüsse"
UEBERGANG = "Übergang Schule – Beruf"
ARBEITSMARKT = "Jugendarbeitslosigkeit"
FRAUEN = "Frauenerwerbstätigkeit"
FRUEHE_BILDUNG = "Frühe Bildung"
BEVOELKERUNG = "Bevölkerung und soziale Lage"
SCHULE_LOKAL = "Eigene Daten der Schulen"
FACHKRAEFTE = "Berufe und Fachkräfte"
HANDLUNGSFELDER = (
    ABSCHLUESSE,
    UEBERGANG,
    ARBEITSMARKT,
    FACHKRAEFTE,
    FRAUEN,
    FRUEHE_BILDUNG,
    BEVOELKERUNG,
    SCHULE_LOKAL,
)

SRC_RS = "Statistische Ämter des Bundes und der Länder, Regionalstatistik"
SRC_INKAR = "INKAR, BBSR Bonn"
KREIS_UP = ("kreis", "land", "bund")

LEAVERS = (
    SourceTable("21111-02-06-4", "Absolventen/Abgänger allgemeinbildender Schulen nach Abschluss, 1995–2015 und 2023"),
    SourceTable("21111-02-06-4-B", "dieselbe Tabelle mit neuen Bezeichnungen, 2024 (nur Kreise)"),
)
# Breaks every series of school leavers has (counted or published): a jump there is a change of
# counting, not of schools.
LEAVER_BREAKS = (
    Break(2004, "NI: Doppelzählungen, Nenner überhöht"),
    Break(2011, "NI: doppelter Abiturjahrgang"),
    Break(2020, "G9-Rückkehr in NI: kein Abiturjahrgang"),
    Break(2024, "neue Bezeichnung: ohne Ersten Schulabschluss"),
)
INKAR_2016 = Break(2016, "INKAR: 2016 eingeschränkte Datenqualität")
# The joined series: INKAR's published shares fill 2016–2022.
JOINED_BREAKS = (
    *LEAVER_BREAKS[:2],
    Break(2016, "Quellenwechsel: INKAR-Anteile 2016–2022 (2016 eingeschränkte Datenqualität)"),
    LEAVER_BREAKS[2],
    Break(2023, "Quellenwechsel: wieder aus Rohdaten berechnet"),
    LEAVER_BREAKS[3],
)
# Years the bundled files lack, with the reason the Tabelle names (see Gap).
SCHOOL_GAP = Gap(
    2016,
    2022,
    "nicht gebündelt: von der Schulstatistik erhoben, aber für 2016–2022 keine öffentlich zugängliche Datei "
    "mit den Zählungen je Kreis gefunden",
)
UNBUNDLED = (
    "nicht gebündelt: die Regionalstatistik veröffentlicht {what} auch für diese Jahre; die Datei liegt noch "
    "nicht in data/raw"
)
FHR_BREAK = Break(2014, "NI: schulische FHR bis 2013 in „mit Fachhochschulreife“, 2014–15 „darunter“ nur Rest")
SRC_BA_BERUFE = "Statistik der Bundesagentur für Arbeit (nach Berufsgruppen der KldB 2010); eigene Berechnung"
MINT_NOTE = (
    "MINT-Berufe sind eine Näherung: die BA grenzt sie auf 5-stelligen Berufsgattungen ab (Spezifisches "
    "Berufsaggregat „MINT-Berufe“), hier zählen ganze 3-stellige Berufsgruppen (Liste in "
    "config/mint_berufe.toml). Summen über Berufsgruppen sind Untergrenzen, wo die BA Zellen nicht "
    "veröffentlicht. Land und Deutschland: Summen der Kreise."
)
POPULATION = (
    SourceTable("12411-02-03-4", "Bevölkerung nach Altersgruppen, Kreise (31.12.)"),
    SourceTable("12411-02-03-5", "Bevölkerung nach Altersgruppen, Gemeinden (31.12.)"),
)

EMPLOYMENT = (
    SourceTable("13111-02-02-4", "SV-Beschäftigte am Wohnort, Kreise (CSV 2012–2015, xlsx 2008–2019)"),
    SourceTable("13111-02-02-5", "SV-Beschäftigte am Wohnort, Gemeinden, 2015"),
    *POPULATION,
)


LEAVERS_JOINED = (
    *LEAVERS,
    SourceTable("INKAR bildung", "a_schul_oA: veröffentlichter Anteil für die Jahre ohne Rohdaten (2016–2022)"),
)


CHILDCARE_DATES = (
    "Zwei Stichtage: betreute Kinder am 01.03. des Jahres, Kinder dieses Alters in der Bevölkerung am "
    "31.12. des Vorjahres."
)
BOYS_NOTE = (
    " „Jungen“ sind alle Abgänge minus die Mädchen und schließen damit Personen mit Geschlecht „divers“ "
    "oder „ohne Angabe“ ein."
)


def _ohne(key: str, group: str, compute, joined: bool = False) -> Indicator:
    """The share without qualification for one sex; the variants differ in the group, and the
    all-leavers series is joined with INKAR's published shares for the years without counts."""
    definition = (
        f"Anteil der Abgängerinnen und Abgänger allgemeinbildender Schulen{group} ohne "
        "Hauptschulabschluss (ab 2024: ohne Ersten Schulabschluss) an allen Absolvierenden und "
        "Abgehenden des Schuljahres."
    )
    if joined:
        definition += (
            " 2016–2022 gibt es keine Rohdaten: dort steht der von INKAR (BBSR) veröffentlichte Anteil, "
            "ohne Zähler und Nenner."
        )
    if group == " (Jungen)":
        definition += BOYS_NOTE
    return Indicator(
        key=key,
        title=f"Abgänge ohne Hauptschulabschluss{group}",
        definition=definition,
        numerator=f"Abgänge ohne Hauptschulabschluss / ohne Ersten Schulabschluss{group}",
        denominator=f"Absolvierende und Abgehende insgesamt{group}",
        unit="%",
        direction=LOWER,
        handlungsfeld=ABSCHLUESSE,
        tables=LEAVERS_JOINED if joined else LEAVERS,
        levels=KREIS_UP,
        compute=compute,
        years_back=0,
        breaks=JOINED_BREAKS if joined else LEAVER_BREAKS,
        source=SRC_RS + ", Tabellen 21111-02-06-4 und 21111-02-06-4-B" + (f"; 2016–2022 {SRC_INKAR}" if joined else ""),
        gaps=() if joined else (SCHOOL_GAP,),
    )


def _inkar(key, title, definition, numerator, denominator, unit, direction, field, table, kuerzel, levels, breaks=()):
    return Indicator(
        key=key,
        title=title,
        definition=definition,
        numerator=numerator,
        denominator=denominator,
        unit=unit,
        direction=direction,
        handlungsfeld=field,
        tables=(SourceTable(f"INKAR {table}", f"Spalte {kuerzel}, wie von INKAR veröffentlicht"),),
        levels=levels,
        compute=inkar(f"INKAR {table}", kuerzel, key),
        years_back=0,
        breaks=breaks,
        source=f"{SRC_INKAR}, Indikator {kuerzel}",
    )


CATALOGUE: dict[str, Indicator] = {
    ind.key: ind
    for ind in (
        _ohne("ohne_abschluss_anteil", "", abschluesse.ohne_abschluss_anteil, joined=True),
        _ohne("ohne_abschluss_anteil_weiblich", " (Mädchen)", abschluesse.ohne_abschluss_anteil_weiblich),
        _ohne("ohne_abschluss_anteil_maennlich", " (Jungen)", abschluesse.ohne_abschluss_anteil_maennlich),
        Indicator(
            key="ohne_abschluss_geschlechterdifferenz",
            title="Abgänge ohne Abschluss: Abstand Jungen – Mädchen",
            definition=(
                "Anteil der Jungen ohne Hauptschulabschluss / Ersten Schulabschluss minus Anteil der "
                "Mädchen, in Prozentpunkten. Positiv: Jungen verlassen die Schule häufiger ohne Abschluss." + BOYS_NOTE
            ),
            numerator="Anteil Jungen ohne Abschluss (%)",
            denominator="Anteil Mädchen ohne Abschluss (%) wird abgezogen",
            unit="Pp.",
            direction=LOWER,
            handlungsfeld=ABSCHLUESSE,
            tables=LEAVERS,
            levels=KREIS_UP,
            compute=abschluesse.ohne_abschluss_geschlechterdifferenz,
            years_back=0,
            breaks=LEAVER_BREAKS,
            source=SRC_RS + ", Tabellen 21111-02-06-4 und 21111-02-06-4-B",
            gaps=(SCHOOL_GAP,),
        ),
        _inkar(
            "ohne_abschluss_anteil_inkar",
            "Abgänge ohne Hauptschulabschluss (INKAR)",
            "Anteil der Schulabgänger ohne Hauptschulabschluss an allen Schulabgängern, wie vom BBSR in "
            "INKAR veröffentlicht; schließt die Jahre 2016–2022 der Rohdaten-Reihe.",
            "Schulabgänger ohne Hauptschulabschluss",
            "Schulabgänger insgesamt",
            "%",
            LOWER,
            ABSCHLUESSE,
            "bildung",
            "a_schul_oA",
            KREIS_UP,
            breaks=(*LEAVER_BREAKS[:2], INKAR_2016, LEAVER_BREAKS[2]),
        ),
        Indicator(
            key="abschlussarten_verteilung",
            title="Abschlüsse der Schulabgänge",
            definition=(
                "Anteile der Abschlussarten an allen Absolvierenden und Abgehenden allgemeinbildender "
                "Schulen. Der schulische Teil der Fachhochschulreife ist eine Darunter-Position und wird "
                "nicht zu 100 % addiert."
            ),
            numerator="Abgänge mit der jeweiligen Abschlussart",
            denominator="Absolvierende und Abgehende insgesamt",
            unit="%",
            direction=NEUTRAL,
            handlungsfeld=ABSCHLUESSE,
            tables=LEAVERS,
            levels=KREIS_UP,
            compute=abschluesse.abschlussarten_verteilung,
            # No years_back: its rows come by category first, so recomputed years could not slot back in.
            breaks=tuple(sorted((*LEAVER_BREAKS, FHR_BREAK), key=lambda b: b.year)),
            source=SRC_RS + ", Tabellen 21111-02-06-4 und 21111-02-06-4-B",
            gaps=(SCHOOL_GAP,),
        ),
        Indicator(
            key="foerderschulquote",
            title="Förderschulquote",
            definition="Anteil der Schülerinnen und Schüler an Förderschulen an allen Schülerinnen und "
            "Schülern allgemeinbildender Schulen (Stichtag Schuljahresbeginn).",
            numerator="Schülerinnen und Schüler an Sonderschulen/Förderschulen",
            denominator="Schülerinnen und Schüler an allgemeinbildenden Schulen insgesamt",
            unit="%",
            direction=NEUTRAL,
            handlungsfeld=ABSCHLUESSE,
            tables=(SourceTable("21111-01-03-4", "Schüler nach Schularten, 2015 und 2023"),),
            levels=KREIS_UP,
            compute=schulen.foerderschulquote,
            years_back=0,
            source=SRC_RS + ", Tabelle 21111-01-03-4",
            gaps=(SCHOOL_GAP,),
        ),
        Indicator(
            key="schueler_nach_schulart",
            title="Schülerinnen und Schüler nach Schulart",
            definition="Anteil jeder Schulart an allen Schülerinnen und Schülern allgemeinbildender Schulen.",
            numerator="Schülerinnen und Schüler der Schulart",
            denominator="Schülerinnen und Schüler an allgemeinbildenden Schulen insgesamt",
            unit="%",
            direction=NEUTRAL,
            handlungsfeld=ABSCHLUESSE,
            tables=(SourceTable("21111-01-03-4", "Schüler nach Schularten, 2015 und 2023"),),
            levels=KREIS_UP,
            compute=schulen.schueler_nach_schulart,
            years_back=0,
            source=SRC_RS + ", Tabelle 21111-01-03-4",
            gaps=(SCHOOL_GAP,),
        ),
        Indicator(
            key="uebergangsbereich_anteil",
            title="Übergangsbereich (Näherung)",
            definition=(
                "Näherungswert, kein amtlicher Indikator: Schülerinnen und Schüler an Berufsschulen ohne "
                "Ausbildungsvertrag und an Berufsfachschulen, in % aller Schülerinnen und Schüler an "
                "Berufsschulen und Berufsfachschulen. Berufsfachschulen umfassen auch vollqualifizierende "
                "Bildungsgänge; BVJ/BGJ sind in der Tabelle nicht getrennt ausgewiesen."
            ),
            numerator="Berufsschulen (Schüler ohne Ausbildungsvertrag) + Berufsfachschulen",
            denominator="Berufsschulen + Berufsfachschulen",
            unit="%",
            direction=LOWER,
            handlungsfeld=UEBERGANG,
            tables=(SourceTable("21121-01-05-4", "Schüler an beruflichen Schulen nach Schulart, 2015"),),
            levels=KREIS_UP,
            compute=schulen.uebergangsbereich_anteil,
            years_back=0,
            source=SRC_RS + ", Tabelle 21121-01-05-4",
        ),
        _inkar(
            "ausbildungsplaetze_je_100",
            "Ausbildungsplätze je 100 Nachfragende",
            "Betriebliche Ausbildungsplätze (neue Verträge + unbesetzte Stellen) je 100 Nachfragende "
            "(neue Verträge + unversorgte Bewerber), wie vom BBSR in INKAR veröffentlicht.",
            "neu abgeschlossene Ausbildungsverträge + unbesetzte Ausbildungsstellen",
            "neu abgeschlossene Verträge + unversorgte Bewerberinnen und Bewerber",
            "je 100",
            HIGHER,
            UEBERGANG,
            "bildung",
            "q_auspl",
            KREIS_UP,
        ),
        _inkar(
            "azubis_je_1000_svb",
            "Auszubildende je 1.000 SV-Beschäftigte",
            "Sozialversicherungspflichtig beschäftigte Auszubildende (am Arbeitsort) je 1.000 "
            "sozialversicherungspflichtig Beschäftigte, wie vom BBSR in INKAR veröffentlicht. Schulische "
            "Ausbildungen ohne Ausbildungsvertrag zählen nicht mit.",
            "SV-beschäftigte Auszubildende am Arbeitsort",
            "SV-Beschäftigte am Arbeitsort",
            "je 1.000",
            HIGHER,
            UEBERGANG,
            "bildung",
            "a_azubi",
            KREIS_UP,
        ),
        _inkar(
            "berufsschueler_je_1000",
            "Schülerinnen und Schüler an Berufsschulen je 1.000 Einwohner",
            "Schülerinnen und Schüler an Berufsschulen (einschließlich Berufsvorbereitungsjahr, "
            "Berufsgrundbildungsjahr und berufsvorbereitender Maßnahmen der BA) je 1.000 Einwohnerinnen und "
            "Einwohner, wie vom BBSR in INKAR veröffentlicht.",
            "Schülerinnen und Schüler an Berufsschulen",
            "Einwohnerinnen und Einwohner",
            "je 1.000",
            NEUTRAL,
            UEBERGANG,
            "bildung",
            "q_bs",
            KREIS_UP,
        ),
        Indicator(
            key="jugendarbeitslosenquote",
            title="Jugendarbeitslosenquote (15 bis unter 25 Jahre)",
            definition="Arbeitslose von 15 bis unter 25 Jahren in % aller zivilen Erwerbspersonen dieses "
            "Alters, Jahresdurchschnitt, wie von der Bundesagentur für Arbeit veröffentlicht.",
            numerator="Arbeitslose 15 bis unter 25 Jahre (Jahresdurchschnitt)",
            denominator="zivile Erwerbspersonen 15 bis unter 25 Jahre (von der BA berechnet)",
            unit="%",
            direction=LOWER,
            handlungsfeld=ARBEITSMARKT,
            tables=(SourceTable("13211-02-05-4", "Arbeitslose und Arbeitslosenquoten, 2001–2016 und 2025"),),
            levels=KREIS_UP,
            compute=arbeitsmarkt.jugendarbeitslosenquote,
            source=SRC_RS + ", Tabelle 13211-02-05-4 (Quelle: Statistik der Bundesagentur für Arbeit)",
            gaps=(Gap(2021, 2024, UNBUNDLED.format(what="Tabelle 13211-02-05-4")),),
        ),
        Indicator(
            key="jugendarbeitslose_je_100",
            title="Junge Arbeitslose je 100 Einwohner (15 bis unter 25)",
            definition=(
                "Arbeitslose von 15 bis unter 25 Jahren (Jahresdurchschnitt) je 100 Einwohnerinnen und "
                "Einwohner dieses Alters am 31.12. des Vorjahres. Ersatzgröße für Gemeinden, für die es "
                "keine Arbeitslosenquote gibt."
            ),
            numerator="Arbeitslose 15 bis unter 25 Jahre (Jahresdurchschnitt)",
            denominator="Bevölkerung 15 bis unter 25 Jahre am 31.12. des Vorjahres",
            unit="je 100",
            direction=LOWER,
            handlungsfeld=ARBEITSMARKT,
            tables=(
                SourceTable("13211-02-05-4", "Arbeitslose 15 bis unter 25, Kreise"),
                SourceTable("13211-01-03-5", "Arbeitslose 15 bis unter 25, Gemeinden, 2016"),
                *POPULATION,
            ),
            levels=("gemeinde", "kreis", "land", "bund"),
            compute=arbeitsmarkt.jugendarbeitslose_je_100,
            years_back=1,  # 2025's rate divides by the population of 31.12.2024
            source=SRC_RS + ", Tabellen 13211-02-05-4, 13211-01-03-5, 12411-02-03-4/-5",
            gaps=(
                Gap(
                    2017,
                    2024,
                    UNBUNDLED.format(what="die Bevölkerung 15 bis unter 25 Jahre (12411) und die jungen Arbeitslosen"),
                ),
            ),
        ),
        *(
            Indicator(
                key=f"beschaeftigungsquote_{suffix}",
                title=f"Beschäftigungsquote {who}",
                definition=(
                    f"Sozialversicherungspflichtig beschäftigte {who} am Wohnort (30.06.) je 100 {who} "
                    "von 15 bis unter 65 Jahren (31.12. desselben Jahres)."
                ),
                numerator=f"SV-Beschäftigte {who} am Wohnort, 30.06.",
                denominator=f"{who} von 15 bis unter 65 Jahren, 31.12.",
                unit="%",
                direction=HIGHER,
                handlungsfeld=FRAUEN,
                tables=EMPLOYMENT,
                levels=("gemeinde", "kreis", "land", "bund"),
                compute=compute,
                years_back=0,
                source=SRC_RS + ", Tabellen 13111-02-02-4/-5 und 12411-02-03-4/-5",
            )
            for suffix, who, compute in (
                ("frauen", "Frauen", arbeitsmarkt.beschaeftigungsquote_frauen),
                ("maenner", "Männer", arbeitsmarkt.beschaeftigungsquote_maenner),
            )
        ),
        Indicator(
            key="beschaeftigungsquote_differenz",
            title="Beschäftigungsquote: Abstand Männer – Frauen",
            definition="Beschäftigungsquote der Männer minus Beschäftigungsquote der Frauen, in "
            "Prozentpunkten. Je größer, desto weiter liegt die Frauenerwerbstätigkeit zurück.",
            numerator="Beschäftigungsquote Männer (%)",
            denominator="Beschäftigungsquote Frauen (%) wird abgezogen",
            unit="Pp.",
            direction=LOWER,
            handlungsfeld=FRAUEN,
            tables=EMPLOYMENT,
            levels=("gemeinde", "kreis", "land", "bund"),
            compute=arbeitsmarkt.beschaeftigungsquote_differenz,
            years_back=0,
            source=SRC_RS + ", Tabellen 13111-02-02-4/-5 und 12411-02-03-4/-5",
        ),
        Indicator(
            key="frauenanteil_svb",
            title="Frauenanteil an den SV-Beschäftigten (BA)",
            definition=(
                "Sozialversicherungspflichtig beschäftigte Frauen am Wohnort in % aller "
                "sozialversicherungspflichtig Beschäftigten am Wohnort, Stichtag 30.06. Summen der "
                "Bundesagentur für Arbeit über die Berufsgruppen (KldB 2010): nicht veröffentlichte "
                "Berufsgruppen fehlen in Zähler und Nenner, die Anmerkung nennt ihre Zahl. "
                "Land: Summe seiner Kreise."
            ),
            numerator="SV-beschäftigte Frauen am Wohnort (Summe über Berufsgruppen)",
            denominator="SV-Beschäftigte am Wohnort insgesamt (Summe über Berufsgruppen)",
            unit="%",
            direction=HIGHER,
            handlungsfeld=FRAUEN,
            tables=(
                SourceTable(
                    "BA Beschäftigte",
                    "Wohnort (employees_by_residence), sozialversicherungspflichtig: Frauen und insgesamt",
                ),
            ),
            levels=("kreis", "land"),
            compute=arbeitsmarkt.frauenanteil_svb,
            years_back=0,
            source="Quelle: Statistik der Bundesagentur für Arbeit (Beschäftigte nach Berufsgruppen)",
        ),
        Indicator(
            key="arbeitslose_je_100_erwerbsfaehige",
            title="Arbeitslose je 100 Erwerbsfähige",
            definition=(
                "Arbeitslose (Jahresdurchschnitt) je 100 Einwohnerinnen und Einwohner von 15 bis unter 65 "
                "Jahren (31.12. desselben Jahres), beide aus INKAR (BBSR, Ausgabe 2024). Gemeinden ab 2001 "
                "(die Bevölkerung je Gemeinde beginnt dort 2001; 1998–2000 nennt die Tabelle mit der Zahl der "
                "Arbeitslosen und dem Grund), Kreise ab 1995; Land: Summe seiner Kreise. Keine amtliche "
                "Arbeitslosenquote (deren Nenner sind die Erwerbspersonen)."
            ),
            numerator="Arbeitslose, Jahresdurchschnitt",
            denominator="Bevölkerung 15 bis unter 65 Jahre, 31.12.",
            unit="je 100",
            direction=LOWER,
            handlungsfeld=BEVOELKERUNG,
            tables=(
                SourceTable("INKAR Arbeitslose", "Arbeitslose je Gemeinde (1998–2021) und Kreis (1995–2021)"),
                SourceTable(
                    "INKAR Erwerbsfähige Bevölkerung (15 bis unter 65 Jahre)",
                    "Bevölkerung 15 bis unter 65 je Gemeinde (2001–2021) und Kreis (1995–2021)",
                ),
            ),
            levels=("gemeinde", "kreis", "land"),
            compute=arbeitsmarkt.arbeitslose_je_100_erwerbsfaehige,
            source=f"{SRC_INKAR} (Ausgabe 2024); Statistik der Bundesagentur für Arbeit",
        ),
        Indicator(
            key="svb_ohne_berufsabschluss_anteil",
            title="SV-Beschäftigte ohne Berufsabschluss",
            definition=(
                "Sozialversicherungspflichtig Beschäftigte am Wohnort ohne beruflichen Ausbildungsabschluss in % "
                "aller SV-Beschäftigten am Wohnort, Stichtag 30.06. (BA-Sonderauswertung, Auftragsnummer "
                "326108). Beschäftigte mit unbekanntem Abschluss zählen im Nenner mit. Bis 2011 „ohne "
                "Berufsausbildung“ (altes Meldeverfahren), ab 2013 „ohne Berufsabschluss“; 2012 weist die BA "
                "nichts aus. Das Land: Summe seiner Kreise, nur in Jahren, in denen die BA alle heutigen Kreise "
                "ausweist."
            ),
            numerator="SV-Beschäftigte am Wohnort ohne Berufsausbildung / ohne Berufsabschluss",
            denominator="SV-Beschäftigte am Wohnort insgesamt",
            unit="%",
            direction=LOWER,
            handlungsfeld=UEBERGANG,
            tables=(
                SourceTable(
                    "BA Auftrag 326108",
                    "Kreise_WO_Zeitreihe.xlsx: Anzahl insgesamt und ohne Berufsausbildung/-abschluss, 2002–2021",
                ),
            ),
            levels=("kreis", "land", "bund"),
            compute=arbeitsmarkt.svb_ohne_berufsabschluss_anteil,
            years_back=0,
            breaks=(Break(2012, "BA: neues Meldeverfahren, 2012 kein Nachweis, Abschlüsse neu erfasst"),),
            source="Quelle: Statistik der Bundesagentur für Arbeit, Auftragsnummer 326108",
        ),
        Indicator(
            key="beschaeftigtenquote",
            title="Beschäftigtenquote (SV-Beschäftigte je 100 Erwerbsfähige)",
            definition=(
                "Sozialversicherungspflichtig Beschäftigte am Wohnort (30.06.) je 100 Einwohnerinnen und "
                "Einwohner von 15 bis unter 65 Jahren (31.12.), Formel und Zahlen aus INKAR (BBSR). Kreise "
                "aus den Zahlen der Ausgabe 2024 berechnet (bis 2021), das Land als Summe seiner Kreise; "
                "Gemeinden: die von INKAR (Ausgabe 2021) veröffentlichte Quote, 2001–2019, ohne "
                "Zähler und Nenner. Männer und Frauen zusammen."
            ),
            numerator="SV-Beschäftigte am Wohnort, 30.06.",
            denominator="Bevölkerung 15 bis unter 65 Jahre, 31.12.",
            unit="%",
            direction=HIGHER,
            handlungsfeld=BEVOELKERUNG,
            tables=(
                SourceTable("INKAR Sozialversicherungspflichtig Beschäftigte am Wohnort", "Kreise 1997–2021"),
                SourceTable("INKAR Erwerbsfähige Bevölkerung (15 bis unter 65 Jahre)", "Kreise 1995–2021"),
                SourceTable("INKAR Beschäftigtenquote", "Gemeinden 2001–2019, wie veröffentlicht"),
            ),
            levels=("gemeinde", "kreis", "land"),
            compute=arbeitsmarkt.beschaeftigtenquote,
            years_back=0,
            source=f"{SRC_INKAR} (Ausgaben 2021 und 2024); Statistik der Bundesagentur für Arbeit",
        ),
        Indicator(
            key="arbeitslose_je_stelle",
            title="Arbeitslose je gemeldete Stelle",
            definition=(
                "Arbeitslose mit diesem Zielberuf je bei der Bundesagentur für Arbeit gemeldete "
                "Arbeitsstelle der Berufsgruppe (KldB 2010, 3-stellig), beides Jahresdurchschnitte. "
                "Niedriger heißt: weniger Bewerber je Stelle, der Markt ist enger. Eine Näherung an die "
                "Engpassanalyse der BA, nicht die Engpassanalyse selbst (diese nutzt weitere Merkmale wie "
                "Vakanzzeiten). Unter 10 gemeldeten Stellen wird kein Wert gezeigt (Basis zu klein). "
                "Land und Deutschland: Summen der Kreise."
            ),
            numerator="Arbeitslose nach Zielberuf, Jahresdurchschnitt",
            denominator="gemeldete Arbeitsstellen, Jahresdurchschnitt",
            unit="je Stelle",
            direction=NEUTRAL,
            handlungsfeld=FACHKRAEFTE,
            tables=(
                SourceTable(berufe.UNEMPLOYED, "Arbeitslose nach Zielberuf (insgesamt) je Kreis und Berufsgruppe"),
                SourceTable(berufe.JOBS, "gemeldete Arbeitsstellen (insgesamt) je Kreis und Berufsgruppe"),
            ),
            levels=KREIS_UP,
            compute=berufe.arbeitslose_je_stelle,
            years_back=0,
            source=SRC_BA_BERUFE,
        ),
        Indicator(
            key="frauenanteil_beruf",
            title="Frauenanteil nach Berufsgruppe",
            definition=(
                "Sozialversicherungspflichtig beschäftigte Frauen am Wohnort in % aller "
                "sozialversicherungspflichtig Beschäftigten am Wohnort der Berufsgruppe (KldB 2010, "
                "3-stellig), Stichtag 30.06. Land und Deutschland: Summen der Kreise."
            ),
            numerator="SV-beschäftigte Frauen am Wohnort der Berufsgruppe",
            denominator="SV-Beschäftigte am Wohnort der Berufsgruppe",
            unit="%",
            direction=NEUTRAL,
            handlungsfeld=FACHKRAEFTE,
            tables=(SourceTable(berufe.RESIDENCE, "social insurance: women und total je Berufsgruppe"),),
            levels=KREIS_UP,
            compute=berufe.frauenanteil_beruf,
            years_back=0,
            source=SRC_BA_BERUFE,
        ),
        Indicator(
            key="mint_anteil_beschaeftigte",
            title="Anteil der Beschäftigten in MINT-Berufen",
            definition=(
                "Sozialversicherungspflichtig Beschäftigte am Wohnort in MINT-Berufen in % aller "
                "sozialversicherungspflichtig Beschäftigten am Wohnort, Stichtag 30.06. " + MINT_NOTE
            ),
            numerator="SV-Beschäftigte am Wohnort in den MINT-Berufsgruppen (config/mint_berufe.toml)",
            denominator="SV-Beschäftigte am Wohnort, alle Berufsgruppen",
            unit="%",
            direction=HIGHER,
            handlungsfeld=FACHKRAEFTE,
            tables=(SourceTable(berufe.RESIDENCE, "social insurance: total je Berufsgruppe"),),
            levels=KREIS_UP,
            compute=berufe.mint_anteil_beschaeftigte,
            years_back=0,
            source=SRC_BA_BERUFE,
        ),
        Indicator(
            key="frauenanteil_mint",
            title="Frauenanteil in MINT-Berufen",
            definition=(
                "Sozialversicherungspflichtig beschäftigte Frauen am Wohnort in MINT-Berufen in % aller "
                "sozialversicherungspflichtig Beschäftigten am Wohnort in MINT-Berufen, Stichtag 30.06. " + MINT_NOTE
            ),
            numerator="SV-beschäftigte Frauen am Wohnort in den MINT-Berufsgruppen",
            denominator="SV-Beschäftigte am Wohnort in den MINT-Berufsgruppen",
            unit="%",
            direction=HIGHER,
            handlungsfeld=FACHKRAEFTE,
            tables=(SourceTable(berufe.RESIDENCE, "social insurance: women und total je Berufsgruppe"),),
            levels=KREIS_UP,
            compute=berufe.frauenanteil_mint,
            years_back=0,
            source=SRC_BA_BERUFE,
        ),
        _inkar(
            "betreuungsquote_u3",
            "Betreuungsquote unter 3-Jährige",
            "Kinder unter 3 Jahren in Kindertageseinrichtungen und in Kindertagespflege je 100 Kinder dieses "
            "Alters, wie vom BBSR in INKAR veröffentlicht (dort „in Kindertageseinrichtungen“ genannt; die "
            "Werte entsprechen Kita plus Kindertagespflege). " + CHILDCARE_DATES,
            "Kinder unter 3 Jahren in Kindertageseinrichtungen und Kindertagespflege (01.03.)",
            "Kinder unter 3 Jahren (31.12. des Vorjahres)",
            "%",
            HIGHER,
            FRUEHE_BILDUNG,
            "kinderbetreuung",
            "a_betr0003_bev0003",
            KREIS_UP,
        ),
        _inkar(
            "betreuungsquote_3_6",
            "Betreuungsquote 3- bis unter 6-Jährige",
            "Kinder von 3 bis unter 6 Jahren in Kindertageseinrichtungen und in Kindertagespflege je 100 "
            "Kinder dieses Alters, wie vom BBSR in INKAR veröffentlicht (dort „in Kindertageseinrichtungen“ "
            "genannt; die Werte entsprechen Kita plus Kindertagespflege). " + CHILDCARE_DATES,
            "Kinder von 3 bis unter 6 Jahren in Kindertageseinrichtungen und Kindertagespflege (01.03.)",
            "Kinder von 3 bis unter 6 Jahren (31.12. des Vorjahres)",
            "%",
            HIGHER,
            FRUEHE_BILDUNG,
            "kinderbetreuung",
            "a_betr0306_bev0306",
            KREIS_UP,
        ),
        Indicator(
            key="bevoelkerung_bildungsalter",
            title="Bevölkerung im Bildungsalter",
            definition="Einwohnerinnen und Einwohner nach bildungsrelevanten Altersgruppen am 31.12.",
            numerator="Bevölkerung der Altersgruppe",
            denominator=None,
            unit="Anzahl",
            direction=NEUTRAL,
            handlungsfeld=BEVOELKERUNG,
            tables=POPULATION,
            levels=("gemeinde", "kreis", "land", "bund"),
            compute=bevoelkerung.bevoelkerung_bildungsalter,
            source=SRC_RS + ", Tabellen 12411-02-03-4 und 12411-02-03-5",
            gaps=(Gap(2016, 2022, UNBUNDLED.format(what="die Bevölkerung nach Altersgruppen (12411-02-03-4)")),),
        ),
        _inkar(
            "sgb2_quote_u15",
            "Kinder unter 15 in SGB-II-Bedarfsgemeinschaften",
            "Nicht erwerbsfähige SGB-II-Leistungsberechtigte unter 15 Jahren je 100 Einwohner unter 15 "
            "Jahren (Kinderarmut), wie vom BBSR in INKAR veröffentlicht.",
            "nicht erwerbsfähige Leistungsberechtigte unter 15 Jahren",
            "Einwohner unter 15 Jahren",
            "je 100",
            LOWER,
            BEVOELKERUNG,
            "sozialleistungen",
            "q_newfBGu15_bev",
            ("gemeinde", "kreis", "land", "bund"),
        ),
        Indicator(
            key="ohne_abschluss_schule",
            title="Abgänge ohne Abschluss je Schule (eigene Daten)",
            definition="Anteil der Abgängerinnen und Abgänger ohne Ersten Schulabschluss an allen Abgängen "
            "der Schule bzw. Gemeinde, aus den eigenen Erhebungen des Bildungsbüros. Kleine Fallzahlen "
            "werden unterdrückt.",
            numerator="abgaenge_ohne_abschluss",
            denominator="abgaenge_insgesamt",
            unit="%",
            direction=LOWER,
            handlungsfeld=SCHULE_LOKAL,
            tables=(SourceTable("EIGENE Schuldaten", "Vorlage data/templates, Merkmale abgaenge_*"),),
            levels=("schule", "gemeinde"),
            compute=lokal.ohne_abschluss_schule,
            source="Bildungsbüro, eigene Erhebung",
        ),
        Indicator(
            key="absentismus_je_1000",
            title="Verfahren wegen Schulabsentismus je 1.000 Schüler (eigene Daten)",
            definition="Eingeleitete Verfahren wegen Schulabsentismus je 1.000 Schülerinnen und Schüler der "
            "Schule bzw. Gemeinde, aus den eigenen Erhebungen des Bildungsbüros. Kleine Fallzahlen werden "
            "unterdrückt.",
            numerator="absentismus_verfahren",
            denominator="schueler_insgesamt",
            unit="je 1.000",
            direction=LOWER,
            handlungsfeld=SCHULE_LOKAL,
            tables=(
                SourceTable(
                    "EIGENE Schuldaten",
                    "Vorlage data/templates, Merkmale absentismus_verfahren, schueler_insgesamt",
                ),
            ),
            levels=("schule", "gemeinde"),
            compute=lokal.absentismus_je_1000,
            source="Bildungsbüro, eigene Erhebung",
        ),
    )
}


def evaluate(key: str, obs: pd.DataFrame, threshold: int = SUPPRESSION_THRESHOLD) -> pd.DataFrame:
    """Compute indicator `key` from observations of its tables (see store.queries.observations).

    The suppression policy (indicators.suppression) is applied here, once for every consumer:
    published official values are shown as published; the office's own data pass the small-count
    suppression with its school/Gemeinde/Kreis relations, so no page can forget it.
    """
    indicator = CATALOGUE[key]
    result = indicator.compute(obs)
    if not indicator.own_data:
        return result
    return suppress(result, threshold, relations=lokal.RELATIONS)
