"""Fictional gesprekken with shortlists, choices and terugblikken, for a demo that is not empty.

`keuzehulp voorbeeld --gesprekken N` (issue 15 item 6). Every gesprek is made up: the coaches
are "Voorbeeldcoach 01" to "16", there is no client reference, name or BSN, and goals and
remarks come from short fixed lists. A seeded random generator makes the same data for the
same seed. Rows go in as bulk inserts (Core executemany), 5,000 gesprekken per batch.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import random
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, insert, select
from sqlalchemy.engine import Connection

from keuzehulp.model.base import nu
from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.catalogus import (
    Gemeente,
    Instrument,
    InstrumentStatus,
    instrument_gemeente,
    instrument_kenmerk,
    instrument_route,
)
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.gesprek import Gesprek, GesprekOptie, gesprek_kenmerk, gesprek_route
from keuzehulp.model.gesprekfeit import werk_feiten_bij
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.terugblik import Opmerking, Terugblik
from keuzehulp.services import voorbeeldteksten as teksten
from keuzehulp.services.coachprofiel import CoachProfielGegevens
from keuzehulp.services.voorbeeldgeschiedenis import (
    is_voorbeeldcatalogus_zonder_gesprekken,
    maak_geschiedenis,
)
from keuzehulp.services.zoekvraag import ZoekVraag

VOORBEELD_COACH = "Voorbeeldcoach"
MAX_GESPREKKEN = 1_000_000
BLOK = 5000
PERIODE_DAGEN = 730  # two years back from today
# Rough numbers of inhabitants (x 1000) of the Rivierenland gemeenten: who comes in where.
INWONERS = {
    "Buren": 27, "Culemborg": 29, "Maasdriel": 25, "Neder-Betuwe": 25, "Tiel": 42,
    "West Betuwe": 52, "West Maas en Waal": 20, "Zaltbommel": 30,
}  # fmt: skip


@dataclass(slots=True)
class _Instr:
    id: int
    duur_weken: int
    kwaliteit: float  # hidden "true" mark 1-10 that drives outcomes and ratings
    routes: list[int] = field(default_factory=list)
    kenmerken: list[int] = field(default_factory=list)
    gemeenten: list[str] = field(default_factory=list)  # empty: all gemeenten


@dataclass(slots=True)
class _Catalogus:
    instrumenten: list[_Instr]
    gewichten: list[float]
    per_route: dict[int, list[int]]
    gemeenten: list[str]


def _lees_catalogus(conn: Connection, rng: random.Random) -> _Catalogus:
    actief = Instrument.status == InstrumentStatus.ACTIEF
    per_id: dict[int, _Instr] = {}
    for i, duur, alle in conn.execute(
        select(Instrument.id, Instrument.duur_weken, Instrument.alle_gemeenten)
        .where(actief)
        .order_by(Instrument.id)
    ):
        kwaliteit = min(9.4, max(4.5, rng.gauss(7.4, 0.7)))
        per_id[i] = _Instr(i, duur or rng.choice((4, 8, 12, 26)), kwaliteit)
        if alle:
            per_id[i].gemeenten = []
    if not per_id:
        raise InvoerFout(
            "De catalogus heeft geen actieve instrumenten. Laad eerst de voorbeeldcatalogus "
            "(keuzehulp voorbeeld) of importeer een bronbestand."
        )
    per_route: dict[int, list[int]] = defaultdict(list)
    for i, r in conn.execute(select(instrument_route.c.instrument_id, instrument_route.c.route_id)):
        if i in per_id:
            per_id[i].routes.append(r)
            per_route[r].append(i)
    for i, k in conn.execute(select(instrument_kenmerk)):
        if i in per_id:
            per_id[i].kenmerken.append(k)
    alle_met_lijst = set(
        conn.scalars(select(Instrument.id).where(actief, Instrument.alle_gemeenten.is_(False)))
    )
    for i, naam in conn.execute(
        select(instrument_gemeente.c.instrument_id, Gemeente.naam).join(
            Gemeente, Gemeente.id == instrument_gemeente.c.gemeente_id
        )
    ):
        if i in alle_met_lijst:
            per_id[i].gemeenten.append(naam)
    instrumenten = list(per_id.values())
    # Popularity falls off with rank; about one in ten active instruments is never chosen.
    volgorde = list(range(len(instrumenten)))
    rng.shuffle(volgorde)
    gewichten = [0.0] * len(instrumenten)
    for rang, index in enumerate(volgorde, start=1):
        if rang <= max(1, round(0.9 * len(instrumenten))):
            gewichten[index] = 1 / rang**0.8
    gemeenten = list(conn.scalars(select(Gemeente.naam).order_by(Gemeente.naam)))
    return _Catalogus(instrumenten, gewichten, per_route, gemeenten)


def _zoekfilters(gemeente: str | None) -> str:
    vraag = ZoekVraag(gemeenten=frozenset({gemeente}) if gemeente else frozenset())
    return json.dumps(
        vraag.model_dump(mode="json", exclude={"routes", "kenmerken"}), sort_keys=True
    )


def _moment(rng: random.Random, vandaag: dt.datetime) -> dt.datetime:
    """A working-day moment in the last two years, more often recently (use is growing)."""
    dagen = PERIODE_DAGEN * (1 - math.sqrt(rng.random()))
    dag = (vandaag - dt.timedelta(days=dagen)).date()
    while dag.weekday() >= 5:
        dag -= dt.timedelta(days=1)
    tijd = dt.time(rng.randint(8, 16), rng.choice((0, 15, 30, 45)))
    return min(dt.datetime.combine(dag, tijd, tzinfo=dt.UTC), vandaag)


def _cijfer(rng: random.Random, midden: float, spreiding: float) -> int:
    return min(10, max(1, round(rng.gauss(midden, spreiding))))


class _Bouwer:
    """Builds the rows of one batch of gesprekken (plain dicts for executemany)."""

    def __init__(self, cat: _Catalogus, rng: random.Random, vandaag: dt.datetime) -> None:
        self.cat, self.rng, self.vandaag = cat, rng, vandaag
        self.filters = {g: _zoekfilters(g) for g in [*cat.gemeenten, None]}
        self.cumulatief = list(itertools.accumulate(cat.gewichten))

    def gesprek(self) -> tuple[dict[str, Any], _Instr, list[int], int | None, int | None]:
        rng, cat = self.rng, self.cat
        doel_instr = rng.choices(cat.instrumenten, cum_weights=self.cumulatief)[0]
        route = rng.choice(doel_instr.routes) if doel_instr.routes else None
        kandidaten = cat.per_route.get(route or -1, [])
        # O(1) per gesprek: sample one more than needed and drop the chosen one if drawn.
        getrokken = rng.sample(kandidaten, min(len(kandidaten), rng.randint(1, 3) + 1))
        anderen = [i for i in getrokken if i != doel_instr.id][:3]
        lijst = [doel_instr.id, *anderen[: max(1, len(getrokken) - 1)]]
        rng.shuffle(lijst)
        gemeenten = doel_instr.gemeenten or cat.gemeenten
        gewichten = [INWONERS.get(g, 25) for g in gemeenten]
        gemeente = rng.choices(gemeenten, gewichten)[0] if rng.random() < 0.9 else None
        moment = _moment(rng, self.vandaag)
        keuze = doel_instr.id if rng.random() < 0.82 else None
        kenmerk = rng.choice(doel_instr.kenmerken) if doel_instr.kenmerken else None
        doel_soort, doel = rng.choice(teksten.DOELEN)
        rij = {
            "aangemaakt_op": moment,
            "gewijzigd_op": moment,
            "coach": f"{VOORBEELD_COACH} {rng.randint(1, 16):02d}",
            "client_referentie": None,
            "doel_soort": doel_soort,
            "doel": doel,
            "zoekfilters": self.filters[gemeente],
            "keuze_id": keuze,
            "onderbouwing": rng.choice(teksten.ONDERBOUWINGEN) if keuze else None,
        }
        return rij, doel_instr, lijst, route, kenmerk

    def terugblikken(self, instr: _Instr, begin: dt.datetime) -> list[dict[str, Any]]:
        """Zero, one (after 4 weeks) or two (also at the end) terugblikken."""
        rng = self.rng
        uit: list[dict[str, Any]] = []
        na_vier = begin + dt.timedelta(days=28 + rng.randint(0, 10))
        if na_vier > self.vandaag or rng.random() < 0.15:
            return uit
        uit.append(
            self._terugblik(instr, na_vier, rng.choices(("aangemeld", "gestart"), (3, 7))[0])
        )
        einde = begin + dt.timedelta(weeks=instr.duur_weken, days=14 + rng.randint(0, 20))
        if einde > self.vandaag or rng.random() < 0.1:
            return uit
        # A better instrument is finished more often and stopped less (about 55% and 30%).
        beter = instr.kwaliteit - 7.4
        gewichten = (0.55 + 0.08 * beter, max(0.05, 0.3 - 0.06 * beter), 0.12)
        status = rng.choices(("afgerond", "gestopt", "gestart"), gewichten)[0]
        uit.append(self._terugblik(instr, einde, status, eind=True))
        return uit

    def _terugblik(
        self, instr: _Instr, moment: dt.datetime, status: str, *, eind: bool = False
    ) -> dict[str, Any]:
        rng, q = self.rng, instr.kwaliteit
        rij: dict[str, Any] = {
            "instrument_id": instr.id, "aangemaakt_op": moment, "gewijzigd_op": moment,
            "coach": f"{VOORBEELD_COACH} {rng.randint(1, 16):02d}", "status": status,
            "reden_stoppen": rng.choice(teksten.REDENEN_STOPPEN) if status == "gestopt" else None,
            "doel_bereikt": None, "coach_totaal": None, "coach_resultaat": None,
            "coach_uitvoering": None, "coach_opmerking": None, "client_cijfer": None,
            "client_opmerking": None,
        }  # fmt: skip
        if not eind:
            return rij
        goed = (q - 4.5) / 5 + (0.25 if status == "afgerond" else -0.2)
        rij["doel_bereikt"] = rng.choices(
            teksten.DOEL_ANTWOORDEN, (max(0.05, goed), 0.35, max(0.05, 1 - goed), 0.1)
        )[0]
        if rng.random() < 0.8:
            bonus = 0.4 if status == "afgerond" else -0.8 if status == "gestopt" else 0
            rij["coach_totaal"] = _cijfer(rng, q + bonus, 0.9)
            rij["coach_resultaat"] = _cijfer(rng, q + bonus - 0.3, 1.1)
            rij["coach_uitvoering"] = _cijfer(rng, q + 0.2, 0.8)
        if rng.random() < 0.6:
            rij["client_cijfer"] = _cijfer(rng, q + 0.3, 1.4)
        if rng.random() < 0.1:
            rij["coach_opmerking"] = rng.choice(teksten.COACH_OPMERKINGEN)
        if rng.random() < 0.08:
            rij["client_opmerking"] = rng.choice(teksten.CLIENT_OPMERKINGEN)
        return rij


@dataclass(frozen=True, slots=True)
class GesprekkenStand:
    """How many gesprekken a database holds, real and fictional, and whether its catalogue
    is the sample catalogue (the only import was `keuzehulp voorbeeld` or the first start)."""

    echte: int
    voorbeeld: int
    voorbeeldcatalogus: bool

    @property
    def leeg(self) -> bool:
        return self.echte + self.voorbeeld == 0

    @property
    def mag_voorbeeld(self) -> bool:
        """Fictional gesprekken may be added here: none yet, and a sample catalogue (never
        in a real one: they would mix with the real figures)."""
        return self.leeg and self.voorbeeldcatalogus


def gesprekken_stand(db: Database) -> GesprekkenStand:
    """Counts of real and fictional gesprekken (two aggregates, one read-only unit of work),
    for the Inzicht screen's empty state and its "voorbeeldgegevens" notice."""
    from keuzehulp.services.bronbestand.voorbeeld import VOORBEELD_BRON

    voorbeeld = Gesprek.coach.startswith(VOORBEELD_COACH)
    with db.lezen() as s:
        totaal, nep = s.execute(
            select(
                func.count(), func.coalesce(func.sum(case((voorbeeld, 1), else_=0)), 0)
            ).select_from(Gesprek)
        ).one()
        # Only looked up for an empty database: a scan of the log is then cheap.
        catalogus = (
            bool(totaal == 0)
            and bool(
                s.scalar(
                    select(func.count()).select_from(Mutatie).where(Mutatie.bron == VOORBEELD_BRON)
                )
            )
            and not s.scalar(
                select(func.count())
                .select_from(Mutatie)
                .where(Mutatie.bron.startswith("import:"), Mutatie.bron != VOORBEELD_BRON)
            )
        )
    return GesprekkenStand(int(totaal) - int(nep), int(nep), catalogus)


def _ids(conn: Connection, tabel: Any, rijen: Sequence[dict[str, Any]]) -> list[int]:
    """Insert rows in one executemany and return their new ids, in order (both engines)."""
    if not rijen:
        return []
    stmt = insert(tabel).returning(tabel.c.id, sort_by_parameter_order=True)
    return list(conn.execute(stmt, list(rijen)).scalars())


def echte_gesprekken(aantal: int) -> str:
    """ "1 echt gesprek" or "12 echte gesprekken" (Dutch inflection; dots for thousands)."""
    from keuzehulp.services.inzicht.onderdrukking import getal_nl

    return "1 echt gesprek" if aantal == 1 else f"{getal_nl(aantal)} echte gesprekken"


def _controleer_leeg_van_echte(conn: Connection) -> None:
    echte = conn.scalar(
        select(func.count()).select_from(Gesprek).where(~Gesprek.coach.startswith(VOORBEELD_COACH))
    )
    if echte:
        raise InvoerFout(
            f"Deze database heeft al {echte_gesprekken(echte)}. Voorbeeldgesprekken horen daar "
            "niet bij: ze zouden de cijfers van Inzicht vervalsen. Maak ze in een nieuw "
            "bestand, bijvoorbeeld: keuzehulp --database oefen.sqlite voorbeeld --gesprekken 2000"
        )


_VOORBEELD_COACH_NAAM = re.compile(rf"{VOORBEELD_COACH} (\d{{2}})")
# A reserved top-level domain (RFC 2606): an address that can never reach anyone.
VOORBEELD_DOMEIN = "voorbeeld.invalid"


def voorbeeld_profiel(coach: str) -> CoachProfielGegevens | None:
    """The fictional contact details of a demo coach ("Voorbeeldcoach 03"), or None for any
    other login name.

    Why (privacy): a demo gesprek holds no client and no real coach, so its handout may be
    printed by anyone who can open it (a beheerder, a coach trying the demo); it must then
    carry no real person's details either. The name says it is made up, and the e-mail
    address is on a reserved domain that reaches no one. Real gesprekken keep printing only
    with their own coach's profile (ui/gesprek/afdrukken.py)."""
    m = _VOORBEELD_COACH_NAAM.fullmatch(coach)
    if m is None:
        return None
    return CoachProfielGegevens.model_construct(
        naam=f"{coach} (verzonnen)",
        telefoon=None,
        email=f"voorbeeldcoach{m[1]}@{VOORBEELD_DOMEIN}",
        organisatie="Voorbeeldgegevens, geen echte coach",
    )


def voeg_voorbeeldgesprekken_toe(
    db: Database,
    aantal: int,
    gebruiker: str,
    *,
    zaad: int = 15,
    vandaag: dt.datetime | None = None,
) -> int:
    """Add `aantal` fictional gesprekken (1 to 1,000,000) with their shortlists, choices,
    terugblikken and remarks; return how many were added. Seeded by `zaad` (same seed, same
    data). A sample catalogue without gesprekken first gets a made-up past before the first
    gesprek, stale instruments and two near-duplicate variants (`voorbeeldgeschiedenis`).
    Raises InvoerFout for a bad number, a catalogue without active instruments, or a
    database that already holds real gesprekken. All or nothing (one transaction)."""
    if not 1 <= aantal <= MAX_GESPREKKEN:
        raise InvoerFout(f"Aantal gesprekken: kies een getal van 1 tot en met {MAX_GESPREKKEN}.")
    rng = random.Random(zaad)
    vandaag = vandaag or nu()
    ctx = MutatieContext(gebruiker=gebruiker, bron="voorbeeldgesprekken")
    with db.wijzigen(ctx) as session:
        conn = session.connection()
        _controleer_leeg_van_echte(conn)
        if is_voorbeeldcatalogus_zonder_gesprekken(session):
            # Before the gesprekken read the catalogue: they may then choose the variants.
            eerste = vandaag - dt.timedelta(days=PERIODE_DAGEN + 1)
            maak_geschiedenis(session, vandaag, eerste, zaad)
        bouwer = _Bouwer(_lees_catalogus(conn, rng), rng, vandaag)
        gedaan = 0
        while gedaan < aantal:
            _voeg_blok_toe(conn, bouwer, min(BLOK, aantal - gedaan))
            gedaan += min(BLOK, aantal - gedaan)
        # Core inserts bypass the ORM's flush listener: the Inzicht facts, in whole-table
        # statements (every gesprek here is fictional, see _controleer_leeg_van_echte).
        werk_feiten_bij(conn, None)
    return gedaan


def _voeg_blok_toe(conn: Connection, bouwer: _Bouwer, aantal: int) -> None:
    gemaakt = [bouwer.gesprek() for _ in range(aantal)]
    ids = _ids(conn, Gesprek.__table__, [g[0] for g in gemaakt])
    opties, routes, kenmerken, terugblikken = [], [], [], []
    for gid, (rij, instr, lijst, route, kenmerk) in zip(ids, gemaakt, strict=True):
        opties += [
            {"gesprek_id": gid, "instrument_id": i, "volgorde": v} for v, i in enumerate(lijst)
        ]
        if route is not None:
            routes.append({"gesprek_id": gid, "route_id": route})
        if kenmerk is not None:
            kenmerken.append({"gesprek_id": gid, "kenmerk_id": kenmerk})
        if rij["keuze_id"] is not None:
            for t in bouwer.terugblikken(instr, rij["aangemaakt_op"]):
                terugblikken.append(t | {"gesprek_id": gid})
    conn.execute(insert(GesprekOptie), opties)
    if routes:
        conn.execute(insert(gesprek_route), routes)
    if kenmerken:
        conn.execute(insert(gesprek_kenmerk), kenmerken)
    tb_ids = _ids(conn, Terugblik.__table__, terugblikken)
    opmerkingen = [
        {
            "instrument_id": t["instrument_id"],
            "terugblik_id": tid,
            "bron": bron,
            "tekst": t[veld],
            "aangemaakt_op": t["aangemaakt_op"],
            "status": "nieuw",
        }
        for tid, t in zip(tb_ids, terugblikken, strict=True)
        for bron, veld in (("coach", "coach_opmerking"), ("client", "client_opmerking"))
        if t[veld]
    ]
    if opmerkingen:
        conn.execute(insert(Opmerking), opmerkingen)
