"""The PDF font: DejaVu Sans (all Dutch glyphs, €, ë), with Helvetica as a logged fallback."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

ENV_FONTMAP = "KEUZEHULP_FONTMAP"
FONT_MAPPEN: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)


@dataclass(frozen=True, slots=True)
class Lettertype:
    gewoon: str
    vet: str
    ingebed: bool  # False: the Helvetica fallback (no € in every viewer, limited glyphs)


def _zoek(bestand: str) -> Path | None:
    mappen = list(FONT_MAPPEN)
    eigen = os.environ.get(ENV_FONTMAP)
    if eigen:
        mappen.insert(0, Path(eigen))
    for map_ in mappen:
        pad = map_ / bestand
        if pad.is_file():
            return pad
    return None


@cache
def lettertype() -> Lettertype:
    """Register DejaVu Sans once per process; fall back to Helvetica with a warning."""
    gewoon, vet = _zoek("DejaVuSans.ttf"), _zoek("DejaVuSans-Bold.ttf")
    if gewoon is not None and vet is not None:
        try:
            pdfmetrics.registerFont(TTFont("KeuzehulpSans", str(gewoon)))
            pdfmetrics.registerFont(TTFont("KeuzehulpSans-Bold", str(vet)))
        except (TTFError, OSError) as fout:
            log.warning(
                "Lettertype DejaVu Sans is onbruikbaar (%s); Helvetica wordt gebruikt.", fout
            )
        else:
            pdfmetrics.registerFontFamily(
                "KeuzehulpSans",
                normal="KeuzehulpSans",
                bold="KeuzehulpSans-Bold",
                italic="KeuzehulpSans",
                boldItalic="KeuzehulpSans-Bold",
            )
            return Lettertype("KeuzehulpSans", "KeuzehulpSans-Bold", ingebed=True)
    else:
        log.warning(
            "Lettertype DejaVu Sans niet gevonden (installeer fonts-dejavu-core); "
            "Helvetica wordt gebruikt."
        )
    return Lettertype("Helvetica", "Helvetica-Bold", ingebed=False)
