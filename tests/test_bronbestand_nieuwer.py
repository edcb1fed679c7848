"""An import never silently undoes newer work (issue 12, item 12), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from keuzehulp.cli.main import main
from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.errors import ConflictFout
from keuzehulp.services.beheer import instrumenten as editor
from keuzehulp.services.beheer.beheerders import voeg_beheerder_toe
from keuzehulp.services.beheer.versies import exporteer_versie, publiceer_versie
from keuzehulp.services.bronbestand.exporteren import exporteer
from keuzehulp.services.bronbestand.importeren import ImportResultaat, importeer
from keuzehulp.services.bronbestand.nieuwer import NIEUW_INSTRUMENT
from keuzehulp.services.bronbestand.stempel import lees_stempel
from tests.beheer_hulp import nieuw
from tests.bronbestand_werkmappen import dump, maak_werkmap
from tests.conftest import TEST_GEBRUIKER

COLLEGA = "marieke"


def _importeer(db: Database, pad: Path, proef: bool = False, **opties: object) -> ImportResultaat:
    return importeer(db, pad, TEST_GEBRUIKER, proefdraaien=proef, reden="test", **opties)  # type: ignore[arg-type]


@pytest.fixture
def geexporteerd(database: Database, tmp_path: Path) -> tuple[Database, Path, dict[str, int]]:
    """Two instruments, a colleague beheerder, and an export of that catalogue."""
    ids = {"A": nieuw(database, "Coaching A"), "B": nieuw(database, "Training B")}
    for ident in ids.values():
        editor.publiceer(database, TEST_GEBRUIKER, ident, 1, "klaar")
    voeg_beheerder_toe(database, TEST_GEBRUIKER, COLLEGA)
    pad = tmp_path / "export.xlsx"
    exporteer(database, pad)
    return database, pad, ids


def _versie(db: Database, ident: int) -> int:
    return editor.open_instrument(db, ident).versie


def _park(db: Database, ident: int, wie: str = COLLEGA) -> None:
    editor.parkeer(db, wie, ident, _versie(db, ident), "aanbieder gestopt")


def test_export_records_moment_and_catalogue_state(database: Database, tmp_path: Path) -> None:
    nieuw(database, "Coaching A")
    voor = dt.datetime.now(dt.UTC)
    pad = tmp_path / "export.xlsx"
    exporteer(database, pad)
    stempel = lees_stempel(pad)
    assert stempel is not None
    with database.lezen() as s:
        laatste = s.scalar(select(func.max(Mutatie.id)))
    assert stempel.stand == laatste
    assert voor <= stempel.moment <= dt.datetime.now(dt.UTC)
    assert stempel.versie is None
    # A workbook not written by the keuzehulp has no stamp.
    assert lees_stempel(maak_werkmap(tmp_path / "hand.xlsx", [])) is None


def test_newer_edit_is_listed_and_needs_confirmation(
    geexporteerd: tuple[Database, Path, dict[str, int]],
) -> None:
    db, pad, ids = geexporteerd
    _park(db, ids["A"])
    proef = _importeer(db, pad, proef=True)
    [n] = proef.nieuwer
    assert (n.naam, n.veld, n.gebruiker, n.nu, n.bestand) == (
        "Coaching A",
        "Status",
        COLLEGA,
        "geparkeerd",
        "actief",
    )
    assert n.bron == "editor"
    assert not proef.bevestiging_nodig  # a dry run only lists

    voor = dump(db)
    geweigerd = _importeer(db, pad)
    assert geweigerd.bevestiging_nodig and not geweigerd.toegepast
    assert [x.naam for x in geweigerd.nieuwer] == ["Coaching A"]
    assert dump(db) == voor  # the parked instrument did not come back as active

    toegepast = _importeer(db, pad, overschrijf_nieuwer=True)
    assert toegepast.toegepast and not toegepast.bevestiging_nodig
    assert editor.open_instrument(db, ids["A"]).gegevens.status == InstrumentStatus.ACTIEF


def test_newer_edit_the_file_agrees_with_is_not_listed(
    geexporteerd: tuple[Database, Path, dict[str, int]], tmp_path: Path
) -> None:
    db, pad, ids = geexporteerd
    # B is edited after the export; the file still has B's old Uitvoerder.
    bewerking = editor.open_instrument(db, ids["B"])
    gegevens = bewerking.gegevens.model_copy(update={"uitvoerder": "Bureau Nieuw"})
    editor.bewaar_instrument(db, COLLEGA, ids["B"], bewerking.versie, gegevens, "nieuwe naam")
    proef = _importeer(db, pad, proef=True)
    assert [(n.naam, n.veld, n.nu, n.bestand) for n in proef.nieuwer] == [
        ("Training B", "Uitvoerder", "Bureau Nieuw", "Stap Verder")
    ]
    # Re-export: the new file includes the edit, so nothing is newer any more.
    pad2 = tmp_path / "export2.xlsx"
    exporteer(db, pad2)
    opnieuw = _importeer(db, pad2, proef=True)
    assert opnieuw.nieuwer == [] and not opnieuw.verandert_iets


def test_instrument_added_after_export_would_be_parked_and_is_listed(
    geexporteerd: tuple[Database, Path, dict[str, int]],
) -> None:
    db, pad, _ = geexporteerd
    ident = nieuw(db, "Cursus C")
    editor.publiceer(db, COLLEGA, ident, 1, "klaar")
    proef = _importeer(db, pad, proef=True)
    [n] = proef.nieuwer
    assert (n.naam, n.veld, n.gebruiker) == ("Cursus C", NIEUW_INSTRUMENT, COLLEGA)
    assert _importeer(db, pad).bevestiging_nodig
    assert editor.open_instrument(db, ident).gegevens.status == InstrumentStatus.ACTIEF


def test_confirmation_covers_only_what_the_dry_run_showed(
    geexporteerd: tuple[Database, Path, dict[str, int]],
) -> None:
    db, pad, ids = geexporteerd
    _park(db, ids["A"])
    proef = _importeer(db, pad, proef=True)
    assert [n.naam for n in proef.nieuwer] == ["Coaching A"]
    _park(db, ids["B"])  # after the dry run: not seen, so not confirmed
    voor = dump(db)
    resultaat = _importeer(db, pad, overschrijf_nieuwer=True, gezien_tot=proef.catalogusstand)
    assert resultaat.bevestiging_nodig and not resultaat.toegepast
    assert sorted(n.naam for n in resultaat.nieuwer) == ["Coaching A", "Training B"]
    assert dump(db) == voor
    bevestigd = _importeer(db, pad, overschrijf_nieuwer=True, gezien_tot=resultaat.catalogusstand)
    assert bevestigd.toegepast


def test_file_without_stamp_guards_changes_after_the_dry_run(
    database: Database, tmp_path: Path
) -> None:
    ident = nieuw(database, "Coaching A")
    editor.publiceer(database, TEST_GEBRUIKER, ident, 1, "klaar")
    pad = maak_werkmap(
        tmp_path / "hand.xlsx",
        [["Coaching A", "Work first", "1.7", "Bureau Hand"]],
        ("Naam", "Fenger", "Afgeleide kenmerken", "Uitvoerder"),
    )
    proef = _importeer(database, pad, proef=True)
    assert proef.stempel is None and proef.nieuwer == []
    bewerking = editor.open_instrument(database, ident)
    gegevens = bewerking.gegevens.model_copy(update={"uitvoerder": "Bureau Editor"})
    editor.bewaar_instrument(database, TEST_GEBRUIKER, ident, bewerking.versie, gegevens, "x")
    resultaat = _importeer(database, pad, gezien_tot=proef.catalogusstand)
    assert resultaat.bevestiging_nodig
    assert [(n.veld, n.nu, n.bestand) for n in resultaat.nieuwer] == [
        ("Uitvoerder", "Bureau Editor", "Bureau Hand")
    ]
    assert editor.open_instrument(database, ident).gegevens.uitvoerder == "Bureau Editor"


def _tussendoor(db: Database, ident: int, tekst: str, keer: int) -> object:
    """A progress callback that parks `ident` from another connection at a given moment."""
    gezien = {"keer": 0}

    def voortgang(_procent: int, melding: str) -> None:
        if melding == tekst:
            gezien["keer"] += 1
            if gezien["keer"] == keer:
                _park(db, ident)

    return voortgang


@pytest.mark.parametrize(
    ("tekst", "keer"),
    [
        ("Vergelijken met de catalogus", 2),  # after the comparison, before the write loads
        ("Wijzigingen voorbereiden", 1),  # after the write loaded, before it flushes
    ],
)
def test_edit_saved_while_import_runs_is_not_overwritten(
    geexporteerd: tuple[Database, Path, dict[str, int]],
    tmp_path: Path,
    tekst: str,
    keer: int,
    engine: str,
) -> None:
    db, _, ids = geexporteerd
    # The file changes A (so the import writes A) and was made after every edit.
    pad = maak_werkmap(
        tmp_path / "wijzig.xlsx",
        [
            ["Coaching A", "Work first", "1.4\n1.7", "Bureau Anders"],
            ["Training B", "Work first", "1.4\n1.7", "Stap Verder"],
        ],
        ("Naam", "Fenger", "Afgeleide kenmerken", "Uitvoerder"),
    )
    with pytest.raises(ConflictFout) as fout:
        _importeer(db, pad, voortgang=_tussendoor(db, ids["A"], tekst, keer))
    assert "niets gewijzigd" in fout.value.melding
    na = editor.open_instrument(db, ids["A"]).gegevens
    if engine == "sqlite":
        # SQLite: the import holds the write lock from its start (BEGIN IMMEDIATE, issue 14),
        # so the editor's save cannot slip in: it waits, is refused as busy, and nothing of
        # either is written.
        assert "bezet" in fout.value.melding
        assert (na.status, na.uitvoerder) == (InstrumentStatus.ACTIEF, "Stap Verder")
        return
    assert (na.status, na.uitvoerder) == (InstrumentStatus.GEPARKEERD, "Stap Verder")
    assert editor.open_instrument(db, ids["B"]).gegevens.routes == ("work_first",)


def test_same_name_saved_while_import_runs_is_a_conflict(
    geexporteerd: tuple[Database, Path, dict[str, int]], tmp_path: Path, engine: str
) -> None:
    db, _, _ = geexporteerd
    pad = maak_werkmap(
        tmp_path / "nieuw.xlsx",
        [
            ["Coaching A", "Work first", "1.4\n1.7"],
            ["Training B", "Work first", "1.4\n1.7"],
            ["Cursus C", "Work first", "4.1"],
        ],
    )
    gezien = {"keer": 0}

    def voortgang(_procent: int, melding: str) -> None:
        if melding == "Vergelijken met de catalogus":
            gezien["keer"] += 1
            if gezien["keer"] == 2:
                nieuw(db, "Cursus C")  # the editor saves the same name meanwhile

    with pytest.raises(ConflictFout) as fout:
        _importeer(db, pad, voortgang=voortgang)
    # SQLite: the import holds the write lock from its start (BEGIN IMMEDIATE, issue 14), so
    # the editor's save is refused as busy instead, and the import with it.
    verwacht = "bezet" if engine == "sqlite" else "dezelfde naam"
    assert verwacht in fout.value.melding and "niets gewijzigd" in fout.value.melding
    with db.lezen() as s:
        assert (
            s.scalar(select(func.count()).select_from(Mutatie).where(Mutatie.bron.like("import:%")))
            == 0
        )


def test_export_of_a_published_version_is_stamped_with_it(
    geexporteerd: tuple[Database, Path, dict[str, int]], tmp_path: Path
) -> None:
    db, _, ids = geexporteerd
    versie = publiceer_versie(db, TEST_GEBRUIKER, "november")
    _park(db, ids["B"])
    pad = tmp_path / "versie.xlsx"
    exporteer_versie(db, versie.id, pad)
    stempel = lees_stempel(pad)
    assert stempel is not None and stempel.versie == versie.label
    proef = _importeer(db, pad, proef=True)
    assert [(n.naam, n.veld) for n in proef.nieuwer] == [("Training B", "Status")]


def test_cli_exit_3_until_confirmed(
    db_url: str,
    geexporteerd: tuple[Database, Path, dict[str, int]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, pad, ids = geexporteerd
    _park(db, ids["A"])
    assert main(["--database", db_url, "import", str(pad), "--dry-run"]) == 0
    uit = capsys.readouterr().out
    assert "Geëxporteerd op " in uit
    assert "  Coaching A: Status\n" in uit
    assert f"      door {COLLEGA} op " in uit
    assert "      nu: geparkeerd; in het bestand: actief\n" in uit
    voor = dump(db)
    assert main(["--database", db_url, "import", str(pad)]) == 3
    fout = capsys.readouterr().err
    assert "--overschrijf-nieuwer" in fout and "er is niets gewijzigd" in fout
    assert dump(db) == voor
    assert main(["--database", db_url, "import", str(pad), "--overschrijf-nieuwer"]) == 0
    assert editor.open_instrument(db, ids["A"]).gegevens.status == InstrumentStatus.ACTIEF
