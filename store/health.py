"""An import must not break a page: after loading a file, every indicator that reads its table must compute.

The store is shared by every page, the deck and the CLI. A file can be valid on its own and still
make an indicator fail next to what is stored already (two tables holding the same cell once made
every headline page fail with "Index contains duplicate entries"). So store.build runs this check
inside the import's transaction; if an indicator raises, the file is refused and nothing changes.
"""

from __future__ import annotations

import duckdb

from indicators.catalogue import CATALOGUE, evaluate
from store.errors import ImportFehler
from store.queries import observations
from store.regions import CLOPPENBURG


def indicators_still_compute(con: duckdb.DuckDBPyConnection, table_code: str, file_name: str) -> None:
    """Evaluate every indicator that reads `table_code`; raise a German ImportFehler for the first that fails.

    Gemeinden are limited to the home Kreis, as on the dashboard (ui.data.result); the indicators'
    code is the same for all Gemeinden, only faster.
    """
    for key, indicator in CATALOGUE.items():
        if table_code not in indicator.table_codes:
            continue
        try:
            evaluate(key, observations(con, indicator.table_codes, CLOPPENBURG))
        except Exception as error:  # noqa: BLE001 – any failure of any indicator refuses the file
            raise ImportFehler(
                file_name,
                f"nach diesem Import ließe sich der Indikator „{indicator.title}“ nicht mehr berechnen "
                f"({type(error).__name__}: {str(error)[:120]}). Die Datei wurde nicht übernommen; bitte "
                "die Überschneidung mit den vorhandenen Tabellen prüfen.",
            ) from error
