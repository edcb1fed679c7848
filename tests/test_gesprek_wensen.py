"""Wishes, fit snapshot, SURE and teach-back stored with a conversation; old ones still open."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.gesprek import Gesprek
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.wensen import Wens, WensKeuze
from tests.gesprek_hulp import maak_instrumenten

VANDAAG = dt.date(2027, 1, 4)


def _wensen() -> tuple[WensKeuze, ...]:
    return (
        WensKeuze(wens=Wens.DICHTBIJ, gewicht=2, gemeente="Culemborg"),
        WensKeuze(wens=Wens.GOED_BEOORDEELD),
        WensKeuze(wens=Wens.BEWEZEN),
    )


def test_the_fit_of_each_option_is_stored_with_the_conversation(database: Database) -> None:
    ids = maak_instrumenten(database)
    invoer = GesprekInvoer(opties=tuple(Optie(instrument_id=i) for i in ids[:4]), wensen=_wensen())
    bewaard = GesprekService(database).bewaar(invoer, "anna", vandaag=VANDAAG)
    heropend = GesprekService(database).lees(bewaard.id)
    assert heropend.fit == bewaard.fit
    kompas, training, taal, groen = (heropend.fit[i] for i in ids[:4])
    # Kompasroos: Tiel/Buren (miss), mark 8.1 (met), "goed onderbouwd" (miss).
    assert (kompas.voldaan, kompas.gemist) == (
        (Wens.GOED_BEOORDEELD,),
        (Wens.DICHTBIJ, Wens.BEWEZEN),
    )
    # Training: all gemeenten (met); no client mark and no evidence level: unknown.
    assert training.voldaan == (Wens.DICHTBIJ,)
    assert training.onbekend == (Wens.GOED_BEOORDEELD, Wens.BEWEZEN)
    assert training.gemist == ()
    # Taal: Tiel only (miss), "effectief: eerste aanwijzingen" (met).
    assert taal.voldaan == (Wens.BEWEZEN,) and taal.gemist == (Wens.DICHTBIJ,)
    assert groen.voldaan == (Wens.DICHTBIJ,) and groen.samenvatting == "Past bij 1 van je 3 wensen"


def test_the_stored_fit_stays_when_the_catalogue_changes(database: Database) -> None:
    ids = maak_instrumenten(database)
    invoer = GesprekInvoer(opties=(Optie(instrument_id=ids[0]),), wensen=_wensen())
    nummer = GesprekService(database).bewaar(invoer, "anna", vandaag=VANDAAG).id
    from keuzehulp.model.catalogus import Instrument

    with database.wijzigen(MutatieContext("tester", "editor")) as session:
        instrument = session.get(Instrument, ids[0])
        assert instrument is not None
        instrument.waardering_werkzoekende = 5.0
    assert GesprekService(database).lees(nummer).fit[ids[0]].voldaan == (Wens.GOED_BEOORDEELD,)


@pytest.mark.parametrize(
    ("wensen", "melding"),
    [
        (
            (WensKeuze(wens=Wens.KORT), WensKeuze(wens=Wens.KORT, gewicht=2)),
            "Wensen: ‘Kort: 8 weken of minder’ staat er twee keer in",
        ),
        (
            (WensKeuze(wens=Wens.ALLEEN), WensKeuze(wens=Wens.GROEP)),
            "kies ‘alleen’ of ‘samen in een groep’, niet allebei",
        ),
        (
            (WensKeuze(wens=Wens.DICHTBIJ, gemeente="Atlantis"),),
            "de gemeente ‘Atlantis’ kent de keuzehulp niet",
        ),
    ],
)
def test_wrong_wishes_are_dutch_errors_and_nothing_is_stored(
    database: Database, wensen: tuple[WensKeuze, ...], melding: str
) -> None:
    service = GesprekService(database)
    with pytest.raises(InvoerFout, match=melding):
        service.bewaar(GesprekInvoer(wensen=wensen), "anna")
    assert service.aantal() == 0


def test_sure_score_is_stored_in_its_column(database: Database) -> None:
    nummer = (
        GesprekService(database)
        .bewaar(GesprekInvoer(sure=(True, True, False, True), teach_back=False), "anna")
        .id
    )
    with database.lezen() as session:
        g = session.get(Gesprek, nummer)
        assert g is not None
        assert (g.sure_score, g.sure_antwoorden, g.teach_back) == (
            3,
            "[true, true, false, true]",
            False,
        )


def test_an_old_conversation_without_the_new_columns_still_opens(database: Database) -> None:
    ids = maak_instrumenten(database)
    invoer = GesprekInvoer(
        opties=(Optie(instrument_id=ids[0], goed="dichtbij"),),
        keuze_id=ids[0],
        wensen=_wensen(),
        sure=(True, True, True, True),
        teach_back=True,
    )
    nummer = GesprekService(database).bewaar(invoer, "anna").id
    with database.wijzigen(MutatieContext("tester", "test")) as session:
        session.execute(
            update(Gesprek)
            .where(Gesprek.id == nummer)
            .values(wensen=None, sure_antwoorden=None, sure_score=None, teach_back=None)
        )
    oud = GesprekService(database).lees(nummer)
    assert oud.invoer.wensen == () and oud.invoer.sure is None and oud.invoer.teach_back is None
    assert oud.fit == {}
    assert oud.invoer.opties[0].goed == "dichtbij"


def test_unreadable_sure_answers_count_as_not_done(database: Database) -> None:
    nummer = GesprekService(database).bewaar(GesprekInvoer(), "anna").id
    with database.wijzigen(MutatieContext("tester", "test")) as session:
        session.execute(
            update(Gesprek).where(Gesprek.id == nummer).values(sure_antwoorden="[true, 1]")
        )
    assert GesprekService(database).lees(nummer).invoer.sure is None
