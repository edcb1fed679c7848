"""Beheer at 1366x768: no header cut off, no filter or name field stretched over the window,
and an instrument's history with room to read it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.beheer import instrumenten
from keuzehulp.ui.beheer.beheer_tab import BeheerTab
from keuzehulp.ui.beheer.gemeen import VELD_MAX_BREEDTE
from keuzehulp.ui.beheer.instrumenten_indeling import GESCHIEDENIS_MIN_RIJEN, GESCHIEDENIS_RIJEN
from keuzehulp.ui.beheer.instrumenten_view import InstrumentenView
from keuzehulp.ui.beheer.kolommen import MIN_KOLOM
from keuzehulp.ui.beheer.log_view import LogView
from keuzehulp.ui.beheer.modellen import MutatieTabelModel
from tests.conftest import TEST_GEBRUIKER
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


def _open_met_geschiedenis(qtbot: QtBot, view: InstrumentenView, instrument_id: int) -> int:
    """Select an instrument in the list, wait for its history; the height (px) of a row."""
    qtbot.waitUntil(lambda: view.model.rij_van(instrument_id) >= 0)
    view.lijst.selectRow(view.model.rij_van(instrument_id))
    qtbot.waitUntil(
        lambda: (
            view.bewerking is not None
            and view.bewerking.id == instrument_id
            and view.geschiedenis_model.rowCount() > 0
        )
    )
    QApplication.processEvents()
    return view.geschiedenis.verticalHeader().defaultSectionSize()


def test_the_history_takes_the_rows_it_has_and_the_form_the_rest(
    qtbot: QtBot, catalogus: Database
) -> None:
    """At 1366x768 (the Beheer tab gets about 1366x680 of it) the form gets the room first:
    a history of one row keeps room for GESCHIEDENIS_MIN_RIJEN, not six empty ones, and a
    long history shows at least GESCHIEDENIS_RIJEN rows. The form scrolls with fields at
    their full height; the user can drag the handle between the two (neither collapses)."""
    kort = instrumenten.lijst_instrumenten(catalogus)[0].id  # added by the import: one row
    lang = instrumenten.lijst_instrumenten(catalogus)[1].id
    versie = instrumenten.open_instrument(catalogus, lang).versie
    for _ in range(3):  # six changes of status: seven rows
        versie = instrumenten.parkeer(catalogus, TEST_GEBRUIKER, lang, versie, "even weg")
        versie = instrumenten.herstel(catalogus, TEST_GEBRUIKER, lang, versie, "weer terug")
    tab = toon_beheer_tab(qtbot, catalogus, beheerder=True, maat=(1366, 680))
    view = tab.instrumenten
    tab.toon(view)
    rij = _open_met_geschiedenis(qtbot, view, kort)
    assert view.geschiedenis_model.rowCount() == 1
    assert rij < 2 * view.geschiedenis.fontMetrics().height()  # one line of text per row
    hoogte = view.geschiedenis.viewport().height()
    assert GESCHIEDENIS_MIN_RIJEN * rij <= hoogte < (GESCHIEDENIS_MIN_RIJEN + 1) * rij
    splitter = view.rechts_splitter
    assert splitter.count() == 2 and not splitter.childrenCollapsible()
    boven_kort, _ = splitter.sizes()
    naam = view.formulier.velden["naam"]
    assert naam.height() >= naam.sizeHint().height()  # not squeezed: the form scrolls

    rij = _open_met_geschiedenis(qtbot, view, lang)
    assert view.geschiedenis_model.rowCount() == 7
    assert view.geschiedenis.viewport().height() >= GESCHIEDENIS_RIJEN * rij
    boven, onder = splitter.sizes()
    assert boven >= onder  # the form keeps most of the room
    assert boven_kort >= boven + (GESCHIEDENIS_RIJEN - GESCHIEDENIS_MIN_RIJEN) * rij
    # Dragging the handle up gives the history more room; down again, it stops at six rows.
    splitter.moveSplitter(boven - 150, 1)
    assert splitter.sizes()[1] > onder
    splitter.moveSplitter(boven + 200, 1)
    assert splitter.sizes() == [boven, onder]
    assert view.geschiedenis.viewport().height() >= GESCHIEDENIS_RIJEN * rij


def test_the_history_columns_fit_their_text_in_the_order_of_the_mutatielog(
    qtbot: QtBot, catalogus: Database
) -> None:
    """The field as wide as its usual text ("Uitvoerder", not "Uitvo…"); old, new, reason
    and (the narrowest) source share the rest; Reden before Bron, as in the Mutatielog."""
    tab = toon_beheer_tab(qtbot, catalogus, beheerder=True, maat=(1366, 680))
    view = tab.instrumenten
    tab.toon(view)
    _open_met_geschiedenis(qtbot, view, instrumenten.lijst_instrumenten(catalogus)[0].id)
    kop, maat = view.geschiedenis.horizontalHeader(), view.geschiedenis.fontMetrics()
    titels = [k.titel for k in MutatieTabelModel.KOLOMMEN]
    getoond = sorted(
        (kop.visualIndex(k), t) for k, t in enumerate(titels) if not kop.isSectionHidden(k)
    )
    volgorde = [t for _, t in getoond]
    log = tab.scherm("log")
    assert isinstance(log, LogView)
    log_kop = log.tabel.horizontalHeader()
    log_volgorde = [titels[log_kop.logicalIndex(v)] for v in range(log_kop.count())]
    assert volgorde == [t for t in log_volgorde if t in volgorde]
    assert volgorde.index("Reden") < volgorde.index("Bron")
    breedte = {t: kop.sectionSize(titels.index(t)) for t in volgorde}
    assert breedte["Veld"] > maat.horizontalAdvance("Uitvoerder")
    # Old, new, reason and source share the rest: they fill the width, no sideways scrolling.
    assert sum(breedte.values()) == view.geschiedenis.viewport().width()
    assert breedte["Reden"] > breedte["Oud"] == breedte["Nieuw"] > breedte["Bron"] > MIN_KOLOM
