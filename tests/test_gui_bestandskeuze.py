"""The export save dialog: opens in Documenten or the last folder, with a dated name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from keuzehulp.ui import bestandsfilters
from keuzehulp.ui.bestandskeuze import (
    bestandsnaam,
    extensie_van_filter,
    kies_exportbestand,
    startmap,
)

DAG = dt.date(2026, 11, 30)


class _Dialoog:
    """Stands in for the user at Qt's save dialog: notes what it was shown, picks `antwoord`."""

    def __init__(self, antwoord: Path | None) -> None:
        self.antwoord = antwoord
        self.getoond: list[tuple[str, str]] = []  # (title, suggested path)

    def __call__(self, _ouder: Any, titel: str, voorstel: str, _filters: str) -> tuple[str, str]:
        self.getoond.append((titel, voorstel))
        return (str(self.antwoord) if self.antwoord else "", "")


@pytest.fixture
def instellingen(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "keuzehulp.conf"), QSettings.Format.IniFormat)


def test_the_name_says_what_and_when() -> None:
    assert bestandsnaam("bronbestand", ".xlsx", DAG) == "bronbestand-2026-11-30.xlsx"
    assert bestandsnaam("Mutatielog van: Bram/Els", ".xlsx", DAG) == (
        "mutatielog-van-bram-els-2026-11-30.xlsx"
    )
    assert bestandsnaam("  ", ".pdf", DAG) == "export-2026-11-30.pdf"


def test_documenten_first_then_the_last_folder_used(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, instellingen: QSettings
) -> None:
    thuis = Path.home()  # a folder of the test's own (conftest)
    assert startmap(instellingen) == thuis  # no Documenten folder yet: the home folder
    documenten = thuis / "Documents"
    documenten.mkdir()
    assert startmap(instellingen) == documenten
    elders = tmp_path / "exports"
    elders.mkdir()
    dialoog = _Dialoog(elders / "mijn-log")  # typed without an extension
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialoog)
    pad = kies_exportbestand(
        None,
        "Mutatielog exporteren",
        "mutatielog",
        bestandsfilters.EXCEL,
        datum=DAG,
        instellingen=instellingen,
    )
    assert pad == elders / "mijn-log.xlsx"
    assert dialoog.getoond == [
        ("Mutatielog exporteren", str(documenten / "mutatielog-2026-11-30.xlsx"))
    ]
    assert startmap(instellingen) == elders  # remembered, for any next export
    dialoog.antwoord = None  # cancelled: nothing chosen, nothing remembered
    assert (
        kies_exportbestand(
            None,
            "Opmerkingen exporteren",
            "opmerkingen",
            bestandsfilters.EXCEL,
            datum=DAG,
            instellingen=instellingen,
        )
        is None
    )
    assert dialoog.getoond[-1][1] == str(elders / "opmerkingen-2026-11-30.xlsx")
    elders.rmdir()  # a remembered folder that is gone: Documenten again
    assert startmap(instellingen) == documenten


def test_an_accepted_extension_is_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, instellingen: QSettings
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _Dialoog(tmp_path / "oud.xlsm"))
    pad = kies_exportbestand(
        None,
        "Bronbestand exporteren",
        "bronbestand",
        bestandsfilters.EXCEL_WERKMAP,
        (".xlsx", ".xlsm"),
        instellingen=instellingen,
    )
    assert pad == tmp_path / "oud.xlsm"


@pytest.mark.parametrize(
    ("gekozen", "verwacht"),
    [
        (bestandsfilters.PDF, "rapport.pdf"),
        (bestandsfilters.EXCEL, "rapport.xlsx"),
        ("", "rapport.xlsx"),  # no filter reported: the first extension
    ],
)
def test_a_name_without_extension_gets_the_chosen_file_type(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    instellingen: QSettings,
    gekozen: str,
    verwacht: str,
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "rapport"), gekozen)
    )
    pad = kies_exportbestand(
        None,
        "Inzicht exporteren",
        "inzicht",
        bestandsfilters.samen(bestandsfilters.EXCEL, bestandsfilters.PDF),
        (".xlsx", ".pdf"),
        instellingen=instellingen,
    )
    assert pad == tmp_path / verwacht


def test_the_extension_of_a_filter() -> None:
    assert extensie_van_filter(bestandsfilters.PDF, (".xlsx", ".pdf")) == ".pdf"
    assert extensie_van_filter(bestandsfilters.EXCEL_WERKMAP, (".xlsx", ".xlsm")) == ".xlsx"
    assert extensie_van_filter(bestandsfilters.ALLE, (".xlsx", ".pdf")) == ".xlsx"


def test_choosing_pdf_in_the_dialog_changes_the_suggested_name(
    qtbot: QtBot, instellingen: QSettings
) -> None:
    """In Qt's own save dialog (what the tests and Linux use): picking "PDF-bestanden" turns
    the dated suggestion into a .pdf name, so the Inzicht export writes a PDF."""
    gekozen: list[str] = []

    def kies_pdf() -> None:
        dialoog = QApplication.activeModalWidget()
        assert isinstance(dialoog, QFileDialog)
        soort = dialoog.findChild(QComboBox, "fileTypeCombo")
        naam = dialoog.findChild(QLineEdit, "fileNameEdit")
        assert soort is not None and naam is not None
        soort.setCurrentIndex(1)
        soort.activated.emit(1)  # as a click in the list does
        gekozen.append(naam.text())
        dialoog.accept()

    QTimer.singleShot(0, kies_pdf)
    pad = kies_exportbestand(
        None,
        "Inzicht exporteren",
        "inzicht",
        bestandsfilters.samen(bestandsfilters.EXCEL, bestandsfilters.PDF),
        (".xlsx", ".pdf"),
        datum=DAG,
        instellingen=instellingen,
    )
    assert gekozen == ["inzicht-2026-11-30.pdf"]
    assert pad == startmap(instellingen) / "inzicht-2026-11-30.pdf"
