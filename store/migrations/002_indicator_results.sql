-- Finished indicator results, computed when the store is built or a file imported, so that the
-- dashboard, the presentation and the command line read numbers instead of computing them on the
-- first request after a server start (that took 13 s for the first slide).

CREATE TABLE indicator_results (
    key          VARCHAR NOT NULL,   -- indicator key from indicators/catalogue.py
    position     INTEGER NOT NULL,   -- row order as computed: categories keep their declared order
    region_code  VARCHAR NOT NULL,
    region_name  VARCHAR NOT NULL,
    level        VARCHAR NOT NULL,
    year         INTEGER NOT NULL,
    category     VARCHAR NOT NULL,
    value        DOUBLE,
    numerator    DOUBLE,
    denominator  DOUBLE,
    status       VARCHAR NOT NULL,
    note         VARCHAR NOT NULL
);

-- One row per computed indicator: the Kreis whose Gemeinden the result holds (Gemeinde tables cover
-- all of Germany; results keep one Kreis' Gemeinden) and when it was computed.
CREATE TABLE indicator_scope (
    key          VARCHAR PRIMARY KEY,
    gemeinden_of VARCHAR NOT NULL,
    computed_at  TIMESTAMP NOT NULL
);
