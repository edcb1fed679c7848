"""The structured practical columns of the bronbestand: reading, errors, absent columns, export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from keuzehulp.model.catalogus import Instrument, Kenmerk
from keuzehulp.model.db import Database
from keuzehulp.services.bronbestand.exporteren import exporteer
from keuzehulp.services.bronbestand.importeren import (
    GEWIJZIGD,
    NIEUW,
    ONGEWIJZIGD,
    ImportResultaat,
    importeer,
)
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, gegevens_van
from tests.bronbestand_werkmappen import cellen, dump, maak_werkmap
from tests.conftest import TEST_GEBRUIKER

BASIS = ("Naam", "Fenger", "Afgeleide kenmerken")
NIEUWE_KOLOMMEN = (
    "Duur (weken)",
    "Uren per week",
    "Start",
    "Startdata",
    "Goed Nederlands nodig",
    "Alleen of in groep",
    "Kosten voor de klant",
)
RIJ = ("Training A, Bureau X", "Human Capital first", "1.7")


def _importeer(db: Database, pad: Path, proef: bool = False) -> ImportResultaat:
    return importeer(db, pad, TEST_GEBRUIKER, proefdraaien=proef, reden="test")


def _gegevens(db: Database, naam: str = RIJ[0]) -> InstrumentGegevens:
    with db.lezen() as s:
        instrument = s.scalars(select(Instrument).where(Instrument.naam == naam)).one()
        return gegevens_van(instrument)


def _structuur(g: InstrumentGegevens) -> tuple[Any, ...]:
    return (
        g.duur_weken,
        g.uren_per_week,
        g.start_soort,
        g.startdata,
        g.nederlands_nodig,
        g.groepsvorm,
        g.kosten_klant_centen,
    )


@pytest.mark.parametrize(
    ("cellen_", "verwacht"),
    [
        (
            (6, 4, "doorlopend", None, "ja", "groep", 0),
            (6, 4.0, "doorlopend", None, True, "groep", 0),
        ),
        (
            ("6 weken", "2,5", "Vaste data", "11-01-2027; 08-03-2027", "Nee", "alleen", "gratis"),
            (6, 2.5, "vaste_data", "2027-01-11; 2027-03-08", False, "individueel", 0),
        ),
        (
            (" 12 ", 2.5, "vaste data", dt.datetime(2027, 3, 8), True, "Allebei", "€ 25,00"),
            (12, 2.5, "vaste_data", "2027-03-08", True, "beide", 2500),
        ),
        (
            ("onbekend", "-", None, "2027-01-11\n2027-03-08", "n.v.t.", "In een groep", None),
            (None, None, "vaste_data", "2027-01-11; 2027-03-08", None, "groep", None),
        ),
    ],
)
def test_the_new_columns_are_read_in_the_forms_people_type(
    database: Database, tmp_path: Path, cellen_: tuple[Any, ...], verwacht: tuple[Any, ...]
) -> None:
    pad = maak_werkmap(tmp_path / "b.xlsx", [(*RIJ, *cellen_)], (*BASIS, *NIEUWE_KOLOMMEN))
    resultaat = _importeer(database, pad)
    assert resultaat.problemen == [], [str(p) for p in resultaat.problemen]
    assert _structuur(_gegevens(database)) == verwacht


def test_aliases_of_the_new_columns(database: Database, tmp_path: Path) -> None:
    kop = (*BASIS, "Duur in weken", "Uur per week", "Groepsvorm", "Eigen bijdrage", "Taaleis")
    pad = maak_werkmap(tmp_path / "a.xlsx", [(*RIJ, 8, 3, "beide", 0, "nee")], kop)
    assert _importeer(database, pad).problemen == []
    g = _gegevens(database)
    assert (g.duur_weken, g.uren_per_week, g.groepsvorm, g.kosten_klant_centen) == (
        8,
        3.0,
        "beide",
        0,
    )
    assert g.nederlands_nodig is False


@pytest.mark.parametrize(
    ("kolom", "waarde", "in_melding"),
    [
        ("Duur (weken)", "zes", "aantal weken"),
        ("Duur (weken)", 0, "1 tot en met 520 weken"),
        ("Duur (weken)", 700, "1 tot en met 520 weken"),
        ("Uren per week", "veel", "uren per week"),
        ("Uren per week", 70, "hoogstens 60"),
        ("Start", "soms", "Kies doorlopend (altijd beginnen) of vaste data"),
        ("Startdata", "31-02-2027", "geen datum"),
        ("Startdata", "volgende maand", "geen datum"),
        ("Goed Nederlands nodig", "misschien", "geen ja of nee"),
        ("Alleen of in groep", "klas", "Kies individueel, groep of beide"),
        ("Kosten voor de klant", "op aanvraag", "geen bedrag"),
        ("Kosten voor de klant", -5, "niet negatief"),
    ],
)
def test_bad_values_are_dutch_errors_with_sheet_row_column_and_value(
    database: Database, tmp_path: Path, kolom: str, waarde: object, in_melding: str
) -> None:
    pad = maak_werkmap(tmp_path / "f.xlsx", [(*RIJ, waarde)], (*BASIS, kolom), titelrijen=[("x",)])
    voor = dump(database)
    resultaat = _importeer(database, pad)
    assert not resultaat.toegepast and dump(database) == voor
    [fout] = resultaat.fouten
    assert (fout.blad, fout.rij, fout.kolom) == ("Instrumenten", 3, f"D ({kolom})")
    assert fout.waarde == str(waarde)
    assert in_melding in fout.melding
    assert str(fout).startswith(f"Instrumenten, rij 3, kolom D ({kolom}) ‘{waarde}’: fout: ")


def test_dates_with_doorlopend_are_an_error(database: Database, tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "s.xlsx", [(*RIJ, "doorlopend", "11-01-2027")], (*BASIS, "Start", "Startdata")
    )
    [fout] = _importeer(database, pad).fouten
    assert fout.kolom == "E (Startdata)" and "‘doorlopend’" in fout.melding


def test_a_fraction_of_a_week_is_rounded_up_with_a_warning(
    database: Database, tmp_path: Path
) -> None:
    pad = maak_werkmap(tmp_path / "w.xlsx", [(*RIJ, "2,5")], (*BASIS, "Duur (weken)"))
    resultaat = _importeer(database, pad)
    [waarschuwing] = resultaat.waarschuwingen
    assert "afgerond naar 3 weken" in waarschuwing.melding
    assert _gegevens(database).duur_weken == 3


def _volledig(pad: Path, omvang: str = "6 weken, 1 dagdeel per week") -> Path:
    kop = (*BASIS, "Omvang en duur", "Beschikbaarheid", *NIEUWE_KOLOMMEN)
    rij = (*RIJ, omvang, "Doorlopend", 10, 6, "vaste data", "11-01-2027", "ja", "groep", 0)
    return maak_werkmap(pad, [rij], kop)


def test_an_empty_cell_in_a_present_column_clears_the_field(
    database: Database, tmp_path: Path
) -> None:
    _importeer(database, _volledig(tmp_path / "vol.xlsx"))
    kop = (*BASIS, *NIEUWE_KOLOMMEN)
    pad = maak_werkmap(tmp_path / "leeg.xlsx", [(*RIJ, *([None] * 7))], kop)
    resultaat = _importeer(database, pad)
    [wijziging] = resultaat.instrumenten
    assert wijziging.soort == GEWIJZIGD
    assert _structuur(_gegevens(database)) == (None,) * 7


def test_a_missing_column_leaves_the_field_as_it_is(database: Database, tmp_path: Path) -> None:
    _importeer(database, _volledig(tmp_path / "vol.xlsx"))
    voor = _structuur(_gegevens(database))
    assert voor == (10, 6.0, "vaste_data", "2027-01-11", True, "groep", 0)
    # An older bronbestand without the new columns, same free texts.
    oud = maak_werkmap(
        tmp_path / "oud.xlsx",
        [(*RIJ, "6 weken, 1 dagdeel per week", "Doorlopend")],
        (*BASIS, "Omvang en duur", "Beschikbaarheid"),
    )
    proef = _importeer(database, oud, proef=True)
    assert [w.soort for w in proef.instrumenten] == [ONGEWIJZIGD]
    _importeer(database, oud)
    assert _structuur(_gegevens(database)) == voor


def test_a_new_instrument_without_the_columns_gets_what_the_free_text_says(
    database: Database, tmp_path: Path
) -> None:
    pad = maak_werkmap(
        tmp_path / "n.xlsx",
        [
            (*RIJ, "6 weken, 1 dagdeel per week", "Start elke 2 maanden"),
            (
                "Coaching B, Bureau Y",
                "Work first",
                "4.1",
                "8 bijeenkomsten van 2 uur",
                "In overleg",
            ),
        ],
        (*BASIS, "Omvang en duur", "Beschikbaarheid"),
    )
    proef = _importeer(database, pad, proef=True)
    assert [w.soort for w in proef.instrumenten] == [NIEUW, NIEUW]
    _importeer(database, pad)
    assert _structuur(_gegevens(database)) == (6, 4.0, "vaste_data", None, None, None, None)
    assert _structuur(_gegevens(database, "Coaching B, Bureau Y")) == (None,) * 7


def test_a_changed_free_text_refills_the_duration_when_the_column_is_absent(
    database: Database, tmp_path: Path
) -> None:
    kop = (*BASIS, "Omvang en duur")
    _importeer(database, maak_werkmap(tmp_path / "1.xlsx", [(*RIJ, "6 weken")], kop))
    assert _gegevens(database).duur_weken == 6
    proef = _importeer(database, maak_werkmap(tmp_path / "2.xlsx", [(*RIJ, "8 weken")], kop), True)
    [wijziging] = proef.instrumenten
    assert ("Duur (weken)", "6", "8") in wijziging.velden  # shown like any other field
    assert ("Omvang en duur", "6 weken", "8 weken") in wijziging.velden
    _importeer(database, maak_werkmap(tmp_path / "3.xlsx", [(*RIJ, "8 weken")], kop))
    assert _gegevens(database).duur_weken == 8
    # The text no longer says it: the value read from the old text goes, it is not kept stale.
    _importeer(database, maak_werkmap(tmp_path / "4.xlsx", [(*RIJ, "in overleg")], kop))
    assert _gegevens(database).duur_weken is None


def test_a_value_typed_in_the_editor_survives_a_workbook_without_the_column(
    database: Database, tmp_path: Path
) -> None:
    kop = (*BASIS, "Omvang en duur", "Duur (weken)")
    _importeer(database, maak_werkmap(tmp_path / "1.xlsx", [(*RIJ, "in overleg", 20)], kop))
    assert _gegevens(database).duur_weken == 20
    # Same doubtful text, no column: 20 was not read from the text, so it stays.
    kop_oud = (*BASIS, "Omvang en duur")
    oud = maak_werkmap(tmp_path / "2.xlsx", [(*RIJ, "In overleg, soms langer")], kop_oud)
    _importeer(database, oud)
    assert _gegevens(database).duur_weken == 20


def test_export_writes_the_new_columns_and_an_unchanged_export_changes_nothing(
    database: Database, tmp_path: Path
) -> None:
    _importeer(database, _volledig(tmp_path / "vol.xlsx"))
    uit = tmp_path / "export.xlsx"
    exporteer(database, uit)
    blad = load_workbook(uit)["Instrumenten"]
    koppen = [c.value for c in blad[1]]
    rij = dict(zip(koppen, (c.value for c in blad[2]), strict=True))
    assert rij["Duur (weken)"] == 10 and rij["Uren per week"] == 6
    assert rij["Start"] == "vaste data" and rij["Startdata"] == "11-01-2027"
    assert rij["Goed Nederlands nodig"] == "ja" and rij["Alleen of in groep"] == "groep"
    assert rij["Kosten voor de klant"] == 0
    lijsten = load_workbook(uit)["Keuzelijsten"]
    assert [c.value for c in lijsten["E"][:2]] == ["doorlopend", "vaste data"]
    voor = dump(database)
    proef = _importeer(database, uit, proef=True)
    assert proef.problemen == [] and {w.soort for w in proef.instrumenten} == {ONGEWIJZIGD}
    _importeer(database, uit)
    assert dump(database) == voor
    tweede = tmp_path / "tweede.xlsx"
    exporteer(database, tweede)
    assert cellen(uit) == cellen(tweede)


def test_b1_warnings_name_sheet_row_and_column_only_for_new_or_changed_texts(
    database: Database, tmp_path: Path
) -> None:
    kop = (*BASIS, "Instroomeis", "Werkwijze")
    rij = (*RIJ, "VCA-diploma is een pré", "Je oefent.")
    eerste = _importeer(database, maak_werkmap(tmp_path / "1.xlsx", [rij], kop))
    b1 = [p for p in eerste.waarschuwingen if "(B1)" in p.melding]
    assert [(p.blad, p.rij, p.kolom) for p in b1] == [("Instrumenten", 2, "D (Instroomeis)")] * 2
    assert "‘pré’" in b1[1].melding and "fijn als je het hebt" in b1[1].melding
    # The same text again: no repeat; a changed other text: only that one.
    rij2 = (*RIJ, "VCA-diploma is een pré", "Intake en dan een traject van acht weken.")
    tweede = _importeer(database, maak_werkmap(tmp_path / "2.xlsx", [rij2], kop), True)
    meldingen = [p.melding for p in tweede.waarschuwingen]
    assert len(meldingen) == 2 and all("(B1)" in m for m in meldingen)
    assert all(p.kolom == "E (Werkwijze)" for p in tweede.waarschuwingen)


def test_parked_instruments_get_no_b1_warnings(database: Database, tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "p.xlsx",
        [(*RIJ, "Nederlands op A2-niveau")],
        (*BASIS, "Instroomeis"),
        parkeer=[("Oud, Bureau Z", "Work first", "4.1", "Nederlands op A2-niveau")],
    )
    b1 = [p for p in _importeer(database, pad, True).waarschuwingen if "(B1)" in p.melding]
    assert [p.blad for p in b1] == ["Instrumenten"]


def test_kenmerken_sheet_short_client_label(database: Database, tmp_path: Path) -> None:
    kop = ("Code", "Naam", "Korte naam voor cliënt")
    pad = maak_werkmap(
        tmp_path / "k.xlsx",
        [RIJ],
        kenmerken=[
            ("1.7", "Zelfinzicht", "Weten wie je bent"),
            (
                "4.1",
                "Sollicitatievaardigheden",
                "Leren hoe je een goede sollicitatiebrief schrijft",
            ),
            ("5.1", "Willen", None),  # empty keeps what is there, like the explanations
        ],
        kenmerken_kop=kop,
    )
    resultaat = _importeer(database, pad)
    assert resultaat.fouten == []
    [waarschuwing] = resultaat.waarschuwingen
    assert (
        waarschuwing.kolom == "C (Korte naam voor cliënt)" and "7 woorden" in waarschuwing.melding
    )
    with database.lezen() as s:
        labels = {k.code: k.label_client for k in s.scalars(select(Kenmerk))}
    assert labels["1.7"] == "Weten wie je bent"
    assert labels["5.1"] == "Zin krijgen om te werken"
    uit = tmp_path / "export.xlsx"
    exporteer(database, uit)
    kenmerken = load_workbook(uit)["Kenmerken"]
    assert [c.value for c in kenmerken[1]][:3] == ["Code", "Naam", "Korte naam voor cliënt"]
    rijen = {r[0].value: r[2].value for r in kenmerken.iter_rows(min_row=2)}
    assert rijen["1.7"] == "Weten wie je bent" and rijen["3.1.2"] == "Beter omgaan met stress"


def test_a_too_long_client_label_is_an_error(database: Database, tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "k.xlsx",
        [RIJ],
        kenmerken=[("1.7", "Zelfinzicht", "x" * 81)],
        kenmerken_kop=("Code", "Naam", "Korte naam voor cliënt"),
    )
    [fout] = _importeer(database, pad).fouten
    assert fout.blad == "Kenmerken" and "te lang" in fout.melding
