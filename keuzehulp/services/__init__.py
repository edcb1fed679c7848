"""Use cases on the catalogue: one unit of work each, plain values out (no Qt here)."""
