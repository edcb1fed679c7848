"""The search service against a brute-force reference on generated catalogues (hypothesis)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from keuzehulp.model.catalogus import GEMEENTEN_RIVIERENLAND, ONDERBOUWING_NIVEAUS, Kenmerk
from keuzehulp.model.catalogus import InstrumentStatus as Status
from keuzehulp.model.db import Database
from keuzehulp.services.instrumentgegevens import InstrumentGegevens
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.services.tekstzoeken import STOPWOORDEN, begin_van, stam, woorden, zoekwoorden
from keuzehulp.services.wensen import Wens, WensKeuze
from keuzehulp.services.zoeken import Sortering, ZoekService
from keuzehulp.services.zoekvraag import KLASSE_CODES, ZoekVraag
from tests.catalogusgenerator import KENMERK_CODES, ROUTE_CODES, vul_catalogus
from tests.conftest import TEST_GEBRUIKER

TYPES = ("Training", "Coaching", "Diagnose")
GEMEENTEN = GEMEENTEN_RIVIERENLAND[:4]
WOORDEN = (
    "Oriëntatie",
    "taal",
    "talen",
    "rekenen",
    "STRESS",
    "solliciteren",
    "taalcursus",
    "digitaal",
    "werkstress",
)
KLASSE_WAARDEN = {
    "kosten_centen": (None, 0, 5000, 50000, 99999, 100000, 250000),
    "duur_weken": (None, 1, 4, 5, 12, 13, 40),
    "start_soort": (None, "doorlopend", "vaste_data"),
    "nederlands_nodig": (None, True, False),
}


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
                uitvoerder=draw(st.sampled_from((None, "Taalhuis", "Reken-Wijs"))),
                doel=draw(st.sampled_from((None, "Sollicitatievaardigheden oefenen"))),
                routes=draw(_sub(ROUTE_CODES, 2)),
                kenmerken=draw(_sub(KENMERK_CODES, 4)),
                gemeenten=draw(_sub(GEMEENTEN, 2)),
                alle_gemeenten=draw(st.booleans()),
                kosten_centen=draw(st.sampled_from(KLASSE_WAARDEN["kosten_centen"])),
                onderbouwing=draw(st.sampled_from((None, *ONDERBOUWING_NIVEAUS[:2]))),
                duur_weken=draw(st.sampled_from(KLASSE_WAARDEN["duur_weken"])),
                start_soort=draw(st.sampled_from(KLASSE_WAARDEN["start_soort"])),
                startdata="2027-01-11",
                nederlands_nodig=draw(st.sampled_from(KLASSE_WAARDEN["nederlands_nodig"])),
            )
        )
    return uit


vragen = st.builds(
    ZoekVraag,
    routes=_sub(ROUTE_CODES, 2).map(frozenset),
    kenmerken=_sub(KENMERK_CODES, 3).map(frozenset),
    gemeenten=_sub(GEMEENTEN, 2).map(frozenset),
    types=_sub(TYPES, 2).map(frozenset),
    max_kosten_centen=st.sampled_from((None, 0, 99999)),
    tekst=st.sampled_from(
        (
            "",
            "orientatie",
            "TAAL  reken",
            "instrument 1",
            "sollicitatie",
            "de taal",
            "de",
            "wijs",
            "stress",
        )
    ),
    onderbouwing=_sub(ONDERBOUWING_NIVEAUS[:2], 1).map(frozenset),
    kosten=_sub(KLASSE_CODES["kosten"], 2).map(frozenset),
    duur=_sub(KLASSE_CODES["duur"], 2).map(frozenset),
    start=_sub(KLASSE_CODES["start"], 1).map(frozenset),
    nederlands=_sub(KLASSE_CODES["nederlands"], 2).map(frozenset),
)


def _onder(gekozen: str, code: str) -> bool:
    return code == gekozen or code.startswith(gekozen + ".")


def _klassen(g: InstrumentGegevens) -> dict[str, str]:
    """Each facet class written out from its definition in the handleiding."""
    k = g.kosten_centen
    kosten = (
        "onbekend"
        if k is None
        else "gratis"
        if k == 0
        else "tot_500"
        if k < 50000
        else "500_1000"
        if k < 100000
        else "1000_2500"
        if k < 250000
        else "vanaf_2500"
    )
    w = g.duur_weken
    duur = "onbekend" if w is None else "kort" if w <= 4 else "middel" if w <= 12 else "lang"
    n = g.nederlands_nodig
    return {
        "kosten": kosten,
        "duur": duur,
        "start": g.start_soort or "onbekend",
        "nederlands": "onbekend" if n is None else "nodig" if n else "niet_nodig",
    }


def tekst_past(g: InstrumentGegevens, tekst: str, kenmerk_tekst: dict[str, str]) -> bool:
    """Every query word is a word, a word form (same stem), the start of a word or (5 letters
    or more) a part of a word of a text
    of the instrument (kenmerk_tekst: code -> name and client label of the kenmerk)."""
    velden = (g.naam, g.uitvoerder, g.omschrijving, g.doel, g.werkwijze, g.doelgroep)
    kenmerken = [kenmerk_tekst[c] for c in g.kenmerken]
    eigen = {w for veld in (*velden, g.rol_werkzoekende, *kenmerken) for w in woorden(veld or "")}
    eigen -= STOPWOORDEN  # not indexed: "de", "voor", "met" ...
    return all(
        any(
            w == q or stam(w) == stam(q) or w.startswith(begin_van(q)) or (len(q) >= 5 and q in w)
            for w in eigen
        )
        for q in zoekwoorden(tekst)
    )


def past(g: InstrumentGegevens, v: ZoekVraag, kenmerk_tekst: dict[str, str]) -> bool:
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
    klassen = _klassen(g)
    for naam, gekozen in (
        ("kosten", v.kosten),
        ("duur", v.duur),
        ("start", v.start),
        ("nederlands", v.nederlands),
    ):
        if gekozen and klassen[naam] not in gekozen:
            return False
    return tekst_past(g, v.tekst, kenmerk_tekst)


def referentie(
    gegevens: list[InstrumentGegevens],
    ids: list[int],
    v: ZoekVraag,
    kenmerk_tekst: dict[str, str],
) -> set[int]:
    return {i for g, i in zip(gegevens, ids, strict=True) if past(g, v, kenmerk_tekst)}


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


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    report_multiple_bugs=False,
)
@given(gegevens=instrumenten(), vraag_lijst=st.lists(vragen, min_size=1, max_size=4))
def test_results_and_every_facet_count_match_the_reference(
    leeg_sjabloon: Path, gegevens: list[InstrumentGegevens], vraag_lijst: list[ZoekVraag]
) -> None:
    with catalogus_met(leeg_sjabloon, gegevens) as (db, ids):
        service = ZoekService(db)
        with db.lezen() as session:
            rijen = session.execute(select(Kenmerk.code, Kenmerk.naam, Kenmerk.label_client))
            kenmerk_tekst = {code: f"{naam} {label}" for code, naam, label in rijen}
        for vraag in vraag_lijst:
            antwoord = service.zoek(vraag)
            verwacht = referentie(gegevens, ids, vraag, kenmerk_tekst)
            assert len(antwoord.ids) == len(set(antwoord.ids)), "each instrument once"
            assert set(antwoord.ids) == verwacht
            f = antwoord.facetten

            def telling(veld: str, waarde: str, v: ZoekVraag = vraag) -> int:
                """Results with this value as the only choice of its own filter."""
                if veld == "kenmerken":
                    groep = waarde.split(".")[0]
                    rest = {c for c in v.kenmerken if c.split(".")[0] != groep}
                    nieuw = v.model_copy(update={"kenmerken": frozenset(rest | {waarde})})
                else:
                    nieuw = v.model_copy(update={veld: frozenset({waarde})})
                return len(referentie(gegevens, ids, nieuw, kenmerk_tekst))

            for code in ROUTE_CODES:
                assert f.routes[code] == telling("routes", code), code
            for code in KENMERK_CODES:
                assert f.kenmerken[code] == telling("kenmerken", code), code
            for naam in GEMEENTEN_RIVIERENLAND:
                assert f.gemeenten[naam] == telling("gemeenten", naam), naam
            actieve_types = {g.type for g in gegevens if g.type and g.status is Status.ACTIEF}
            assert set(f.types) == actieve_types
            for soort in actieve_types:
                assert f.types[soort] == telling("types", soort), soort
            for niveau in f.onderbouwing:
                assert f.onderbouwing[niveau] == telling("onderbouwing", niveau), niveau
            for veld, codes in KLASSE_CODES.items():
                klassen = getattr(f, veld)
                assert set(klassen) == set(codes), veld
                for code in codes:
                    assert klassen[code] == telling(veld, code), (veld, code)
            assert service.aantal(vraag) == len(verwacht)


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
        relevant_treffers = list(service.zoek(v, Sortering.RELEVANTIE).treffers)
        relevant = [(t.tekstscore, t.relevantie) for t in relevant_treffers]
        assert relevant == sorted(relevant, reverse=True)
        # Equal text score and relevance: the rating order (the base order) decides.
        plaats = {t.id: i for i, t in enumerate(service.zoek(v, Sortering.WAARDERING).treffers)}
        verwacht = sorted(
            relevant_treffers, key=lambda t: (-t.tekstscore, -t.relevantie, plaats[t.id])
        )
        assert [t.id for t in relevant_treffers] == [t.id for t in verwacht]
        wensen = (WensKeuze(wens=Wens.KORT, gewicht=2), WensKeuze(wens=Wens.ZONDER_NEDERLANDS))
        passend = service.zoek(v, Sortering.WENSEN, wensen).treffers
        sleutels = [
            (t.fit.sorteersleutel if t.fit else (), -t.tekstscore, -t.relevantie) for t in passend
        ]
        assert sleutels == sorted(sleutels)
        kosten = [t.instrument.kosten_centen for t in service.zoek(v, Sortering.KOSTEN).treffers]
        bedragen = [k for k in kosten if k is not None]
        assert bedragen == sorted(bedragen)
        assert kosten[: len(bedragen)] == bedragen, "no amount sorts last"
        cijfers = [
            t.instrument.waardering_professionals or 0.0
            for t in service.zoek(v, Sortering.WAARDERING).treffers
        ]
        assert cijfers == sorted(cijfers, reverse=True)
