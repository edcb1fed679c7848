"""Help inside the app: where the handleiding is (window: ui/handleiding.py), and the shortcuts.

The shortcut list is collected from the window's own QActions and QShortcuts when it is
opened, so it cannot drift from what the keys really do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import (
    QAction,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import keuzehulp

HANDLEIDING = "handleiding.md"


def handleiding_pad() -> Path | None:
    """Where the handleiding is: shipped in the package, or docs/ of a source checkout.

    Returns None when neither exists (the help window then says so).
    """
    kandidaten = [
        Path(str(resources.files(keuzehulp))) / "handleiding" / HANDLEIDING,
        Path(keuzehulp.__file__).resolve().parent.parent / "docs" / HANDLEIDING,
    ]
    return next((pad for pad in kandidaten if pad.is_file()), None)


@dataclass(frozen=True, slots=True)
class Sneltoets:
    """One keyboard shortcut: the keys as Qt shows them, what it does, where it works."""

    toets: str
    wat: str
    waar: str


def _schoon(tekst: str) -> str:
    """A menu text without its mnemonic "&" and trailing "…"."""
    return re.sub(r"&(.)", r"\1", tekst).replace("…", "").strip()


def _waar_actie(actie: QAction) -> str:
    for object_ in actie.associatedObjects():
        if isinstance(object_, QMenu) and object_.title():
            return f"Menu {_schoon(object_.title())}"
    return "Overal in het venster"


def _waar_widget(widget: QObject | None) -> str:
    while isinstance(widget, QWidget):
        if widget.accessibleName():
            return widget.accessibleName()
        if widget.isWindow() and widget.windowTitle():
            return widget.windowTitle()
        widget = widget.parentWidget()
    return "Overal in het venster"


def verzamel_sneltoetsen(venster: QWidget) -> list[Sneltoets]:
    """Every shortcut of `venster` and its children: QActions (with their menu) and QShortcuts
    (described by their whatsThis). Menus in menu-bar order, then screens; duplicates once.
    Shortcuts of other windows (the handleiding's own) are left out.

    Screens built on first use (Beheer) count once they exist.
    """
    gevonden: dict[tuple[str, str], Sneltoets] = {}
    for actie in venster.findChildren(QAction):
        eigenaar = actie.parent()
        if isinstance(eigenaar, QWidget) and eigenaar.window() is not venster:
            continue  # a shortcut of another window (the handleiding) works only there
        for reeks in actie.shortcuts():
            if reeks.isEmpty() or not actie.text():
                continue
            toets = reeks.toString(QKeySequence.SequenceFormat.NativeText)
            gevonden.setdefault(
                (toets, _schoon(actie.text())),
                Sneltoets(toets, _schoon(actie.text()), _waar_actie(actie)),
            )
    for kort in venster.findChildren(QShortcut):
        eigenaar = kort.parent()
        if kort.key().isEmpty() or (
            isinstance(eigenaar, QWidget) and eigenaar.window() is not venster
        ):
            continue
        toets = kort.key().toString(QKeySequence.SequenceFormat.NativeText)
        wat = kort.whatsThis() or "(geen omschrijving)"
        gevonden.setdefault((toets, wat), Sneltoets(toets, wat, _waar_widget(kort.parent())))
    menus = [
        f"Menu {_schoon(actie.text())}"
        for actie in (venster.menuBar().actions() if isinstance(venster, QMainWindow) else [])
    ]

    def volgorde(s: Sneltoets) -> tuple[int, str, str, str]:
        # Menus as the menu bar shows them, then the screens by name.
        plek = menus.index(s.waar) if s.waar in menus else len(menus)
        return (plek, s.waar, s.toets, s.wat)

    return sorted(gevonden.values(), key=volgorde)


class SneltoetsenDialoog(QDialog):
    """A table of every keyboard shortcut, collected from the window when it opens."""

    KOPPEN = ("Toets", "Wat het doet", "Waar")

    def __init__(self, venster: QWidget) -> None:
        super().__init__(venster)
        self.setWindowTitle("Sneltoetsen")
        self.sneltoetsen = verzamel_sneltoetsen(venster)
        self.tabel = QTableWidget(len(self.sneltoetsen), len(self.KOPPEN))
        self.tabel.setAccessibleName("Sneltoetsen")
        self.tabel.setHorizontalHeaderLabels(list(self.KOPPEN))
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setAlternatingRowColors(True)
        for rij, s in enumerate(self.sneltoetsen):
            for kolom, waarde in enumerate((s.toets, s.wat, s.waar)):
                self.tabel.setItem(rij, kolom, QTableWidgetItem(waarde))
        kop = self.tabel.horizontalHeader()
        kop.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        kop.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        kop.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        tip = QLabel(
            "Daarnaast: Alt met de onderstreepte letter kiest een menu, knop of veld. "
            "Tab gaat naar het volgende onderdeel, Shift+Tab naar het vorige."
        )
        tip.setWordWrap(True)
        knoppen = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        knoppen.button(QDialogButtonBox.StandardButton.Close).setText("&Sluiten")
        knoppen.rejected.connect(self.reject)
        laag = QVBoxLayout(self)
        laag.addWidget(self.tabel, 1)
        laag.addWidget(tip)
        laag.addWidget(knoppen)
        self.resize(640, 520)
