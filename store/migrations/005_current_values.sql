-- How many of each import's values are current, per year (issue 15). "Daten & Quellen" and
-- `cli.py status` showed these counts by counting every observation: 13.6 s at 127 million values,
-- once per store version. store/load.py keeps this small table right in the same transaction as
-- every write that adds or removes observations (a load, the values a newer file replaces, an
-- undone import); a rebuild loads every file again and so fills it anew.

CREATE TABLE current_values (
    import_id INTEGER NOT NULL,
    year      INTEGER NOT NULL,
    n_values  BIGINT NOT NULL    -- the import's observations of this year still in the store, > 0
);
INSERT INTO current_values SELECT import_id, year, count(*) FROM observations GROUP BY import_id, year;
