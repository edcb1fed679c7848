"""A made-up past for the sample catalogue, so that a demo fills every Inzicht tab.

The sample catalogue is imported "today", but the demo's gesprekken lie over the last two
years (`voorbeeldgesprekken.PERIODE_DAGEN`): without a past, instruments would be chosen
before they existed, none would be stale (Onderhoud) and no pair would look alike (Overlap).
Before the first demo gesprek is written, `maak_geschiedenis` therefore

- moves every instrument's entry into the catalogue to before the first gesprek;
- records a review date for each active one: most within the last months, VEROUDERD of them
  longer ago than the stale rule allows (services/beheer/actualiteit.py, 6 months);
- adds two clearly fictional variants ("…, Voorbeeldaanbieder …") of sample instruments with
  the same type, routes and gemeenten and (almost) the same kenmerken, so Overlap shows them.

All of it goes through the ORM in the demo's own unit of work, so the mutation log records it
truthfully: today, by the demo's user, with the demo's bron and a reason that says it is made
up. Only a sample catalogue without any gesprek gets this (never a real catalogue).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, selectinload

from keuzehulp.model.base import nu
from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.gesprek import Gesprek
from keuzehulp.model.mutatielog import CONTEXT_KEY, MutatieContext, schrijf_logrijen
from keuzehulp.model.tekst import naam_sleutel
from keuzehulp.services.instrumentgegevens import Opzoeken, gegevens_van, pas_toe

REDEN = "verzonnen geschiedenis van de voorbeeldcatalogus (oefendatabase)"
VEROUDERD = 6  # instruments whose last review is older than the stale rule
# The catalogue was filled this long before the first demo gesprek (days, range).
VOORSPRONG_DAGEN = (30, 400)
RECENT_DAGEN = (7, 150)  # review of a current instrument: well inside 6 months
OUD_DAGEN = (215, 560)  # review of a stale one: 7 to 18 months ago


@dataclass(frozen=True, slots=True)
class Variant:
    """A fictional near-duplicate of a sample instrument: `origineel` is its name there;
    `extra_kenmerk` adds one kenmerk (with 3 shared, Jaccard 3/4 = the Overlap threshold)."""

    origineel: str
    naam: str
    extra_kenmerk: str | None = None


VARIANTEN = (
    Variant(
        "Coaching naar werk, Werkzaak team Werk", "Coaching naar werk, Voorbeeldaanbieder Werkpad"
    ),
    Variant(
        "Training sollicitatievaardigheden, Werkzaak team Werk",
        "Training sollicitatievaardigheden, Voorbeeldaanbieder Sollicitatieplein",
        extra_kenmerk="1.1",
    ),
)
OMSCHRIJVING = (
    "Verzonnen variant van ‘{origineel}’, alleen voor de oefendatabase. Hij lijkt met opzet "
    "bijna op het origineel: Inzicht > Overlap laat dit paar zien."
)


def is_voorbeeldcatalogus_zonder_gesprekken(session: Session) -> bool:
    """True when the catalogue is the sample one (its import is in the log, no other import
    is) and no gesprek exists yet: only then may the demo give it a made-up past."""
    from keuzehulp.services.bronbestand.voorbeeld import VOORBEELD_BRON

    if session.scalar(select(exists().where(Gesprek.id.is_not(None)))):
        return False
    if not session.scalar(select(exists().where(Mutatie.bron == VOORBEELD_BRON))):
        return False
    andere = exists().where(Mutatie.bron.startswith("import:"), Mutatie.bron != VOORBEELD_BRON)
    return not session.scalar(select(andere))


def maak_geschiedenis(
    session: Session, vandaag: dt.datetime, eerste_gesprek: dt.datetime, zaad: int
) -> int:
    """Give the sample catalogue in `session` a past before `eerste_gesprek` (UTC) and add the
    fictional variants; return how many variants were added (0 to len(VARIANTEN): a variant
    whose original is missing or parked, or whose name is taken, is left out). Same `zaad`,
    same dates. The session must carry a MutatieContext; its reason is REDEN meanwhile."""
    rng = random.Random(zaad * 7919 + 1)  # apart from the gesprekken' generator
    ctx = session.info[CONTEXT_KEY]
    assert isinstance(ctx, MutatieContext)
    session.info[CONTEXT_KEY] = replace(ctx, reden=REDEN)
    try:
        toegevoegd = _voeg_varianten_toe(session)
        session.flush()
        instrumenten = list(session.scalars(select(Instrument).order_by(Instrument.id)))
        actief = [i for i in instrumenten if i.status == InstrumentStatus.ACTIEF]
        oud = {i.id for i in rng.sample(actief, min(VEROUDERD, len(actief)))}
        for i in actief:
            bereik = OUD_DAGEN if i.id in oud else RECENT_DAGEN
            i.beoordeeld_op = vandaag - dt.timedelta(days=rng.randint(*bereik))
        session.flush()  # logs the review dates (and stamps gewijzigd_op: set again below)
        rijen = []
        for i in instrumenten:
            sinds = eerste_gesprek - dt.timedelta(
                days=rng.randint(*VOORSPRONG_DAGEN), minutes=rng.randint(0, 600)
            )
            rijen.append(_logrij(session, i, i.aangemaakt_op, sinds))
            i.aangemaakt_op = i.gewijzigd_op = sinds  # bookkeeping: the listener skips these
        session.flush()
        schrijf_logrijen(session, rijen)
    finally:
        session.info[CONTEXT_KEY] = ctx
    return toegevoegd


def _voeg_varianten_toe(session: Session) -> int:
    opzoeken = Opzoeken.laad(session)
    toegevoegd = 0
    for v in VARIANTEN:
        origineel = session.scalar(
            select(Instrument)
            .where(Instrument.naam == v.origineel, Instrument.status == InstrumentStatus.ACTIEF)
            .options(
                selectinload(Instrument.routes),
                selectinload(Instrument.kenmerken),
                selectinload(Instrument.gemeenten),
            )
        )
        bezet = session.scalar(
            select(func.count()).where(Instrument.naam_sleutel == naam_sleutel(v.naam))
        )
        if origineel is None or bezet:
            continue
        gegevens = gegevens_van(origineel)
        kenmerken = gegevens.kenmerken
        if (
            v.extra_kenmerk
            and v.extra_kenmerk not in kenmerken
            and v.extra_kenmerk in (opzoeken.kenmerken)
        ):
            kenmerken = tuple(sorted((*kenmerken, v.extra_kenmerk)))
        gegevens = gegevens.model_copy(
            update={
                "naam": v.naam,
                "uitvoerder": v.naam.rpartition(", ")[2],  # the made-up provider
                "kenmerken": kenmerken,
                "omschrijving": OMSCHRIJVING.format(origineel=v.origineel),
            }
        )
        instrument = Instrument(naam=v.naam)
        pas_toe(instrument, gegevens, opzoeken)  # before add: one "toegevoegd" row
        session.add(instrument)
        toegevoegd += 1
    return toegevoegd


def _logrij(
    session: Session, i: Instrument, oud: dt.datetime, nieuw: dt.datetime
) -> dict[str, object]:
    ctx = session.info[CONTEXT_KEY]
    assert isinstance(ctx, MutatieContext)
    return {
        "tijdstip": nu(),
        "gebruiker": ctx.gebruiker,
        "actie": "gewijzigd",
        "entiteit": Instrument.mutatie_label,
        "entiteit_id": i.id,
        "entiteit_naam": i.naam,
        "reden": ctx.reden,
        "bron": ctx.bron,
        "veld": "aangemaakt_op",
        "oude_waarde": oud.isoformat(),
        "nieuwe_waarde": nieuw.isoformat(),
    }
