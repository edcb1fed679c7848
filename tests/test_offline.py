"""Offline fallback (issue 14 item 7): the local copy, starting without the server, the outbox.

"Unreachable" is real: the app reaches the throwaway PostgreSQL server through a folder of its
own that holds a link to the server's socket; removing the link makes the server unreachable
(libpq: no such file), putting it back makes it reachable again.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.errors import DatabaseFout, VerbindingVerbrokenFout
from keuzehulp.model.gesprek import Gesprek
from keuzehulp.model.lokalekopie import kopiepad, lees_info, maak_kopie
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.beheer import instrumenten
from keuzehulp.services.coachprofiel import bewaar_profiel, maak_profiel
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.offline import (
    CATALOGUS_ALLEEN_LEZEN,
    GeenKopieFout,
    aantal_onverzonden,
    banier_tekst,
    datum_tekst,
    na_verbinding,
    verstuur,
    verzend_melding,
    werkpad,
)
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.services.rapport.gegevens import verzamel
from keuzehulp.services.rapport.klant import klant_pdf
from keuzehulp.services.vergelijking import vergelijk_opties
from keuzehulp.services.zoeken import ZoekService
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.conftest import TEST_GEBRUIKER

SOCKET = ".s.PGSQL.5432"


class Poort:
    """A folder through which the app reaches the server; `dicht()` makes it unreachable."""

    def __init__(self, server_url: str) -> None:
        self.server = make_url(server_url)
        host = self.server.query["host"]
        self.socket = Path(host if isinstance(host, str) else host[0]) / SOCKET
        # Short: a Unix socket path may hold about 100 characters.
        self.map = Path(tempfile.mkdtemp(prefix="kh-poort-"))
        self.open()

    @property
    def url(self) -> str:
        url = self.server.update_query_dict({"host": str(self.map)})
        return url.render_as_string(hide_password=False)

    def open(self) -> None:
        (self.map / SOCKET).symlink_to(self.socket)

    def dicht(self) -> None:
        (self.map / SOCKET).unlink()

    def weg(self) -> None:
        shutil.rmtree(self.map, ignore_errors=True)


@pytest.fixture
def poort(catalogus_url: str) -> Iterator[Poort]:
    p = Poort(catalogus_url)
    yield p
    p.weg()


def _gesprek(ids: list[int]) -> GesprekInvoer:
    return GesprekInvoer(
        doel="Weer een vast ritme in de week",
        opties=tuple(Optie(instrument_id=i, goed="Dichtbij huis") for i in ids),
        keuze_id=ids[0],
        onderbouwing="Past bij het doel",
    )


def _actieve_ids(db: Database, aantal: int) -> list[int]:
    with db.lezen() as s:
        return list(
            s.scalars(
                select(Instrument.id)
                .where(Instrument.status == InstrumentStatus.ACTIEF)
                .order_by(Instrument.id)
                .limit(aantal)
            )
        )


def _pdf_tekst(pdf: bytes) -> str:
    lezer = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text().split()) for p in lezer.pages)


# --- the copy ----------------------------------------------------------------------------------


def test_copy_holds_the_active_catalogue_and_nothing_of_coaches(catalogus: Database) -> None:
    ids = _actieve_ids(catalogus, 2)
    GesprekService(catalogus).bewaar(_gesprek(ids), TEST_GEBRUIKER)
    bewaar_profiel(
        catalogus, TEST_GEBRUIKER, maak_profiel(naam="Sanne de Vries", telefoon="0344 61 22 33")
    )

    with catalogus.lezen() as s:
        kenmerken = s.scalar(text("SELECT count(*) FROM kenmerk"))
    uitkomst = maak_kopie(catalogus, TEST_GEBRUIKER)

    assert uitkomst.geschreven and uitkomst.pad == kopiepad()
    assert uitkomst.info.instrumenten == 52  # the sample's active ones; 9 parked stay out
    conn = sqlite3.connect(uitkomst.pad)
    try:
        tel = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("instrument", "kenmerk", "gemeente", "fenger_route", "gesprek", "mutatie")
        }
        profielen = conn.execute("SELECT naam FROM coach_profiel").fetchall()
        status = {r[0] for r in conn.execute("SELECT DISTINCT status FROM instrument")}
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert tel["instrument"] == 52 and status == {"actief"}
    assert tel["gemeente"] == 8 and tel["fenger_route"] == 3 and tel["kenmerk"] == kenmerken > 30
    assert tel["gesprek"] == 0 and tel["mutatie"] == 0
    assert profielen == [("Sanne de Vries",)]
    # Nothing half-written is left beside it.
    assert sorted(p.name for p in kopiepad().parent.iterdir()) == [kopiepad().name]


def test_an_unchanged_catalogue_is_not_copied_again_but_a_change_is(catalogus: Database) -> None:
    eerst = maak_kopie(
        catalogus, TEST_GEBRUIKER, moment=dt.datetime(2026, 11, 12, 9, tzinfo=dt.UTC)
    )
    inode = kopiepad().stat().st_ino
    later = dt.datetime(2026, 11, 13, 9, tzinfo=dt.UTC)

    zelfde = maak_kopie(catalogus, TEST_GEBRUIKER, moment=later)

    assert eerst.geschreven and not zelfde.geschreven
    assert kopiepad().stat().st_ino == inode  # the same file, not rewritten
    info = lees_info()
    assert info is not None and info.gekopieerd_op == later  # known current on the 13th

    iid = _actieve_ids(catalogus, 1)[0]
    with catalogus.lezen() as s:
        versie = s.get_one(Instrument, iid).versie
    instrumenten.parkeer(catalogus, TEST_GEBRUIKER, iid, versie, "Aanbieder gestopt")
    nieuw = maak_kopie(catalogus, TEST_GEBRUIKER)

    assert nieuw.geschreven and nieuw.info.instrumenten == 51
    assert kopiepad().stat().st_ino != inode  # a new file, renamed into place


def test_dutch_dates_of_the_copy() -> None:
    twaalf = dt.datetime(2026, 11, 12, 10, 30, tzinfo=dt.UTC)
    assert datum_tekst(twaalf, vandaag=dt.date(2026, 11, 30)) == "12 november"
    assert datum_tekst(twaalf, vandaag=dt.date(2027, 1, 2)) == "12 november 2026"
    lokaal = twaalf.astimezone()
    assert datum_tekst(twaalf, vandaag=lokaal.date()) == (
        f"vandaag ({lokaal.hour}.{lokaal.minute:02d} uur)"
    )


# --- a gesprek sent twice is stored once (both engines) -------------------------------------------


def test_a_gesprek_with_a_uuid_is_stored_once(catalogus: Database) -> None:
    ids = _actieve_ids(catalogus, 2)
    service = GesprekService(catalogus)
    code = "6f1c2b1e-8d3a-4c55-9a0e-3c1d2e4f5a6b"
    toen = dt.datetime(2026, 11, 12, 10, tzinfo=dt.UTC)

    eerste = service.bewaar(_gesprek(ids), TEST_GEBRUIKER, uuid=code, aangemaakt_op=toen)
    tweede = service.bewaar(_gesprek(ids[::-1]), TEST_GEBRUIKER, uuid=code.upper())

    assert tweede.id == eerste.id and tweede.uuid == code
    assert tweede.invoer.keuze_id == ids[0]  # the second send changed nothing
    assert eerste.aangemaakt_op == toen
    with catalogus.lezen() as s:
        assert s.scalar(select(func.count(Gesprek.id))) == 1
    gewoon = service.bewaar(_gesprek(ids), TEST_GEBRUIKER)
    assert gewoon.uuid != code and len(gewoon.uuid) == 36


def test_a_malformed_uuid_is_refused_in_dutch(catalogus: Database) -> None:
    ids = _actieve_ids(catalogus, 1)
    with pytest.raises(Exception, match="geen geldige gesprekscode"):
        GesprekService(catalogus).bewaar(_gesprek(ids), TEST_GEBRUIKER, uuid="niet-goed")


def test_rows_inserted_by_plain_sql_get_a_uuid(catalogus: Database) -> None:
    with catalogus.wijzigen(MutatieContext(TEST_GEBRUIKER, "test")) as s:
        s.execute(
            text(
                "INSERT INTO gesprek (aangemaakt_op, gewijzigd_op, coach) "
                "VALUES (:t, :t, 'tester'), (:t, :t, 'tester')"
            ),
            {"t": dt.datetime(2026, 11, 1, tzinfo=dt.UTC)},
        )
    with catalogus.lezen() as s:
        codes = list(s.scalars(select(Gesprek.uuid)))
    assert len(codes) == 2 and len(set(codes)) == 2 and all(len(c) == 36 for c in codes)


# --- starting without the server (PostgreSQL) -----------------------------------------------------


@pytest.mark.alleen_postgresql
def test_start_falls_back_to_the_copy_and_everything_a_coach_needs_works(
    engine: str, poort: Poort
) -> None:
    online = open_catalogus(poort.url, TEST_GEBRUIKER, (), offline_toegestaan=True)
    assert online.offline is None
    bewaar_profiel(
        online.database,
        TEST_GEBRUIKER,
        maak_profiel(naam="Sanne de Vries", telefoon="0344 61 22 33"),
    )
    na_verbinding(online.database, TEST_GEBRUIKER)
    online.database.sluit()
    poort.dicht()

    opstart = open_catalogus(poort.url, TEST_GEBRUIKER, (), offline_toegestaan=True)
    try:
        assert opstart.offline is not None
        assert opstart.offline.banier.startswith("Geen verbinding: je werkt met de catalogus van ")
        assert opstart.meldingen == []  # nothing waits to be sent yet
        assert "niet bereikbaar" in opstart.offline.reden
        db = opstart.database
        assert db.url.get_backend_name() == "sqlite" and Path(db.locatie) == werkpad()

        # Search, comparison, and a real PDF for the client.
        zoeken = ZoekService(db)
        antwoord = zoeken.zoek(ZoekVraag(routes=frozenset({"work_first"})))
        assert 0 < antwoord.aantal < 52 and zoeken.aantal_actief == 52
        ids = antwoord.ids[:2]
        gesprek = GesprekService(db).bewaar(_gesprek(ids), TEST_GEBRUIKER)
        rapport = verzamel(db, gesprek.id)
        rijen = vergelijk_opties(rapport.opties)
        assert len(rijen) > 3
        tekst = _pdf_tekst(klant_pdf(rapport))
        assert "Sanne de Vries" in tekst and rapport.opties[0].naam.split(",")[0] in tekst
        assert aantal_onverzonden() == 1

        # The catalogue itself is read-only offline.
        with db.lezen() as s:
            versie = s.get_one(Instrument, ids[0]).versie
        with pytest.raises(DatabaseFout) as fout:
            instrumenten.parkeer(db, TEST_GEBRUIKER, ids[0], versie, "Test")
        assert fout.value.melding == CATALOGUS_ALLEEN_LEZEN
        with db.lezen() as s:
            assert s.get_one(Instrument, ids[0]).status == InstrumentStatus.ACTIEF
    finally:
        opstart.database.sluit()


@pytest.mark.alleen_postgresql
def test_without_a_copy_the_start_says_so_and_what_to_do(engine: str, poort: Poort) -> None:
    poort.dicht()
    with pytest.raises(GeenKopieFout) as fout:
        open_catalogus(poort.url, TEST_GEBRUIKER, (), offline_toegestaan=True)
    assert "nog geen kopie van de catalogus" in fout.value.melding
    assert "Controleer het netwerk" in fout.value.melding
    # The command line keeps the plain message and never falls back.
    with pytest.raises(DatabaseFout) as fout2:
        open_catalogus(poort.url, TEST_GEBRUIKER, ())
    assert not isinstance(fout2.value, GeenKopieFout)


@pytest.mark.alleen_postgresql
def test_offline_gesprekken_are_sent_once_when_the_server_is_back(
    engine: str, poort: Poort
) -> None:
    online = open_catalogus(poort.url, TEST_GEBRUIKER, (), offline_toegestaan=True)
    na_verbinding(online.database, TEST_GEBRUIKER)
    online.database.sluit()
    poort.dicht()
    offline = open_catalogus(poort.url, TEST_GEBRUIKER, (), offline_toegestaan=True)
    werk = offline.database
    ids = _actieve_ids(werk, 3)
    lokaal = GesprekService(werk)
    a = lokaal.bewaar(_gesprek(ids[:2]), TEST_GEBRUIKER)
    b = lokaal.bewaar(_gesprek(ids[1:]), TEST_GEBRUIKER)
    assert aantal_onverzonden() == 2

    poort.open()
    server = open_catalogus(poort.url, TEST_GEBRUIKER, ())
    try:
        eerste = na_verbinding(server.database, TEST_GEBRUIKER, werk)
        tweede = verstuur(werk, server.database, TEST_GEBRUIKER)
        assert (eerste.verzonden.verstuurd, tweede.verstuurd) == (2, 0)
        assert aantal_onverzonden() == 0
        with server.database.lezen() as s:
            rijen = s.execute(
                select(Gesprek.uuid, Gesprek.keuze_id, Gesprek.coach, Gesprek.id)
            ).all()
        nummer = {r[0]: r[3] for r in rijen}
        assert sorted(r[:3] for r in rijen) == sorted(
            [(a.uuid, ids[0], TEST_GEBRUIKER), (b.uuid, ids[1], TEST_GEBRUIKER)]
        )
        # The coach is told the new numbers on the server, in the order sent.
        assert eerste.verzonden.nummers == [nummer[a.uuid], nummer[b.uuid]]
        assert verzend_melding(eerste.verzonden) == (
            "2 offline gesprekken zijn naar de database gestuurd "
            f"(nu gesprek {nummer[a.uuid]} en {nummer[b.uuid]})."
        )
        # Changed offline after sending: the server's copy follows, still one row.
        lokaal.bewaar(_gesprek([ids[2], ids[0]]), TEST_GEBRUIKER, a.id)
        assert aantal_onverzonden() == 1
        assert verstuur(werk, server.database, TEST_GEBRUIKER).verstuurd == 1
        with server.database.lezen() as s:
            keuzes = dict(tuple(r) for r in s.execute(select(Gesprek.uuid, Gesprek.keuze_id)))
        assert keuzes == {a.uuid: ids[2], b.uuid: ids[1]}
    finally:
        server.database.sluit()
        werk.sluit()


@pytest.mark.alleen_postgresql
def test_a_server_that_goes_away_during_an_edit_leaves_nothing_half_saved(
    engine: str, catalogus: Database
) -> None:
    ids = _actieve_ids(catalogus, 2)
    beheer = catalogus.engine
    with (
        pytest.raises(VerbindingVerbrokenFout) as fout,
        catalogus.wijzigen(MutatieContext(TEST_GEBRUIKER, "gesprek")) as s,
    ):
        s.add(Gesprek(coach=TEST_GEBRUIKER))
        s.flush()  # half of the work is in the server's transaction
        pid = s.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with beheer.connect() as ander:
            ander.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        s.add(Gesprek(coach=TEST_GEBRUIKER))
        s.flush()
    assert "Geen verbinding met de database" in fout.value.melding
    assert "Er is niets gewijzigd" in fout.value.melding
    # The app reconnects by itself: the next unit of work simply works, and nothing of the
    # broken one was kept.
    with catalogus.lezen() as s:
        assert s.scalar(select(func.count(Gesprek.id))) == 0
    GesprekService(catalogus).bewaar(_gesprek(ids), TEST_GEBRUIKER)
    with catalogus.lezen() as s:
        assert s.scalar(select(func.count(Gesprek.id))) == 1


def test_banner_text_names_the_copy_date() -> None:
    from keuzehulp.model.lokalekopie import KopieInfo

    info = KopieInfo("x", dt.datetime(2026, 11, 12, 12, tzinfo=dt.UTC), "srv", "anna", "0008", 52)
    assert (
        banier_tekst(info, vandaag=dt.date(2026, 11, 30))
        == "Geen verbinding: je werkt met de catalogus van 12 november."
    )


@pytest.mark.parametrize(
    "adres",
    [
        "postgresql+psycopg://anna@127.0.0.1:1/keuzehulp",  # nobody listens: refused
        "postgresql+psycopg://anna@server.invalid/keuzehulp",  # no such host (RFC 2606)
    ],
)
def test_refused_and_unknown_servers_count_as_unreachable(adres: str) -> None:
    with pytest.raises(GeenKopieFout) as fout:
        open_catalogus(adres, None, (), offline_toegestaan=True)
    assert "niet bereikbaar" in fout.value.melding
    assert "nog geen kopie van de catalogus" in fout.value.melding


@pytest.mark.alleen_postgresql
def test_a_refused_login_does_not_fall_back_to_the_copy(
    engine: str, poort: Poort, catalogus: Database
) -> None:
    maak_kopie(catalogus, TEST_GEBRUIKER)
    onbekend = make_url(poort.url).set(username="kh_bestaat_niet")
    with pytest.raises(DatabaseFout) as fout:
        open_catalogus(
            onbekend.render_as_string(hide_password=False), None, (), offline_toegestaan=True
        )
    assert not isinstance(fout.value, GeenKopieFout)
    assert "deze gebruiker bestaat niet" in fout.value.melding


@pytest.mark.alleen_postgresql
def test_while_the_server_is_away_search_works_saving_says_so_and_it_comes_back(
    engine: str, poort: Poort
) -> None:
    from sqlalchemy import create_engine

    from keuzehulp.services.offline import verbinding_werkt

    opstart = open_catalogus(poort.url, TEST_GEBRUIKER, (), offline_toegestaan=True)
    db = opstart.database
    beheer = create_engine(poort.server, isolation_level="AUTOCOMMIT")
    try:
        zoeken = ZoekService(db)
        ids = zoeken.zoek(ZoekVraag()).ids[:2]
        poort.dicht()
        with beheer.connect() as conn:  # the server drops every connection of the app
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
        assert zoeken.zoek(ZoekVraag(routes=frozenset({"work_first"}))).aantal > 0
        assert not verbinding_werkt(db)
        with pytest.raises(VerbindingVerbrokenFout) as fout:
            GesprekService(db).bewaar(_gesprek(ids), TEST_GEBRUIKER)
        assert "Er is niets gewijzigd" in fout.value.melding

        poort.open()
        assert verbinding_werkt(db)
        GesprekService(db).bewaar(_gesprek(ids), TEST_GEBRUIKER)
        with db.lezen() as s:
            assert s.scalar(select(func.count(Gesprek.id))) == 1
    finally:
        beheer.dispose()
        db.sluit()
