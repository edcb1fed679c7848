"""Moved to `keuzehulp.services.geheugen` (the search index uses it too): one counter for all."""

from keuzehulp.services.geheugen import zonder_opruimen

__all__ = ["zonder_opruimen"]
