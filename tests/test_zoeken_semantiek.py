"""The search service against a brute-force reference on generated catalogues (hypothesis)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keuzehulp.model.catalogus import GEMEENTEN_RIVIERENLAND, ONDERBOUWING_NIVEAUS
from keuzehulp.model.catalogus import InstrumentStatus as Status
from keuzehulp.model.db import Database
from keuzehulp.model.tekst import zoekvorm
from keuzehulp.services.instrumentgegevens import InstrumentGegevens
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.services.zoeken import Sortering, ZoekService
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.catalogusgenerator import KENMERK_CODES, ROUTE_CODES, vul_catalogus
from tests.conftest import TEST_GEBRUIKER

TYPES = ("Training", "Coaching", "Diagnose")
GEMEENTEN = GEMEENTEN_RIVIERENLAND[:4]
WOORDEN = ("Oriëntatie", "taal", "rekenen", "STRESS")


def _sub(pool: tuple[str, ...], maximum: int) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(pool), max_size=maximum, unique=True).map(tuple)


@st.composite
def instrumenten(draw: st.DrawFn) -> list[InstrumentGegevens]:
    aantal = draw(st.integers(0, 14))
    uit = []
    for i in range(aantal):
        uit.append(
            InstrumentGegevens(
                naam=f"Instrument {i} {draw(st.sampled_from(WOORDEN))}",
                status=draw(st.sampled_from((Status.ACTIEF, Status.ACTIEF, *Status))),
                type=draw(st.sampled_from((None, *TYPES))),
                omschrijving=" ".join(draw(_sub(WOORDEN, 2))),
                routes=draw(_sub(ROUTE_CODES, 2)),
                kenmerken=draw(_sub(KENMERK_CODES, 4)),
                gemeenten=draw(_sub(GEMEENTEN, 2)),
                alle_gemeenten=draw(st.booleans()),
                kosten_centen=draw(st.sampled_from((None, 0, 5000, 10000, 20000))),
                onderbouwing=draw(st.sampled_from((None, *ONDERBOUWING_NIVEAUS[:2]))),
            )
        )
    return uit


vragen = st.builds(
    ZoekVraag,
    routes=_sub(ROUTE_CODES, 2).map(frozenset),
    kenmerken=_sub(KENMERK_CODES, 3).map(frozenset),
    gemeenten=_sub(GEMEENTEN, 2).map(frozenset),
    types=_sub(TYPES, 2).map(frozenset),
    max_kosten_centen=st.sampled_from((None, 0, 10000)),
    tekst=st.sampled_from(("", "orientatie", "TAAL  reken", "instrument 1")),
    onderbouwing=_sub(ONDERBOUWING_NIVEAUS[:2], 1).map(frozenset),
)


def _onder(gekozen: str, code: str) -> bool:
    return code == gekozen or code.startswith(gekozen + ".")


def past(g: InstrumentGegevens, v: ZoekVraag) -> bool:
    """The semantics written out plainly, independent of the index."""
    if g.status is not Status.ACTIEF:
        return False
    if v.routes and not set(g.routes) & v.routes:
        return False
    for groep in {c.split(".")[0] for c in v.kenmerken}:
        gekozen = [c for c in v.kenmerken if c.split(".")[0] == groep]
        if not any(_onder(c, k) for c in gekozen for k in g.kenmerken):
            return False
    if v.gemeenten and not (g.alle_gemeenten or set(g.gemeenten) & v.gemeenten):
        return False
    if v.types and g.type not in v.types:
        return False
    if v.onderbouwing and g.onderbouwing not in v.onderbouwing:
        return False
    if v.max_kosten_centen is not None and (
        g.kosten_centen is None or g.kosten_centen > v.max_kosten_centen
    ):
        return False
    tekst = zoekvorm(f"{g.naam} {g.omschrijving or ''}")
    return all(w in tekst for w in zoekvorm(v.tekst).split())


def referentie(gegevens: list[InstrumentGegevens], ids: list[int], v: ZoekVraag) -> set[int]:
    return {i for g, i in zip(gegevens, ids, strict=True) if past(g, v)}


@contextmanager
def catalogus_met(
    sjabloon: Path, gegevens: list[InstrumentGegevens]
) -> Iterator[tuple[Database, list[int]]]:
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "k.sqlite"
        shutil.copyfile(sjabloon, pad)
        opstart = open_catalogus(f"sqlite:///{pad}", TEST_GEBRUIKER, ())
        try:
            yield opstart.database, vul_catalogus(opstart.database, gegevens)
        finally:
            opstart.database.sluit()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gegevens=instrumenten(), vraag_lijst=st.lists(vragen, min_size=1, max_size=4))
def test_results_and_every_facet_count_match_the_reference(
    leeg_sjabloon: Path, gegevens: list[InstrumentGegevens], vraag_lijst: list[ZoekVraag]
) -> None:
    with catalogus_met(leeg_sjabloon, gegevens) as (db, ids):
        service = ZoekService(db)
        for vraag in vraag_lijst:
            antwoord = service.zoek(vraag)
            verwacht = referentie(gegevens, ids, vraag)
            assert len(antwoord.ids) == len(set(antwoord.ids)), "each instrument once"
            assert set(antwoord.ids) == verwacht
            f = antwoord.facetten
            for code in ROUTE_CODES:
                erbij = vraag.model_copy(update={"routes": vraag.routes | {code}})
                assert f.routes[code] == len(referentie(gegevens, ids, erbij)), code
            for code in KENMERK_CODES:
                erbij = vraag.model_copy(update={"kenmerken": vraag.kenmerken | {code}})
                assert f.kenmerken[code] == len(referentie(gegevens, ids, erbij)), code
            for naam in GEMEENTEN_RIVIERENLAND:
                erbij = vraag.model_copy(update={"gemeenten": vraag.gemeenten | {naam}})
                assert f.gemeenten[naam] == len(referentie(gegevens, ids, erbij)), naam
            actieve_types = {g.type for g in gegevens if g.type and g.status is Status.ACTIEF}
            assert set(f.types) == actieve_types
            for soort in actieve_types:
                erbij = vraag.model_copy(update={"types": vraag.types | {soort}})
                assert f.types[soort] == len(referentie(gegevens, ids, erbij)), soort
            for niveau in f.onderbouwing:
                erbij = vraag.model_copy(update={"onderbouwing": vraag.onderbouwing | {niveau}})
                assert f.onderbouwing[niveau] == len(referentie(gegevens, ids, erbij))


@settings(max_examples=25, deadline=None)
@given(gegevens=instrumenten(), vraag=vragen)
def test_sort_orders(
    leeg_sjabloon: Path, gegevens: list[InstrumentGegevens], vraag: ZoekVraag
) -> None:
    v = vraag
    with catalogus_met(leeg_sjabloon, gegevens) as (db, _ids):
        service = ZoekService(db)
        op_naam = [t.instrument.naam.casefold() for t in service.zoek(v, Sortering.NAAM).treffers]
        assert op_naam == sorted(op_naam)
        relevant = [t.relevantie for t in service.zoek(v, Sortering.RELEVANTIE).treffers]
        assert relevant == sorted(relevant, reverse=True)
        kosten = [t.instrument.kosten_centen for t in service.zoek(v, Sortering.KOSTEN).treffers]
        bedragen = [k for k in kosten if k is not None]
        assert bedragen == sorted(bedragen)
        assert kosten[: len(bedragen)] == bedragen, "no amount sorts last"
        cijfers = [
            t.instrument.waardering_professionals or 0.0
            for t in service.zoek(v, Sortering.WAARDERING).treffers
        ]
        assert cijfers == sorted(cijfers, reverse=True)
