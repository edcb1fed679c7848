"""The import/publish lock, with real concurrent connections on both engines.

Two imports at once: the second waits a few seconds, then is told who imports since when.
A killed importer (process killed with SIGKILL) does not block the next one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from keuzehulp.model.beheer import CatalogusVersie, Vergrendeling
from keuzehulp.model.db import Database
from keuzehulp.model.errors import VergrendeldFout
from keuzehulp.model.vergrendeling import IMPORTEERT, vergrendel
from keuzehulp.services.beheer import versies
from keuzehulp.services.bronbestand.importeren import importeer
from keuzehulp.services.coachprofiel import bewaar_profiel, maak_profiel
from keuzehulp.services.opstart import open_catalogus
from tests.bronbestand_werkmappen import maak_werkmap
from tests.conftest import TEST_GEBRUIKER

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def tweede(db_url: str, database: Database) -> Iterator[Database]:
    """A second app on the same catalogue: its own engine and connections."""
    opstart = open_catalogus(db_url, TEST_GEBRUIKER, ())
    yield opstart.database
    opstart.database.sluit()


def _werkmap(pad: Path, naam: str) -> Path:
    return maak_werkmap(pad, [[naam, "Human Capital first", "1.7"]])


def _jan(db: Database) -> None:
    profiel = maak_profiel(naam="Jan de Vries", telefoon="0344 61 22 33")
    bewaar_profiel(db, TEST_GEBRUIKER, profiel)


def test_second_import_waits_then_hears_who_imports(
    database: Database, tweede: Database, tmp_path: Path
) -> None:
    _jan(database)
    binnen, los = threading.Event(), threading.Event()
    uitkomst: list[object] = []

    def blokkeer(procent: int, _tekst: str) -> None:
        if procent >= 68:  # comparing with the catalogue: inside the locked transaction
            binnen.set()
            assert los.wait(120)

    def eerste_import() -> None:
        try:
            uitkomst.append(
                importeer(
                    database,
                    _werkmap(tmp_path / "a.xlsx", "Training A, Bureau X"),
                    TEST_GEBRUIKER,
                    proefdraaien=False,
                    reden="eerste",
                    voortgang=blokkeer,
                )
            )
        except BaseException as fout:  # reported to the main thread
            uitkomst.append(fout)

    draad = threading.Thread(target=eerste_import)
    draad.start()
    try:
        assert binnen.wait(120)
        with pytest.raises(VergrendeldFout) as fout:
            importeer(
                tweede,
                _werkmap(tmp_path / "b.xlsx", "Coaching B, Bureau Y"),
                TEST_GEBRUIKER,
                proefdraaien=False,
                reden="tweede",
            )
        with pytest.raises(VergrendeldFout) as publicatie:
            versies.publiceer_versie(tweede, TEST_GEBRUIKER, "tijdens de import")
    finally:
        los.set()
        draad.join(120)
    melding = str(fout.value)
    assert melding.startswith(f"Jan de Vries ({TEST_GEBRUIKER}) importeert sinds ")
    assert "Probeer het over een paar minuten opnieuw." in melding
    assert str(publicatie.value) == melding
    (resultaat,) = uitkomst
    assert getattr(resultaat, "toegepast", False) is True
    with tweede.lezen() as s:
        assert s.scalar(select(func.count()).select_from(CatalogusVersie)) == 0
        assert s.scalar(select(func.count()).select_from(Vergrendeling)) == 0
    # Released: the second import now goes through, and so does publishing.
    b = importeer(
        tweede,
        _werkmap(tmp_path / "b2.xlsx", "Coaching B, Bureau Y"),
        TEST_GEBRUIKER,
        proefdraaien=False,
        reden="tweede",
    )
    assert b.toegepast
    assert versies.publiceer_versie(tweede, TEST_GEBRUIKER, "na de import").aantal_instrumenten


def test_lock_is_released_after_an_error_inside(database: Database, tweede: Database) -> None:
    with pytest.raises(ZeroDivisionError), vergrendel(database, TEST_GEBRUIKER, IMPORTEERT):
        _ = 1 / 0
    with vergrendel(tweede, TEST_GEBRUIKER, IMPORTEERT, wachttijd_s=0):
        pass


HOUDER = """
import sys, time
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.model.vergrendeling import vergrendel, IMPORTEERT
db = open_catalogus(sys.argv[1], "tester", ()).database
with vergrendel(db, "tester", IMPORTEERT):
    print("vast", flush=True)
    time.sleep(600)
"""


def test_killed_importer_does_not_block_the_next(database: Database, db_url: str) -> None:
    _jan(database)
    omgeving = os.environ | {"PYTHONPATH": str(REPO)}
    with subprocess.Popen(
        [sys.executable, "-c", HOUDER, db_url],
        stdout=subprocess.PIPE,
        text=True,
        env=omgeving,
        cwd=REPO,
    ) as proces:
        try:
            assert proces.stdout is not None
            assert proces.stdout.readline().strip() == "vast"
            with (
                pytest.raises(VergrendeldFout, match=r"^Jan de Vries \(tester\) importeert sinds"),
                vergrendel(database, TEST_GEBRUIKER, IMPORTEERT, wachttijd_s=0.5),
            ):
                pass
        finally:
            proces.send_signal(signal.SIGKILL)
            proces.wait(60)
    assert proces.returncode == -signal.SIGKILL
    with database.lezen() as s:  # the killed holder's note is still there ...
        assert s.scalar(select(func.count()).select_from(Vergrendeling)) == 1
    # ... but blocks nobody
    with vergrendel(database, TEST_GEBRUIKER, IMPORTEERT), database.lezen() as s:
        houder = s.scalars(select(Vergrendeling.houder)).one()
        assert str(os.getpid()) in houder or houder.startswith("pg:")
