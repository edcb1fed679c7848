"""What the Inzicht figures are about: a period of gesprekken and optionally one gemeente."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Table, select

from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.gesprekfeit import GesprekFeit


def begin_van_dag(datum: dt.date) -> dt.datetime:
    """Midnight UTC of a date: months and periods are counted in UTC, like the month buckets."""
    return dt.datetime.combine(datum, dt.time(), tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class InzichtFilter:
    """Gesprekken started from `van` up to and including `tot` (dates, UTC; None: open), and
    with `gemeente` in their search filter (None: all gesprekken)."""

    van: dt.date | None = None
    tot: dt.date | None = None
    gemeente: str | None = None

    def __post_init__(self) -> None:
        if self.van and self.tot and self.tot < self.van:
            raise InvoerFout(
                f"De periode klopt niet: ‘tot’ ({self.tot:%d-%m-%Y}) ligt vóór "
                f"‘van’ ({self.van:%d-%m-%Y})."
            )

    def omschrijving(self) -> str:
        """The filter in words, for titles of screens and exports ("heel de periode, Tiel")."""
        if self.van and self.tot:
            periode = f"{self.van:%d-%m-%Y} tot en met {self.tot:%d-%m-%Y}"
        elif self.van:
            periode = f"vanaf {self.van:%d-%m-%Y}"
        elif self.tot:
            periode = f"tot en met {self.tot:%d-%m-%Y}"
        else:
            periode = "alle gesprekken"
        return f"{periode}, {self.gemeente or 'alle gemeenten'}"

    def voorwaarden(self, feit: Table) -> list[ColumnElement[bool]]:
        """WHERE clauses on `feit` (the gesprek_feit table or an alias of it) for this filter:
        its gesprek's date, and a semi-join on the gesprek's gemeente rows."""
        uit: list[ColumnElement[bool]] = []
        if self.van:
            uit.append(feit.c.aangemaakt_op >= begin_van_dag(self.van))
        if self.tot:
            uit.append(feit.c.aangemaakt_op < begin_van_dag(self.tot + dt.timedelta(days=1)))
        if self.gemeente:
            g = GesprekFeit.__table__.alias("in_gemeente")
            uit.append(
                feit.c.gesprek_id.in_(
                    select(g.c.gesprek_id).where(
                        g.c.soort == "gemeente", g.c.sleutel == self.gemeente
                    )
                )
            )
        return uit


STANDAARD_MAANDEN = 12  # the Inzicht screen and `keuzehulp inzicht` show the last 12 months


def laatste_maanden(vandaag: dt.date, maanden: int = STANDAARD_MAANDEN) -> tuple[dt.date, dt.date]:
    """(van, tot) of the last `maanden` calendar months up to and including `vandaag`: from the
    day after the same date `maanden` months ago (30-11-2026 → 01-12-2025 … 30-11-2026).
    The default period of the Inzicht screen and of `keuzehulp inzicht`."""
    from keuzehulp.services.beheer.actualiteit import maanden_terug

    middernacht = dt.datetime.combine(vandaag, dt.time())
    return maanden_terug(middernacht, maanden).date() + dt.timedelta(days=1), vandaag
