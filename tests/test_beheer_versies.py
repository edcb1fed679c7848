"""Catalogue versions: publish a dated snapshot, list them, read one back."""

from __future__ import annotations

import datetime as dt

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.services.beheer import instrumenten, versies
from tests.beheer_hulp import compleet, log, nieuw
from tests.conftest import TEST_GEBRUIKER

U = TEST_GEBRUIKER


def test_publish_snapshot_and_read_it_back(database: Database) -> None:
    assert versies.huidige_versie(database) is None
    assert versies.versie_tekst(database) == "Catalogus: nog geen versie gepubliceerd"
    actief = nieuw(database, "Coaching, Stap Verder", status=InstrumentStatus.ACTIEF)
    nieuw(database, "Training, Nog Concept")
    info = versies.publiceer_versie(database, U, "najaar", dt.date(2026, 11, 1))
    assert (info.versiedatum, info.aantal_instrumenten, info.wijzigingen_sindsdien) == (
        dt.date(2026, 11, 1),
        1,
        0,
    )
    assert versies.versie_tekst(database) == "Catalogus: versie 01-11-2026"
    assert log(database, "catalogusversie")[-1].entiteit_naam == "2026-11-01"
    # a later edit does not change the version's content, but is counted
    bw = instrumenten.open_instrument(database, actief)
    instrumenten.bewaar_instrument(
        database, U, actief, bw.versie, bw.gegevens.model_copy(update={"doel": "Nieuw"}), "r"
    )
    inhoud = versies.lees_versie(database, info.id)
    assert inhoud.instrumenten == ((actief, compleet(status=InstrumentStatus.ACTIEF)),)
    assert len(inhoud.kenmerken) == 37 and inhoud.kenmerken[0].code == "1"
    assert versies.huidige_versie(database).wijzigingen_sindsdien == 1  # type: ignore[union-attr]
    assert versies.versie_tekst(database).endswith("(daarna gewijzigd)")
    tweede = versies.publiceer_versie(database, U)
    assert [v.id for v in versies.lijst_versies(database)] == [tweede.id, info.id]
