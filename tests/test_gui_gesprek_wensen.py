"""Step 2 of the panel, "Wat vind jij belangrijk?": choosing wishes, the fit on the shortlist."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.gesprek import GesprekService
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.services.wensen import WENS_TEKST, Wens, WensKeuze
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek.paneel import STAP_WENSEN, GesprekPaneel
from keuzehulp.ui.gesprek.wensen_stap import UITLEG, WensenStap
from tests.gui_gesprek_hulp import bewaar_gesprek, maak_instrumenten_met_feiten, open_gesprek

GEMEENTEN = ("Buren", "Culemborg", "Tiel", "West Betuwe")


@pytest.fixture
def paneel(qtbot: QtBot, database: Database) -> GesprekPaneel:
    scherm = GesprekPaneel(AppContext(database, "Anna de Boer"))
    qtbot.addWidget(scherm)
    return scherm


def _klik(qtbot: QtBot, knop: QRadioButton) -> None:
    qtbot.mouseClick(knop, Qt.MouseButton.LeftButton, pos=QPoint(6, knop.height() // 2))


def test_each_wish_is_niet_belangrijk_or_heel_belangrijk(qtbot: QtBot) -> None:
    stap = WensenStap()
    qtbot.addWidget(stap)
    stap.show()
    assert set(stap.groepen) == set(WENS_TEKST)
    assert stap.wensen() == ()
    assert "nog geen wensen" in stap.samenvatting.text()
    with qtbot.waitSignal(stap.wensen_gewijzigd):
        _klik(qtbot, stap.knoppen[Wens.KORT][2])
    _klik(qtbot, stap.knoppen[Wens.GRATIS][1])
    assert stap.wensen() == (
        WensKeuze(wens=Wens.KORT, gewicht=2),
        WensKeuze(wens=Wens.GRATIS, gewicht=1),
    )
    assert stap.samenvatting.text() == "Je hebt 2 wensen gekozen, waarvan 1 heel belangrijk."
    # Each radio button says what it means, for a screen reader and as a tooltip.
    assert stap.knoppen[Wens.KORT][2].accessibleName() == (
        f"{WENS_TEKST[Wens.KORT]}: heel belangrijk"
    )
    _klik(qtbot, stap.knoppen[Wens.KORT][0])
    assert stap.wensen() == (WensKeuze(wens=Wens.GRATIS, gewicht=1),)
    qtbot.mouseClick(stap.wis, Qt.MouseButton.LeftButton)
    assert stap.wensen() == ()
    assert beoordeel(UITLEG).ok


def test_close_to_home_asks_the_clients_gemeente(qtbot: QtBot) -> None:
    stap = WensenStap()
    qtbot.addWidget(stap)
    stap.zet_gemeenten(GEMEENTEN)
    stap.show()
    assert stap.gemeente.isHidden()
    _klik(qtbot, stap.knoppen[Wens.DICHTBIJ][1])
    assert stap.gemeente.isVisible()
    assert "Kies ook je gemeente" in stap.samenvatting.text()
    assert stap.wensen() == (WensKeuze(wens=Wens.DICHTBIJ, gewicht=1),)
    stap.gemeente.setCurrentIndex(stap.gemeente.findData("Tiel"))
    assert stap.wensen() == (WensKeuze(wens=Wens.DICHTBIJ, gewicht=1, gemeente="Tiel"),)
    assert "Kies ook" not in stap.samenvatting.text()
    # Only names from the catalogue (and the empty choice), never free text such as an address.
    assert [stap.gemeente.itemData(i) for i in range(stap.gemeente.count())] == [
        None,
        *GEMEENTEN,
    ]
    assert not stap.gemeente.isEditable()


def test_alone_and_in_a_group_exclude_each_other(qtbot: QtBot) -> None:
    stap = WensenStap()
    qtbot.addWidget(stap)
    stap.show()
    _klik(qtbot, stap.knoppen[Wens.ALLEEN][1])
    _klik(qtbot, stap.knoppen[Wens.GROEP][2])
    assert stap.wensen() == (WensKeuze(wens=Wens.GROEP, gewicht=2),)
    assert stap.knoppen[Wens.ALLEEN][0].isChecked()


def test_the_shortlist_shows_the_fit_and_it_is_stored(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    ids = maak_instrumenten_met_feiten(database)
    for i in ids:
        assert paneel.voeg_toe(i)
    assert paneel.korte_lijst.index(0).data() == "1. Coaching, Praktijk De Kompasroos"
    paneel.stappen.setCurrentIndex(STAP_WENSEN)
    paneel.show()
    stap = paneel.wensen
    assert stap.gemeente.findData("Tiel") > 0  # the catalogue's gemeenten were loaded
    with qtbot.waitSignal(paneel.wensen_gewijzigd):
        stap.zet_wensen(
            (
                WensKeuze(wens=Wens.DICHTBIJ, gewicht=2, gemeente="Tiel"),
                WensKeuze(wens=Wens.KORT),
                WensKeuze(wens=Wens.GRATIS),
            )
        )
    # Hand-worked in tests/gui_gesprek_hulp.py: 2, 3, 1 (cost unknown), 1, 3 of 3.
    regels = [paneel.korte_lijst.index(r).data().split("\n")[1] for r in range(5)]
    assert regels == [
        "Past bij 2 van je 3 wensen",
        "Past bij 3 van je 3 wensen",
        "Past bij 1 van je 3 wensen",
        "Past bij 1 van je 3 wensen",
        "Past bij 3 van je 3 wensen",
    ]
    # The selected option names the wishes it meets and misses; unknown is not a miss.
    paneel.lijst.lijst.setCurrentIndex(paneel.korte_lijst.index(2))
    assert paneel.lijst.fit.text() == (
        "Past bij 1 van je 3 wensen. Ja: dicht bij huis. Nee: kort. Weten we niet: gratis."
    )
    assert beoordeel(paneel.lijst.fit.text()).ok

    bewaar_gesprek(qtbot, paneel)
    opgeslagen = GesprekService(database).lees(paneel.gesprek_id or 0)
    assert opgeslagen.invoer.wensen == stap.wensen()
    assert opgeslagen.fit[ids[3]].gemist == (Wens.DICHTBIJ, Wens.KORT)

    paneel.nieuw_gesprek()
    assert stap.wensen() == () and paneel.korte_lijst.rowCount() == 0
    open_gesprek(qtbot, paneel, opgeslagen.id)
    assert stap.wensen() == opgeslagen.invoer.wensen
    assert stap.gekozen_gemeente() == "Tiel"
    assert not paneel.heeft_wijzigingen()
    assert paneel.korte_lijst.fit(ids[1]).samenvatting == "Past bij 3 van je 3 wensen"


def test_starts_soon_depends_on_the_date(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    """The training starts in two weeks: "snel beginnen" (within 4 weeks) is met."""
    ids = maak_instrumenten_met_feiten(database, dt.date.today())
    paneel.voeg_toe(ids[1])
    paneel.wensen.zet_gewicht(Wens.SNEL, 1)
    assert paneel.korte_lijst.fit(ids[1]).voldaan == (Wens.SNEL,)
    # Without known dates the wish is unknown, never missed.
    paneel.voeg_toe(ids[4])
    assert paneel.korte_lijst.fit(ids[4]).onbekend == (Wens.SNEL,)


def test_client_view_shows_only_b1_texts(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    """Everything the panel still shows in the client view passes the B1 check."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    ids = maak_instrumenten_met_feiten(database)
    paneel.voeg_toe(ids[0])
    paneel.wensen.zet_wensen((WensKeuze(wens=Wens.KORT),))
    paneel.kies(ids[0])
    paneel.zet_klantweergave(True)
    teksten = []
    for stap in range(paneel.stappen.count()):
        paneel.stappen.setCurrentIndex(stap)
        pagina = paneel.stappen.widget(stap)
        for widget in pagina.findChildren(QLabel) + pagina.findChildren(QAbstractButton):
            if widget.isVisibleTo(paneel) and widget.text():
                teksten.append(widget.text())
        teksten += [g.title() for g in pagina.findChildren(QGroupBox) if g.isVisibleTo(paneel)]
        teksten.append(paneel.stappen.tabText(stap))
    assert any("Past bij 0 van je 1 wens" in t for t in teksten)  # the fit is there
    for tekst in teksten:
        schoon = re.sub(r"<[^>]+>", " ", tekst).replace("&", "")
        assert beoordeel(schoon).ok, f"{tekst!r}: {beoordeel(schoon).uitleg()}"


def test_wishes_and_shortlist_reach_the_search_screen(qtbot: QtBot, catalogus: Database) -> None:
    """Contract with the search screen: zet_wensen (fit on the cards, sort by it) and
    zet_korte_lijst (shortlisted cards marked), called by the panel on every change."""
    from keuzehulp.services.zoeken import Sortering
    from keuzehulp.ui.main_window import MainWindow

    venster = MainWindow(AppContext(catalogus, "Anna de Boer"))
    qtbot.addWidget(venster)
    zoeken, paneel = venster.zoeken, venster.gesprek.paneel
    assert zoeken.sortering.findData(Sortering.WENSEN) == -1
    paneel.wensen.zet_gewicht(Wens.KORT, 2)
    assert zoeken.sortering.findData(Sortering.WENSEN) >= 0  # "Past het best bij je wensen"
    paneel.wensen.wis_alles()
    assert zoeken.sortering.findData(Sortering.WENSEN) == -1

    eerste = zoeken.resultaten_model.treffer(0).id
    assert not zoeken.resultaten_model.op_korte_lijst(eerste)
    zoeken.korte_lijst_gevraagd.emit(eerste)
    assert zoeken.resultaten_model.op_korte_lijst(eerste)
    paneel.lijst.lijst.setCurrentIndex(paneel.korte_lijst.index(0))
    paneel.verwijder_gekozen()
    assert not zoeken.resultaten_model.op_korte_lijst(eerste)
    venster.close()


def test_opening_a_stored_conversation_searches_once_with_its_wishes(
    qtbot: QtBot, catalogus: Database
) -> None:
    """Wishes, shortlist and question of a stored conversation arrive together: the
    search screen searches once for them (not once for the wishes and again for the
    question), and the comparison is brought up to date with all of them."""
    from keuzehulp.services.zoeken import Sortering
    from keuzehulp.ui.main_window import MainWindow

    venster = MainWindow(AppContext(catalogus, "Anna de Boer"))
    qtbot.addWidget(venster)
    zoeken, paneel = venster.zoeken, venster.gesprek.paneel
    ids = [zoeken.resultaten_model.treffer(r).id for r in range(3)]
    for i in ids:
        assert paneel.voeg_toe(i)
    paneel.wensen.zet_gewicht(Wens.KORT, 2)
    gesprek_id = bewaar_gesprek(qtbot, paneel)
    paneel.nieuw_gesprek()
    paneel.wensen.zet_gewicht(Wens.GRATIS, 2)  # another client's wishes, sorted by them
    zoeken.sortering.setCurrentIndex(zoeken.sortering.findData(Sortering.WENSEN))
    assert paneel.vergelijking.columnCount() == 0

    zoekopdrachten: list[int] = []
    zoeken.resultaten_model.modelReset.connect(lambda: zoekopdrachten.append(1))
    open_gesprek(qtbot, paneel, gesprek_id)
    assert zoekopdrachten == [1]
    assert zoeken.sortering.currentData() == Sortering.WENSEN
    assert zoeken.resultaten_model.kaart(0).wensen.endswith("Wel: kort.")  # stored wishes
    assert paneel.vergelijking.columnCount() == len(ids)  # one column per option
    assert paneel.korte_lijst.ids() == ids
    venster.close()
