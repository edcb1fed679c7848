"""Export: the same format, and round trips that change nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.services.bronbestand.exporteren import exporteer
from keuzehulp.services.bronbestand.importeren import ONGEWIJZIGD, importeer
from keuzehulp.services.bronbestand.kolommen import KOLOMMEN
from keuzehulp.services.bronbestand.voorbeeld import VOORBEELD_BRON, voorbeeldcatalogus_pad
from tests.bronbestand_werkmappen import cellen, dump
from tests.conftest import TEST_GEBRUIKER


def test_sample_catalogue_imports_without_any_problem(database: Database) -> None:
    pad = voorbeeldcatalogus_pad()
    assert pad is not None
    resultaat = importeer(database, pad, TEST_GEBRUIKER, proefdraaien=True)
    assert resultaat.problemen == []
    assert resultaat.aantallen()["nieuw"] == 61


def test_new_database_starts_with_the_sample_catalogue(catalogus: Database) -> None:
    with catalogus.lezen() as s:
        per_status = dict(
            s.execute(select(Instrument.status, func.count()).group_by(Instrument.status)).all()
        )
        assert per_status == {InstrumentStatus.ACTIEF: 52, InstrumentStatus.GEPARKEERD: 9}
        bronnen = set(s.scalars(select(Mutatie.bron).where(Mutatie.entiteit == "instrument")))
        assert bronnen == {VOORBEELD_BRON}
        experts = s.scalars(
            select(Instrument.overleg_met).where(Instrument.overleg_met.is_not(None))
        )
        assert sorted(experts) == [
            "Arbeidsdeskundige of bedrijfsarts van Werkzaak",
            "Psycholoog van Werkzaak",
        ]


def test_importing_an_unchanged_export_changes_nothing(catalogus: Database, tmp_path: Path) -> None:
    pad = tmp_path / "export.xlsx"
    assert exporteer(catalogus, pad) == (52, 9)
    voor = dump(catalogus)
    proef = importeer(catalogus, pad, TEST_GEBRUIKER, proefdraaien=True)
    assert proef.problemen == []
    assert {w.soort for w in proef.instrumenten} == {ONGEWIJZIGD}
    assert len(proef.instrumenten) == 61 and proef.kenmerken == []
    echt = importeer(catalogus, pad, TEST_GEBRUIKER, proefdraaien=False)
    assert echt.toegepast and not echt.verandert_iets
    assert dump(catalogus) == voor  # not even a mutation row


def test_import_export_import_is_stable_cell_by_cell(database: Database, tmp_path: Path) -> None:
    seed = voorbeeldcatalogus_pad()
    assert seed is not None
    importeer(database, seed, TEST_GEBRUIKER, proefdraaien=False)
    eerste, tweede = tmp_path / "een.xlsx", tmp_path / "twee.xlsx"
    exporteer(database, eerste)
    assert importeer(database, eerste, TEST_GEBRUIKER, proefdraaien=False).toegepast
    exporteer(database, tweede)
    assert cellen(eerste) == cellen(tweede)


def test_export_format(catalogus: Database, tmp_path: Path) -> None:
    pad = tmp_path / "export.xlsx"
    exporteer(catalogus, pad)
    boek = load_workbook(pad)
    assert boek.sheetnames == ["Instrumenten", "Parkeer", "Kenmerken", "Keuzelijsten"]
    assert boek["Keuzelijsten"].sheet_state == "hidden"
    blad = boek["Instrumenten"]
    koppen = [c.value for c in blad[1]]
    assert koppen == [k.kop for k in KOLOMMEN]
    assert koppen[0] == "ID" and koppen[-1] == "Eerst overleggen met"
    assert blad.freeze_panes == "C2"
    assert blad.max_row == 53 and boek["Parkeer"].max_row == 10
    assert boek["Kenmerken"].max_row == 38
    assert blad.column_dimensions["B"].width == 40
    assert all(isinstance(c.value, int) for c in blad["A"][1:])
    assert blad["B2"].alignment.wrap_text
    validaties = {
        str(dv.sqref).split(":")[0]: dv.formula1 for dv in blad.data_validations.dataValidation
    }
    fenger = next(k for k in KOLOMMEN if k.veld == "routes")
    letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[KOLOMMEN.index(fenger)]
    assert validaties[f"{letter}2"] == "Keuzelijsten!$A$1:$A$3"
    assert any(f.startswith("Keuzelijsten!$B$1") for f in validaties.values())
    lijsten = boek["Keuzelijsten"]
    assert [c.value for c in lijsten["A"][:3]] == [
        "Life first",
        "Human Capital first",
        "Work first",
    ]
    assert lijsten["A4"].value is None
    assert "1.7 Zelfinzicht" in [c.value for c in lijsten["B"]]
    kosten = next(c for c in blad[2] if c.number_format.startswith('"€ "'))
    assert isinstance(kosten.value, int | float)


def test_export_refuses_a_wrong_name_and_leaves_no_half_file(
    catalogus: Database, tmp_path: Path
) -> None:
    from keuzehulp.services.bronbestand.exporteren import ExportFout

    try:
        exporteer(catalogus, tmp_path / "export.csv")
    except ExportFout as fout:
        assert "eindigt op .xlsx" in fout.melding
    else:
        raise AssertionError("export naar .csv had moeten mislukken")
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*.deel*")) == []


class _Gestopt(Exception):
    """What a progress callback raises when the user cancels (as Takenloper's does)."""


def test_gestopte_export_laat_niets_achter_en_zwijgt(
    catalogus: Database, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """Annuleren while the workbook is written: no file, no temporary file beside it, and
    nothing on stderr (openpyxl printed "Exception ignored ... I/O operation on closed
    file" once its half-written sheets were collected)."""
    import gc

    (tmp_path / "uit").mkdir()
    doel = tmp_path / "uit" / "bronbestand.xlsx"

    def voortgang(procent: int, _tekst: str) -> None:
        if procent > 0:  # the Instrumenten sheet has rows: stop in the middle of it
            raise _Gestopt

    with pytest.raises(_Gestopt):
        exporteer(catalogus, doel, voortgang)
    gc.collect()  # where the generators of the unfinished sheets used to complain
    assert list(doel.parent.iterdir()) == []
    assert capfd.readouterr().err == ""


def test_gestopte_export_in_een_werker(
    database: Database, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """The same through the real path: the export of 3,000 instruments in a worker process,
    cancelled by the window's progress callback while the worker writes a sheet (its next
    report after the stop, 500 rows on); the worker then collects its garbage."""
    import random

    from keuzehulp.services import proces
    from keuzehulp.services.beheerdienst import BeheerDienst
    from tests.catalogusgenerator import vul_catalogus, willekeurige_gegevens

    vul_catalogus(database, willekeurige_gegevens(random.Random(4), 3000))
    proces.sluit_werkers()  # a new worker, whose stderr is the one captured here
    (tmp_path / "uit").mkdir()
    doel = tmp_path / "uit" / "bronbestand.xlsx"
    werk = BeheerDienst(database, TEST_GEBRUIKER).exporteer_werk(doel)
    assert werk.apart  # really in another process

    def voortgang(procent: int, _tekst: str) -> None:
        if procent > 0:
            raise _Gestopt

    with pytest.raises(_Gestopt):
        werk(voortgang)
    # The same worker (kept for the next task) collects what the stopped export left:
    # there openpyxl's half-written sheets printed "Exception ignored ..." on stderr.
    pid = proces.ProcesWerk("tests.proces_werk:ruim_op", (), apart=True)(lambda p, t: None)
    assert pid != os.getpid()
    proces.sluit_werkers()
    assert list(doel.parent.iterdir()) == []
    assert "Exception" not in capfd.readouterr().err
