"""Write one parsed file into the store: provenance record and values in a single transaction.

Parsing is pure and lives in importers/; this is the only place that writes or removes observations,
so the rules for re-imports and newer downloads exist once:
- the same file (same sha256 for the same table) again changes nothing;
- a newer download of a table replaces the overlapping values, an older one never overwrites newer
  values (compared by the file's Stand date), and every import stays in the history.

One value per (table, region, period, dimensions) is kept here, at load time, not by a primary key:
DuckDB's index for that key was 290 MB next to 26 MB of data (migration 002). The incoming rows are
unique among themselves (check_duplicates), and each is checked against the store: it either replaces
the stored value of its key (deleted first) or is not loaded (ANTI JOIN), so no key is stored twice.

The same writes keep current_values (migration 005): per import and year, how many of its values are
still stored, so the import history and the table list never count the observations.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from store.errors import ImportFehler
from store.importers.model import OBSERVATION_COLUMNS, ParsedTable
from store.regions import upsert_regions
from store.validate import validate

IMPORTER_VERSION = "1"

# Importers whose region names become the names shown on screen (the statistical offices' own
# spelling, with the type: "Vechta, Landkreis"). Other sources only add regions we lack. Even
# these rename only when the caller says the file owns names (store.build: the bundled files in
# data/raw), so a small file a user imports can never rename a Kreis, the Land or the Bund.
NAME_AUTHORITIES = {"genesis_csv", "svb_xlsx", "bevoelkerung_long_csv"}


@dataclass(frozen=True)
class LoadResult:
    """What one import did, for the progress line and the status command."""

    file_name: str
    table_code: str
    import_id: int | None  # None when the identical file was imported before
    rows: int
    replaced: int
    kept_newer: int
    # The years whose values the import may have changed, for recomputing only those indicator
    # results; None when it renamed a region (the name is in every year's results): recompute all.
    years: tuple[int, ...] | None = ()

    @property
    def unchanged(self) -> bool:
        return self.import_id is None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_duplicates(parsed: ParsedTable, file_name: str) -> None:
    """Two values for the same region, period and dimensions mean a broken or edited file."""
    obs = parsed.observations
    dup = obs[obs.duplicated(["region_code", "period", "dimensions"], keep=False)]
    if not dup.empty:
        first = dup.sort_values("line").iloc[0]
        lines = ", ".join(str(n) for n in sorted(dup["line"].unique())[:5])
        raise ImportFehler(
            file_name,
            f"doppelte Zeilen: Region {first.region_code}, Zeitraum {first.period} kommt mehrfach vor "
            f"(Zeilen {lines}).",
            int(first.line),
        )


def load_table(con: duckdb.DuckDBPyConnection, parsed: ParsedTable, path: Path, owns_names: bool = False) -> LoadResult:
    """Load a parsed file on a writer's connection (store.connection.writing: one transaction).

    owns_names: the file may rename regions (only the bundled official files do; a 4-row file of a
    user must never rename a Kreis everywhere).
    """
    file_name = path.name
    validate(parsed, file_name)
    check_duplicates(parsed, file_name)
    sha = sha256_of(path)
    seen = con.execute(
        "SELECT import_id FROM imports WHERE sha256 = ? AND table_code = ?", [sha, parsed.table_code]
    ).fetchall()
    rows = len(parsed.observations)
    if seen:
        return LoadResult(file_name, parsed.table_code, None, rows, 0, 0)

    incoming = parsed.observations[OBSERVATION_COLUMNS].copy()
    incoming["year"] = incoming["period"].str[:4].astype(int)
    incoming["value"] = pd.to_numeric(incoming["value"], errors="raise").astype("float64")
    import_id = con.execute(
        """
        INSERT INTO imports (file_name, sha256, source, table_code, table_title, stand, licence,
                             importer, importer_version, imported_at, row_count, rows_replaced,
                             rows_kept_newer, definition)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp, ?, 0, 0, ?)
        RETURNING import_id
        """,
        [
            file_name,
            sha,
            parsed.source,
            parsed.table_code,
            parsed.table_title,
            parsed.stand,
            parsed.licence,
            parsed.importer,
            IMPORTER_VERSION,
            rows,
            parsed.definition,
        ],
    ).fetchall()[0][0]
    con.register("incoming", incoming)
    try:
        replaced = _delete_older_overlap(con, parsed, import_id)
        loaded = con.execute(
            """
            INSERT INTO observations
            SELECT ?, ?, i.region_code, i.region_name, i.period, i.year, i.dimensions, i.unit,
                   i.value, i.status, i.raw_symbol
            FROM incoming i
            ANTI JOIN observations o
              ON o.table_code = ? AND o.region_code = i.region_code AND o.period = i.period
             AND o.dimensions = i.dimensions
            RETURNING import_id, year
            """,
            [import_id, parsed.table_code, parsed.table_code],
        ).df()
        _count_current(con, loaded, +1)
        kept_newer = rows - len(loaded)
        con.execute(
            "UPDATE imports SET rows_replaced = ?, rows_kept_newer = ? WHERE import_id = ?",
            [replaced, kept_newer, import_id],
        )
        renamed = upsert_regions(con, incoming, rename=owns_names and parsed.importer in NAME_AUTHORITIES)
    finally:
        con.unregister("incoming")
    years = None if renamed else tuple(sorted(int(year) for year in incoming["year"].unique()))
    return LoadResult(file_name, parsed.table_code, import_id, rows, replaced, kept_newer, years)


def _delete_older_overlap(con: duckdb.DuckDBPyConnection, parsed: ParsedTable, import_id: int) -> int:
    """Delete stored values this file also has, where the stored file is not newer; return the count.

    A file without a Stand date counts as older than any dated file, and among equals the later
    import wins (a re-download of the same day replaces).
    """
    deleted = con.execute(
        """
        DELETE FROM observations WHERE rowid IN (
            SELECT o.rowid
            FROM observations o
            JOIN imports old ON old.import_id = o.import_id
            SEMI JOIN incoming i
              ON o.region_code = i.region_code AND o.period = i.period AND o.dimensions = i.dimensions
            WHERE o.table_code = ?
              AND coalesce(old.stand, DATE '0001-01-01')
                  <= coalesce((SELECT stand FROM imports WHERE import_id = ?), DATE '0001-01-01')
        )
        RETURNING import_id, year
        """,
        [parsed.table_code, import_id],
    ).df()
    _count_current(con, deleted, -1)
    return len(deleted)


def remove_import(con: duckdb.DuckDBPyConnection, import_id: int) -> None:
    """Delete an import's values and its record (undoing an import that replaced nothing)."""
    con.execute("DELETE FROM observations WHERE import_id = ?", [import_id])
    con.execute("DELETE FROM current_values WHERE import_id = ?", [import_id])
    con.execute("DELETE FROM imports WHERE import_id = ?", [import_id])


def _count_current(con: duckdb.DuckDBPyConnection, changed: pd.DataFrame, sign: int) -> None:
    """Add (sign +1) or subtract (-1) the (import_id, year) rows of `changed` to the current_values counts.

    Kept by the writes themselves, in their transaction, so "Daten & Quellen" reads a table of a few
    hundred rows instead of counting every observation (migration 005).
    """
    con.register("changed_values", changed)
    try:
        con.execute(
            """
            MERGE INTO current_values c
            USING (SELECT import_id, year, ? * count(*) AS n FROM changed_values GROUP BY ALL) d
            ON c.import_id = d.import_id AND c.year = d.year
            WHEN MATCHED THEN UPDATE SET n_values = c.n_values + d.n
            WHEN NOT MATCHED THEN INSERT VALUES (d.import_id, d.year, d.n)
            """,
            [sign],
        )
        con.execute("DELETE FROM current_values WHERE n_values = 0")
    finally:
        con.unregister("changed_values")
