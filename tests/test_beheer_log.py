"""Reading the mutation log: filters, history, xlsx export, and no way to change it."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout, NietGevondenFout
from keuzehulp.services import beheer as beheer_pakket
from keuzehulp.services.beheer import actualiteit, beheerders, instrumenten, mutatielog, versies
from keuzehulp.services.beheer.mutatielog import MutatieFilter, zoek_mutaties
from tests.beheer_hulp import nieuw
from tests.conftest import TEST_GEBRUIKER

U = TEST_GEBRUIKER


def _twee_instrumenten(db: Database) -> tuple[int, int]:
    a = nieuw(db, "Coaching, Stap Verder")
    b = nieuw(db, "Training, Sollicitatie")
    beheerders.voeg_beheerder_toe(db, U, "bram")
    bewerking = instrumenten.open_instrument(db, a)
    instrumenten.bewaar_instrument(
        db, "bram", a, bewerking.versie, bewerking.gegevens.model_copy(update={"doel": "X"}), "doel"
    )
    return a, b


def test_filters_by_instrument_user_and_entity(database: Database) -> None:
    a, b = _twee_instrumenten(database)
    van_a = zoek_mutaties(database, MutatieFilter(instrument_id=a))
    assert {m.entiteit_id for m in van_a} == {a}
    assert [m.actie for m in van_a] == ["gewijzigd", "toegevoegd"]  # newest first
    van_bram = zoek_mutaties(database, MutatieFilter(gebruiker="bram"))
    assert [(m.veld, m.nieuwe_waarde, m.reden) for m in van_bram] == [("doel", "X", "doel")]
    beheer = zoek_mutaties(database, MutatieFilter(entiteit="beheerder"))
    assert [m.entiteit_naam for m in beheer] == ["bram", U]  # U: first user, at start
    geschiedenis = mutatielog.geschiedenis(database, b)
    assert [m.actie for m in geschiedenis] == ["toegevoegd"]


def test_filter_by_period(database: Database) -> None:
    _twee_instrumenten(database)
    vandaag = dt.date.today()
    assert zoek_mutaties(database, MutatieFilter(sinds=vandaag, tot=vandaag))
    assert zoek_mutaties(database, MutatieFilter(sinds=vandaag + dt.timedelta(days=1))) == []
    assert zoek_mutaties(database, MutatieFilter(tot=vandaag - dt.timedelta(days=1))) == []
    with pytest.raises(InvoerFout, match="vóór"):
        zoek_mutaties(database, MutatieFilter(sinds=vandaag, tot=vandaag - dt.timedelta(days=1)))


def test_find_instrument_by_name_or_number(database: Database) -> None:
    a, b = _twee_instrumenten(database)
    assert mutatielog.zoek_instrument(database, str(a)) == a
    assert mutatielog.zoek_instrument(database, "coaching, stap verder") == a
    assert mutatielog.zoek_instrument(database, "sollicit") == b
    with pytest.raises(InvoerFout, match="past bij 2 instrumenten"):
        mutatielog.zoek_instrument(database, "i")
    with pytest.raises(NietGevondenFout):
        mutatielog.zoek_instrument(database, "999")


def test_export_to_xlsx_cell_by_cell(database: Database, tmp_path: Path) -> None:
    a, _ = _twee_instrumenten(database)
    pad = tmp_path / "log.xlsx"
    assert mutatielog.exporteer_xlsx(database, pad, MutatieFilter(instrument_id=a)) == 2
    blad = load_workbook(pad).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0] == mutatielog.KOLOMMEN
    assert rijen[1][1:] == (
        "tester",
        "toegevoegd",
        "instrument",
        "Coaching, Stap Verder",
        None,
        None,
        None,
        "nieuw",
        "bewerking in Beheer",  # the Dutch label, as the screen shows it
    )
    assert rijen[2][1:] == (
        "bram",
        "gewijzigd",
        "instrument",
        "Coaching, Stap Verder",
        "Doel",
        None,
        "X",
        "doel",
        "bewerking in Beheer",
    )
    assert isinstance(rijen[1][0], dt.datetime)


def test_dates_and_sources_read_as_on_screen_also_in_the_export(
    database: Database, tmp_path: Path
) -> None:
    """The log stores ISO text (a version "2026-11-30", start dates, a review moment); the
    screens and the export show 30-11-2026 as everywhere else, and Dutch sources."""
    a = nieuw(database)
    actualiteit.markeer_beoordeeld(database, U, a)
    bewerking = instrumenten.open_instrument(database, a)
    gegevens = bewerking.gegevens.model_copy(
        update={"start_soort": "vaste_data", "startdata": "2027-01-05; 2027-03-01"}
    )
    instrumenten.bewaar_instrument(database, U, a, bewerking.versie, gegevens, "startdata")
    versies.publiceer_versie(database, U, "proef", datum=dt.date(2026, 11, 30))
    regels = zoek_mutaties(database)
    versie = next(r for r in regels if r.entiteit == "catalogusversie")
    assert (versie.entiteit_naam, versie.naam_getoond) == ("2026-11-30", "30-11-2026")
    start = next(r for r in regels if r.veld == "startdata")
    assert (start.nieuwe_waarde, start.nieuw_getoond) == (
        "2027-01-05; 2027-03-01",
        "05-01-2027; 01-03-2027",
    )
    beoordeeld = next(r for r in regels if r.veld == "beoordeeld_op")
    assert beoordeeld.nieuwe_waarde is not None and "T" in beoordeeld.nieuwe_waarde  # ISO
    moment = dt.datetime.fromisoformat(beoordeeld.nieuwe_waarde).astimezone()
    assert beoordeeld.nieuw_getoond == f"{moment:%d-%m-%Y %H:%M}"
    assert {r.bron for r in regels} == {"editor", "basisgegevens"}  # as stored
    assert {r.bron_getoond for r in regels} == {"bewerking in Beheer", "basisgegevens bij de start"}

    pad = tmp_path / "log.xlsx"
    mutatielog.exporteer_xlsx(database, pad)
    cellen = [
        str(c)
        for rij in load_workbook(pad).active.iter_rows(min_row=2, min_col=2, values_only=True)
        for c in rij
        if c is not None
    ]
    assert "30-11-2026" in cellen and "05-01-2027; 01-03-2027" in cellen
    assert [c for c in cellen if re.search(r"\d{4}-\d{2}-\d{2}", c)] == []
    assert "editor" not in cellen and "bewerking in Beheer" in cellen


def test_export_to_unwritable_place_gives_dutch_message(database: Database, tmp_path: Path) -> None:
    with pytest.raises(InvoerFout, match=r"Kan .* niet schrijven"):
        mutatielog.exporteer_xlsx(database, tmp_path / "bestaat-niet" / "log.xlsx")


def test_no_beheer_service_offers_to_change_the_log() -> None:
    verboden = ("wijzig", "verwijder", "bewerk", "pas_aan", "wis", "delete", "update")
    for info in pkgutil.iter_modules(beheer_pakket.__path__):
        module = importlib.import_module(f"keuzehulp.services.beheer.{info.name}")
        bron = Path(module.__file__ or "").read_text(encoding="utf-8")
        assert "update(Mutatie" not in bron and "delete(Mutatie" not in bron
        if info.name == "mutatielog":
            namen = [n for n in dir(module) if not n.startswith("_")]
            assert not [n for n in namen if any(v in n.lower() for v in verboden)]
