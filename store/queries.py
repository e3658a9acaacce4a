"""Every read query of the dashboard, CLI and exports; all take parameters, none formats values in."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pandas as pd


def frame(con: duckdb.DuckDBPyConnection, query: str, params: Sequence[object] = ()) -> pd.DataFrame:
    """The rows of a read query as a DataFrame, handed over through Arrow.

    DuckDB 2.0's `.df()` builds pandas 3 string columns value by value: 143,000 observations of one
    table took 2.4 s that way and 0.5 s through Arrow, the same frame with the same dtypes. At
    national scale that conversion was most of an indicator's refresh, so the two reads of
    observations and results that carry many rows use this; the small ones keep `.df()`.
    """
    return con.sql(query, params=list(params)).to_arrow_table().to_pandas()


def import_history(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """All imports, newest first, with their provenance and how many values are still current.

    The current counts come from current_values, which the writes keep (store.load), not from
    counting observations: that took 13.6 s at national scale.
    """
    return con.execute(
        """
        SELECT i.import_id, i.file_name, i.source, i.table_code, i.table_title, i.stand, i.licence,
               i.importer, i.importer_version, i.imported_at, i.sha256, i.row_count, i.rows_replaced,
               i.rows_kept_newer,
               (SELECT coalesce(sum(c.n_values), 0) FROM current_values c WHERE c.import_id = i.import_id)::BIGINT
               AS rows_current
        FROM imports i ORDER BY i.import_id DESC
        """
    ).df()


def export_rows(con: duckdb.DuckDBPyConnection, region: str | None = None, table: str | None = None) -> pd.DataFrame:
    """Tidy observations with their source file, optionally for one region and/or one table."""
    return con.execute(
        """
        SELECT o.table_code, o.region_code, o.region_name, o.period, o.dimensions, o.value, o.status,
               o.unit, o.raw_symbol, i.file_name, i.stand
        FROM observations o JOIN imports i USING (import_id)
        WHERE (? IS NULL OR o.region_code = ?) AND (? IS NULL OR o.table_code = ?)
        ORDER BY o.table_code, o.region_code, o.period, o.dimensions
        """,
        [region, region, table, table],
    ).df()


def observations(
    con: duckdb.DuckDBPyConnection,
    table_codes: Sequence[str],
    gemeinden_of: str | None = None,
    years: Sequence[int] | None = None,
) -> pd.DataFrame:
    """Observations of some tables, with the region's canonical name, level and import, for indicators.

    gemeinden_of: keep Gemeinden (and Gemeindeverbände) only of this Kreis (the caller passes the
    home Kreis, regions.home). The Gemeinde tables cover all of Germany; the dashboard needs only
    the home Kreis' Gemeinden, and indicators run much faster without the other 11,000.
    years: only these years (store.results recomputes only the years an import touched); None = all.
    """
    return frame(
        con,
        """
        SELECT o.table_code, o.region_code, r.name AS region_name, r.level, r.parent_code, r.historic,
               o.period, o.year, o.dimensions, o.unit, o.value, o.status, o.raw_symbol, o.import_id
        FROM observations o JOIN regions r USING (region_code)
        WHERE list_contains(?, o.table_code)
          AND (? IS NULL OR r.level NOT IN ('gemeinde', 'gemeindeverband') OR r.parent_code = ?)
          AND (?::INTEGER[] IS NULL OR list_contains(?::INTEGER[], o.year))
        """,
        [list(table_codes), gemeinden_of, gemeinden_of, _list(years), _list(years)],
    )


def _list(values: Sequence[int] | None) -> list[int] | None:
    return None if values is None else sorted(int(value) for value in values)


def regions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT * FROM regions ORDER BY region_code").df()


def newest_year(con: duckdb.DuckDBPyConnection) -> int | None:
    """The newest year of any stored value, the yardstick for "Stand JJJJ" badges.

    DuckDB answers a bare max() from its column statistics in milliseconds.
    """
    return con.execute("SELECT max(year) FROM observations").fetchall()[0][0]


def table_list(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """One row per stored table: code, title, years, number of values, newest Stand of an import with current values.

    From current_values (kept by store.load), a few hundred rows, not from counting observations.
    """
    return con.execute(
        """
        SELECT i.table_code, any_value(i.table_title) AS table_title, min(c.year) AS first_year,
               max(c.year) AS last_year, sum(c.n_values)::BIGINT AS values, max(i.stand) AS stand
        FROM current_values c JOIN imports i USING (import_id)
        GROUP BY i.table_code ORDER BY i.table_code
        """
    ).df()
