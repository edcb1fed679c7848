"""Sorting by the client's wishes ("Past het best bij je wensen")."""

from __future__ import annotations

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.services.instrumentgegevens import InstrumentGegevens
from keuzehulp.services.wensen import Wens, WensKeuze
from keuzehulp.services.zoeken import Sortering, ZoekService
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.catalogusgenerator import vul_catalogus


def _instrument(naam: str, **velden: object) -> InstrumentGegevens:
    return InstrumentGegevens.model_validate(
        {"naam": naam, "status": InstrumentStatus.ACTIEF, **velden}
    )


WENSEN = (
    WensKeuze(wens=Wens.ZONDER_NEDERLANDS, gewicht=2),
    WensKeuze(wens=Wens.KORT),
)


def test_best_fit_first_then_relevance_then_name(database: Database) -> None:
    vul_catalogus(
        database,
        [
            _instrument("A lang, geen taaleis", nederlands_nodig=False, duur_weken=20),
            _instrument("B kort, taaleis", nederlands_nodig=True, duur_weken=2),
            _instrument("C kort, geen taaleis", nederlands_nodig=False, duur_weken=3),
            _instrument("D onbekend"),
            _instrument("E kort, geen taaleis, stress", nederlands_nodig=False, duur_weken=3),
            _instrument("F kort, geen taaleis", nederlands_nodig=False, duur_weken=8),
        ],
    )
    service = ZoekService(database)
    antwoord = service.zoek(ZoekVraag(), Sortering.WENSEN, WENSEN)
    assert [t.instrument.naam[0] for t in antwoord.treffers] == ["C", "E", "F", "A", "B", "D"]
    eerste = antwoord.treffers[0].fit
    assert eerste is not None and eerste.samenvatting == "Past bij 2 van je 2 wensen"
    onbekend = antwoord.treffers[5].fit
    assert onbekend is not None and onbekend.onbekend == (Wens.ZONDER_NEDERLANDS, Wens.KORT)
    # Within an equal fit, relevance (here: the text score) comes before the name.
    met_tekst = service.zoek(ZoekVraag(tekst="stress taaleis"), Sortering.WENSEN, WENSEN)
    assert [t.instrument.naam[0] for t in met_tekst.treffers] == ["E"]
    gelijk = service.zoek(ZoekVraag(tekst="kort"), Sortering.WENSEN, WENSEN)
    assert [t.instrument.naam[0] for t in gelijk.treffers] == ["C", "E", "F", "B"]


def test_fits_are_computed_only_for_the_wishes_sort(database: Database) -> None:
    vul_catalogus(database, [_instrument("A", nederlands_nodig=False)])
    service = ZoekService(database)
    for sortering in Sortering:
        treffer = service.zoek(ZoekVraag(), sortering, WENSEN).treffers[0]
        assert (treffer.fit is not None) == (sortering is Sortering.WENSEN), sortering
    # Without wishes the order is by relevance, then name; every fit is empty.
    zonder = service.zoek(ZoekVraag(), Sortering.WENSEN)
    assert zonder.treffers[0].fit is not None and zonder.treffers[0].fit.aantal == 0
    assert Sortering.WENSEN.label == "Past het best bij je wensen"
