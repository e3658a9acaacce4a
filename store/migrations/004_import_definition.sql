-- The source's own definition of what a file measures (INKAR's "Metadaten" sheet), kept with the
-- import so the Quellen tab and the status command can quote it next to the citation.
ALTER TABLE imports ADD COLUMN definition VARCHAR NOT NULL DEFAULT '';
