"""Roles the database enforces: each role logs in and tries every write path in plain SQL.

PostgreSQL only. The test server's superuser owns the database and runs `keuzehulp database
init`; werkcoaches, a beheerder and management (inzicht) get logins of their own (roles are
server-wide, so they are made once and kept).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from alembic import command
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from keuzehulp.cli.main import main
from keuzehulp.model.base import nu
from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.entities import Base
from keuzehulp.model.errors import DatabaseFout, DatabaseNieuwerFout, GeenRechtFout
from keuzehulp.model.migratie import SCHEMA_HEAD, alembic_config
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services import organisatie
from keuzehulp.services.beheer.mutatielog import controleer_keten, keten_melding
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.services.rollen import is_beheerder

pytestmark = pytest.mark.alleen_postgresql
Verbind = Callable[[str], Engine]

LOGINS = {
    "kh_anna": "werkcoach",
    "kh_bram": "werkcoach",
    "kh_bea": "beheerder",
    "kh_ina": "inzicht",
    "kh_zonder": None,  # a login without any keuzehulp role
}
CATALOGUS = (
    "fenger_route",
    "kenmerk",
    "gemeente",
    "instrument",
    "instrument_gemeente",
    "instrument_kenmerk",
    "instrument_route",
    "catalogus_versie",
    "instelling",
    "beheerder",
    "alembic_version",
)
GESPREKKEN = (
    "gesprek",
    "gesprek_optie",
    "gesprek_score",
    "gesprek_route",
    "gesprek_kenmerk",
    "terugblik",
    "opmerking",
    "coach_profiel",
    "gesprek_feit",
)


@pytest.fixture
def gedeeld(engine: str, lege_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A database set up by its owner with `keuzehulp database init` (sample catalogue), and
    logins for every role. Yields the owner's URL."""
    assert engine == "postgresql"
    monkeypatch.delenv("KEUZEHULP_GEBRUIKER")
    assert main(["--database", lege_url, "database", "init", "--voorbeeld"]) == 0
    eigenaar = create_engine(lege_url, isolation_level="AUTOCOMMIT")
    with eigenaar.connect() as conn:
        for login in LOGINS:
            conn.execute(
                text(
                    f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{login}')"
                    f" THEN CREATE ROLE {login} LOGIN; END IF; END $$"
                )
            )
    eigenaar.dispose()
    for login, rol in LOGINS.items():
        if rol is not None:
            assert main(["--database", lege_url, "database", "rol", login, rol]) == 0
    yield lege_url


def als(url: str, login: str) -> str:
    return make_url(url).set(username=login).render_as_string(hide_password=False)


@pytest.fixture
def verbind(gedeeld: str) -> Iterator[Verbind]:
    engines: list[Engine] = []

    def maak(login: str) -> Engine:
        engine = create_engine(als(gedeeld, login))
        engines.append(engine)
        return engine

    yield maak
    for engine in engines:
        engine.dispose()


def _geweigerd(engine: Engine, sql: str, params: dict[str, object] | None = None) -> None:
    """The statement must fail with PostgreSQL's 'insufficient privilege' (42501)."""
    with engine.connect() as conn:
        with pytest.raises(DBAPIError) as fout:
            conn.execute(text(sql), params or {})
        conn.rollback()
    assert getattr(fout.value.orig, "sqlstate", None) == "42501", (sql, str(fout.value.orig))


def _schrijfpaden(tabel: str) -> list[str]:
    kolom = (
        next(iter(Base.metadata.tables[tabel].columns)).name
        if tabel in Base.metadata.tables
        else "version_num"
    )
    return [
        f"INSERT INTO {tabel} DEFAULT VALUES",
        f"UPDATE {tabel} SET {kolom} = {kolom}",
        f"DELETE FROM {tabel}",
        f"TRUNCATE {tabel}",
        f"ALTER TABLE {tabel} ADD COLUMN extra integer",
        f"DROP TABLE {tabel}",
    ]


def _ddl_paden() -> list[str]:
    return [
        "CREATE TABLE eigen_tabel (id integer)",
        "CREATE FUNCTION eigen() RETURNS int LANGUAGE sql AS 'SELECT 1'",
        "ALTER TABLE mutatie DISABLE TRIGGER mutatie_keten",
        "DROP TRIGGER mutatie_keten ON mutatie",
        "ALTER TABLE gesprek DISABLE ROW LEVEL SECURITY",
        "DROP POLICY keuzehulp_eigen ON gesprek",
        "GRANT keuzehulp_beheerder TO CURRENT_USER",
    ]


def _gesprek(conn: Connection, coach: str) -> int:
    return int(
        conn.execute(
            text(
                "INSERT INTO gesprek (aangemaakt_op, gewijzigd_op, coach) "
                "VALUES (now(), now(), :c) RETURNING id"
            ),
            {"c": coach},
        ).scalar_one()
    )


def test_init_is_idempotent_and_every_table_has_rights(gedeeld: str) -> None:
    uitkomst = organisatie.richt_in(gedeeld)
    assert (uitkomst.vorige_revisie, uitkomst.revisie) == (SCHEMA_HEAD, SCHEMA_HEAD)
    engine = create_engine(gedeeld)
    with engine.connect() as conn:
        for tabel in Base.metadata.tables:
            leesbaar = conn.execute(
                text(
                    "SELECT has_table_privilege('keuzehulp_werkcoach', :t, 'SELECT')"
                    " OR has_table_privilege('keuzehulp_inzicht', :t, 'SELECT')"
                ),
                {"t": tabel},
            ).scalar_one()
            assert leesbaar, f"{tabel} has no rights for any role"
    engine.dispose()


@pytest.mark.parametrize("login", ["kh_anna", "kh_ina"])
def test_werkcoach_and_inzicht_cannot_change_the_catalogue_in_sql(
    verbind: Verbind, login: str
) -> None:
    engine = verbind(login)
    for tabel in CATALOGUS:
        for sql in _schrijfpaden(tabel):
            _geweigerd(engine, sql)
    for sql in _ddl_paden():
        _geweigerd(engine, sql)


@pytest.mark.parametrize("login", ["kh_anna", "kh_bea", "kh_ina"])
def test_nobody_but_the_owner_updates_or_deletes_log_rows(verbind: Verbind, login: str) -> None:
    engine = verbind(login)
    for sql in _schrijfpaden("mutatie")[1:]:
        _geweigerd(engine, sql)
    if login != "kh_bea":
        _geweigerd(engine, "INSERT INTO mutatie DEFAULT VALUES")


def test_inzicht_writes_nothing_anywhere_but_reads_every_gesprek(verbind: Verbind) -> None:
    anna = verbind("kh_anna")
    bram = verbind("kh_bram")
    with anna.begin() as conn:
        _gesprek(conn, "kh_anna")
    with bram.begin() as conn:
        _gesprek(conn, "kh_bram")
    ina = verbind("kh_ina")
    for tabel in GESPREKKEN:
        for sql in _schrijfpaden(tabel):
            _geweigerd(ina, sql)
    with ina.connect() as conn:
        coaches = set(conn.execute(text("SELECT coach FROM gesprek")).scalars())
        assert coaches == {"kh_anna", "kh_bram"}
        assert conn.execute(text("SELECT count(*) FROM instrument")).scalar_one() > 50
        _ = conn.execute(text("SELECT count(*) FROM terugblik")).scalar_one()


def test_a_beheerder_cannot_run_ddl_or_make_themselves_owner(verbind: Verbind) -> None:
    bea = verbind("kh_bea")
    for sql in _ddl_paden():
        _geweigerd(bea, sql)
    for sql in _schrijfpaden("beheerder") + _schrijfpaden("alembic_version"):
        _geweigerd(bea, sql)
    with bea.begin() as conn:  # what a beheerder may do
        conn.execute(text("UPDATE instrument SET beschikbaarheid = 'Op aanvraag' WHERE id = 1"))


def test_a_coach_sees_and_changes_only_their_own_gesprekken(verbind: Verbind) -> None:
    anna = verbind("kh_anna")
    bram = verbind("kh_bram")
    bea = verbind("kh_bea")
    with anna.begin() as conn:
        van_anna = _gesprek(conn, "kh_anna")
        conn.execute(
            text(
                "INSERT INTO gesprek_optie (gesprek_id, instrument_id, volgorde) VALUES (:g, 1, 0)"
            ),
            {"g": van_anna},
        )
        terugblik = conn.execute(
            text(
                "INSERT INTO terugblik (gesprek_id, instrument_id, aangemaakt_op, gewijzigd_op,"
                " coach) VALUES (:g, 1, now(), now(), 'kh_anna') RETURNING id"
            ),
            {"g": van_anna},
        ).scalar_one()
    # A gesprek in someone else's name, or a shortlist row on another's gesprek: refused.
    _geweigerd(
        bram,
        "INSERT INTO gesprek (aangemaakt_op, gewijzigd_op, coach) VALUES (now(), now(), 'kh_anna')",
    )
    _geweigerd(
        bram,
        "INSERT INTO gesprek_optie (gesprek_id, instrument_id, volgorde) VALUES (:g, 2, 1)",
        {"g": van_anna},
    )
    _geweigerd(
        bram,
        "INSERT INTO terugblik (gesprek_id, instrument_id, aangemaakt_op, gewijzigd_op, coach)"
        " VALUES (:g, 1, now(), now(), 'kh_bram')",
        {"g": van_anna},
    )
    _geweigerd(
        bram,
        "INSERT INTO opmerking (instrument_id, terugblik_id, bron, tekst, aangemaakt_op, status)"
        " VALUES (1, :t, 'coach', 'x', now(), 'nieuw')",
        {"t": terugblik},
    )
    with anna.begin() as conn:  # and Anna cannot hand her gesprek to Bram
        with pytest.raises(DBAPIError) as fout:
            conn.execute(
                text("UPDATE gesprek SET coach = 'kh_bram' WHERE id = :g"), {"g": van_anna}
            )
        assert getattr(fout.value.orig, "sqlstate", None) == "42501"
    # Another coach (a beheerder too) does not see it, and cannot change or delete it.
    for engine in (bram, bea):
        with engine.begin() as conn:
            for tabel, sleutel in (
                ("gesprek", "id"),
                ("gesprek_optie", "gesprek_id"),
                ("terugblik", "gesprek_id"),
            ):
                zichtbaar = conn.execute(
                    text(f"SELECT count(*) FROM {tabel} WHERE {sleutel} = :g"), {"g": van_anna}
                ).scalar_one()
                assert zichtbaar == 0, tabel
                gewijzigd = conn.execute(
                    text(f"UPDATE {tabel} SET {sleutel} = {sleutel} WHERE {sleutel} = :g"),
                    {"g": van_anna},
                ).rowcount
                verwijderd = conn.execute(
                    text(f"DELETE FROM {tabel} WHERE {sleutel} = :g"), {"g": van_anna}
                ).rowcount
                assert (gewijzigd, verwijderd) == (0, 0), tabel
    with anna.connect() as conn:
        assert (
            conn.execute(
                text("SELECT coach FROM gesprek WHERE id = :g"), {"g": van_anna}
            ).scalar_one()
            == "kh_anna"
        )
        assert (
            conn.execute(
                text("SELECT count(*) FROM gesprek_optie WHERE gesprek_id = :g"), {"g": van_anna}
            ).scalar_one()
            == 1
        )


def test_coach_settings_are_each_coachs_own(verbind: Verbind) -> None:
    anna = verbind("kh_anna")
    bram = verbind("kh_bram")
    with anna.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO coach_profiel (gebruiker, naam, gewijzigd_op)"
                " VALUES ('kh_anna', 'Anna', now())"
            )
        )
    _geweigerd(
        bram,
        "INSERT INTO coach_profiel (gebruiker, naam, gewijzigd_op)"
        " VALUES ('kh_anna', 'Nep', now())",
    )
    with bram.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM coach_profiel")).scalar_one() == 0
        assert conn.execute(text("UPDATE coach_profiel SET naam = 'Nep'")).rowcount == 0


def test_the_trigger_fills_in_who_and_when_so_they_cannot_be_spoofed(
    gedeeld: str, verbind: Verbind
) -> None:
    bea = verbind("kh_bea")
    with bea.begin() as conn:
        rij = conn.execute(
            text(
                "INSERT INTO mutatie (tijdstip, gebruiker, actie, entiteit, entiteit_naam, bron,"
                " vorige_hash, hash) VALUES ('2000-01-01 00:00+00', 'kh_anna', 'gewijzigd',"
                " 'instrument', 'Nep', 'sql', 'x', 'y') RETURNING gebruiker, tijdstip, hash"
            )
        ).one()
        databasetijd = conn.execute(text("SELECT now()")).scalar_one()
    assert rij.gebruiker == "kh_bea"
    assert rij.tijdstip >= databasetijd
    assert rij.hash != "y"
    opstart = open_catalogus(gedeeld, None, ())
    try:
        uitkomst = controleer_keten(opstart.database)
        assert uitkomst.in_orde, keten_melding(uitkomst)
    finally:
        opstart.database.sluit()


def test_the_app_user_is_the_database_login(
    gedeeld: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", als(gedeeld, "kh_anna"), "info"]) == 0
    uit = capsys.readouterr().out
    assert "Gebruiker:       kh_anna" in uit
    assert "Rol:             werkcoach" in uit
    opstart = open_catalogus(als(gedeeld, "kh_bea"), None, ())
    try:
        assert opstart.gebruiker == "kh_bea"
        assert opstart.sessie is not None and opstart.sessie.is_beheerder
        with opstart.database.lezen() as s:
            assert is_beheerder(s, "kh_bea")
            assert not is_beheerder(s, "kh_anna")
    finally:
        opstart.database.sluit()


def test_gebruiker_option_and_variable_are_refused_for_a_coach(
    gedeeld: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = als(gedeeld, "kh_anna")
    assert main(["--database", url, "--gebruiker", "kh_bea", "info"]) == 1
    fout = capsys.readouterr().err
    assert "bent u de gebruiker waarmee u inlogt: kh_anna" in fout
    assert "--gebruiker" in fout
    monkeypatch.setenv("KEUZEHULP_GEBRUIKER", "kh_bea")
    assert main(["--database", url, "info"]) == 1
    assert "KEUZEHULP_GEBRUIKER" in capsys.readouterr().err
    with pytest.raises(GeenRechtFout):
        open_catalogus(url, "kh_anna", ())


def test_a_coach_is_refused_a_catalogue_change_in_dutch_by_app_and_database(
    gedeeld: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = als(gedeeld, "kh_anna")
    assert main(["--database", url, "instrument", "parkeer", "1", "--reden", "test"]) == 1
    assert "Vraag de applicatiebeheerder om u de rol beheerder te geven" in capsys.readouterr().err
    # Past the app's own check, the database refuses, and the message is Dutch.
    opstart = open_catalogus(url, None, ())
    try:
        weigering = pytest.raises(GeenRechtFout, match="De database staat dit niet toe")
        with weigering, opstart.database.wijzigen(MutatieContext("kh_anna", "editor", "x")) as s:
            s.get_one(Instrument, 1).beschikbaarheid = "Nooit"
    finally:
        opstart.database.sluit()


def test_a_coach_saves_gesprekken_through_the_app(gedeeld: str) -> None:
    opstart = open_catalogus(als(gedeeld, "kh_anna"), None, ())
    try:
        service = GesprekService(opstart.database)
        opgeslagen = service.bewaar(GesprekInvoer(doel="Werk vinden"), opstart.gebruiker)
        assert service.lees(opgeslagen.id).invoer.doel == "Werk vinden"
    finally:
        opstart.database.sluit()
    opstart = open_catalogus(als(gedeeld, "kh_bram"), None, ())
    try:
        assert GesprekService(opstart.database).aantal() == 0
    finally:
        opstart.database.sluit()


def test_inzicht_facts_follow_a_coachs_gesprek_and_a_beheerders_price(
    gedeeld: str, verbind: Verbind
) -> None:
    """The facts of a coach's gesprek are written under row-level security; a new price set
    by a beheerder (who cannot see that gesprek) still reaches them (trigger, migration 0006);
    management reads them, another coach does not."""
    opstart = open_catalogus(als(gedeeld, "kh_anna"), None, ())
    try:
        invoer = GesprekInvoer(doel="Werk vinden", opties=(Optie(instrument_id=1),), keuze_id=1)
        gesprek = GesprekService(opstart.database).bewaar(invoer, opstart.gebruiker).id
    finally:
        opstart.database.sluit()
    with verbind("kh_bea").begin() as conn:
        conn.execute(text("UPDATE instrument SET kosten_centen = 123456 WHERE id = 1"))
    lees = "SELECT soort, centen, keuze_id FROM gesprek_feit WHERE gesprek_id = :g"
    with verbind("kh_ina").connect() as conn:
        rijen = {tuple(r) for r in conn.execute(text(lees), {"g": gesprek})}
    assert rijen == {(s, 123456, 1) for s in ("maand", "route", "kenmerk", "gemeente")}
    with verbind("kh_bram").connect() as conn:
        assert conn.execute(text(lees), {"g": gesprek}).all() == []
    # The month totals (migration 0009, owner's triggers) follow too; management reads
    # them, a coach may not (they sum every coach's gesprekken).
    totaal = (
        "SELECT gesprekken, centen FROM inzicht_totaal "
        "WHERE filter_gemeente = '' AND soort = 'maand'"
    )
    with verbind("kh_ina").connect() as conn:
        assert conn.execute(text(totaal)).all() == [(1, 123456)]
    _geweigerd(verbind("kh_bram"), totaal)


def test_a_coachs_app_never_runs_ddl(gedeeld: str) -> None:
    """An older schema: the coach is told to ask for an upgrade and nothing changes; after
    the owner's upgrade the coach opens it. A newer schema: install the newest version."""
    engine = create_engine(gedeeld)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    engine.dispose()
    coach = als(gedeeld, "kh_anna")
    with pytest.raises(DatabaseFout, match="keuzehulp database upgrade") as fout:
        open_catalogus(coach, None, ())
    assert "ouder schema (0004)" in fout.value.melding
    eigenaar = create_engine(gedeeld)
    with eigenaar.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0004"
    assert main(["--database", gedeeld, "database", "upgrade"]) == 0
    open_catalogus(coach, None, ()).database.sluit()
    with eigenaar.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    eigenaar.dispose()
    with pytest.raises(DatabaseNieuwerFout):
        open_catalogus(coach, None, ())


def test_an_empty_database_is_not_set_up_by_a_coach(
    lege_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = create_engine(lege_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(
            text(
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kh_nieuw')"
                " THEN CREATE ROLE kh_nieuw LOGIN; END IF; END $$"
            )
        )
    engine.dispose()
    with pytest.raises(DatabaseFout, match="keuzehulp database init"):
        open_catalogus(als(lege_url, "kh_nieuw"), None, ())
    with pytest.raises(GeenRechtFout, match="Alleen de eigenaar"):
        organisatie.richt_in(als(lege_url, "kh_nieuw"))


def test_a_login_without_a_role_cannot_connect(gedeeld: str) -> None:
    with pytest.raises(DatabaseFout, match="geen rechten op deze database"):
        open_catalogus(als(gedeeld, "kh_zonder"), None, ())


def test_init_refuses_sqlite_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", "sqlite:////tmp/niet-hier.sqlite", "database", "init"]) == 1
    assert "is voor een gedeelde PostgreSQL-database" in capsys.readouterr().err


def test_no_password_in_any_message(capsys: pytest.CaptureFixture[str]) -> None:
    """A wrong password or an unreachable server: the message names the server, not the
    password."""
    url = "postgresql+psycopg://anna:Geheim123@127.0.0.1:1/keuzehulp?connect_timeout=2"
    for opdracht in (["info"], ["database", "init"], ["log", "controleer"]):
        assert main(["--database", url, *opdracht]) == 1
        uit = capsys.readouterr()
        assert "Geheim123" not in uit.out + uit.err
        assert "niet bereikbaar" in uit.err


def test_log_rows_written_by_the_app_as_a_beheerder_carry_the_login(gedeeld: str) -> None:
    opstart = open_catalogus(als(gedeeld, "kh_bea"), None, ())
    try:
        start = nu() - dt.timedelta(minutes=5)
        with opstart.database.wijzigen(MutatieContext("iemand_anders", "editor", "test")) as s:
            s.get_one(Instrument, 1).beschikbaarheid = "Elke maandag"
        with opstart.database.lezen() as s:
            rij = s.execute(
                text("SELECT gebruiker, tijdstip FROM mutatie ORDER BY id DESC LIMIT 1")
            ).one()
        assert rij.gebruiker == "kh_bea"
        assert rij.tijdstip > start
        assert controleer_keten(opstart.database).in_orde
    finally:
        opstart.database.sluit()


@pytest.mark.parametrize(
    "opdracht",
    [
        ["info"],
        ["zoek", "--route", "work_first"],
        ["gesprek", "lijst"],
        ["gesprek", "bewaartermijn"],
        ["log", "--aantal", "3"],
        ["log", "controleer"],
        ["beheerder", "lijst"],
        ["versie", "lijst"],
        ["actualiteit"],
        ["coach", "--naam", "Anna de Vries", "--telefoon", "0344 61 22 33"],
    ],
)
def test_a_werkcoach_can_use_every_command_that_is_theirs(
    gedeeld: str, opdracht: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", als(gedeeld, "kh_anna"), *opdracht]) == 0, capsys.readouterr()


@pytest.mark.parametrize(
    "opdracht",
    [
        ["instrument", "parkeer", "1", "--reden", "test"],
        ["versie", "publiceer"],
        ["actualiteit", "--beoordeeld", "1"],
        ["gesprek", "bewaartermijn", "6"],
        ["beheerder", "toevoegen", "kh_anna"],
    ],
)
def test_a_werkcoach_is_refused_every_beheer_command_in_dutch(
    gedeeld: str, opdracht: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", als(gedeeld, "kh_anna"), *opdracht]) == 1
    fout = capsys.readouterr().err
    assert "beheerder" in fout
    assert "onverwachte" not in fout


def test_the_apps_beheerder_list_is_not_the_way_on_a_shared_database(
    gedeeld: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = als(gedeeld, "kh_bea")
    assert main(["--database", url, "beheerder", "toevoegen", "kh_anna"]) == 1
    assert "keuzehulp database rol LOGIN beheerder" in capsys.readouterr().err
    assert main(["--database", url, "beheerder", "lijst"]) == 0
