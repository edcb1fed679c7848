"""Beheer names the Fenger routes as Zoeken does: the Dutch labels, never 'Work first'."""

from __future__ import annotations

import dataclasses

from keuzehulp.model.basisgegevens import ROUTES
from keuzehulp.model.db import Database
from keuzehulp.services.beheer import instrumenten
from keuzehulp.services.beheer.mutatielog import MutatieFilter, zoek_mutaties
from keuzehulp.services.instrumentgegevens import verschillen
from tests.beheer_hulp import nieuw
from tests.conftest import TEST_GEBRUIKER

LABELS = ["Eerst verbeteren leefsituatie", "Eerst vergroten kans op werk", "Eerst werk vinden"]


def test_editor_log_and_differences_show_the_dutch_route_labels(database: Database) -> None:
    assert [r.label for r in ROUTES] == LABELS  # the labels of the search screen's step 1
    keuzen = instrumenten.formulier_keuzen(database)
    assert [label for _, label in keuzen.routes] == LABELS
    # The routes made at the first start are logged with their label.
    routes = zoek_mutaties(database, MutatieFilter(entiteit="route"))
    assert sorted(m.naam_getoond for m in routes) == sorted(LABELS)
    assert not any("first" in m.entiteit_naam for m in routes)
    # A changed route: the log and the save question name the labels.
    iid = nieuw(database)
    bewerking = instrumenten.open_instrument(database, iid)
    oud = bewerking.gegevens
    nieuw_g = oud.model_copy(update={"routes": ("life_first", "work_first")})
    rij = next(r for r in verschillen(oud, nieuw_g) if "Eerst werk vinden" in (r[2] or ""))
    assert rij[2] == "Eerst verbeteren leefsituatie; Eerst werk vinden"
    instrumenten.bewaar_instrument(database, TEST_GEBRUIKER, iid, bewerking.versie, nieuw_g, "x")
    [gewijzigd] = [
        m for m in zoek_mutaties(database, MutatieFilter(instrument_id=iid)) if m.veld == "routes"
    ]
    assert gewijzigd.nieuw_getoond == "Eerst verbeteren leefsituatie; Eerst werk vinden"
    # Rows written before this change hold the English names; they are shown in Dutch too.
    ouder = dataclasses.replace(gewijzigd, oude_waarde="Human Capital first", nieuwe_waarde=None)
    assert ouder.oud_getoond == "Eerst vergroten kans op werk"
    assert ouder.nieuw_getoond is None
