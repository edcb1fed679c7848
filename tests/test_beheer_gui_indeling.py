"""Beheer at 1366x768: no header cut off, no filter or name field stretched over the window,
and an instrument's history with room to read it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.ui.beheer.beheer_tab import BeheerTab
from keuzehulp.ui.beheer.gemeen import VELD_MAX_BREEDTE
from keuzehulp.ui.beheer.instrumenten_indeling import GESCHIEDENIS_RIJEN
from tests.gui_beheer_hulp import toon_beheer_tab


def _tab(qtbot: QtBot, db: Database) -> BeheerTab:
    return toon_beheer_tab(qtbot, db, beheerder=True, maat=(1366, 700))


def test_actualiteit_headers_are_whole_and_the_name_gets_the_room(
    qtbot: QtBot, catalogus: Database
) -> None:
    tab = _tab(qtbot, catalogus)
    view = tab.actualiteit
    tab.toon(view)
    qtbot.waitUntil(lambda: not view.laadt)
    QApplication.processEvents()
    kop = view.tabel.horizontalHeader()
    for kolom in range(kop.count()):
        naam = view.model.headerData(kolom, kop.orientation())
        assert kop.sectionSize(kolom) >= kop.sectionSizeHint(kolom), naam  # not cut off
    breedtes = [kop.sectionSize(k) for k in range(kop.count())]
    assert breedtes[0] == max(breedtes)  # Naam, not Regiehouder, takes what is left


def _laadt(scherm: object) -> bool:
    laadt = getattr(scherm, "laadt", None)
    if laadt is None:
        laadt = scherm.lading.laadt  # type: ignore[attr-defined]
    return bool(laadt)


def test_filters_and_name_fields_keep_a_readable_width(qtbot: QtBot, catalogus: Database) -> None:
    tab = _tab(qtbot, catalogus)
    for scherm in (tab.opmerkingen, tab.log, tab.beheerders, tab.gemeenten):
        tab.toon(scherm)
        qtbot.waitUntil(lambda s=scherm: not _laadt(s))
        QApplication.processEvents()
        for veld in scherm.findChildren(QComboBox) + scherm.findChildren(QLineEdit):
            if veld.isVisible() and not isinstance(veld.parent(), QComboBox):
                naam = veld.accessibleName()
                ruimer = 160 if veld is tab.log.instrument else 0  # long instrument names
                assert veld.width() <= VELD_MAX_BREEDTE + ruimer, (type(scherm).__name__, naam)
    assert tab.opmerkingen.status.width() < 250


def test_lange_naam_in_de_instrumentenlijst_is_te_lezen(qtbot: QtBot, catalogus: Database) -> None:
    """A long Naam in the instrument list: the column takes the room left at 1366 px, a cut
    name ends in "…" on one line, and its tooltip holds it whole."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView

    from keuzehulp.ui.beheer.instrumenten_indeling import KOLOM_NAAM

    tab = _tab(qtbot, catalogus)
    view = tab.instrumenten
    tab.toon(view)
    lijst, model = view.lijst, view.model
    qtbot.waitUntil(lambda: model.rowCount() > 50)
    QApplication.processEvents()
    kop = lijst.horizontalHeader()
    assert kop.sectionResizeMode(KOLOM_NAAM) == QHeaderView.ResizeMode.Stretch
    zichtbaar = [k for k in range(kop.count()) if not lijst.isColumnHidden(k)]
    assert max(zichtbaar, key=kop.sectionSize) == KOLOM_NAAM
    assert lijst.textElideMode() in (Qt.TextElideMode.ElideRight, Qt.TextElideMode.ElideMiddle)
    assert not lijst.wordWrap()
    rijen = [model.index(r, KOLOM_NAAM) for r in range(model.rowCount())]
    langste = max(rijen, key=lambda i: len(str(i.data())))
    naam = str(langste.data())
    assert lijst.fontMetrics().horizontalAdvance(naam) > kop.sectionSize(KOLOM_NAAM)  # cut
    assert langste.data(Qt.ItemDataRole.ToolTipRole) == naam


def test_the_history_shows_six_rows_and_the_form_scrolls(qtbot: QtBot, catalogus: Database) -> None:
    """At 1366x768 (the Beheer tab gets about 1366x680 of it) the instrument's history shows
    at least six rows, not two; the form above it scrolls with fields at their full height,
    and the user can drag the handle between the two (neither can be collapsed)."""
    tab = toon_beheer_tab(qtbot, catalogus, beheerder=True, maat=(1366, 680))
    view = tab.instrumenten
    tab.toon(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    view.lijst.selectRow(0)
    qtbot.waitUntil(lambda: view.geschiedenis_model.rowCount() > 0)
    QApplication.processEvents()
    rij = view.geschiedenis.verticalHeader().defaultSectionSize()
    assert rij < 2 * view.geschiedenis.fontMetrics().height()  # one line of text per row
    assert view.geschiedenis.viewport().height() >= GESCHIEDENIS_RIJEN * rij
    splitter = view.rechts_splitter
    assert splitter.count() == 2 and not splitter.childrenCollapsible()
    boven, onder = splitter.sizes()
    assert boven >= onder  # the form keeps most of the room
    naam = view.formulier.velden["naam"]
    assert naam.height() >= naam.sizeHint().height()  # not squeezed: the form scrolls
    # Dragging the handle up gives the history more room; down again, it stops at six rows.
    splitter.moveSplitter(boven - 150, 1)
    assert splitter.sizes()[1] > onder
    splitter.moveSplitter(boven + 200, 1)
    assert splitter.sizes() == [boven, onder]
    assert view.geschiedenis.viewport().height() >= GESCHIEDENIS_RIJEN * rij
