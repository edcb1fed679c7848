"""The search on the sample catalogue: the report's route figures, and B1 texts in client view."""

from __future__ import annotations

import re

import pytest
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.instrumentdetail import lees_detail
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.services.zoeken import ZoekService
from keuzehulp.services.zoekvraag import ZoekVraag
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.zoeken import ZoekScherm
from keuzehulp.ui.zoeken.detail import detail_html
from tests.conftest import TEST_GEBRUIKER


def test_route_counts_match_the_report(catalogus: Database) -> None:
    service = ZoekService(catalogus)
    antwoord = service.zoek(ZoekVraag())
    assert antwoord.aantal == 52, "parked instruments are not in the search"
    # domain.md: 8 Life first, 40 Human Capital first, 15 Work first.
    assert antwoord.facetten.routes == {
        "life_first": 8,
        "human_capital_first": 40,
        "work_first": 15,
    }
    # Multi-select facets: ticking a route leaves the route counts as they are.
    for route in antwoord.facetten.routes:
        gekozen = service.zoek(ZoekVraag(routes=frozenset({route})))
        assert gekozen.facetten.routes == antwoord.facetten.routes, route
        assert gekozen.aantal == antwoord.facetten.routes[route]
    # A kenmerk's count narrows with another group, not with its own group's choice.
    groep4 = service.zoek(ZoekVraag(kenmerken=frozenset({"4.1"})))
    assert groep4.facetten.kenmerken["4.2"] == antwoord.facetten.kenmerken["4.2"]
    met_route = service.zoek(ZoekVraag(routes=frozenset({"life_first"})))
    assert met_route.facetten.kenmerken["4.1"] < antwoord.facetten.kenmerken["4.1"]
    # Each instrument once, also when it carries several chosen routes and kenmerken.
    alles = ZoekVraag(routes=frozenset(antwoord.facetten.routes), kenmerken=frozenset("12345"))
    ids = service.zoek(alles).ids
    assert len(ids) == len(set(ids))


def _zonder_html(tekst: str) -> str:
    return re.sub(r"<[^>]+>", " ", tekst)


def test_client_view_texts_are_b1(qtbot: QtBot, catalogus: Database) -> None:
    scherm = ZoekScherm(AppContext(catalogus, TEST_GEBRUIKER))
    qtbot.addWidget(scherm)
    scherm.zet_klantweergave(True)
    teksten = [
        scherm.titel.text(),
        scherm.niet_alles.text(),
        scherm.route_stap.instructie.text(),
        scherm.kenmerk_stap.instructie.text(),
        scherm.aantal.text(),
        *(z.text() for z in scherm.route_stap.zinnen.values()),
    ]
    for tekst in teksten:
        oordeel = beoordeel(_zonder_html(tekst))
        assert oordeel.ok, f"{tekst!r}: {oordeel.uitleg()}"
    assert "mogelijkheden" in scherm.aantal.text()


@pytest.mark.parametrize("naam_begint", ["Verdiepend psychologisch", "Medisch/arbeidskundig"])
def test_expert_notice_for_coach_and_client(catalogus: Database, naam_begint: str) -> None:
    service = ZoekService(catalogus)
    treffer = next(
        t for t in service.zoek(ZoekVraag()).treffers if t.instrument.naam.startswith(naam_begint)
    )
    detail = lees_detail(catalogus, treffer.id)
    assert detail.alleen_na_overleg
    coach = _zonder_html(detail_html(detail, klant=False))
    assert "Alleen na overleg: overleg eerst met" in coach
    klant = _zonder_html(detail_html(detail, klant=True))
    melding = "Je werkcoach overlegt eerst met een deskundige. Daarna kies je samen."
    assert melding in klant
    assert beoordeel(melding).ok
    assert "Regiehouder" not in klant and "Kosten" not in klant


def test_a_long_name_in_the_client_details_breaks_only_with_a_hyphen(
    qtbot: QtBot, catalogus: Database
) -> None:
    """In the client view the content-sized label column leaves the value little room, and
    "Werkgeversdienstverlening" broke over two lines with no hyphen (F7). Every line that
    ends inside the word must end at a soft hyphen (Qt draws it as "-")."""
    from sqlalchemy import select

    from keuzehulp.model.catalogus import Instrument
    from keuzehulp.ui.zoeken.afbreken import ZACHT_AFBREEKSTREEPJE
    from keuzehulp.ui.zoeken.detail import DetailPaneel

    woord = "Werkgeversdienstverlening"
    with catalogus.lezen() as s:
        instrument_id = s.scalars(
            select(Instrument.id).where(Instrument.naam.startswith("Bemiddeling met loon"))
        ).one()
    paneel = DetailPaneel()
    qtbot.addWidget(paneel)
    lettertype = paneel.tekst.font()
    lettertype.setPointSizeF(lettertype.pointSizeF() * 1.4)  # the client view's larger text
    paneel.tekst.setFont(lettertype)
    paneel.resize(400, 700)  # the details pane beside the cards at 1366×768
    paneel.show()
    paneel.zet_klantweergave(True)
    paneel.toon(lees_detail(catalogus, instrument_id))
    document = paneel.tekst.document()
    gevonden = []
    blok = document.begin()
    while blok.isValid():
        tekst = blok.text()
        zonder = tekst.replace(ZACHT_AFBREEKSTREEPJE, "")
        if woord in zonder:
            # Positions in the block text (with soft hyphens) that belong to the word.
            begin = next(
                i
                for i in range(len(tekst))
                if tekst[i:].replace(ZACHT_AFBREEKSTREEPJE, "").startswith(woord)
            )
            einde, letters = begin, 0
            while letters < len(woord):
                letters += tekst[einde] != ZACHT_AFBREEKSTREEPJE
                einde += 1
            indeling = blok.layout()
            for i in range(indeling.lineCount()):
                lijn = indeling.lineAt(i)
                eind = lijn.textStart() + lijn.textLength()
                if begin < eind < einde:  # the line ends inside the word
                    assert tekst[eind - 1] == ZACHT_AFBREEKSTREEPJE, (
                        f"broken without a hyphen: {tekst[begin:eind]!r}"
                    )
            gevonden.append(indeling.lineCount())
        blok = blok.next()
    assert len(gevonden) >= 2, "the word is in the title and as uitvoerder"
