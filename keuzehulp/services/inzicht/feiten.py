"""Per gesprek, the facts every Inzicht figure counts: shortlist, choice, newest terugblik."""

from __future__ import annotations

from sqlalchemy import Subquery, case, exists, func, select

from keuzehulp.model.gesprek import Gesprek, GesprekOptie
from keuzehulp.model.terugblik import Terugblik
from keuzehulp.services.inzicht.filter import InzichtFilter

# The course statuses counted per gesprek, from its newest terugblik (issue 15 item 4).
STATUSSEN: tuple[str, ...] = ("gestart", "afgerond", "gestopt")


def laatste_terugblik() -> Subquery:
    """The newest terugblik of each gesprek (latest aangemaakt_op, then highest id)."""
    volgorde = (
        func.row_number()
        .over(
            partition_by=Terugblik.gesprek_id,
            order_by=(Terugblik.aangemaakt_op.desc(), Terugblik.id.desc()),
        )
        .label("rang")
    )
    alle = select(
        Terugblik.gesprek_id,
        Terugblik.instrument_id,
        Terugblik.status,
        Terugblik.doel_bereikt,
        Terugblik.reden_stoppen,
        volgorde,
    ).subquery("alle_terugblikken")
    return (
        select(
            alle.c.gesprek_id,
            alle.c.instrument_id,
            alle.c.status,
            alle.c.doel_bereikt,
            alle.c.reden_stoppen,
        )
        .where(alle.c.rang == 1)
        .subquery("laatste_terugblik")
    )


def gesprek_feiten(filter_: InzichtFilter, dialect: str) -> Subquery:
    """One row per gesprek in the filter: id, aangemaakt_op, keuze_id, lijst (1 if it has a
    shortlist, else 0) and status (its newest terugblik's status, or NULL)."""
    laatste = laatste_terugblik()
    heeft_lijst = exists().where(GesprekOptie.gesprek_id == Gesprek.id)
    return (
        select(
            Gesprek.id,
            Gesprek.aangemaakt_op,
            Gesprek.keuze_id,
            case((heeft_lijst, 1), else_=0).label("lijst"),
            laatste.c.status,
        )
        .outerjoin(laatste, laatste.c.gesprek_id == Gesprek.id)
        .where(*filter_.voorwaarden(dialect))
        .subquery("feiten")
    )
