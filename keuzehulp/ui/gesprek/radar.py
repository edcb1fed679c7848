"""The client picture as a spider (radar) chart: one axis per kenmerk group, scores 1 to 10."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

MAX_SCORE = 10
RAND = 2  # px kept free at the widget's edges
LABEL_AFSTAND = 6  # px between the outer ring and a group name
MIN_LABELBREEDTE, MAX_LABELBREEDTE = 70, 140  # px a name may take before it wraps
MIN_STRAAL = 20  # px; a smaller chart says nothing
LEESBARE_STRAAL = 50  # px; below this the names get a smaller font
LABEL_SCHALEN = (0.9, 0.8, 0.7, 0.6)  # the names' font against the widget's, tried in turn
LABEL_VLAGGEN = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


@dataclass(frozen=True)
class Indeling:
    """Where the chart goes: its centre, its radius (px), the names' font and boxes."""

    midden: QPointF
    straal: float
    font: QFont
    labels: list[tuple[str, QRectF]]
    past: bool  # every name inside the widget


class RadarWidget(QWidget):
    """Draws the scores with QPainter; 0 means 'not filled in' and sits in the centre."""

    def __init__(self, groepen: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groepen = groepen  # (code, short name)
        self._scores: dict[str, int] = {}
        self.setMinimumSize(240, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Klantbeeld als spinnenweb")
        # The last layout and what it was made for (size, font): a repaint (the window
        # resized elsewhere, a score changed) does not fit the names again (issue 13).
        self._indeling: tuple[tuple[int, int, str], Indeling] | None = None
        self._beschrijf()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 200)

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

    def indeling(self) -> Indeling:
        """Centre, radius (px), label font and a box per group name, for the present size.

        Every name is whole (wrapped at a space, never cut) and inside the widget: the chart
        gets the largest radius at which its names still fit around it. When that radius is
        too small to read, the names get a smaller font (down to 60% of the widget's).
        """
        sleutel = (self.width(), self.height(), self.font().key())
        if self._indeling is not None and self._indeling[0] == sleutel:
            return self._indeling[1]
        beste: Indeling | None = None
        for schaal in LABEL_SCHALEN:
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * schaal)
            beste = self._indeling_met(font)
            if beste.past and beste.straal >= LEESBARE_STRAAL:
                break
        assert beste is not None
        self._indeling = (sleutel, beste)
        return beste

    def _indeling_met(self, font: QFont) -> Indeling:
        maten = QFontMetricsF(font)
        breedte, hoogte = self.width() - 2 * RAND, self.height() - 2 * RAND
        max_label = max(MIN_LABELBREEDTE, min(MAX_LABELBREEDTE, breedte * 0.32))
        groottes = [
            maten.boundingRect(QRectF(0, 0, max_label, 10_000), LABEL_VLAGGEN, naam).size()
            for _code, naam in self._groepen
        ]

        def vakken(straal: float) -> tuple[list[QRectF], QRectF]:
            """The label boxes and the whole chart's bounding box, around centre (0, 0)."""
            nul = QPointF(0, 0)
            omtrek = QPolygonF(
                [self._punt(nul, straal, i, MAX_SCORE) for i in range(len(groottes))]
            ).boundingRect()
            uit = []
            for as_, grootte in enumerate(groottes):
                anker = self._punt(nul, straal + LABEL_AFSTAND, as_, MAX_SCORE)
                richting = self._punt(nul, 1.0, as_, MAX_SCORE)
                x = anker.x() - grootte.width() / 2
                if richting.x() > 0.25:
                    x = anker.x()
                elif richting.x() < -0.25:
                    x = anker.x() - grootte.width()
                y = anker.y() - grootte.height() / 2
                if richting.y() < -0.25:
                    y = anker.y() - grootte.height()
                elif richting.y() > 0.25:
                    y = anker.y()
                vak = QRectF(QPointF(x, y), grootte)
                uit.append(vak)
                omtrek = omtrek.united(vak)
            return uit, omtrek

        def past(straal: float) -> bool:
            _, omtrek = vakken(straal)
            return omtrek.width() <= breedte and omtrek.height() <= hoogte

        laag, hoog = 0.0, max(min(breedte, hoogte) / 2, 1.0)
        for _ in range(20):  # bisection: the boxes grow outward with the radius
            midden = (laag + hoog) / 2
            if past(midden):
                laag = midden
            else:
                hoog = midden
        straal = max(laag, MIN_STRAAL)
        labels, omtrek = vakken(straal)
        # Centre the whole chart, names included, in the widget.
        verschuiving = QRectF(self.rect()).center() - omtrek.center()
        namen = [naam for _code, naam in self._groepen]
        return Indeling(
            midden=verschuiving,
            straal=straal,
            font=font,
            labels=[(n, v.translated(verschuiving)) for n, v in zip(namen, labels, strict=True)],
            past=past(straal),
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if not self._groepen:
            return
        indeling = self.indeling()
        midden, straal = indeling.midden, indeling.straal
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        tekstkleur = self.palette().windowText().color()
        p.setFont(indeling.font)
        p.setPen(QPen(QColor(190, 190, 190), 1))
        for ring in (2, 4, 6, 8, 10):
            p.drawPolygon(
                QPolygonF([self._punt(midden, straal, i, ring) for i in range(len(self._groepen))])
            )
        for i, (naam, vak) in enumerate(indeling.labels):
            p.setPen(QPen(QColor(190, 190, 190), 1))
            p.drawLine(midden, self._punt(midden, straal, i, MAX_SCORE))
            p.setPen(tekstkleur)
            p.drawText(vak, LABEL_VLAGGEN, naam)
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
