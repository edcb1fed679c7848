"""The comparison of 1 to 5 options: key facts first, differences, fit, pros and cons, B1."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.services import vergelijking as v
from keuzehulp.services.gesprek import Optie
from keuzehulp.services.instrumentdetail import InstrumentDetail, lees_details
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.services.wensen import Fit, Wens, WensKeuze
from tests.gesprek_hulp import maak_instrumenten, vul_structuur

VANDAAG = dt.date(2027, 1, 4)
WENSEN = (
    WensKeuze(wens=Wens.DICHTBIJ, gewicht=2, gemeente="Tiel"),
    WensKeuze(wens=Wens.KORT),
    WensKeuze(wens=Wens.GRATIS),
)


@pytest.fixture
def details(database: Database) -> list[InstrumentDetail]:
    ids = maak_instrumenten(database)
    vul_structuur(database, ids)
    return lees_details(database, ids)


def _per_sleutel(rijen: list[v.VergelijkRij]) -> dict[str, v.VergelijkRij]:
    return {r.sleutel: r for r in rijen}


def test_key_facts_come_first_then_the_rest(details: list[InstrumentDetail]) -> None:
    rijen = v.vergelijk_opties(details, wensen=WENSEN, vandaag=VANDAAG)
    sleutels = [r.sleutel for r in rijen]
    assert sleutels[:6] == ["waar", "duur", "start", "kosten", "anderen", "fit"]
    assert all(r.kern for r in rijen[:6]) and not any(r.kern for r in rijen[6:])
    assert [r.vraag for r in rijen[:6]] == [
        "Waar is het?",
        "Hoe lang en hoe vaak?",
        "Wanneer kan ik beginnen?",
        "Wat kost het voor mij?",
        "Hoe vinden anderen het?",
        "Past het bij wat ik wil?",
    ]
    assert "goed" not in sleutels  # no pros written down: no empty row
    for r in rijen:
        assert len(r.cellen) == 5


def test_cells_in_client_words(details: list[InstrumentDetail]) -> None:
    rijen = _per_sleutel(v.vergelijk_opties(details, wensen=WENSEN, vandaag=VANDAAG))
    assert rijen["waar"].cellen[0] == "Adres: Stationsplein 3, Tiel. Voor mensen uit Buren en Tiel."
    assert rijen["duur"].cellen[0] == "10 weken, 1 uur per week."
    assert rijen["duur"].cellen[4] == "2 dagdelen."  # hours unknown: the catalogue's own text
    assert rijen["start"].cellen[0] == "Je kunt altijd beginnen."
    assert rijen["start"].cellen[1] == "Je begint op 11 januari 2027, 8 februari 2027."
    assert rijen["kosten"].cellen[:3] == (
        "Het kost je niets.",
        "Het kost je niets.",
        "Je betaalt zelf € 25,00.",
    )
    assert rijen["fit"].cellen[0] == (
        "Past bij 2 van je 3 wensen. Ja: dicht bij huis, gratis. Nee: kort."
    )
    assert rijen["fit"].cellen[1] == "Past bij 3 van je 3 wensen. Ja: dicht bij huis, kort, gratis."
    assert rijen["fit"].cellen[3] == (
        "Past bij 1 van je 3 wensen. Ja: gratis. Nee: dicht bij huis, kort."
    )
    assert rijen["groepsvorm"].cellen[3] == "Samen met anderen in een groep."
    # What the gemeente pays is internal: never in the client's comparison.
    alles = " ".join(c for r in rijen.values() for c in r.cellen)
    assert "950" not in alles and "gemeente betaalt" not in alles.casefold()


def test_coach_wording_names_the_gemeente_price(details: list[InstrumentDetail]) -> None:
    rijen = _per_sleutel(v.vergelijk_opties(details, klant=False, wensen=WENSEN, vandaag=VANDAAG))
    assert rijen["kosten"].vraag == "Kosten"
    assert rijen["kosten"].cellen[0] == "Gratis voor de klant. Gemeente: € 950,00 per persoon."
    assert rijen["kosten"].cellen[2] == "Klant betaalt € 25,00. Gemeente: op aanvraag."
    assert rijen["fit"].cellen[1] == "3 van 3 wensen. Ja: dicht bij huis, kort, gratis."
    assert rijen["nederlands"].cellen[4] == "Onbekend."
    assert rijen["start"].cellen[0] == "Doorlopend (altijd starten). Doorlopend, binnen 2 weken."


def test_rows_say_whether_the_options_differ(details: list[InstrumentDetail]) -> None:
    # Coaching and the psychological research are both individual and free for the client.
    paar = [details[0], details[4]]
    rijen = _per_sleutel(v.vergelijk_opties(paar))
    assert not rijen["groepsvorm"].verschilt
    assert not rijen["kosten"].verschilt
    assert rijen["waar"].verschilt and rijen["duur"].verschilt
    # One option differs from nothing.
    assert not any(r.verschilt for r in v.vergelijk_opties(details[:1], wensen=WENSEN))


def test_a_stored_fit_wins_over_the_wishes(details: list[InstrumentDetail]) -> None:
    opgeslagen = {d.id: Fit((Wens.KORT,), (), (), 1, 0) for d in details[:2]}
    rijen = _per_sleutel(v.vergelijk_opties(details[:2], wensen=WENSEN, fits=opgeslagen))
    assert rijen["fit"].cellen == ("Past bij 1 van je 1 wens. Ja: kort.",) * 2
    assert not rijen["fit"].verschilt
    assert "fit" not in _per_sleutel(v.vergelijk_opties(details[:2]))


def test_pros_cons_and_notes_in_their_own_rows(details: list[InstrumentDetail]) -> None:
    opties = [
        Optie(instrument_id=details[0].id, goed="Ik ben alleen met de coach", notitie="past"),
        Optie(instrument_id=details[1].id, minder_goed="Een groep vind ik eng"),
    ]
    rijen = _per_sleutel(v.vergelijk_opties(details[:2], opties=opties))
    assert rijen["goed"].vraag == "Wat vind ik er goed aan?"
    assert rijen["goed"].cellen == ("Ik ben alleen met de coach", "")
    assert rijen["minder_goed"].cellen == ("", "Een groep vind ik eng")
    assert rijen["notitie"].cellen == ("past", "")
    assert [r.sleutel for r in v.vergelijk_opties(details[:2], opties=opties)][-3:] == [
        "goed",
        "minder_goed",
        "notitie",
    ]


@pytest.mark.parametrize(
    ("adres", "verwacht"),
    [
        ("Tiel, Fruitbaan 7", "Fruitbaan 7, Tiel"),
        ("Tiel, Fruitbaan 7 (op afspraak)", "Fruitbaan 7, Tiel (op afspraak)"),
        ("West Betuwe, Pluktuin 18a", "Pluktuin 18a, West Betuwe"),
        ("Pluktuin 18, Tiel", "Pluktuin 18, Tiel"),
        ("Pluktuin 18, 4001 AB Tiel", "Pluktuin 18, 4001 AB Tiel"),
        ("Bij de klant thuis", "Bij de klant thuis"),
        ("Online", "Online"),
    ],
)
def test_addresses_in_dutch_order(adres: str, verwacht: str) -> None:
    assert v.adres_nl(adres) == verwacht


def test_every_client_cell_of_the_sample_catalogue_is_b1(catalogus: Database) -> None:
    with catalogus.lezen() as session:
        ids = list(
            session.scalars(
                select(Instrument.id).where(Instrument.status == InstrumentStatus.ACTIEF)
            )
        )
    details = lees_details(catalogus, ids)
    for r in v.vergelijk_opties(details, wensen=WENSEN, vandaag=VANDAAG):
        assert beoordeel(r.vraag).ok, r.vraag
        for detail, cel in zip(details, r.cellen, strict=True):
            uitslag = beoordeel(cel)
            assert uitslag.ok, f"{r.vraag} {detail.naam}: {cel!r}: {uitslag.uitleg()}"
