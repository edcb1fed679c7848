"""A face scale 1-10 for the client: ten large buttons, each a drawn face with its number.

The faces are painted (no emoji font needed): the mouth turns from a frown at 1 to a broad
smile at 10, the colour from red through yellow to green. Each button is at least 56 by 76
pixels (a large touch target), has an accessible name and works with Tab and Space; the
arrow keys move the choice along the scale.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QHBoxLayout, QWidget

KLEUREN = ("#d64541", "#e8833a", "#f2c14e", "#9bc53d", "#3fa34d")
"""From red (1-2) through yellow (5-6) to green (9-10)."""

WOORDEN = {1: "heel slecht", 3: "slecht", 5: "gaat wel", 7: "goed", 10: "heel goed"}


def kleur(cijfer: int) -> QColor:
    return QColor(KLEUREN[min(4, (cijfer - 1) // 2)])


def teken_gezicht(p: QPainter, midden: QPointF, straal: float, cijfer: int) -> None:
    """Paint the face for `cijfer` (1-10) as a circle of `straal` pixels around `midden`."""
    p.setPen(QPen(QColor("#333333"), max(1.0, min(1.5, straal * 0.08))))
    p.setBrush(kleur(cijfer))
    p.drawEllipse(midden, straal, straal)
    p.setBrush(QColor("#333333"))
    oog = straal * 0.12
    for dx in (-0.35, 0.35):
        p.drawEllipse(QPointF(midden.x() + dx * straal, midden.y() - 0.25 * straal), oog, oog)
    # Mouth: a curve whose bend runs from -1 (frown) to +1 (smile).
    buiging = (cijfer - 5.5) / 4.5
    links = QPointF(midden.x() - 0.45 * straal, midden.y() + 0.35 * straal)
    rechts = QPointF(midden.x() + 0.45 * straal, midden.y() + 0.35 * straal)
    controle = QPointF(midden.x(), midden.y() + (0.35 + 0.45 * buiging) * straal)
    mond = QPainterPath(links)
    mond.quadTo(controle, rechts)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(QColor("#333333"), max(1.5, straal * 0.12), Qt.PenStyle.SolidLine,
                  Qt.PenCapStyle.RoundCap))  # fmt: skip
    p.drawPath(mond)


def gezicht_icoon(cijfer: int | None, maat: int = 32) -> QIcon:
    """An icon of `maat` by `maat` pixels: the face for `cijfer`, or a grey dashed circle
    when the client gave no mark (lists of terugblikken)."""
    beeld = QPixmap(maat, maat)
    beeld.fill(Qt.GlobalColor.transparent)
    p = QPainter(beeld)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    midden = QPointF(maat / 2, maat / 2)
    if cijfer is None:
        p.setPen(QPen(QColor("#9a9a9a"), 1.5, Qt.PenStyle.DashLine))
        p.drawEllipse(midden, maat / 2 - 2, maat / 2 - 2)
    else:
        teken_gezicht(p, midden, maat / 2 - 2, cijfer)
    p.end()
    return QIcon(beeld)


class GezichtKnop(QAbstractButton):
    """One checkable face with its number underneath."""

    def __init__(self, cijfer: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cijfer = cijfer
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        woord = WOORDEN.get(cijfer)
        self.setAccessibleName(f"Cijfer {cijfer} van 10" + (f", {woord}" if woord else ""))
        self.setToolTip(f"{cijfer}" + (f": {woord}" if woord else ""))
        self.setText(str(cijfer))
        self.setMaximumSize(120, 120)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.ignore()  # the scale moves the choice along
            return
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(80, 104)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(56, 76)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rand = self.rect().adjusted(2, 2, -2, -2)
        if self.isChecked():
            p.setPen(QPen(QColor("#1f4e79"), 3))
            p.setBrush(QColor("#dbe8f5"))
            p.drawRoundedRect(QRectF(rand), 10, 10)
        elif self.hasFocus():
            p.setPen(QPen(QColor("#1f4e79"), 2, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(QRectF(rand), 10, 10)
        tekst_hoogte = 24
        maat = min(rand.width() - 10, rand.height() - tekst_hoogte - 8)
        midden = QPointF(rand.center().x(), rand.top() + 6 + maat / 2)
        teken_gezicht(p, midden, maat / 2, self.cijfer)
        letter = p.font()
        letter.setPointSizeF(max(letter.pointSizeF(), 11.0) * 1.15)
        letter.setBold(self.isChecked())
        p.setFont(letter)
        p.setPen(QColor("#000000"))
        p.drawText(
            QRectF(rand.left(), rand.bottom() - tekst_hoogte, rand.width(), tekst_hoogte),
            Qt.AlignmentFlag.AlignCenter,
            str(self.cijfer),
        )
        p.end()


class GezichtenSchaal(QWidget):
    """Ten faces in a row; `cijfer()` is the chosen one or None. Emits `gekozen(int)`."""

    gekozen = Signal(int)

    def __init__(self, naam: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(naam)
        self.groep = QButtonGroup(self)
        self.groep.setExclusive(True)
        self.knoppen: list[GezichtKnop] = []
        laag = QHBoxLayout(self)
        laag.setContentsMargins(0, 0, 0, 0)
        laag.setSpacing(4)
        for cijfer in range(1, 11):
            knop = GezichtKnop(cijfer, self)
            self.groep.addButton(knop, cijfer)
            self.knoppen.append(knop)
            laag.addWidget(knop)
        self.groep.idClicked.connect(self.gekozen)

    def cijfer(self) -> int | None:
        gekozen = self.groep.checkedId()
        return gekozen if gekozen > 0 else None

    def zet(self, cijfer: int | None) -> None:
        """Show a stored mark, or none (all faces unchecked)."""
        if cijfer is None:
            self.groep.setExclusive(False)
            for knop in self.knoppen:
                knop.setChecked(False)
            self.groep.setExclusive(True)
            return
        self.knoppen[cijfer - 1].setChecked(True)
        if any(k.hasFocus() for k in self.knoppen):
            # The focus frame moves along: a frame on another face reads as a second choice.
            self.knoppen[cijfer - 1].setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        stap = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if stap is None:
            super().keyPressEvent(event)
            return
        nu = self.cijfer() or (0 if stap > 0 else 11)
        nieuw = min(10, max(1, nu + stap))
        self.knoppen[nieuw - 1].setChecked(True)
        self.knoppen[nieuw - 1].setFocus()
        self.gekozen.emit(nieuw)
