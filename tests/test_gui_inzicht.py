"""The Inzicht tab: beheerders only, computed in the background, suppression and white spots."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.beheer import beheerders
from keuzehulp.services.inzicht.onderdrukking import ONDERDRUKT
from keuzehulp.services.opstart import Opstart, open_catalogus
from keuzehulp.services.voorbeeldgesprekken import voeg_voorbeeldgesprekken_toe
from keuzehulp.ui.app import maak_hoofdvenster
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.inzicht.scherm import InzichtScherm, periode
from keuzehulp.ui.inzicht.tabelmodel import ROL_SORTEER, WIT
from keuzehulp.ui.main_window import MainWindow
from tests.conftest import TEST_GEBRUIKER


@pytest.fixture
def demo(catalogus_url: str) -> Iterator[Opstart]:
    """The sample catalogue with 300 fictional gesprekken; the tester is beheerder."""
    opstart = open_catalogus(catalogus_url, TEST_GEBRUIKER, ())
    voeg_voorbeeldgesprekken_toe(opstart.database, 300, TEST_GEBRUIKER)
    yield opstart
    opstart.database.sluit()


def _scherm(qtbot: QtBot, db: Database) -> InzichtScherm:
    scherm = InzichtScherm(AppContext(database=db, gebruiker=TEST_GEBRUIKER))
    qtbot.addWidget(scherm)
    scherm.resize(1366, 700)
    scherm.show()
    qtbot.waitUntil(lambda: scherm.inzicht is not None, timeout=60000)
    return scherm


def test_tab_alleen_voor_beheerders_en_niet_in_klantweergave(qtbot: QtBot, demo: Opstart) -> None:
    venster = maak_hoofdvenster(demo)
    qtbot.addWidget(venster)
    index = venster.tabs.indexOf(venster.inzicht_pagina)
    assert venster.tabs.isTabVisible(index)
    assert venster.tabs.tabText(index) == "&Inzicht"
    venster.zoeken.actie_klantweergave.setChecked(True)
    assert not venster.tabs.isTabVisible(index)
    venster.zoeken.actie_klantweergave.setChecked(False)
    assert venster.tabs.isTabVisible(index)
    # A werkcoach (no beheerder) does not see the tab at all.
    beheerders.voeg_beheerder_toe(demo.database, TEST_GEBRUIKER, "tweede")
    coach = MainWindow(AppContext(database=demo.database, gebruiker="werkcoach"))
    qtbot.addWidget(coach)
    assert not coach.tabs.isTabVisible(coach.tabs.indexOf(coach.inzicht_pagina))


def test_scherm_toont_cijfers_grafieken_en_witte_vlekken(
    qtbot: QtBot, demo: Opstart, qtmodeltester: ModelTester
) -> None:
    scherm = _scherm(qtbot, demo.database)
    assert scherm.periode.currentText() == "Laatste 12 maanden"
    assert scherm.kern_labels["Gesprekken"].text().startswith("Gesprekken: <b>")
    namen = {s.name().split(" (")[0] for s in scherm.grafiek_gebruik.chart().series()}
    assert namen == {"Gesprekken", "Met keuze", "Afgerond", "Gestopt"}  # lines may have gaps
    assert len(scherm.grafiek_uitkomsten.chart().series()) == 1
    for paneel in (scherm.gebruik, scherm.kosten, scherm.dekking, scherm.uitkomsten):
        qtmodeltester.check(paneel.model)
        assert paneel.model.rowCount() > 0
    model = scherm.dekking.model
    witte = [
        model.index(r, k)
        for r in range(model.rowCount())
        for k in range(1, model.columnCount())
        if model.index(r, k).data(ROL_SORTEER) is not None
        and model.index(r, k).data(ROL_SORTEER) <= 1
    ]
    assert witte
    assert all(i.data(Qt.ItemDataRole.BackgroundRole) == WIT for i in witte)
    assert "Witte vlek" in witte[0].data(Qt.ItemDataRole.ToolTipRole)
    # Small cells say why they are hidden.
    kosten = scherm.kosten.model
    onderdrukt = [
        kosten.index(r, k)
        for r in range(kosten.rowCount())
        for k in range(kosten.columnCount())
        if kosten.index(r, k).data() == ONDERDRUKT
    ]
    assert onderdrukt
    assert "Minder dan 5 gesprekken" in onderdrukt[0].data(Qt.ItemDataRole.ToolTipRole)


def test_filters_rekenen_opnieuw(qtbot: QtBot, demo: Opstart) -> None:
    scherm = _scherm(qtbot, demo.database)
    scherm.gemeente.setCurrentIndex(scherm.gemeente.findData("Tiel"))
    qtbot.waitUntil(
        lambda: scherm.inzicht is not None and scherm.inzicht.filter.gemeente == "Tiel",
        timeout=60000,
    )
    assert "Tiel" in scherm.status.text()
    assert scherm.inzicht is not None
    assert "(Tiel)" in scherm.inzicht.tabellen["dekking"].titel
    scherm.dimensie.setCurrentIndex(scherm.dimensie.findData("gebruik_gemeente"))
    assert scherm.gebruik.model.index(0, 0).data() == "Tiel"
    scherm.periode.setCurrentIndex(scherm.periode.findText("Eigen periode"))
    assert scherm.van.isVisible() and scherm.tot.isVisible()
    scherm.van.setDate(QDate(2026, 5, 1))
    scherm.tot.setDate(QDate(2026, 4, 1))
    assert "ligt vóór" in scherm.status.text()


def test_exporteren_naar_excel(
    qtbot: QtBot, demo: Opstart, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scherm = _scherm(qtbot, demo.database)
    doel = tmp_path / "inzicht"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(doel), "Excel-bestanden (*.xlsx)")
    )
    scherm.export_knop.click()
    qtbot.waitUntil(lambda: "geschreven naar" in scherm.status.text(), timeout=60000)
    boek = load_workbook(tmp_path / "inzicht.xlsx")
    assert boek["Overzicht"]["B2"].value == scherm.filter().omschrijving()
    assert scherm.export_knop.isEnabled()


@pytest.mark.parametrize(
    ("keuze", "verwacht"),
    [
        ("Laatste 12 maanden", (dt.date(2025, 12, 1), dt.date(2026, 11, 30))),
        ("Dit jaar", (dt.date(2026, 1, 1), dt.date(2026, 11, 30))),
        ("Vorig jaar", (dt.date(2025, 1, 1), dt.date(2025, 12, 31))),
        ("Alles", (None, None)),
        ("Eigen periode", (dt.date(2026, 2, 1), dt.date(2026, 3, 1))),
    ],
)
def test_periodes(keuze: str, verwacht: tuple[dt.date | None, dt.date | None]) -> None:
    eigen = (dt.date(2026, 2, 1), dt.date(2026, 3, 1))
    assert periode(keuze, dt.date(2026, 11, 30), *eigen) == verwacht
    if keuze == "Laatste 12 maanden":  # 29 February has no twin a year earlier
        assert periode(keuze, dt.date(2028, 2, 29), *eigen)[0] == dt.date(2027, 3, 1)


def test_een_verborgen_maand_onderbreekt_de_lijn(qtbot: QtBot) -> None:
    """No line runs through a suppressed month: its height could be read off the slope."""
    from keuzehulp.services.inzicht.onderdrukking import Cel
    from keuzehulp.services.inzicht.overzicht import Tabel
    from keuzehulp.ui.inzicht import grafieken

    def rij(maand: str, afgerond: float | None) -> tuple[Cel, ...]:
        af = Cel("<5") if afgerond is None else Cel(str(int(afgerond)), afgerond)
        return (Cel(maand), Cel("9", 9), Cel("9", 9), Cel("9", 9), Cel("9", 9), af, Cel("<5"))

    maanden = [("2026-01", 6.0), ("2026-02", 7.0), ("2026-03", None), ("2026-04", 8.0)]
    tabel = Tabel("gebruik_periode", "t", "u", tuple("abcdefg"), [rij(m, a) for m, a in maanden])
    chart = grafieken.gebruik_per_maand(tabel)
    afgerond = [s for s in chart.series() if s.name() == "Afgerond"]
    punten = sorted(tuple(p.x() for p in s.points()) for s in afgerond)
    assert punten == [(0.0, 1.0), (3.0,)]  # a line, then a lone dot after the hidden month
    gestopt = [s.name() for s in chart.series() if s.name().startswith("Gestopt")]
    assert gestopt == ["Gestopt (elke maand <5)"]
