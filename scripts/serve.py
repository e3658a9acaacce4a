"""Serve the dashboard with its heavy libraries already imported; `./run` starts Streamlit through this.

A fresh Streamlit server imports a page's libraries on the first request: pandas, Altair, geopandas
and DuckDB take about 1.3 s of CPU, which the first visitor after a restart (the presenter before a
Beirat meeting) would wait on top of the page itself. Imported here, before the server starts, they
are in memory when that request arrives. Only third-party libraries: the project's own modules
declare Streamlit caches, which belong to the running server.

Usage: python scripts/serve.py [Streamlit options], the same as `streamlit run app.py [options]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import altair  # noqa: F401
import duckdb  # noqa: F401
import geopandas  # noqa: F401
import pandas  # noqa: F401
from streamlit.web import cli

APP = Path(__file__).resolve().parent.parent / "app.py"

if __name__ == "__main__":
    sys.exit(cli.main(["run", str(APP), *sys.argv[1:]], prog_name="streamlit"))
