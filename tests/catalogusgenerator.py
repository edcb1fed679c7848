"""Generated catalogues for search tests and benchmarks, written through InstrumentGegevens."""

from __future__ import annotations

import random
from collections.abc import Sequence

from keuzehulp.model.basisgegevens import KENMERKEN, ROUTES
from keuzehulp.model.catalogus import (
    GEMEENTEN_RIVIERENLAND,
    ONDERBOUWING_NIVEAUS,
    Instrument,
    InstrumentStatus,
)
from keuzehulp.model.db import Database
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, Opzoeken, pas_toe

ROUTE_CODES: tuple[str, ...] = tuple(r.code for r in ROUTES)
KENMERK_CODES: tuple[str, ...] = tuple(k.code for k in KENMERKEN)
# What an instrument may be tagged with in the bronbestand: derived kenmerken, not the groups.
AFGELEIDE_CODES: tuple[str, ...] = tuple(c for c in KENMERK_CODES if "." in c)
TYPES: tuple[str, ...] = ("Training", "Coaching", "Cursus", "Diagnose", "Activering", "Bemiddeling")
WOORDEN: tuple[str, ...] = (
    "sollicitatie",
    "Oriëntatie",
    "taal",
    "Rekenen",
    "werkervaring",
    "coach",
    "groep",
    "België",
    "stress",
    "digitaal",
)


def willekeurige_gegevens(
    rng: random.Random, aantal: int, begin: int = 0
) -> list[InstrumentGegevens]:
    """`aantal` varied instruments; about one in eight parked or concept.

    Each is complete (routes, derived kenmerken, a gemeente, how to apply), as the bronbestand
    and the editor require: an exported generated catalogue imports again, and a published
    one can be saved in the editor. Provider numbers start at
    `begin`, so that batches made one after another have distinct names. "Alle gemeenten"
    has no list besides, as a bronbestand has it (issue 12).
    """
    uit = []
    for i in range(begin, begin + aantal):
        soort = rng.choice(TYPES)
        status = rng.choices(
            (InstrumentStatus.ACTIEF, InstrumentStatus.GEPARKEERD, InstrumentStatus.CONCEPT),
            (14, 1, 1),
        )[0]
        kosten = rng.choice((None, rng.randrange(0, 500_000, 2500)))
        uit.append(
            InstrumentGegevens(
                naam=f"{soort}, Aanbieder {i} {rng.choice(WOORDEN)}",
                status=status,
                type=soort,
                uitvoerder=f"Aanbieder {i}",
                omschrijving=" ".join(rng.sample(WOORDEN, 3)),
                routes=tuple(rng.sample(ROUTE_CODES, rng.randint(1, 2))),
                kenmerken=tuple(rng.sample(AFGELEIDE_CODES, rng.randint(1, 4))),
                gemeenten=(
                    gemeenten := tuple(rng.sample(GEMEENTEN_RIVIERENLAND, rng.randint(0, 3)))
                ),
                alle_gemeenten=not gemeenten or rng.random() < 0.2,
                aanmelding=f"Bel Aanbieder {i}.",
                omvang_duur=f"{rng.randint(1, 20)} weken",
                kosten_centen=kosten,
                kosten_tekst="op aanvraag" if kosten is None else None,
                waardering_professionals=rng.choice((None, round(rng.uniform(5, 9), 1))),
                onderbouwing=rng.choice((None, *ONDERBOUWING_NIVEAUS)),
                overleg_met="de psycholoog" if rng.random() < 0.03 else None,
            )
        )
        if uit[-1].alle_gemeenten:  # "Alle gemeenten" has no list of its own
            uit[-1] = uit[-1].model_copy(update={"gemeenten": ()})
    return uit


def vul_catalogus(db: Database, gegevens: Sequence[InstrumentGegevens]) -> list[int]:
    """Add the instruments in one unit of work; returns their ids in order."""
    context = MutatieContext("tester", "test", "gegenereerde catalogus")
    with db.wijzigen(context) as session:
        opzoeken = Opzoeken.laad(session)
        instrumenten = []
        for g in gegevens:
            instrument = Instrument()
            pas_toe(instrument, g, opzoeken)
            session.add(instrument)
            instrumenten.append(instrument)
        session.flush()
        return [i.id for i in instrumenten]


def kleine_catalogus() -> list[InstrumentGegevens]:
    """Five hand-made instruments with known answers (two of them never shown)."""
    return [
        InstrumentGegevens(
            naam="Training sollicitatie, Aanbieder A",
            status=InstrumentStatus.ACTIEF,
            type="Training",
            uitvoerder="Aanbieder A",
            omschrijving="Je oefent een sollicitatiegesprek.",
            routes=("work_first",),
            kenmerken=("4.1",),
            gemeenten=("Tiel",),
            omvang_duur="6 weken",
            kosten_centen=50000,
            waardering_professionals=7.0,
        ),
        InstrumentGegevens(
            naam="Coaching, Aanbieder B",
            status=InstrumentStatus.ACTIEF,
            type="Coaching",
            uitvoerder="Aanbieder B",
            omschrijving="Coaching bij stress en zelfregulatie.",
            routes=("human_capital_first", "life_first"),
            kenmerken=("1.4", "3.1.2"),
            alle_gemeenten=True,
            kosten_tekst="op aanvraag",
            waardering_professionals=8.0,
        ),
        InstrumentGegevens(
            naam="Psychologisch onderzoek, Aanbieder C",
            status=InstrumentStatus.ACTIEF,
            type="Diagnose",
            uitvoerder="Aanbieder C",
            omschrijving="Een onderzoek door een psycholoog.",
            routes=("human_capital_first",),
            kenmerken=("3.1.1",),
            gemeenten=("Buren",),
            kosten_centen=120000,
            regiehouder="R. Regie",
            overleg_met="de psycholoog van Werkzaak",
            aanmelding="Mail naar planning@voorbeeld.example",
        ),
        InstrumentGegevens(
            naam="Geparkeerd, Aanbieder P",
            status=InstrumentStatus.GEPARKEERD,
            type="Training",
            routes=("work_first",),
            kenmerken=("4.1",),
            alle_gemeenten=True,
        ),
        InstrumentGegevens(
            naam="Concept, Aanbieder Q",
            status=InstrumentStatus.CONCEPT,
            type="Training",
            routes=("work_first",),
            kenmerken=("4.1",),
            alle_gemeenten=True,
        ),
    ]
