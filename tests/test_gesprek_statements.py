"""How many SQL statements one gesprek save costs, on both engines (a deterministic count).

On a shared PostgreSQL server every statement is a network round trip, and twenty coaches
save at once (benchmarks/bench_gedeeld.py): a save once took 66 statements, because every
lookup in the middle of filling the gesprek autoflushed it and each flush rebuilt its fact
rows. These bounds keep the cost from growing back, and keep it from growing with the number
of options (a query per option).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from keuzehulp.model.db import Database
from keuzehulp.services.gesprek import GesprekGegevens, GesprekInvoer, GesprekService, Optie
from keuzehulp.services.wensen import Wens, WensKeuze
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.gesprek_hulp import maak_instrumenten

# A new gesprek with options, routes, kenmerken, scores and a gemeente wish, statement by
# statement: reads (before anything changes) of the options, their gemeenten (for the
# wishes), the routes, the kenmerken (search and client picture in one), the wished gemeente
# and the catalogue version: 6; the flush: the gesprek and its four link tables (each one
# executemany): 5; its fact rows for Inzicht (month, then the other groups at once): 2.
NIEUW_MAX = 13
# A change reads the gesprek and its four collections (5) and the same catalogue rows except
# the version (5); it writes the gesprek and the changed rows (here: the gesprek, one option
# note, one score; 3) and rebuilds the fact rows (delete and two inserts: 3).
WIJZIGING_MAX = 16


@contextmanager
def _teller(database: Database) -> Iterator[list[str]]:
    """The statements sent to the database inside the block (executemany counts once)."""
    gezien: list[str] = []

    def tel(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        gezien.append(statement)

    event.listen(database.engine, "before_cursor_execute", tel)
    try:
        yield gezien
    finally:
        event.remove(database.engine, "before_cursor_execute", tel)


def _invoer(ids: list[int], score: int = 4) -> GesprekInvoer:
    return GesprekInvoer(
        client_referentie="zaak Z-4711",
        doel="Ik wil leren om rustig te blijven als het druk is.",
        zoekvraag=ZoekVraag(
            routes=frozenset({"life_first", "work_first"}),
            kenmerken=frozenset({"1.4", "5.2"}),
            gemeenten=frozenset({"Tiel"}),
        ),
        scores={"1": score, "2": 7, "5": 3},
        opties=tuple(Optie(instrument_id=i, notitie=f"notitie {i}") for i in ids),
        keuze_id=ids[0],
        wensen=(WensKeuze(wens=Wens.DICHTBIJ, gemeente="Tiel"), WensKeuze(wens=Wens.GRATIS)),
        sure=(True, True, False, True),
    )


def _bewaar(
    database: Database, invoer: GesprekInvoer, gesprek_id: int | None = None
) -> tuple[GesprekGegevens, list[str]]:
    service = GesprekService(database)
    with _teller(database) as gezien:
        gegevens = service.bewaar(invoer, "anna", gesprek_id)
    return gegevens, gezien


def test_a_new_gesprek_costs_a_fixed_number_of_statements(database: Database) -> None:
    ids = maak_instrumenten(database)
    gegevens, gezien = _bewaar(database, _invoer(ids[:2]))
    assert len(gezien) <= NIEUW_MAX, "\n".join(gezien)
    # What was returned is what is stored.
    assert GesprekService(database).lees(gegevens.id) == gegevens


def test_the_count_does_not_grow_with_the_options(database: Database) -> None:
    ids = maak_instrumenten(database)
    _, een = _bewaar(database, _invoer(ids[:1]))
    _, vijf = _bewaar(database, _invoer(ids[:5]))
    assert len(vijf) == len(een), "\n".join(vijf)


def test_a_change_costs_a_fixed_number_of_statements(database: Database) -> None:
    ids = maak_instrumenten(database)
    eerst, _ = _bewaar(database, _invoer(ids[:3]))
    gewijzigd = _invoer(ids[:3], score=9).model_copy(
        update={
            "opties": (Optie(instrument_id=ids[0], notitie="nieuw"), *_invoer(ids[:3]).opties[1:])
        }
    )
    gegevens, gezien = _bewaar(database, gewijzigd, eerst.id)
    assert len(gezien) <= WIJZIGING_MAX, "\n".join(gezien)
    assert gegevens.invoer == gewijzigd
    assert GesprekService(database).lees(eerst.id) == gegevens
