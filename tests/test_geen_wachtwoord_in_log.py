"""No password in any log record either (issue 14, item 2): an address with a password that
cannot be reached, opened by the command line and by the window's start (which falls back to
the local copy and logs that), leaves the password in no message and no log record."""

from __future__ import annotations

import logging

import pytest

from keuzehulp.cli.main import main
from keuzehulp.model.db import Database
from keuzehulp.model.lokalekopie import maak_kopie
from keuzehulp.services.opstart import open_catalogus
from tests.conftest import TEST_GEBRUIKER

GEHEIM = "Geheim123"
ADRES = f"postgresql+psycopg://anna:{GEHEIM}@127.0.0.1:1/keuzehulp?connect_timeout=2"


@pytest.mark.alleen_sqlite  # the local copy is SQLite; the server is one that is not there
def test_no_password_in_log_records_or_messages(
    catalogus: Database, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    maak_kopie(catalogus, TEST_GEBRUIKER)
    caplog.set_level(logging.DEBUG)
    assert main(["--database", ADRES, "--uitgebreid", "info"]) == 1
    opstart = open_catalogus(ADRES, "anna", (), offline_toegestaan=True)
    try:
        meldingen = " ".join(opstart.meldingen)
    finally:
        opstart.database.sluit()
    uit = capsys.readouterr()
    teksten = [r.getMessage() for r in caplog.records] + [
        logging.Formatter().formatException(r.exc_info) for r in caplog.records if r.exc_info
    ]
    assert any("Geen verbinding met postgresql+psycopg://anna:***@127.0.0.1" in t for t in teksten)
    assert [t for t in teksten if GEHEIM in t] == []
    assert GEHEIM not in uit.out + uit.err + meldingen
    assert "127.0.0.1" in uit.err
