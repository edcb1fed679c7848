"""Issue 12: what real workbooks do to the catalogue, on SQLite and PostgreSQL.

No silent loss and no wrong value: merged cells fill every row, formulas and codes stored as
numbers are refused with the cell named, invisible characters and Excel escapes never reach
the catalogue, Dutch amounts with a dash are amounts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from keuzehulp.cli.main import main
from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.services.bronbestand.importeren import (
    ONGEWIJZIGD,
    ImportResultaat,
    importeer,
)
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, gegevens_van
from tests.bronbestand_werkmappen import dump, maak_werkmap
from tests.conftest import TEST_GEBRUIKER
from tests.werkmap_xml import vervang_cel

KOP = ("Naam", "Fenger", "Afgeleide kenmerken", "Gemeente", "Uitvoerder", "Kosten")


def _importeer(db: Database, pad: Path, proef: bool = False) -> ImportResultaat:
    return importeer(db, pad, TEST_GEBRUIKER, proefdraaien=proef, reden="test")


def _gegevens(db: Database) -> dict[str, InstrumentGegevens]:
    with db.lezen() as s:
        return {i.naam: gegevens_van(i) for i in s.scalars(select(Instrument))}


def _meldingen(resultaat: ImportResultaat) -> list[str]:
    return [str(p) for p in resultaat.problemen]


def test_merged_gemeente_and_uitvoerder_reach_every_row(database: Database, tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "samen.xlsx",
        [
            ["Training A", "Work first", "4.1", "Tiel\nCulemborg", "Bureau X", 100],
            ["Training B", "Work first", "4.1", None, None, 200],
            ["Training C", "Work first", "4.1", "Buren", "Bureau Y", 300],
        ],
        KOP,
    )
    boek = load_workbook(pad)
    boek.active.merge_cells("D2:D3")  # type: ignore[union-attr]
    boek.active.merge_cells("E2:E3")  # type: ignore[union-attr]
    boek.save(pad)
    resultaat = _importeer(database, pad)
    assert resultaat.toegepast and not resultaat.fouten
    gegevens = _gegevens(database)
    assert gegevens["Training B"].gemeenten == ("Culemborg", "Tiel")
    assert gegevens["Training B"].uitvoerder == "Bureau X"
    assert gegevens["Training C"].gemeenten == ("Buren",)
    assert sum("zijn samengevoegd" in m for m in _meldingen(resultaat)) == 2


def test_formulas_without_result_change_nothing_and_name_the_formula(
    database: Database, tmp_path: Path
) -> None:
    eerst = maak_werkmap(
        tmp_path / "eerst.xlsx",
        [["Training A", "Work first", "4.1", None, "Bureau X", 100]],
        KOP,
    )
    assert _importeer(database, eerst).toegepast
    voor = dump(database)
    pad = maak_werkmap(
        tmp_path / "formules.xlsx",
        [
            ["Training A", "Work first", "4.1", None, '=CONCAT("Bureau ", "Y")', "=100*2"],
            ['="Training "&"B"', "Work first", "4.1", None, None, 5],
        ],
        KOP,
    )
    resultaat = _importeer(database, pad)
    assert not resultaat.toegepast
    meldingen = _meldingen(resultaat)
    assert len(resultaat.fouten) == 3
    for cel in ("E2", "F2", "A3"):
        assert any(f"Cel {cel} heeft een formule zonder uitkomst" in m for m in meldingen)
    assert not any("De naam ontbreekt" in m for m in meldingen)
    assert dump(database) == voor


def test_a_cached_error_value_is_never_stored(database: Database, tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "fout.xlsx", [["Training A", "Work first", "4.1", None, "x", 100]], KOP
    )
    vervang_cel(pad, "E2", '<c r="E2" t="e"><f>VLOOKUP(A2,Lijst!A:B,2,0)</f><v>#N/A</v></c>')
    voor = dump(database)
    resultaat = _importeer(database, pad)
    (fout,) = resultaat.fouten
    assert fout.rij == 2 and fout.kolom == "E (Uitvoerder)" and fout.waarde == "#N/A"
    assert dump(database) == voor


def test_a_code_stored_as_a_number_is_refused_when_two_codes_fit(
    database: Database, tmp_path: Path
) -> None:
    pad = maak_werkmap(
        tmp_path / "code.xlsx",
        [["Training A", "Work first", 1.1], ["Training B", "Work first", 1.7]],
        kenmerken=[["1.10", "Werkhouding", "Hoe je werkt.", "Hoe je werkt."]],
    )
    boek = load_workbook(pad)
    boek["Instrumenten"]["C2"].number_format = "0.00"
    boek.save(pad)
    voor = dump(database)
    resultaat = _importeer(database, pad)
    (fout,) = resultaat.fouten
    assert fout.rij == 2 and fout.kolom == "C (Afgeleide kenmerken)"
    assert "‘1.10’" in fout.melding and "1.1 of 1.10" in fout.melding
    assert "tekst" in fout.melding
    assert dump(database) == voor


def test_a_number_that_only_one_code_fits_is_that_code(database: Database, tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "getal.xlsx",
        [["Training A", "Work first", 1.7, 1], ["Training B", "Work first", "4.1", 4]],
        ("Naam", "Fenger", "Afgeleide kenmerken", "Theoretische kenmerken"),
    )
    resultaat = _importeer(database, pad)
    assert resultaat.toegepast and not resultaat.fouten
    gegevens = _gegevens(database)
    assert gegevens["Training A"].kenmerken == ("1.7",)
    assert gegevens["Training B"].kenmerken == ("4.1",)


def test_a_kenmerk_code_stored_as_a_number_on_the_kenmerken_sheet_is_refused(
    database: Database, tmp_path: Path
) -> None:
    pad = maak_werkmap(
        tmp_path / "kenmerkblad.xlsx",
        [["Training A", "Work first", "1.7"]],
        kenmerken=[[1.1, "Werkhouding", "Hoe je werkt.", "Hoe je werkt."]],
    )
    boek = load_workbook(pad)
    boek["Kenmerken"]["A2"].number_format = "0.00"
    boek.save(pad)
    voor = dump(database)
    resultaat = _importeer(database, pad)
    (fout,) = resultaat.fouten
    assert fout.blad == "Kenmerken" and "‘1.10’" in fout.melding
    assert dump(database) == voor


def test_invisible_characters_defeat_neither_duplicates_nor_matching(
    database: Database, tmp_path: Path
) -> None:
    eerst = maak_werkmap(tmp_path / "eerst.xlsx", [["Taaltoets", "Work first", "1.3.2"]])
    assert _importeer(database, eerst).toegepast
    dubbel = maak_werkmap(
        tmp_path / "dubbel.xlsx",
        [["Taaltoets", "Work first", "1.3.2"], ["Taal\u00adtoets\u200b", "Work first", "4.1"]],
    )
    resultaat = _importeer(database, dubbel, proef=True)
    assert any("Deze naam staat er al" in m for m in _meldingen(resultaat))
    zelfde = maak_werkmap(
        tmp_path / "zelfde.xlsx", [["\ufeffTaal\u2060toets", "Work\u200b first", "1.3.2\u200e"]]
    )
    resultaat = _importeer(database, zelfde, proef=True)
    assert not resultaat.problemen
    assert [w.soort for w in resultaat.instrumenten] == [ONGEWIJZIGD]


def test_excel_escapes_are_decoded_in_every_text(database: Database, tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "escape.xlsx",
        [
            [
                "Training_x0009_A",
                "Work first",
                "4.1",
                "Je oefent._x000D_\nJe leert.",
                "Bureau_x000D_\nX",
            ]
        ],
        ("Naam", "Fenger", "Afgeleide kenmerken", "Omschrijving", "Uitvoerder"),
    )
    resultaat = _importeer(database, pad)
    assert resultaat.toegepast
    (gegevens,) = _gegevens(database).values()
    assert gegevens.naam == "Training\tA"
    assert gegevens.omschrijving == "Je oefent.\nJe leert."
    assert gegevens.uitvoerder == "Bureau\nX"
    assert "_x000" not in repr(gegevens)


@pytest.mark.parametrize("kosten", ["€ 1.250,–", "€ 1.250,—", "€1.250,=", "1.250,- euro"])
def test_dutch_amounts_with_a_dash_are_amounts(
    database: Database, tmp_path: Path, kosten: str
) -> None:
    pad = maak_werkmap(
        tmp_path / "kosten.xlsx",
        [["Training A", "Work first", "4.1", kosten]],
        ("Naam", "Fenger", "Afgeleide kenmerken", "Kosten"),
    )
    resultaat = _importeer(database, pad)
    assert resultaat.toegepast and not resultaat.problemen
    (gegevens,) = _gegevens(database).values()
    assert gegevens.kosten_centen == 125_000 and gegevens.kosten_tekst is None


def _cli(db_url: str, pad: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--database", db_url, "import", str(pad), "--dry-run"])
    uit = capsys.readouterr()
    return code, uit.out + uit.err


def test_refusals_on_the_command_line_exit_2_in_dutch(
    db_url: str, database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = maak_werkmap(tmp_path / "tabs.xlsx", [["Training A", "Work first", "4.1"]])
    boek = load_workbook(pad)
    boek.create_sheet("Instrumenten ").append(["Naam", "Fenger", "Afgeleide kenmerken"])
    boek.save(pad)
    voor = dump(database)
    code, uit = _cli(db_url, pad, capsys)
    assert code == 2
    assert "‘Instrumenten’ en ‘Instrumenten ’" in uit
    assert dump(database) == voor
    code, uit = _cli(db_url, Path(__file__).parent / "data" / "strict-open-xml.xlsx", capsys)
    assert code == 2 and "Strict Open XML wordt niet ondersteund" in uit
    for engels in ("Warning", "warn(", "not supported", "Traceback", "cannot"):
        assert engels not in uit
