"""Keuzehulp: choose a re-integration instrument together with the client."""

__version__ = "0.1.0"
