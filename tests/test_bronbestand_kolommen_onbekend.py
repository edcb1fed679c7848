"""A missing or unrecognised column leaves its field unchanged (issue 12, item 3)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.services.bronbestand.importeren import GEWIJZIGD, ONGEWIJZIGD, importeer
from keuzehulp.services.bronbestand.kolommen import (
    KENMERK_KOP_NAAR_VELD,
    KOP_NAAR_VELD,
    dichtstbijzijnde_kop,
)
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, gegevens_van
from tests.bronbestand_werkmappen import maak_werkmap
from tests.conftest import TEST_GEBRUIKER

KOP = ("Naam", "Fenger", "Afgeleide kenmerken", "Uitvoerder", "Kosten", "Omvang en duur")
RIJEN = [
    [
        "Training A",
        "Human Capital first",
        "1.7",
        "Bureau X",
        "€ 1.250,00",
        "6 weken, 4 uur per week",
    ],
    ["Coaching B", "Work first", "4.1", "Bureau Y", "op aanvraag", "10 weken"],
]


def _importeer(db: Database, pad: Path, proef: bool = False):  # type: ignore[no-untyped-def]
    return importeer(db, pad, TEST_GEBRUIKER, proefdraaien=proef, reden="test")


def _gegevens(db: Database) -> dict[str, InstrumentGegevens]:
    with db.lezen() as s:
        return {i.naam: gegevens_van(i) for i in s.scalars(select(Instrument))}


def _basis(db: Database, tmp_path: Path) -> dict[str, InstrumentGegevens]:
    resultaat = _importeer(db, maak_werkmap(tmp_path / "basis.xlsx", RIJEN, KOP))
    assert resultaat.toegepast and not resultaat.fouten
    return _gegevens(db)


def test_unrecognised_header_keeps_the_field_and_names_the_nearest_column(
    database: Database, tmp_path: Path
) -> None:
    voor = _basis(database, tmp_path)
    assert voor["Training A"].kosten_centen == 125000
    kop = ("Naam", "Fenger", "Afgeleide kenmerken", "Uitvoerder", "Kosten p.p. (excl. btw)")
    rijen = [[*r[:4], "€ 9,00", r[5]] for r in RIJEN]
    pad = maak_werkmap(tmp_path / "hernoemd.xlsx", rijen, (*kop, "Omvang en duur"))
    proef = _importeer(database, pad, proef=True)
    assert {w.soort for w in proef.instrumenten} == {ONGEWIJZIGD}
    onbekend = [p for p in proef.waarschuwingen if p.waarde == "Kosten p.p. (excl. btw)"]
    assert [(p.kolom, p.melding) for p in onbekend] == [
        (
            "E",
            "Onbekende kolom; de keuzehulp slaat deze kolom over. Bedoelt u ‘Kosten’? "
            "Geef de kolom dan die kop.",
        )
    ]
    [ontbreekt] = [p for p in proef.waarschuwingen if "ontbreekt" in p.melding]
    assert (ontbreekt.blad, ontbreekt.rij, ontbreekt.kolom) == ("Instrumenten", 1, None)
    assert ontbreekt.melding == (
        "Deze kolom ontbreekt of wordt niet herkend: ‘Kosten per persoon’ (2 instrumenten). "
        "De keuzehulp laat dat gegeven in de catalogus zoals het is. Alleen een lege cel in "
        "een herkende kolom maakt een gegeven leeg."
    )
    toegepast = _importeer(database, pad)
    assert toegepast.toegepast
    assert _gegevens(database) == voor  # today's bug: Kosten emptied for every instrument


def test_missing_column_keeps_but_empty_cell_clears(database: Database, tmp_path: Path) -> None:
    voor = _basis(database, tmp_path)
    # No Uitvoerder and no Omvang en duur column; Kosten is there, empty for Training A.
    kop = ("Naam", "Fenger", "Afgeleide kenmerken", "Kosten")
    rijen = [
        ["Training A", "Human Capital first", "1.7", None],
        ["Coaching B", "Work first", "4.1", "op aanvraag"],
        ["Nieuw C", "Work first", "4.1", "gratis"],
    ]
    resultaat = _importeer(database, maak_werkmap(tmp_path / "zonder.xlsx", rijen, kop))
    assert resultaat.toegepast
    na = _gegevens(database)
    a, b, c = na["Training A"], na["Coaching B"], na["Nieuw C"]
    assert (a.uitvoerder, b.uitvoerder, c.uitvoerder) == ("Bureau X", "Bureau Y", None)
    assert (a.kosten_centen, a.kosten_tekst) == (None, None)  # empty cell: cleared
    assert (b.kosten_centen, b.kosten_tekst) == (None, "op aanvraag")
    # The parsed duration stays with the kept free text.
    assert (a.omvang_duur, a.duur_weken, a.uren_per_week) == (
        voor["Training A"].omvang_duur,
        6,
        4.0,
    )
    assert b.duur_weken == voor["Coaching B"].duur_weken == 10
    [gewijzigd] = [w for w in resultaat.instrumenten if w.soort == GEWIJZIGD]
    assert gewijzigd.naam == "Training A"
    assert [label for label, _, _ in gewijzigd.velden] == ["Kosten per persoon"]


def test_missing_column_on_parkeer_sheet_keeps_parked_values(
    database: Database, tmp_path: Path
) -> None:
    pad = maak_werkmap(
        tmp_path / "met_parkeer.xlsx",
        RIJEN[:1],
        KOP,
        parkeer=[RIJEN[1]],
    )
    assert _importeer(database, pad).toegepast
    voor = _gegevens(database)
    pad = maak_werkmap(
        tmp_path / "parkeer_smal.xlsx",
        RIJEN[:1],
        KOP,
        parkeer=[RIJEN[1][:3]],
        parkeer_kop=KOP[:3],
    )
    resultaat = _importeer(database, pad)
    assert resultaat.toegepast
    assert _gegevens(database) == voor
    ontbreekt = {p.blad: p.melding for p in resultaat.waarschuwingen if "ontbre" in p.melding}
    assert list(ontbreekt) == ["Parkeer"]
    assert ontbreekt["Parkeer"].startswith(
        "Deze kolommen ontbreken of worden niet herkend: ‘Uitvoerder’ (1 instrument), "
        "‘Omvang en duur’ (1 instrument), ‘Kosten per persoon’ (1 instrument)."
    )


def test_nearest_header_is_offered_only_when_plausible_and_free() -> None:
    assert dichtstbijzijnde_kop("Kosten p.p. (excl. btw)", KOP_NAAR_VELD) == "Kosten"
    assert dichtstbijzijnde_kop("Omschrijvnig", KOP_NAAR_VELD) == "Omschrijving"
    assert dichtstbijzijnde_kop("Uitvoerders", KOP_NAAR_VELD) == "Uitvoerder"
    assert dichtstbijzijnde_kop("Notities", KOP_NAAR_VELD) is None
    assert dichtstbijzijnde_kop("", KOP_NAAR_VELD) is None
    # A column already in the header row is not offered again.
    assert dichtstbijzijnde_kop("Kosten (oud)", KOP_NAAR_VELD, ["Naam", "Kosten"]) is None
    assert dichtstbijzijnde_kop("Uitleg voor de klant", KENMERK_KOP_NAAR_VELD) == (
        "Uitleg voor cliënt"
    )
