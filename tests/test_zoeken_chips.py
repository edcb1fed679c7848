"""Chips for every active choice, removing one, and the ways out of zero results."""

from __future__ import annotations

import pytest

from keuzehulp.model.db import Database
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.services.zoekchips import ChipSoort, chips, max_kosten_tekst, uitwegen, zonder
from keuzehulp.services.zoeken import ZoekService
from keuzehulp.services.zoekvraag import KLASSE_KLANTLABELS, KLASSEN, ZoekVraag
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus


@pytest.fixture
def service(database: Database) -> ZoekService:
    vul_catalogus(database, kleine_catalogus())
    return ZoekService(database)


VOL = ZoekVraag(
    routes=frozenset({"work_first", "life_first"}),
    kenmerken=frozenset({"4.1", "1.4"}),
    gemeenten=frozenset({"Tiel"}),
    types=frozenset({"Training"}),
    max_kosten_centen=125000,
    tekst="  taal   cursus ",
    onderbouwing=frozenset({"goed beschreven"}),
    kosten=frozenset({"tot_500"}),
    duur=frozenset({"kort", "onbekend"}),
    start=frozenset({"doorlopend"}),
    nederlands=frozenset({"niet_nodig"}),
)


def test_every_choice_is_a_chip_in_step_order(service: ZoekService) -> None:
    gekregen = [(c.soort, c.waarde, c.label) for c in chips(VOL, service)]
    assert gekregen == [
        (ChipSoort.ROUTE, "life_first", "Eerst verbeteren leefsituatie"),
        (ChipSoort.ROUTE, "work_first", "Eerst werk vinden"),
        (ChipSoort.KENMERK, "1.4", "Zelfregulatie"),
        (ChipSoort.KENMERK, "4.1", "Sollicitatievaardigheden"),
        (ChipSoort.GEMEENTE, "Tiel", "Tiel"),
        (ChipSoort.TYPE, "Training", "Training"),
        (ChipSoort.KOSTEN, "tot_500", "Tot € 500"),
        (ChipSoort.MAX_KOSTEN, "125000", "Hoogstens € 1.250"),
        (ChipSoort.DUUR, "kort", "4 weken of korter"),
        (ChipSoort.DUUR, "onbekend", "Duur onbekend"),
        (ChipSoort.START, "doorlopend", "Doorlopend: altijd starten"),
        (ChipSoort.NEDERLANDS, "niet_nodig", "Goed Nederlands niet nodig"),
        (ChipSoort.ONDERBOUWING, "goed beschreven", "goed beschreven"),
        (ChipSoort.TEKST, "  taal   cursus ", "Tekst: ‘taal cursus’"),
    ]
    assert chips(ZoekVraag(), service) == []


def test_client_labels_are_plain(service: ZoekService) -> None:
    per_waarde = {(c.soort, c.waarde): c for c in chips(VOL, service)}
    kenmerk = per_waarde[ChipSoort.KENMERK, "1.4"]
    assert kenmerk.klantlabel == service.kenmerken["1.4"].klantlabel
    assert per_waarde[ChipSoort.ROUTE, "work_first"].klantlabel == "Eerst werk vinden"
    assert per_waarde[ChipSoort.START, "doorlopend"].klantlabel == "Je kunt altijd beginnen"
    assert per_waarde[ChipSoort.TEKST, VOL.tekst].tekst(klant=True) == "Zoekwoord: ‘taal cursus’"
    # The gemeente's cost per person is internal: a client view may leave those chips out.
    assert {c.soort for c in per_waarde.values() if c.intern} == {
        ChipSoort.KOSTEN,
        ChipSoort.MAX_KOSTEN,
    }
    for facet, tabel in KLASSEN.items():
        assert set(KLASSE_KLANTLABELS[facet]) == {code for code, _ in tabel}
        for label in KLASSE_KLANTLABELS[facet].values():
            assert beoordeel(label).ok, label


def test_removing_a_chip_removes_only_that_choice(service: ZoekService) -> None:
    alle = chips(VOL, service)
    for chip in alle:
        kleiner = zonder(VOL, chip)
        over = chips(kleiner, service)
        assert chip not in over
        assert len(over) == len(alle) - 1, chip
    tiel = next(c for c in alle if c.soort is ChipSoort.GEMEENTE)
    assert zonder(VOL, tiel).gemeenten == frozenset()
    assert zonder(VOL, tiel).routes == VOL.routes
    duur = [c for c in alle if c.soort is ChipSoort.DUUR]
    assert zonder(VOL, *duur).duur == frozenset()
    maximum = next(c for c in alle if c.soort is ChipSoort.MAX_KOSTEN)
    assert zonder(VOL, maximum).max_kosten_centen is None
    tekst = next(c for c in alle if c.soort is ChipSoort.TEKST)
    assert zonder(VOL, tekst).tekst == ""


def test_a_value_the_catalogue_no_longer_has_can_still_be_removed(service: ZoekService) -> None:
    vraag = ZoekVraag(gemeenten=frozenset({"Atlantis"}), kenmerken=frozenset({"9.9"}))
    gekregen = chips(vraag, service)
    assert [(c.soort, c.label) for c in gekregen] == [
        (ChipSoort.KENMERK, "9.9"),
        (ChipSoort.GEMEENTE, "Atlantis"),
    ]
    assert zonder(zonder(vraag, gekregen[0]), gekregen[1]).is_leeg


@pytest.mark.parametrize(
    ("centen", "tekst"),
    [(125000, "Hoogstens € 1.250"), (9950, "Hoogstens € 99,50"), (0, "Hoogstens € 0")],
)
def test_max_cost_label(centen: int, tekst: str) -> None:
    assert max_kosten_tekst(centen) == tekst


def test_ways_out_name_each_choice_and_what_dropping_it_gives(service: ZoekService) -> None:
    # A (work first) is only in Tiel; B (all gemeenten) and C (Buren) are human capital first.
    vraag = ZoekVraag(routes=frozenset({"work_first"}), gemeenten=frozenset({"Buren"}))
    assert service.zoek(vraag).aantal == 0
    wegen = uitwegen(vraag, service)
    assert [w.tekst() for w in wegen] == [
        "Zonder ‘Eerst werk vinden’: 2 mogelijkheden",
        "Zonder ‘Buren’: 1 mogelijkheid",
    ]
    for weg in wegen:
        assert service.zoek(weg.vraag).aantal == weg.aantal
    assert uitwegen(ZoekVraag(routes=frozenset({"work_first"})), service) == []


def test_when_no_single_choice_helps_the_pairs_do(service: ZoekService) -> None:
    # Work first is only A, kenmerk 3.1.1 only C, type Coaching only B: any two block all.
    vraag = ZoekVraag(
        routes=frozenset({"work_first"}),
        kenmerken=frozenset({"3.1.1"}),
        types=frozenset({"Coaching"}),
    )
    wegen = uitwegen(vraag, service)
    assert [w.tekst() for w in wegen] == [
        "Zonder ‘Eerst werk vinden’ en ‘Algemene mentale functies’: 1 mogelijkheid",
        "Zonder ‘Eerst werk vinden’ en ‘Coaching’: 1 mogelijkheid",
        "Zonder ‘Algemene mentale functies’ en ‘Coaching’: 1 mogelijkheid",
    ]
    # The client reads the kenmerk's short plain label instead of its name.
    assert wegen[0].tekst(klant=True) == (
        "Zonder ‘Eerst werk vinden’ en ‘Beter opletten en onthouden’: 1 mogelijkheid"
    )
    assert [service.zoek(w.vraag).ids for w in wegen] != [[], [], []]


def test_ways_out_on_the_sample_catalogue(catalogus: Database) -> None:
    service = ZoekService(catalogus)
    vraag = ZoekVraag(
        tekst="sollicitatie", gemeenten=frozenset({"Tiel"}), types=frozenset({"Cursus"})
    )
    assert service.aantal(vraag) == 0
    # Tiel is not the problem (no course about applying anywhere): not offered.
    assert [w.tekst() for w in uitwegen(vraag, service)] == [
        "Zonder de zoektekst ‘sollicitatie’: 8 mogelijkheden",
        "Zonder ‘Cursus’: 6 mogelijkheden",
    ]


def test_the_client_view_is_not_offered_to_drop_the_gemeentes_cost(service: ZoekService) -> None:
    # A costs € 500 and is only in Tiel; C costs € 1.200 and is in Buren.
    vraag = ZoekVraag(gemeenten=frozenset({"Buren"}), max_kosten_centen=100000)
    assert [w.tekst() for w in uitwegen(vraag, service)] == [
        "Zonder ‘Hoogstens € 1.000’: 2 mogelijkheden",
        "Zonder ‘Buren’: 1 mogelijkheid",
    ]
    assert [w.tekst(klant=True) for w in uitwegen(vraag, service, klant=True)] == [
        "Zonder ‘Buren’: 1 mogelijkheid"
    ]
