"""Importing messy bronbestanden: exact outcomes, dry run, parking, one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.catalogus import Instrument, InstrumentStatus, Kenmerk
from keuzehulp.model.db import Database
from keuzehulp.model.errors import GeenRechtFout
from keuzehulp.services.bronbestand.importeren import (
    GEPARKEERD,
    GEWIJZIGD,
    NIEUW,
    ONGEWIJZIGD,
    TERUGGEZET,
    ImportResultaat,
    importeer,
)
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, gegevens_van
from tests.bronbestand_werkmappen import dump, maak_werkmap
from tests.conftest import TEST_GEBRUIKER

ROMMELIGE_KOP = (
    "Leverancier",
    "Naam instrument",
    "Notities",  # unknown: a warning
    "Type traject",
    "Afgeleid kenmerk",
    "Kenmerken",
    "Locatie",
    "kosten",
    "Rapportcijfer professionals",
    "Rapportcijfer werkzoekende",
    "Website",
    "Overleg met expert",
    "Instroomeisen",
    "Rol cliënt",
    "Niveau wetenschappelijke onderbouwing",
)
TITELS = (("Bronbestand keuzehulp", None, "versie 3"), (), ("Niet aankomen!",))


def _importeer(db: Database, pad: Path, proef: bool = False) -> ImportResultaat:
    return importeer(db, pad, TEST_GEBRUIKER, proefdraaien=proef, reden="test")


def _gegevens(db: Database) -> dict[str, InstrumentGegevens]:
    with db.lezen() as s:
        return {i.naam: gegevens_van(i) for i in s.scalars(select(Instrument))}


def _twee(pad: Path, kosten_a: object = "€ 1.250,00", *, ook_b: bool = True) -> Path:
    rijen = [["Training A, Bureau X", "Human Capital first", "1.7 Zelfinzicht", kosten_a]]
    if ook_b:
        rijen.append(["Coaching B, Bureau Y", "Work first", "4.1", "gratis"])
    return maak_werkmap(pad, rijen, ("Naam", "Fenger", "Afgeleide kenmerken", "Kosten"))


def test_messy_workbook_is_read_exactly(database: Database, tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "rommelig.xlsx",
        [
            [
                "Bureau Helder Zicht",
                "  Assessment,  Bureau Helder Zicht ",
                "iets",
                "• Human Capital first\n• eerst werk vinden",
                "- 1.7 Zelfinzicht\n- Coping\n- 4.1",
                "1 Menselijk kapitaal; 3\nWerkzoekgedrag",
                "tiel; West-Betuwe",
                "€1.250,-",
                "7,6",
                8,
                "www.helderzicht.example",
                "n.v.t.",
                "Nederlands op A2-niveau",
                "Je maakt testen.\nJe praat erover.",
                "Goed beschreven",
            ],
            [None] * 15,  # an empty row in between is skipped
            [
                "Werkzaak",
                "Budgettraining, Werkzaak",
                None,
                "Life first",
                "3.1.4",
                None,
                "Alle gemeenten",
                "op aanvraag",
                None,
                None,
                None,
                "Psycholoog van Werkzaak",
                "-",
                None,
                None,
            ],
        ],
        ROMMELIGE_KOP,
        titelrijen=TITELS,
        verborgen=("A", "L"),
        extra_bladen=("Handleiding",),
        samenvoegen="A1:F1",
    )
    resultaat = _importeer(database, pad)
    assert resultaat.fouten == []
    assert [(p.rij, p.kolom, p.waarde, p.ernst) for p in resultaat.waarschuwingen] == [
        (4, "C", "Notities", "waarschuwing"),
        (5, "K (Website)", "www.helderzicht.example", "waarschuwing"),
        (5, "M (Instroomeisen)", None, "waarschuwing"),  # B1: a text the client sees
    ]
    assert resultaat.waarschuwingen[-1].melding == (
        "Taal voor de klant (B1): ‘Nederlands op A2-niveau’ is moeilijk voor een klant. "
        "Schrijf liever: ‘een beetje Nederlands spreken’."
    )
    assert resultaat.toegepast
    assert resultaat.aantallen()[NIEUW] == 2
    g = _gegevens(database)
    a = g["Assessment,  Bureau Helder Zicht"]
    assert a.status == InstrumentStatus.ACTIEF
    assert a.uitvoerder == "Bureau Helder Zicht"
    assert a.routes == ("human_capital_first", "work_first")
    assert a.kenmerken == ("1.7", "3.1.2", "4.1")
    assert a.gemeenten == ("Tiel", "West Betuwe") and not a.alle_gemeenten
    assert (a.kosten_centen, a.kosten_tekst) == (125000, None)
    assert (a.waardering_professionals, a.waardering_werkzoekende) == (7.6, 8.0)
    assert a.link == "https://www.helderzicht.example"
    assert a.overleg_met is None
    assert a.instroomeis == "Nederlands op A2-niveau"
    assert a.rol_werkzoekende == "Je maakt testen.\nJe praat erover."
    assert a.onderbouwing == "goed beschreven"
    b = g["Budgettraining, Werkzaak"]
    assert b.alle_gemeenten and b.gemeenten == ()
    assert (b.kosten_centen, b.kosten_tekst) == (None, "op aanvraag")
    assert b.overleg_met == "Psycholoog van Werkzaak"
    assert b.instroomeis is None


def test_dry_run_lists_and_changes_nothing(database: Database, tmp_path: Path) -> None:
    _importeer(database, _twee(tmp_path / "een.xlsx"))
    voor = dump(database)
    pad = _twee(tmp_path / "twee.xlsx", "€ 1.300,00", ook_b=False)
    resultaat = _importeer(database, pad, proef=True)
    assert not resultaat.toegepast
    assert dump(database) == voor
    (gewijzigd,) = resultaat.van_soort(GEWIJZIGD)
    assert gewijzigd.naam == "Training A, Bureau X"
    assert gewijzigd.velden == (("Kosten per persoon", "€ 1.250,00", "€ 1.300,00"),)
    (geparkeerd,) = resultaat.van_soort(GEPARKEERD)
    assert geparkeerd.naam == "Coaching B, Bureau Y"
    assert geparkeerd.velden == (("Status", "actief", "geparkeerd"),)


def test_apply_logs_every_change_with_file_name_and_user(
    database: Database, tmp_path: Path
) -> None:
    _importeer(database, _twee(tmp_path / "een.xlsx"))
    resultaat = _importeer(database, _twee(tmp_path / "wijziging.xlsx", 1300, ook_b=False))
    assert resultaat.toegepast
    assert resultaat.aantallen() == {
        NIEUW: 0,
        GEWIJZIGD: 1,
        ONGEWIJZIGD: 0,
        GEPARKEERD: 1,
        TERUGGEZET: 0,
    }
    with database.lezen() as s:
        rijen = s.scalars(select(Mutatie).where(Mutatie.bron == "import: wijziging.xlsx")).all()
        assert sorted((m.entiteit_naam, m.veld, m.oude_waarde, m.nieuwe_waarde) for m in rijen) == [
            ("Coaching B, Bureau Y", "status", "actief", "geparkeerd"),
            ("Training A, Bureau X", "kosten_centen", "€ 1.250,00", "€ 1.300,00"),
        ]
        assert {(m.gebruiker, m.reden) for m in rijen} == {(TEST_GEBRUIKER, "test")}
        eerste = s.scalars(select(Mutatie).where(Mutatie.bron == "import: een.xlsx")).all()
        assert sorted((m.actie, m.entiteit_naam) for m in eerste) == [
            ("toegevoegd", "Coaching B, Bureau Y"),
            ("toegevoegd", "Training A, Bureau X"),
        ]
        # parked, never deleted
        assert s.scalar(select(Instrument.status).where(Instrument.naam.like("Coaching B%"))) == (
            InstrumentStatus.GEPARKEERD
        )


def test_restore_from_parkeer_and_parkeer_sheet(database: Database, tmp_path: Path) -> None:
    kop = ("Naam", "Fenger", "Afgeleide kenmerken")
    pad = maak_werkmap(
        tmp_path / "p.xlsx",
        [["A", "Work first", "4.1"]],
        kop,
        parkeer=[["B", "", ""]],  # a parked instrument may be incomplete: warnings only
    )
    resultaat = _importeer(database, pad)
    assert resultaat.toegepast
    assert [(p.blad, p.rij, p.ernst) for p in resultaat.problemen] == [
        ("Parkeer", 2, "waarschuwing"),
        ("Parkeer", 2, "waarschuwing"),
    ]
    assert _gegevens(database)["B"].status == InstrumentStatus.GEPARKEERD
    terug = maak_werkmap(
        tmp_path / "terug.xlsx", [["A", "Work first", "4.1"], ["b", "Life first", "3.3"]], kop
    )
    resultaat = _importeer(database, terug)
    (teruggezet,) = resultaat.van_soort(TERUGGEZET)
    assert teruggezet.naam == "b"
    assert ("Status", "geparkeerd", "actief") in teruggezet.velden
    assert _gegevens(database)["b"].status == InstrumentStatus.ACTIEF


def test_match_by_id_survives_a_rename(database: Database, tmp_path: Path) -> None:
    _importeer(database, _twee(tmp_path / "een.xlsx"))
    with database.lezen() as s:
        ident = s.scalar(select(Instrument.id).where(Instrument.naam == "Training A, Bureau X"))
    pad = maak_werkmap(
        tmp_path / "hernoemd.xlsx",
        [
            [ident, "Training A (nieuw), Bureau X", "Human Capital first", "1.7", 1250],
            [None, "Coaching B, Bureau Y", "Work first", "4.1", 0],
        ],
        ("ID", "Naam", "Fenger", "Afgeleide kenmerken", "Kosten"),
    )
    resultaat = _importeer(database, pad)
    (w,) = resultaat.van_soort(GEWIJZIGD)
    assert (w.id, w.velden) == (
        ident,
        (("Naam", "Training A, Bureau X", "Training A (nieuw), Bureau X"),),
    )
    assert resultaat.aantallen()[ONGEWIJZIGD] == 1
    with database.lezen() as s:
        assert s.get(Instrument, ident).naam == "Training A (nieuw), Bureau X"  # type: ignore[union-attr]


def test_swapping_two_names_by_id(database: Database, tmp_path: Path) -> None:
    _importeer(database, _twee(tmp_path / "een.xlsx"))
    with database.lezen() as s:
        ids = dict(s.execute(select(Instrument.naam, Instrument.id)).all())
    a, b = ids["Training A, Bureau X"], ids["Coaching B, Bureau Y"]
    pad = maak_werkmap(
        tmp_path / "wissel.xlsx",
        [
            [a, "Coaching B, Bureau Y", "Human Capital first", "1.7"],
            [b, "Training A, Bureau X", "Work first", "4.1"],
        ],
        ("ID", "Naam", "Fenger", "Afgeleide kenmerken"),
    )
    assert _importeer(database, pad).toegepast
    with database.lezen() as s:
        assert s.get(Instrument, a).naam == "Coaching B, Bureau Y"  # type: ignore[union-attr]


def test_kenmerken_sheet_updates_explanations_and_adds(database: Database, tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "k.xlsx",
        [["A", "Work first", "1.8 Doorzetten\n1.7"]],
        kenmerken=[
            ("1.7", "Zelfinzicht", "Nieuwe uitleg.", "Je weet wat je wilt."),
            ("1.8", "Doorzetten", "Volhouden.", "Je houdt vol."),
            ("1.3.1", "Nederlands lezen en schrijven", None, None),  # empty: kept
        ],
    )
    resultaat = _importeer(database, pad)
    assert resultaat.fouten == []
    assert [(w.soort, w.naam) for w in resultaat.kenmerken] == [
        (GEWIJZIGD, "1.7 Zelfinzicht"),
        (NIEUW, "1.8 Doorzetten"),
    ]
    with database.lezen() as s:
        k = s.scalar(select(Kenmerk).where(Kenmerk.code == "1.7"))
        assert k is not None and (k.uitleg, k.uitleg_client) == (
            "Nieuwe uitleg.",
            "Je weet wat je wilt.",
        )
        nieuw = s.scalar(select(Kenmerk).where(Kenmerk.code == "1.8"))
        assert nieuw is not None and nieuw.parent is not None and nieuw.parent.code == "1"
        assert s.scalar(select(Kenmerk.uitleg).where(Kenmerk.code == "1.3.1"))
    assert _gegevens(database)["A"].kenmerken == ("1.7", "1.8")


def _fout_blijft_ongewijzigd(db: Database, pad: Path) -> ImportResultaat:
    voor = dump(db)
    resultaat = _importeer(db, pad)
    assert not resultaat.toegepast
    assert resultaat.fouten
    assert dump(db) == voor
    return resultaat


@pytest.fixture
def gevuld(database: Database, tmp_path: Path) -> Database:
    _importeer(database, _twee(tmp_path / "basis.xlsx"))
    return database


def test_duplicate_names_over_both_sheets(gevuld: Database, tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "dubbel.xlsx",
        [["Training A", "Work first", "4.1"], ["Coaching", "Work first", "4.1"]],
        parkeer=[["training  a", "Work first", "4.1"], ["COACHING", "Work first", "4.1"]],
    )
    resultaat = _fout_blijft_ongewijzigd(gevuld, pad)
    assert {p.kolom for p in resultaat.fouten} == {"A (Naam)"}
    assert [(p.blad, p.rij, p.melding) for p in resultaat.fouten] == [
        (
            "Parkeer",
            2,
            "Deze naam staat er al: Instrumenten, rij 2 (‘Training A’). Elke naam mag maar één "
            "keer voorkomen.",
        ),
        (
            "Parkeer",
            3,
            "Deze naam staat er al: Instrumenten, rij 3 (‘Coaching’). Elke naam mag maar één "
            "keer voorkomen.",
        ),
    ]


def test_all_problems_at_once_with_sheet_row_column_value(gevuld: Database, tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "fouten.xlsx",
        [
            ["A", "Work first", "Zelfinzich", 8],
            ["B", "Work first", "1.7 Coping", "7,5"],
            ["C", "Work first", "4.1", 11],
            ["D", "", "4.1", None],
        ],
        ("Naam", "Fenger", "Afgeleide kenmerken", "Waardering professionals"),
        titelrijen=(("Titel",),),
    )
    resultaat = _fout_blijft_ongewijzigd(gevuld, pad)
    assert [str(p) for p in resultaat.fouten] == [
        "Instrumenten, rij 3, kolom C (Afgeleide kenmerken) ‘Zelfinzich’: fout: ‘Zelfinzich’ is "
        "geen bekend kenmerk. Bedoelt u ‘1.7 Zelfinzicht’?",
        "Instrumenten, rij 4, kolom C (Afgeleide kenmerken) ‘1.7 Coping’: fout: ‘1.7 Coping’ "
        "klopt niet: kenmerk 1.7 heet ‘Zelfinzicht’, en ‘Coping’ heeft code 3.1.2. Verbeter de "
        "code of de naam.",
        "Instrumenten, rij 5, kolom D (Waardering professionals) ‘11’: fout: Een waardering is "
        "een cijfer van 1 tot en met 10.",
        "Instrumenten, rij 6, kolom B (Fenger): fout: Er staat geen Fenger-route; een "
        "instrument heeft er minstens één.",
    ]


def test_unknown_route_lists_the_dutch_labels_and_only_close_matches(
    gevuld: Database, tmp_path: Path
) -> None:
    pad = maak_werkmap(
        tmp_path / "routes.xlsx",
        [
            ["A", "Werkfit", "4.1"],
            ["B", "Lief first", "4.1"],
            ["C", "werk eerst vinden; Human Capital first", "4.1"],
            ["D", "Eerst verbeteren leefsituatie", "4.1"],  # the label is accepted as is
        ],
    )
    resultaat = _fout_blijft_ongewijzigd(gevuld, pad)
    labels = (
        "Kies ‘Eerst verbeteren leefsituatie’, ‘Eerst vergroten kans op werk’ of ‘Eerst werk "
        "vinden’."
    )
    assert [str(p) for p in resultaat.fouten] == [
        f"Instrumenten, rij 2, kolom B (Fenger) ‘Werkfit’: fout: ‘Werkfit’ is geen Fenger-route. "
        f"{labels}",
        "Instrumenten, rij 3, kolom B (Fenger) ‘Lief first’: fout: ‘Lief first’ is geen "
        f"Fenger-route. Bedoelt u ‘Eerst verbeteren leefsituatie’? {labels}",
        "Instrumenten, rij 4, kolom B (Fenger) ‘werk eerst vinden; Human Capital first’: fout: "
        f"‘werk eerst vinden’ is geen Fenger-route. Bedoelt u ‘Eerst werk vinden’? {labels}",
    ]


def test_theoretical_kenmerken_must_agree(gevuld: Database, tmp_path: Path) -> None:
    pad = maak_werkmap(
        tmp_path / "theorie.xlsx",
        [["A", "Work first", "4.1\n1.7", "Werkzoekgedrag"]],
        ("Naam", "Fenger", "Afgeleide kenmerken", "Theoretische kenmerken"),
    )
    (fout,) = _fout_blijft_ongewijzigd(gevuld, pad).fouten
    assert fout.kolom == "D (Theoretische kenmerken)"
    assert "horen bij groep 1, 4, hier staat 4" in fout.melding


@pytest.mark.parametrize(
    ("kop", "melding"),
    [
        (
            ("Naam", "Afgeleide kenmerken"),
            "De verplichte kolom ‘Fenger’ ontbreekt (ook goed: Fenger route, Route, Type traject).",
        ),
        (
            ("Instrumentnaam", "Fenger", "Afgeleide kenmerken"),
            "Geen kopregel gevonden: geen cel ‘Naam’ in de eerste 10 rijen. De verplichte kolom "
            "‘Naam’ ontbreekt.",
        ),
    ],
)
def test_missing_required_column(
    gevuld: Database, tmp_path: Path, kop: tuple[str, ...], melding: str
) -> None:
    pad = maak_werkmap(tmp_path / "kolom.xlsx", [["A", "Work first", "4.1"][: len(kop)]], kop)
    resultaat = _fout_blijft_ongewijzigd(gevuld, pad)
    assert melding in [p.melding for p in resultaat.fouten]


def test_header_only_would_park_everything_so_it_stops(gevuld: Database, tmp_path: Path) -> None:
    pad = maak_werkmap(tmp_path / "kop.xlsx", [])
    (fout,) = _fout_blijft_ongewijzigd(gevuld, pad).fouten
    assert "geen instrumenten" in fout.melding


def test_a_new_name_may_not_take_the_name_of_an_absent_instrument(
    gevuld: Database, tmp_path: Path
) -> None:
    with gevuld.lezen() as s:
        ident = s.scalar(select(Instrument.id).where(Instrument.naam == "Training A, Bureau X"))
    pad = maak_werkmap(
        tmp_path / "naam.xlsx",
        [[ident, "Coaching B, Bureau Y", "Work first", "4.1"]],
        ("ID", "Naam", "Fenger", "Afgeleide kenmerken"),
    )
    (fout,) = _fout_blijft_ongewijzigd(gevuld, pad).fouten
    assert "al van een ander instrument" in fout.melding


def test_werkcoach_is_refused_and_nothing_changes(gevuld: Database, tmp_path: Path) -> None:
    voor = dump(gevuld)
    for proef in (True, False):
        with pytest.raises(GeenRechtFout, match="Alleen beheerders"):
            importeer(gevuld, _twee(tmp_path / "x.xlsx", 5), "coach", proefdraaien=proef)
    assert dump(gevuld) == voor


def test_progress_is_reported(database: Database, tmp_path: Path) -> None:
    stappen: list[int] = []
    importeer(
        database,
        _twee(tmp_path / "v.xlsx"),
        TEST_GEBRUIKER,
        proefdraaien=False,
        voortgang=lambda procent, _tekst: stappen.append(procent),
    )
    assert stappen == sorted(stappen) and stappen[-1] == 100


def test_a_locked_catalogue_is_a_dutch_conflict_and_nothing_changes(
    database: Database, db_pad: Path, tmp_path: Path
) -> None:
    import sqlite3

    from keuzehulp.model.errors import ConflictFout

    voor = dump(database)
    ander = sqlite3.connect(db_pad, isolation_level=None)
    try:
        ander.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        with pytest.raises(ConflictFout, match="bezet door een andere gebruiker"):
            _importeer(database, _twee(tmp_path / "bezet.xlsx"))
        ander.execute("ROLLBACK")
    finally:
        ander.close()
    assert dump(database) == voor
