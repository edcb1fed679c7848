"""The Inzicht figures as a landscape A4 PDF: key figures, a chart of use per month, tables."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from keuzehulp.services.inzicht.export import WITTE_VLEK_UITLEG, met_maanden, uitleg_van
from keuzehulp.services.inzicht.kosten import TOTAAL
from keuzehulp.services.inzicht.onderdrukking import (
    LEEG,
    ONDERDRUKT_UITLEG,
    VERBORGEN,
    Cel,
    getal_nl,
)
from keuzehulp.services.inzicht.overzicht import Inzicht, Tabel
from keuzehulp.services.inzicht.voorbereid import maand_nl
from keuzehulp.services.rapport.lettertype import lettertype
from keuzehulp.services.rapport.opmaak import ACCENT, LICHT, MAKER, TAAL

WIT = colors.HexColor("#fce4d6")
BREEDTE = landscape(A4)[0] - 3 * cm


def _stijlen() -> dict[str, ParagraphStyle]:
    f = lettertype()
    tekst = ParagraphStyle("tekst", fontName=f.gewoon, fontSize=9, leading=12)
    return {
        "titel": ParagraphStyle("titel", parent=tekst, fontName=f.vet, fontSize=18, leading=22,
                                textColor=ACCENT, spaceAfter=6),
        "kop": ParagraphStyle("kop", parent=tekst, fontName=f.vet, fontSize=12, leading=15,
                              textColor=ACCENT, spaceBefore=12, spaceAfter=4, keepWithNext=True),
        "tekst": tekst,
        # A table's explanation stays with the table's first rows (no orphaned heading).
        "uitleg": ParagraphStyle("uitleg", parent=tekst, keepWithNext=True, spaceAfter=4),
        "leeg": ParagraphStyle("leeg", parent=tekst, textColor=colors.dimgrey),
        "let_op": ParagraphStyle("let_op", parent=tekst, textColor=colors.HexColor("#a4262c"),
                                 spaceBefore=2, spaceAfter=2),
        "cel": ParagraphStyle("cel", parent=tekst, fontSize=7.5, leading=9),
        "celvet": ParagraphStyle("celvet", parent=tekst, fontName=f.vet, fontSize=7.5, leading=9),
    }  # fmt: skip


def _verborgen(rij: tuple[Cel, ...]) -> bool:
    return rij[1].is_onderdrukt or rij[3].is_onderdrukt


def _staven(
    rijen: list[tuple[Cel, ...]], reeksen: list[tuple[int, str, colors.Color]]
) -> Drawing | None:
    """Bars per month (the rows' first cell, "jan 2026" as "jan '26"), one series per
    (column, name, colour); a hidden figure gets no bar (None), never a bar of 0, and a star
    under its month. None with fewer than two months."""
    if len(rijen) < 2:
        return None
    tekening = Drawing(BREEDTE, 6 * cm)
    grafiek = VerticalBarChart()
    grafiek.x, grafiek.y, grafiek.width, grafiek.height = 45, 30, BREEDTE - 175, 5 * cm - 30
    grafiek.data = [[r[k].waarde for r in rijen] for k, _, _ in reeksen]
    grafiek.categoryAxis.categoryNames = [
        f"{maand_nl(r[0].tekst, kort=True) or r[0].tekst}"
        f"{'*' if any(r[k].is_onderdrukt for k, _, _ in reeksen) else ''}"
        for r in rijen
    ]
    grafiek.categoryAxis.labels.fontSize = 6
    grafiek.categoryAxis.labels.fontName = lettertype().gewoon
    grafiek.valueAxis.labels.fontName = lettertype().gewoon
    grafiek.valueAxis.labels.fontSize = 7
    grafiek.valueAxis.valueMin = 0
    grafiek.valueAxis.labelTextFormat = lambda w: getal_nl(round(w))
    for j, (_, _, kleur) in enumerate(reeksen):
        grafiek.bars[j].fillColor = kleur
    tekening.add(grafiek)
    legenda = Legend()
    legenda.x, legenda.y = BREEDTE - 120, 5 * cm - 10
    legenda.fontName = lettertype().gewoon
    legenda.fontSize = 8
    legenda.colorNamePairs = [(kleur, naam) for _, naam, kleur in reeksen]
    tekening.add(legenda)
    return tekening


def _grafieken(inzicht: Inzicht, s: dict[str, ParagraphStyle]) -> dict[str, list[object]]:
    """Per table key, the charts to put before it: use per month (gesprekken and choices)
    and the committed cost per month (all gemeenten), each for the last 24 months, with a
    line under it when a month has a hidden bar."""
    per_maand = list(inzicht.tabellen["gebruik_periode"].rijen[-24:])
    kosten = [r for r in inzicht.tabellen["kosten"].rijen if r[1].tekst == TOTAAL][-24:]
    # Month and cost (euros) of each month's total row.
    kosten_rijen: list[tuple[Cel, ...]] = [(r[0], r[4]) for r in kosten]
    licht = colors.HexColor("#7fa7cf")
    uit: dict[str, list[object]] = {}
    for sleutel, titel, rijen, reeksen in (
        ("gebruik_periode", "Gesprekken per maand", per_maand,
         [(1, "Gesprekken", ACCENT), (3, "Met keuze", licht)]),
        ("kosten", "Kosten van de keuzes per maand (euro, alle gemeenten)", kosten_rijen,
         [(1, "Kosten", ACCENT)]),
    ):  # fmt: skip
        tekening = _staven(rijen, reeksen)
        if tekening is None:
            continue
        delen: list[object] = [Paragraph(titel, s["kop"]), tekening]
        if any(r[k].is_onderdrukt for r in rijen for k, _, _ in reeksen):
            delen.append(
                Paragraph(
                    f"* In die maand is een staaf {VERBORGEN}: te weinig gesprekken om te tonen.",
                    s["tekst"],
                )
            )
        uit[sleutel] = delen
    return uit


def _tabel(t: Tabel, s: dict[str, ParagraphStyle]) -> Table:
    kolommen = len(t.kolommen)
    # Many columns (outcomes: 11) need the room more than long names do.
    eerste = (
        (6.5 * cm if kolommen > 8 else min(9 * cm, BREEDTE * 0.4))
        if kolommen > 2
        else BREEDTE * 0.6
    )
    # The other columns share the rest by their longest text: "7,6 (enquête 2021)" gets
    # more room than "12".
    lengtes = [
        max(9, *(len(r[j].tekst) for r in t.rijen), *(len(w) + 2 for w in t.kolommen[j].split()))
        for j in range(1, kolommen)
    ]
    breedtes = [(BREEDTE - eerste) * n / max(1, sum(lengtes)) for n in lengtes]
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
    `melding` (fictional data) stands in red under the title."""
    s = _stijlen()
    uit = io.BytesIO()
    doc = SimpleDocTemplate(
        uit, pagesize=landscape(A4), leftMargin=1.5 * cm, rightMargin=1.5 * cm,
        topMargin=1.5 * cm, bottomMargin=1.5 * cm, title="Inzicht keuzehulp",
        author=MAKER, subject=inzicht.filter.omschrijving(), lang=TAAL,
    )  # fmt: skip
    delen: list[object] = [
        Paragraph("Inzicht keuzehulp", s["titel"]),
        Paragraph(
            escape(f"Gesprekken: {inzicht.filter.omschrijving()}. Gemaakt op "
                   f"{inzicht.gemaakt_op.astimezone():%d-%m-%Y %H:%M}."), s["tekst"]),
        *([Paragraph(f"<b>{escape(melding)}</b>", s["let_op"])] if melding else []),
        Paragraph(escape(ONDERDRUKT_UITLEG), s["tekst"]),
        Spacer(1, 6),
        Table([[n, c.tekst] for n, c in inzicht.kerncijfers], colWidths=[7 * cm, 5 * cm],
              style=[("FONTNAME", (0, 0), (-1, -1), lettertype().gewoon),
                     ("FONTSIZE", (0, 0), (-1, -1), 9), ("ALIGN", (1, 0), (1, -1), "RIGHT")],
              hAlign="LEFT"),
        Spacer(1, 4),
        Paragraph(escape(WITTE_VLEK_UITLEG), s["tekst"]),
    ]  # fmt: skip
    grafieken = _grafieken(inzicht, s)
    for t in map(met_maanden, inzicht.tabellen.values()):
        delen += grafieken.get(t.sleutel, [])
        delen += [
            Paragraph(escape(t.titel), s["kop"]),
            Paragraph(escape(uitleg_van(t)), s["uitleg"]),
        ]
        delen.append(_tabel(t, s) if t.rijen else Paragraph(escape(t.leeg), s["leeg"]))
    doc.build(delen, onFirstPage=_voet, onLaterPages=_voet)
    return uit.getvalue()
