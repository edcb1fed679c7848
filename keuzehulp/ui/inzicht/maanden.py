"""Months as a Dutch reader writes them: "dec 2025" instead of the services' "2025-12"."""

from __future__ import annotations

import re
from dataclasses import replace

from keuzehulp.services.inzicht.overzicht import Tabel

MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_MAAND = re.compile(r"^(\d{4})-(\d{2})$")
# Tables whose first column is a month (services/inzicht/overzicht.py).
MET_MAAND = ("kosten", "gebruik_periode")


def maand_nl(tekst: str, *, kort: bool = False) -> str | None:
    """ "2025-12" → "dec 2025" (with `kort`: "dec '25"); None for anything else."""
    m = _MAAND.match(tekst)
    if not m or not 1 <= int(m[2]) <= 12:
        return None
    jaar = f"'{m[1][2:]}" if kort else m[1]
    return f"{MAANDEN[int(m[2]) - 1]} {jaar}"


def met_maandnamen(tabel: Tabel) -> Tabel:
    """The table with its month cells written in Dutch; each keeps a number (months since
    year 0) so that a sorted column stays in time order, not alphabetical."""
    rijen = []
    for rij in tabel.rijen:
        eerste = rij[0]
        naam = maand_nl(eerste.tekst)
        if naam is not None:
            jaar, maand = int(eerste.tekst[:4]), int(eerste.tekst[5:])
            eerste = replace(eerste, tekst=naam, waarde=float(jaar * 12 + maand - 1))
        rijen.append((eerste, *rij[1:]))
    return replace(tabel, rijen=rijen)
