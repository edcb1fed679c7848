"""`keuzehulp voorbeeld --gesprekken N` and `keuzehulp inzicht [--export]` on both engines."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from keuzehulp.cli.inzicht import duur_nl
from keuzehulp.cli.main import main
from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.gesprek import Gesprek, GesprekOptie
from keuzehulp.model.terugblik import Opmerking, Terugblik
from keuzehulp.services import privacy
from keuzehulp.services.inzicht.filter import laatste_maanden
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.services.terugblik import REDENEN_STOPPEN
from keuzehulp.services.voorbeeldgesprekken import VOORBEELD_COACH, echte_gesprekken
from tests.conftest import TEST_GEBRUIKER
from tests.inzicht_hulp import G, utc, voeg_toe

Uitvoer = pytest.CaptureFixture[str]


def _draai(url: str, capsys: Uitvoer, *args: str) -> tuple[int, str, str]:
    code = main(["--database", url, *args])
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def _tel(url: str, *modellen: type) -> list[int]:
    db = open_catalogus(url, TEST_GEBRUIKER, ()).database
    try:
        with db.lezen() as s:
            return [s.scalar(select(func.count()).select_from(m)) or 0 for m in modellen]
    finally:
        db.sluit()


def test_voorbeeld_vult_een_lege_database(db_url: str, capsys: Uitvoer) -> None:
    code, uit, fout = _draai(db_url, capsys, "voorbeeld", "--gesprekken", "400")
    assert (code, fout) == (0, "")
    assert "Voorbeeldcatalogus geladen: 61 instrumenten" in uit
    assert "400 verzonnen gesprekken toegevoegd" in uit
    assert "2 verzonnen varianten" in uit  # the sample catalogue's made-up past
    assert " s (" not in uit and "in 0 " not in uit  # no "in 0 s": Dutch words, or nothing
    instrumenten, gesprekken, terugblikken, opties = _tel(
        db_url, Instrument, Gesprek, Terugblik, GesprekOptie
    )
    assert (instrumenten, gesprekken) == (61 + 2, 400)
    assert terugblikken > 150 and opties > 2 * 400
    db = open_catalogus(db_url, TEST_GEBRUIKER, ()).database
    with db.lezen() as s:
        coaches = set(s.scalars(select(Gesprek.coach)))
        referenties = set(s.scalars(select(Gesprek.client_referentie)))
        teksten = list(s.scalars(select(Opmerking.tekst)))
        doelen = set(s.scalars(select(Gesprek.doel)))
        redenen = set(s.scalars(select(Terugblik.reden_stoppen)))
        keuzes_op_lijst = s.scalar(
            select(func.count())
            .select_from(Gesprek)
            .where(
                Gesprek.keuze_id.is_not(None),
                ~select(GesprekOptie.gesprek_id)
                .where(
                    GesprekOptie.gesprek_id == Gesprek.id,
                    GesprekOptie.instrument_id == Gesprek.keuze_id,
                )
                .exists(),
            )
        )
    db.sluit()
    assert all(c.startswith(f"{VOORBEELD_COACH} ") for c in coaches) and len(coaches) > 5
    assert referenties == {None}
    assert redenen - {None} and redenen - {None} <= set(REDENEN_STOPPEN)  # the screen's codes
    assert keuzes_op_lijst == 0  # every choice is on its gesprek's shortlist
    assert teksten  # remarks reach the Opmerkingen list
    for tekst in [*teksten, *doelen]:
        privacy.controleer(tekst, "voorbeeld")  # no BSN, no date: raises otherwise


def test_voorbeeld_laadt_catalogus_niet_twee_keer(db_url: str, capsys: Uitvoer) -> None:
    assert _draai(db_url, capsys, "voorbeeld")[0] == 0
    code, uit, _ = _draai(db_url, capsys, "voorbeeld", "--gesprekken", "30", "--zaad", "3")
    assert code == 0 and "al 61 instrumenten" in uit and "30 verzonnen" in uit
    assert _tel(db_url, Instrument, Gesprek) == [61 + 2, 30]  # with the two demo variants


def test_voorbeeld_weigert_bij_echte_gesprekken(db_url: str, capsys: Uitvoer) -> None:
    _draai(db_url, capsys, "voorbeeld")
    db = open_catalogus(db_url, TEST_GEBRUIKER, ()).database
    with db.lezen() as s:
        eerste = s.scalar(select(Instrument.id).order_by(Instrument.id).limit(1))
    assert eerste is not None
    voeg_toe(db, [G(utc(2026, 1, 5), (eerste,), eerste)])
    db.sluit()
    code, _, fout = _draai(db_url, capsys, "voorbeeld", "--gesprekken", "10")
    assert code == 1 and "al 1 echt gesprek." in fout, fout
    assert "keuzehulp --database oefen.sqlite voorbeeld --gesprekken" in fout  # what to do
    assert _tel(db_url, Gesprek) == [1]


@pytest.mark.parametrize("waarde", ["0", "tien", "2000000"])
def test_voorbeeld_weigert_verkeerd_aantal(db_url: str, capsys: Uitvoer, waarde: str) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--database", db_url, "voorbeeld", "--gesprekken", waarde])
    assert stop.value.code == 2
    assert "bij --gesprekken" in capsys.readouterr().err


def test_inzicht_toont_cijfers_en_exporteert(db_url: str, capsys: Uitvoer, tmp_path: Path) -> None:
    _draai(db_url, capsys, "voorbeeld", "--gesprekken", "300")
    code, uit, fout = _draai(db_url, capsys, "inzicht", "--gemeente", "tiel", "--alles")
    assert (code, fout) == (0, "")
    assert "Inzicht, gesprekken: alle gesprekken, Tiel" in uit
    assert "Gebruik per maand" in uit and "Witte vlekken" in uit and "verborgen" in uit
    maanden = uit.split("Gebruik per maand")[1].split("Gebruik per gemeente")[0]
    # A month reads as in every table and chart ("dec 2025"), never "2025-12".
    assert re.search(r"\n  [a-z]{3} 20\d\d ", maanden) and not re.search(r"20\d\d-\d\d", maanden)
    xlsx, pdf = tmp_path / "inzicht.xlsx", tmp_path / "inzicht.pdf"
    assert _draai(db_url, capsys, "inzicht", "--alles", "--export", str(xlsx))[0] == 0
    boek = load_workbook(xlsx)
    assert "Uitkomsten en cijfers" in boek.sheetnames
    assert boek["Overzicht"]["B2"].value == "alle gesprekken, alle gemeenten"
    code, uit, _ = _draai(db_url, capsys, "inzicht", "--van", "1-1-2026", "--export", str(pdf))
    assert code == 0 and str(pdf) in uit
    tekst = PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text()
    assert "vanaf 01-01-2026" in tekst


def test_inzicht_toont_standaard_de_laatste_12_maanden_zoals_het_scherm(
    db_url: str, capsys: Uitvoer, tmp_path: Path
) -> None:
    """The CLI's default period is the screen's (issue 15): the last 12 months, and it says so."""
    _draai(db_url, capsys, "voorbeeld", "--gesprekken", "300")
    van, tot = laatste_maanden(dt.date.today())  # the screen's "Laatste 12 maanden" too
    verwacht = f"{van:%d-%m-%Y} tot en met {tot:%d-%m-%Y}, alle gemeenten"
    code, uit, _ = _draai(db_url, capsys, "inzicht")
    assert code == 0
    assert f"Inzicht, gesprekken: {verwacht}; de laatste 12 maanden, zoals op het scherm." in uit
    assert "Alles: --alles" in uit
    xlsx = tmp_path / "inzicht.xlsx"
    code, uit, _ = _draai(db_url, capsys, "inzicht", "--export", str(xlsx))
    assert code == 0 and f"gesprekken: {verwacht}" in uit
    assert load_workbook(xlsx)["Overzicht"]["B2"].value == verwacht
    alles = _draai(db_url, capsys, "inzicht", "--alles")[1]
    assert "Inzicht, gesprekken: alle gesprekken, alle gemeenten" in alles


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["--alles", "--van", "1-1-2026"], "--alles: kies alle gesprekken óf een periode"),
        (["--export", "inzicht.csv"], "eindigt op .xlsx (Excel) of .pdf"),
        (["--export", "/bestaat/niet/inzicht.pdf"], "bestaat niet"),
        (["--gemeente", "Amsterdam"], "Kies uit: Buren, Culemborg"),
        (["--van", "31-2-2026"], "geen geldige datum"),
        (["--van", "2-2-2026", "--tot", "1-1-2026"], "ligt vóór"),
    ],
)
def test_inzicht_meldt_fouten_in_het_nederlands(
    db_url: str, capsys: Uitvoer, args: list[str], melding: str
) -> None:
    code, _uit, fout = _draai(db_url, capsys, "inzicht", *args)
    assert code == 1 and melding in fout and "Traceback" not in fout


def test_inzicht_zegt_waarom_een_tabel_leeg_is(db_url: str, capsys: Uitvoer) -> None:
    _draai(db_url, capsys, "voorbeeld")
    code, uit, _ = _draai(db_url, capsys, "inzicht", "--van", "1-1-2020", "--tot", "2-1-2020")
    assert code == 0
    assert "Nog geen gesprekken in deze periode. Kies een langere periode." in uit
    assert "(nog geen gegevens)" not in uit


def test_duur_in_woorden() -> None:
    assert duur_nl(0.4) == ""
    assert duur_nl(1.2) == "1 seconde"
    assert duur_nl(12.4) == "12 seconden"
    assert duur_nl(60) == "1 minuut"
    assert duur_nl(125) == "2 minuten en 5 seconden"


def test_aantal_echte_gesprekken_in_goed_nederlands() -> None:
    assert echte_gesprekken(1) == "1 echt gesprek"
    assert echte_gesprekken(2) == "2 echte gesprekken"
    assert echte_gesprekken(12345) == "12.345 echte gesprekken"
