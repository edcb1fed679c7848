"""Result cards: a delegate that lays out and paints each card, and the list view that shows them.

Nothing on a card is elided: texts wrap to the card's width (at a word, or inside a word that
is wider than the card), and the card is as high as its texts. The delegate remembers what it
drew last, per row, so a test can ask whether any field was cut (`tekening`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from keuzehulp.ui.zoeken.afbreken import ZACHT_AFBREEKSTREEPJE
from keuzehulp.ui.zoeken.kaart import Feit, Kaart, korte_lijst_tekst
from keuzehulp.ui.zoeken.kaartanker import KaartAnker
from keuzehulp.ui.zoeken.kaartmodel import KAART_ROL

Index = QModelIndex | QPersistentModelIndex
LINKS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def font_sleutel(font: QFont) -> tuple[float, int, int]:
    """What tells our fonts apart (size, pixel size, weight): cheaper than QFont.key()."""
    return (font.pointSizeF(), font.pixelSize(), font.weight().value)


OMBREKEN = int(Qt.TextFlag.TextWordWrap) | LINKS
ZACHTE_BREUK = "\u200b"  # zero-width space: a place where a line may break, unseen


class Breedten:
    """Text widths (px) in one font, remembered: the same labels and words recur on every
    card, and a new font (the client view) re-measures a few hundred cards at once."""

    GROOTSTE = 20_000  # remembered texts per font, then it starts afresh

    def __init__(self, font: QFont) -> None:
        self.metriek = QFontMetrics(font)
        self._bekend: dict[str, int] = {}

    def __call__(self, tekst: str) -> int:
        breedte = self._bekend.get(tekst)
        if breedte is None:
            if len(self._bekend) > self.GROOTSTE:
                self._bekend.clear()
            breedte = self._bekend[tekst] = self.metriek.horizontalAdvance(tekst)
        return breedte


def breekbaar(
    breedte_van: Callable[[str], int],
    tekst: str,
    breedte: int,
    afbreken: Callable[[str], str] | None = None,
) -> str:
    """The text as drawn with OMBREKEN: a word wider than the line may break inside.

    `breedte_van(tekst)` gives a text's width in px in the font it is drawn in. Qt's own
    TextWrapAnywhere would break *every* line inside a word; this lets only the too-long word
    (say "Sollicitatievaardigheden" in a narrow column) break. With `afbreken` (a function
    that puts soft hyphens at a word's syllable boundaries, `afbreken.afbreekbaar`) it breaks
    there, with a hyphen ("Sollicitatie-" / "vaardigheden"), when every piece then fits;
    otherwise anywhere.
    """
    if all(breedte_van(w) <= breedte for w in tekst.split()):
        return tekst

    def woord(w: str) -> str:
        if breedte_van(w) <= breedte:
            return w
        if afbreken is not None:
            delen = afbreken(w).split(ZACHT_AFBREEKSTREEPJE)
            if len(delen) > 1 and all(breedte_van(f"{d}-") <= breedte for d in delen):
                return ZACHT_AFBREEKSTREEPJE.join(delen)
        return ZACHTE_BREUK.join(w)

    return " ".join(woord(w) for w in tekst.split(" "))


RAND_BUITEN = 3  # gap between cards (each side)
RAND_BINNEN = 8  # padding inside a card
BALK = 6  # the coloured bar on the left of a shortlisted card
TUSSEN = 2  # vertical gap between lines of a card
GAT = 18  # horizontal gap between two facts in the flow

KLEUR_LABEL = QColor(84, 94, 106)
KLEUR_WAAROM = QColor(22, 88, 44)
KLEUR_WENSEN = QColor(40, 60, 120)
KLEUR_LET_OP = QColor(110, 70, 0)
KLEUR_RAND = QColor(196, 206, 218)
KLEUR_GEKOZEN = QColor(232, 241, 251)
KLEUR_LIJST = QColor(46, 125, 50)
KLEUR_LIJST_ACHTER = QColor(241, 248, 241)


@dataclass(frozen=True, slots=True)
class Blok:
    """One piece of text at its place inside the card (card's top left is 0, 0)."""

    sleutel: str  # the field it belongs to: naam, cijfer, plaats, ..., or "" for a label
    tekst: str
    rect: QRect
    soort: str  # naam | label | waarde | waarom | wensen | let_op | badge
    vlaggen: int
    getoond: str = ""  # the text as drawn (with soft breaks), when it differs from `tekst`


@dataclass(frozen=True, slots=True)
class Indeling:
    blokken: tuple[Blok, ...]
    hoogte: int


@dataclass(slots=True)
class Tekening:
    """What the delegate drew for one row the last time it painted it."""

    id: int
    velden: dict[str, str] = field(default_factory=dict)  # field -> text drawn
    afgekapt: set[str] = field(default_factory=set)  # fields that did not fit the card


class KaartDelegate(QStyledItemDelegate):
    """Lays out a Kaart (name and mark, a flow of labelled facts, why it fits) and paints it."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._cache: dict[tuple[Kaart, int, tuple[float, int, int]], Indeling] = {}
        self._beelden: dict[tuple[object, ...], QPixmap] = {}
        self._breedten: dict[tuple[tuple[float, int, int], str], Breedten] = {}
        self.tekeningen: dict[int, Tekening] = {}

    # --- fonts -----------------------------------------------------------------------------

    @staticmethod
    def _naamfont(basis: QFont) -> QFont:
        font = QFont(basis)
        font.setBold(True)
        font.setPointSizeF(basis.pointSizeF() * 1.1)
        return font

    @staticmethod
    def _vetfont(basis: QFont) -> QFont:
        font = QFont(basis)
        font.setBold(True)
        return font

    def _font(self, soort: str, basis: QFont) -> QFont:
        if soort == "naam":
            return self._naamfont(basis)
        if soort in ("badge", "cijfer"):
            return self._vetfont(basis)
        return basis

    def breedten(
        self, soort: str, basis: QFont, basis_sleutel: tuple[float, int, int] | None = None
    ) -> Breedten:
        """The remembered text widths of one kind of text ("naam", "label", ...) in `basis`
        (`basis_sleutel`: its `font_sleutel`, when the caller has it already)."""
        soort = soort if soort in ("naam", "badge") else "badge" if soort == "cijfer" else ""
        if basis_sleutel is None:
            basis_sleutel = font_sleutel(basis)
        sleutel = (basis_sleutel, soort)  # one table per font actually used
        maat = self._breedten.get(sleutel)
        if maat is None:
            if len(self._breedten) > 40:  # a few fonts x kinds; zooming many times: start afresh
                self._breedten.clear()
            maat = self._breedten[sleutel] = Breedten(self._font(soort, basis))
        return maat

    # --- layout ----------------------------------------------------------------------------

    def breedte(self) -> int:
        """The card's width: the viewport's (the vertical scroll bar is always shown)."""
        return max(self._view.viewport().width(), 200)

    def indeling(self, kaart: Kaart, breedte: int, basis: QFont) -> Indeling:
        """Where every text of the card goes at this width and font (cached)."""
        fsleutel = font_sleutel(basis)
        sleutel = (kaart, breedte, fsleutel)
        gevonden = self._cache.get(sleutel)
        if gevonden is None:
            if len(self._cache) > 2000:
                self._cache.clear()
            gevonden = self._leg_uit(kaart, breedte, basis, fsleutel)
            self._cache[sleutel] = gevonden
        return gevonden

    def _leg_uit(
        self, kaart: Kaart, breedte: int, basis: QFont, fsleutel: tuple[float, int, int]
    ) -> Indeling:
        gewoon = self.breedten("", basis, fsleutel)
        vet = self.breedten("badge", basis, fsleutel)
        fm, vet_fm = gewoon.metriek, vet.metriek
        links = RAND_BUITEN + BALK + RAND_BINNEN
        w = breedte - links - RAND_BUITEN - RAND_BINNEN
        blokken: list[Blok] = []
        y = RAND_BUITEN + RAND_BINNEN

        def wrapped(sleutel: str, tekst: str, soort: str, x: int, breed: int, top: int) -> int:
            maat = self.breedten(soort, basis, fsleutel)
            getoond = breekbaar(maat, tekst, breed)
            nodig = maat.metriek.boundingRect(QRect(0, 0, max(breed, 1), 100000), OMBREKEN, getoond)
            rect = QRect(x, top, breed, nodig.height())
            blokken.append(Blok(sleutel, tekst, rect, soort, OMBREKEN, getoond))
            return rect.bottom() + 1

        # Line 1: the name (wraps), the mark on the right. A narrow card (large client text,
        # the panel open) leaves the name less than half: the mark gets a line of its own
        # under the name, so the two never overlap.
        # Two figures (coaches and clients) too wide for one line: one figure per line.
        regels = [kaart.cijfer]
        if vet(kaart.cijfer) + 2 > w and " · " in kaart.cijfer:
            regels = kaart.cijfer.split(" · ")
        cijfer_breed = min(max(vet(r) for r in regels) + 2, w)
        cijfer_hoog = vet_fm.height() * len(regels)
        rest = w - cijfer_breed - GAT
        naam_lengte = self.breedten("naam", basis, fsleutel)(kaart.naam) + 2
        naast = rest >= min(w // 2, naam_lengte)  # a short name fits beside a long mark
        naam_breed = w - cijfer_breed - GAT if naast else w
        onder = wrapped("naam", kaart.naam, "naam", links, naam_breed, y)
        cijfer_top = y if naast else onder + TUSSEN
        blokken.append(
            Blok(
                "cijfer",
                kaart.cijfer,
                QRect(links + w - cijfer_breed, cijfer_top, cijfer_breed, cijfer_hoog),
                "cijfer",
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                "\n".join(regels) if len(regels) > 1 else "",
            )
        )
        y = max(onder, cijfer_top + cijfer_hoog) + TUSSEN

        # A flow of labelled facts: type, provider, where, how long, cost; a fact that does
        # not fit the rest of the line starts a new one, one wider than the card wraps.
        feiten: list[Feit | str] = [*kaart.ondertitel, *kaart.feiten]
        if kaart.op_korte_lijst:
            feiten.insert(0, korte_lijst_tekst(kaart.klant))
        x = links
        regel = fm.height()
        for feit in feiten:
            if isinstance(feit, str):  # the shortlist badge
                breed = vet(feit) + 12
                if x > links and x + breed > links + w:
                    x, y = links, y + regel + TUSSEN
                blokken.append(Blok("korte_lijst", feit, QRect(x, y, breed, regel), "badge", LINKS))
                x += breed + GAT
                continue
            label = feit.label + " "
            label_breed = gewoon(label)
            waarde_breed = gewoon(feit.waarde) + 1
            if x > links and x + label_breed + waarde_breed > links + w:
                x, y = links, y + regel + TUSSEN
            blokken.append(Blok("", label, QRect(x, y, label_breed, regel), "label", LINKS))
            if label_breed + waarde_breed <= w:
                blokken.append(
                    Blok(
                        feit.sleutel,
                        feit.waarde,
                        QRect(x + label_breed, y, waarde_breed, regel),
                        "waarde",
                        LINKS,
                    )
                )
                x += label_breed + waarde_breed + GAT
            else:  # too long for one line: the value wraps beside its label
                onder = wrapped(
                    feit.sleutel, feit.waarde, "waarde", links + label_breed, w - label_breed, y
                )
                x, y = links, onder + TUSSEN
        if x > links:
            y += regel + TUSSEN

        for sleutel in ("waarom", "wensen", "let_op"):
            tekst = getattr(kaart, sleutel)
            if tekst:
                y = wrapped(sleutel, tekst, sleutel, links, w, y) + TUSSEN
        hoogte = y - TUSSEN + RAND_BINNEN + RAND_BUITEN
        return Indeling(tuple(blokken), hoogte)

    # --- QStyledItemDelegate -------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        kaart = index.data(KAART_ROL)
        if not isinstance(kaart, Kaart):
            return super().sizeHint(option, index)
        breedte = self.breedte()
        return QSize(breedte, self.indeling(kaart, breedte, option.font).hoogte)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        kaart = index.data(KAART_ROL)
        if not isinstance(kaart, Kaart):
            super().paint(painter, option, index)
            return
        vak = QRect(option.rect)
        basis: QFont = option.font
        palet: QPalette = option.palette
        gekozen = bool(option.state & QStyle.StateFlag.State_Selected)
        indeling = self.indeling(kaart, vak.width(), basis)
        # A card looks the same until its text, size or state changes: draw it once into a
        # picture and reuse that (a click often keeps the first cards; scrolling always does).
        dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        sleutel = (
            kaart,
            vak.width(),
            vak.height(),
            font_sleutel(basis),
            gekozen,
            palet.cacheKey(),
            dpr,
        )
        beeld = self._beelden.get(sleutel)
        if beeld is None:
            if len(self._beelden) > 300:
                self._beelden.clear()
            beeld = QPixmap(int(vak.width() * dpr), int(vak.height() * dpr))
            beeld.setDevicePixelRatio(dpr)
            beeld.fill(Qt.GlobalColor.transparent)
            schilder = QPainter(beeld)
            self._teken(
                schilder,
                kaart,
                indeling,
                QRect(0, 0, vak.width(), vak.height()),
                basis,
                palet,
                gekozen,
            )
            schilder.end()
            self._beelden[sleutel] = beeld
        painter.drawPixmap(vak.topLeft(), beeld)
        self.tekeningen[index.row()] = _tekening(kaart, indeling, vak)

    def _teken(
        self,
        painter: QPainter,
        kaart: Kaart,
        indeling: Indeling,
        vak: QRect,
        basis: QFont,
        palet: QPalette,
        gekozen: bool,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        kaartvak = _kaartvak(vak)
        achter = palet.color(QPalette.ColorRole.Base)
        if kaart.op_korte_lijst:
            achter = KLEUR_LIJST_ACHTER
        if gekozen:
            achter = KLEUR_GEKOZEN
        rand = palet.color(QPalette.ColorRole.Highlight) if gekozen else KLEUR_RAND
        painter.setPen(QPen(rand, 2 if gekozen else 1))
        painter.setBrush(achter)
        painter.drawRoundedRect(kaartvak, 6, 6)
        if kaart.op_korte_lijst:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(KLEUR_LIJST)
            balk = QRect(kaartvak.left() + 1, kaartvak.top() + 1, BALK, kaartvak.height() - 1)
            painter.drawRoundedRect(balk, 3, 3)
        tekst_kleur = palet.color(QPalette.ColorRole.Text)
        for blok in indeling.blokken:
            rect = blok.rect.translated(vak.topLeft())
            painter.setFont(self._font(blok.soort, basis))
            if blok.soort == "badge":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(KLEUR_LIJST)
                painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
                painter.setPen(QColor("white"))
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), blok.tekst)
            else:
                painter.setPen(_kleur(blok.soort, tekst_kleur))
                painter.drawText(rect, blok.vlaggen, blok.getoond or blok.tekst)

    def vergeet(self) -> None:
        """Forget what was drawn (the rows now hold other results)."""
        self.tekeningen.clear()


def _kaartvak(vak: QRect) -> QRect:
    return vak.adjusted(RAND_BUITEN, RAND_BUITEN, -RAND_BUITEN, -RAND_BUITEN)


def _tekening(kaart: Kaart, indeling: Indeling, vak: QRect) -> Tekening:
    """What a card drawn in `vak` shows: each field's text, and which did not fit."""
    tekening = Tekening(kaart.id)
    kaartvak = _kaartvak(vak)
    for blok in indeling.blokken:
        if blok.sleutel:
            rect = blok.rect.translated(vak.topLeft())
            tekening.velden[blok.sleutel] = blok.tekst
            if rect.bottom() > kaartvak.bottom() or rect.right() > kaartvak.right():
                tekening.afgekapt.add(blok.sleutel)
    # Texts drawn over each other are as unreadable as cut ones (the name under the mark).
    for i, blok in enumerate(indeling.blokken):
        for ander in indeling.blokken[i + 1 :]:
            if blok.sleutel and ander.sleutel and blok.rect.intersects(ander.rect):
                tekening.afgekapt.update((blok.sleutel, ander.sleutel))
    return tekening


def _kleur(soort: str, tekst: QColor) -> QColor:
    return {
        "label": KLEUR_LABEL,
        "waarom": KLEUR_WAAROM,
        "wensen": KLEUR_WENSEN,
        "let_op": KLEUR_LET_OP,
    }.get(soort, tekst)


class KaartenLijst(QListView):
    """The result cards: one column, smooth per-pixel scrolling, cards re-flow on resize.

    Moving through the cards (arrows, PageDown/PageUp, scrolling) only changes the current
    card; a card is *chosen* (`gekozen`) by a click, Space or `selectRow`, and Enter emits
    `activated` as usual. PageDown/PageUp move a screenful of cards and put the new current
    card at the top, whole (Qt's own paging moves by one card when cards are tall).

    When the cards are laid out anew (client view, details, resize, font), the current card
    stays where it was and whole (`anker`, restored after each layout pass).
    """

    gekozen = Signal()  # the current card was chosen: show its details

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # First: the setters below already lay out (updateGeometries uses both).
        self._uitgesteld = 0  # inside samen_indelen(): no re-flow per width change
        self.anker = KaartAnker(self)
        self.clicked.connect(lambda _index: self.gekozen.emit())
        self.kaart_delegate = KaartDelegate(self)
        self.setItemDelegate(self.kaart_delegate)
        self.setUniformItemSizes(False)
        # Cards differ in height, so Qt measures every one; in batches, between which the
        # window keeps reacting (10,000 cards measured at once froze it for seconds).
        self.setLayoutMode(QListView.LayoutMode.Batched)
        # Keep the batch above ResultatenModel.PARTIJ: while a batched layout is unfinished,
        # Qt's indexAt finds no card, so a click or key right after a search would be lost.
        self.setBatchSize(40)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        # Always there, so the cards' width does not change with the number of results.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    @contextmanager
    def samen_indelen(self) -> Iterator[None]:
        """Width changes made inside re-flow the cards once, after the last one.

        For a change that resizes the list several times in a row (the client view: font,
        steps' width, results turning side by side): each width re-measures every card.
        """
        self._uitgesteld += 1
        try:
            yield
        finally:
            self._uitgesteld -= 1
            if not self._uitgesteld:
                self.scheduleDelayedItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._uitgesteld:
            return
        if event.size().width() != event.oldSize().width():
            # Re-flow the cards now, not after Qt's delayed layout: no gaps or overlaps
            # while a splitter moves or the steps fold away.
            self.doItemsLayout()
        elif event.size().height() != event.oldSize().height():
            # Only the height: the cards stay, the anchored one may need to move (Qt would
            # lay out and set the scroll bar's range only 100 ms later).
            self.anker.herstel()

    def updateGeometries(self) -> None:  # noqa: N802
        """After a layout pass (Qt calls it at the end of each): the anchored card back."""
        super().updateGeometries()
        if not self._uitgesteld:
            self.anker.herstel()

    def scrollTo(  # noqa: N802
        self,
        index: Index,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """Scroll to a card, which becomes the anchor where it ends up (or keeps its place
        when it was the anchor and nothing moved: an earlier place is not forgotten)."""
        balk = self.verticalScrollBar()
        voor = balk.value()
        super().scrollTo(index, hint)
        if self._uitgesteld:
            self.anker.onthoud(index, plaats=False)
        elif balk.value() != voor or not self.anker.is_anker(index):
            self.anker.onthoud(index)

    def currentChanged(self, current: Index, previous: Index) -> None:  # noqa: N802
        super().currentChanged(current, previous)  # scrolls to it (autoScroll)
        if current.isValid() and not self.anker.is_anker(current):
            self.anker.onthoud(current, plaats=not self._uitgesteld)

    def selectRow(self, rij: int) -> None:  # noqa: N802 - the name QTableView uses
        """Select a row (and make it current) and choose it, as a click would."""
        if self.maak_huidig(rij):
            self.gekozen.emit()

    def maak_huidig(self, rij: int) -> bool:
        """Make a row current and selected and scroll to it, without choosing it.

        Returns False (and does nothing) for a row that is not there.
        """
        model = self.model()
        if model is None or not 0 <= rij < model.rowCount():
            return False
        index = model.index(rij, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        toets = event.key()
        gewoon = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if gewoon == Qt.KeyboardModifier.NoModifier:
            if toets in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.blader(1 if toets == Qt.Key.Key_PageDown else -1)
                event.accept()
                return
            if toets == Qt.Key.Key_Space and self.currentIndex().isValid():
                self.gekozen.emit()
                event.accept()
                return
        super().keyPressEvent(event)

    def blader(self, richting: int) -> None:
        """PageDown (`richting` 1) or PageUp (-1): a screenful of cards further or back.

        PageDown puts the first card that is not wholly shown at the top; PageUp the card
        that ends a screen above the top card. That card becomes the current one.
        """
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        boven = self._bovenste_hele_kaart()
        if boven is None:
            self.maak_huidig(0)
            return
        doel = self._volgende_pagina(boven) if richting > 0 else self._vorige_pagina(boven)
        doel = min(doel, model.rowCount() - 1)
        # Cards arrive in batches: load the next batch before the page needs it, or the
        # scroll bar ends at the loaded cards and the new top card cannot reach the top.
        if model.rowCount() - doel <= 2 * (doel - boven + 1) and model.canFetchMore(
            self.rootIndex()
        ):
            model.fetchMore(self.rootIndex())
            self.doItemsLayout()
        self.maak_huidig(doel)
        self.scrollTo(model.index(doel, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def _bovenste_hele_kaart(self) -> int | None:
        """The row of the first card wholly in view (or the top card, when none is)."""
        model = self.model()
        midden = self.viewport().width() // 2
        index = self.indexAt(QPoint(midden, 0))
        if not index.isValid():
            huidig = self.currentIndex()
            return huidig.row() if huidig.isValid() else None
        rij = index.row()
        if self.visualRect(index).top() < 0 and rij + 1 < model.rowCount():
            volgende = self.visualRect(model.index(rij + 1, 0))
            if volgende.bottom() < self.viewport().height():
                rij += 1
        return rij

    def _volgende_pagina(self, boven: int) -> int:
        model = self.model()
        hoogte = self.viewport().height()
        rij = boven
        while rij + 1 < model.rowCount():
            rect = self.visualRect(model.index(rij, 0))
            if not rect.isValid() or rect.bottom() >= hoogte:
                break  # not wholly shown (or not laid out yet): the next page's top
            rij += 1
        return max(rij, boven + 1)

    def _vorige_pagina(self, boven: int) -> int:
        model = self.model()
        grens = self.visualRect(model.index(boven, 0)).top() - self.viewport().height()
        rij = boven
        while rij > 0 and self.visualRect(model.index(rij - 1, 0)).top() >= grens:
            rij -= 1
        return min(rij, max(boven - 1, 0))

    def volledig_zichtbaar(self) -> list[int]:
        """Rows whose whole card is inside the viewport now."""
        model = self.model()
        if model is None:
            return []
        zicht = self.viewport().rect()
        return [
            rij
            for rij in range(model.rowCount())
            if zicht.contains(self.visualRect(model.index(rij, 0)))
        ]
