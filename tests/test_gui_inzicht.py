"""The Inzicht tab: beheerders only, computed in the background, suppression and white spots."""

from __future__ import annotations

import datetime as dt
import re
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
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService
from keuzehulp.services.inzicht.export import exporteer
from keuzehulp.services.inzicht.onderdrukking import ONDERDRUKT_UITLEG, VERBORGEN, Cel
from keuzehulp.services.inzicht.overzicht import Tabel
from keuzehulp.services.opstart import Opstart, open_catalogus
from keuzehulp.services.voorbeeldgesprekken import GesprekkenStand, voeg_voorbeeldgesprekken_toe
from keuzehulp.services.waardering import zet_enquete_label
from keuzehulp.ui.app import maak_hoofdvenster
from keuzehulp.ui.bestandskeuze import bestandsnaam, startmap
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.inzicht import grafieken
from keuzehulp.ui.inzicht.kop import DEMO_AANTAL, leeg_tekst
from keuzehulp.ui.inzicht.maanden import maand_nl, met_maandnamen
from keuzehulp.ui.inzicht.scherm import (
    MAX_EERSTE_KOLOM,
    MIN_EERSTE_KOLOM,
    InzichtScherm,
    periode,
)
from keuzehulp.ui.inzicht.tabelmodel import (
    ROL_SORTEER,
    WIT,
    InzichtTabelModel,
    bereid_voor,
    twee_regels,
)
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
    # The cost per month, gemeenten side by side (the default): a row per month.
    kosten = scherm.kosten.model
    koppen = [kosten.headerData(k, Qt.Orientation.Horizontal) for k in range(kosten.columnCount())]
    assert koppen[0] == "Maand" and koppen[-2:] == ["Totaal", "Keuzes"] and "Tiel" in koppen
    assert 0 < kosten.rowCount() <= 13
    assert "in euro" in scherm.kosten.uitleg.text()
    # Small cells say why they are hidden; in the rows per month and gemeente as well.
    scherm.kosten_vorm.setCurrentIndex(1)
    assert kosten.headerData(1, Qt.Orientation.Horizontal) == "Gemeente"
    qtmodeltester.check(kosten)
    onderdrukt = [
        kosten.index(r, k)
        for r in range(kosten.rowCount())
        for k in range(kosten.columnCount())
        if kosten.index(r, k).data() == VERBORGEN
    ]
    assert onderdrukt
    assert "minder dan 5 gesprekken" in onderdrukt[0].data(Qt.ItemDataRole.ToolTipRole)
    # A hidden amount reads the same word as a hidden count, never "<5".
    bedragen = [kosten.index(r, 4).data() for r in range(kosten.rowCount())]
    assert VERBORGEN in bedragen and not any("<" in b for b in bedragen)


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
    # The period the figures are about stays in view after the export.
    assert scherm.status.text().startswith(f"Gesprekken: {scherm.filter().omschrijving()}.")
    boek = load_workbook(tmp_path / "inzicht.xlsx")
    assert boek["Overzicht"]["B2"].value == scherm.filter().omschrijving()
    assert scherm.export_knop.isEnabled()


def test_exporteren_naar_pdf_met_gedateerde_naam(
    qtbot: QtBot, demo: Opstart, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save dialog of every export (ui/bestandskeuze.py): Documenten or the last export
    folder and a dated name, never a bare "inzicht.xlsx" in the working directory; a name
    typed without an extension gets the one of the chosen file type (PDF here)."""
    scherm = _scherm(qtbot, demo.database)
    (Path.home() / "Documents").mkdir()
    doel = tmp_path / "mijn-inzicht"
    getoond: list[str] = []

    def dialoog(_ouder: object, _titel: str, voorstel: str, filters: str) -> tuple[str, str]:
        getoond.append(voorstel)
        assert filters == "Excel-bestanden (*.xlsx);;PDF-bestanden (*.pdf)"
        return str(doel), "PDF-bestanden (*.pdf)"

    voorstel = startmap() / bestandsnaam("inzicht", ".xlsx")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialoog)
    scherm.export_knop.click()
    qtbot.waitUntil(lambda: "geschreven naar" in scherm.status.text(), timeout=60000)
    assert getoond == [str(voorstel)]
    assert voorstel.name == f"inzicht-{dt.date.today():%Y-%m-%d}.xlsx"
    assert voorstel.parent != Path.cwd()
    assert (tmp_path / "mijn-inzicht.pdf").read_bytes().startswith(b"%PDF")
    assert not doel.exists() and not (tmp_path / "mijn-inzicht.xlsx").exists()
    assert startmap() == tmp_path  # remembered for the next export, as the other exports


def test_exporteren_stoppen_laat_geen_bestand_achter(
    qtbot: QtBot, demo: Opstart, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stoppen (as for the bronbestand): the export runs in a process of its own and ends
    before it writes; no file, no temporary file, and a Dutch message."""
    scherm = _scherm(qtbot, demo.database)
    map_ = tmp_path / "export"
    map_.mkdir()
    doel = map_ / "inzicht.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(doel), ""))
    assert not scherm.stop_knop.isVisible()
    scherm.export_knop.click()
    assert scherm.stop_knop.isVisible() and not scherm.export_knop.isEnabled()
    assert "Bezig met exporteren" in scherm.status.text()
    scherm.stop_knop.click()
    qtbot.waitUntil(lambda: "Exporteren gestopt." in scherm.status.text(), timeout=60000)
    assert "Er is geen bestand geschreven." in scherm.status.text()
    assert list(map_.iterdir()) == []
    assert scherm.export_knop.isEnabled() and not scherm.stop_knop.isVisible()
    # Afterwards an export runs to the end as before.
    scherm.export_knop.click()
    qtbot.waitUntil(lambda: "geschreven naar" in scherm.status.text(), timeout=60000)
    assert doel.read_bytes().startswith(b"%PDF")


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

    def rij(maand: str, afgerond: float | None) -> tuple[Cel, ...]:
        af = Cel(VERBORGEN) if afgerond is None else Cel(str(int(afgerond)), afgerond)
        return (Cel(maand), Cel("9", 9), Cel("9", 9), Cel("9", 9), Cel("9", 9), af, Cel(VERBORGEN))

    maanden = [("2026-01", 6.0), ("2026-02", 7.0), ("2026-03", None), ("2026-04", 8.0)]
    tabel = Tabel("gebruik_periode", "t", "u", tuple("abcdefg"), [rij(m, a) for m, a in maanden])
    chart = grafieken.gebruik_per_maand(tabel)
    assert not isinstance(chart, str)
    afgerond = [s for s in chart.series() if s.name() == "Afgerond"]
    punten = sorted(tuple(p.x() for p in s.points()) for s in afgerond)
    assert punten == [(0.0, 1.0), (3.0,)]  # a line, then a lone dot after the hidden month
    gestopt = [s.name() for s in chart.series() if s.name().startswith("Gestopt")]
    assert gestopt == ["Gestopt (elke maand verborgen)"]
    # The title says why the last months look low, and what a break in a line means.
    assert "de laatste maanden lopen nog" in chart.title()
    assert "onderbroken lijn" in chart.title()
    zonder = Tabel("gebruik_periode", "t", "u", tuple("abcdefg"),
                   [tuple(Cel("9", 9) if i else Cel("2026-01") for i in range(7))])  # fmt: skip
    heel = grafieken.gebruik_per_maand(zonder)
    assert not isinstance(heel, str) and "onderbroken" not in heel.title()


def _uitkomst(naam: str, *tellen: float | None) -> tuple[Cel, ...]:
    cellen = [Cel(VERBORGEN) if n is None else Cel(str(int(n)), n) for n in tellen]
    return (Cel(naam), *cellen)


def test_uitkomsten_grafiek_laat_niets_stil_weg(qtbot: QtBot) -> None:
    """An instrument with a hidden count keeps its bar: the hidden part is grey, labelled. A
    bar that would be all grey makes room for one that shows something, and the title says
    how many were left out (issue 15)."""
    v = None
    tabel = Tabel(
        "uitkomsten", "t", "u", ("Instrument", "Met terugblik", "Afgerond", "Gestopt"),
        [_uitkomst("Alles bekend", 20, 10, 5), _uitkomst("Gestopt verborgen", 12, 6, v),
         _uitkomst("Klein", v, v, v), _uitkomst("Groot maar grijs", 40, v, v)],
    )  # fmt: skip
    chart = grafieken.uitkomsten(tabel)
    assert not isinstance(chart, str)
    (reeks,) = chart.series()
    sets = {s.label(): [s.at(i) for i in range(s.count())] for s in reeks.barSets()}
    # Bars from the bottom: the smallest first.
    assert sets["Afgerond"] == [6, 10]
    assert sets["Gestopt"] == [0, 5]
    assert sets["Nog bezig of aangemeld"] == [0, 5]
    assert sets["Verborgen (te weinig gesprekken)"] == [6, 0]  # 12 - 6: gestopt + bezig
    as_namen = chart.axes(Qt.Orientation.Vertical)[0]
    assert as_namen.categories() == ["Gestopt verborgen", "Alles bekend"]
    assert "2 instrumenten met alleen verborgen cijfers niet getoond." in chart.title()
    # Names are shortened by us; Qt's own cutting once left every name "…" in the window.
    assert not as_namen.truncateLabels()


def test_uitkomsten_grafiek_kiest_de_top_uit_wat_te_zien_is(qtbot: QtBot) -> None:
    """Ten all-grey bars with the most terugblikken do not push out the visible ones."""
    grijs = [_uitkomst(f"Grijs {i}", 100 + i, None, None) for i in range(10)]
    zichtbaar = [_uitkomst(f"Zichtbaar {i}", 10 + i, 5, 5) for i in range(9)]
    tabel = Tabel("uitkomsten", "t", "u", ("Instrument", "Met", "Af", "Gestopt"),
                  grijs + zichtbaar)  # fmt: skip
    chart = grafieken.uitkomsten(tabel)
    assert not isinstance(chart, str)
    namen = chart.axes(Qt.Orientation.Vertical)[0].categories()
    assert namen == [f"Zichtbaar {i}" for i in range(1, 9)]  # the 8 largest, largest on top
    assert "De 8 instrumenten met de meeste terugblikken (alle 19 staan in de tabel)" in (
        chart.title()
    )
    assert "10 instrumenten met alleen verborgen cijfers niet getoond." in chart.title()
    alles_grijs = Tabel("uitkomsten", "t", "u", ("I", "M", "A", "G"), grijs)
    assert isinstance(grafieken.uitkomsten(alles_grijs), str)


def test_kosten_grafiek_per_maand_met_nederlandse_maanden(qtbot: QtBot) -> None:
    """The Kosten tab: months in Dutch ("dec 2025"), sorted in time; a bar per month's total
    in euros; a hidden month has no bar and is named in the title."""

    def rij(maand: str, gemeente: str, euro: float | None) -> tuple[Cel, ...]:
        kosten = Cel(VERBORGEN) if euro is None else Cel(f"€ {euro:.0f}", euro)
        return (Cel(maand), Cel(gemeente), Cel("5", 5), Cel("0", 0), kosten)

    tabel = Tabel("kosten", "t", "u", ("Maand", "Gemeente", "Keuzes", "Zonder", "Kosten"), [
        rij("2025-12", "Tiel", 300.0), rij("2025-12", "Totaal", 1000.0),
        rij("2026-01", "Totaal", None), rij("2026-02", "Totaal", 2500.0)])  # fmt: skip
    nl = met_maandnamen(tabel)
    assert [r[0].tekst for r in nl.rijen] == ["dec 2025", "dec 2025", "jan 2026", "feb 2026"]
    assert maand_nl("2026-13") is None and maand_nl("Totaal") is None
    chart = grafieken.kosten_per_maand(nl)
    assert not isinstance(chart, str)
    (reeks,) = chart.series()
    (staven,) = reeks.barSets()
    assert [staven.at(i) for i in range(staven.count())] == [1000.0, 0.0, 2500.0]
    assert chart.axes(Qt.Orientation.Horizontal)[0].categoriesLabels() == [
        "dec 2025", "jan 2026", "feb 2026"]  # fmt: skip
    assert "Verborgen, te weinig gesprekken: jan 2026" in chart.title()
    # Amounts on the y-axis the Dutch way, with € and a thousands dot (not "2500" or "?").
    (as_y,) = chart.axes(Qt.Orientation.Vertical)
    assert as_y.categoriesLabels() == [
        "€ 0", "€ 500", "€ 1.000", "€ 1.500", "€ 2.000", "€ 2.500"]  # fmt: skip
    assert (as_y.min(), as_y.max()) == (0.0, 2500.0)
    # Sorting the month column keeps time order ("feb" before "dec" would be alphabetical).
    model = InzichtTabelModel()
    ModelTester(model).check(model)  # type: ignore[no-untyped-call]
    model.zet_tabel(bereid_voor(nl))
    model.sort(0, Qt.SortOrder.DescendingOrder)
    eerste = model.index(0, 0)
    assert model.data(eerste) == "feb 2026"
    links = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(eerste, Qt.ItemDataRole.TextAlignmentRole) == links
    leeg = Tabel("kosten", "t", "u", ("Maand", "Gemeente", "K", "Z", "Kosten"), [], "Niets.")
    assert grafieken.kosten_per_maand(leeg) == "Niets."


def test_lege_tabellen_en_grafieken_zeggen_waarom(qtbot: QtBot, catalogus_url: str) -> None:
    opstart = open_catalogus(catalogus_url, TEST_GEBRUIKER, ())
    try:
        scherm = _scherm(qtbot, opstart.database)
        # No gesprekken at all: not "choose a longer period", but what is really the case.
        uitleg = leeg_tekst(GesprekkenStand(0, 0, False), "")
        assert uitleg.startswith("Nog geen gesprekken bewaard.")
        assert "Kies een langere periode" not in uitleg
        assert scherm.gebruik.leeg.text() == uitleg
        assert scherm.grafiek_gebruik.currentWidget() is scherm.grafiek_gebruik.leeg
        assert scherm.grafiek_gebruik.leeg.text() == uitleg
        assert scherm.grafiek_uitkomsten.leeg.text() == uitleg
        assert scherm.kosten.stapel.currentWidget() is scherm.kosten.leeg
        assert scherm.kosten.leeg.text() == uitleg
        assert scherm.overlap.leeg.text().startswith("Geen actieve instrumenten")
        # The catalogue was made today: no instrument is a year old, so none can be "never
        # chosen in 12 months", and the list says so instead of "nothing to do".
        assert scherm.nooit.leeg.text().startswith("Nog geen actief instrument staat al 12")
        # The key figure is no reassuring 0, and its tooltip says why, with the number of
        # younger instruments (issue 15).
        nooit = scherm.kern.labels["Nooit gekozen in 12 maanden"]
        assert "Nooit gekozen: <b><a href='onderhoud'>nog niet te zeggen" in nooit.text()
        assert re.search(r"alle \d+ zijn jonger\.", nooit.toolTip())
        assert "tellen nog niet mee" in nooit.toolTip()
        # Once there are gesprekken, the table shows again.
        voeg_voorbeeldgesprekken_toe(opstart.database, 50, TEST_GEBRUIKER)
        scherm.periode.setCurrentIndex(scherm.periode.findText("Alles"))
        qtbot.waitUntil(lambda: scherm.kosten.model.rowCount() > 0, timeout=60000)
        assert scherm.kosten.stapel.currentWidget() is scherm.kosten.view
        assert scherm.grafiek_gebruik.currentWidget() is scherm.grafiek_gebruik.view
        # An empty period of a database with gesprekken keeps the service's advice.
        scherm.periode.setCurrentIndex(scherm.periode.findText("Eigen periode"))
        scherm.van.setDate(QDate(2001, 1, 1))
        scherm.tot.setDate(QDate(2001, 1, 31))
        qtbot.waitUntil(lambda: scherm.kosten.model.rowCount() == 0, timeout=60000)
        assert scherm.kosten.leeg.text().endswith("Kies een langere periode.")
    finally:
        opstart.database.sluit()


def test_lege_database_zegt_hoe_je_voorbeeldgesprekken_krijgt(
    qtbot: QtBot, catalogus_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sample catalogue without gesprekken: a notice with a button that makes fictional
    gesprekken (after a question); then the figures are marked as fictional."""
    opstart = open_catalogus(catalogus_url, TEST_GEBRUIKER, ())
    try:
        scherm = _scherm(qtbot, opstart.database)
        melding = scherm.melding
        assert not melding.isHidden()
        assert "nog geen gesprekken bewaard" in melding.tekst.text()
        assert not melding.knop.isHidden()
        gevraagd: list[str] = []
        monkeypatch.setattr(
            "keuzehulp.ui.inzicht.scherm.vraag_ja_nee",
            lambda _ouder, titel, _tekst: gevraagd.append(titel) or False,
        )
        qtbot.mouseClick(melding.knop, Qt.MouseButton.LeftButton)
        assert gevraagd == ["Voorbeeldgesprekken maken"]
        assert opstart.database is not None and scherm.stand is not None
        assert scherm.stand.leeg  # "Nee": nothing was added
        monkeypatch.setattr("keuzehulp.ui.inzicht.scherm.vraag_ja_nee", lambda _o, _t, _x: True)
        qtbot.mouseClick(melding.knop, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: scherm.stand is not None and scherm.stand.voorbeeld == DEMO_AANTAL,
            timeout=120000,
        )
        # Fictional figures: no bar any more, a small label beside the filters says so.
        assert melding.isHidden()
        assert not melding.kort.isHidden()
        assert melding.kort.text() == "Verzonnen voorbeeldgegevens"
        assert "2.000 verzonnen gesprekken" in melding.kort.toolTip()
        assert melding.kort.accessibleDescription() == melding.kort.toolTip()
    finally:
        opstart.database.sluit()


def test_geen_knop_in_een_echte_catalogus(qtbot: QtBot, database: Database) -> None:
    """Without the sample catalogue, fictional gesprekken would mix with real ones: the
    notice names the command for a separate database instead of offering a button."""
    scherm = _scherm(qtbot, database)
    assert scherm.melding.knop.isHidden()
    assert "keuzehulp voorbeeld --gesprekken 2000" in scherm.melding.tekst.text()


def test_witte_vlekken_uitgelegd_en_een_klik_opent_de_matrix(qtbot: QtBot, demo: Opstart) -> None:
    scherm = _scherm(qtbot, demo.database)
    label = scherm.kern_labels["Witte vlekken (kenmerk en route)"]
    assert "0 of 1 actief instrument" in label.toolTip()
    assert scherm.tabs.currentIndex() == 0
    label.linkActivated.emit("dekking")
    assert scherm.tabs.tabText(scherm.tabs.currentIndex()) == "&Dekking"
    scherm.kern_labels["Paren met overlap"].linkActivated.emit("overlap")
    assert scherm.tabs.tabText(scherm.tabs.currentIndex()) == "&Overlap"


def test_een_bewaard_gesprek_ververst_de_cijfers(qtbot: QtBot, catalogus_url: str) -> None:
    """A gesprek saved elsewhere in the app (or by another app) changes the figures, not
    the catalogue: a visible Inzicht recomputes, and the empty-database notice goes."""
    opstart = open_catalogus(catalogus_url, TEST_GEBRUIKER, ())
    try:
        scherm = _scherm(qtbot, opstart.database)
        assert scherm.stand is not None and scherm.stand.leeg
        GesprekService(opstart.database).bewaar(GesprekInvoer(doel="Ik wil leren plannen."), "a")
        qtbot.waitUntil(lambda: scherm.stand is not None and scherm.stand.echte == 1)
        assert scherm.melding.isHidden()
    finally:
        opstart.database.sluit()


def test_uitleg_verborgen_staat_er_een_keer(qtbot: QtBot, demo: Opstart) -> None:
    """The ‘verborgen’ legend shows where a figure is hidden, once: not in the status line
    as well, and not above a table that hides nothing."""
    scherm = _scherm(qtbot, demo.database)
    assert ONDERDRUKT_UITLEG not in scherm.status.text()
    assert any(c.is_onderdrukt for r in scherm.gebruik.model.tabel.rijen for c in r)
    assert scherm.gebruik.uitleg.text().count(ONDERDRUKT_UITLEG) == 1
    assert ONDERDRUKT_UITLEG not in scherm.dekking.uitleg.text()
    assert scherm.melding.kort.text() == "Verzonnen voorbeeldgegevens"


def test_tabel_sorteert_in_het_model_en_houdt_de_keuze_vast(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    """A header click sorts by the number (hidden and empty lowest, words last), keeps the
    selected row selected, and a new table keeps the chosen column; -1 is the service order."""
    from keuzehulp.ui.inzicht.scherm import TabelPaneel
    from keuzehulp.ui.inzicht.tabelmodel import bereid_voor

    def tabel(*rijen: tuple[str, float | None]) -> Tabel:
        cellen = [(Cel(n), Cel(VERBORGEN) if w is None else Cel(str(int(w)), w)) for n, w in rijen]
        return Tabel("t", "Titel", "Uitleg", ("Naam", "Aantal"), cellen)

    paneel = TabelPaneel("Test")
    qtbot.addWidget(paneel)
    paneel.toon(bereid_voor(tabel(("b", 7.0), ("a", None), ("C", 30.0), ("d", 5.0))))
    model, view = paneel.model, paneel.view
    qtmodeltester.check(model)

    def kolom(k: int) -> list[str]:
        return [model.index(r, k).data() for r in range(model.rowCount())]

    assert kolom(0) == ["b", "a", "C", "d"]  # the service's order until a header click
    view.selectRow(2)  # "C"
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert kolom(1) == ["30", "7", "5", VERBORGEN]
    assert view.selectionModel().selectedRows()[0].data() == "C"
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert kolom(0) == ["a", "b", "C", "d"]  # case-insensitive
    paneel.toon(bereid_voor(tabel(("z", 1.0), ("y", 2.0))))
    assert kolom(0) == ["y", "z"]  # a new table keeps the chosen sort
    model.sort(-1)
    assert kolom(0) == ["z", "y"]
    qtmodeltester.check(model)
    assert bereid_voor(tabel(("x", 9.0), ("w", 4.0))).grootste == 9.0


def test_zonder_opruimen_pauzeert_en_telt_geneste_blokken() -> None:
    """The collector is off inside (also when nested), on again after the last block, and
    what was alive is frozen: a later full collection does not walk it again."""
    import gc

    from keuzehulp.services.geheugen import wacht_op_geen_pauze
    from keuzehulp.ui.inzicht.geheugen import zonder_opruimen

    assert wacht_op_geen_pauze()  # a worker of an earlier test may still hold a pause
    assert gc.isenabled()
    bevroren = gc.get_freeze_count()
    with zonder_opruimen():
        assert not gc.isenabled()
        with zonder_opruimen():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still runs
        blijft = [[i] for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= bevroren + len(blijft)
    gc.disable()
    try:
        with zonder_opruimen():
            pass
        assert not gc.isenabled()  # off before: stays off
    finally:
        gc.enable()


def test_kop_op_twee_regels_alleen_als_die_breder_is_dan_de_cijfers() -> None:
    assert twee_regels("Met terugblik", len("verborgen")) == "Met\nterugblik"
    assert twee_regels("Eerst vergroten kans op werk", 2) == "Eerst vergroten\nkans op werk"
    assert twee_regels("Afgerond", 2) == "Afgerond"  # one word
    assert twee_regels("Met keuze", 3) == "Met keuze"  # short: one line reads better
    assert twee_regels("Niet bereikt", 9) == "Niet\nbereikt"
    assert twee_regels("Zelf doen", len("verborgen")) == "Zelf doen"  # about as wide
    assert twee_regels("Gemeente en periode", 40) == "Gemeente en periode"


def test_alle_kolommen_van_uitkomsten_passen_op_een_laptop(qtbot: QtBot, demo: Opstart) -> None:
    scherm = _scherm(qtbot, demo.database)
    scherm.open_tab("uitkomsten")
    view = scherm.uitkomsten.view
    qtbot.waitUntil(lambda: view.isVisible())
    kop = view.horizontalHeader()
    model = scherm.uitkomsten.model
    # Long headers wrap over two lines (the tooltip keeps the one-line text) ...
    teksten = [model.headerData(k, Qt.Orientation.Horizontal) for k in range(model.columnCount())]
    assert "Met\nterugblik" in teksten
    k = teksten.index("Met\nterugblik")
    assert model.headerData(k, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Met terugblik"
    )
    # ... and the instrument names give way, so every figure shows without scrolling.
    qtbot.waitUntil(lambda: kop.length() <= view.viewport().width())
    assert MIN_EERSTE_KOLOM <= kop.sectionSize(0) <= MAX_EERSTE_KOLOM
    # With room to spare the names get their full width again.
    scherm.resize(2400, 700)
    qtbot.waitUntil(lambda: kop.sectionSize(0) > MIN_EERSTE_KOLOM + 40)


def test_uitkomsten_met_een_lang_enquetelabel_passen_en_noemen_het_label(
    qtbot: QtBot, demo: Opstart, tmp_path: Path
) -> None:
    """A survey label such as "enquête 2021" would widen every survey cell: the table shows
    "7,5*" and names the label in its explanation and the cell's tooltip; xlsx reads the same."""
    zet_enquete_label(demo.database, "enquête 2021", TEST_GEBRUIKER)
    scherm = _scherm(qtbot, demo.database)
    scherm.open_tab("uitkomsten")
    view, model = scherm.uitkomsten.view, scherm.uitkomsten.model
    qtbot.waitUntil(lambda: view.isVisible())
    kop = view.horizontalHeader()
    qtbot.waitUntil(lambda: kop.length() <= view.viewport().width())
    assert MIN_EERSTE_KOLOM <= kop.sectionSize(0) <= MAX_EERSTE_KOLOM
    assert "* uit enquête 2021: nog geen 5 terugblikken met een cijfer." in (
        scherm.uitkomsten.uitleg.text()
    )
    enquete = [
        model.index(r, k)
        for r in range(model.rowCount())
        for k in range(model.columnCount())
        if str(model.index(r, k).data()).endswith("*")
    ]
    assert enquete, "the demo has instruments rated only by the survey"
    for index in enquete:
        tekst = index.data()
        assert re.fullmatch(r"\d+,\d\*", tekst)
        assert index.data(Qt.ItemDataRole.ToolTipRole) == (
            f"{tekst[:-1]} uit enquête 2021: nog geen 5 terugblikken met een cijfer"
        )
    assert not any("enquête" in str(model.index(r, k).data()) for r in range(model.rowCount())
                   for k in range(1, model.columnCount()))  # fmt: skip
    inzicht = scherm.inzicht
    assert inzicht is not None
    boek = load_workbook(exporteer(inzicht, tmp_path / "inzicht.xlsx"))
    (blad,) = (b for b in boek.worksheets if b.title.startswith("Uitkomsten"))
    waarden = [c for rij in blad.iter_rows(values_only=True) for c in rij if isinstance(c, str)]
    assert any("* uit enquête 2021" in w for w in waarden)
    assert {index.data() for index in enquete} <= set(waarden)


@pytest.mark.parametrize(
    ("hoogste", "labels"),
    [
        (0.0, ["€ 0", "€ 20", "€ 40", "€ 60", "€ 80", "€ 100"]),
        (93_400.0, ["€ 0", "€ 20.000", "€ 40.000", "€ 60.000", "€ 80.000", "€ 100.000"]),
        (
            1_234_567.0,
            ["€ 0", "€ 250.000", "€ 500.000", "€ 750.000", "€ 1.000.000", "€ 1.250.000"],
        ),
    ],
)
def test_kosten_as_in_euro_met_punten(hoogste: float, labels: list[str]) -> None:
    stappen = grafieken.euro_stappen(hoogste)
    assert [grafieken.euro_label(w) for w in stappen] == labels
    assert stappen[-1] >= hoogste
    assert grafieken.euro_label(1234.5) == "€ 1.234,50"


def test_tabbladen_worden_na_het_eerste_tekenen_gebouwd(qtbot: QtBot, demo: Opstart) -> None:
    """Opening the screen builds filters and key figures at once and the tab pages one per
    turn of the event loop (issue 13: no long stall); a key figure's link finishes them."""
    scherm = InzichtScherm(AppContext(database=demo.database, gebruiker=TEST_GEBRUIKER))
    qtbot.addWidget(scherm)
    assert scherm.tabs.count() == 0  # nothing built inside the constructor
    scherm.open_tab("uitkomsten")  # asked for before the event loop ran: built now
    assert scherm.tabs.count() == 6
    assert scherm.tabs.currentWidget() is scherm._tab_per_sleutel["uitkomsten"]
    qtbot.waitUntil(lambda: scherm.inzicht is not None, timeout=60000)
    assert scherm.uitkomsten.model.rowCount() > 0


def test_tabbladen_komen_vanzelf_een_voor_een(qtbot: QtBot, demo: Opstart) -> None:
    scherm = InzichtScherm(AppContext(database=demo.database, gebruiker=TEST_GEBRUIKER))
    qtbot.addWidget(scherm)
    aantallen: list[int] = []
    qtbot.waitUntil(lambda: aantallen.append(scherm.tabs.count()) or scherm.tabs.count() == 6)
    assert aantallen[0] < 6  # not all at once
    qtbot.waitUntil(lambda: scherm.inzicht is not None, timeout=60000)
    assert [scherm.tabs.tabText(i) for i in range(6)] == [
        "Gebr&uik",
        "&Kosten",
        "&Dekking",
        "&Overlap",
        "O&nderhoud",
        "U&itkomsten",
    ]


def test_kop_is_compact_en_schikt_de_kerncijfers(qtbot: QtBot, demo: Opstart) -> None:
    """At 1366 wide the filters, the period and the demo label share one row and the key
    figures another, so that the tables get the room; a narrow window puts the figures in
    two rows instead of pushing the window wider."""
    scherm = _scherm(qtbot, demo.database)
    labels = list(scherm.kern.labels.values())
    assert len(labels) == 9
    qtbot.waitUntil(lambda: len({label.y() for label in labels}) == 1)
    # The period text and the demo label sit in the filter row, beside the Periode box.
    for widget in (scherm.status, scherm.melding.kort):
        assert abs(widget.geometry().center().y() - scherm.periode.geometry().center().y()) < 8
    assert scherm.kern.geometry().bottom() < scherm.tabs.geometry().top()
    # Full names stay in the tooltip; the screen shows the short ones.
    kosten = scherm.kern.labels["Kosten van de keuzes"]
    assert kosten.text().startswith("Kosten: <b>")
    assert kosten.toolTip().startswith("Kosten van de keuzes.")
    scherm.resize(1000, 700)
    qtbot.waitUntil(lambda: len({label.y() for label in labels}) == 2)
    assert scherm.width() == 1000


def _terug(maand: str) -> str:
    """ "dec 2025" -> "2025-12"."""
    from keuzehulp.ui.inzicht.maanden import MAANDEN

    naam, jaar = maand.split()
    return f"{jaar}-{MAANDEN.index(naam) + 1:02d}"


@pytest.mark.parametrize(("maanden", "benoemd"), [(12, 12), (24, 12), (13, 7)])
def test_maanden_onder_de_grafiek_voluit(qtbot: QtBot, maanden: int, benoemd: int) -> None:
    """A month under a screen chart reads as in the tables ("dec 2025", never "dec '25");
    more than 12 would collide, so then every second month keeps its name, the newest
    always, on its own month (a bar axis hid the newest one at the edge)."""
    namen = [f"{2025 + (i + 11) // 12}-{(i + 11) % 12 + 1:02d}" for i in range(maanden)]
    kolommen = ("Maand", "G", "K", "M", "S", "A", "X")
    tabel = met_maandnamen(Tabel("gebruik_periode", "t", "u", kolommen,
                                 [(Cel(n), *(Cel("9", 9),) * 6) for n in namen]))  # fmt: skip
    for maak in (grafieken.gebruik_per_maand, grafieken.kosten_per_maand):
        if maak is grafieken.kosten_per_maand:  # its rows: month, gemeente, ..., cost
            tabel = met_maandnamen(Tabel("kosten", "t", "u", ("Maand", "Gemeente", "K", "Z", "E"),
                                         [(Cel(n), Cel("Totaal"), *(Cel("9", 9),) * 3)
                                          for n in namen]))  # fmt: skip
        chart = maak(tabel)
        assert not isinstance(chart, str)
        as_x = chart.axes(Qt.Orientation.Horizontal)[0]
        labels = as_x.categoriesLabels()
        assert len(labels) == benoemd
        assert all(re.fullmatch(r"[a-z]{3} 20\d\d", t) for t in labels), labels
        # Each name stands on its own month (row i at x = i), every month has room.
        plekken = [as_x.endValue(t) for t in labels]
        assert plekken == [namen.index(t) for t in map(_terug, labels)]
        assert (as_x.min(), as_x.max()) == (-0.5, maanden - 0.5)
        assert labels[-1] == maand_nl(namen[-1])  # the newest month is always named
