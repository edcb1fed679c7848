"""Chips for every active choice above the results, and the way out of an empty result list."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

CHIP_STIJL = (
    "QToolButton { background: #e7eef7; color: #12324f; border: 1px solid #9fb6d0;"
    " border-radius: 11px; padding: 2px 8px; }"
    " QToolButton:hover { background: #d3e1f1; }"
    " QToolButton:focus { border: 2px solid #1d4e89; }"
)


class StroomLayout(QLayout):
    """Places its items left to right and starts a new line when the width runs out."""

    def __init__(self, parent: QWidget | None = None, tussen: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._tussen = tussen
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)
        self.invalidate()  # QLayout.addWidget does not; without it the old places stay

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        if not 0 <= index < len(self._items):
            return None
        self.invalidate()
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, breedte: int) -> int:  # noqa: N802
        return self._leg_uit(QRect(0, 0, breedte, 0), alleen_meten=True)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._leg_uit(rect, alleen_meten=False)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        grootte = QSize()
        for item in self._items:
            grootte = grootte.expandedTo(item.minimumSize())
        m: QMargins = self.contentsMargins()
        return grootte + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _leg_uit(self, rect: QRect, *, alleen_meten: bool) -> int:
        m = self.contentsMargins()
        vak = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, regel = vak.x(), vak.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            breed = min(hint.width(), vak.width())
            hoog = hint.height()
            if item.hasHeightForWidth():
                hoog = item.heightForWidth(breed)
            if x > vak.x() and x + breed > vak.right() + 1:
                x, y, regel = vak.x(), y + regel + self._tussen, 0
            if not alleen_meten:
                item.setGeometry(QRect(QPoint(x, y), QSize(breed, hoog)))
            x += breed + self._tussen
            regel = max(regel, hoog)
        return y + regel - rect.y() + m.bottom()


class ChipsBalk(QWidget):
    """One chip per active choice (a click removes it), then "Alles wissen"."""

    weg_gevraagd = Signal(int)  # the position of the chip in the last `zet_chips`

    def __init__(self, leeg: QLabel, alles_wissen: QPushButton) -> None:
        super().__init__()
        self.setAccessibleName("Gekozen")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._stroom = StroomLayout(self)
        self._leeg = leeg
        self._alles = alles_wissen
        self.chips: list[QToolButton] = []  # a pool: the first len(_getoond) are in use
        self._getoond: list[tuple[str, str]] = []
        self._stroom.addWidget(leeg)
        self._stroom.addWidget(alles_wissen)

    def zet_chips(self, chips: list[tuple[str, str]]) -> None:
        """(text, what a screen reader says) per choice; none: the `leeg` text instead.

        Buttons are reused (only their texts change): creating and styling widgets on
        every click would cost more than the search itself.
        """
        if chips == self._getoond:
            return
        self._getoond = list(chips)
        while len(self.chips) < len(chips):
            self.chips.append(self._nieuwe_chip(len(self.chips)))
        for knop, (tekst, voorlees) in zip(self.chips, chips, strict=False):
            knop.setText(f"{tekst}  ×")
            knop.setToolTip(f"Klik om ‘{tekst}’ weg te halen")
            knop.setAccessibleName(voorlees)
            knop.show()
        for knop in self.chips[len(chips) :]:
            knop.hide()
        # "Alles wissen" stays after the last chip: the layout places items in order.
        self._stroom.removeWidget(self._alles)
        self._stroom.addWidget(self._alles)
        self._leeg.setVisible(not chips)
        self._alles.setVisible(bool(chips))
        self.updateGeometry()

    def zichtbare_chips(self) -> list[QToolButton]:
        """The chips in use now, in order."""
        return self.chips[: len(self._getoond)]

    def _nieuwe_chip(self, positie: int) -> QToolButton:
        knop = QToolButton(self)
        knop.setFont(self.font())
        knop.setStyleSheet(CHIP_STIJL)
        knop.setCursor(Qt.CursorShape.PointingHandCursor)
        knop.clicked.connect(lambda _=False, p=positie: self.weg_gevraagd.emit(p))
        self._stroom.addWidget(knop)
        return knop

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            for knop in self.chips:  # a style sheet stops font inheritance: pass it on
                knop.setFont(self.font())
            self.updateGeometry()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, breedte: int) -> int:  # noqa: N802
        return self._stroom.heightForWidth(breedte)

    def sizeHint(self) -> QSize:  # noqa: N802
        breedte = max(self.width(), 300)
        return QSize(breedte, self.heightForWidth(breedte))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(120, self.heightForWidth(max(self.width(), 120)))


class NietsGevonden(QWidget):
    """Shown instead of the cards when nothing is found: what to drop, and what that gives."""

    uitweg_gekozen = Signal(int)  # the position in the last `zet_uitwegen`

    KOP = "Niets gevonden."
    UITLEG = "Niets past bij alles wat je nu hebt gekozen. Haal één keuze weg:"
    GEEN_UITWEG = (
        "Niets past bij alles wat je nu hebt gekozen. "
        "Haal een vinkje weg, of klik op ‘Alles wissen’. "
        "Dan zie je weer meer mogelijkheden."
    )

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Niets gevonden")
        self.kop = QLabel(f"<b>{self.KOP}</b>")
        self.uitleg = QLabel(self.UITLEG)
        self.uitleg.setWordWrap(True)
        self.knoppen: list[QPushButton] = []
        self._knoppen = QVBoxLayout()
        self._knoppen.setSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.kop)
        layout.addWidget(self.uitleg)
        layout.addLayout(self._knoppen)
        layout.addStretch(1)

    LEGE_CATALOGUS_KOP = "De catalogus is nog leeg."
    LEGE_CATALOGUS = (
        "Er staan nog geen instrumenten in deze catalogus. Een beheerder kan ze inlezen via "
        "Beheer › Bronbestand. Wilt u eerst oefenen? Laad dan de voorbeeldcatalogus met de "
        "opdracht ‘keuzehulp voorbeeld’."
    )

    def zet_lege_catalogus(self) -> None:
        """The catalogue holds no active instrument at all: no filter is to blame."""
        self.zet_uitwegen([])
        self.kop.setText(f"<b>{self.LEGE_CATALOGUS_KOP}</b>")
        self.uitleg.setText(self.LEGE_CATALOGUS)

    def zet_uitwegen(self, uitwegen: list[str]) -> None:
        """One button per way out, e.g. "Zonder ‘Tiel’: 4 mogelijkheden"; best first."""
        self.kop.setText(f"<b>{self.KOP}</b>")
        for knop in self.knoppen:
            self._knoppen.removeWidget(knop)
            knop.hide()
            knop.deleteLater()
        self.knoppen = []
        self.uitleg.setText(self.UITLEG if uitwegen else self.GEEN_UITWEG)
        for positie, tekst in enumerate(uitwegen):
            knop = QPushButton(tekst)
            knop.setAccessibleName(tekst)
            knop.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            knop.clicked.connect(lambda _=False, p=positie: self.uitweg_gekozen.emit(p))
            self._knoppen.addWidget(knop, 0, Qt.AlignmentFlag.AlignLeft)
            self.knoppen.append(knop)
