"""Columns a workbook lacks: keep the catalogue's value, or read it from the free text.

A missing or unrecognised column leaves that field of every instrument as it is (issue 12,
item 3); only an empty cell in a recognised column clears a field.

The structured practical fields (issue 9) came after many bronbestanden were made. A sheet
without such a column must not wipe what the editor filled in, so for an instrument already in
the catalogue its value stays. The duration fields are also filled from "Omvang en duur" and
"Beschikbaarheid" where the parser (services/omvang.py) is sure:

- a new instrument gets what the parser is sure of (else unknown);
- when the free text changed, the parser's value wins; if the parser is not sure, a value that
  was itself read from the old text is cleared (the text that said it is gone), any other
  value stays;
- when the free text did not change, a known value stays and an unknown one is filled in.

A column that is there always wins, also when its cell is empty (then the field is cleared).
"""

from __future__ import annotations

from typing import Any

from keuzehulp.services.bronbestand.kolommen import OMVANG_VELDEN
from keuzehulp.services.instrumentgegevens import InstrumentGegevens
from keuzehulp.services.omvang import VASTE_DATA, Omvang, lees_omvang

# Which free text each parsed field comes from.
_BRONTEKST = {
    "duur_weken": "omvang_duur",
    "uren_per_week": "omvang_duur",
    "start_soort": "beschikbaarheid",
    "startdata": "beschikbaarheid",
}


def vul_aan(
    nieuw: InstrumentGegevens, afwezig: frozenset[str], oud: InstrumentGegevens | None
) -> InstrumentGegevens:
    """`nieuw` (read from a row) with the fields of absent columns filled as described above."""
    if not afwezig:
        return nieuw
    if oud is not None:  # a new instrument keeps what the absent column gave: empty
        behouden = {veld: getattr(oud, veld) for veld in afwezig.difference(OMVANG_VELDEN)}
        nieuw = nieuw.model_copy(update=behouden)  # before parsing the kept free texts
    waarden: dict[str, Any] = {}
    omvang = afwezig.intersection(OMVANG_VELDEN)
    if omvang:
        uit_nieuw = lees_omvang(nieuw.omvang_duur, nieuw.beschikbaarheid)
        uit_oud = lees_omvang(oud.omvang_duur, oud.beschikbaarheid) if oud else Omvang()
        for veld in omvang:
            waarden[veld] = _kies(veld, nieuw, oud, uit_nieuw, uit_oud)
    start = waarden.get("start_soort", nieuw.start_soort)
    datums = waarden.get("startdata", nieuw.startdata)
    if "start_soort" in afwezig and "startdata" not in afwezig and nieuw.startdata:
        start = VASTE_DATA  # dates in the Startdata column: the instrument starts on them
    if start != VASTE_DATA:
        datums = None  # dates belong to vaste data only
    waarden["start_soort"], waarden["startdata"] = start, datums
    return nieuw.model_copy(update=waarden)


def _kies(
    veld: str,
    nieuw: InstrumentGegevens,
    oud: InstrumentGegevens | None,
    uit_nieuw: Omvang,
    uit_oud: Omvang,
) -> Any:
    zeker = getattr(uit_nieuw, veld)
    if oud is None:
        return zeker
    huidig = getattr(oud, veld)
    bron = _BRONTEKST[veld]
    if getattr(nieuw, bron) != getattr(oud, bron):
        if zeker is not None:
            return zeker
        return None if huidig is not None and huidig == getattr(uit_oud, veld) else huidig
    return huidig if huidig is not None else zeker
