"""Shared PDF layout: styles in large readable type, escaping, tables and the page footer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from keuzehulp.services.rapport.lettertype import lettertype

PAGINA = A4
MARGE = 2 * cm
BREEDTE = PAGINA[0] - 2 * MARGE
BOVEN, ONDER = 1.8 * cm, 2 * cm  # the page's top and bottom margins
HOOGTE = PAGINA[1] - BOVEN - ONDER - 12  # of the page's one frame (6 pt padding each side)
ACCENT = colors.HexColor("#1f4e79")
LICHT = colors.HexColor("#eaf1f8")
TAAL = "nl-NL"  # the document language (EN 301 549 clause 10, PDF/UA)
MAKER = "Keuzehulp"


@dataclass(frozen=True, slots=True)
class Stijlen:
    titel: ParagraphStyle
    kop: ParagraphStyle
    tekst: ParagraphStyle
    vet: ParagraphStyle
    klein: ParagraphStyle


def stijlen(romp: float) -> Stijlen:
    """Styles for a body size in points (the client PDF uses at least 13)."""
    f = lettertype()
    tekst = ParagraphStyle(
        "tekst", fontName=f.gewoon, fontSize=romp, leading=romp * 1.4, spaceAfter=romp * 0.4
    )
    return Stijlen(
        titel=ParagraphStyle(
            "titel", parent=tekst, fontName=f.vet, fontSize=romp * 1.85,
            leading=romp * 2.2, textColor=ACCENT, spaceAfter=romp * 0.5,
        ),
        kop=ParagraphStyle(
            "kop", parent=tekst, fontName=f.vet, fontSize=romp * 1.3, leading=romp * 1.7,
            textColor=ACCENT, spaceBefore=romp * 1.1, spaceAfter=romp * 0.4, keepWithNext=True,
        ),
        tekst=tekst,
        vet=ParagraphStyle("vet", parent=tekst, fontName=f.vet),
        klein=ParagraphStyle(
            "klein", parent=tekst, fontSize=romp * 0.8, leading=romp * 1.1, textColor=colors.grey
        ),
    )  # fmt: skip


def p(tekst: str | None, stijl: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: escaped, line breaks kept."""
    return Paragraph(escape(tekst or "").replace("\n", "<br/>"), stijl)


def vraag_tabel(rijen: Sequence[tuple[str, str]], s: Stijlen, *, kolom: float = 5.6 * cm) -> Table:
    """Two columns: the client's question in bold, the answer beside it."""
    tabel = Table(
        [[p(v, s.vet), p(a, s.tekst)] for v, a in rijen],
        colWidths=[kolom, BREEDTE - kolom],
        hAlign="LEFT",
    )
    tabel.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.lightgrey),
                ("BACKGROUND", (0, 0), (0, -1), LICHT),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return tabel


def kop_met_tabel(
    kop: Flowable | Sequence[Flowable],
    rijen: Sequence[tuple[str, str]],
    s: Stijlen,
    *,
    vast: int = 3,
    heel: bool = False,
) -> list[Flowable]:
    """A heading (or a section heading and a heading) kept together with only the first
    `vast` rows of its table (three: a heading with a single row at a page's foot read as an
    empty option; a section heading alone at a page's foot reads as an empty section).

    Keeping a heading with a whole long table moves both to the next page and leaves the
    page before mostly empty; two tables with the same columns read as one. With `heel`
    (the client's chosen option: read as one whole) heading and table are kept together
    when they fit on one page (HOOGTE); a taller table is split as above."""
    koppen = [kop] if isinstance(kop, Flowable) else list(kop)
    if heel:
        alles = [*koppen, vraag_tabel(rijen, s)]
        if _hoogte(alles) <= HOOGTE:
            return [KeepTogether(alles)]
    if len(rijen) <= vast:
        return [KeepTogether([*koppen, vraag_tabel(rijen, s)])]
    return [KeepTogether([*koppen, vraag_tabel(rijen[:vast], s)]), vraag_tabel(rijen[vast:], s)]


def _hoogte(delen: Sequence[Flowable]) -> float:
    """The height in points of flowables one under the other at the page's width, with the
    space before and after each (an upper bound: reportlab drops it at a page's top)."""
    hoogte: float = 0.0
    for f in delen:
        hoogte += f.wrap(BREEDTE, HOOGTE)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return hoogte


def kader(regels: Sequence[tuple[str, ParagraphStyle]]) -> Table:
    """Lines of text in a light box, e.g. how to reach the coach."""
    tabel = Table([[[p(t, stijl) for t, stijl in regels]]], colWidths=[BREEDTE], hAlign="LEFT")
    tabel.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), LICHT),
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return tabel


def document(uit: BinaryIO, *, titel: str, auteur: str, onderwerp: str) -> SimpleDocTemplate:
    """An A4 document with accessible metadata: title shown by the viewer, language nl-NL,
    and an author we choose (never the operating-system user)."""
    return SimpleDocTemplate(
        uit, pagesize=PAGINA, leftMargin=MARGE, rightMargin=MARGE,
        topMargin=BOVEN, bottomMargin=ONDER, title=titel, author=auteur,
        subject=onderwerp, creator=MAKER, producer=MAKER, lang=TAAL, displayDocTitle=True,
    )  # fmt: skip


def lijnen(aantal: int, hoogte: float = 1.1 * cm) -> Flowable:
    """Empty ruled lines to write on."""
    tabel = Table([[""]] * aantal, colWidths=[BREEDTE], rowHeights=[hoogte] * aantal)
    tabel.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, colors.grey)]))
    return tabel


def voettekst(tekst: str, romp: float) -> Callable[[Canvas, object], None]:
    """A page footer with the text and the page number."""

    def teken(canvas: Canvas, doc: object) -> None:
        canvas.saveState()
        canvas.setFont(lettertype().gewoon, romp * 0.75)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGE, 1.1 * cm, tekst)
        canvas.drawRightString(PAGINA[0] - MARGE, 1.1 * cm, f"bladzijde {canvas.getPageNumber()}")
        canvas.restoreState()

    return teken
