"""Cleaning what a workbook cell holds before anything compares it (issue 12, items 4-6).

- Texts: Excel's `_xHHHH_` escapes decoded, line ends made `\\n`, invisible format characters
  (zero-width spaces, soft hyphens, byte-order marks, ...) removed, then NFC-normalised.
- Numbers and dates in a code column: kept with the text Excel shows, so that a message can
  quote it and a code is never guessed (`GetalCode`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

# `_x000D_`: Excel's escape for a character XML cannot hold (ECMA-376 part 1, 22.9.2.19 ST_Xstring).
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# Control characters other than tab and line feed never belong in a cell text.
_BESTURING = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _zichtbaar(teken: str) -> bool:
    """False for format characters (Unicode category Cf): U+200B..U+200F, U+2060, U+FEFF, U+00AD."""
    return unicodedata.category(teken) != "Cf"


def schoon_tekst(tekst: str) -> str:
    """A cell text as the keuzehulp compares and stores it.

    Decodes `_xHHHH_` escapes (`_x000D_` is a carriage return), turns CR LF and CR into LF,
    drops other control characters and every invisible format character (category Cf), and
    returns the NFC form. Idempotent; an ASCII text without escapes or CR is returned as is.
    """
    if tekst.isascii() and "_x" not in tekst and "\r" not in tekst:
        return tekst
    if "_x" in tekst:
        tekst = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), tekst)
    tekst = tekst.replace("\r\n", "\n").replace("\r", "\n")
    tekst = _BESTURING.sub("", tekst)
    if not tekst.isascii():
        tekst = "".join(t for t in tekst if _zichtbaar(t))
        tekst = unicodedata.normalize("NFC", tekst)
    return tekst


def toon_naam(naam: str) -> str:
    """A tab name for a message: invisible characters named, so two look-alikes differ."""
    delen = []
    for teken in naam:
        if not _zichtbaar(teken):
            delen.append(f"[onzichtbaar teken U+{ord(teken):04X}]")
        else:
            delen.append(teken)
    return "".join(delen)


@dataclass(frozen=True, slots=True)
class GetalCode:
    """A number or date that Excel stored in a code column, with the text Excel shows for it.

    `getoond` is the value formatted with the cell's number format (decimal point, as codes
    are written: 1.1 with format `0.00` shows `1.10`); a date shows as `dd-mm-jjjj`.
    """

    waarde: float | int | dt.datetime | dt.date | dt.time | dt.timedelta
    getoond: str

    @property
    def is_datum(self) -> bool:
        return not isinstance(self.waarde, int | float)

    def __str__(self) -> str:
        return self.getoond


_LETTERLIJK = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def toon_getal(waarde: float | int, opmaak: str | None) -> str:
    """The number as Excel shows it with number format `opmaak`, with a decimal point.

    Handles the formats people put on code columns: General, `0`, `0.0`, `0.00`, `#,##0.00`,
    percentages. Excel's General shows up to 10 significant digits. Other parts of a format
    (colours, literal text) are ignored.
    """
    sectie = _LETTERLIJK.sub("", (opmaak or "General").split(";")[0])
    if sectie.strip().lower() in ("general", "", "@"):
        if float(waarde).is_integer():
            return str(int(waarde))
        return f"{float(waarde):.10g}"
    procent = "%" in sectie
    getal = float(waarde) * (100 if procent else 1)
    decimalen = re.search(r"\.([0#?]+)", sectie)
    aantal = len(decimalen.group(1)) if decimalen else 0
    return f"{getal:.{aantal}f}" + ("%" if procent else "")


def toon_datum(waarde: object) -> str:
    """A date or time cell the Dutch way: `01-10-2026`, `01-10-2026 14:30`, `14:30`."""
    if isinstance(waarde, dt.datetime):
        if waarde.time() == dt.time(0, 0):
            return waarde.strftime("%d-%m-%Y")
        return waarde.strftime("%d-%m-%Y %H:%M")
    if isinstance(waarde, dt.date):
        return waarde.strftime("%d-%m-%Y")
    if isinstance(waarde, dt.time):
        return waarde.strftime("%H:%M")
    return str(waarde)
