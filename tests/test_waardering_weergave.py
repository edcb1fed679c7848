"""The computed ratings where people see them: search order and cards, details, comparison, PDFs."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from keuzehulp.model.db import Database
from keuzehulp.services.coachprofiel import bewaar_profiel, maak_profiel
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.instrumentdetail import lees_details
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.services.rapport.gegevens import verzamel
from keuzehulp.services.rapport.klant import klant_pdf
from keuzehulp.services.rapport.professioneel import samenvatting_tekst
from keuzehulp.services.vergelijking import vergelijk_opties, waardering
from keuzehulp.services.zoeken import Sortering, ZoekService
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.gesprek_hulp import maak_instrumenten, vul_structuur
from tests.terugblik_hulp import blik_terug, maak_gesprek


def _beoordeeld(database: Database) -> list[int]:
    """#2 (no survey figure) gets five terugblikken: coaches 9,0 (5×), clients 8,4 (5×);
    #1 (survey 7,2) gets four: too few, its survey figure stays."""
    ids = maak_instrumenten(database)
    for coach, klant in ((9, 8), (9, 9), (10, 7), (8, 9), (9, 9)):
        blik_terug(
            database, maak_gesprek(database, ids[2]), coach_totaal=coach, client_cijfer=klant
        )
    for _ in range(4):
        blik_terug(database, maak_gesprek(database, ids[1]), coach_totaal=3)
    return ids


def test_sorting_by_rating_uses_the_figure_shown(database: Database) -> None:
    ids = _beoordeeld(database)
    treffers = ZoekService(database).zoek(ZoekVraag(), Sortering.WAARDERING).treffers
    volgorde = [t.instrument.id for t in treffers]
    # Computed 9,0 first; then the survey figures 8,0, 7,8 and 7,2; unrated last.
    assert volgorde == [ids[2], ids[3], ids[0], ids[1], ids[4]]
    kaart = {t.instrument.id: t.instrument.waardering for t in treffers}
    # The card shows what sorting uses first, and the same figures to coach and client.
    assert kaart[ids[2]].hoofdcijfer() == "Coaches: 9,0 (5×) · Klanten: 8,4 (5×)"
    assert kaart[ids[2]].hoofdcijfer(klant=True) == (
        "Werkcoaches: 9,0 (uit 5 cijfers) · Deelnemers: 8,4 (uit 5 cijfers)"
    )
    assert kaart[ids[1]].hoofdcijfer() == "Coaches: 7,2 (enquête)"
    assert kaart[ids[4]].hoofdcijfer() == "Nog geen cijfer"


def test_details_and_comparison_show_the_computed_figures(database: Database) -> None:
    ids = _beoordeeld(database)
    cursus, training, onderzoek = lees_details(database, [ids[2], ids[1], ids[4]])
    assert cursus.waardering.coaches is not None
    assert cursus.waardering.coaches.uitgebreid.startswith("9,0 (5×, ")
    assert waardering(cursus).startswith(
        "Werkcoaches: 9,0 (uit 5 cijfers) · Deelnemers: 8,4 (uit 5 cijfers)."
    )
    assert waardering(training) == "Werkcoaches: 7,2 (uit een enquête)."
    assert waardering(onderzoek) == "Nog geen cijfers."
    rijen = vergelijk_opties([cursus, training], klant=True)
    anderen = next(r for r in rijen if r.sleutel == "anderen")
    assert anderen.cellen[0].startswith("Werkcoaches: 9,0 (uit 5 cijfers) · Deelnemers: 8,4")
    for tekst in (waardering(cursus), waardering(training)):
        oordeel = beoordeel(tekst)
        assert oordeel.ok, oordeel.uitleg()


def test_both_pdfs_show_the_ratings(database: Database) -> None:
    ids = _beoordeeld(database)
    vul_structuur(database, ids)
    bewaar_profiel(database, "anna", maak_profiel(naam="Anna de Boer", telefoon="0344612233"))
    invoer = GesprekInvoer(
        doel="Beter Nederlands leren",
        opties=(Optie(instrument_id=ids[2]), Optie(instrument_id=ids[1])),
        keuze_id=ids[2],
    )
    r = verzamel(database, GesprekService(database).bewaar(invoer, "anna").id)
    lezer = PdfReader(io.BytesIO(klant_pdf(r)))
    tekst = " ".join(" ".join(p.extract_text().split()) for p in lezer.pages)
    assert "Wat vinden anderen ervan? Werkcoaches: 9,0 (uit 5 cijfers) · Deelnemers: 8,4" in tekst
    assert "Werkcoaches: 7,2 (uit een enquête)" in tekst
    samenvatting = samenvatting_tekst(r)
    # The client file gets the whole figure: number and period (and aspects when given).
    regel = next(r for r in samenvatting.splitlines() if "Waardering: Coaches: 9,0 (5×, " in r)
    assert " · Klanten: 8,4 (5×, " in regel
    assert re.search(r"\(5×, [a-z]{3} \d{4}( - [a-z]{3} \d{4})?[;)]", regel), regel
    assert "Waardering: Coaches: 7,2 (enquête)" in samenvatting


def test_the_details_view_shows_count_period_and_aspects(database: Database) -> None:
    from keuzehulp.ui.zoeken.detail import detail_html  # GUI module: pure HTML, no widget

    ids = _beoordeeld(database)
    [cursus, training] = lees_details(database, [ids[2], ids[1]])
    coach = detail_html(cursus, klant=False)
    assert "Cijfer van coaches" in coach and "9,0 (5×, " in coach
    assert "Cijfer van klanten" in coach and "8,4 (5×, " in coach
    klant = detail_html(cursus, klant=True)
    assert "9,0 (uit 5 cijfers)" in klant and "×" not in klant
    assert "7,2 (enquête)" in detail_html(training, klant=False)
