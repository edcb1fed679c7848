"""The stored per-gesprek facts the Inzicht figures group (keuzehulp/model/gesprekfeit.py).

The facts are kept right at write time, so a figure is one indexed GROUP BY over
`gesprek_feit`: no temporary tables, no JSON and no window functions per screen. Each query
follows a covering index in its order (no sort); the counts per status are filtered counts,
so only a row per group reaches Python. Use and cost per gemeente and per month fold the
same rows (`Feiten.groepen`), read once per screen.

The groups per month come from `inzicht_totaal` (migration 0009: sums per gemeente filter,
group and month, kept by triggers on the facts) for every whole month of the period; a
partial first or last month is summed from the facts themselves (index ix_gesprek_feit_maand),
or as its total minus the facts outside the period when those are fewer days. All four kinds
of group come from one statement. On PostgreSQL the totals hold every coach's gesprekken, so only a
login that may read them (the owner, keuzehulp_inzicht) uses them; anyone else sums the facts
row-level security lets them see, as before.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, func, select, text, union_all
from sqlalchemy.orm import Session

from keuzehulp.model.gesprekfeit import SOORTEN, GesprekFeit, InzichtTotaal
from keuzehulp.services.inzicht import catalogusfiguren
from keuzehulp.services.inzicht.filter import InzichtFilter, begin_van_dag
from keuzehulp.services.inzicht.sql import dialect

# The course statuses counted per gesprek, from its newest terugblik (issue 15 item 4).
STATUSSEN: tuple[str, ...] = ("gestart", "afgerond", "gestopt")
FEIT: Table = GesprekFeit.__table__  # type: ignore[assignment]  # a Table, typed loosely
TOTAAL: Table = InzichtTotaal.__table__  # type: ignore[assignment]


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


_GROEP = tuple(f.name for f in fields(Groep))  # inzicht_totaal's columns of the same name


@dataclass(frozen=True, slots=True)
class Feiten:
    """The facts of one filter: `waar(soort)` gives the WHERE clauses for one kind of group
    ("maand": each gesprek once; "route", "kenmerk", "gemeente": once per group).

    `groepen` is read once per soort while the `feiten` block that made this object lasts:
    use, cost and key figures all fold the same rows."""

    filter: InzichtFilter
    tabel: Table = FEIT
    _gelezen: dict[str, dict[tuple[str, str], Groep]] = field(default_factory=dict)
    _instrumenten: list[tuple[int, str]] = field(default_factory=list)
    # Queries of this filter started ahead on threads of their own (vooruit.Vooruit), by
    # name; a figure takes its result from here when present, else computes it.
    vooraf: dict[str, Any] = field(default_factory=dict)

    def waar(self, soort: str) -> list[ColumnElement[bool]]:
        return [self.tabel.c.soort == soort, *self.filter.voorwaarden(self.tabel)]

    def instrumenten(self, session: Session) -> list[tuple[int, str]]:
        """Every instrument as (id, name), ordered by name (the database's order), read once
        while the `feiten` block lasts (and kept per catalogue state by catalogusfiguren.py):
        use and outcomes per instrument both name them."""
        if not self._instrumenten:
            self._instrumenten.extend(catalogusfiguren.instrumenten(session))
        return self._instrumenten

    def groepen(self, session: Session, soort: str) -> dict[tuple[str, str], Groep]:
        """(sleutel, month "JJJJ-MM") -> its Groep, for the groups with a gesprek; sorted by
        (sleutel, month).

        When the totals may be used, from `_uit_totalen`: this soort, or for a period with a
        partial month every soort at once (one statement, one pass over each partial month);
        else from the facts of this soort (`_uit_feiten`)."""
        if (klaar := self._gelezen.get(soort)) is not None:
            return klaar
        if not totalen_bruikbaar(session):
            self._gelezen[soort] = self._uit_feiten(session, soort, None)
        else:
            delen = maanden(self.filter.van, self.filter.tot)[1]
            self._gelezen.update(self._uit_totalen(session, SOORTEN if delen else (soort,)))
        return self._gelezen[soort]

    def _uit_totalen(
        self, session: Session, soorten: tuple[str, ...]
    ) -> dict[str, dict[tuple[str, str], Groep]]:
        """Soort -> its groups (as `groepen`), for `soorten` in one statement: the whole months
        of the period from inzicht_totaal (one primary-key range per soort, a row per group
        and month), plus each partial first or last month summed from the facts (index
        ix_gesprek_feit_maand). A partial month whose part outside the period has fewer days
        is read as its total minus the facts outside (`_deelmaand`). One statement, so one
        snapshot of the data on both engines."""
        t = TOTAAL.c
        (eerste, laatste), delen = maanden(self.filter.van, self.filter.tot)
        armen: list[Select[Any]] = []
        for m in delen:
            arm, hele_maand = self._deelmaand(m, soorten)
            armen.append(arm)
            if hele_maand:  # its total comes from inzicht_totaal: widen the range by it
                eerste = None if eerste is None else min(eerste, m)
                laatste = None if laatste is None else max(laatste, m)
        # An empty range of whole months (eerste > laatste) reads no row, as it should.
        waar = [t.filter_gemeente == (self.filter.gemeente or ""), t.soort.in_(soorten),
                t.gesprekken > 0]  # fmt: skip
        if eerste is not None:
            waar.append(t.maand >= eerste)
        if laatste is not None:
            waar.append(t.maand <= laatste)
        totalen = select(
            t.soort, t.sleutel, t.maand, t.gesprekken, t.korte_lijst, t.gekozen, t.gestart,
            t.afgerond, t.gestopt, t.zonder_bedrag, t.centen,
        ).where(*waar)  # fmt: skip
        if armen:
            alle = union_all(totalen, *armen).subquery("delen")
            c = alle.c
            vraag: Select[Any] = (
                select(c.soort, c.sleutel, c.maand, *(func.sum(c[k]) for k in _GROEP))
                .group_by(c.soort, c.sleutel, c.maand)
                .having(func.sum(c.gesprekken) > 0)
            )
        else:
            vraag = totalen
        uit: dict[str, dict[tuple[str, str], Groep]] = {soort: {} for soort in soorten}
        for r in session.connection().execute(vraag):
            uit[r[0]][r[1], r[2]] = Groep(*map(int, r[3:]))
        return {soort: dict(sorted(groepen.items())) for soort, groepen in uit.items()}

    def _deelmaand(self, m: str, soorten: tuple[str, ...]) -> tuple[Select[Any], bool]:
        """The facts of a month `m` ("JJJJ-MM") only partly inside the period, summed per
        soort and group for the union of `_uit_totalen`, and whether its whole-month total
        must be added: then the sums are those of its days outside the period, negated
        (fewer days to read), else those inside. Grouped in an order no index gives, so that
        SQLite (without statistics) takes the month's small range of ix_gesprek_feit_maand,
        not a scan of ix_gesprek_feit_groep in its order."""
        c = self.tabel.c
        van, tot = self.filter.van, self.filter.tot
        dagen = calendar.monthrange(int(m[:4]), int(m[5:]))[1]
        buiten_eind = buiten_begin = 0  # days of the month outside the period at its end/begin
        if tot is not None and f"{tot:%Y-%m}" == m:
            buiten_eind = dagen - tot.day
        if van is not None and f"{van:%Y-%m}" == m:
            buiten_begin = van.day - 1
        periode = self.filter.voorwaarden(self.tabel)
        gemeente = periode[(van is not None) + (tot is not None) :]
        # Only a month cut at one end has one range outside; the rest is read inside.
        hele_maand = (buiten_eind == 0) != (buiten_begin == 0) and (
            2 * (buiten_eind + buiten_begin) < dagen
        )
        if not hele_maand:
            waar, teken = periode, 1
        elif buiten_eind:
            assert tot is not None
            grens = begin_van_dag(tot + dt.timedelta(days=1))
            waar, teken = [c.aangemaakt_op >= grens, *gemeente], -1
        else:
            assert van is not None
            waar, teken = [c.aangemaakt_op < begin_van_dag(van), *gemeente], -1
        sommen: list[ColumnElement[Any]] = [
            func.count(),
            func.coalesce(func.sum(c.korte_lijst), 0),
            func.count(c.keuze_id),
            *(func.count().filter(c.status == s) for s in STATUSSEN),
            func.count().filter(c.keuze_id.is_not(None) & c.centen.is_(None)),
            func.coalesce(func.sum(c.centen), 0),
        ]
        vraag = (
            select(c.soort, c.sleutel, c.maand, *(-k if teken < 0 else k for k in sommen))
            .where(c.soort.in_(soorten), c.maand == m, *waar)
            .group_by(c.maand, c.soort, c.sleutel)
        )
        return vraag, hele_maand

    def _uit_feiten(
        self, session: Session, soort: str, maand: str | None
    ) -> dict[tuple[str, str], Groep]:
        """The groups summed from the facts: of one month (index ix_gesprek_feit_maand) or,
        with `maand` None, of the whole filter (one scan of the covering index
        ix_gesprek_feit_groep in its order, so no sort). The status counts are filtered
        counts in SQL (COUNT(*) FILTER (WHERE ...): SQLite 3.30+, PostgreSQL)."""
        c = self.tabel.c
        waar = self.waar(soort)
        if maand is not None:
            waar.append(c.maand == maand)
        vraag = (
            select(
                c.sleutel,
                c.maand,
                func.count(),
                func.coalesce(func.sum(c.korte_lijst), 0),
                func.count(c.keuze_id),
                *(func.count().filter(c.status == s) for s in STATUSSEN),
                func.count().filter(c.keuze_id.is_not(None) & c.centen.is_(None)),
                func.coalesce(func.sum(c.centen), 0),
            )
            .where(*waar)
            # One month: grouped in an order no index gives, so that SQLite (without
            # statistics) does not scan the whole soort in ix_gesprek_feit_groep's order but
            # takes the month's small range of ix_gesprek_feit_maand.
            .group_by(*((c.sleutel, c.maand) if maand is None else (c.maand, c.sleutel)))
        )
        return {(r[0], r[1]): Groep(*map(int, r[2:])) for r in session.connection().execute(vraag)}


def maanden(
    van: dt.date | None, tot: dt.date | None
) -> tuple[tuple[str | None, str | None], list[str]]:
    """The period from `van` to `tot` (inclusive; None: open) in months "JJJJ-MM": the first
    and last whole month (None: open; first > last when there is none), and the months only
    partly inside (at most two). Example: 15-03-2026 to 30-06-2026 gives
    (("2026-04", "2026-05"), ["2026-03", "2026-06"])."""
    delen: list[str] = []
    eerste = laatste = None
    if van is not None:
        eerste = f"{van:%Y-%m}"
        if van.day != 1:
            delen.append(eerste)
            eerste = f"{_volgende_maand(van):%Y-%m}"
    if tot is not None:
        laatste = f"{tot:%Y-%m}"
        if (tot + dt.timedelta(days=1)).day != 1:
            if laatste not in delen:
                delen.append(laatste)
            laatste = f"{tot.replace(day=1) - dt.timedelta(days=1):%Y-%m}"
    return (eerste, laatste), delen


def _volgende_maand(d: dt.date) -> dt.date:
    return (d.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def totalen_bruikbaar(session: Session) -> bool:
    """Whether this login may use inzicht_totaal: always on SQLite; on PostgreSQL when it may
    read the table (the owner, keuzehulp_inzicht), who also sees every coach's facts."""
    info: dict[str, Any] = session.info
    if (klaar := info.get(_TOTALEN)) is not None:
        return bool(klaar)
    if session.get_bind().dialect.name != "postgresql":
        bruikbaar = True
    else:
        recht = text("SELECT has_table_privilege(CAST(:t AS text), 'SELECT')")
        bruikbaar = bool(session.execute(recht, {"t": "inzicht_totaal"}).scalar())
    info[_TOTALEN] = bruikbaar
    return bruikbaar


_TOTALEN = "keuzehulp.inzicht.totalen"


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
