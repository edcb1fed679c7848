"""Test data for the Inzicht tests: gesprekken and terugblikken with known dates and outcomes."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import delete, select

from keuzehulp.model.catalogus import FengerRoute, Kenmerk
from keuzehulp.model.db import Database
from keuzehulp.model.gesprek import Gesprek, GesprekOptie
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.terugblik import Opmerking, Terugblik
from keuzehulp.services.zoekvraag import ZoekVraag


def utc(jaar: int, maand: int, dag: int, uur: int = 10) -> dt.datetime:
    return dt.datetime(jaar, maand, dag, uur, tzinfo=dt.UTC)


@dataclass(frozen=True)
class TB:
    """A terugblik: when, status, goal, coach's overall mark, client's mark."""

    op: dt.datetime
    status: str | None
    doel: str | None = None
    coach: int | None = None
    client: int | None = None


@dataclass(frozen=True)
class G:
    """A gesprek as the tests describe it; ids are instrument ids."""

    op: dt.datetime
    opties: tuple[int, ...]
    keuze: int | None = None
    routes: tuple[str, ...] = ()
    kenmerken: tuple[str, ...] = ()
    gemeenten: tuple[str, ...] = ()
    terugblikken: tuple[TB, ...] = field(default_factory=tuple)


def zoekfilters(gemeenten: tuple[str, ...]) -> str:
    """The search filters JSON exactly as services/gesprek.py stores it."""
    vraag = ZoekVraag(gemeenten=frozenset(gemeenten))
    return json.dumps(
        vraag.model_dump(mode="json", exclude={"routes", "kenmerken"}), sort_keys=True
    )


def voeg_toe(db: Database, gesprekken: list[G]) -> list[int]:
    """Store the gesprekken (and their terugblikken); return their ids in order."""
    ids = []
    with db.wijzigen(MutatieContext("tester", "test")) as s:
        routes = {r.code: r for r in s.scalars(select(FengerRoute))}
        kenmerken = {k.code: k for k in s.scalars(select(Kenmerk))}
        for g in gesprekken:
            gesprek = Gesprek(
                coach="tester",
                aangemaakt_op=g.op,
                gewijzigd_op=g.op,
                zoekfilters=zoekfilters(g.gemeenten),
                keuze_id=g.keuze,
                routes=[routes[c] for c in g.routes],
                kenmerken=[kenmerken[c] for c in g.kenmerken],
                opties=[GesprekOptie(instrument_id=i, volgorde=v) for v, i in enumerate(g.opties)],
            )
            s.add(gesprek)
            s.flush()
            for t in g.terugblikken:
                assert g.keuze is not None
                s.add(
                    Terugblik(
                        gesprek_id=gesprek.id,
                        instrument_id=g.keuze,
                        aangemaakt_op=t.op,
                        gewijzigd_op=t.op,
                        coach="tester",
                        status=t.status,
                        doel_bereikt=t.doel,
                        coach_totaal=t.coach,
                        client_cijfer=t.client,
                    )
                )
            ids.append(gesprek.id)
    return ids


def wis_gesprekken(db: Database) -> None:
    with db.wijzigen(MutatieContext("tester", "test")) as s:
        s.execute(delete(Opmerking))
        s.execute(delete(Terugblik))
        s.execute(delete(Gesprek))
