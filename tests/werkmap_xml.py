"""Changing the XML inside a workbook that openpyxl wrote, to make what other writers make."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

BLAD1 = "xl/worksheets/sheet1.xml"
_DEFLATE = zipfile.ZIP_DEFLATED


def herschrijf(pad: Path, deel: str, wijzig: Callable[[str], str]) -> Path:
    """Rewrite one part of the zip archive at `pad` in place; the part must change."""
    tijdelijk = pad.with_suffix(".tmp")
    with zipfile.ZipFile(pad) as bron, zipfile.ZipFile(tijdelijk, "w", _DEFLATE) as doel:
        gevonden = False
        for info in bron.infolist():
            inhoud = bron.read(info.filename)
            if info.filename == deel:
                oud = inhoud.decode("utf-8")
                nieuw = wijzig(oud)
                assert nieuw != oud, f"{deel} did not change"
                inhoud = nieuw.encode("utf-8")
                gevonden = True
            doel.writestr(info.filename, inhoud)
    assert gevonden, f"{deel} not in {pad.name}"
    shutil.move(tijdelijk, pad)
    return pad


def vervang_cel(pad: Path, adres: str, xml: str, deel: str = BLAD1) -> Path:
    """Replace cell `adres` (which must exist) of a sheet by the raw `<c>` element `xml`."""
    patroon = re.compile(rf'<c r="{adres}"(?:[^>]*/>|[^>]*>.*?</c>)', re.DOTALL)

    def wijzig(tekst: str) -> str:
        nieuw, aantal = patroon.subn(xml, tekst, count=1)
        assert aantal == 1, f"cell {adres} not found"
        return nieuw

    return herschrijf(pad, deel, wijzig)


def voeg_toe_na_rijen(pad: Path, xml: str, deel: str = BLAD1) -> Path:
    """Append raw `<row>` elements at the end of a sheet's sheetData."""
    return herschrijf(pad, deel, lambda t: t.replace("</sheetData>", xml + "</sheetData>", 1))


def voeg_toe_aan_blad(pad: Path, xml: str, deel: str = BLAD1) -> Path:
    """Append raw elements (mergeCells, extLst, ...) at the end of a worksheet."""
    return herschrijf(pad, deel, lambda t: t.replace("</worksheet>", xml + "</worksheet>", 1))
