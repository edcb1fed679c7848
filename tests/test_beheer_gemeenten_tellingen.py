"""The two counts per gemeente in Beheer, on both engines: "Gekoppeld" (instruments linked,
any status) and "In Zoeken" (the count Zoeken shows beside the gemeente)."""

from __future__ import annotations

from keuzehulp.model.db import Database
from keuzehulp.services.beheer import gemeenten
from keuzehulp.services.zoeken import ZoekService
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.beheer_hulp import nieuw
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus


def test_in_zoeken_is_the_count_zoeken_shows_and_gekoppeld_counts_every_status(
    database: Database,
) -> None:
    # Published: one for Tiel, one for Buren, one for all gemeenten; parked and concept
    # ones for all gemeenten (they count nowhere).
    vul_catalogus(database, kleine_catalogus())
    nieuw(database, "Coaching, Alleen Buren", gemeenten=("Buren",))  # a concept
    nieuw(database, "Coaching, Overal En Buren", gemeenten=("Buren",), alle_gemeenten=True)
    rijen = {r.naam: r for r in gemeenten.lijst_gemeenten(database)}
    assert (rijen["Buren"].aantal_instrumenten, rijen["Buren"].in_zoeken) == (3, 2)
    assert (rijen["Tiel"].aantal_instrumenten, rijen["Tiel"].in_zoeken) == (1, 2)
    assert (rijen["Culemborg"].aantal_instrumenten, rijen["Culemborg"].in_zoeken) == (0, 1)
    facetten = ZoekService(database).zoek(ZoekVraag()).facetten.gemeenten
    assert {naam: r.in_zoeken for naam, r in rijen.items()} == facetten
