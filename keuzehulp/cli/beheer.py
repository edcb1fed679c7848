"""Subcommands for beheer (to be filled in by its issue)."""

from __future__ import annotations

from keuzehulp.cli.common import SubParsers


def registreer(sub: SubParsers) -> None:
    """No subcommands yet."""
