"""The stored per-gesprek facts the Inzicht figures group (keuzehulp/model/gesprekfeit.py).

The facts are kept right at write time, so a figure is one indexed GROUP BY over
`gesprek_feit`: no temporary tables, no JSON and no window functions per screen. Grouping by
the status (and month) as well lets each query follow its covering index in order; the few
dozen to few thousand result rows are folded into the figures in Python (`tel_op`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Table
from sqlalchemy.orm import Session

from keuzehulp.model.gesprekfeit import GesprekFeit
from keuzehulp.services.inzicht.filter import InzichtFilter
from keuzehulp.services.inzicht.sql import dialect

# The course statuses counted per gesprek, from its newest terugblik (issue 15 item 4).
STATUSSEN: tuple[str, ...] = ("gestart", "afgerond", "gestopt")
FEIT: Table = GesprekFeit.__table__  # type: ignore[assignment]  # a Table, typed loosely


@dataclass(frozen=True, slots=True)
class Feiten:
    """The facts of one filter: `waar(soort)` gives the WHERE clauses for one kind of group
    ("maand": each gesprek once; "route", "kenmerk", "gemeente": once per group)."""

    filter: InzichtFilter
    tabel: Table = FEIT

    def waar(self, soort: str) -> list[ColumnElement[bool]]:
        return [self.tabel.c.soort == soort, *self.filter.voorwaarden(self.tabel)]


@contextmanager
def feiten(session: Session, filter_: InzichtFilter) -> Iterator[Feiten]:
    """The facts of `filter_` in this session (kept for callers that bracket a unit of work;
    nothing is built any more). Raises DatabaseFout for an engine other than SQLite or
    PostgreSQL."""
    dialect(session)
    yield Feiten(filter_)


@dataclass(slots=True)
class Telling:
    """Counts of gesprekken in one group: all, with a shortlist, with a choice, per status."""

    gesprekken: int = 0
    korte_lijst: int = 0
    gekozen: int = 0
    status: Counter[str | None] | None = None

    def voeg_toe(self, status: str | None, n: int, lijst: int, keuze: int) -> None:
        self.gesprekken += n
        self.korte_lijst += lijst
        self.gekozen += keuze
        if self.status is None:
            self.status = Counter()
        self.status[status] += n

    def per_status(self, status: str) -> int:
        return self.status[status] if self.status else 0


def tel_op(rijen: Iterator[Any] | Any) -> dict[Any, Telling]:
    """Fold rows (sleutel, status, gesprekken, korte_lijst, gekozen) into a Telling per key."""
    uit: dict[Any, Telling] = {}
    for sleutel, status, n, lijst, keuze in rijen:
        uit.setdefault(sleutel, Telling()).voeg_toe(status, int(n), int(lijst or 0), int(keuze))
    return uit
