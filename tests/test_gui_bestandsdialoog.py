"""File dialogs in Dutch: every filter string, and Qt's own (non-native) dialog offscreen."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from keuzehulp.ui import bestandsfilters
from keuzehulp.ui.app import installeer_nederlands, zet_nederlandse_locale

BRON = Path(__file__).resolve().parent.parent / "keuzehulp"
NEDERLANDS_FILTER = re.compile(
    r"^(Alle bestanden \(\*\)|[A-Z][\w]*-bestanden \((\*\.\w+)( \*\.\w+)*\))$"
)
_PATRONEN = r"\(\*(\.\w+)?( \*\.\w+)*\)"  # (*) or (*.xlsx *.xlsm)
FILTERVORM = re.compile(rf"[^;\n()]+{_PATRONEN}(;;[^;\n()]+{_PATRONEN})*")
ENGELS = {
    "Look in:",
    "File name:",
    "Files of type:",
    "Cancel",
    "Open",
    "Save",
    "Folder",
    "All Files (*)",
    "Back",
    "Forward",
    "Parent Directory",
    "Create New Folder",
    "List View",
    "Detail View",
    "Name",
    "Size",
    "Date Modified",
    "Sidebar",
}


def _filterteksten() -> Iterator[tuple[str, str]]:
    """(file, text) of every string in the package that looks like a file dialog filter."""
    for pad in BRON.rglob("*.py"):
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if (
                isinstance(knoop, ast.Constant)
                and isinstance(knoop.value, str)
                and FILTERVORM.fullmatch(knoop.value)
            ):
                yield pad.name, knoop.value


def test_every_filter_string_is_dutch() -> None:
    gevonden = list(_filterteksten())
    assert len(gevonden) >= 4  # the constants in bestandsfilters at least
    for bestand, tekst in gevonden:
        for deel in tekst.split(";;"):
            assert NEDERLANDS_FILTER.match(deel), f"{bestand}: {deel!r}"
    filters = [bestandsfilters.EXCEL, bestandsfilters.EXCEL_WERKMAP, bestandsfilters.PDF]
    assert bestandsfilters.samen(*filters, bestandsfilters.ALLE).endswith(";;Alle bestanden (*)")


def test_no_dialog_passes_a_filter_of_its_own() -> None:
    """Every getOpenFileName/getSaveFileName call takes its filter from bestandsfilters."""
    for pad in BRON.rglob("*.py"):
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if (
                isinstance(knoop, ast.Call)
                and isinstance(knoop.func, ast.Attribute)
                and knoop.func.attr in ("getOpenFileName", "getSaveFileName")
                and len(knoop.args) >= 4
            ):
                filt = knoop.args[3]
                assert not (isinstance(filt, ast.Constant) and "inzicht" not in str(pad)), (
                    f"{pad.name}:{knoop.lineno} gebruikt geen bestandsfilters"
                )


@pytest.fixture
def nederlands(qapp: QApplication) -> Iterator[None]:
    """Qt's Dutch translation and the Dutch default locale, as `maak_applicatie` sets them."""
    oud = QLocale()
    vertaler = installeer_nederlands(qapp)  # type: ignore[arg-type]
    assert vertaler is not None
    zet_nederlandse_locale()
    yield
    QLocale.setDefault(oud)
    qapp.removeTranslator(vertaler)


def _teksten(dialoog: QFileDialog) -> set[str]:
    teksten: set[str] = set()
    for w in dialoog.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton) and w.text():
            teksten.add(w.text().replace("&", ""))
        if w.toolTip():
            teksten.add(w.toolTip())
        if isinstance(w, QComboBox):
            teksten |= {w.itemText(i) for i in range(w.count())}
    return teksten


@pytest.mark.parametrize(
    "modus", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave]
)
def test_qt_file_dialog_is_dutch_offscreen(
    qtbot: QtBot, nederlands: None, tmp_path: Path, modus: QFileDialog.AcceptMode
) -> None:
    (tmp_path / "map").mkdir()
    (tmp_path / "catalogus.xlsx").write_bytes(b"")
    dialoog = QFileDialog(
        None,
        "Kies",
        str(tmp_path),
        bestandsfilters.samen(bestandsfilters.EXCEL, bestandsfilters.ALLE),
    )
    qtbot.addWidget(dialoog)
    dialoog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialoog.setAcceptMode(modus)
    dialoog.setViewMode(QFileDialog.ViewMode.Detail)
    dialoog.show()
    teksten = _teksten(dialoog)
    assert {"Bestandsnaam:", "Bestanden van type:", "Annuleren"} <= teksten
    assert ("Openen" if modus == QFileDialog.AcceptMode.AcceptOpen else "Opslaan") in teksten
    assert not teksten & ENGELS, teksten & ENGELS
    boom = dialoog.findChild(QTreeView)
    assert boom is not None
    model = boom.model()
    koppen = {model.headerData(k, Qt.Orientation.Horizontal) for k in range(model.columnCount())}
    assert not koppen & ENGELS, koppen
    soorten: dict[str, str] = {}

    def gelezen() -> bool:
        wortel = boom.rootIndex()
        for rij in range(model.rowCount(wortel)):
            soorten[model.index(rij, 0, wortel).data()] = model.index(rij, 2, wortel).data()
        return {"map", "catalogus.xlsx"} <= set(soorten)

    qtbot.waitUntil(gelezen)
    assert soorten["map"] == "Map"
    assert "Excel" in soorten["catalogus.xlsx"] and "spreadsheet" not in soorten["catalogus.xlsx"]
