"""No lost update: two apps load the same kenmerk, gemeente, beheerder or coach profile, both
save; the second is refused with who changed it and when, and nothing of it is written.

Every test runs on SQLite and PostgreSQL with two opened databases (two engines, real
connections). The last one races two saves at the database itself (PostgreSQL row locks).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select, text

from keuzehulp.model.catalogus import Gemeente, Kenmerk
from keuzehulp.model.db import Database
from keuzehulp.model.errors import ConflictFout, InvoerFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.beheer import beheerders, gemeenten, kenmerken
from keuzehulp.services.coachprofiel import bewaar_profiel, maak_profiel, open_profiel
from keuzehulp.services.opstart import open_catalogus
from tests.conftest import TEST_GEBRUIKER

JAN = "jan"
DOOR_JAN = r"door Jan de Vries \(jan\), (vandaag|gisteren) om \d{1,2}:\d\d"


@pytest.fixture
def tweede(db_url: str, database: Database) -> Iterator[Database]:
    """Jan's app on the same catalogue: its own engine and connections."""
    beheerders.voeg_beheerder_toe(database, TEST_GEBRUIKER, JAN)
    bewaar_profiel(database, JAN, maak_profiel(naam="Jan de Vries", email="jan@werkzaak.nl"))
    opstart = open_catalogus(db_url, JAN, ())
    yield opstart.database
    opstart.database.sluit()


def _kenmerk(db: Database, code: str) -> kenmerken.KenmerkRegel:
    return next(r for r in kenmerken.kenmerken_boom(db) if r.code == code)


def test_stale_kenmerk_save_is_refused_with_who_and_when(
    database: Database, tweede: Database
) -> None:
    mijn, zijn = _kenmerk(database, "1.7"), _kenmerk(tweede, "1.7")
    nieuw = kenmerken.bewaar_kenmerk(
        tweede, JAN, "1.7", zijn.versie, "Zelfinzicht (Jan)", zijn.uitleg, "Jan", "", "jan"
    )
    assert nieuw == zijn.versie + 1
    with pytest.raises(
        ConflictFout,
        match=rf"^‘1\.7 Zelfinzicht \(Jan\)’ is intussen gewijzigd {DOOR_JAN}\. Uw wijziging is "
        "niet opgeslagen",
    ):
        kenmerken.bewaar_kenmerk(
            database, TEST_GEBRUIKER, "1.7", mijn.versie, "Ik", "ik", "ik", "Ik", "ik"
        )
    na = _kenmerk(database, "1.7")
    assert (na.naam, na.uitleg_client, na.label_client) == ("Zelfinzicht (Jan)", "Jan", "")
    # Every other change of the editor checks the version too.
    for poging in (
        lambda: kenmerken.verplaats(database, TEST_GEBRUIKER, "1.7", "2", "x", versie=mijn.versie),
        lambda: kenmerken.pensioneer(database, TEST_GEBRUIKER, "1.7", "x", versie=mijn.versie),
        lambda: kenmerken.hernoem(database, TEST_GEBRUIKER, "1.7", "Ik", "x", versie=mijn.versie),
    ):
        with pytest.raises(ConflictFout, match=DOOR_JAN):
            poging()
    assert _kenmerk(database, "1.7") == na
    # With the version just read, the save goes through.
    kenmerken.bewaar_kenmerk(database, TEST_GEBRUIKER, "1.7", na.versie, "Ik", "", "", "", "ik")
    assert _kenmerk(tweede, "1.7").naam == "Ik"


def test_stale_gemeente_rename_is_refused_with_who_and_when(
    database: Database, tweede: Database
) -> None:
    mijn = next(g for g in gemeenten.lijst_gemeenten(database) if g.naam == "Tiel")
    zijn = next(g for g in gemeenten.lijst_gemeenten(tweede) if g.naam == "Tiel")
    gemeenten.hernoem_gemeente(tweede, JAN, zijn.id, "Tiel (stad)", "spelling", versie=zijn.versie)
    with pytest.raises(
        ConflictFout, match=rf"^Gemeente ‘Tiel \(stad\)’ is intussen gewijzigd {DOOR_JAN}\."
    ):
        gemeenten.hernoem_gemeente(
            database, TEST_GEBRUIKER, mijn.id, "Tiel-Oost", "x", versie=mijn.versie
        )
    with database.lezen() as s:
        assert s.get_one(Gemeente, mijn.id).naam == "Tiel (stad)"
    with pytest.raises(InvoerFout, match="er is al een gemeente ‘Buren’"):
        gemeenten.hernoem_gemeente(database, TEST_GEBRUIKER, mijn.id, " buren ", "x")
    nieuw = gemeenten.voeg_gemeente_toe(database, TEST_GEBRUIKER, "Lingewaard", "nieuw gebied")
    assert [g.naam for g in gemeenten.lijst_gemeenten(tweede) if g.id == nieuw] == ["Lingewaard"]


def test_stale_beheerder_removal_is_refused_with_who_and_when(
    database: Database, tweede: Database
) -> None:
    beheerders.voeg_beheerder_toe(database, TEST_GEBRUIKER, "piet")
    (mijn,) = [b for b in beheerders.lijst_beheerders(database) if b.gebruiker == "piet"]
    beheerders.verwijder_beheerder(tweede, JAN, "piet", "vertrokken", geladen=mijn)
    with pytest.raises(
        ConflictFout, match=rf"^piet is al geen beheerder meer: weggehaald {DOOR_JAN}\.$"
    ):
        beheerders.verwijder_beheerder(database, TEST_GEBRUIKER, "piet", "weg", geladen=mijn)
    beheerders.voeg_beheerder_toe(tweede, JAN, "piet")
    # Listed before Jan added piet again: that is another row now, so it is refused too.
    with pytest.raises(ConflictFout, match=rf"^piet is intussen gewijzigd {DOOR_JAN}\."):
        beheerders.verwijder_beheerder(database, TEST_GEBRUIKER, "piet", "weg", geladen=mijn)
    with pytest.raises(InvoerFout, match=rf"^piet is al beheerder: toegevoegd {DOOR_JAN}\.$"):
        beheerders.voeg_beheerder_toe(database, TEST_GEBRUIKER, "piet")
    assert "piet" in [b.gebruiker for b in beheerders.lijst_beheerders(database)]


def test_stale_coach_profile_save_is_refused_with_when(
    database: Database, tweede: Database
) -> None:
    # The same coach in two windows (or on two computers), before any profile exists.
    venster_a, venster_b = open_profiel(database, "sanne"), open_profiel(tweede, "sanne")
    assert (venster_a.gegevens, venster_a.versie) == (None, 0)
    a = maak_profiel(naam="Sanne de Vries", telefoon="0344 61 22 33")
    b = maak_profiel(naam="Sanne", email="sanne@werkzaak.nl")
    bewaar_profiel(database, "sanne", a, venster_a.versie)
    melding = (
        r"^Uw contactgegevens zijn intussen ergens anders opgeslagen, (vandaag|gisteren) om "
        r"\d{1,2}:\d\d \(in een ander venster of op een andere computer\)\. Uw invoer is niet "
        "opgeslagen"
    )
    with pytest.raises(ConflictFout, match=melding):
        bewaar_profiel(tweede, "sanne", b, venster_b.versie)
    opnieuw = open_profiel(tweede, "sanne")
    assert opnieuw.gegevens == a
    bewaar_profiel(tweede, "sanne", b, opnieuw.versie)
    with pytest.raises(ConflictFout, match=melding):
        bewaar_profiel(database, "sanne", a, opnieuw.versie)
    assert open_profiel(database, "sanne").gegevens == b


@pytest.mark.alleen_postgresql
def test_two_saves_at_the_same_moment_the_loser_is_refused(
    database: Database, tweede: Database
) -> None:
    """Both pass the version check; the database's row lock decides. Jan's transaction holds
    the row while the other save waits on it; after Jan commits, that save matches no row."""
    oud = _kenmerk(database, "1.7")
    uitkomst: list[BaseException | int] = []

    def tweede_opslag() -> None:
        try:
            uitkomst.append(
                kenmerken.bewaar_kenmerk(
                    database, TEST_GEBRUIKER, "1.7", oud.versie, "Ik", "", "", "", "ik"
                )
            )
        except BaseException as fout:  # reported to the main thread
            uitkomst.append(fout)

    draad = threading.Thread(target=tweede_opslag)
    with tweede.wijzigen(MutatieContext(JAN, "editor", "jan")) as s:
        kenmerk = s.scalars(select(Kenmerk).where(Kenmerk.code == "1.7")).one()
        kenmerk.naam = "Van Jan"
        s.flush()  # the row is locked until this transaction commits
        draad.start()
        wacht = text(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND datname = current_database()"
        )
        with tweede.engine.connect() as kijker:
            while not kijker.execute(wacht).scalar_one():
                kijker.rollback()
                draad.join(0.05)
    draad.join(60)
    (fout,) = uitkomst
    assert isinstance(fout, ConflictFout)
    assert "is intussen gewijzigd door Jan de Vries (jan)" in str(fout)
    assert _kenmerk(database, "1.7").naam == "Van Jan"


def test_gemeente_on_the_command_line(
    database: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from keuzehulp.cli.main import main

    assert (
        main(["--database", db_url, "gemeente", "hernoem", "tiel", "Tiel-Stad", "--reden", "x"])
        == 0
    )
    assert "Gemeente ‘Tiel’ heet nu ‘Tiel-Stad’." in capsys.readouterr().out
    assert (
        main(["--database", db_url, "gemeente", "hernoem", "Nergens", "Buren", "--reden", "x"]) == 1
    )
    assert "Er is geen gemeente ‘Nergens’" in capsys.readouterr().err
    assert main(["--database", db_url, "gemeente", "toevoegen", "Lingewaard", "--reden", "x"]) == 0
    capsys.readouterr()
    assert main(["--database", db_url, "gemeente", "lijst"]) == 0
    uit = capsys.readouterr().out
    assert "Lingewaard  (0 instrumenten)" in uit
    assert "Tiel-Stad" in uit
    assert "Tiel " not in uit
