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


def totalen_kloppen(db: Database) -> dict[tuple[str, str, str, str], tuple[int, ...]]:
    """Assert that inzicht_totaal (migration 0009, kept by triggers) equals a recount in
    Python from gesprek_feit: every fact row under filter "" and under each gemeente of its
    gesprek. Rows of all zeros (groups whose gesprekken left) are allowed; return the rest."""
    from keuzehulp.model.gesprekfeit import GesprekFeit, InzichtTotaal

    f, t = GesprekFeit, InzichtTotaal
    verwacht: dict[tuple[str, str, str, str], list[int]] = {}
    with db.lezen() as s:
        feiten = s.execute(
            select(f.gesprek_id, f.soort, f.sleutel, f.maand, f.keuze_id, f.korte_lijst,
                   f.status, f.centen)
        ).all()  # fmt: skip
        opgeslagen = {
            tuple(r[:4]): tuple(int(x) for x in r[4:])
            for r in s.execute(
                select(t.filter_gemeente, t.soort, t.sleutel, t.maand, t.gesprekken,
                       t.korte_lijst, t.gekozen, t.gestart, t.afgerond, t.gestopt,
                       t.zonder_bedrag, t.centen)
            )
        }  # fmt: skip
    gemeenten: dict[int, list[str]] = {}
    for r in feiten:
        if r.soort == "gemeente":
            gemeenten.setdefault(r.gesprek_id, []).append(r.sleutel)
    for r in feiten:
        gekozen = r.keuze_id is not None
        waarden = (1, r.korte_lijst, int(gekozen), int(r.status == "gestart"),
                   int(r.status == "afgerond"), int(r.status == "gestopt"),
                   int(gekozen and r.centen is None), r.centen or 0)  # fmt: skip
        for x in ("", *gemeenten.get(r.gesprek_id, [])):
            som = verwacht.setdefault((x, r.soort, r.sleutel, r.maand), [0] * 8)
            for i, w in enumerate(waarden):
                som[i] += w
    nul = (0,) * 8
    echt = {k: v for k, v in opgeslagen.items() if v != nul}
    assert all(v == nul or v[0] > 0 for v in opgeslagen.values())
    assert echt == {k: tuple(v) for k, v in verwacht.items()}
    return echt
