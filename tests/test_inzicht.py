"""Inzicht aggregates against hand-counted cases, on SQLite and PostgreSQL (issue 15 item 7)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import update

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.beheer import actualiteit
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.inzicht import dekking, onderhoud
from keuzehulp.services.inzicht.filter import InzichtFilter
from keuzehulp.services.inzicht.gebruik import GEEN, Dimensie, GebruikRij, gebruik
from keuzehulp.services.inzicht.kosten import TOTAAL, KostenRij, kosten
from keuzehulp.services.inzicht.overlap import overlap
from keuzehulp.services.inzicht.uitkomsten import uitkomsten
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.inzicht_hulp import TB, G, utc, voeg_toe


@pytest.fixture
def klein(database: Database) -> tuple[Database, list[int]]:
    """A: training, Tiel, work first, 4.1, € 500. B: coaching, all gemeenten, human capital
    and life first, 1.4 and 3.1.2, price on request. C: diagnose, Buren, human capital,
    3.1.1, € 1200. Plus one parked and one concept instrument (never counted)."""
    ids = vul_catalogus(database, kleine_catalogus())
    a, b, c = ids[:3]
    voeg_toe(
        database,
        [
            G(utc(2026, 1, 10), (a, b), a, ("work_first",), ("4.1",), ("Tiel",),
              (TB(utc(2026, 2, 10), "gestart"),
               TB(utc(2026, 3, 10), "afgerond", "ja", coach=8, client=9))),
            G(utc(2026, 1, 20), (b, c), b, ("human_capital_first",), ("1.4",), ("Tiel", "Buren"),
              (TB(utc(2026, 2, 20), "gestopt", "nee", coach=5),)),
            G(utc(2026, 2, 5), (c,), c, (), (), (),
              (TB(utc(2026, 3, 1), "aangemeld"), TB(utc(2026, 4, 1), "gestart"))),
            G(utc(2026, 2, 15), (b,), None, ("human_capital_first",), (), ("Buren",)),
        ],
    )  # fmt: skip
    return database, ids


def _tel(db: Database, dim: Dimensie, f: InzichtFilter | None = None) -> dict[str, tuple[int, ...]]:
    with db.lezen() as s:
        rijen = gebruik(s, f or InzichtFilter(), dim)
    return {r.sleutel: dataclasses.astuple(r)[2:] for r in rijen}


def test_gebruik_per_maand_en_stand_van_de_laatste_terugblik(
    klein: tuple[Database, list[int]],
) -> None:
    db, _ = klein
    # (gesprekken, korte lijst, gekozen, gestart, afgerond, gestopt)
    assert _tel(db, Dimensie.PERIODE) == {
        "2026-01": (2, 2, 2, 0, 1, 1),
        "2026-02": (2, 2, 1, 1, 0, 0),  # C: aangemeld, then gestart: the newest counts
    }


def test_gebruik_per_instrument(klein: tuple[Database, list[int]]) -> None:
    db, (a, b, c, *_) = klein
    assert _tel(db, Dimensie.INSTRUMENT) == {
        str(a): (1, 1, 1, 0, 1, 0),
        str(b): (3, 3, 1, 0, 0, 1),
        str(c): (2, 2, 1, 1, 0, 0),
    }


def test_gebruik_per_gemeente_route_en_kenmerk(klein: tuple[Database, list[int]]) -> None:
    db, _ = klein
    assert _tel(db, Dimensie.GEMEENTE) == {
        "Buren": (2, 2, 1, 0, 0, 1),
        "Tiel": (2, 2, 2, 0, 1, 1),
        GEEN: (1, 1, 1, 1, 0, 0),
    }
    assert _tel(db, Dimensie.ROUTE) == {
        "human_capital_first": (2, 2, 1, 0, 0, 1),
        "work_first": (1, 1, 1, 0, 1, 0),
        GEEN: (1, 1, 1, 1, 0, 0),
    }
    assert _tel(db, Dimensie.KENMERK) == {
        "1.4": (1, 1, 1, 0, 0, 1),
        "4.1": (1, 1, 1, 0, 1, 0),
        GEEN: (2, 2, 1, 1, 0, 0),
    }
    with db.lezen() as s:
        namen = {r.sleutel: r.naam for r in gebruik(s, InzichtFilter(), Dimensie.KENMERK)}
    assert namen["4.1"] == "4.1 Sollicitatievaardigheden"
    with db.lezen() as s:
        routes = {r.sleutel: r.naam for r in gebruik(s, InzichtFilter(), Dimensie.ROUTE)}
    assert routes["work_first"] == "Eerst werk vinden"  # Dutch, never "Work first"


def test_filter_op_periode_en_gemeente(klein: tuple[Database, list[int]]) -> None:
    db, _ = klein
    tiel = InzichtFilter(gemeente="Tiel")
    assert _tel(db, Dimensie.PERIODE, tiel) == {"2026-01": (2, 2, 2, 0, 1, 1)}
    februari = InzichtFilter(van=dt.date(2026, 2, 1), tot=dt.date(2026, 2, 15))
    assert _tel(db, Dimensie.PERIODE, februari) == {"2026-02": (2, 2, 1, 1, 0, 0)}
    assert _tel(db, Dimensie.GEMEENTE, InzichtFilter(tot=dt.date(2026, 1, 10))) == {
        "Tiel": (1, 1, 1, 0, 1, 0)
    }
    assert _tel(db, Dimensie.PERIODE, InzichtFilter(gemeente="Zaltbommel")) == {}
    with pytest.raises(InvoerFout, match="ligt vóór"):
        InzichtFilter(van=dt.date(2026, 2, 1), tot=dt.date(2026, 1, 1))


def test_kosten_per_maand_en_gemeente(klein: tuple[Database, list[int]]) -> None:
    db, _ = klein
    with db.lezen() as s:
        rijen = kosten(s, InzichtFilter())
    assert rijen == [
        KostenRij("2026-01", "Buren", 1, 1, 0),  # B has no amount
        KostenRij("2026-01", "Tiel", 2, 1, 50000),
        KostenRij("2026-01", TOTAAL, 2, 1, 50000),  # g2 is in Tiel and Buren: counted once
        KostenRij("2026-02", GEEN, 1, 0, 120000),
        KostenRij("2026-02", TOTAAL, 1, 0, 120000),
    ]


def test_uitkomsten_en_cijfers(klein: tuple[Database, list[int]]) -> None:
    db, (a, b, c, *_) = klein
    with db.lezen() as s:
        per = {u.instrument_id: u for u in uitkomsten(s, InzichtFilter())}
    assert set(per) == {a, b, c}
    assert per[a].gesprekken == 1
    assert per[a].status == {"aangemeld": 0, "gestart": 0, "afgerond": 1, "gestopt": 0}
    assert per[a].doel == {"ja": 1, "deels": 0, "nee": 0, "weet_niet": 0}
    assert per[a].cijfers["coach_totaal"].gemiddelde == 8
    assert per[a].cijfers["client_cijfer"].gesprekken == 1
    assert per[b].status["gestopt"] == 1 and per[b].doel["nee"] == 1
    assert per[c].status == {"aangemeld": 0, "gestart": 1, "afgerond": 0, "gestopt": 0}
    assert per[c].cijfers["coach_totaal"].gesprekken == 0


def test_dekking_telt_onderdelen_en_alleen_actieve_instrumenten(
    klein: tuple[Database, list[int]],
) -> None:
    db, _ = klein
    with db.lezen() as s:
        alle = dekking.dekking_routes(s)
        zaltbommel = dekking.dekking_routes(s, "Zaltbommel")
        tiel = dekking.dekking_routes(s, "Tiel")
        per_gemeente = dekking.dekking_gemeenten(s)
    # The parked and the concept instrument (work first, 4.1) do not count.
    assert alle.aantal[("4.1", "work_first")] == 1
    assert alle.aantal[("4", "work_first")] == 1
    assert alle.aantal[("3.1", "human_capital_first")] == 2  # B (3.1.2) and C (3.1.1)
    assert alle.aantal[("3", "human_capital_first")] == 2
    assert ("2.1", "life_first") not in alle.aantal and alle.wit("2.1", "life_first")
    # An instrument only in Tiel does not cover Zaltbommel; one in all gemeenten does.
    assert ("4.1", "work_first") not in zaltbommel.aantal
    assert tiel.aantal[("4.1", "work_first")] == 1
    assert zaltbommel.aantal[("3.1", "human_capital_first")] == 1
    assert per_gemeente.aantal[("4.1", "Tiel")] == 1
    assert ("4.1", "Zaltbommel") not in per_gemeente.aantal
    # A cell adds the instruments of all gemeenten (B, 3.1.2) to those listed there (C, 3.1.1).
    assert per_gemeente.aantal[("3.1", "Buren")] == 2
    assert per_gemeente.aantal[("3.1", "Tiel")] == per_gemeente.aantal[("3", "Zaltbommel")] == 1
    assert per_gemeente.aantal[("3.1", "Buren")] == 2
    assert per_gemeente.aantal[("3.1", "Tiel")] == 1
    assert [c for c, _ in alle.kolommen] == ["life_first", "human_capital_first", "work_first"]
    # A user reads the Dutch labels, as everywhere else in the app (never "Life first").
    assert [n for _, n in alle.kolommen] == [
        "Eerst verbeteren leefsituatie",
        "Eerst vergroten kans op werk",
        "Eerst werk vinden",
    ]
    codes = [c for c, _, _ in alle.kenmerken]
    assert codes.index("1.3.4") < codes.index("1.4") and codes[0] == "1"


def test_overlap_zoekt_gelijke_profielen(database: Database) -> None:
    basis = kleine_catalogus()[0]  # training, Tiel, work first, 4.1

    def variant(naam: str, **velden: object) -> object:
        return basis.model_copy(update={"naam": naam, **velden})

    ids = vul_catalogus(
        database,
        [
            basis,
            variant("Tweeling", uitvoerder="Ander"),
            variant("Andere gemeente", gemeenten=("Buren",)),
            variant("Ander type", type="Coaching"),
            variant("Meer kenmerken", kenmerken=("4.1", "5.1")),
            variant("Geparkeerde tweeling", status="geparkeerd"),
            variant("Zonder kenmerken", kenmerken=()),
            variant("Ook zonder kenmerken", kenmerken=()),
        ],  # type: ignore[list-item]
    )
    with database.lezen() as s:
        paren = overlap(s)
        ruimer = overlap(s, 0.5)
    assert [(p.a_id, p.b_id, p.jaccard) for p in paren] == [(ids[0], ids[1], 1.0)]
    assert {(p.a_id, p.b_id) for p in ruimer} == {
        (ids[0], ids[1]), (ids[0], ids[4]), (ids[1], ids[4])
    }  # fmt: skip
    assert paren[0].a_naam == basis.naam and paren[0].gedeeld == 1


def test_nooit_gekozen_en_verouderd(klein: tuple[Database, list[int]]) -> None:
    db, (a, b, c, *_) = klein
    with db.wijzigen(MutatieContext("tester", "test", "oud")) as s:
        s.execute(
            update(Instrument)
            .where(Instrument.id.in_([a, b, c]))
            .values(aangemaakt_op=utc(2025, 1, 1))
        )
    with db.lezen() as s:
        recent = onderhoud.nooit_gekozen(s, peildatum=utc(2026, 6, 1))
        later = onderhoud.nooit_gekozen(s, peildatum=utc(2027, 2, 1))
        nieuw = onderhoud.nieuwer(s, peildatum=utc(2027, 2, 1))
        nu_nieuw = onderhoud.nieuwer(s, peildatum=utc(2026, 6, 1))
    assert recent == []
    assert {r.id for r in later} == {a, b}  # C was chosen in February 2026
    assert later[0].sinds == utc(2025, 1, 1)
    assert nieuw == 0 and nu_nieuw == 0  # the three active ones are old enough
    with db.wijzigen(MutatieContext("tester", "test", "nieuw")) as s:
        s.execute(
            update(Instrument).where(Instrument.id == b).values(aangemaakt_op=utc(2026, 3, 1))
        )
    with db.lezen() as s:
        later = onderhoud.nooit_gekozen(s, peildatum=utc(2027, 2, 1))
        nieuw = onderhoud.nieuwer(s, peildatum=utc(2027, 2, 1))
        oud = onderhoud.oud_genoeg(s, peildatum=utc(2027, 2, 1))
    assert {r.id for r in later} == {a}  # B was added after 1-2-2026: not a full year
    assert (nieuw, oud) == (1, 2)
    with db.wijzigen(MutatieContext("tester", "test", "oud")) as s:
        s.execute(
            update(Instrument).where(Instrument.id == a).values(beoordeeld_op=utc(2020, 1, 1))
        )
    with db.lezen() as s:
        oud = onderhoud.verouderd(s)
    assert [r.id for r in oud] == [a]
    assert oud[0].sinds == utc(2020, 1, 1)
    # The same rule as Beheer > Actualiteit.
    assert [v.id for v in actualiteit.verouderd(db)] == [a]


def test_gemeente_uit_een_bewaard_gesprek(database: Database) -> None:
    """The gemeente is read from the search filters exactly as the gesprek service stores them."""
    a, b, *_ = vul_catalogus(database, kleine_catalogus())
    invoer = GesprekInvoer(
        zoekvraag=ZoekVraag(gemeenten=frozenset({"Tiel", "West Maas en Waal"})),
        opties=(Optie(instrument_id=a), Optie(instrument_id=b)),
        keuze_id=b,
    )
    GesprekService(database).bewaar(invoer, "tester")
    tel = _tel(database, Dimensie.GEMEENTE)
    assert tel == {"Tiel": (1, 1, 1, 0, 0, 0), "West Maas en Waal": (1, 1, 1, 0, 0, 0)}
    assert _tel(database, Dimensie.PERIODE, InzichtFilter(gemeente="West Maas en Waal"))


def test_geen_gesprekken_geeft_lege_tabellen(database: Database) -> None:
    with database.lezen() as s:
        for dim in Dimensie:
            assert gebruik(s, InzichtFilter(), dim) == []
        assert kosten(s, InzichtFilter()) == []
        assert uitkomsten(s, InzichtFilter()) == []


def test_gebruikrij_velden() -> None:
    velden = [f.name for f in dataclasses.fields(GebruikRij)]
    assert velden[2:] == ["gesprekken", "korte_lijst", "gekozen", "gestart", "afgerond", "gestopt"]


def test_catalogusfiguren_tot_de_catalogus_verandert(klein: tuple[Database, list[int]]) -> None:
    """Coverage and overlap are kept while the mutation log's head stays, and computed anew
    (the same as uncached) once a catalogue change is logged."""
    from keuzehulp.services.inzicht import catalogusfiguren

    db, _ = klein
    with db.lezen() as s:
        eerst = catalogusfiguren.dekking_routes(s, "Tiel")
        assert catalogusfiguren.dekking_routes(s, "Tiel") is eerst
        assert catalogusfiguren.dekking_routes(s) is not eerst  # another gemeente: own entry
        paren = catalogusfiguren.overlap_paren(s)
        assert catalogusfiguren.overlap_paren(s) == paren
    assert eerst == dataclasses.replace(eerst)  # plain values, comparable
    basis = kleine_catalogus()[0]  # training, Tiel, work first, 4.1: a twin of instrument A
    vul_catalogus(db, [basis.model_copy(update={"naam": "Tweeling", "uitvoerder": "Ander"})])
    with db.lezen() as s:
        daarna = catalogusfiguren.dekking_routes(s, "Tiel")
        assert daarna is not eerst
        assert daarna == dekking.dekking_routes(s, "Tiel")
        assert daarna.aantal[("4.1", "work_first")] == eerst.aantal[("4.1", "work_first")] + 1
        assert catalogusfiguren.dekking_gemeenten(s) == dekking.dekking_gemeenten(s)
        assert catalogusfiguren.overlap_paren(s) == overlap(s) != paren


def test_instrument_cijfers_met_veel_ids_gelijk_aan_een_lijst(
    klein: tuple[Database, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With many ids the figures come from one pass over all instruments: the same cells,
    and only for the ids asked (here the threshold is lowered to take that path)."""
    from keuzehulp.services.inzicht import cijfers

    db, (a, _, c, *_) = klein
    with db.lezen() as s:
        met_lijst = cijfers.instrument_cijfers(s, [a, c])
        monkeypatch.setattr(cijfers, "VEEL_IDS", 1)
        alle = cijfers.instrument_cijfers(s, [a, c])
    assert alle == met_lijst and set(alle) == {a, c}
