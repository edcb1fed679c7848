"""The domain: entities, taxonomy, rules and persistence (no Qt here)."""
