-- Observations lose their primary key (issue 15). DuckDB keeps a PRIMARY KEY as an ART index: on the
-- bundled 2.4 million values it took 290 MB of a 314 MB store and slowed every insert. Uniqueness of
-- (table_code, region_code, period, dimensions) is kept by store/load.py, which checks each file's
-- incoming rows against the stored ones in the load transaction. DuckDB cannot drop a primary key in
-- place, so the table is recreated with the same columns.

CREATE TABLE observations_unkeyed (
    import_id   INTEGER NOT NULL,
    table_code  VARCHAR NOT NULL,
    region_code VARCHAR NOT NULL,
    region_name VARCHAR NOT NULL,
    period      VARCHAR NOT NULL,
    year        INTEGER NOT NULL,
    dimensions  VARCHAR NOT NULL,
    unit        VARCHAR NOT NULL,
    value       DOUBLE,
    status      VARCHAR NOT NULL,
    raw_symbol  VARCHAR NOT NULL
);
INSERT INTO observations_unkeyed SELECT * FROM observations;
DROP TABLE observations;
ALTER TABLE observations_unkeyed RENAME TO observations;
