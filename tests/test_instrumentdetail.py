"""The detail service carries every field, also the structured ones and the client labels."""

from __future__ import annotations

import datetime as dt

from keuzehulp.model.db import Database
from keuzehulp.services.instrumentdetail import lees_detail
from tests.beheer_hulp import nieuw


def test_detail_carries_structured_fields_and_client_labels(database: Database) -> None:
    iid = nieuw(
        database,
        kenmerken=("3.1.2",),
        duur_weken=8,
        uren_per_week=2.5,
        start_soort="vaste_data",
        startdata="2027-03-08; 2027-01-11",
        nederlands_nodig=False,
        groepsvorm="groep",
        kosten_klant_centen=0,
    )
    d = lees_detail(database, iid)
    g = d.gegevens
    assert (g.duur_weken, g.uren_per_week, g.start_soort) == (8, 2.5, "vaste_data")
    assert d.startdatums == (dt.date(2027, 1, 11), dt.date(2027, 3, 8))
    assert (g.nederlands_nodig, g.groepsvorm, g.kosten_klant_centen) == (False, "groep", 0)
    [kenmerk] = d.kenmerken
    assert kenmerk.klantlabel == "Beter omgaan met stress"
    assert kenmerk.groep_label_client == "Wat werken moeilijk maakt"


def test_detail_without_structured_values_says_unknown_as_none(database: Database) -> None:
    d = lees_detail(database, nieuw(database))
    g = d.gegevens
    assert (g.duur_weken, g.uren_per_week, g.start_soort, g.nederlands_nodig) == (None,) * 4
    assert d.startdatums == ()
