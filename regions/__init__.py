"""Region keys and the configured home region: `regions.levels` (what a key is), `regions.home` (which Kreis)."""
