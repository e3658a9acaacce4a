"""Names from data are shown as text, never run as Markdown: no image from any host, no styling.

A store copy gets a Kreis (03454), a Gemeinde (03453004), an own-data file and a deck whose names are Markdown that
would load an image (SYNTHETIC names, set only in the test's private copy).
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from deck.model import Deck, TitleSlide, save_deck
from store import build
from store.results import refresh
from tests.app_pages import elements

EVIL = "![x](https://example.invalid/x.png) :red[rot] **fett**"
ESCAPED = r"\!\[x\]\(https\:\/\/example\.invalid\/x\.png\)"


@pytest.fixture
def evil_store(open_app, store_db, tmp_path, monkeypatch):
    """open_app points the app at the session store; this fixture then points it at the copy."""
    copy = tmp_path / "store.duckdb"
    shutil.copyfile(store_db, copy)
    monkeypatch.setattr(build, "IMPORTS_DIR", tmp_path / "imports")
    own = tmp_path / "![x](x.png).csv"  # a file name is data too
    own.write_text(
        "schuljahr;region_code;schule;merkmal;anzahl;quelle\n"
        "2023/24;03453004;Testschule 1;abgaenge_insgesamt;40;synthetische Testdaten\n",
        encoding="utf-8",
    )
    [outcome] = build.import_files(copy, [own], lambda *_: None)
    assert outcome.error is None
    con = duckdb.connect(str(copy))
    con.execute("UPDATE regions SET name = ? WHERE region_code IN ('03454', '03453004')", [EVIL])
    # Stored results carry the names, as after an import: those of the Landkreisvergleich's two indicators.
    refresh(con, ["ohne_abschluss_anteil", "sgb2_quote_u15"])
    con.close()
    monkeypatch.setenv("BILDUNGSMONITOR_DB", str(copy))
    monkeypatch.setattr("deck.model.USER_DIR", tmp_path / "decks")
    return copy


def markdown_sources(at) -> list[str]:
    """Every text the page hands to Markdown: captions, headings, infos, alerts and metric labels."""
    alerts = [element.value for kind in ("success", "error", "warning", "header") for element in at.get(kind)]
    return elements.markdown_sources(at) + alerts + [metric.label for metric in at.metric]


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("app_pages/ueberblick.py", {"region": "03453004"}),
        ("app_pages/landkreisvergleich.py", {"region": "03454"}),
        ("app_pages/gemeindeprofil.py", {"gemeinde": "03453004"}),
        ("app_pages/daten_quellen.py", {}),
    ],
)
def test_a_name_from_data_reaches_markdown_only_escaped(evil_store, open_app, page, params):
    at = open_app(page, **params)
    sources = markdown_sources(at)
    assert not [s for s in sources if "![" in s or ":red[" in s], "unescaped Markdown from data"
    assert any(ESCAPED in s or r"\!\[x\]\(x\.png\)" in s for s in sources), sources


def test_a_slide_heading_like_markdown_is_listed_as_text(evil_store, open_app):
    save_deck(Deck(name="Boese Folien", slides=(TitleSlide(title=EVIL),)))  # goes to the patched USER_DIR
    at = open_app("app_pages/praesentationen.py")
    links = [element.proto.label for element in at.get("page_link")]
    assert not [s for s in markdown_sources(at) + links if "![" in s]
    assert "1. Titel\\: " + ESCAPED + r" \:red\[rot\] \*\*fett\*\*" in links


@pytest.mark.parametrize("junk", ["²", "٣", "-1", "1e9", "abc", ""])
def test_a_junk_slide_number_opens_the_first_slide_without_a_traceback(open_app, junk):
    at = open_app("app_pages/praesentation.py", deck="beirat_standard", folie=junk)
    counter = next(e.proto.body for e in at.get("html") if 'class="bm-counter"' in e.proto.body)
    assert "1 / 12" in counter.replace("\u00a0", " ")  # the 12 slides of config/decks/beirat_standard.toml
