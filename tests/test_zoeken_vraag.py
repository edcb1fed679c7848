"""ZoekVraag: the facet classes, and stored conversations from before the new facets."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import update

from keuzehulp.model.db import Database
from keuzehulp.model.gesprek import Gesprek
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService
from keuzehulp.services.zoekvraag import (
    KLASSE_CODES,
    ZoekVraag,
    duur_klasse,
    kosten_klasse,
    nederlands_klasse,
    start_klasse,
)
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus


@pytest.mark.parametrize(
    ("centen", "klasse"),
    [
        (None, "onbekend"),
        (0, "gratis"),
        (1, "tot_500"),
        (49_999, "tot_500"),
        (50_000, "500_1000"),
        (99_999, "500_1000"),
        (100_000, "1000_2500"),
        (249_999, "1000_2500"),
        (250_000, "vanaf_2500"),
    ],
)
def test_cost_classes(centen: int | None, klasse: str) -> None:
    assert kosten_klasse(centen) == klasse


@pytest.mark.parametrize(
    ("weken", "klasse"),
    [(None, "onbekend"), (1, "kort"), (4, "kort"), (5, "middel"), (12, "middel"), (13, "lang")],
)
def test_duration_classes(weken: int | None, klasse: str) -> None:
    assert duur_klasse(weken) == klasse


def test_start_and_dutch_classes() -> None:
    assert [start_klasse(s) for s in ("doorlopend", "vaste_data", None)] == list(
        KLASSE_CODES["start"]
    )
    assert [nederlands_klasse(n) for n in (False, True, None)] == list(KLASSE_CODES["nederlands"])


def test_json_is_sorted_and_round_trips() -> None:
    vraag = ZoekVraag(gemeenten=frozenset({"Tiel", "Buren"}), duur=frozenset({"lang", "kort"}))
    tekst = json.dumps(vraag.model_dump(mode="json"))
    assert '"gemeenten": ["Buren", "Tiel"]' in tekst
    assert '"duur": ["kort", "lang"]' in tekst
    assert ZoekVraag.model_validate_json(tekst) == vraag


def test_a_conversation_stored_before_the_new_facets_still_opens(database: Database) -> None:
    ids = vul_catalogus(database, kleine_catalogus())
    service = GesprekService(database)
    vraag = ZoekVraag(routes=frozenset({"work_first"}), duur=frozenset({"kort"}))
    opties = [{"instrument_id": ids[0]}, {"instrument_id": ids[1]}]
    bewaard = service.bewaar(
        GesprekInvoer.model_validate({"zoekvraag": vraag, "opties": opties}), "coach"
    )
    assert service.lees(bewaard.id).invoer.zoekvraag == vraag
    # What version 1 wrote: no kosten, duur, start or nederlands keys.
    oud = {
        "gemeenten": ["Tiel"],
        "max_kosten_centen": 100000,
        "onderbouwing": [],
        "tekst": "taal",
        "types": ["Training"],
    }
    with database.wijzigen(MutatieContext("coach", "test")) as session:
        session.execute(
            update(Gesprek).where(Gesprek.id == bewaard.id).values(zoekfilters=json.dumps(oud))
        )
    geladen = service.lees(bewaard.id).invoer.zoekvraag
    assert geladen == ZoekVraag(
        routes=frozenset({"work_first"}),
        gemeenten=frozenset({"Tiel"}),
        types=frozenset({"Training"}),
        max_kosten_centen=100000,
        tekst="taal",
    )
    assert geladen.duur == frozenset()
