"""The stored per-gesprek facts the Inzicht figures group (keuzehulp/model/gesprekfeit.py).

The facts are kept right at write time, so a figure is one indexed GROUP BY over
`gesprek_feit`: no temporary tables, no JSON and no window functions per screen. Each query
follows a covering index in its order (no sort); the counts per status are conditional sums,
so only a row per group reaches Python. Use and cost per gemeente and per month fold the
same rows (`Feiten.groepen`), read once per screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Table, case, func, select
from sqlalchemy.orm import Session

from keuzehulp.model.gesprekfeit import GesprekFeit
from keuzehulp.services.inzicht.filter import InzichtFilter
from keuzehulp.services.inzicht.sql import dialect

# The course statuses counted per gesprek, from its newest terugblik (issue 15 item 4).
STATUSSEN: tuple[str, ...] = ("gestart", "afgerond", "gestopt")
FEIT: Table = GesprekFeit.__table__  # type: ignore[assignment]  # a Table, typed loosely


@dataclass(frozen=True, slots=True)
class Groep:
    """Counts of gesprekken in one group (a sleutel of one soort) and one month: all, with a
    shortlist, with a choice, by the newest terugblik's status, and of the choices those
    without an amount and the sum of the known amounts (cents)."""

    gesprekken: int
    korte_lijst: int
    gekozen: int
    gestart: int
    afgerond: int
    gestopt: int
    zonder_bedrag: int
    centen: int


@dataclass(frozen=True, slots=True)
class Feiten:
    """The facts of one filter: `waar(soort)` gives the WHERE clauses for one kind of group
    ("maand": each gesprek once; "route", "kenmerk", "gemeente": once per group).

    `groepen` is read once per soort while the `feiten` block that made this object lasts:
    use, cost and key figures all fold the same rows."""

    filter: InzichtFilter
    tabel: Table = FEIT
    _gelezen: dict[str, dict[tuple[str, str], Groep]] = field(default_factory=dict)

    def waar(self, soort: str) -> list[ColumnElement[bool]]:
        return [self.tabel.c.soort == soort, *self.filter.voorwaarden(self.tabel)]

    def groepen(self, session: Session, soort: str) -> dict[tuple[str, str], Groep]:
        """(sleutel, month "JJJJ-MM") -> its Groep, for the groups with a gesprek.

        One scan of the covering index ix_gesprek_feit_groep (soort, sleutel, maand, ...) in
        its order, so no sort; the status counts are conditional sums in SQL."""
        if (klaar := self._gelezen.get(soort)) is not None:
            return klaar
        c = self.tabel.c
        vraag = (
            select(
                c.sleutel,
                c.maand,
                func.count(),
                func.coalesce(func.sum(c.korte_lijst), 0),
                func.count(c.keuze_id),
                *(func.sum(case((c.status == s, 1), else_=0)) for s in STATUSSEN),
                func.sum(case(((c.keuze_id.is_not(None)) & c.centen.is_(None), 1), else_=0)),
                func.coalesce(func.sum(c.centen), 0),
            )
            .where(*self.waar(soort))
            .group_by(c.sleutel, c.maand)
        )
        uit = {(r[0], r[1]): Groep(*map(int, r[2:])) for r in session.connection().execute(vraag)}
        self._gelezen[soort] = uit
        return uit


_ACTIEF = "keuzehulp.inzicht.feiten"


@contextmanager
def feiten(session: Session, filter_: InzichtFilter) -> Iterator[Feiten]:
    """The facts of `filter_` in this session. Inside an outer `feiten` block of the same
    session and filter the outer object is reused, so a unit of work reads each group
    query once (overzicht.bereken_inzicht brackets the whole screen). Raises DatabaseFout
    for an engine other than SQLite or PostgreSQL."""
    dialect(session)
    actief = session.info.get(_ACTIEF)
    if isinstance(actief, Feiten) and actief.filter == filter_:
        yield actief
        return
    f = Feiten(filter_)
    session.info[_ACTIEF] = f
    try:
        yield f
    finally:
        if actief is None:
            session.info.pop(_ACTIEF, None)
        else:
            session.info[_ACTIEF] = actief
