"""The demo's made-up catalogue past: instruments exist before they are chosen, some are
stale, two fictional variants form Overlap pairs, and the mutation log says so truthfully."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.gesprek import Gesprek
from keuzehulp.services.beheer.mutatielog import controleer_keten
from keuzehulp.services.bronbestand.importeren import importeer
from keuzehulp.services.bronbestand.voorbeeld import voorbeeldcatalogus_pad
from keuzehulp.services.inzicht.onderhoud import nieuwer, nooit_gekozen, verouderd
from keuzehulp.services.inzicht.overlap import overlap
from keuzehulp.services.voorbeeldgeschiedenis import REDEN, VARIANTEN, VEROUDERD
from keuzehulp.services.voorbeeldgesprekken import voeg_voorbeeldgesprekken_toe
from tests.conftest import TEST_GEBRUIKER

VANDAAG = dt.datetime(2026, 11, 1, 12, tzinfo=dt.UTC)


def _utc(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def test_de_demo_vult_overlap_en_onderhoud(catalogus: Database) -> None:
    voeg_voorbeeldgesprekken_toe(catalogus, 300, TEST_GEBRUIKER, vandaag=VANDAAG)
    with catalogus.lezen() as s:
        laatst_erbij = _utc(s.scalar(select(func.max(Instrument.aangemaakt_op))))
        eerste_gesprek = _utc(s.scalar(select(func.min(Gesprek.aangemaakt_op))))
        # Every instrument entered the catalogue before the first gesprek, so none is chosen
        # before it existed.
        assert laatst_erbij < eerste_gesprek
        assert nieuwer(s, peildatum=VANDAAG) == 0
        assert len(verouderd(s, peildatum=VANDAAG)) == VEROUDERD
        assert all(
            _utc(t) < VANDAAG
            for t in s.scalars(
                select(Instrument.beoordeeld_op).where(Instrument.status == InstrumentStatus.ACTIEF)
            )
        )
        # The never-chosen list is computed (all instruments are old enough), not "too early".
        nooit_gekozen(s, peildatum=VANDAAG)
        paren = overlap(s)
        namen = {frozenset((p.a_naam, p.b_naam)) for p in paren}
        assert namen == {frozenset((v.origineel, v.naam)) for v in VARIANTEN}
        assert sorted(round(p.jaccard, 2) for p in paren) == [0.75, 1.0]
        gekozen_varianten = s.scalar(
            select(func.count())
            .select_from(Gesprek)
            .join(Instrument, Instrument.id == Gesprek.keuze_id)
            .where(Instrument.naam.in_([v.naam for v in VARIANTEN]))
        )
        assert gekozen_varianten  # they take part in the demo like any other
        uitvoerders = set(
            s.scalars(
                select(Instrument.uitvoerder).where(
                    Instrument.naam.in_([v.naam for v in VARIANTEN])
                )
            )
        )
        assert uitvoerders == {"Voorbeeldaanbieder Werkpad", "Voorbeeldaanbieder Sollicitatieplein"}
        # The log: today, with the demo's source and a reason that says it is made up.
        rijen = s.execute(
            select(Mutatie.actie, Mutatie.veld, Mutatie.entiteit_naam).where(
                Mutatie.bron == "voorbeeldgesprekken", Mutatie.reden == REDEN
            )
        ).all()
        aantal = s.scalar(select(func.count()).select_from(Instrument))
    assert {n for a, _, n in rijen if a == "toegevoegd"} == {v.naam for v in VARIANTEN}
    assert sum(1 for _, v, _ in rijen if v == "aangemaakt_op") == aantal
    assert sum(1 for _, v, _ in rijen if v == "beoordeeld_op") == 52 + len(VARIANTEN)
    assert controleer_keten(catalogus).in_orde


def test_een_tweede_demo_maakt_geen_tweede_geschiedenis(catalogus: Database) -> None:
    voeg_voorbeeldgesprekken_toe(catalogus, 20, TEST_GEBRUIKER, vandaag=VANDAAG)
    with catalogus.lezen() as s:
        voor = s.scalar(select(func.count()).select_from(Mutatie))
    voeg_voorbeeldgesprekken_toe(catalogus, 20, TEST_GEBRUIKER, vandaag=VANDAAG, zaad=3)
    with catalogus.lezen() as s:
        assert s.scalar(select(func.count()).select_from(Mutatie)) == voor


def test_een_echte_catalogus_houdt_zijn_data(database: Database) -> None:
    """An imported (not sample) catalogue: demo gesprekken leave its dates and names alone."""
    pad = voorbeeldcatalogus_pad()
    assert pad is not None
    importeer(database, pad, TEST_GEBRUIKER, proefdraaien=False, reden="eigen catalogus")
    with database.lezen() as s:
        voor = sorted(s.execute(select(Instrument.id, Instrument.aangemaakt_op)).all())
    voeg_voorbeeldgesprekken_toe(database, 20, TEST_GEBRUIKER, vandaag=VANDAAG)
    with database.lezen() as s:
        assert sorted(s.execute(select(Instrument.id, Instrument.aangemaakt_op)).all()) == voor
        assert not s.scalar(select(func.count()).where(Mutatie.bron == "voorbeeldgesprekken"))
