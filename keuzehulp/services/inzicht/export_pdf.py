"""The Inzicht figures as a landscape A4 PDF, laid out for a manager who reads it on paper.

Page 1 has the main figures (key figures as tiles) and use per month: its chart beside its
table. The cost follows as a chart above a table of months by gemeente (one row a month,
instead of one row a month and gemeente: the rows per gemeente stay in the Excel export).
Every other table follows without forced page breaks; a heading never stands alone at the
foot of a page (CondPageBreak), and long tables continue on the next page with their header.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from keuzehulp.services.inzicht.export import (
    WITTE_VLEK_UITLEG,
    kosten_per_maand,
    met_maanden,
    uitleg_van,
)
from keuzehulp.services.inzicht.onderdrukking import (
    LEEG,
    ONDERDRUKT_UITLEG,
    VERBORGEN,
    Cel,
    getal_nl,
)
from keuzehulp.services.inzicht.overzicht import Inzicht, Tabel
from keuzehulp.services.inzicht.voorbereid import maand_nl, om_de_zoveel
from keuzehulp.services.rapport.lettertype import lettertype
from keuzehulp.services.rapport.opmaak import ACCENT, LICHT, MAKER, TAAL

WIT = colors.HexColor("#fce4d6")
BREEDTE = landscape(A4)[0] - 3 * cm
NAAST_ELKAAR = 13  # at most this many months: use per month's chart beside its table
MAAND_PUNT = 6  # font size of the month names under a chart (points)
MAAND_RUIMTE = 6  # at least this much space between two month names (points)
KOP_RUIMTE = 4 * cm  # a heading needs this much room below it, else it starts a new page
# The order a manager reads in: time and money first, then where and how it went, then the
# catalogue's upkeep. A table not named here follows at the end.
VOLGORDE = (
    "gebruik_periode", "kosten", "gebruik_gemeente", "gebruik_route", "uitkomsten",
    "gebruik_instrument", "gebruik_kenmerk", "dekking", "dekking_gemeente", "overlap",
    "nooit_gekozen", "verouderd",
)  # fmt: skip


def _stijlen() -> dict[str, ParagraphStyle]:
    f = lettertype()
    tekst = ParagraphStyle("tekst", fontName=f.gewoon, fontSize=9, leading=12)
    return {
        "titel": ParagraphStyle("titel", parent=tekst, fontName=f.vet, fontSize=18, leading=22,
                                textColor=ACCENT, spaceAfter=6),
        "kop": ParagraphStyle("kop", parent=tekst, fontName=f.vet, fontSize=12, leading=15,
                              textColor=ACCENT, spaceBefore=12, spaceAfter=4, keepWithNext=True),
        "tekst": tekst,
        # Not kept with the table: a long table would leave half a page empty before it.
        # CondPageBreak (`_kop`) keeps a heading from standing alone instead.
        "uitleg": ParagraphStyle("uitleg", parent=tekst, spaceAfter=4),
        "leeg": ParagraphStyle("leeg", parent=tekst, textColor=colors.dimgrey),
        "let_op": ParagraphStyle("let_op", parent=tekst, textColor=colors.HexColor("#a4262c"),
                                 spaceBefore=2, spaceAfter=2),
        "cel": ParagraphStyle("cel", parent=tekst, fontSize=7.5, leading=9),
        "celvet": ParagraphStyle("celvet", parent=tekst, fontName=f.vet, fontSize=7.5, leading=9),
        "groot": ParagraphStyle("groot", parent=tekst, fontName=f.vet, fontSize=15, leading=18,
                                textColor=ACCENT),
        "middel": ParagraphStyle("middel", parent=tekst, fontName=f.vet, fontSize=11,
                                 leading=18, textColor=ACCENT),
        "klein": ParagraphStyle("klein", parent=tekst, fontSize=8, leading=10,
                                textColor=colors.HexColor("#404040")),
    }  # fmt: skip


def _staven(
    rijen: Sequence[Sequence[Cel]],
    reeksen: list[tuple[int, str, colors.Color]],
    breedte: float = BREEDTE,
    hoogte: float = 6 * cm,
) -> Drawing | None:
    """Bars per month (the rows' first cell, "jan 2026"), one series per
    (column, name, colour), in a drawing of `breedte` x `hoogte` points with the legend
    below; a hidden figure gets no bar (None), never a bar of 0, and a star under its
    month. None with fewer than two months."""
    if len(rijen) < 2:
        return None
    tekening = Drawing(breedte, hoogte)
    grafiek = VerticalBarChart()
    grafiek.x, grafiek.y = 48, 42
    grafiek.width, grafiek.height = breedte - 58, hoogte - grafiek.y - 8
    grafiek.data = [[r[k].waarde for r in rijen] for k, _, _ in reeksen]
    grafiek.categoryAxis.categoryNames = _maandnamen(rijen, reeksen, grafiek.width)
    grafiek.categoryAxis.labels.fontSize = MAAND_PUNT
    grafiek.categoryAxis.labels.fontName = lettertype().gewoon
    grafiek.valueAxis.labels.fontName = lettertype().gewoon
    grafiek.valueAxis.labels.fontSize = 7
    grafiek.valueAxis.valueMin = 0
    grafiek.valueAxis.labelTextFormat = lambda w: getal_nl(round(w))
    for j, (_, _, kleur) in enumerate(reeksen):
        grafiek.bars[j].fillColor = kleur
    tekening.add(grafiek)
    if len(reeksen) > 1:  # one series: the heading says what it is
        legenda = Legend()
        legenda.x, legenda.y = 48, 16  # its top: the swatches hang below
        legenda.columnMaximum = 1  # side by side
        legenda.deltax = 90
        legenda.fontName = lettertype().gewoon
        legenda.fontSize = 8
        legenda.colorNamePairs = [(kleur, naam) for _, naam, kleur in reeksen]
        tekening.add(legenda)
    return tekening


def _maandnamen(
    rijen: Sequence[Sequence[Cel]], reeksen: list[tuple[int, str, colors.Color]], breedte: float
) -> list[str]:
    """The month under each bar, "dec 2025" as in the tables ("*" after it when a bar of
    that month is hidden). When the names would touch in `breedte` points, only every
    second or third month keeps its name (a hidden month keeps at least its "*")."""
    namen = [maand_nl(r[0].tekst) or r[0].tekst for r in rijen]
    breedst = max(stringWidth(n, lettertype().gewoon, MAAND_PUNT) for n in namen)
    stap = math.ceil((breedst + MAAND_RUIMTE) / (breedte / len(rijen)))
    sterren = ["*" if any(r[k].is_onderdrukt for k, _, _ in reeksen) else "" for r in rijen]
    return [n + ster for n, ster in zip(om_de_zoveel(namen, stap), sterren, strict=True)]


def _ster(
    rijen: Sequence[Sequence[Cel]], kolommen: list[int], s: dict[str, ParagraphStyle]
) -> list[object]:
    """The line under a chart when a month has a hidden bar, else nothing."""
    if any(r[k].is_onderdrukt for r in rijen for k in kolommen):
        return [Paragraph(f"* In die maand is een staaf {VERBORGEN}: te weinig gesprekken om te "
                          "tonen.", s["klein"])]  # fmt: skip
    return []


def _kop(t: Tabel, s: dict[str, ParagraphStyle], ruimte: float = KOP_RUIMTE) -> list[object]:
    """A table's heading and explanation, on a new page when less than `ruimte` points are
    left on this one (room for the first rows, or a chart, under the heading)."""
    return [
        CondPageBreak(ruimte),
        Paragraph(escape(t.titel), s["kop"]),
        Paragraph(escape(uitleg_van(t)), s["uitleg"]),
    ]


def _inhoud(t: Tabel, s: dict[str, ParagraphStyle], breedte: float = BREEDTE) -> object:
    return _tabel(t, s, breedte) if t.rijen else Paragraph(escape(t.leeg), s["leeg"])


def _gebruik_per_maand(t: Tabel, s: dict[str, ParagraphStyle]) -> list[object]:
    """Use per month: the chart of gesprekken and choices (last 24 months) beside the
    table, or above it when the table is too long to stand beside a chart."""
    licht = colors.HexColor("#7fa7cf")
    reeksen = [(1, "Gesprekken", ACCENT), (3, "Met keuze", licht)]
    rijen = list(t.rijen[-24:])
    naast = len(t.rijen) <= NAAST_ELKAAR
    links = BREEDTE * 0.42
    tekening = _staven(rijen, reeksen, links - 0.4 * cm if naast else BREEDTE, 6 * cm)
    if tekening is None:
        return [*_kop(t, s), _inhoud(t, s)]
    grafiek = [Paragraph("Gesprekken en keuzes per maand", s["tekst"]), tekening,
               *_ster(rijen, [1, 3], s)]  # fmt: skip
    if not naast:
        return [*_kop(t, s, 9 * cm), KeepTogether(grafiek), _inhoud(t, s)]
    samen = Table([[grafiek, _tabel(t, s, BREEDTE - links)]], colWidths=[links, BREEDTE - links],
                  style=[("VALIGN", (0, 0), (-1, -1), "TOP"),
                         ("LEFTPADDING", (0, 0), (-1, -1), 0),
                         ("RIGHTPADDING", (0, 0), (-1, -1), 0)])  # fmt: skip
    return [*_kop(t, s, 9 * cm), samen]


def _kosten(t: Tabel, s: dict[str, ParagraphStyle]) -> list[object]:
    """The cost: the chart of the month totals (last 24 months) above the months table."""
    tabel = kosten_per_maand(t)
    rijen = [(r[0], r[-2]) for r in tabel.rijen][-24:]
    tekening = _staven(rijen, [(1, "Kosten", ACCENT)], BREEDTE, 5.5 * cm)
    if tekening is None:
        return [*_kop(tabel, s), _inhoud(tabel, s)]
    grafiek = [Paragraph("Kosten van de keuzes per maand (euro, alle gemeenten)", s["tekst"]),
               tekening, *_ster(rijen, [1], s)]  # fmt: skip
    return [*_kop(tabel, s, 11 * cm), KeepTogether(grafiek), Spacer(1, 4), _inhoud(tabel, s)]


def _tegels(inzicht: Inzicht, s: dict[str, ParagraphStyle]) -> Table:
    """The key figures as tiles, five in a row: the figure large, its name below."""
    per_rij = 5
    # Words ("nog niet te zeggen") smaller than a figure, so that they fit on one line.
    cellen = [[Paragraph(escape(c.tekst), s["groot" if c.waarde is not None else "middel"]),
               Paragraph(escape(naam), s["klein"])]
              for naam, c in inzicht.kerncijfers]  # fmt: skip
    rijen = [cellen[i : i + per_rij] for i in range(0, len(cellen), per_rij)]
    rijen[-1] += [[Spacer(1, 1)]] * (per_rij - len(rijen[-1]))
    stijl = [
        ("BACKGROUND", (0, 0), (-1, -1), LICHT),
        ("GRID", (0, 0), (-1, -1), 4, colors.white),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    leeg = per_rij - len(cellen) % per_rij
    if leeg < per_rij:
        stijl.append(("BACKGROUND", (per_rij - leeg, len(rijen) - 1), (-1, -1), colors.white))
    return Table(rijen, colWidths=[BREEDTE / per_rij] * per_rij, style=stijl, hAlign="LEFT")


def _tabel(t: Tabel, s: dict[str, ParagraphStyle], breedte: float = BREEDTE) -> Table:
    """A table `breedte` points wide; the header repeats on every page it runs over."""
    kolommen = len(t.kolommen)
    # Many columns (outcomes: 11) need the room more than long names do; a month is short.
    if t.sleutel in ("gebruik_periode", "kosten"):
        eerste = 2 * cm
    elif kolommen > 2:
        eerste = 6.5 * cm if kolommen > 8 else min(9 * cm, breedte * 0.4)
    else:
        eerste = breedte * 0.6
    # The other columns share the rest by their longest text: "7,6 (enquête 2021)" gets
    # more room than "12".
    lengtes = [
        max(9, *(len(r[j].tekst) for r in t.rijen), *(len(w) + 2 for w in t.kolommen[j].split()))
        for j in range(1, kolommen)
    ]
    breedtes = [(breedte - eerste) * n / max(1, sum(lengtes)) for n in lengtes]
    data = [[Paragraph(escape(k), s["celvet"]) for k in t.kolommen]]
    stijl = [
        ("BACKGROUND", (0, 0), (-1, 0), LICHT),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.lightgrey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("FONTNAME", (0, 0), (-1, -1), lettertype().gewoon),
        ("FONTSIZE", (0, 0), (-1, -1), 7.5),
    ]
    for i, rij in enumerate(t.rijen, start=1):
        data.append([Paragraph(escape(rij[0].tekst), s["cel"]), *(c.tekst for c in rij[1:])])
        stijl += [("BACKGROUND", (j, i), (j, i), WIT) for j, c in enumerate(rij) if c.wit]
        # Words (a gemeente, a name) left, figures right.
        stijl += [
            ("ALIGN", (j, i), (j, i), "LEFT")
            for j, c in enumerate(rij)
            if j
            and c.waarde is None
            and not c.is_onderdrukt
            and c.tekst != LEEG
            and not c.tekst.startswith("€")
        ]
        if rij[0].vet:
            data[-1][0] = Paragraph(escape(rij[0].tekst), s["celvet"])
            stijl.append(("FONTNAME", (1, i), (-1, i), lettertype().vet))
        stijl += [
            ("TEXTCOLOR", (j, i), (j, i), colors.grey)
            for j, c in enumerate(rij)
            if c.tekst == VERBORGEN
        ]
    tabel = Table(data, colWidths=[eerste, *breedtes], repeatRows=1)
    tabel.setStyle(TableStyle(stijl))
    return tabel


def _voet(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    """Every page: what it is and the page number, so a printed page is never anonymous."""
    canvas.saveState()
    canvas.setFont(lettertype().gewoon, 7.5)
    canvas.setFillColor(colors.grey)
    canvas.drawString(doc.leftMargin, 0.8 * cm, f"Inzicht keuzehulp · {doc.subject}")
    canvas.drawRightString(
        doc.pagesize[0] - doc.rightMargin, 0.8 * cm, f"pagina {canvas.getPageNumber()}"
    )
    canvas.restoreState()


def pdf_bytes(inzicht: Inzicht, melding: str = "") -> bytes:
    """The whole Inzicht as PDF bytes (DejaVu Sans, Dutch, document language nl-NL); a
    `melding` (fictional data) stands in red under the title. Layout: see the module."""
    s = _stijlen()
    uit = io.BytesIO()
    doc = SimpleDocTemplate(
        uit, pagesize=landscape(A4), leftMargin=1.5 * cm, rightMargin=1.5 * cm,
        topMargin=1.2 * cm, bottomMargin=1.5 * cm, title="Inzicht keuzehulp",
        author=MAKER, subject=inzicht.filter.omschrijving(), lang=TAAL,
    )  # fmt: skip
    delen: list[object] = [
        Paragraph("Inzicht keuzehulp", s["titel"]),
        Paragraph(
            escape(f"Gesprekken: {inzicht.filter.omschrijving()}. Gemaakt op "
                   f"{inzicht.gemaakt_op.astimezone():%d-%m-%Y %H:%M}."), s["tekst"]),
        *([Paragraph(f"<b>{escape(melding)}</b>", s["let_op"])] if melding else []),
        Spacer(1, 6),
        _tegels(inzicht, s),
        Spacer(1, 4),
        Paragraph(escape(f"{WITTE_VLEK_UITLEG} {ONDERDRUKT_UITLEG}"), s["klein"]),
    ]  # fmt: skip
    volgorde = sorted(
        inzicht.tabellen.values(),
        key=lambda t: VOLGORDE.index(t.sleutel) if t.sleutel in VOLGORDE else len(VOLGORDE),
    )
    for t in map(met_maanden, volgorde):
        if t.sleutel == "gebruik_periode":
            delen += _gebruik_per_maand(t, s)
        elif t.sleutel == "kosten" and t.rijen:
            delen += _kosten(t, s)
        else:
            delen += [*_kop(t, s), _inhoud(t, s)]
    doc.build(delen, onFirstPage=_voet, onLaterPages=_voet)
    return uit.getvalue()
