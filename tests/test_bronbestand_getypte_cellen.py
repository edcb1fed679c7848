"""A typed column never turns a wrong cell into a silent value (real xlsx, both engines).

Kosten: a text that is no amount is kept as text with a warning naming sheet, row, column
and value (or silently for a price text such as `op aanvraag`); the other typed columns
(duur, uren, cijfers, ja/nee, startdata, kosten voor de klant) refuse what they cannot read.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.services.bronbestand.importeren import NIEUW, ImportResultaat, importeer
from tests.bronbestand_werkmappen import maak_werkmap
from tests.conftest import TEST_GEBRUIKER

BASIS = ["Training A", "Work first", "4.1", "Tiel"]
KOP = ("Naam", "Fenger", "Afgeleide kenmerken", "Gemeente")


def _proef(db: Database, tmp_path: Path, kop: str, cel: Any) -> ImportResultaat:
    pad = maak_werkmap(tmp_path / "getypt.xlsx", [[*BASIS, cel]], (*KOP, kop))
    return importeer(db, pad, TEST_GEBRUIKER, proefdraaien=True, reden="test")


def test_cost_text_without_amount_is_a_warning_naming_the_cell(
    database: Database, tmp_path: Path
) -> None:
    resultaat = _proef(database, tmp_path, "Kosten", "veel geld")
    assert not resultaat.fouten
    [melding] = [str(p) for p in resultaat.waarschuwingen]
    assert melding.startswith("Instrumenten, rij 2, kolom E (Kosten) ‘veel geld’: waarschuwing")
    assert "Kosten ‘veel geld’ is geen bedrag: bewaard als tekst, zonder bedrag." in melding
    [nieuw] = resultaat.van_soort(NIEUW)
    assert nieuw.naam == "Training A"


def test_cost_text_with_digits_is_a_warning_too(database: Database, tmp_path: Path) -> None:
    resultaat = _proef(database, tmp_path, "Kosten", "ongeveer 500 per maand")
    [melding] = [str(p) for p in resultaat.waarschuwingen]
    assert "‘ongeveer 500 per maand’ is geen bedrag: bewaard als tekst" in melding


@pytest.mark.parametrize("cel", ["op aanvraag", "In overleg", "n.o.t.k.", "€ 1.250,-", "gratis"])
def test_price_texts_and_amounts_give_no_warning(
    database: Database, tmp_path: Path, cel: str
) -> None:
    resultaat = _proef(database, tmp_path, "Kosten", cel)
    assert resultaat.problemen == []


@pytest.mark.parametrize(
    ("kop", "cel", "woorden"),
    [
        ("Kosten", True, "geen bedrag"),
        ("Kosten", dt.datetime(2027, 1, 11), "Een datum is geen bedrag"),
        ("Kosten voor de klant", "veel geld", "is geen bedrag"),
        ("Kosten voor de klant", "op aanvraag", "is geen bedrag"),
        ("Duur (weken)", "een paar", "aantal weken"),
        ("Duur (weken)", dt.datetime(2027, 1, 11), "aantal weken"),
        ("Uren per week", "veel", "aantal uren"),
        ("Waardering professionals", "goed", "geen cijfer"),
        ("Waardering professionals", True, "geen cijfer"),
        ("Waardering werkzoekende", dt.datetime(2027, 1, 11), "geen cijfer"),
        ("Waardering werkzoekende", 11, "1 tot en met 10"),
        ("Goed Nederlands nodig", "misschien", "geen ja of nee"),
        ("Goed Nederlands nodig", 1, "geen ja of nee"),
        ("Startdata", "volgend voorjaar", "geen datum"),
        ("Startdata", 46000, "geen datum"),
    ],
)
def test_typed_column_refuses_what_it_cannot_read(
    database: Database, tmp_path: Path, kop: str, cel: Any, woorden: str
) -> None:
    resultaat = _proef(database, tmp_path, kop, cel)
    [fout] = resultaat.fouten
    assert (fout.blad, fout.rij) == ("Instrumenten", 2)
    assert fout.kolom is not None and fout.kolom.startswith("E (")
    assert woorden in fout.melding
    with database.lezen() as s:
        assert s.scalars(select(Instrument).where(Instrument.naam == "Training A")).all() == []


def test_cost_warning_does_not_block_and_the_text_lands(database: Database, tmp_path: Path) -> None:
    pad = maak_werkmap(tmp_path / "kosten.xlsx", [[*BASIS, "veel geld"]], (*KOP, "Kosten"))
    resultaat = importeer(database, pad, TEST_GEBRUIKER, proefdraaien=False, reden="test")
    assert resultaat.toegepast and len(resultaat.waarschuwingen) == 1
    with database.lezen() as s:
        instrument = s.scalars(select(Instrument).where(Instrument.naam == "Training A")).one()
        assert (instrument.kosten_centen, instrument.kosten_tekst) == (None, "veel geld")
