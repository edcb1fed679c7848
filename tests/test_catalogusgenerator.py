"""Generated catalogues are real catalogues: exported, they import again without a problem."""

from __future__ import annotations

import random
from pathlib import Path

from keuzehulp.model.db import Database
from keuzehulp.services.beheer.instrumenten import lijst_instrumenten
from keuzehulp.services.bronbestand.exporteren import exporteer
from keuzehulp.services.bronbestand.importeren import importeer
from keuzehulp.services.opstart import open_catalogus
from tests.catalogusgenerator import vul_catalogus, willekeurige_gegevens
from tests.conftest import TEST_GEBRUIKER


def test_an_exported_generated_catalogue_imports_into_a_new_one(
    database: Database, lege_url: str, tmp_path: Path
) -> None:
    rng = random.Random(13)
    vul_catalogus(database, willekeurige_gegevens(rng, 40))
    vul_catalogus(database, willekeurige_gegevens(rng, 40, begin=40))  # a second batch
    pad = tmp_path / "gegenereerd.xlsx"
    exporteer(database, pad)
    nieuw = open_catalogus(lege_url, TEST_GEBRUIKER, ()).database
    try:
        resultaat = importeer(nieuw, pad, TEST_GEBRUIKER, proefdraaien=False)
        assert [str(p) for p in resultaat.fouten] == []
        assert resultaat.toegepast
        voor = {(r.naam, r.status) for r in lijst_instrumenten(database)}
        na = {(r.naam, r.status) for r in lijst_instrumenten(nieuw)}
        # Concepts are not in a bronbestand; published and parked ones all come back.
        assert na == {(n, s) for n, s in voor if s.value != "concept"}
        assert len(na) > 60
    finally:
        nieuw.sluit()
