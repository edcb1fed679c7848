"""Files that are no readable bronbestand: refused with a Dutch reason, nothing changed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from keuzehulp.model.db import Database
from keuzehulp.services.bronbestand.importeren import importeer
from keuzehulp.services.bronbestand.lezer import WerkmapOnleesbaar
from tests.bronbestand_werkmappen import dump, maak_werkmap
from tests.conftest import TEST_GEBRUIKER

OLE = bytes.fromhex("D0CF11E0A1B11AE1")


def _goed(pad: Path) -> Path:
    return maak_werkmap(pad, [["A", "Work first", "4.1"]])


def _tekst(pad: Path) -> Path:
    pad.write_text("Naam;Fenger\nA;Work first\n", encoding="utf-8")
    return pad


def _oud_xls(pad: Path) -> Path:
    pad.write_bytes(OLE + b"\0" * 500 + "Workbook".encode("utf-16-le") + b"\0" * 500)
    return pad


def _wachtwoord(pad: Path) -> Path:
    inhoud = "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    pad.write_bytes(OLE + b"\0" * 500 + inhoud + b"\0" * 500)
    return pad


def _afgebroken(pad: Path) -> Path:
    heel = _goed(pad).read_bytes()
    pad.write_bytes(heel[: len(heel) // 2])
    return pad


def _kapotte_inhoud(pad: Path) -> Path:
    _goed(pad)
    with zipfile.ZipFile(pad) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(pad.read_bytes())
    begin = info.header_offset + 30 + len(info.filename) + 5
    data[begin : begin + 20] = b"\x00" * 20
    pad.write_bytes(bytes(data))
    return pad


def _leeg_bestand(pad: Path) -> Path:
    pad.write_bytes(b"")
    return pad


def _ods(pad: Path) -> Path:
    with zipfile.ZipFile(pad, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    return pad


def _zip(pad: Path) -> Path:
    with zipfile.ZipFile(pad, "w") as z:
        z.writestr("word/document.xml", "<x/>")
    return pad


def _geen_instrumentenblad(pad: Path) -> Path:
    boek = Workbook()
    boek.active.title = "Blad1"  # type: ignore[union-attr]
    boek.save(pad)
    return pad


def _leeg_instrumentenblad(pad: Path) -> Path:
    boek = Workbook()
    boek.active.title = "instrumenten"  # type: ignore[union-attr]
    boek.save(pad)
    return pad


@pytest.mark.parametrize(
    ("maak", "naam", "melding"),
    [
        (_tekst, "lijst.csv", "lijst.csv is geen Excel-werkmap (.xlsx)"),
        (_oud_xls, "oud.xls", "oud.xls is een oud Excel-bestand (.xls)"),
        (_wachtwoord, "geheim.xlsx", "geheim.xlsx is beveiligd met een wachtwoord"),
        (_afgebroken, "half.xlsx", "half.xlsx is beschadigd (onvolledig)"),
        (_kapotte_inhoud, "kapot.xlsx", "kapot.xlsx is beschadigd"),
        (_leeg_bestand, "niets.xlsx", "niets.xlsx is leeg (0 bytes)"),
        (_ods, "calc.ods", "calc.ods is een LibreOffice-bestand (.ods)"),
        (_zip, "tekst.docx", "tekst.docx is een zip-bestand, maar geen Excel-werkmap"),
        (_geen_instrumentenblad, "blad.xlsx", "heeft geen tabblad ‘Instrumenten’ (wel: Blad1)"),
        (_leeg_instrumentenblad, "leeg.xlsx", "Het tabblad ‘instrumenten’ in leeg.xlsx is leeg"),
    ],
)
def test_unreadable_files_say_why_and_change_nothing(
    database: Database, tmp_path: Path, maak: object, naam: str, melding: str
) -> None:
    pad = maak(tmp_path / naam)  # type: ignore[operator]
    voor = dump(database)
    for proef in (True, False):
        with pytest.raises(WerkmapOnleesbaar) as fout:
            importeer(database, pad, TEST_GEBRUIKER, proefdraaien=proef)
        assert melding in fout.value.melding
    assert dump(database) == voor


def test_missing_file(database: Database, tmp_path: Path) -> None:
    with pytest.raises(WerkmapOnleesbaar, match="bestaat niet"):
        importeer(database, tmp_path / "weg.xlsx", TEST_GEBRUIKER, proefdraaien=True)
