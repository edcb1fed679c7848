"""No lost update for the organisation's settings and for removing a gemeente (issue 14, item 5).

Two apps (two engines on the same catalogue, real connections) load a setting, both save;
the second is refused naming who changed it and when, and nothing of it is written. Every
test runs on SQLite and PostgreSQL; the last one races two saves at the database itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import select, text

from keuzehulp.model.catalogus import Gemeente, Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.errors import ConflictFout, InvoerFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services import gesprekarchief, waardering
from keuzehulp.services.beheer import beheerders, gemeenten, mutatielog, versiecontrole
from keuzehulp.services.beheer.mutatielog import MutatieFilter
from keuzehulp.services.coachprofiel import bewaar_profiel, maak_profiel
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


# (label, load (value, version), save(db, value, user, version), two different values)
Instelling = tuple[
    str,
    Callable[[Database], tuple[object, int]],
    Callable[[Database, object, str, int | None], object],
    object,
    object,
]
INSTELLINGEN: dict[str, Instelling] = {
    "bewaartermijn": (
        gesprekarchief.BEWAARTERMIJN_LABEL,
        gesprekarchief.bewaartermijn_met_versie,
        lambda db, w, g, v: gesprekarchief.zet_bewaartermijn(db, int(str(w)), g, v),
        6,
        24,
    ),
    "minimum": (
        waardering.MINIMUM_LABEL,
        waardering.lees_minimum_met_versie,
        lambda db, w, g, v: waardering.zet_minimum(db, int(str(w)), g, v),
        3,
        10,
    ),
    "enquete": (
        waardering.ENQUETE_LABEL,
        waardering.lees_enquete_label_met_versie,
        lambda db, w, g, v: waardering.zet_enquete_label(db, str(w), g, v),
        "enquête 2025",
        "enquête 2026",
    ),
}


@pytest.mark.parametrize("soort", list(INSTELLINGEN))
def test_a_stale_setting_save_is_refused_with_who_and_when(
    database: Database, tweede: Database, soort: str
) -> None:
    label, lees, zet, van_jan, van_mij = INSTELLINGEN[soort]
    (_, mijn_versie), (_, zijn_versie) = lees(database), lees(tweede)
    assert mijn_versie == zijn_versie == 0  # not set yet: the default holds
    zet(tweede, van_jan, JAN, zijn_versie)
    with pytest.raises(
        ConflictFout,
        match=rf"^{label} is intussen gewijzigd {DOOR_JAN}\. Uw wijziging is niet opgeslagen\.",
    ):
        zet(database, van_mij, TEST_GEBRUIKER, mijn_versie)
    waarde, versie = lees(database)
    assert (waarde, versie) == (van_jan, 1)
    # Read again, the save is a deliberate one and goes through; the log says who and what.
    zet(database, van_mij, TEST_GEBRUIKER, versie)
    assert lees(tweede) == (van_mij, 2)
    with pytest.raises(ConflictFout, match=rf"intussen gewijzigd door {TEST_GEBRUIKER}, "):
        zet(tweede, van_jan, JAN, 1)
    rijen = mutatielog.zoek_mutaties(database, MutatieFilter(entiteit="instelling"), None)
    assert [(r.gebruiker, r.entiteit_naam, r.oude_waarde, r.nieuwe_waarde) for r in rijen] == [
        (TEST_GEBRUIKER, label, str(van_jan), str(van_mij)),
        (JAN, label, None, str(van_jan)),
    ]
    # The command line reads and saves in one go: no version to compare.
    zet(database, van_jan, TEST_GEBRUIKER, None)
    assert lees(tweede) == (van_jan, 3)


def test_saving_the_same_value_again_writes_nothing(database: Database) -> None:
    gesprekarchief.zet_bewaartermijn(database, 6, TEST_GEBRUIKER, 0)
    gesprekarchief.zet_bewaartermijn(database, 6, TEST_GEBRUIKER, 1)
    assert gesprekarchief.bewaartermijn_met_versie(database) == (6, 1)
    assert len(mutatielog.zoek_mutaties(database, MutatieFilter(entiteit="instelling"), None)) == 1


def test_removing_a_gemeente_checks_use_and_version(
    database: Database, tweede: Database, catalogus: Database
) -> None:
    # Instruments are offered in Tiel in the sample catalogue: it stays, with a reason why.
    tiel = next(g for g in gemeenten.lijst_gemeenten(catalogus) if g.naam == "Tiel")
    with pytest.raises(InvoerFout, match=r"^Gemeente ‘Tiel’ hoort nog bij \d+ instrumenten\."):
        gemeenten.verwijder_gemeente(catalogus, TEST_GEBRUIKER, tiel.id, "x", versie=tiel.versie)
    assert "Tiel" in [g.naam for g in gemeenten.lijst_gemeenten(catalogus)]

    mijn = {g.naam: g for g in gemeenten.lijst_gemeenten(database)}
    zijn = {g.naam: g for g in gemeenten.lijst_gemeenten(tweede)}
    gemeenten.hernoem_gemeente(tweede, JAN, zijn["Buren"].id, "Buren (Gld)", "x", versie=1)
    with pytest.raises(
        ConflictFout, match=rf"^Gemeente ‘Buren \(Gld\)’ is intussen gewijzigd {DOOR_JAN}\."
    ):
        gemeenten.verwijder_gemeente(
            database, TEST_GEBRUIKER, mijn["Buren"].id, "weg", versie=mijn["Buren"].versie
        )
    assert gemeenten.verwijder_gemeente(tweede, JAN, zijn["Culemborg"].id, "weg", versie=1) == (
        "Culemborg"
    )
    for poging in (
        lambda: gemeenten.verwijder_gemeente(
            database, TEST_GEBRUIKER, mijn["Culemborg"].id, "weg", versie=1
        ),
        lambda: gemeenten.hernoem_gemeente(
            database, TEST_GEBRUIKER, mijn["Culemborg"].id, "Kuilenburg", "x", versie=1
        ),
    ):
        with pytest.raises(
            ConflictFout, match=rf"^Gemeente ‘Culemborg’ is intussen verwijderd {DOOR_JAN}\."
        ):
            poging()
    assert {g.naam for g in gemeenten.lijst_gemeenten(database)} == set(zijn) - {
        "Culemborg",
        "Buren",
    } | {"Buren (Gld)"}


@pytest.mark.alleen_postgresql
def test_two_first_saves_of_a_setting_at_the_same_moment(
    database: Database, tweede: Database
) -> None:
    """Both find no row and insert; Jan's uncommitted row makes the other insert wait on the
    key, and after Jan commits it fails: refused, naming Jan."""
    uitkomst: list[BaseException | int] = []

    def tweede_opslag() -> None:
        try:
            uitkomst.append(gesprekarchief.zet_bewaartermijn(database, 24, TEST_GEBRUIKER, 0))
        except BaseException as fout:  # reported to the main thread
            uitkomst.append(fout)

    draad = threading.Thread(target=tweede_opslag)
    with tweede.wijzigen(MutatieContext(JAN, "instelling")) as s:
        versiecontrole.zet_instelling(
            s, gesprekarchief.BEWAARTERMIJN_SLEUTEL, "6", 0, gesprekarchief.BEWAARTERMIJN_LABEL, JAN
        )
        draad.start()
        wacht = text(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND datname = current_database()"
        )
        with tweede.engine.connect() as kijker:
            while draad.is_alive() and not kijker.execute(wacht).scalar_one():
                kijker.rollback()
                draad.join(0.05)
    draad.join(60)
    (fout,) = uitkomst
    assert isinstance(fout, ConflictFout)
    assert "is intussen gewijzigd door Jan de Vries (jan)" in str(fout)
    assert gesprekarchief.bewaartermijn_met_versie(database) == (6, 1)


@pytest.mark.alleen_postgresql
def test_removing_a_gemeente_while_it_is_linked_at_the_same_moment(
    catalogus: Database, catalogus_url: str
) -> None:
    """Jan links an instrument to an unused gemeente; before he commits, the removal (which
    counted no instruments) waits on the row, then fails on the foreign key: refused."""
    beheerders.voeg_beheerder_toe(catalogus, TEST_GEBRUIKER, JAN)
    gid = gemeenten.voeg_gemeente_toe(catalogus, TEST_GEBRUIKER, "Lingewaard", "nieuw")
    jan = open_catalogus(catalogus_url, JAN, ()).database
    uitkomst: list[BaseException | str] = []

    def verwijder() -> None:
        try:
            uitkomst.append(gemeenten.verwijder_gemeente(catalogus, TEST_GEBRUIKER, gid, "weg"))
        except BaseException as fout:  # reported to the main thread
            uitkomst.append(fout)

    draad = threading.Thread(target=verwijder)
    try:
        with jan.wijzigen(MutatieContext(JAN, "editor", "ook in Lingewaard")) as s:
            instrument = s.scalars(select(Instrument).order_by(Instrument.id).limit(1)).one()
            instrument.gemeenten.append(s.get_one(Gemeente, gid))
            s.flush()
            draad.start()
            wacht = text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()"
            )
            with jan.engine.connect() as kijker:
                while draad.is_alive() and not kijker.execute(wacht).scalar_one():
                    kijker.rollback()
                    draad.join(0.05)
        draad.join(60)
    finally:
        jan.sluit()
    (fout,) = uitkomst
    assert isinstance(fout, ConflictFout)
    assert str(fout).startswith("Gemeente ‘Lingewaard’ is intussen bij een instrument gezet.")
    assert "Lingewaard" in [g.naam for g in gemeenten.lijst_gemeenten(catalogus)]
