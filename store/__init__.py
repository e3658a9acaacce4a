"""Everything that touches the DuckDB store: schema migrations, importers, loading and queries."""
