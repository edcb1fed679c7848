"""A patched search index equals a fresh build, after any sequence of catalogue changes.

`ZoekService.bouw_index(Bijwerking)` patches the index for the instruments a change touched
(saved, parked, restored, published, new) and for renamed kenmerken; every other change is
built anew. Compared by instrument id: rows, every mask, the orders, costs and what every
word of the catalogue finds in the free text, with its points.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.mutatielog import Wijzigingen
from keuzehulp.services.beheer import instrumenten
from keuzehulp.services.beheer.kenmerken import hernoem, leg_uit
from keuzehulp.services.tekstzoeken import woorden
from keuzehulp.services.zoeken import Sortering, ZoekService
from keuzehulp.services.zoekindex import ZoekIndex, laad_index
from keuzehulp.services.zoekindex_bijwerken import Bijwerking
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.beheer_hulp import compleet
from tests.catalogusgenerator import (
    AFGELEIDE_CODES,
    GEMEENTEN_RIVIERENLAND,
    ROUTE_CODES,
    TYPES,
    WOORDEN,
    vul_catalogus,
    willekeurige_gegevens,
)
from tests.conftest import TEST_GEBRUIKER

U = TEST_GEBRUIKER


def _ids(index: ZoekIndex, mask: int) -> list[int]:
    tekst = format(mask, "b")[::-1]
    return sorted(index.rijen[p].id for p, c in enumerate(tekst) if c == "1")


def vorm(index: ZoekIndex, zoekwoorden: list[str]) -> dict[str, Any]:
    """Everything the search reads from an index, by instrument id instead of position."""
    levend = _ids(index, index.alles)
    per_id = {r.id: r for p, r in enumerate(index.rijen) if index.alles >> p & 1}
    families = (
        "route_mask",
        "kenmerk_mask",
        "eigen_kenmerk_mask",
        "gemeente_mask",
        "type_mask",
        "onderbouwing_mask",
    )
    for naam in ("op_naam", "op_waardering", "op_kosten"):
        volgorde = getattr(index, naam)
        assert all(index.rang[naam][p] == i for i, p in enumerate(volgorde))
    tekst = index.tekst.index()
    return {
        "rijen": [per_id[i] for i in levend],
        "positie": {i: index.rijen[index.positie[i]] for i in levend},
        "opties": (index.routes, index.kenmerken, index.gemeenten, index.types),
        "onderbouwing": index.onderbouwing,
        "masks": {f: {k: _ids(index, m) for k, m in getattr(index, f).items()} for f in families},
        "klassen": {
            f: {k: _ids(index, m) for k, m in ms.items()} for f, ms in index.klasse_mask.items()
        },
        "volgordes": {
            n: [index.rijen[p].id for p in getattr(index, n)]
            for n in ("op_naam", "op_waardering", "op_kosten")
        },
        "kosten": sorted((c, index.rijen[p].id) for c, p in index.kosten_volgorde),
        "tekst": {
            w: [(punten, _ids(index, m)) for punten, m in tekst.zoek_woord(w).lagen]
            for w in zoekwoorden
        },
    }


def _zoekwoorden(index: ZoekIndex) -> list[str]:
    """Every word of the live names and kenmerken, some word starts and parts of words."""
    alle: set[str] = set()
    for p, rij in enumerate(index.rijen):
        if index.alles >> p & 1:
            alle.update(woorden(rij.naam + " " + (rij.uitvoerder or "")))
    for optie in index.kenmerken.values():
        alle.update(woorden(optie.naam))
    alle.update(w.casefold() for w in WOORDEN)
    alle.update(("train", "aanbied", "coaching", "sollicitatie", "hernoemd"))
    return sorted(alle)


def _antwoord(service: ZoekService, vraag: ZoekVraag) -> tuple[Any, ...]:
    antwoord = service.zoek(vraag, Sortering.RELEVANTIE)
    return antwoord.ids, antwoord.facetten, antwoord.totaal_actief


VRAGEN = (
    ZoekVraag(),
    ZoekVraag(tekst="aanbieder training"),
    ZoekVraag(routes=frozenset({ROUTE_CODES[0]}), kenmerken=frozenset({"1"})),
    ZoekVraag(gemeenten=frozenset({GEMEENTEN_RIVIERENLAND[0]}), max_kosten_centen=200_000),
)

SOORTEN = (
    *("naam", "type", "kosten", "kenmerken", "routes", "gemeenten", "tekst"),
    *("parkeer", "herstel", "publiceer", "nieuw", "hernoem", "label"),
)
stap = st.tuples(
    st.sampled_from(SOORTEN),
    st.integers(0, 10_000),
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(stappen=st.lists(stap, min_size=1, max_size=8))
def test_patched_index_equals_a_fresh_build(
    database: Database, stappen: list[tuple[str, int]]
) -> None:
    if not instrumenten.instrument_namen(database):
        vul_catalogus(database, willekeurige_gegevens(random.Random(7), 30))
    gezien: list[Wijzigingen] = []
    database.na_commit.append(gezien.append)
    service = ZoekService(database)
    try:
        for soort, getal in stappen:
            gezien.clear()
            _voer_uit(database, soort, getal)
            bijwerking = Bijwerking.uit(gezien)
            assert bijwerking is not None, (soort, gezien)
            service.zet_index(service.bouw_index(bijwerking))
            vers = laad_index(database)
            assert vorm(service._index, _zoekwoorden(vers)) == vorm(vers, _zoekwoorden(vers))
            opnieuw = ZoekService(database)
            for vraag in VRAGEN:
                assert _antwoord(service, vraag) == _antwoord(opnieuw, vraag)
    finally:
        database.na_commit.remove(gezien.append)


def _voer_uit(db: Database, soort: str, getal: int) -> None:
    rng = random.Random(getal)
    namen = instrumenten.instrument_namen(db)
    iid = namen[getal % len(namen)][0]
    if soort in ("hernoem", "label"):
        code = AFGELEIDE_CODES[getal % len(AFGELEIDE_CODES)]
        if soort == "hernoem":
            hernoem(db, U, code, f"Hernoemd kenmerk {getal}", "test")
        else:
            leg_uit(db, U, code, "Uitleg.", "Uitleg voor jou.", "test", f"label {getal}")
        return
    if soort == "nieuw":
        gegevens = compleet(
            f"Training, Nieuw {getal} {len(namen)}",
            type=rng.choice(TYPES),
            status=InstrumentStatus.ACTIEF,
            kenmerken=tuple(rng.sample(AFGELEIDE_CODES, 2)),
        )
        instrumenten.maak_instrument(db, U, gegevens, "test")
        return
    b = instrumenten.open_instrument(db, iid)
    if soort in ("parkeer", "herstel", "publiceer"):
        status = b.gegevens.status
        if soort == "parkeer" and status != InstrumentStatus.GEPARKEERD:
            instrumenten.parkeer(db, U, iid, b.versie, "test")
        elif soort == "herstel" and status == InstrumentStatus.GEPARKEERD:
            instrumenten.herstel(db, U, iid, b.versie, "test")
        elif status != InstrumentStatus.ACTIEF:
            instrumenten.publiceer(db, U, iid, b.versie, "test")
        else:
            instrumenten.parkeer(db, U, iid, b.versie, "test")
        return
    g = b.gegevens
    wijziging: dict[str, Any] = {
        "naam": {"naam": f"{g.type or 'Training'}, Anders {iid} {getal} {rng.choice(WOORDEN)}"},
        "type": {"type": rng.choice(TYPES)},
        "kosten": {"kosten_centen": rng.choice((None, 0, 250_000, 100)), "kosten_tekst": "x"},
        "kenmerken": {"kenmerken": tuple(rng.sample(AFGELEIDE_CODES, rng.randint(1, 3)))},
        "routes": {"routes": tuple(rng.sample(ROUTE_CODES, rng.randint(1, 2)))},
        "gemeenten": {"gemeenten": (), "alle_gemeenten": True}
        if g.gemeenten
        else {"gemeenten": (GEMEENTEN_RIVIERENLAND[getal % 3],), "alle_gemeenten": False},
        "tekst": {"omschrijving": " ".join(rng.sample(WOORDEN, 3))},
    }[soort]
    instrumenten.bewaar_instrument(db, U, iid, b.versie, g.model_copy(update=wijziging), "test")


def test_other_changes_are_built_anew() -> None:
    """Routes, gemeenten and ratings from terugblikken are not patched."""
    assert Bijwerking.uit([Wijzigingen.uit([("gemeente", 3)])]) is None
    assert Bijwerking.uit([Wijzigingen.uit([("route", 1)])]) is None
    assert Bijwerking.uit([Wijzigingen.uit([], "terugblik")]) is None
    assert Bijwerking.uit([Wijzigingen.uit([("instrument", None)])]) is None
    alleen = Bijwerking.uit([Wijzigingen.uit([("instrument", 4), ("opmerking", 2)])])
    assert alleen == Bijwerking(frozenset({4}))


def test_a_moved_kenmerk_makes_the_patch_give_up(database: Database) -> None:
    """A kenmerk tree that changed shape (here: one switched off) needs a full build."""
    from keuzehulp.services.beheer.kenmerken import pensioneer
    from keuzehulp.services.zoekindex_bijwerken import werk_bij

    vul_catalogus(database, willekeurige_gegevens(random.Random(3), 5))
    oud = laad_index(database)
    pensioneer(database, U, AFGELEIDE_CODES[0], "test")
    assert werk_bij(database, oud, Bijwerking(frozenset(), kenmerken=True)) is None
