"""Bronbestand in the window: import preview -> Toepassen, problems table, export, refusal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.services.bronbestand.lezer import Probleem
from keuzehulp.ui.bronbestand.probleemmodel import ProbleemModel
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.main_window import MainWindow
from tests.bronbestand_werkmappen import dump, maak_werkmap
from tests.conftest import TEST_GEBRUIKER

KOP = ("Naam", "Fenger", "Afgeleide kenmerken", "Kosten", "Notitie")


@pytest.fixture
def venster(qtbot: QtBot, database: Database) -> Iterator[MainWindow]:
    w = MainWindow(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(w)
    w.show()
    yield w


def _kies(monkeypatch: pytest.MonkeyPatch, pad: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(pad), "Excel-werkmap (*.xlsx)")
    )


def test_menu_has_both_actions(venster: MainWindow) -> None:
    teksten = [a.text() for a in venster.menu_bestand.actions()]
    assert "Bronbestand &importeren…" in teksten and "Bronbestand &exporteren…" in teksten


def test_import_preview_then_apply(
    qtbot: QtBot,
    venster: MainWindow,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pad = maak_werkmap(
        tmp_path / "nieuw.xlsx",
        [
            ["Training A", "Work first", "4.1", "€ 450,-", "x"],
            ["Coaching B", "Life first", "3.3", 0],
        ],
        KOP,
    )
    _kies(monkeypatch, pad)
    voor = dump(database)
    venster.bronbestand.actie_importeren.trigger()
    qtbot.waitUntil(lambda: venster.bronbestand.voorbeeld is not None, timeout=10000)
    dialoog = venster.bronbestand.voorbeeld
    assert dialoog is not None
    assert dump(database) == voor  # the preview changed nothing
    assert "Nieuw: 2 · Gewijzigd: 0" in dialoog.samenvatting.text()
    assert "Waarschuwingen: 1" in dialoog.samenvatting.text()
    boom = dialoog.wijzigingen.model()
    assert boom.index(0, 0).data() == "Nieuw (2)"
    assert boom.index(0, 0, boom.index(0, 0)).data() == "Training A  (Instrumenten, rij 2)"
    assert dialoog.model.rowCount() == 1
    assert dialoog.toepassen.isEnabled()
    with qtbot.waitSignal(venster.context.gebeurtenissen.catalogus_gewijzigd, timeout=10000):
        qtbot.mouseClick(dialoog.toepassen, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialoog.isVisible())
    with database.lezen() as s:
        assert sorted(s.scalars(select(Instrument.naam))) == ["Coaching B", "Training A"]
    assert "Import van nieuw.xlsx uitgevoerd" in venster.statusBar().currentMessage()


def test_errors_show_in_the_table_and_block_toepassen(
    qtbot: QtBot,
    venster: MainWindow,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pad = maak_werkmap(tmp_path / "fout.xlsx", [["A", "Work first", "Zelfinzich", 0, None]], KOP)
    _kies(monkeypatch, pad)
    venster.bronbestand.actie_importeren.trigger()
    qtbot.waitUntil(lambda: venster.bronbestand.voorbeeld is not None, timeout=10000)
    dialoog = venster.bronbestand.voorbeeld
    assert dialoog is not None
    assert not dialoog.toepassen.isEnabled()
    assert dialoog.tabs.currentIndex() == 1
    model = dialoog.model
    assert model.index(0, 0).data() == "Fout"
    assert model.index(0, 2).data() == 2
    assert model.index(0, 4).data() == "Zelfinzich"
    assert "Bedoelt u ‘1.7 Zelfinzicht’?" in model.index(0, 5).data()


def test_unreadable_file_and_werkcoach_get_a_dutch_message(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meldingen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, tekst, *a: meldingen.append(tekst))
    pad = tmp_path / "oud.xls"
    pad.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 64)
    _kies(monkeypatch, pad)
    w = MainWindow(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(w)
    w.bronbestand.actie_importeren.trigger()
    qtbot.waitUntil(lambda: len(meldingen) == 1, timeout=10000)
    assert "oud Excel-bestand (.xls)" in meldingen[0]
    coach = MainWindow(AppContext(database, "coach"))
    qtbot.addWidget(coach)
    _kies(
        monkeypatch, maak_werkmap(tmp_path / "a.xlsx", [["A", "Work first", "4.1", 0, None]], KOP)
    )
    coach.bronbestand.actie_importeren.trigger()
    qtbot.waitUntil(lambda: len(meldingen) == 2, timeout=10000)
    assert meldingen[1].startswith("Alleen beheerders mogen de catalogus wijzigen")
    assert coach.bronbestand.voorbeeld is None


def test_export_from_the_menu(
    qtbot: QtBot, catalogus: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = MainWindow(AppContext(catalogus, TEST_GEBRUIKER))
    qtbot.addWidget(w)
    doel = tmp_path / "bronbestand"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(doel), ""))
    # The export runs in a worker process: its first start loads SQLAlchemy and openpyxl.
    with qtbot.waitSignal(w.context.gebeurtenissen.melding, timeout=60_000) as signaal:
        w.bronbestand.actie_exporteren.trigger()
    assert signaal.args is not None
    assert "52 instrumenten, 9 geparkeerd" in signaal.args[0]
    assert (tmp_path / "bronbestand.xlsx").is_file()


def test_problem_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = ProbleemModel(
        [
            Probleem("Instrumenten", 4, "C (Notities)", "x", "Onbekende kolom.", "waarschuwing"),
            Probleem("Instrumenten", 5, "G (Afgeleide kenmerken)", "a\nb", "Onbekend."),
            Probleem("Parkeer", None, None, None, "Geen instrumenten."),
        ]
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(0, 0).data() == "Fout"  # errors first
    assert model.index(0, 4).data() == "a / b"
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Wat er mis is"


def test_change_tree_model_passes_the_model_tester(qtmodeltester: object) -> None:
    from keuzehulp.services.bronbestand.importeren import (
        GEWIJZIGD,
        ONGEWIJZIGD,
        ImportResultaat,
        Wijziging,
    )
    from keuzehulp.services.bronbestand.wijzigingsoverzicht import maak_groepen
    from keuzehulp.ui.bronbestand.wijzigingenmodel import WijzigingenModel

    resultaat = ImportResultaat(
        "b.xlsx",
        instrumenten=[
            Wijziging(GEWIJZIGD, "Training A", 1, "Instrumenten", 2, (("Kosten", "€ 1", None),)),
            *(Wijziging(ONGEWIJZIGD, f"I{n}", n, "Instrumenten", n + 3) for n in range(150)),
            Wijziging(GEWIJZIGD, "Weg", 9, None, None, (("Status", "actief", "geparkeerd"),)),
        ],
        kenmerken=[Wijziging("hernoemd", "1.4 Zelfvertrouwen", velden=(("Naam", "a", "b"),))],
    )
    model = WijzigingenModel(maak_groepen(resultaat))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    titels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titels == [
        "Nieuw (0)",
        "Gewijzigd (2)",
        "Geparkeerd (0)",
        "Teruggezet uit Parkeer (0)",
        "Ongewijzigd (150)",
        "Kenmerken (1)",
    ]
    gewijzigd = model.index(1, 0)
    eerste = model.index(0, 0, gewijzigd)
    assert eerste.data() == "Training A  (Instrumenten, rij 2)"
    assert model.index(1, 0, gewijzigd).data() == "Weg  (niet in het bestand)"
    veld = model.index(0, 2, eerste)
    assert (model.index(0, 0, eerste).data(), model.index(0, 1, eerste).data(), veld.data()) == (
        "Kosten",
        "€ 1",
        "(leeg)",
    )
    assert model.parent(veld) == eerste.siblingAtColumn(0)
    assert model.parent(eerste) == gewijzigd
    assert model.rowCount(model.index(4, 0)) == 150
    # Small groups of changes open expanded; the 150 unchanged rows stay folded.
    assert gewijzigd in model.open_indexen() and model.index(4, 0) not in model.open_indexen()


def test_b1_warnings_have_their_own_tab_and_do_not_block(
    qtbot: QtBot,
    venster: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: object,
) -> None:
    pad = maak_werkmap(
        tmp_path / "taal.xlsx",
        [["Training A", "Work first", "4.1", "Nederlands op A2-niveau; intake vooraf"]],
        ("Naam", "Fenger", "Afgeleide kenmerken", "Instroomeis"),
    )
    _kies(monkeypatch, pad)
    venster.bronbestand.actie_importeren.trigger()
    qtbot.waitUntil(lambda: venster.bronbestand.voorbeeld is not None, timeout=10000)
    dialoog = venster.bronbestand.voorbeeld
    assert dialoog is not None
    assert dialoog.toepassen.isEnabled()
    assert "Waarschuwingen: 0 · Taal voor de klant: 2" in dialoog.samenvatting.text()
    assert dialoog.tabs.tabText(2) == "Taal voor de &klant (2)"
    assert dialoog.model.rowCount() == 0
    taal = dialoog.taal_model
    qtmodeltester.check(taal)  # type: ignore[attr-defined]
    assert [taal.index(r, 3).data() for r in range(2)] == ["D (Instroomeis)"] * 2
    assert "een beetje Nederlands spreken" in taal.index(0, 5).data()
    assert "kennismakingsgesprek" in taal.index(1, 5).data()
