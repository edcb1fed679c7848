"""Export writes code columns as text and styles once per column (issue 12, items 4 and 13)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.services.bronbestand.basis import lees_basis
from keuzehulp.services.bronbestand.exporteren import exporteer
from keuzehulp.services.bronbestand.importeren import ONGEWIJZIGD, importeer
from keuzehulp.services.bronbestand.kolommen import KENMERK_KOLOMMEN, KOLOMMEN
from keuzehulp.services.bronbestand.schrijver import (
    GELDFORMAAT,
    TEKSTFORMAAT,
    ExportInstrument,
    schrijf_bronbestand,
)
from keuzehulp.services.instrumentgegevens import maak_gegevens
from tests.bronbestand_werkmappen import maak_werkmap
from tests.conftest import TEST_GEBRUIKER


def _letter(kolommen: tuple[object, ...], veld: str) -> int:
    return next(i for i, k in enumerate(kolommen, start=1) if k.veld == veld)  # type: ignore[attr-defined]


def test_code_columns_are_text_in_cells_and_columns(database: Database, tmp_path: Path) -> None:
    rijen = [
        ["Training A", "Human Capital first", "1.7\n4.1", "€ 1.250,00", "Leer solliciteren."],
        ["Coaching B", "Work first", "4.1", "op aanvraag", None],
    ]
    kop = ("Naam", "Fenger", "Afgeleide kenmerken", "Kosten", "Omschrijving")
    assert importeer(
        database, maak_werkmap(tmp_path / "in.xlsx", rijen, kop), TEST_GEBRUIKER, proefdraaien=False
    ).toegepast
    pad = tmp_path / "export.xlsx"
    exporteer(database, pad)
    boek = load_workbook(pad)  # full mode: styles and column dimensions are read
    blad = boek["Instrumenten"]
    kenmerken = _letter(KOLOMMEN, "kenmerken")
    theoretisch = _letter(KOLOMMEN, "theoretisch")
    kosten = _letter(KOLOMMEN, "kosten")
    omschrijving = _letter(KOLOMMEN, "omschrijving")
    for kolom in (kenmerken, theoretisch):
        cel = blad.cell(2, kolom)
        assert (cel.data_type, cel.number_format) == ("s", TEKSTFORMAAT)
        letter = cel.column_letter
        assert blad.column_dimensions[letter].number_format == TEKSTFORMAAT
    # Sorted by name: Coaching B on row 2, Training A on row 3.
    assert blad.cell(3, kenmerken).value == "1.7 Zelfinzicht\n4.1 Sollicitatievaardigheden"
    a = blad.cell(3, kosten)
    assert (a.value, a.number_format, a.alignment.wrap_text) == (1250, GELDFORMAAT, True)
    assert blad.cell(3, omschrijving).value == "Leer solliciteren."
    assert blad.cell(2, omschrijving).value is None
    assert blad.cell(2, kosten).value == "op aanvraag"
    assert blad.column_dimensions[blad.cell(1, omschrijving).column_letter].alignment.wrap_text
    codes = boek["Kenmerken"]
    code = _letter(KENMERK_KOLOMMEN, "code")
    assert {codes.cell(r, code).number_format for r in range(2, codes.max_row + 1)} == {
        TEKSTFORMAAT
    }
    assert codes.column_dimensions[codes.cell(1, code).column_letter].number_format == "@"
    # Styles are shared: a handful of cell formats, not one per cell.
    assert len(boek._cell_styles) < 20
    terug = importeer(database, pad, TEST_GEBRUIKER, proefdraaien=True)
    assert {w.soort for w in terug.instrumenten} == {ONGEWIJZIGD} and not terug.problemen


def test_text_that_starts_with_is_never_written_as_a_formula(
    database: Database, tmp_path: Path
) -> None:
    with database.lezen() as s:
        basis = lees_basis(s)
    gegevens = maak_gegevens(
        naam="=Training",
        omschrijving="=1+1",
        routes=("work_first",),
        kenmerken=("4.1",),
        status=InstrumentStatus.ACTIEF,
    )
    pad = tmp_path / "formule.xlsx"
    schrijf_bronbestand(pad, [ExportInstrument(None, gegevens)], basis)
    blad = load_workbook(pad)["Instrumenten"]
    naam, omschrijving = _letter(KOLOMMEN, "naam"), _letter(KOLOMMEN, "omschrijving")
    for kolom, tekst in ((naam, "=Training"), (omschrijving, "=1+1")):
        assert (blad.cell(2, kolom).value, blad.cell(2, kolom).data_type) == (tekst, "s")
