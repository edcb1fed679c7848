"""The choices the instrument editor offers come from one service call (no SQL in the UI)."""

from __future__ import annotations

from keuzehulp.model.db import Database
from keuzehulp.services.beheer import instrumenten


def test_routes_in_fenger_order_and_gemeenten_alphabetical(catalogus: Database) -> None:
    keuzen = instrumenten.formulier_keuzen(catalogus)
    assert [code for code, _naam in keuzen.routes] == [
        "life_first",
        "human_capital_first",
        "work_first",
    ]
    assert all(naam for _code, naam in keuzen.routes)
    assert keuzen.gemeenten == sorted(keuzen.gemeenten)
    assert "Tiel" in keuzen.gemeenten


def test_an_empty_catalogue_still_has_the_routes(database: Database) -> None:
    keuzen = instrumenten.formulier_keuzen(database)
    assert len(keuzen.routes) == 3
