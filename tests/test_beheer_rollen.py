"""Roles are enforced in the services: a werkcoach's beheer call is refused, nothing changes."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from pathlib import Path

import pytest

from keuzehulp.model.db import Database
from keuzehulp.model.errors import GeenRechtFout
from keuzehulp.services import beheer as beheer_pakket
from keuzehulp.services.beheer import (
    actualiteit,
    beheerders,
    gemeenten,
    instrumenten,
    kenmerken,
    leveranciersformulier,
    opmerkingen,
    versies,
)
from tests.beheer_hulp import compleet, dump, nieuw

COACH = "werkcoach_wim"


def _aanroepen(db: Database, iid: int, versie: int) -> dict[str, Callable[[], object]]:
    g = compleet("Coaching, Stap Verder", doel="gewijzigd")
    return {
        "maak_instrument": lambda: instrumenten.maak_instrument(db, COACH, compleet("X"), "r"),
        "bewaar_instrument": lambda: instrumenten.bewaar_instrument(db, COACH, iid, versie, g, "r"),
        "parkeer": lambda: instrumenten.parkeer(db, COACH, iid, versie, "r"),
        "herstel": lambda: instrumenten.herstel(db, COACH, iid, versie, "r"),
        "publiceer": lambda: instrumenten.publiceer(db, COACH, iid, versie, "r"),
        "voeg_toe": lambda: kenmerken.voeg_toe(db, COACH, "Nieuw", "1", "", "", "r"),
        "hernoem": lambda: kenmerken.hernoem(db, COACH, "1.7", "Anders", "r"),
        "leg_uit": lambda: kenmerken.leg_uit(db, COACH, "1.7", "a", "b", "r"),
        "verplaats": lambda: kenmerken.verplaats(db, COACH, "1.7", "2", "r"),
        "pensioneer": lambda: kenmerken.pensioneer(db, COACH, "1.7", "r"),
        "heractiveer": lambda: kenmerken.heractiveer(db, COACH, "1.7", "r"),
        "voeg_beheerder_toe": lambda: beheerders.voeg_beheerder_toe(db, COACH, COACH),
        "verwijder_beheerder": lambda: beheerders.verwijder_beheerder(db, COACH, "tester"),
        "bewaar_kenmerk": lambda: kenmerken.bewaar_kenmerk(
            db, COACH, "1.7", None, "Anders", "", "", "", "r"
        ),
        "voeg_gemeente_toe": lambda: gemeenten.voeg_gemeente_toe(db, COACH, "Lingewaard", "r"),
        "hernoem_gemeente": lambda: gemeenten.hernoem_gemeente(db, COACH, 1, "Anders", "r"),
        "verwijder_gemeente": lambda: gemeenten.verwijder_gemeente(db, COACH, 1, "r"),
        "markeer_beoordeeld": lambda: actualiteit.markeer_beoordeeld(db, COACH, iid),
        "publiceer_versie": lambda: versies.publiceer_versie(db, COACH, "v"),
        "publiceer_versie_in_proces": lambda: versies.publiceer_versie_in_proces(
            lambda _p, _t: None, db, COACH, "v"
        ),
        "zet_status": lambda: opmerkingen.zet_status(db, [1], "besproken", COACH),
        "lees_formulier": lambda: leveranciersformulier.lees_formulier(
            db, Path("/bestaat/niet.xlsx"), COACH
        ),
    }


def test_every_beheer_service_refuses_a_werkcoach_and_changes_nothing(database: Database) -> None:
    iid = nieuw(database)
    versie = instrumenten.open_instrument(database, iid).versie
    voor = dump(database)
    aanroepen = _aanroepen(database, iid, versie)
    for naam, aanroep in aanroepen.items():
        with pytest.raises(GeenRechtFout, match="Alleen beheerders") as fout:
            aanroep()
        assert COACH in fout.value.melding, naam
        assert dump(database) == voor, naam


def test_a_werkcoach_may_still_read(database: Database) -> None:
    iid = nieuw(database)
    assert instrumenten.open_instrument(database, iid).gegevens.naam == "Coaching, Stap Verder"
    assert kenmerken.voorbeeld_pensioen(database, "1.7").instrumenten[0].id == iid


def test_the_role_test_covers_every_change_function() -> None:
    """Every public beheer function that takes a `gebruiker` is in the list above."""
    bekend = set(_aanroepen(None, 0, 0))  # type: ignore[arg-type]
    for info in pkgutil.iter_modules(beheer_pakket.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"keuzehulp.services.beheer.{info.name}")
        for naam, obj in vars(module).items():
            if naam.startswith("_") or not inspect.isfunction(obj):
                continue
            if (
                obj.__module__ == module.__name__
                and "gebruiker" in inspect.signature(obj).parameters
            ):
                assert naam in bekend, f"{info.name}.{naam} is not role-tested"
