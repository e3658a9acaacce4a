"""Importers, one per source format; store.importers.registry picks the right one for a file."""
