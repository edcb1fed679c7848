"""Beheer › Kenmerken counts: a group counts the distinct active instruments of its subtree."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.services.beheer import instrumenten, kenmerken
from tests.beheer_hulp import nieuw
from tests.conftest import TEST_GEBRUIKER

ACTIEF = InstrumentStatus.ACTIEF


def _aantallen(db: Database) -> dict[str, int]:
    return {r.code: r.aantal_instrumenten for r in kenmerken.kenmerken_boom(db)}


def test_a_group_counts_distinct_active_instruments_of_its_subkenmerken(
    database: Database,
) -> None:
    voor = _aantallen(database)
    groep = kenmerken.voeg_toe(database, TEST_GEBRUIKER, "Proefgroep", None, "", "", "test")
    sub_a = kenmerken.voeg_toe(database, TEST_GEBRUIKER, "Onder A", groep, "", "", "test")
    sub_b = kenmerken.voeg_toe(database, TEST_GEBRUIKER, "Onder B", groep, "", "", "test")
    diep = kenmerken.voeg_toe(database, TEST_GEBRUIKER, "Dieper", sub_a, "", "", "test")
    beide = nieuw(database, "Training Beide, Proef", kenmerken=(sub_a, sub_b), status=ACTIEF)
    nieuw(database, "Training Diep, Proef", kenmerken=(diep,), status=ACTIEF)
    nieuw(database, "Training Concept, Proef", kenmerken=(diep,))  # a concept: not counted
    na = _aantallen(database)
    # Two instruments under the group; "Beide" has two sub-kenmerken but counts once.
    assert (na[groep], na[sub_a], na[sub_b], na[diep]) == (2, 2, 1, 1)
    assert na["1"] == voor["1"]  # other groups unchanged
    with database.lezen() as s:
        versie = s.get(Instrument, beide).versie  # type: ignore[union-attr]
    instrumenten.parkeer(database, TEST_GEBRUIKER, beide, versie, "test")
    na = _aantallen(database)
    assert (na[groep], na[sub_a], na[sub_b], na[diep]) == (1, 1, 0, 1)  # parked: not counted


def test_counts_match_a_python_reference(catalogus: Database) -> None:
    database = catalogus
    with database.lezen() as s:
        actief = s.scalars(
            select(Instrument)
            .where(Instrument.status == InstrumentStatus.ACTIEF)
            .options(selectinload(Instrument.kenmerken))
        ).all()
        codes = [[k.code for k in i.kenmerken] for i in actief]
    aantallen = _aantallen(database)
    assert sum(aantallen.values()) > 0
    for code, aantal in aantallen.items():
        verwacht = sum(
            1 for lijst in codes if any(c == code or c.startswith(code + ".") for c in lijst)
        )
        assert aantal == verwacht, code
