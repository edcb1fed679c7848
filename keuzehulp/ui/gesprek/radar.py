"""The client picture as a spider (radar) chart: one axis per kenmerk group, scores 1 to 10."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

MAX_SCORE = 10


class RadarWidget(QWidget):
    """Draws the scores with QPainter; 0 means 'not filled in' and sits in the centre."""

    def __init__(self, groepen: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groepen = groepen  # (code, short name)
        self._scores: dict[str, int] = {}
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Klantbeeld als spinnenweb")
        self._beschrijf()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 260)

    def zet_scores(self, scores: dict[str, int]) -> None:
        self._scores = dict(scores)
        self._beschrijf()
        self.update()

    def _beschrijf(self) -> None:
        delen = [
            f"{naam}: {self._scores.get(code) or 'niet ingevuld'}" for code, naam in self._groepen
        ]
        self.setAccessibleDescription("; ".join(delen))
        self.setToolTip("\n".join(delen))

    def _punt(self, midden: QPointF, straal: float, as_: int, waarde: float) -> QPointF:
        hoek = -math.pi / 2 + 2 * math.pi * as_ / max(len(self._groepen), 1)
        r = straal * waarde / MAX_SCORE
        return QPointF(midden.x() + r * math.cos(hoek), midden.y() + r * math.sin(hoek))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if not self._groepen:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        marge = 62
        breedte, hoogte = self.width() - 2 * marge, self.height() - 40
        straal = max(min(breedte, hoogte) / 2, 10)
        midden = QPointF(self.width() / 2, self.height() / 2 + 4)
        tekstkleur = self.palette().windowText().color()
        klein = p.font()
        klein.setPointSizeF(klein.pointSizeF() * 0.9)
        p.setFont(klein)
        p.setPen(QPen(QColor(190, 190, 190), 1))
        for ring in (2, 4, 6, 8, 10):
            p.drawPolygon(
                QPolygonF([self._punt(midden, straal, i, ring) for i in range(len(self._groepen))])
            )
        for i, (_code, naam) in enumerate(self._groepen):
            p.setPen(QPen(QColor(190, 190, 190), 1))
            p.drawLine(midden, self._punt(midden, straal, i, MAX_SCORE))
            label = self._punt(midden, straal + 14, i, MAX_SCORE)
            vak = QRectF(label.x() - 52, label.y() - 16, 104, 32)
            p.setPen(tekstkleur)
            p.drawText(vak, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, naam)
        punten = [
            self._punt(midden, straal, i, self._scores.get(code, 0))
            for i, (code, _naam) in enumerate(self._groepen)
        ]
        kleur = QColor(31, 78, 121)
        p.setPen(QPen(kleur, 2))
        vulling = QColor(kleur)
        vulling.setAlpha(60)
        p.setBrush(vulling)
        p.drawPolygon(QPolygonF(punten))
        p.setBrush(kleur)
        for punt in punten:
            p.drawEllipse(punt, 3.5, 3.5)
        p.end()
