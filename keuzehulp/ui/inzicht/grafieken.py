"""Charts where a person would rather look than read: use and cost over time, outcomes."""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalPercentBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QStackedWidget

from keuzehulp.services.inzicht.kosten import TOTAAL
from keuzehulp.services.inzicht.onderdrukking import VERBORGEN, Cel
from keuzehulp.services.inzicht.overzicht import Tabel
from keuzehulp.services.inzicht.voorbereid import om_de_zoveel

KLEUREN = ("#1f4e79", "#5b9bd5", "#70ad47", "#c55a11")
VERBORGEN_KLEUR = "#c8c8c8"
MAX_INSTRUMENTEN = 8


class GrafiekPaneel(QStackedWidget):
    """A chart, or in its place a sentence why there is nothing to draw and what to do."""

    def __init__(self, naam: str) -> None:
        super().__init__()
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(naam)
        self.view.setMinimumHeight(220)
        self.leeg = QLabel()
        self.leeg.setWordWrap(True)
        self.leeg.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.leeg.setAccessibleName(f"{naam}: leeg")
        self.leeg.setStyleSheet("color: #505050; padding: 24px")
        self.addWidget(self.view)
        self.addWidget(self.leeg)

    def toon(self, grafiek: QChart | str) -> None:
        if isinstance(grafiek, str):
            self.leeg.setText(grafiek)
            self.setCurrentWidget(self.leeg)
            return
        self.view.setChart(grafiek)
        self.setCurrentWidget(self.view)

    def chart(self) -> QChart:
        return self.view.chart()


def _basis(titel: str) -> QChart:
    chart = QChart()
    chart.setTitle(titel)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def gebruik_per_maand(tabel: Tabel) -> QChart | str:
    """Lines per month: gesprekken, with a choice, afgerond, gestopt. A hidden month has no
    point, so a line breaks there instead of showing a made-up number. Without months: why."""
    if not tabel.rijen:
        return tabel.leeg
    rijen = tabel.rijen[-24:]  # at most the 24 months drawn
    # Afgerond and gestopt come from terugblikken weeks later: the last months look low
    # while their trajectories are still running, and a manager should not read a decline.
    titel = "Gesprekken per maand. Afgerond en gestopt tellen pas na de terugblik: de laatste "
    titel += "maanden lopen nog."
    if any(c.waarde is None for r in rijen for c in (r[1], r[3], r[5], r[6])):
        titel += " Een onderbroken lijn: die maand is verborgen."
    chart = _basis(titel)
    as_x = _maand_as(rijen)
    as_y = QValueAxis()
    as_y.setLabelFormat("%d")
    chart.addAxis(as_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(as_y, Qt.AlignmentFlag.AlignLeft)
    hoogste = 0.0
    lijnen = ((1, "Gesprekken"), (3, "Met keuze"), (5, "Afgerond"), (6, "Gestopt"))
    for (kolom, naam), kleur in zip(lijnen, KLEUREN, strict=True):
        # Consecutive known months form one segment; a hidden month ends it, so no
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
            reeks.setName(naam if any(stukken[0]) else f"{naam} (elke maand {VERBORGEN})")
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
    as_x.setRange(-0.5, len(rijen) - 0.5)
    as_y.setRange(0, max(5.0, hoogste * 1.05))
    as_y.applyNiceNumbers()
    return chart


def _maand_as(rijen: Sequence[tuple[Cel, ...]]) -> QCategoryAxis:
    """The months of the rows under a chart (row i at x = i), always "dec 2025", as every
    table says it. More than 12 would collide: then every second month keeps its name
    (`om_de_zoveel`), the newest always. A QCategoryAxis with each name on its month: a
    QBarCategoryAxis hides a name at the edge wider than its slot, so the newest month
    went missing. Call setRange(-0.5, n - 0.5) after attaching the series."""
    as_x = QCategoryAxis()
    as_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    as_x.setTruncateLabels(False)  # never "…" for a month (see `uitkomsten`)
    as_x.setStartValue(-0.5)
    namen = om_de_zoveel([r[0].tekst for r in rijen], 1 if len(rijen) <= 12 else 2)
    for i, naam in enumerate(namen):
        if naam:
            as_x.append(naam, i)
    as_x.setRange(-0.5, len(rijen) - 0.5)
    return as_x


def kosten_per_maand(tabel: Tabel) -> QChart | str:
    """Bars: the committed cost of every month (the table's 'Totaal' rows), in euros. A
    hidden month gets no bar and is named in the title, never a made-up height. Without
    rows: the table's sentence why."""
    rijen = [r for r in tabel.rijen if r[1].tekst == TOTAAL][-24:]
    if not rijen:
        return tabel.leeg
    verborgen = [r[0].tekst for r in rijen if r[4].waarde is None]
    titel = "Kosten van de keuzes per maand (alle gemeenten samen)"
    if verborgen:
        titel += f". Verborgen, te weinig gesprekken: {', '.join(verborgen)}"
    chart = _basis(titel)
    chart.legend().setVisible(False)
    staven = QBarSet("Kosten")
    staven.setColor(QColor(KLEUREN[0]))
    for r in rijen:
        staven.append(r[4].waarde or 0.0)
    reeks = QBarSeries()
    reeks.append(staven)
    reeks.setBarWidth(0.7)
    chart.addSeries(reeks)
    as_x = _maand_as(rijen)
    as_x.setGridLineVisible(False)  # its lines stand on the months: through the bars
    chart.addAxis(as_x, Qt.AlignmentFlag.AlignBottom)
    reeks.attachAxis(as_x)
    as_x.setRange(-0.5, len(rijen) - 0.5)  # after attaching, which rescales the axis
    # Our own labels, written the Dutch way ("€ 25.000"): QValueAxis formats with printf,
    # which has no thousands separator, and a "€" in its format comes out as "?".
    as_y = QCategoryAxis()
    as_y.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    stappen = euro_stappen(max((r[4].waarde or 0.0 for r in rijen), default=0.0))
    as_y.setStartValue(0)
    for waarde in stappen:
        as_y.append(euro_label(waarde), waarde)
    chart.addAxis(as_y, Qt.AlignmentFlag.AlignLeft)
    reeks.attachAxis(as_y)
    as_y.setRange(0, stappen[-1])  # after attaching: that rescales the axis to the data
    return chart


def euro_stappen(hoogste: float, hoogstens: int = 6) -> list[float]:
    """Axis values in euros from 0 up to at least `hoogste`: at most `hoogstens` equal steps
    of 1, 2, 2.5 or 5 times a power of ten, at least 100 in all. 0 -> [0, 20, ..., 100];
    93,400 -> [0, 20000, ..., 100000]."""
    top = max(100.0, hoogste)
    macht = 10.0 ** math.floor(math.log10(top / hoogstens))
    stap = next(f * macht for f in (1.0, 2.0, 2.5, 5.0, 10.0) if f * macht * hoogstens >= top)
    aantal = math.ceil(top / stap - 1e-9)
    return [i * stap for i in range(aantal + 1)]


def euro_label(euro: float) -> str:
    """'€ 0', '€ 2.500', '€ 1.250.000', '€ 12,50': Dutch, thousands with a dot."""
    if float(euro).is_integer():
        return "€ " + f"{int(euro):,}".replace(",", ".")
    return "€ " + f"{euro:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _zichtbaar(rij: tuple[Cel, ...]) -> bool:
    """Whether a bar of `uitkomsten` shows anything besides grey (see `_delen`)."""
    return sum(_delen(rij[1].waarde, rij[2].waarde, rij[3].waarde)[:3]) > 0


def uitkomsten(tabel: Tabel) -> QChart | str:
    """For the instruments with most terugblikken: share afgerond, gestopt and still going.

    Nothing is left out silently: a hidden count shows as a grey part "verborgen" (with a
    hidden total the whole bar is grey), so the chart never looks complete when it is not.
    Without terugblikken: the table's sentence why."""
    if not tabel.rijen:
        return tabel.leeg
    zichtbaar = [r for r in tabel.rijen if _zichtbaar(r)]
    grijs = len(tabel.rijen) - len(zichtbaar)
    if not zichtbaar:
        return (
            f"Bij alle {len(tabel.rijen)} instrumenten met een terugblik gaat het om minder "
            "dan 5 gesprekken: die cijfers zijn verborgen. Kies een langere periode of alle "
            "gemeenten."
        )
    # The MAX_INSTRUMENTEN largest in one pass (the table may hold 10,000 instruments);
    # like a stable sort on the count, ties keep the table's order. A bar that would be
    # all grey (every part hidden) says nothing: it makes room for one that does.
    rijen = heapq.nlargest(MAX_INSTRUMENTEN, zichtbaar, key=lambda r: r[1].waarde or 0)
    titel = "Hoe liep het af? Per instrument, van de gesprekken met een terugblik"
    if len(zichtbaar) > MAX_INSTRUMENTEN:
        titel = (
            f"Hoe liep het af? De {MAX_INSTRUMENTEN} instrumenten met de meeste terugblikken "
            f"(alle {len(tabel.rijen)} staan in de tabel)"
        )
    if grijs:
        titel += (
            f". {grijs} {'instrument' if grijs == 1 else 'instrumenten'} met alleen verborgen "
            "cijfers niet getoond."
        )
    chart = _basis(titel)
    rijen = list(reversed(rijen))  # the largest on top
    sets = []
    for naam, kleur in (("Afgerond", KLEUREN[2]), ("Gestopt", KLEUREN[3]),
                        ("Nog bezig of aangemeld", "#9dc3e6"),
                        ("Verborgen (te weinig gesprekken)", VERBORGEN_KLEUR)):  # fmt: skip
        s = QBarSet(naam)
        s.setColor(QColor(kleur))
        s.setBorderColor(QColor("#ffffff"))
        sets.append(s)
    for r in rijen:
        for s, waarde in zip(sets, _delen(r[1].waarde, r[2].waarde, r[3].waarde), strict=True):
            s.append(waarde)
    reeks = QHorizontalPercentBarSeries()
    for s in sets:
        reeks.append(s)
    chart.addSeries(reeks)
    namen = QBarCategoryAxis()
    namen.append([_kort(r[0].tekst) for r in rijen])
    letter = namen.labelsFont()
    letter.setPointSizeF(max(8.0, letter.pointSizeF() * 0.9))
    namen.setLabelsFont(letter)
    # The names are already cut to 44 characters (_kort). Qt's own cutting, once done in a
    # first layout at a small height, stayed "…" after the chart grew (main window).
    namen.setTruncateLabels(False)
    chart.addAxis(namen, Qt.AlignmentFlag.AlignLeft)
    reeks.attachAxis(namen)
    procent = QValueAxis()
    procent.setLabelFormat("%d%%")
    chart.addAxis(procent, Qt.AlignmentFlag.AlignBottom)
    reeks.attachAxis(procent)
    procent.setRange(0, 100)
    return chart


def _delen(
    totaal: float | None, afgerond: float | None, gestopt: float | None
) -> tuple[float, float, float, float]:
    """(afgerond, gestopt, still going, hidden) of one bar; what is hidden stays grey. With
    a hidden total the whole bar is grey; with a hidden part, "still going" (total minus
    the parts) would give it away, so it joins the grey part."""
    if totaal is None:
        return 0.0, 0.0, 0.0, 1.0
    af, gs = afgerond or 0.0, gestopt or 0.0
    if afgerond is None or gestopt is None:
        return af, gs, 0.0, max(0.0, totaal - af - gs)
    return af, gs, max(0.0, totaal - af - gs), 0.0


def _kort(naam: str, tekens: int = 44) -> str:
    return naam if len(naam) <= tekens else naam[: tekens - 1] + "…"
