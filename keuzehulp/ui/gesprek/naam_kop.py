"""The option names above the comparison: wrapped, and long Dutch compounds broken if needed.

Qt's own header wraps only at spaces, so "sollicitatievaardigheden" in a 215 px column would
be cut. This header draws the text itself, wrapping at word boundaries or, where a single
word is wider than the column, anywhere (as the table's cells do).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

MARGE = 8  # px left and right of the name


def _optie() -> QTextOption:
    optie = QTextOption(Qt.AlignmentFlag.AlignCenter)
    optie.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return optie


def teksthoogte(tekst: str, font: QFont, breedte: float) -> float:
    """Height in px of `tekst` wrapped (words, else anywhere) into `breedte` px."""
    hoogte = 0.0
    for regel in tekst.split("\n"):
        layout = QTextLayout(regel, font)
        layout.setTextOption(_optie())
        layout.beginLayout()
        while True:
            lijn = layout.createLine()
            if not lijn.isValid():
                break
            lijn.setLineWidth(max(breedte, 10.0))
            hoogte += lijn.height()
        layout.endLayout()
    return hoogte


class NaamKop(QHeaderView):
    """A horizontal header that wraps names to the column width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._hoogtes: dict[tuple[str, int, str], float] = {}

    def nodige_hoogte(self) -> int:
        """The height that shows every name in full at the current column widths."""
        model = self.model()
        if model is None:
            return 0
        hoogte = 0.0
        for kolom in range(self.count()):
            tekst = str(model.headerData(kolom, Qt.Orientation.Horizontal) or "")
            breedte = self.sectionSize(kolom) - 2 * MARGE
            sleutel = (tekst, breedte, self.font().key())
            if sleutel not in self._hoogtes:
                self._hoogtes[sleutel] = teksthoogte(tekst, self.font(), breedte)
            hoogte = max(hoogte, self._hoogtes[sleutel])
        return int(hoogte) + 14 if hoogte else 0

    def paintSection(self, painter: QPainter, rect: QRect, kolom: int) -> None:  # noqa: N802
        model = self.model()
        if model is None or not rect.isValid():
            return
        optie = QStyleOptionHeader()
        self.initStyleOption(optie)
        optie.rect = rect
        optie.section = kolom
        optie.text = ""
        achtergrond = model.headerData(
            kolom, Qt.Orientation.Horizontal, Qt.ItemDataRole.BackgroundRole
        )
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, optie, painter, self)
        if isinstance(achtergrond, QBrush):
            painter.fillRect(rect.adjusted(1, 1, -1, -1), achtergrond)
        painter.setFont(self.font())
        painter.setPen(self.palette().buttonText().color())
        tekst = str(model.headerData(kolom, Qt.Orientation.Horizontal) or "")
        vak = QRectF(rect.adjusted(MARGE, 4, -MARGE, -4))
        painter.drawText(vak, tekst, _optie())
        painter.restore()
