"""Live updates: a catalogue change by one app reaches another running app, on both engines.

Two real Database objects (two apps, each with its own connections) on one catalogue: the
follower of app B (`CatalogusVolger`: LISTEN/NOTIFY on PostgreSQL, PRAGMA data_version on
SQLite) must raise one refresh for a change by app A, none for B's own change, and one or
two for a burst of 20 changes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from keuzehulp.model.db import Database, sqlite_pad
from keuzehulp.model.meldingen import (
    EigenVerbindingen,
    Melding,
    PostgresLuisteraar,
    SqliteWachter,
)
from keuzehulp.model.mutatielog import Wijzigingen
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService
from keuzehulp.ui.catalogusvolger import CatalogusVolger
from keuzehulp.ui.context import AppContext
from tests.conftest import TEST_GEBRUIKER
from tests.live_hulp import actieve, hernoem_kenmerk, parkeer_een, twee_apps

WACHT_MS = 20_000  # generous: the machine is shared; nothing here measures speed


@pytest.fixture
def apps(catalogus_url: str) -> Iterator[tuple[Database, Database]]:
    with twee_apps(catalogus_url) as paar:
        yield paar


@pytest.fixture
def volger(qtbot: QtBot, apps: tuple[Database, Database]) -> Iterator[CatalogusVolger]:
    """App B's follower, started and listening."""
    _a, b = apps
    volger = CatalogusVolger(AppContext(b, TEST_GEBRUIKER))
    volger.start()
    if volger.luisteraar is not None:
        assert volger.luisteraar.verbonden.wait(WACHT_MS / 1000)
    yield volger
    volger.stop(wacht_s=5)


def test_change_by_another_app_raises_one_refresh_and_own_change_none(
    qtbot: QtBot, apps: tuple[Database, Database], volger: CatalogusVolger
) -> None:
    a, b = apps
    gewijzigd: list[int] = []
    volger.context.gebeurtenissen.catalogus_gewijzigd.connect(lambda: gewijzigd.append(1))
    elders: list[Wijzigingen] = []
    volger.context.gebeurtenissen.elders_gewijzigd.connect(elders.append)
    meldingen: list[str] = []
    volger.context.gebeurtenissen.melding.connect(meldingen.append)

    hernoem_kenmerk(b, "Eigen wijziging van app B")  # B's own: B raises its own event
    with qtbot.waitSignal(volger.bijgewerkt, timeout=WACHT_MS) as signaal:
        parkeer_een(a)

    wijzigingen = signaal.args[0]
    assert isinstance(wijzigingen, Wijzigingen)
    # Only A's change came through the follower: B's kenmerk change was its own.
    assert wijzigingen.entiteiten == {"instrument"}
    assert elders == [wijzigingen]
    assert volger.aantal_bijgewerkt == 1
    assert len(gewijzigd) == 2  # once for B's own commit, once for A's change
    assert any(m.startswith("Catalogus bijgewerkt door een beheerder") for m in meldingen)


def test_burst_of_twenty_changes_gives_one_or_two_refreshes(
    qtbot: QtBot, apps: tuple[Database, Database], volger: CatalogusVolger
) -> None:
    a, _b = apps
    # Generous waits, so that a slow commit on a busy shared machine (a gap of up to 2 s in
    # the burst) does not count as the end of the burst; the mechanism is the same.
    volger.rust_ms, volger.max_wacht_ms = 2000, 120_000
    gezien: set[str] = set()
    volger.bijgewerkt.connect(lambda w: gezien.update(w.entiteiten))
    ids = [i for i, _v, _n in actieve(a, 19)]
    assert len(ids) == 19
    fouten: list[BaseException] = []

    def reeks() -> None:  # another app's beheerder, while this app's event loop runs
        try:
            for instrument_id in ids:
                parkeer_een(a, instrument_id)
            hernoem_kenmerk(a, "Laatste wijziging van de reeks")  # change 20, another kind
        except BaseException as fout:
            fouten.append(fout)

    draad = threading.Thread(target=reeks)
    draad.start()
    qtbot.waitUntil(lambda: not draad.is_alive(), timeout=WACHT_MS * 3)
    # The last change of the burst is a kenmerk: once it is seen, all 20 were.
    qtbot.waitUntil(lambda: "kenmerk" in gezien, timeout=WACHT_MS)
    assert fouten == []
    assert gezien == {"instrument", "kenmerk"}
    assert 1 <= volger.aantal_bijgewerkt <= 2


def test_stopped_follower_raises_nothing(
    qtbot: QtBot, apps: tuple[Database, Database], volger: CatalogusVolger
) -> None:
    a, b = apps
    volger.stop(wacht_s=5)
    assert volger.luisteraar is None
    parkeer_een(a)
    # A second, running follower on the same app hears the change; the stopped one did not.
    tweede = CatalogusVolger(AppContext(b, TEST_GEBRUIKER))
    tweede.start()
    if tweede.luisteraar is not None:
        assert tweede.luisteraar.verbonden.wait(WACHT_MS / 1000)
    with qtbot.waitSignal(tweede.bijgewerkt, timeout=WACHT_MS):
        hernoem_kenmerk(a, "Na het stoppen")
    tweede.stop(wacht_s=5)
    assert volger.aantal_bijgewerkt == 0


# --- the engines' own mechanisms, without Qt ---------------------------------------------------


@pytest.mark.alleen_sqlite
def test_sqlite_watcher_sees_catalogue_changes_only(apps: tuple[Database, Database]) -> None:
    a, b = apps
    pad = sqlite_pad(b.url)
    assert pad is not None
    wachter = SqliteWachter(pad)
    try:
        assert wachter.controleer() is None
        parkeer_een(a)
        melding = wachter.controleer()
        assert melding is not None and melding.entiteiten == {"instrument"}
        assert wachter.controleer() is None  # seen once
        # A saved gesprek changes the file (data_version) but not the catalogue.
        GesprekService(a).bewaar(GesprekInvoer(client_referentie="K-1"), "coach")
        assert wachter.controleer() is None
        # This app's own change, taken as seen right after its commit, is not reported.
        hernoem_kenmerk(b, "Eigen wijziging")
        wachter.gelijk_zetten()
        assert wachter.controleer() is None
        hernoem_kenmerk(a, "Wijziging van de ander")
        melding = wachter.controleer()
        assert melding is not None and melding.entiteiten == {"kenmerk"}
    finally:
        wachter.sluit()


def _wacht_op(meldingen: list[Melding], aantal: int) -> None:
    einde = time.monotonic() + WACHT_MS / 1000
    while len(meldingen) < aantal and time.monotonic() < einde:
        time.sleep(0.02)


@pytest.mark.alleen_postgresql
def test_postgres_notice_at_commit_not_on_rollback_nor_own(
    apps: tuple[Database, Database],
) -> None:
    a, b = apps
    meldingen: list[Melding] = []
    eigen = EigenVerbindingen(b.engine)
    luisteraar = PostgresLuisteraar(b.engine, meldingen.append, eigen=eigen)
    luisteraar.start()
    try:
        assert luisteraar.verbonden.wait(WACHT_MS / 1000)
        hernoem_kenmerk(b, "Eigen wijziging")  # B's own notice: left out
        # A log row written, then rolled back: no notice.
        with pytest.raises(RuntimeError), a.sessions() as s, s.begin():
            s.execute(
                text(
                    "INSERT INTO mutatie (tijdstip, gebruiker, actie, entiteit, "
                    "entiteit_naam, bron) VALUES (now(), 'x', 'gewijzigd', 'gemeente', 'Tiel', "
                    "'test')"
                )
            )
            raise RuntimeError("terugdraaien")
        parkeer_een(a)
        _wacht_op(meldingen, 1)
        assert [m.entiteiten for m in meldingen] == [frozenset({"instrument"})]
        assert meldingen[0].pid not in eigen
        # Another client than the app (a script writing the log) is heard too: the trigger.
        script = create_engine(a.url)
        with script.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO mutatie (tijdstip, gebruiker, actie, entiteit, "
                    "entiteit_naam, bron) VALUES (now(), 'x', 'gewijzigd', 'gemeente', 'Tiel', "
                    "'script')"
                )
            )
        script.dispose()
        _wacht_op(meldingen, 2)
        assert [m.entiteiten for m in meldingen[1:]] == [frozenset({"gemeente"})]
    finally:
        luisteraar.stop(wacht_s=5)
        eigen.ontkoppel()


@pytest.mark.alleen_postgresql
def test_postgres_listener_reconnects_and_says_anything_may_have_changed(
    catalogus_url: str, apps: tuple[Database, Database]
) -> None:
    a, b = apps
    meldingen: list[Melding] = []
    luisteraar = PostgresLuisteraar(b.engine, meldingen.append, eigen=EigenVerbindingen(b.engine))
    luisteraar.start()
    eigenaar = create_engine(catalogus_url, isolation_level="AUTOCOMMIT")
    try:
        assert luisteraar.verbonden.wait(WACHT_MS / 1000)
        with eigenaar.connect() as conn:  # the server drops the listener's connection
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE query = 'LISTEN keuzehulp_catalogus'"
                )
            )
        _wacht_op(meldingen, 1)
        assert luisteraar.herverbindingen == 1
        assert meldingen[0].entiteiten == frozenset()  # unknown: refresh everything
        parkeer_een(a)
        _wacht_op(meldingen, 2)
        assert [m.entiteiten for m in meldingen[1:]] == [frozenset({"instrument"})]
    finally:
        luisteraar.stop(wacht_s=5)
        eigenaar.dispose()


@pytest.mark.alleen_postgresql
def test_database_init_installs_the_notify_trigger(
    lege_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from keuzehulp.cli.main import main

    monkeypatch.delenv("KEUZEHULP_GEBRUIKER")
    assert main(["--database", lege_url, "database", "init"]) == 0
    assert main(["--database", lege_url, "database", "upgrade"]) == 0  # safe to repeat
    eigenaar = create_engine(lege_url)
    with eigenaar.connect() as conn:
        triggers = conn.execute(
            text("SELECT tgname FROM pg_trigger WHERE tgrelid = 'mutatie'::regclass")
        ).scalars()
        assert "mutatie_meld" in set(triggers)
    eigenaar.dispose()
