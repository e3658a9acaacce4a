-- Initial schema: provenance, regions and tidy observations.

CREATE SEQUENCE import_id_seq START 1;

-- One row per imported file. Every observation points here, so every number on screen can be
-- traced back to the file, its sha256, the table and the Stand date it came from.
CREATE TABLE imports (
    import_id        INTEGER PRIMARY KEY DEFAULT nextval('import_id_seq'),
    file_name        VARCHAR NOT NULL,
    sha256           VARCHAR NOT NULL,
    source           VARCHAR NOT NULL,
    table_code       VARCHAR NOT NULL,
    table_title      VARCHAR NOT NULL,
    stand            DATE,
    licence          VARCHAR NOT NULL,
    importer         VARCHAR NOT NULL,
    importer_version VARCHAR NOT NULL,
    imported_at      TIMESTAMP NOT NULL,
    row_count        INTEGER NOT NULL,   -- observations the file contained
    rows_replaced    INTEGER NOT NULL,   -- older values of the same table it replaced
    rows_kept_newer  INTEGER NOT NULL    -- values it did not load because the store had a newer Stand
);

-- Regions with their level and parent. Historic keys (e.g. 03152) stay, marked historic.
CREATE TABLE regions (
    region_code VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    level       VARCHAR NOT NULL,     -- bund, land, regierungsbezirk, kreis, gemeinde
    parent_code VARCHAR,
    historic    BOOLEAN NOT NULL
);

-- Tidy observations: one value per table, region, period and dimension combination.
CREATE TABLE observations (
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
    raw_symbol  VARCHAR NOT NULL,
    PRIMARY KEY (table_code, region_code, period, dimensions)
);
