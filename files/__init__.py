"""Writing the office's own files (goals, report definitions, users, decks, documents) so nothing is lost."""
