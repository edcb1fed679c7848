"""The demo gesprekken: texts that read as the answers to the screen's questions, pass the
privacy guard and (for the client) B1; and the count of real and fictional gesprekken."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from keuzehulp.model.db import Database
from keuzehulp.model.gesprek import Gesprek
from keuzehulp.model.terugblik import Opmerking
from keuzehulp.services import voorbeeldteksten as teksten
from keuzehulp.services.coachprofiel import lees_profiel
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.services.privacy import controleer
from keuzehulp.services.rapport.gegevens import verzamel
from keuzehulp.services.rapport.klant import klant_pdf
from keuzehulp.services.voorbeeldgesprekken import (
    VOORBEELD_COACH,
    VOORBEELD_DOMEIN,
    gesprekken_stand,
    voeg_voorbeeldgesprekken_toe,
    voorbeeld_profiel,
)
from tests.conftest import TEST_GEBRUIKER

ALLE = (
    *(doel for _, doel in teksten.DOELEN),
    *teksten.ONDERBOUWINGEN,
    *teksten.COACH_OPMERKINGEN,
    *teksten.CLIENT_OPMERKINGEN,
)


@pytest.mark.parametrize("tekst", ALLE)
def test_elke_tekst_komt_door_de_privacycontrole(tekst: str) -> None:
    controleer(tekst, "Voorbeeldtekst", namen=True)  # InvoerFout on a date, number, name, ...


@pytest.mark.parametrize("tekst", [d for _, d in teksten.DOELEN] + list(teksten.CLIENT_OPMERKINGEN))
def test_wat_de_klant_zegt_is_b1_en_in_de_ik_vorm(tekst: str) -> None:
    """A goal answers "Waar wil je aan werken?", a remark "Wat vond jij ervan?": the client
    speaks, in short sentences without jargon."""
    oordeel = beoordeel(tekst)
    assert oordeel.ok, oordeel.uitleg()
    assert all(len(z.split()) <= 15 for z in tekst.split(". "))
    woorden = {w.strip(".,").casefold() for w in tekst.split()}
    assert woorden & {"ik", "mij", "mijn", "mezelf"}, tekst
    assert "klant" not in woorden  # the client does not speak of "de klant"


def test_doelen_zijn_ik_wil_zinnen() -> None:
    assert all(doel.startswith("Ik wil ") for _, doel in teksten.DOELEN)
    assert {soort for soort, _ in teksten.DOELEN} == {"leerdoel", "prestatiedoel"}


def test_stand_telt_echte_en_verzonnen_gesprekken(catalogus: Database) -> None:
    leeg = gesprekken_stand(catalogus)
    assert (leeg.echte, leeg.voorbeeld, leeg.leeg) == (0, 0, True)
    assert leeg.voorbeeldcatalogus and leeg.mag_voorbeeld
    voeg_voorbeeldgesprekken_toe(catalogus, 40, TEST_GEBRUIKER)
    stand = gesprekken_stand(catalogus)
    assert (stand.echte, stand.voorbeeld, stand.leeg, stand.mag_voorbeeld) == (0, 40, False, False)
    with catalogus.lezen() as s:
        coaches = set(s.scalars(select(Gesprek.coach)))
        opmerkingen = set(s.scalars(select(Opmerking.tekst)))
    assert all(c.startswith(f"{VOORBEELD_COACH} ") for c in coaches)
    assert opmerkingen <= set(teksten.COACH_OPMERKINGEN) | set(teksten.CLIENT_OPMERKINGEN)
    GesprekService(catalogus).bewaar(GesprekInvoer(doel="Ik wil leren plannen."), "anna")
    assert gesprekken_stand(catalogus).echte == 1


def test_een_echte_catalogus_krijgt_geen_knop(database: Database) -> None:
    """Without the sample import (an empty or real catalogue) no fictional gesprekken are
    offered: they would mix with real figures."""
    stand = gesprekken_stand(database)
    assert stand.leeg and not stand.voorbeeldcatalogus and not stand.mag_voorbeeld


def test_een_voorbeeldgesprek_kan_iedereen_afdrukken(catalogus: Database) -> None:
    """A demo gesprek's handout prints for whoever opens it (the tester here, no coach of the
    demo), with the fictional coach's made-up details: no real person on it (issue 15)."""
    voeg_voorbeeldgesprekken_toe(catalogus, 60, TEST_GEBRUIKER)
    with catalogus.lezen() as s:
        gesprek_id, coach = s.execute(
            select(Gesprek.id, Gesprek.coach).where(Gesprek.keuze_id.is_not(None)).limit(1)
        ).one()
    assert lees_profiel(catalogus, TEST_GEBRUIKER) is None  # the printing user has none
    tekst = "".join(
        p.extract_text()
        for p in PdfReader(io.BytesIO(klant_pdf(verzamel(catalogus, gesprek_id)))).pages
    )
    nummer = coach.removeprefix(f"{VOORBEELD_COACH} ")
    assert f"Je coach: {coach} (verzonnen)" in tekst
    assert f"voorbeeldcoach{nummer}@{VOORBEELD_DOMEIN}" in tekst
    assert "Voorbeeldgegevens, geen echte coach" in tekst
    assert TEST_GEBRUIKER not in tekst
    # Only the demo's own names get a made-up profile.
    assert voorbeeld_profiel("anna") is None and voorbeeld_profiel(f"{VOORBEELD_COACH} 3") is None
