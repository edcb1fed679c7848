"""The handleiding window: Markdown with its images, chapters, search; built off the GUI thread.

Parsing 60 KB of Markdown and sizing thirty screenshots takes longer than the GUI thread may
block (100 ms), so a worker of the one runner (`AppContext.taken`) builds the QTextDocument
(images get their width and height in the document, so laying it out decodes no image) and
hands it over finished: moved to the GUI thread before the worker lets go of it, owned by
Python until the window adopts it, so no thread ever deletes it under another.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QThread, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QImageReader,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
    QTextOption,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.ui.hulp import handleiding_pad
from keuzehulp.ui.taken import Takenloper, Voortgang

log = logging.getLogger(__name__)

MIN_BEELDBREEDTE = 160  # px; screenshots are shown as wide as the text, within these bounds
MAX_BEELDBREEDTE = 1100
BEELDMARGE = 48  # px between an image and the text's right edge (scroll bar, margins)
HERSCHAAL_VANAF = 40  # px; a smaller change of the text width keeps the images as they are
HOOFDSTUK_NIVEAUS = (1, 2, 3)
ROL_POSITIE = Qt.ItemDataRole.UserRole + 1
NIET_GEVONDEN = (
    "De handleiding is niet gevonden. Ze hoort bij de keuzehulp te zitten; "
    "installeer de keuzehulp opnieuw of vraag het de beheerder."
)


@dataclass(frozen=True)
class Kop:
    """A heading of the handleiding: its level (1-3), its text and where it starts."""

    niveau: int
    titel: str
    positie: int


@dataclass(frozen=True)
class Geladen:
    """What a load hands to the window: the document and its headings, in order."""

    document: QTextDocument
    koppen: tuple[Kop, ...]


def koppen(document: QTextDocument) -> tuple[Kop, ...]:
    """The headings (levels HOOFDSTUK_NIVEAUS) of `document`, in order; safe in a worker."""
    uit: list[Kop] = []
    blok = document.begin()
    while blok.isValid():
        niveau, titel = blok.blockFormat().headingLevel(), blok.text().strip()
        if niveau in HOOFDSTUK_NIVEAUS and titel:
            uit.append(Kop(niveau, titel, blok.position()))
        blok = blok.next()
    return tuple(uit)


def bouw_document(pad: Path, beeldbreedte: int) -> QTextDocument:
    """The handleiding as a document; every image sized to at most `beeldbreedte` px wide.

    Safe in a worker thread (no widget involved). Raises OSError when the file cannot be read.
    """
    document = QTextDocument()
    document.setBaseUrl(QUrl.fromLocalFile(f"{pad.parent}/"))
    document.setMarkdown(pad.read_text(encoding="utf-8"))
    # Text wraps at the window's width, also a long command or address in a code block: at a
    # space where it can, anywhere else where it must. No horizontal scrolling to read.
    optie = document.defaultTextOption()
    optie.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(optie)
    blok = document.begin()
    while blok.isValid():
        if blok.blockFormat().nonBreakableLines():  # a code block (Markdown ``` or indent)
            vorm = blok.blockFormat()
            vorm.setNonBreakableLines(False)
            QTextCursor(blok).setBlockFormat(vorm)
        it = blok.begin()
        while not it.atEnd():
            deel = it.fragment()
            if deel.isValid() and deel.charFormat().isImageFormat():
                beeld = deel.charFormat().toImageFormat()
                grootte = QImageReader(str(pad.parent / beeld.name())).size()  # header only
                if grootte.width() > 0:
                    breedte = min(grootte.width(), beeldbreedte)
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
    return document


def _laad_werk(pad: Path, beeldbreedte: int, gui_thread: QThread) -> Callable[[Voortgang], object]:
    """Work for the runner: the finished document, already living on the GUI thread."""

    def werk(_voortgang: Voortgang) -> Geladen:
        try:
            document = bouw_document(pad, beeldbreedte)
        except OSError as fout:
            log.warning("Handleiding niet te lezen: %s", fout)
            raise KeuzehulpError(
                f"De handleiding kan niet worden gelezen ({fout.strerror})."
            ) from fout
        # The chapter list is read here: walking a thousand blocks on the GUI thread took
        # tens of milliseconds.
        gevonden = koppen(document)
        # Before it leaves this thread: its slots, timers and deletion then belong to the GUI.
        document.moveToThread(gui_thread)
        return Geladen(document, gevonden)

    return werk


class HandleidingVenster(QWidget):
    """The handleiding in its own window: chapters on the left, the text, a search field."""

    geladen = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        pad: Path | None = None,
        taken: Takenloper | None = None,
    ) -> None:
        """`taken`: the window's runner (AppContext.taken); a private one when None."""
        super().__init__(parent, Qt.WindowType.Window)
        self.taken = taken if taken is not None else Takenloper(self)
        self.setWindowTitle("Handleiding keuzehulp")
        self.setObjectName("handleiding")
        self.pad = pad if pad is not None else handleiding_pad()
        self.tekst = QTextBrowser()
        self.tekst.setAccessibleName("Tekst van de handleiding")
        self.tekst.setOpenLinks(False)  # links are handled in _open_link
        self.tekst.anchorClicked.connect(self._open_link)
        self.hoofdstukken = QTreeWidget()
        self.hoofdstukken.setAccessibleName("Hoofdstukken")
        self.hoofdstukken.setHeaderHidden(True)
        self.hoofdstukken.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.hoofdstukken.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hoofdstukken.currentItemChanged.connect(self._naar_hoofdstuk)
        self._beeldtimer = QTimer(self)  # images follow the width once resizing pauses
        self._beeldtimer.setSingleShot(True)
        self._beeldtimer.setInterval(250)
        self._beeldtimer.timeout.connect(self._bij_nieuwe_breedte)
        self._beeldbreedte = 0
        self._laad_nummer = 0
        self._geladen_nummer = -1
        self._document: QTextDocument | None = None  # the loaded document we own
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
        splitter.setSizes([340, 860])
        laag = QVBoxLayout(self)
        laag.addLayout(boven)
        laag.addWidget(splitter, 1)
        self.resize(1200, 720)
        self.laad()

    # --- loading ----------------------------------------------------------------------------

    def beeldbreedte(self) -> int:
        """The width (px) a wide screenshot gets: the text's width, within the bounds."""
        beschikbaar = self.tekst.viewport().width() - BEELDMARGE
        return max(MIN_BEELDBREEDTE, min(MAX_BEELDBREEDTE, beschikbaar))

    @property
    def laadt(self) -> bool:
        return self._geladen_nummer != self._laad_nummer

    @property
    def beelden_passen(self) -> bool:
        """Loaded, with the images sized for about the present width."""
        if self.pad is None:
            return True
        return not self.laadt and abs(self._beeldbreedte - self.beeldbreedte()) < HERSCHAAL_VANAF

    def laad(self) -> None:
        """(Re)build the document in the background; the old one stays until the new is there."""
        if self.pad is None:
            self.tekst.setPlainText(NIET_GEVONDEN)
            return
        if self._geladen_nummer < 0:
            self.tekst.setPlainText("De handleiding wordt geladen…")
        self._laad_nummer += 1
        nummer, breedte = self._laad_nummer, self.beeldbreedte()
        app = QCoreApplication.instance()
        assert app is not None
        self.taken.start(
            _laad_werk(self.pad, breedte, app.thread()),
            "handleiding laden",
            bij_klaar=lambda geladen: self._op_geladen(nummer, breedte, geladen),
            bij_fout=lambda melding: self._op_fout(nummer, melding),
            eigenaar=self,
        )

    def _op_geladen(self, nummer: int, breedte: int, geladen: Geladen) -> None:
        document = geladen.document
        if nummer != self._laad_nummer:
            return  # a newer load (after a resize) is on its way
        boven = self.tekst.cursorForPosition(QPoint(0, 0)).blockNumber()
        eerste = self._geladen_nummer < 0
        oud, self._document = self._document, document
        document.setParent(self.tekst)
        self.tekst.setDocument(document)  # Qt deletes only a document it made itself
        if oud is not None:
            oud.deleteLater()
        self._beeldbreedte, self._geladen_nummer = breedte, nummer
        if eerste:
            self._vul_hoofdstukken(geladen.koppen)
        else:
            self._scroll_naar(document.findBlockByNumber(boven).position())
        self._beeldtimer.start()  # the window may have changed width while this loaded
        self.geladen.emit()

    def _op_fout(self, nummer: int, melding: str) -> None:
        if nummer == self._laad_nummer:
            self._geladen_nummer = nummer
            self.tekst.setPlainText(melding)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.pad is not None:
            self._beeldtimer.start()

    def _bij_nieuwe_breedte(self) -> None:
        if self.laadt:
            self._beeldtimer.start()  # look again once the running load is in
        elif abs(self._beeldbreedte - self.beeldbreedte()) >= HERSCHAAL_VANAF:
            self.laad()

    # --- chapters, search, links -----------------------------------------------------------

    def _vul_hoofdstukken(self, gevonden: tuple[Kop, ...]) -> None:
        """Chapters (##) as the tree's top level, their sections (###) under them."""
        self.hoofdstukken.clear()
        hoofdstuk: QTreeWidgetItem | None = None
        for kop in gevonden:
            if kop.niveau <= 2 or hoofdstuk is None:
                item = QTreeWidgetItem(self.hoofdstukken, [kop.titel])
                lettertype = item.font(0)
                lettertype.setBold(True)
                item.setFont(0, lettertype)
                hoofdstuk = item
            else:
                item = QTreeWidgetItem(hoofdstuk, [kop.titel])
            item.setData(0, ROL_POSITIE, kop.positie)
            item.setToolTip(0, kop.titel)  # a long title is shortened with "…" in the tree
        self.hoofdstukken.expandAll()

    def hoofdstuk_titels(self) -> list[str]:
        """Every title in the chapter tree, in document order."""
        titels = []
        it = QTreeWidgetItemIterator(self.hoofdstukken)
        while (item := it.value()) is not None:
            titels.append(item.text(0))
            it += 1
        return titels

    def kies_hoofdstuk(self, titel: str) -> bool:
        """Select the chapter or section called `titel` (the text scrolls there)."""
        gevonden = self.hoofdstukken.findItems(
            titel, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
        )
        if gevonden:
            self.hoofdstukken.setCurrentItem(gevonden[0])
        return bool(gevonden)

    def _scroll_naar(self, positie: int) -> None:
        blok = self.tekst.document().findBlock(positie)
        boven = self.tekst.document().documentLayout().blockBoundingRect(blok).top()
        self.tekst.verticalScrollBar().setValue(int(boven))
        self.tekst.setTextCursor(QTextCursor(blok))

    def _naar_hoofdstuk(self, item: QTreeWidgetItem | None, _vorig: object = None) -> None:
        if item is not None:
            self._scroll_naar(int(item.data(0, ROL_POSITIE)))

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
        elif self.pad is not None:
            # An image or another file next to the handleiding: open it with its own program.
            QDesktopServices.openUrl(self.tekst.document().baseUrl().resolved(url))
