"""Steps 1 and 2 (route, kenmerken) as layout classes with public widgets (3: praktisch.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.ui.zoeken.afbreken import afbreekbaar, woordenboek_geladen
from keuzehulp.ui.zoeken.kaartweergave import OMBREKEN, breekbaar, font_sleutel
from keuzehulp.ui.zoeken.kenmerkboom import KenmerkBoomModel
from keuzehulp.ui.zoeken.modellen import ID_ROL


def _uitleg(tekst: str) -> QLabel:
    label = QLabel(tekst)
    label.setWordWrap(True)
    return label


def _wisknop(stap: int) -> QPushButton:
    knop = QPushButton(f"Wis stap {stap}")
    knop.setAccessibleName(f"Wis alle keuzes van stap {stap}")
    return knop


class RouteStap(QWidget):
    """Step 1: the Fenger routes with their plain labels and one B1 sentence each."""

    INSTRUCTIE = "Welk soort traject past bij het doel? Kies één of meer."
    INSTRUCTIE_KLANT = "Hoe wil je beginnen? Kies één of meer manieren."

    def __init__(self) -> None:
        super().__init__()
        self.vakjes: dict[str, QCheckBox] = {}
        self.zinnen: dict[str, QLabel] = {}
        self.wis = _wisknop(1)
        self._layout = QVBoxLayout(self)
        self.instructie = _uitleg(self.INSTRUCTIE)
        self._layout.addWidget(self.instructie)
        self._routes = QVBoxLayout()
        self._layout.addLayout(self._routes)
        self._layout.addStretch(1)
        self._layout.addWidget(self.wis, 0, Qt.AlignmentFlag.AlignLeft)

    def zet_klantweergave(self, aan: bool) -> None:
        self.instructie.setText(self.INSTRUCTIE_KLANT if aan else self.INSTRUCTIE)

    def zet_routes(self, routes: list[tuple[str, str, str]]) -> None:
        """(code, label, B1 sentence) per route."""
        while self._routes.count():
            item = self._routes.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.vakjes.clear()
        self.zinnen.clear()
        for code, label, zin in routes:
            vakje = QCheckBox(label)
            vakje.setAccessibleName(label)
            vakje.setAccessibleDescription(zin)
            zin_label = _uitleg(zin)
            zin_label.setContentsMargins(28, 0, 0, 10)
            zin_label.setBuddy(vakje)
            self._routes.addWidget(vakje)
            self._routes.addWidget(zin_label)
            self.vakjes[code] = vakje
            self.zinnen[code] = zin_label


def _diepte(index: QModelIndex | QPersistentModelIndex) -> int:
    diepte = 0
    ouder = index.parent()
    while ouder.isValid():
        diepte += 1
        ouder = ouder.parent()
    return diepte


def _afbreken() -> Callable[[str], str] | None:
    """Dutch hyphenation for a kenmerk name too long for its line ("Sollicitatie-" /
    "vaardigheden", not "Sollicitatievaardighe" / "den"), once the patterns are read (in a
    worker, `laad_woordenboek`); until then a long word breaks anywhere."""
    return afbreekbaar if woordenboek_geladen() else None


class _KenmerkDelegate(QStyledItemDelegate):
    """Wraps texts to the first column's width (never elides) and draws a "?" for the explanation.

    Sizes are cached per text, width and font: counts change on every click and the tree
    asks again for every row, which must stay cheap.
    """

    def __init__(self, view: QTreeView, model: KenmerkBoomModel) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        self._cache: dict[tuple[str, int, tuple[float, int, int], bool], QSize] = {}

    def _knop(self, vak: QRect) -> QRect:
        """Where the "?" sits in a row's first cell: on the right, level with the first line."""
        d = self._view.fontMetrics().height() + 2
        return QRect(vak.right() - d - 4, vak.top() + 3, d, d)

    def _zonder_knop(self, vak: QRect) -> QRect:
        return vak.adjusted(0, 0, -(self._knop(vak).width() + 8), 0)

    def _tekstvak(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, vak: QRect
    ) -> QRect:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        return self._tekstvak_van(opt, vak)

    def _tekstvak_van(self, opt: QStyleOptionViewItem, vak: QRect) -> QRect:
        """The text's rectangle in `vak`, for an option already filled in for its index."""
        opt = QStyleOptionViewItem(opt)
        opt.rect = self._zonder_knop(vak)
        stijl = self._view.style()
        tekst = stijl.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, self._view)
        marge = stijl.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 1
        return tekst.adjusted(marge, 2, -marge, -2)

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if index.column() != 0:
            # The count is one line; the row's height comes from the kenmerk's text. (Asking
            # the style here costs a dozen model calls per row on every count change.)
            return QSize(self._view.header().sectionSize(1), 1)
        inspringen = self._view.indentation() * (
            _diepte(index) + (1 if self._view.rootIsDecorated() else 0)
        )
        cel = max(self._view.header().sectionSize(0) - inspringen, 60)
        tekst = str(index.data() or "")
        afbreken = _afbreken()
        sleutel = (tekst, cel, font_sleutel(option.font), afbreken is not None)
        grootte = self._cache.get(sleutel)
        if grootte is None:
            basis = super().sizeHint(option, index)
            vak = self._tekstvak(option, index, QRect(0, 0, cel, 10000))
            metriek = option.fontMetrics
            getoond = breekbaar(metriek.horizontalAdvance, tekst, vak.width(), afbreken)
            nodig = metriek.boundingRect(
                QRect(0, 0, max(vak.width(), 1), 100000), OMBREKEN, getoond
            )
            grootte = QSize(basis.width(), max(basis.height(), nodig.height() + 10))
            self._cache[sleutel] = grootte
        return grootte

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if index.column() != 0:
            super().paint(painter, option, index)
            return
        vak = QRect(option.rect)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        tekst = opt.text
        tekstvak = self._tekstvak_van(opt, vak)  # one initStyleOption per row: ten data() calls
        opt.text = ""  # drawn below, wrapped instead of elided
        stijl = self._view.style()
        # The whole row's background, then the check box level with the first line (not in
        # the middle of a row whose explanation is open).
        stijl.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, self._view)
        eerste = QStyleOptionViewItem(opt)
        regel = opt.fontMetrics.height() + 8
        eerste.rect = QRect(vak.left(), vak.top(), vak.width(), min(regel, vak.height()))
        stijl.drawControl(QStyle.ControlElement.CE_ItemViewItem, eerste, painter, self._view)
        palet = opt.palette  # initStyleOption put the row's ForegroundRole in as Text
        if opt.state & QStyle.StateFlag.State_Selected:
            kleur = palet.color(QPalette.ColorRole.HighlightedText)
        else:
            kleur = palet.color(QPalette.ColorRole.Text)
        painter.save()
        painter.setPen(kleur)
        painter.setFont(opt.font)
        getoond = breekbaar(
            QFontMetrics(opt.font).horizontalAdvance, tekst, tekstvak.width(), _afbreken()
        )
        painter.drawText(tekstvak, OMBREKEN, getoond)
        painter.restore()
        self._teken_knop(painter, self._knop(vak), self._model.uitleg_open(str(index.data(ID_ROL))))

    @staticmethod
    def _teken_knop(painter: QPainter, knop: QRect, open_: bool) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        kleur = QColor(29, 78, 137)
        painter.setPen(QPen(kleur, 1.2))
        painter.setBrush(kleur if open_ else QColor("white"))
        painter.drawEllipse(knop)
        painter.setPen(QColor("white") if open_ else kleur)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(knop, int(Qt.AlignmentFlag.AlignCenter), "?")
        painter.restore()

    def editorEvent(  # noqa: N802
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if (
            index.column() == 0
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self._knop(QRect(option.rect)).contains(event.position().toPoint())
        ):
            self._model.wissel_uitleg(index)
            return True
        if index.column() == 0:  # the check box is drawn level with the first line
            eerste = QStyleOptionViewItem(option)
            vak = QRect(option.rect)
            regel = option.fontMetrics.height() + 8
            eerste.rect = QRect(vak.left(), vak.top(), vak.width(), min(regel, vak.height()))
            return super().editorEvent(event, model, eerste, index)
        return super().editorEvent(event, model, option, index)


class KenmerkBoom(QTreeView):
    """The kenmerken tree; "?" or F1 shows the explanation of the current kenmerk."""

    _geometrie_later = False
    _uitgesteld = 0  # inside samen_bijwerken()

    def updateGeometries(self) -> None:  # noqa: N802
        # Qt lays out every row here (to size the scroll bars), shown or not: a font change
        # (the client view) cost two or three layouts of 1,000 kenmerken. While hidden, or
        # inside samen_bijwerken(), wait: the tree is laid out once, when shown or after.
        if not self.isVisible() or self._uitgesteld:
            self._geometrie_later = True
            return
        self._geometrie_later = False
        super().updateGeometries()

    @contextmanager
    def samen_bijwerken(self) -> Iterator[None]:
        """Font and width changes made inside lay the rows out once, after the last one."""
        self._uitgesteld += 1
        try:
            yield
        finally:
            self._uitgesteld -= 1
            if not self._uitgesteld and self._geometrie_later and self.isVisible():
                self._geometrie_later = False
                super().updateGeometries()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._geometrie_later:
            self._geometrie_later = False
            super().updateGeometries()

    def event(self, event: QEvent) -> bool:
        # F1 is Help > Handleiding elsewhere; here, in focus, it is this kenmerk's help.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F1
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        model = self.model()
        if event.key() in (Qt.Key.Key_Question, Qt.Key.Key_F1) and isinstance(
            model, KenmerkBoomModel
        ):
            model.wissel_uitleg(self.currentIndex().siblingAtColumn(0))
            return
        super().keyPressEvent(event)


class KenmerkStap(QWidget):
    """Step 2: the five groups with their derived kenmerken as a checkable tree."""

    INSTRUCTIE = (
        "Wat wil de klant verbeteren? Kies in één of meer groepen. Een groep kiezen "
        "betekent: alles wat eronder valt. Spatie zet een vinkje; ? geeft uitleg."
    )
    INSTRUCTIE_KLANT = "Waar wil je aan werken? Zet een vinkje. Klik op ? voor meer uitleg."

    def __init__(self, model: KenmerkBoomModel) -> None:
        super().__init__()
        self.boom = KenmerkBoom()
        self.boom.setModel(model)
        self.boom.setAccessibleName("Kenmerken van de klant")
        self.boom.setWordWrap(True)
        self.boom.setUniformRowHeights(False)
        self.boom.setItemDelegate(_KenmerkDelegate(self.boom, model))
        self.boom.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        kop = self.boom.header()
        kop.setAccessibleName("Kolommen van de kenmerken")
        kop.setStretchLastSection(False)
        kop.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed, not ResizeToContents: that would ask every row's size on each count change.
        kop.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.pas_kolommen_aan()
        # Rows re-wrap at the new width on the next turn of the event loop (once, however
        # many sections changed), not inside the resize that caused it.
        kop.sectionResized.connect(lambda *_: self.boom.scheduleDelayedItemsLayout())
        model.rowsInserted.connect(self._open_nieuwe_groepen)
        self.wis = _wisknop(2)
        layout = QVBoxLayout(self)
        self.instructie = _uitleg(self.INSTRUCTIE)
        layout.addWidget(self.instructie)
        layout.addWidget(self.boom, 1)
        layout.addWidget(self.wis, 0, Qt.AlignmentFlag.AlignLeft)

    def _open_nieuwe_groepen(self, ouder: QModelIndex, eerste: int, laatste: int) -> None:
        # Groups are always open (as after the first fill); a kenmerk stays as it was.
        if not ouder.isValid():
            model = self.boom.model()
            for rij in range(eerste, laatste + 1):
                self.boom.expand(model.index(rij, 0))

    def zet_klantweergave(self, aan: bool) -> None:
        self.instructie.setText(self.INSTRUCTIE_KLANT if aan else self.INSTRUCTIE)

    def pas_kolommen_aan(self) -> None:
        """Size the count column for the current font (after the client view changes it)."""
        breedte = self.boom.fontMetrics().horizontalAdvance("Aantal") + 24
        self.boom.header().resizeSection(1, breedte)
        self.boom.scheduleDelayedItemsLayout()
