"""Issue 12, items 1, 2, 7, 9, 10, 11: reading workbooks of the kinds beheerders really produce.

Each workbook is built here with openpyxl, and where another writer matters, its XML is
changed to what that writer stores. These tests read without a database; the import
outcomes are in test_bronbestand_werkmappen_import.py.
"""

from __future__ import annotations

import shutil
import warnings
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart, Reference

from keuzehulp.services.bronbestand.archief import STRICT_MELDING, Grenzen, controleer_pad
from keuzehulp.services.bronbestand.lezer import Werkmap, WerkmapOnleesbaar, lees_werkmap
from keuzehulp.services.bronbestand.waarden import FOUT, WAARSCHUWING
from tests.bronbestand_werkmappen import maak_werkmap
from tests.werkmap_xml import herschrijf, vervang_cel, voeg_toe_aan_blad, voeg_toe_na_rijen

KOP = ("Naam", "Fenger", "Afgeleide kenmerken", "Gemeente", "Uitvoerder", "Kosten")
DATA = Path(__file__).parent / "data"
_DEFLATE = zipfile.ZIP_DEFLATED


def _rijen(aantal: int = 3) -> list[list[object]]:
    return [
        [f"Training {i}", "Work first", "4.1", "Tiel" if i == 0 else None, None, 100 * i]
        for i in range(aantal)
    ]


def _lees(pad: Path) -> Werkmap:
    with warnings.catch_warnings(record=True) as gevangen:
        warnings.simplefilter("always")
        werkmap = lees_werkmap(pad)
    assert [str(w.message) for w in gevangen] == []  # item 11: nothing English escapes
    return werkmap


def _meldingen(werkmap: Werkmap, ernst: str | None = None) -> list[str]:
    return [str(p) for p in werkmap.problemen if ernst is None or p.ernst == ernst]


# --- item 1: merged cells ---------------------------------------------------------------


def test_merged_cells_down_a_column_give_every_row_the_value(tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "samen.xlsx",
        [
            ["A", "Work first", "4.1", "Tiel\nCulemborg", "Bureau X", 1],
            ["B", "Work first", "4.1", None, None, 2],
            ["C", "Work first", "4.1", "Buren", None, 3],
        ],
        KOP,
    )
    boek = load_workbook(pad)
    boek.active.merge_cells("D2:D3")  # type: ignore[union-attr]
    boek.active.merge_cells("E2:E4")  # type: ignore[union-attr]
    boek.save(pad)
    werkmap = _lees(pad)
    assert werkmap.instrumenten is not None
    rijen = {r[0]: r for _n, r in werkmap.instrumenten.rijen}
    assert rijen["B"][3] == "Tiel\nCulemborg"
    assert rijen["C"][3] == "Buren"  # outside the range: its own value
    assert rijen["B"][4] == rijen["C"][4] == "Bureau X"
    waarschuwingen = _meldingen(werkmap, WAARSCHUWING)
    assert any("D2:D3" in m and "kolom D (Gemeente)" in m for m in waarschuwingen)
    assert any("E2:E4" in m and "rij van 2 tot en met 4" in m for m in waarschuwingen)
    assert not _meldingen(werkmap, FOUT)


def test_merged_cells_across_columns_name_the_column_that_keeps_the_value(
    tmp_path: Path,
) -> None:
    pad = maak_werkmap(tmp_path / "breed.xlsx", [["A", "Work first", "4.1", None, "X", 1]], KOP)
    boek = load_workbook(pad)
    boek.active.merge_cells("E2:F2")  # type: ignore[union-attr]
    boek.save(pad)
    werkmap = _lees(pad)
    assert werkmap.instrumenten is not None
    assert werkmap.instrumenten.rijen[0][1][4] == "X"
    (melding,) = _meldingen(werkmap, WAARSCHUWING)
    assert "E2:F2" in melding and "kolom E (Uitvoerder)" in melding
    assert "F (Kosten) blijft leeg" in melding


def test_a_range_merged_with_the_header_is_an_error(tmp_path: Path) -> None:
    pad = maak_werkmap(tmp_path / "kop.xlsx", [["A", "Work first", "4.1", None, "X", 1]], KOP)
    boek = load_workbook(pad)
    boek.active.merge_cells("D1:D2")  # type: ignore[union-attr]
    boek.save(pad)
    (fout,) = _meldingen(_lees(pad), FOUT)
    assert "D1:D2" in fout and "kopregel" in fout


def test_merged_title_rows_above_the_header_are_ignored(tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "titel.xlsx",
        _rijen(2),
        KOP,
        titelrijen=[["Bronbestand", None, None], ["versie 3"]],
        samenvoegen="A1:F2",
    )
    werkmap = _lees(pad)
    assert werkmap.problemen == []
    assert werkmap.instrumenten is not None and len(werkmap.instrumenten.rijen) == 2


# --- item 2: formulas ---------------------------------------------------------------------


def test_a_formula_without_result_is_an_error_naming_the_cell(tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "formule.xlsx",
        [["A", "Work first", "4.1", None, None, "=100*12"], ['=B3&"x"', "Work first", "4.1"]],
        KOP,
    )
    werkmap = _lees(pad)
    fouten = _meldingen(werkmap, FOUT)
    assert len(fouten) == 2
    assert "kolom F (Kosten)" in fouten[0]
    assert "Cel F2 heeft een formule zonder uitkomst" in fouten[0]
    assert "Excel of LibreOffice" in fouten[0] and "sla het daar op" in fouten[0]
    assert "Cel A3 heeft een formule" in fouten[1]
    assert werkmap.instrumenten is not None
    assert werkmap.instrumenten.geweigerd == {2: {"kosten"}, 3: {"naam"}}


@pytest.mark.parametrize("fout", ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?"])
def test_a_cached_error_value_is_an_error_naming_the_cell(tmp_path: Path, fout: str) -> None:
    pad = maak_werkmap(tmp_path / "fout.xlsx", [["A", "Work first", "4.1", None, "plek", 1]], KOP)
    vervang_cel(pad, "E2", f'<c r="E2" t="e"><f>VLOOKUP(A2,Lijst!A:B,2,0)</f><v>{fout}</v></c>')
    werkmap = _lees(pad)
    (melding,) = _meldingen(werkmap, FOUT)
    assert f"‘{fout}’" in melding and f"Cel E2 heeft de foutwaarde {fout}" in melding
    assert "formule" in melding
    assert werkmap.instrumenten is not None
    assert werkmap.instrumenten.rijen[0][1][4] is None  # never stored as text


def test_a_formula_with_a_cached_result_is_read(tmp_path: Path) -> None:
    pad = maak_werkmap(tmp_path / "goed.xlsx", [["A", "Work first", "4.1", None, "plek", 1]], KOP)
    vervang_cel(pad, "F2", '<c r="F2"><f>SUM(100,50)</f><v>150</v></c>')
    werkmap = _lees(pad)
    assert werkmap.problemen == []
    assert werkmap.instrumenten is not None and werkmap.instrumenten.rijen[0][1][5] == 150


def test_a_library_placeholder_result_is_no_result(tmp_path: Path) -> None:
    """XlsxWriter stores 0 for every formula and asks Excel to recalculate on opening."""
    rijen: list[list[object]] = [["A", "Work first", "4.1", None, "x", 1]]
    pad = maak_werkmap(tmp_path / "xlsxwriter.xlsx", rijen, KOP)
    vervang_cel(pad, "F2", '<c r="F2"><f>SUM(100,50)</f><v>0</v></c>')
    (melding,) = _meldingen(_lees(pad), FOUT)
    assert "Cel F2 heeft een formule zonder uitkomst" in melding
    # Saved by Excel or LibreOffice (no recalculation asked), 0 is a real result.
    herschrijf(pad, "xl/workbook.xml", lambda t: t.replace(' fullCalcOnLoad="1"', ""))
    assert _lees(pad).problemen == []


def test_a_formula_in_an_ignored_column_is_no_problem(tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "notitie.xlsx", [["A", "Work first", "4.1", "=1+1"]], (*KOP[:3], "Notities")
    )
    assert _meldingen(_lees(pad), FOUT) == []


def test_a_date_out_of_range_is_a_dutch_error(tmp_path: Path) -> None:
    pad = maak_werkmap(tmp_path / "datum.xlsx", [["A", "Work first", "4.1", None, "plek", 1]], KOP)
    boek = load_workbook(pad)
    cel = boek.active["E2"]  # type: ignore[index]
    cel.value = 1
    cel.number_format = "dd-mm-yyyy"
    boek.save(pad)
    vervang_cel(pad, "E2", '<c r="E2" s="1"><v>99999999999</v></c>')
    (melding,) = _meldingen(_lees(pad), FOUT)
    assert "Cel E2 is opgemaakt als datum" in melding and "99999999999" in melding


# --- item 7: look-alike tab names ---------------------------------------------------------


@pytest.mark.parametrize(
    ("eerste", "tweede"),
    [
        ("Instrumenten", "Instrumenten "),
        ("Instrumenten", "Instruménten"),
        ("Instrumenten", "Instrumenten\u200b"),
        ("Parkeer", " parkeer"),
        ("Kenmerken", "Kenmerken."),
        ("Kenmerken", "Uitleg kenmerken"),
    ],
)
def test_two_tabs_with_the_same_folded_name_are_refused(
    tmp_path: Path, eerste: str, tweede: str
) -> None:
    pad = maak_werkmap(tmp_path / "tabs.xlsx", _rijen(), KOP, extra_bladen=[])
    boek = load_workbook(pad)
    if eerste != "Instrumenten":
        boek.create_sheet(eerste).append(list(KOP))
    boek.create_sheet(tweede).append(list(KOP))
    boek.save(pad)
    with pytest.raises(WerkmapOnleesbaar) as fout:
        _lees(pad)
    melding = str(fout.value)
    soort = "met de kenmerken" if tweede == "Uitleg kenmerken" else "met bijna dezelfde naam"
    assert f"2 tabbladen {soort}" in melding
    assert f"‘{eerste}’" in melding
    if "\u200b" in tweede:
        assert "‘Instrumenten[onzichtbaar teken U+200B]’" in melding
    else:
        assert f"‘{tweede}’" in melding


def test_other_tabs_may_look_alike(tmp_path: Path) -> None:
    pad = maak_werkmap(tmp_path / "ok.xlsx", _rijen(), KOP, extra_bladen=["Notities", "notities "])
    assert _lees(pad).instrumenten is not None


# --- item 9: bounded memory and time -------------------------------------------------------


def test_rows_are_read_only_as_wide_as_the_header(tmp_path: Path) -> None:
    pad = maak_werkmap(tmp_path / "xfd.xlsx", _rijen(50), KOP)
    boek = load_workbook(pad)
    blad = boek.active
    for rij in range(1, 52):
        blad.cell(rij, 16_384).number_format = "0.00"  # type: ignore[union-attr]
    boek.save(pad)
    werkmap = _lees(pad)
    assert werkmap.instrumenten is not None
    assert {len(r) for _n, r in werkmap.instrumenten.rijen} == {len(KOP)}
    assert werkmap.problemen == []


def test_values_right_of_the_header_give_one_warning_per_column(tmp_path: Path) -> None:
    rijen = [[*r, None, "los"] for r in _rijen(3)]
    werkmap = _lees(maak_werkmap(tmp_path / "los.xlsx", rijen, KOP))
    (melding,) = _meldingen(werkmap, WAARSCHUWING)
    assert "Kolom H heeft geen kop" in melding and "rij 2" in melding


def test_values_under_an_empty_header_cell_give_a_warning(tmp_path: Path) -> None:
    kop = ("Naam", None, "Fenger", "Afgeleide kenmerken")
    rijen = [["A", None, "Work first", "4.1"], ["B", "vergeten", "Work first", "4.1"]]
    werkmap = _lees(maak_werkmap(tmp_path / "gat.xlsx", rijen, kop))  # type: ignore[arg-type]
    (melding,) = _meldingen(werkmap, WAARSCHUWING)
    assert "rij 3" in melding and "Kolom B heeft geen kop in rij 1" in melding


def test_a_styled_cell_far_down_reads_only_the_real_rows(tmp_path: Path) -> None:
    pad = maak_werkmap(tmp_path / "diep.xlsx", _rijen(3), KOP)
    voeg_toe_na_rijen(pad, '<row r="1048576"><c r="A1048576" s="0"/></row>')
    werkmap = _lees(pad)
    assert werkmap.problemen == []
    assert werkmap.instrumenten is not None
    assert [n for n, _r in werkmap.instrumenten.rijen] == [2, 3, 4]


def test_a_row_number_of_400_million_is_read_at_once(tmp_path: Path) -> None:
    """openpyxl would yield 400,000,000 empty rows; the reader skips the gap."""
    pad = maak_werkmap(tmp_path / "claim.xlsx", _rijen(3), KOP)
    voeg_toe_na_rijen(
        pad,
        '<row r="400000000"><c r="A400000000" s="0"/></row>'
        '<row r="400000001"><c r="A400000001" t="inlineStr"><is><t>Spook</t></is></c></row>',
    )
    werkmap = _lees(pad)
    (melding,) = _meldingen(werkmap, FOUT)
    assert "Rij 400.000.001 bestaat niet in Excel" in melding
    assert werkmap.instrumenten is not None and len(werkmap.instrumenten.rijen) == 3


def _bom(pad: Path, deel: str, grootte: int) -> Path:
    """A valid workbook whose part `deel` is replaced by `grootte` bytes of spaces."""
    maak_werkmap(pad, _rijen(), KOP)
    tijdelijk = pad.with_suffix(".bom")
    with zipfile.ZipFile(pad) as bron, zipfile.ZipFile(tijdelijk, "w", _DEFLATE) as doel:
        for info in bron.infolist():
            if info.filename != deel:
                doel.writestr(info.filename, bron.read(info.filename))
        with doel.open(deel, "w", force_zip64=True) as uit:
            blok = b" " * (1024 * 1024)
            for _ in range(grootte // len(blok)):
                uit.write(blok)
    shutil.move(tijdelijk, pad)
    return pad


def test_a_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    pad = _bom(tmp_path / "bom.xlsx", "xl/worksheets/sheet1.xml", 64 * 1024 * 1024)
    assert pad.stat().st_size < 1024 * 1024
    with pytest.raises(WerkmapOnleesbaar) as fout:
        _lees(pad)
    assert "zip-bom" in str(fout.value) and "xl/worksheets/sheet1.xml" in str(fout.value)
    assert "64 MB" in str(fout.value)


def test_a_part_beyond_the_size_limit_is_refused(tmp_path: Path) -> None:
    pad = _bom(tmp_path / "groot.xlsx", "xl/worksheets/sheet1.xml", 8 * 1024 * 1024)
    with pytest.raises(Exception) as fout:
        controleer_pad(pad, Grenzen(deel_bytes=4 * 1024 * 1024, verhouding=10**6))
    assert "te groot om te lezen" in str(fout.value) and "8 MB" in str(fout.value)


def test_an_ordinary_workbook_passes_the_archive_check(tmp_path: Path) -> None:
    controleer_pad(maak_werkmap(tmp_path / "gewoon.xlsx", _rijen(200), KOP))


# --- item 10: unusual but valid formats ----------------------------------------------------


def test_strict_open_xml_from_libreoffice_is_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(WerkmapOnleesbaar) as fout:
        _lees(DATA / "strict-open-xml.xlsx")
    assert STRICT_MELDING in str(fout.value)
    assert "geen tabblad" not in str(fout.value)


def test_strict_open_xml_is_recognised_by_its_namespace(tmp_path: Path) -> None:
    pad = maak_werkmap(tmp_path / "strikt.xlsx", _rijen(), KOP)
    herschrijf(
        pad,
        "xl/workbook.xml",
        lambda t: t.replace(
            "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            "http://purl.oclc.org/ooxml/spreadsheetml/main",
        ),
    )
    with pytest.raises(WerkmapOnleesbaar, match="Strict Open XML wordt niet ondersteund"):
        _lees(pad)


@pytest.mark.parametrize("naam", ["Instrumenten", "Parkeer", "Kenmerken"])
def test_a_chart_sheet_with_a_bronbestand_name_is_refused(tmp_path: Path, naam: str) -> None:
    boek = Workbook()
    blad = boek.active
    assert blad is not None
    blad.title = "Gegevens" if naam == "Instrumenten" else "Instrumenten"
    blad.append(list(KOP))
    blad.append(["A", "Work first", "4.1", None, None, 5])
    grafiek = BarChart()
    grafiek.add_data(Reference(blad, min_col=6, min_row=1, max_row=2), titles_from_data=True)
    boek.create_chartsheet(naam).add_chart(grafiek)
    pad = tmp_path / "grafiek.xlsx"
    boek.save(pad)
    with pytest.raises(WerkmapOnleesbaar) as fout:
        _lees(pad)
    assert f"Het tabblad ‘{naam}’ in grafiek.xlsx is een grafiekblad" in str(fout.value)


# --- item 11: no English -------------------------------------------------------------------

_EXTENSIES = (
    "<extLst>"
    '<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:dataValidations count="1"><x14:dataValidation type="list"><x14:formula1>'
    '<xm:f xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">Lijst!$A$1:$A$3</xm:f>'
    '</x14:formula1><xm:sqref xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    "B2:B4</xm:sqref></x14:dataValidation></x14:dataValidations></ext>"
    '<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    "<x14:conditionalFormattings/></ext>"
    "</extLst>"
)


def test_excel_extensions_give_no_english_warning(tmp_path: Path) -> None:
    pad = maak_werkmap(tmp_path / "uitbreiding.xlsx", _rijen(), KOP)
    voeg_toe_aan_blad(pad, _EXTENSIES)
    with warnings.catch_warnings(record=True) as gevangen:
        warnings.simplefilter("always")
        load_workbook(pad, read_only=True).worksheets[0].max_row  # noqa: B018
        list(load_workbook(pad, read_only=True).worksheets[0].iter_rows())
    assert any("not supported" in str(w.message) for w in gevangen)  # openpyxl would say so
    werkmap = _lees(pad)  # _lees asserts that no warning escapes
    assert werkmap.problemen == []
