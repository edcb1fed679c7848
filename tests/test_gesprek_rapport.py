"""The client PDF and the professional summary: extracted text, B1, no client reference."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from keuzehulp.model.basisgegevens import KENMERKEN
from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.services import vergelijking
from keuzehulp.services.coachprofiel import bewaar_profiel, maak_profiel
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.instrumentdetail import lees_details
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.services.rapport import lettertype as lt
from keuzehulp.services.rapport.gegevens import Rapport, verzamel
from keuzehulp.services.rapport.klant import klant_pdf, schrijf_klant_pdf, teksten
from keuzehulp.services.rapport.opmaak import stijlen
from keuzehulp.services.rapport.professioneel import (
    professionele_pdf,
    samenvatting_tekst,
)
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.gesprek_hulp import maak_instrumenten, vul_structuur

LOGIN = "adeboer"
REFERENTIE = "zaak Z-4711"
DOEL = "Ik wil rustig blijven als het druk is op mijn werk."


def _rapport(database: Database, aantal: int = 3, keuze: int = 0) -> Rapport:
    alle = maak_instrumenten(database)
    vul_structuur(database, alle)
    ids = alle[:aantal]
    profiel = maak_profiel(
        naam="Anna de Boer",
        telefoon="0344 61 22 33",
        email="a.deboer@werkzaak.example",
        organisatie="Werkzaak Rivierenland",
    )
    bewaar_profiel(database, LOGIN, profiel)
    invoer = GesprekInvoer(
        client_referentie=REFERENTIE,
        doel_soort="leerdoel",
        doel=DOEL,
        zoekvraag=ZoekVraag(routes=frozenset({"life_first"}), kenmerken=frozenset({"1.4", "5.2"})),
        scores={"1": 3, "5": 4},
        opties=tuple(Optie(instrument_id=i, notitie="dichtbij") for i in ids),
        keuze_id=ids[keuze],
        onderbouwing="Past bij het leerdoel; de klant wil individueel.",
        voorkeur_client="Ik praat liever alleen met iemand.",
        volgende_stappen="Je coach meldt je aan.\nJe gaat naar een kennismaking.",
    )
    gesprek = GesprekService(database).bewaar(invoer, LOGIN)
    return verzamel(database, gesprek.id)


def _tekst(pdf: bytes) -> str:
    lezer = PdfReader(io.BytesIO(pdf))
    return "\n".join(pagina.extract_text() for pagina in lezer.pages)


def _plat(tekst: str) -> str:
    return " ".join(tekst.split())


def test_client_pdf_has_goal_options_choice_and_contact(database: Database) -> None:
    r = _rapport(database)
    tekst = _plat(_tekst(klant_pdf(r)))
    assert "Jouw keuze" in tekst
    assert DOEL in tekst
    assert "Jouw keuze: Coaching, Praktijk De Kompasroos" in tekst
    for naam in ("Training sollicitatievaardigheden", "Cursus Nederlands op het werk"):
        assert naam in tekst
    for vraag in ("Waar is het?", "Wanneer begin je?", "Hoe lang en hoe vaak?", "Wat doe je?"):
        assert vraag in tekst
    assert "Hoe meld je je aan? Je coach meldt je aan." in tekst
    assert "Je coach: Anna de Boer" in tekst
    assert "Jouw aantekeningen" in tekst
    assert f"Gemaakt op {r.datum}" in tekst
    assert "Je betaalt zelf € 25,00." in tekst  # the euro sign survives the font
    assert "950" not in tekst  # what the gemeente pays is internal
    assert "Ik praat liever alleen met iemand." in tekst
    assert LOGIN not in tekst


def test_client_pdf_has_no_reference_and_no_kenmerk_names(database: Database) -> None:
    r = _rapport(database)
    pdf = klant_pdf(r)
    tekst = _plat(_tekst(pdf))
    assert REFERENTIE not in tekst
    assert b"Z-4711" not in pdf  # not in the metadata either
    assert "individueel" not in tekst  # the reasons are for the client file only
    for kenmerk in KENMERKEN:
        if kenmerk.code in ("1.4", "5.2", "1", "5"):
            assert kenmerk.naam.lower() not in tekst.lower()
    zelfsturing = next(k for k in KENMERKEN if k.code == "1.4")
    assert _plat(zelfsturing.uitleg_client) in tekst
    assert "Je pakt eerst problemen in je leven aan" in tekst  # the route, for the client


def test_client_pdf_type_is_large(database: Database) -> None:
    assert stijlen(13.5).tekst.fontSize >= 13
    r = _rapport(database)
    lezer = PdfReader(io.BytesIO(klant_pdf(r)))
    groottes: list[float] = []

    def bezoek(tekst: str, cm: object, tm: list[float], font: object, grootte: float) -> None:
        if tekst.strip():
            groottes.append(grootte * tm[0])

    for pagina in lezer.pages:
        pagina.extract_text(visitor_text=bezoek)
    gewoon = [g for g in groottes if g > 11]  # the footer is smaller on purpose
    assert len(gewoon) > 0.9 * len(groottes)
    assert min(gewoon) >= 13


def test_every_client_text_is_b1(database: Database) -> None:
    r = _rapport(database, aantal=5, keuze=1)
    alles = teksten(r)
    assert alles, "the client PDF has texts"
    for tekst in alles:
        if tekst in (DOEL, r.gesprek.invoer.onderbouwing, r.gesprek.invoer.voorkeur_client):
            continue  # typed by the coach, in the client's words
        uitslag = beoordeel(tekst)
        assert uitslag.ok, f"{tekst!r}: {uitslag.uitleg()}"


def test_comparison_rows_are_b1(database: Database) -> None:
    details = lees_details(database, maak_instrumenten(database))
    rijen = vergelijking.vergelijk(details, {"1.4"})
    assert [r.vraag for r in rijen] == list(vergelijking.VRAGEN)
    for rij in rijen:
        assert len(rij.cellen) == 5
        for cel in (rij.vraag, *rij.cellen):
            assert beoordeel(cel).ok, f"{cel!r}: {beoordeel(cel).uitleg()}"
    kosten = rijen[vergelijking.VRAGEN.index("Wat kost het?")].cellen
    assert kosten[0] == "Jij betaalt niets. De gemeente betaalt €\u00a0950,00 per persoon."
    assert kosten[1] == "Jij betaalt niets. Het is gratis."
    assert "op aanvraag" in kosten[2]
    vraagt = rijen[vergelijking.VRAGEN.index("Wat vraagt het van mij?")].cellen
    assert vraagt[2] == "Er zijn geen speciale eisen."  # "-" in the catalogue
    assert "psycholoog van Werkzaak" in vraagt[4]


def test_comparison_of_the_whole_sample_catalogue_is_b1(catalogus: Database) -> None:
    with catalogus.lezen() as session:
        ids = list(
            session.scalars(
                select(Instrument.id).where(Instrument.status == InstrumentStatus.ACTIEF)
            )
        )
    assert len(ids) == 52
    details = lees_details(catalogus, ids)
    for rij in vergelijking.vergelijk(details):
        for detail, cel in zip(details, rij.cellen, strict=True):
            uitslag = beoordeel(cel)
            assert uitslag.ok, f"{rij.vraag} {detail.naam}: {cel!r}: {uitslag.uitleg()}"


def test_professional_summary_text_and_pdf(database: Database) -> None:
    r = _rapport(database)
    tekst = samenvatting_tekst(r)
    for stuk in (
        "Samenvatting keuzegesprek",
        "Werkcoach: Anna de Boer, Werkzaak Rivierenland",
        f"Klantreferentie: {REFERENTIE}",
        "Doel (leerdoel):",
        DOEL,
        "Eerst verbeteren leefsituatie (Life first)",
        "1.4 Zelfregulatie (Menselijk kapitaal)",
        "1. Coaching, Praktijk De Kompasroos [gekozen] – dichtbij",
        "Onderbouwing:",
        "Voorkeur van de klant:",
        "1 Menselijk kapitaal: 3",
    ):
        assert stuk in tekst
    pdf_tekst = _plat(_tekst(professionele_pdf(r)))
    assert "1.4 Zelfregulatie" in pdf_tekst
    assert "Coaching, Praktijk De Kompasroos [gekozen]" in pdf_tekst


def test_writing_to_a_missing_folder_is_a_dutch_error(database: Database, tmp_path: Path) -> None:
    r = _rapport(database)
    with pytest.raises(InvoerFout, match="bestaat niet"):
        schrijf_klant_pdf(r, tmp_path / "nergens" / "keuze.pdf")
    with pytest.raises(InvoerFout, match="is een map"):
        schrijf_klant_pdf(r, tmp_path)
    pad = schrijf_klant_pdf(r, tmp_path / "keuze.pdf")
    assert pad.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".*.deel*"))


def test_font_falls_back_to_helvetica_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    lt.lettertype.cache_clear()
    monkeypatch.setattr(lt, "FONT_MAPPEN", ())
    try:
        with caplog.at_level(logging.WARNING):
            gekozen = lt.lettertype()
        assert gekozen.gewoon == "Helvetica"
        assert "DejaVu Sans niet gevonden" in caplog.text
    finally:
        monkeypatch.undo()
        lt.lettertype.cache_clear()
    assert lt.lettertype().ingebed
