"""Help inside the app: the handleiding (Markdown with its images) and the keyboard shortcuts.

The shortcut list is collected from the window's own QActions and QShortcuts when it is
opened, so it cannot drift from what the keys really do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QImageReader,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import keuzehulp

HANDLEIDING = "handleiding.md"
MIN_BEELDBREEDTE = 480  # px; screenshots are shown as wide as the text, within these bounds
MAX_BEELDBREEDTE = 1100
BEELDMARGE = 48  # px between an image and the text's right edge (scroll bar, margins)
HOOFDSTUK_NIVEAUS = (1, 2, 3)
ROL_POSITIE = Qt.ItemDataRole.UserRole + 1


def handleiding_pad() -> Path | None:
    """Where the handleiding is: shipped in the package, or docs/ of a source checkout.

    Returns None when neither exists (the help window then says so).
    """
    kandidaten = [
        Path(str(resources.files(keuzehulp))) / "handleiding" / HANDLEIDING,
        Path(keuzehulp.__file__).resolve().parent.parent / "docs" / HANDLEIDING,
    ]
    return next((pad for pad in kandidaten if pad.is_file()), None)


class HandleidingVenster(QWidget):
    """The handleiding in its own window: chapters on the left, the text, a search field."""

    def __init__(self, parent: QWidget | None = None, pad: Path | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Handleiding keuzehulp")
        self.setObjectName("handleiding")
        self.pad = pad if pad is not None else handleiding_pad()
        self.tekst = QTextBrowser()
        self.tekst.setAccessibleName("Tekst van de handleiding")
        self.tekst.setOpenLinks(False)  # links are handled in _open_link
        self.tekst.anchorClicked.connect(self._open_link)
        self.hoofdstukken = QListWidget()
        self.hoofdstukken.setAccessibleName("Hoofdstukken")
        self.hoofdstukken.setWordWrap(True)  # long chapter titles wrap instead of scrolling
        self.hoofdstukken.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._beeldtimer = QTimer(self)  # images follow the width once resizing pauses
        self._beeldtimer.setSingleShot(True)
        self._beeldtimer.setInterval(150)
        self._beeldtimer.timeout.connect(self._verklein_afbeeldingen)
        self._beeldbreedte = 0
        self.hoofdstukken.currentItemChanged.connect(self._naar_hoofdstuk)
        self.zoekveld = QLineEdit()
        self.zoekveld.setPlaceholderText("Zoek in de handleiding (Enter: volgende)")
        self.zoekveld.setAccessibleName("Zoek in de handleiding")
        self.zoekveld.setClearButtonEnabled(True)
        self.zoekveld.returnPressed.connect(self.zoek_volgende)
        self.zoekmelding = QLabel()
        self.zoekmelding.setAccessibleName("Zoekresultaat")
        zoek_label = QLabel("&Zoeken:")
        zoek_label.setBuddy(self.zoekveld)
        QShortcut(QKeySequence.StandardKey.Find, self, self.zoekveld.setFocus).setWhatsThis(
            "Zoeken in de handleiding"
        )
        QShortcut(QKeySequence("Esc"), self, self.close).setWhatsThis("Handleiding sluiten")

        boven = QHBoxLayout()
        boven.addWidget(zoek_label)
        boven.addWidget(self.zoekveld, 1)
        boven.addWidget(self.zoekmelding)
        splitter = QSplitter()
        splitter.addWidget(self.hoofdstukken)
        splitter.addWidget(self.tekst)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 900])
        laag = QVBoxLayout(self)
        laag.addLayout(boven)
        laag.addWidget(splitter, 1)
        self.resize(1200, 720)
        self.laad()

    def laad(self) -> None:
        """Read the Markdown file; images resolve relative to it."""
        if self.pad is None:
            self.tekst.setPlainText(
                "De handleiding is niet gevonden. Ze hoort bij de keuzehulp te zitten; "
                "installeer de keuzehulp opnieuw of vraag het de beheerder."
            )
            return
        self.tekst.setSource(
            QUrl.fromLocalFile(str(self.pad)), QTextDocument.ResourceType.MarkdownResource
        )
        self._verklein_afbeeldingen()
        self._vul_hoofdstukken()

    def beeldbreedte(self) -> int:
        """The width (px) a wide screenshot gets: the text's width, within the bounds."""
        beschikbaar = self.tekst.viewport().width() - BEELDMARGE
        return max(MIN_BEELDBREEDTE, min(MAX_BEELDBREEDTE, beschikbaar))

    @property
    def beelden_passen(self) -> bool:
        """Whether the images have been sized for the present width (after a resize)."""
        return self._beeldbreedte == self.beeldbreedte() or self.pad is None

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.pad is not None:
            self._beeldtimer.start()

    def _verklein_afbeeldingen(self) -> None:
        """Screenshots are 1366 px wide: show them as wide as the text at most, in ratio."""
        if self.pad is None or self.beeldbreedte() == self._beeldbreedte:
            return
        self._beeldbreedte = maximum = self.beeldbreedte()
        document = self.tekst.document()
        blok = document.begin()
        while blok.isValid():
            it = blok.begin()
            while not it.atEnd():
                deel = it.fragment()
                opmaak = deel.charFormat()
                if deel.isValid() and opmaak.isImageFormat():
                    beeld = opmaak.toImageFormat()
                    grootte = QImageReader(str(self.pad.parent / beeld.name())).size()
                    if grootte.width() > 0:
                        breedte = min(grootte.width(), maximum)
                        nieuw = QTextImageFormat(beeld)
                        nieuw.setWidth(breedte)
                        nieuw.setHeight(grootte.height() * breedte / grootte.width())
                        cursor = QTextCursor(document)
                        cursor.setPosition(deel.position())
                        cursor.setPosition(
                            deel.position() + deel.length(), QTextCursor.MoveMode.KeepAnchor
                        )
                        cursor.setCharFormat(nieuw)
                it += 1
            blok = blok.next()

    def _vul_hoofdstukken(self) -> None:
        self.hoofdstukken.clear()
        blok = self.tekst.document().begin()
        while blok.isValid():
            niveau = blok.blockFormat().headingLevel()
            if niveau in HOOFDSTUK_NIVEAUS and blok.text().strip():
                item = QListWidgetItem(("    " * max(niveau - 2, 0)) + blok.text().strip())
                item.setData(ROL_POSITIE, blok.position())
                if niveau <= 2:
                    lettertype = item.font()
                    lettertype.setBold(True)
                    item.setFont(lettertype)
                self.hoofdstukken.addItem(item)
            blok = blok.next()

    def _naar_hoofdstuk(self, item: QListWidgetItem | None, _vorig: object = None) -> None:
        if item is None:
            return
        blok = self.tekst.document().findBlock(int(item.data(ROL_POSITIE)))
        boven = self.tekst.document().documentLayout().blockBoundingRect(blok).top()
        self.tekst.verticalScrollBar().setValue(int(boven))
        cursor = QTextCursor(blok)
        self.tekst.setTextCursor(cursor)

    def zoek_volgende(self) -> bool:
        """Find the next place of the search text (from the top again after the last one)."""
        tekst = self.zoekveld.text().strip()
        if not tekst:
            self.zoekmelding.setText("")
            return False
        gevonden = self.tekst.find(tekst)
        if not gevonden:
            self.tekst.moveCursor(QTextCursor.MoveOperation.Start)
            gevonden = self.tekst.find(tekst)
        self.zoekmelding.setText("" if gevonden else "Niet gevonden.")
        return gevonden

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.isLocalFile() or url.isRelative():
            # An image or another file next to the handleiding: open it with its own program.
            doel = (
                url
                if url.isLocalFile()
                else QUrl.fromLocalFile(
                    str(self.pad.parent / url.path()) if self.pad else url.path()
                )
            )
            QDesktopServices.openUrl(doel)


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
