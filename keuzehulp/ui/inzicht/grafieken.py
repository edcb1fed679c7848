"""Charts where a person would rather look than read: use over time, and outcomes."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalPercentBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter

from keuzehulp.services.inzicht.overzicht import Tabel

KLEUREN = ("#1f4e79", "#5b9bd5", "#70ad47", "#c55a11")
MAX_INSTRUMENTEN = 8


def nieuwe_view(naam: str) -> QChartView:
    view = QChartView()
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(naam)
    view.setMinimumHeight(220)
    return view


def _basis(titel: str) -> QChart:
    chart = QChart()
    chart.setTitle(titel)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def gebruik_per_maand(tabel: Tabel) -> QChart:
    """Lines per month: gesprekken, with a choice, afgerond, gestopt. A suppressed month
    ("<5") has no point, so a line breaks there instead of showing a made-up number."""
    chart = _basis("Gesprekken per maand")
    rijen = list(tabel.rijen)[-24:]
    maanden = [r[0].tekst for r in rijen]
    as_x = QBarCategoryAxis()
    as_x.append([f"{m[5:]}-{m[2:4]}" for m in maanden])  # "03-26"
    as_y = QValueAxis()
    as_y.setLabelFormat("%d")
    chart.addAxis(as_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(as_y, Qt.AlignmentFlag.AlignLeft)
    hoogste = 0.0
    lijnen = ((1, "Gesprekken"), (3, "Met keuze"), (5, "Afgerond"), (6, "Gestopt"))
    for (kolom, naam), kleur in zip(lijnen, KLEUREN, strict=True):
        # Consecutive known months form one segment; a suppressed month ("<5") ends it, so no
        # line is ever drawn through a hidden value (its height could be read off the slope).
        stukken: list[list[tuple[int, float]]] = [[]]
        for x, rij in enumerate(rijen):
            waarde = rij[kolom].waarde
            if waarde is None:
                if stukken[-1]:
                    stukken.append([])
                continue
            stukken[-1].append((x, waarde))
            hoogste = max(hoogste, waarde)
        stukken = [stuk for stuk in stukken if stuk] or [[]]
        for i, stuk in enumerate(stukken):
            reeks: QLineSeries | QScatterSeries
            if len(stuk) == 1:  # one known month between hidden ones: a dot, not a line
                reeks = QScatterSeries()
                reeks.setMarkerSize(7)
            else:
                reeks = QLineSeries()
            reeks.setName(naam if any(stukken[0]) else f"{naam} (elke maand <5)")
            reeks.setColor(QColor(kleur))
            for x, waarde in stuk:
                reeks.append(x, waarde)
            chart.addSeries(reeks)
            reeks.attachAxis(as_x)
            reeks.attachAxis(as_y)
            if i:  # one legend entry per line
                for marker in chart.legend().markers(reeks):
                    marker.setVisible(False)
    # Attaching a series rescales the axis to its data: set the range after the last one.
    as_y.setRange(0, max(5.0, hoogste * 1.05))
    as_y.applyNiceNumbers()
    return chart


def uitkomsten(tabel: Tabel) -> QChart:
    """For the instruments with most terugblikken: share afgerond, gestopt and still going.

    Instruments with a suppressed count are left out (a share would reveal it), and the
    title says so."""
    chart = _basis("Hoe liep het af? Instrumenten met de meeste terugblikken, alle aantallen ≥ 5")
    rijen = [r for r in tabel.rijen if all(c.waarde is not None for c in r[1:4])]
    rijen.sort(key=lambda r: -(r[1].waarde or 0))
    rijen = list(reversed(rijen[:MAX_INSTRUMENTEN]))  # the largest on top
    sets = []
    for naam, kleur in (("Afgerond", KLEUREN[2]), ("Gestopt", KLEUREN[3]),
                        ("Nog bezig of aangemeld", "#bfbfbf")):  # fmt: skip
        s = QBarSet(naam)
        s.setColor(QColor(kleur))
        sets.append(s)
    for r in rijen:
        totaal, af, gestopt = (r[1].waarde or 0), (r[2].waarde or 0), (r[3].waarde or 0)
        sets[0].append(af)
        sets[1].append(gestopt)
        sets[2].append(max(0.0, totaal - af - gestopt))
    reeks = QHorizontalPercentBarSeries()
    for s in sets:
        reeks.append(s)
    chart.addSeries(reeks)
    namen = QBarCategoryAxis()
    namen.append([_kort(r[0].tekst) for r in rijen])
    letter = namen.labelsFont()
    letter.setPointSizeF(max(7.0, letter.pointSizeF() * 0.85))
    namen.setLabelsFont(letter)
    chart.addAxis(namen, Qt.AlignmentFlag.AlignLeft)
    reeks.attachAxis(namen)
    procent = QValueAxis()
    procent.setLabelFormat("%d%%")
    chart.addAxis(procent, Qt.AlignmentFlag.AlignBottom)
    reeks.attachAxis(procent)
    procent.setRange(0, 100)
    return chart


def _kort(naam: str, tekens: int = 34) -> str:
    return naam if len(naam) <= tekens else naam[: tekens - 1] + "…"
