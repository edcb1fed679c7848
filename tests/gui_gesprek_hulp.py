"""Helpers for the Gesprek GUI tests: instruments with practical facts, a coach profile, and
stand-ins for the dialogs a test cannot click (file dialog, yes/no, teach-back)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.coachprofiel import bewaar_profiel, maak_profiel
from keuzehulp.services.instrumentgegevens import Opzoeken, maak_gegevens, pas_toe
from tests.gesprek_hulp import INSTRUMENTEN

PROFIEL = {
    "naam": "Sanne de Vries",
    "telefoon": "0344 61 22 33",
    "email": "s.devries@werkzaak.example",
    "organisatie": "Werkzaak Rivierenland",
}


def feiten(vandaag: dt.date) -> tuple[dict[str, Any], ...]:
    """The practical facts of the five test instruments (same order as INSTRUMENTEN).

    Hand-worked fit for the wishes dichtbij (Tiel), kort (<= 8 weeks) and gratis:
    Kompasroos 2 of 3 (Tiel, free; not: 10 weeks), Training 3 of 3 (all gemeenten, 4 weeks,
    free), Cursus 1 of 3 (Tiel; not: 20 weeks; cost unknown), Activering 1 of 3 (free; not:
    Culemborg and West Betuwe, 13 weeks), Onderzoek 3 of 3 (Tiel, 1 week, free).
    """
    over_twee_weken = (vandaag + dt.timedelta(days=14)).isoformat()
    return (
        {
            "duur_weken": 10,
            "uren_per_week": 1,
            "start_soort": "doorlopend",
            "nederlands_nodig": False,
            "groepsvorm": "individueel",
            "kosten_klant_centen": 0,
        },
        {
            "duur_weken": 4,
            "uren_per_week": 6,
            "start_soort": "vaste_data",
            "startdata": over_twee_weken,
            "nederlands_nodig": True,
            "groepsvorm": "groep",
            "kosten_klant_centen": 0,
        },
        {
            "duur_weken": 20,
            "uren_per_week": 4,
            "start_soort": "doorlopend",
            "nederlands_nodig": False,
            "groepsvorm": "groep",
        },
        {
            "duur_weken": 13,
            "uren_per_week": 12,
            "start_soort": "doorlopend",
            "nederlands_nodig": False,
            "groepsvorm": "groep",
            "kosten_klant_centen": 0,
        },
        {
            "duur_weken": 1,
            "uren_per_week": 6,
            "start_soort": "vaste_data",
            "nederlands_nodig": True,
            "groepsvorm": "individueel",
            "kosten_klant_centen": 0,
        },
    )


def maak_instrumenten_met_feiten(database: Database, vandaag: dt.date | None = None) -> list[int]:
    """The five test instruments with duration, hours, start, Dutch, form and client cost."""
    dag = vandaag or dt.date.today()
    with database.wijzigen(MutatieContext("tester", "editor")) as session:
        opzoeken = Opzoeken.laad(session)
        for waarden, extra in zip(INSTRUMENTEN, feiten(dag), strict=True):
            instrument = Instrument()
            pas_toe(instrument, maak_gegevens(status="actief", **waarden, **extra), opzoeken)
            session.add(instrument)
        session.flush()
        ids = {i.naam: i.id for i in session.scalars(select(Instrument))}
    return [ids[w["naam"]] for w in INSTRUMENTEN]


def zet_profiel(database: Database, gebruiker: str) -> None:
    bewaar_profiel(database, gebruiker, maak_profiel(**PROFIEL))


def bewaar_als(
    monkeypatch: pytest.MonkeyPatch,
    pad: Path,
    *,
    openen: bool = False,
    terugvertellen: Any = True,
    zonder_doel: bool = True,
) -> dict[str, list[str]]:
    """Answer the save dialog with `pad`, "Nee" (or "Ja") to opening it, the teach-back
    prompt with `terugvertellen` (True gedaan, False overslaan, None annuleren) and the
    warning about a missing goal with `zonder_doel` (True: make the PDF anyway).

    Returns what was asked, per kind, so a test can check the questions.
    """
    from PySide6.QtWidgets import QFileDialog

    from keuzehulp.ui.gesprek import vragen

    gevraagd: dict[str, list[str]] = {"ja_nee": [], "terugvertellen": [], "zonder_doel": []}
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(pad), "PDF-bestanden (*.pdf)")
    )

    def ja_nee(_ouder: object, titel: str, tekst: str, **_k: object) -> bool:
        gevraagd["ja_nee"].append(tekst)
        return openen

    def terug(_ouder: object) -> bool | None:
        gevraagd["terugvertellen"].append("gevraagd")
        return terugvertellen  # type: ignore[no-any-return]

    def geen_doel(_ouder: object) -> bool:
        gevraagd["zonder_doel"].append("gevraagd")
        return zonder_doel

    monkeypatch.setattr(vragen, "vraag_ja_nee", ja_nee)
    monkeypatch.setattr(vragen, "vraag_zonder_doel", geen_doel)
    monkeypatch.setattr(vragen, "vraag_terugvertellen", terug)
    return gevraagd


def bewaar_gesprek(qtbot: Any, paneel: Any, timeout: int = 20_000) -> int:
    """Save the panel's gesprek as the Bewaren button does; wait until it is stored (its id)."""
    with qtbot.waitSignal(paneel.bewaard, timeout=timeout) as signaal:
        paneel.bewaar()
    nummer: int = signaal.args[0]
    return nummer


def bewaren_mislukt(qtbot: Any, scherm: Any, timeout: int = 20_000) -> str:
    """Save a gesprek panel or terugblik dialog and wait for the failure (its Dutch message)."""
    with qtbot.waitSignal(scherm.bewaren_mislukt, timeout=timeout) as signaal:
        scherm.bewaar()
    melding: str = signaal.args[0]
    return melding


def open_gesprek(qtbot: Any, paneel: Any, gesprek_id: int, timeout: int = 20_000) -> None:
    """Open a stored gesprek in the panel and wait until it is on screen (read in a worker)."""
    with qtbot.waitSignal(paneel.geopend, timeout=timeout) as signaal:
        paneel.open_gesprek(gesprek_id)
    assert signaal.args[0] == gesprek_id
