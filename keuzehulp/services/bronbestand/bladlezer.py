"""Streaming the rows of one sheet, with what openpyxl's read-only mode does not tell.

openpyxl's read-only `iter_rows` fills every missing row (a row numbered 400,000,000 yields
that many empty rows), makes each row as wide as its last styled cell (a styled cell in
column XFD makes every row 16,384 values wide), reads a formula without a cached result as an
empty cell and a cached error (`#N/A`) as text, and does not expose merged ranges. This reader
uses openpyxl's own sheet parser, but

- skips missing rows, and keeps each row only as wide as the header (`breedte`);
- reports formula cells without a result and cached error values (`Bijzonder`);
- collects the sheet's `<mergeCells>` (after the last row, where the XML has them);
- cleans texts (`cellen.schoon_tekst`) and keeps numbers and dates in code columns with the
  text Excel shows (`cellen.GetalCode`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
from openpyxl.worksheet._reader import (
    FORMULA_TAG,
    MERGE_TAG,
    ROW_TAG,
    VALUE_TAG,
    WorkSheetParser,
)
from openpyxl.worksheet.merge import MergeCells
from openpyxl.xml.functions import iterparse

from keuzehulp.services.bronbestand.cellen import GetalCode, schoon_tekst, toon_datum, toon_getal

MAX_RIJ = 1_048_576  # Excel's last row
FORMULE = "formule"  # a formula without a cached result
FOUTWAARDE = "foutwaarde"  # a cached error value such as #N/A
DATUM_BUITEN_BEREIK = "datum"  # a number formatted as a date that no date can be


@dataclass(frozen=True, slots=True)
class Bijzonder:
    """A cell whose value cannot be used: `kolom` 0-based, `soort` FORMULE/FOUTWAARDE/DATUM."""

    kolom: int
    soort: str
    waarde: str | None = None


@dataclass(slots=True)
class _Stand:
    """What the caller sets while reading, and what the reader found."""

    breedte: int | None = None  # None while the header is not found: rows as wide as needed
    codekolommen: frozenset[int] = frozenset()  # 0-based
    samengevoegd: list[str] = field(default_factory=list)  # "D3:D4"
    voorbij: dict[int, int] = field(default_factory=dict)  # 0-based column -> first row


class _Parser(WorkSheetParser):  # type: ignore[misc]
    """openpyxl's sheet parser, reading only rows and merged ranges."""

    def __init__(self, bron: Any, blad: Any, stand: _Stand) -> None:
        boek = blad.parent
        super().__init__(
            bron,
            blad._shared_strings,
            data_only=True,
            epoch=boek.epoch,
            date_formats=boek._date_formats,
            timedelta_formats=boek._timedelta_formats,
        )
        self.boek = boek
        self.stand = stand
        # Written by a library (openpyxl, XlsxWriter): the workbook asks Excel to recalculate
        # on opening, and XlsxWriter stores 0 as every formula's result until then.
        self.herberekenen = vraagt_herberekening(boek)
        # lezer.lees_werkmap cleans openpyxl's shared string list once (schoon_tekst);
        # a shared string cell needs no second cleaning then, an inline string does.
        self.gedeeld_schoon = isinstance(blad._shared_strings, list)

    def lees(self) -> Iterator[tuple[int, tuple[Any, ...], list[Bijzonder] | None]]:
        for _, element in iterparse(self.source):
            tag = element.tag
            if tag == ROW_TAG:
                yield self._rij(element)
                element.clear()
            elif tag == MERGE_TAG:
                samen = MergeCells.from_tree(element)
                self.stand.samengevoegd.extend(str(m.ref) for m in samen.mergeCell)
                element.clear()

    def _rij(self, element: Any) -> tuple[int, tuple[Any, ...], list[Bijzonder] | None]:
        r = element.get("r")
        if r is not None:
            self.row_counter = int(float(r))
        else:
            self.row_counter += 1
        self.col_counter = 0
        stand = self.stand
        breedte = stand.breedte
        codes = stand.codekolommen
        waarden: list[Any] = [None] * breedte if breedte is not None else []
        bijzonder: list[Bijzonder] | None = None
        for cel_element in element:
            cel = self.parse_cell(cel_element)
            index = cel["column"] - 1
            waarde = cel["value"]
            if breedte is not None and index >= breedte:
                if waarde is not None and index not in stand.voorbij:
                    stand.voorbij[index] = self.row_counter
                continue
            soort = cel["data_type"]
            if waarde is None:
                if cel_element.find(FORMULA_TAG) is None:
                    continue
                bijzonder = bijzonder or []
                bijzonder.append(Bijzonder(index, FORMULE))
            elif soort == "e":
                bijzonder = bijzonder or []
                if cel_element.get("t") == "e" or cel_element.find(FORMULA_TAG) is not None:
                    bijzonder.append(Bijzonder(index, FOUTWAARDE, str(waarde)))
                else:  # openpyxl turned a date it cannot convert into #VALUE!
                    getal = cel_element.findtext(VALUE_TAG)
                    bijzonder.append(Bijzonder(index, DATUM_BUITEN_BEREIK, getal))
                continue
            elif soort == "s":
                if not (self.gedeeld_schoon and cel_element.get("t") == "s"):
                    waarde = schoon_tekst(waarde)
            elif (
                waarde == 0
                and self.herberekenen
                and soort == "n"
                and cel_element.find(FORMULA_TAG) is not None
            ):  # a placeholder, not a result
                bijzonder = bijzonder or []
                bijzonder.append(Bijzonder(index, FORMULE))
                continue
            elif index in codes and not isinstance(waarde, bool):
                waarde = self._getalcode(waarde, cel["style_id"])
            if breedte is None and index >= len(waarden):
                waarden.extend([None] * (index + 1 - len(waarden)))
            waarden[index] = waarde
        return self.row_counter, tuple(waarden), bijzonder

    def _getalcode(self, waarde: Any, stijl: int) -> GetalCode:
        if isinstance(waarde, int | float):
            return GetalCode(waarde, toon_getal(waarde, getal_opmaak(self.boek, stijl)))
        return GetalCode(waarde, toon_datum(waarde))


_HERBEREKENEN = re.compile(rb'<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad="(?:1|true)"')


def vraagt_herberekening(boek: Any) -> bool:
    """Whether the workbook asks to recalculate every formula on opening (`fullCalcOnLoad`).

    Read from the XML itself: openpyxl's `calculation.fullCalcOnLoad` defaults to True when
    the attribute is absent, as it is in files saved by Excel or LibreOffice.
    """
    try:
        with boek._archive.open("xl/workbook.xml") as xml:
            return _HERBEREKENEN.search(xml.read()) is not None
    except (AttributeError, KeyError, OSError):
        return False


def getal_opmaak(boek: Any, stijl: int) -> str | None:
    """The number format code of cell style `stijl` in a (read-only) openpyxl workbook."""
    try:
        nummer = boek._cell_styles[stijl].numFmtId
        if nummer < BUILTIN_FORMATS_MAX_SIZE:
            ingebouwd = BUILTIN_FORMATS.get(nummer)
            return None if ingebouwd is None else str(ingebouwd)
        return str(boek._number_formats[nummer - BUILTIN_FORMATS_MAX_SIZE])
    except (AttributeError, IndexError, TypeError):
        return None


class BladLezer:
    """Reads one read-only openpyxl sheet row by row (see the module docstring).

    Set `breedte` (and `codekolommen`) once the header is found; `samengevoegd` and `voorbij`
    are complete when `rijen()` is exhausted.
    """

    def __init__(self, blad: Any) -> None:
        self.blad = blad
        self.stand = _Stand()

    @property
    def breedte(self) -> int | None:
        return self.stand.breedte

    @breedte.setter
    def breedte(self, waarde: int) -> None:
        self.stand.breedte = waarde

    @property
    def codekolommen(self) -> frozenset[int]:
        return self.stand.codekolommen

    @codekolommen.setter
    def codekolommen(self, waarde: frozenset[int]) -> None:
        self.stand.codekolommen = waarde

    @property
    def samengevoegd(self) -> list[str]:
        return self.stand.samengevoegd

    @property
    def voorbij(self) -> dict[int, int]:
        """Columns (0-based) beyond the header that hold values, with the first such row."""
        return self.stand.voorbij

    def rijen(self) -> Iterator[tuple[int, tuple[Any, ...], list[Bijzonder] | None]]:
        """(row number, values, unusable cells or None) for every row the sheet has."""
        with self.blad._get_source() as bron:
            yield from _Parser(bron, self.blad, self.stand).lees()
