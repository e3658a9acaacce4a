# ruff: noqa: E501 – one bad file per line reads best as a table
"""A corpus of SYNTHETIC bad files, one or more per importer, written by tests (never real statistics).

Each case is (file name, content builder, expected German fragment, expected line or None). The
files are small valid files of each format with exactly one thing broken, so a refusal proves the
check for that thing. Names, figures and table codes are invented ("Testkreis", "SYNTH-…").
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd


@dataclass(frozen=True)
class BadFile:
    case: str  # test id
    name: str  # file name as uploaded
    write: Callable[[Path], None]  # writes the file to the given path
    fragment: str  # part of the German message
    line: int | None  # line (or sheet row) the message names; None when the file as a whole is wrong


def text(content: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(content, encoding="utf-8")


# --- GENESIS classic table (store.importers.genesis_csv); data row is line 5. -----------------------
def genesis(row: str = "2024;03453;Testkreis;100;50", stand: str = "28.03.2026", rows: str | None = None) -> str:
    data = rows if rows is not None else row + "\n"
    return (
        "Tabelle: SYNTH-21111\n"
        "Synthetische Testtabelle - regionale Ebenen (Anzahl)\n"
        ";;;Insgesamt;Insgesamt\n"
        ";;;Insgesamt;weiblich\n"
        f"{data}"
        "__________\n"
        "Synthetische Testdaten, nicht real.\n"
        f"Stand: {stand} / 02:37:02\n"
    )


# --- GENESIS flat file (genesis_ffcsv); data rows from line 2. ----------------------------------------
FF_HEADER = (
    "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;"
    "1_variable_attribute_code;1_variable_attribute_label;value;value_unit;value_variable_code;value_variable_label\n"
)


def ff_row(time: str = "2023", key: str = "03453", name: str = "Testkreis", value: str = "12") -> str:
    return (
        f"99999;Synthetische Statistik;JAHR;Jahr;{time};KREISE;Kreise;{key};{name};{value};Anzahl;SYN01;Testmerkmal\n"
    )


def ffcsv(*rows: str) -> str:
    return FF_HEADER + "".join(rows or (ff_row(),))


def padded_ff(bad_row: str) -> str:
    """Valid rows past the first 4 KiB, then the bad one: the binary sniff only reads the head."""
    good = [ff_row(key=f"03{k:03d}") for k in range(401, 461)]
    return ffcsv(*good, bad_row)


# --- INKAR extract (inkar_csv); needs an "inkar_<table>_" name. ----------------------------------------
INKAR_HEADER = "raumbezug,kennziffer,name,zeitbezug,syn_a,syn_b\n"


def inkar(row: str = "Kreise,03453000,Testkreis,2020,1.5,2.5", header: str = INKAR_HEADER) -> str:
    return header + row + "\n"


# --- BA sums (ba_csv). ------------------------------------------------------------------------------
BA_EMP = "dataset,region,year,type,group,n_sum,n_cells,n_suppressed\n"
BA_UNEMP = (
    "dataset,region,year,total,women,total_n_missing,women_n_missing,social_insurance,social_insurance_n_missing\n"
)


def ba(row: str = "employees_by_residence,03453,2020,total,total,100,10,0") -> str:
    return BA_EMP + row + "\n"


# --- Population long file (bevoelkerung_long_csv). ---------------------------------------------------
POP_HEADER = "jahr;region_code;region;ebene;bundesland_code;altersgruppe;insgesamt;maennlich;weiblich\n"


def population(row: str = "2023;03453;Testkreis;Kreis;03;unter 3 Jahre;30;16;14") -> str:
    return POP_HEADER + row + "\n"


# --- Own-data template, CSV and xlsx (template). ------------------------------------------------------
TEMPLATE_HEADER = "schuljahr;region_code;schule;merkmal;anzahl;quelle\n"


def own(row: str = "2023/24;03453004;Testschule (synthetisch);abgaenge_insgesamt;40;synthetisch") -> str:
    return TEMPLATE_HEADER + row + "\n"


def workbook_bytes(sheets: dict[str, list[list]], shown_rows: dict[str, int] | None = None) -> bytes:
    """An xlsx; shown_rows declares a smaller <dimension> than the sheet really has (hides rows)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    if not shown_rows:
        return buffer.getvalue()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            for index, title in enumerate(sheets, start=1):
                if item.filename == f"xl/worksheets/sheet{index}.xml" and title in shown_rows:
                    last = shown_rows[title]
                    data = re.sub(rb'<dimension ref="A1:([A-Z]+)\d+"', rb'<dimension ref="A1:\g<1>%d"' % last, data)
            target.writestr(item, data)
    return out.getvalue()


def own_xlsx(*rows: list, shown_rows: int | None = None) -> Callable[[Path], None]:
    header = ["schuljahr", "region_code", "schule", "merkmal", "anzahl", "quelle"]
    content = workbook_bytes({"Daten": [header, *rows]}, {"Daten": shown_rows} if shown_rows else None)
    return lambda path: path.write_bytes(content)


GOOD_OWN_ROW = ["2023/24", "03453004", "Testschule (synthetisch)", "abgaenge_insgesamt", 40, "synthetisch"]


# --- SvB workbook (svb_xlsx); sheet rows: 1 spanning label, 2 header, 3 Stichtag, 4 data. --------------
SVB_HEADER = [
    "id",
    "name",
    "Insgesamt",
    "männlich",
    "weiblich",
    "Ausländer(innen)-Insgesamt",
    "Ausländer(innen)-männlich",
    "Ausländer(innen)-weiblich",
]


def svb(
    data: list | None = None, stichtag: str = "30.06.2019", stand: str = "13.12.2020", shown_rows: int | None = None
) -> Callable[[Path], None]:
    rows = [["Nationalität"], SVB_HEADER, [stichtag], data or ["03453", "Testkreis", 10, 6, 4, 2, 1, 1]]
    sheets = {
        "13111-01-03-4": rows,
        "metadata": [["Synthetische SvB-Tabelle - regionale Tiefe: Kreise"], ["Test"], ["Beschäftigte (Anzahl)"]],
        "footnote": [["Synthetische Testdaten, nicht real."], [f"Stand: {stand} / 23:25:10"]],
    }
    extra = rows + [["99999", "Testkreis", 1, 1, 0, 0, 0, 0]] if shown_rows else rows
    sheets["13111-01-03-4"] = extra
    content = workbook_bytes(sheets, {"13111-01-03-4": shown_rows} if shown_rows else None)
    return lambda path: path.write_bytes(content)


def inkar_xlsx(value: object) -> Callable[[Path], None]:
    """An INKAR Excel export (sheets Daten, Metadaten, Quellangabe) with one Kreis value."""
    sheets = {
        "Daten": [["Kennziffer", "Raumeinheit", "Aggregat", "Arbeitslose"], ["", "", "", "2019"]]
        + [["03453", "Testkreis", "Kreise", value]],
        "Metadaten": [["Kurzname", "Name", "Beschreibung"], ["Arbeitslose", "Arbeitslose", "synthetisch"]],
        "Quellangabe": [["Datenquelle: INKAR (synthetische Testdatei)"]],
    }
    return lambda path: path.write_bytes(workbook_bytes(sheets))


def ba_zeitreihe(
    value: object = 10, region: str = "03453 Testkreis", stichtag: object = None, extra: tuple = ()
) -> Callable[[Path], None]:
    """A BA time-series workbook: Impressum + one data sheet; sheet rows 1 title, 2 header, 3 Stichtag, 4 data."""
    sheets = {
        "Impressum": [
            ["Impressum"],
            ["Titel:", "", "Synthetische Testdaten, nicht real"],
            ["Herausgeberin:", "", "Bundesagentur für Arbeit (synthetische Testdatei)"],
            ["Erstellungsdatum:", "", "01.01.2020"],
        ],
        "SYNTH_Anzahl": [
            ["Synthetische Testtabelle (Anzahl)"],
            ["Region (Wohnort)", "Insgesamt"],
            ["", stichtag or datetime(2019, 6, 30)],
            [region, value],
            *extra,
            ["Erstellungsdatum: 01.01.2020, synthetisch"],
        ],
    }
    return lambda path: path.write_bytes(workbook_bytes(sheets))


def ba_parquet(region: str = "03453", n: float = 100.0) -> Callable[[Path], None]:
    """A BA occupation file (employees at residence) with one cell."""
    frame = pd.DataFrame(
        {
            "region": [region],
            "occupational_group": ["111"],
            "year": [2020],
            "type": ["total"],
            "group": ["total"],
            "n": [n],
        }
    )
    return lambda path: frame.to_parquet(path)


COUNT = "keine mögliche Anzahl"
NUMBER = "keine Zahl in der Schreibweise"
FINITE = "keine endliche Zahl"
PERIOD = "Zeitraum"
KEY = "Regionalschlüssel"
CONTROL = "Steuerzeichen"
EMPTY = "keine Datenzeilen"
FIELDS = "Felder"

CORPUS = [
    # GENESIS classic: values, periods, Stand, keys, names, empty
    BadFile("genesis-negative", "g1.csv", text(genesis("2024;03453;Testkreis;-5;2")), COUNT, 5),
    BadFile("genesis-fraction", "g2.csv", text(genesis("2024;03453;Testkreis;12,5;2")), COUNT, 5),
    BadFile("genesis-thousands-dot", "g3.csv", text(genesis("2024;03453;Testkreis;1.234;2")), COUNT, 5),
    BadFile("genesis-underscore", "g4.csv", text(genesis("2024;03453;Testkreis;1_000;2")), NUMBER, 5),
    BadFile("genesis-1e308", "g5.csv", text(genesis("2024;03453;Testkreis;1e308;2")), FINITE, 5),
    BadFile("genesis-inf", "g6.csv", text(genesis("2024;03453;Testkreis;inf;2")), FINITE, 5),
    BadFile("genesis-nan", "g7.csv", text(genesis("2024;03453;Testkreis;NaN;2")), FINITE, 5),
    BadFile("genesis-arabic-digits", "g8.csv", text(genesis("2024;03453;Testkreis;٤٠;2")), NUMBER, 5),
    BadFile("genesis-implausible", "g9.csv", text(genesis("2024;03453;Testkreis;200000000;2")), COUNT, 5),
    BadFile("genesis-31-february", "g10.csv", text(genesis("31.02.2024;03453;Testkreis;5;2")), PERIOD, 5),
    BadFile("genesis-year-9999", "g11.csv", text(genesis("9999;03453;Testkreis;5;2")), PERIOD, 5),
    BadFile("genesis-stand-31-february", "g12.csv", text(genesis(stand="31.02.2024")), "Stand-Datum", 8),
    BadFile("genesis-stand-future", "g13.csv", text(genesis(stand="01.01.2099")), "Stand-Datum", None),
    BadFile("genesis-key-99999", "g14.csv", text(genesis("2024;99999;Testkreis;5;2")), KEY, 5),
    BadFile("genesis-land-17", "g15.csv", text(genesis("2024;17001;Testkreis;5;2")), KEY, 5),
    BadFile("genesis-control-in-name", "g16.csv", text(genesis("2024;03453;Clop\x1bpenburg;5;2")), CONTROL, 5),
    BadFile("genesis-header-only", "g17.csv", text(genesis(rows="")), EMPTY, 5),
    # GENESIS flat file
    BadFile("ffcsv-2017-13-45", "f1.csv", text(ffcsv(ff_row(time="2017-13-45"))), PERIOD, 2),
    BadFile("ffcsv-extra-field", "f2.csv", text(ffcsv(ff_row().rstrip("\n") + ";zuviel\n")), FIELDS, 2),
    BadFile("ffcsv-header-only", "f3.csv", text(FF_HEADER), "nur die Kopfzeile", 1),
    BadFile("ffcsv-negative", "f4.csv", text(ffcsv(ff_row(value="-3"))), COUNT, 2),
    BadFile("ffcsv-nul-after-4k", "f5.csv", text(padded_ff(ff_row(name="Clop\x00penburg"))), CONTROL, 62),
    BadFile("ffcsv-key-99999", "f6.csv", text(ffcsv(ff_row(key="99999"))), KEY, 2),
    BadFile("ffcsv-1e308", "f7.csv", text(ffcsv(ff_row(value="1e308"))), FINITE, 2),
    BadFile("ffcsv-year-0999", "f8.csv", text(ffcsv(ff_row(time="0999"))), PERIOD, 2),
    # INKAR
    BadFile(
        "inkar-duplicate-column",
        "inkar_synth_kreise.csv",
        text(inkar(header="raumbezug,kennziffer,name,zeitbezug,syn_a,syn_a\n")),
        "doppelt",
        1,
    ),
    BadFile("inkar-extra-field", "inkar_synth_x.csv", text(inkar("Kreise,03453000,Testkreis,2020,1,2,3")), FIELDS, 2),
    BadFile("inkar-year-9999", "inkar_synth_y.csv", text(inkar("Kreise,03453000,Testkreis,9999,1,2")), PERIOD, 2),
    BadFile("inkar-header-only", "inkar_synth_z.csv", text(INKAR_HEADER), EMPTY, None),
    BadFile("inkar-inf", "inkar_synth_i.csv", text(inkar("Kreise,03453000,Testkreis,2020,inf,2")), FINITE, 2),
    BadFile("inkar-arabic", "inkar_synth_a.csv", text(inkar("Kreise,03453000,Testkreis,2020,٤٠,2")), "keine Zahl", 2),
    BadFile("inkar-control", "inkar_synth_c.csv", text(inkar("Kreise,03453000,Test\x07kreis,2020,1,2")), CONTROL, 2),
    BadFile("inkar-land-99", "inkar_synth_l.csv", text(inkar("Bundesländer,99,Testland,2020,1,2")), KEY, 2),
    # BA
    BadFile(
        "ba-text-count",
        "b1.csv",
        text(ba("employees_by_residence,03453,2020,total,total,100,10,viele")),
        "keine Anzahl",
        2,
    ),
    BadFile(
        "ba-text-value", "b2.csv", text(ba("employees_by_residence,03453,2020,total,total,abc,10,0")), "keine Zahl", 2
    ),
    BadFile("ba-negative", "b3.csv", text(ba("employees_by_residence,03453,2020,total,total,-5,10,0")), COUNT, 2),
    BadFile("ba-extra-field", "b4.csv", text(ba("employees_by_residence,03453,2020,total,total,5,10,0,1")), FIELDS, 2),
    BadFile("ba-header-only", "b5.csv", text(BA_EMP), EMPTY, None),
    BadFile("ba-year-0999", "b6.csv", text(ba("employees_by_residence,03453,0999,total,total,5,10,0")), PERIOD, 2),
    BadFile("ba-fraction", "b7.csv", text(ba("employees_by_residence,03453,2020,total,total,12.5,10,0")), COUNT, 2),
    BadFile("ba-key-99999", "b8.csv", text(ba("employees_by_residence,99999,2020,total,total,5,10,0")), KEY, 2),
    BadFile("ba-1e308-average", "b9.csv", text(BA_UNEMP + "unemployed_total,03453,2020,1e308,1,0,0,,\n"), FINITE, 2),
    BadFile(
        "ba-implausible-average", "b10.csv", text(BA_UNEMP + "unemployed_total,03453,2020,2e8,1,0,0,,\n"), COUNT, 2
    ),
    # Population long file
    BadFile(
        "population-extra-field",
        "p1.csv",
        text(population("2023;03453;T;Kreis;03;unter 3 Jahre;30;16;14;9")),
        FIELDS,
        2,
    ),
    BadFile(
        "population-year-9999", "p2.csv", text(population("9999;03453;T;Kreis;03;unter 3 Jahre;30;16;14")), PERIOD, 2
    ),
    BadFile(
        "population-negative", "p3.csv", text(population("2023;03453;T;Kreis;03;unter 3 Jahre;-30;16;14")), COUNT, 2
    ),
    BadFile("population-header-only", "p4.csv", text(POP_HEADER), EMPTY, None),
    BadFile("population-land-17", "p5.csv", text(population("2023;17000;T;Kreis;17;unter 3 Jahre;30;16;14")), KEY, 2),
    # Own-data template, CSV
    BadFile("own-2999-00", "o1.csv", text(own("2999/00;03453004;Schule;abgaenge_insgesamt;4;x")), PERIOD, 2),
    BadFile("own-0999-1000", "o2.csv", text(own("0999/1000;03453004;Schule;abgaenge_insgesamt;4;x")), PERIOD, 2),
    BadFile(
        "own-school-outside",
        "o3.csv",
        text(own("2023/24;03459;Schule;abgaenge_insgesamt;4;x")),
        "nicht im Heimatkreis Landkreis Cloppenburg",
        2,
    ),
    BadFile(
        "own-arabic-digits", "o4.csv", text(own("2023/24;03453004;Schule;abgaenge_insgesamt;٤٠;x")), "ganze Zahl", 2
    ),
    BadFile("own-extra-cell", "o5.csv", text(own("2023/24;03453004;Schule;abgaenge_insgesamt;4;x;zuviel")), FIELDS, 2),
    BadFile("own-header-only", "o6.csv", text(TEMPLATE_HEADER), "nur die Kopfzeile", 1),
    BadFile(
        "own-control-in-school", "o7.csv", text(own("2023/24;03453004;Sch\x1bule;abgaenge_insgesamt;4;x")), CONTROL, 2
    ),
    BadFile(
        "own-thousands-dot", "o8.csv", text(own("2023/24;03453004;Schule;schueler_insgesamt;1.234;x")), "ganze Zahl", 2
    ),
    # Own-data template, xlsx
    BadFile("own-xlsx-formula", "x1.xlsx", own_xlsx(GOOD_OWN_ROW[:4] + ["=10*4", "x"]), "Formel", 2),
    BadFile(
        "own-xlsx-hidden-row",
        "x2.xlsx",
        own_xlsx(GOOD_OWN_ROW, GOOD_OWN_ROW[:4] + [-1, "x"], shown_rows=2),
        "negativ",
        3,
    ),
    BadFile("own-xlsx-2999-00", "x3.xlsx", own_xlsx(["2999/00", *GOOD_OWN_ROW[1:]]), PERIOD, 2),
    # SvB workbook
    BadFile("svb-stand-31-february", "s1.xlsx", svb(stand="31.02.2020"), "Stand-Datum", None),
    BadFile("svb-stichtag-31-february", "s2.xlsx", svb(stichtag="31.02.2019"), PERIOD, 4),
    BadFile("svb-hidden-row", "s3.xlsx", svb(shown_rows=4), KEY, 5),
    BadFile("svb-negative", "s4.xlsx", svb(["03453", "Testkreis", -10, 6, 4, 2, 1, 1]), COUNT, 4),
    # INKAR Excel export and BA occupation data (Parquet)
    BadFile("inkarxlsx-text-value", "ix1.xlsx", inkar_xlsx("viele"), "keine Zahl", 3),
    BadFile("inkarxlsx-1e308", "ix2.xlsx", inkar_xlsx(1e308), FINITE, 3),
    # BA time-series workbook (Impressum + data sheets)
    BadFile("bazr-text-value", "z1.xlsx", ba_zeitreihe("viele"), "weder eine Zahl", 4),
    BadFile("bazr-negative", "z2.xlsx", ba_zeitreihe(-5), COUNT, 4),
    BadFile("bazr-fraction", "z3.xlsx", ba_zeitreihe(12.5), COUNT, 4),
    BadFile("bazr-key-99999", "z4.xlsx", ba_zeitreihe(region="99999 Testkreis"), KEY, 4),
    BadFile("bazr-key-without-name", "z5.xlsx", ba_zeitreihe(region="Testkreis"), KEY, 4),
    BadFile("bazr-values-without-region", "z7.xlsx", ba_zeitreihe(extra=(["", 12],)), "ohne Region", 5),
    BadFile("bazr-stichtag-31-february", "z6.xlsx", ba_zeitreihe(stichtag="31.02.2019"), PERIOD, 4),
    BadFile("baparquet-negative", "employees_by_residence_b1.parquet", ba_parquet(n=-5.0), COUNT, 1),
    BadFile("baparquet-fraction", "employees_by_residence_b2.parquet", ba_parquet(n=12.5), COUNT, 1),
]
