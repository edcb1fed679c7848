"""The privacy guard: no BSN and no date in what a coach types into a conversation.

The keuzehulp is not a client file. A conversation is stored anonymously, so a client
reference or free text that contains a citizen service number (BSN) or a date such as a date
of birth is refused with a Dutch explanation.
"""

from __future__ import annotations

import datetime as dt
import re

from keuzehulp.model.errors import InvoerFout

WAAROM = (
    "De keuzehulp is geen klantdossier: gegevens waarmee iemand te herkennen is, horen hier "
    "niet. Zet die in het klantdossier."
)

# A run of digits, with a space or a separator (. - / _ , dash) between blocks, the separator
# possibly with a space on either side: 111.222.333, 111/222/333, 111 - 222 - 333.
_SCHEIDER = r"[.\-/_,\u2013\u2014]"
_CIJFERREEKS = re.compile(rf"(?<![\d])\d+(?:(?: ?{_SCHEIDER} ?| )\d+)*(?![\d])")
_SCHEIDING = re.compile(rf"(?: ?{_SCHEIDER} ?| )")

_MAANDEN = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_DMJ = re.compile(r"(?<![\d])(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d])")
_JMD = re.compile(r"(?<![\d])(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![\d])")
_DAG_MAAND_JAAR = re.compile(
    r"(?<![\d])(\d{1,2})\s*(?:e\s+)?(" + "|".join(sorted(_MAANDEN, key=len, reverse=True)) + r")"
    r"\.?\s+(\d{4}|'\d{2}|\d{2})(?![\d])",
    re.IGNORECASE,
)


def is_bsn(cijfers: str) -> bool:
    """True for 9 digits (or 8, read with a leading zero) that pass the eleven-test."""
    if not cijfers.isdigit() or len(cijfers) not in (8, 9):
        return False
    cijfers = cijfers.zfill(9)
    if cijfers == "000000000":
        return False
    som = sum(int(c) * gewicht for c, gewicht in zip(cijfers[:8], range(9, 1, -1), strict=True))
    som -= int(cijfers[8])
    return som % 11 == 0


def bevat_bsn(tekst: str) -> bool:
    """True if any group of digit blocks in the text reads as a BSN."""
    for reeks in _CIJFERREEKS.finditer(tekst):
        blokken = _SCHEIDING.split(reeks.group())
        for begin in range(len(blokken)):
            samen = ""
            for blok in blokken[begin:]:
                samen += blok
                if len(samen) > 9:
                    break
                if is_bsn(samen):
                    return True
    return False


def _geldige_datum(dag: int, maand: int, jaar: int) -> bool:
    if jaar < 100:
        jaar += 1900
    try:
        dt.date(jaar, maand, dag)
    except ValueError:
        return False
    return True


def bevat_datum(tekst: str) -> bool:
    """True if the text holds a full date: 12-03-1985, 12/3/85, 1985-03-12, 12 maart 1985."""
    for m in _DMJ.finditer(tekst):
        if _geldige_datum(int(m.group(1)), int(m.group(3)), int(m.group(4))):
            return True
    for m in _JMD.finditer(tekst):
        if _geldige_datum(int(m.group(4)), int(m.group(3)), int(m.group(1))):
            return True
    for m in _DAG_MAAND_JAAR.finditer(tekst):
        jaar = int(m.group(3).lstrip("'"))
        if _geldige_datum(int(m.group(1)), _MAANDEN[m.group(2).lower()], jaar):
            return True
    return False


def controleer(tekst: str | None, veld: str, *, datums: bool = True) -> None:
    """Raise InvoerFout (Dutch, naming the field) when the text holds a BSN or a date."""
    if not tekst:
        return
    if bevat_bsn(tekst):
        raise InvoerFout(
            f"{veld}: hierin staat een nummer dat een BSN kan zijn. Haal het weg. {WAAROM}"
        )
    if datums and bevat_datum(tekst):
        raise InvoerFout(
            f"{veld}: hierin staat een datum, bijvoorbeeld een geboortedatum. Haal die weg. "
            f"{WAAROM}"
        )


def controleer_reden(reden: str | None) -> None:
    """The mutation log is append-only: a reason with a client's BSN could never be removed."""
    controleer(reden, "Reden", datums=False)
