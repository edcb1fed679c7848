"""Inzicht aggregates against a plain Python reference on generated gesprekken (hypothesis)."""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keuzehulp.model.db import Database
from keuzehulp.services.inzicht.feiten import STATUSSEN
from keuzehulp.services.inzicht.filter import InzichtFilter
from keuzehulp.services.inzicht.gebruik import GEEN, Dimensie, gebruik
from keuzehulp.services.inzicht.kosten import TOTAAL, kosten
from keuzehulp.services.inzicht.uitkomsten import uitkomsten
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.inzicht_hulp import TB, G, utc, voeg_toe, wis_gesprekken

GEMEENTEN = ("Tiel", "Buren", "Zaltbommel")
ROUTES = ("life_first", "human_capital_first", "work_first")
KOSTEN = {0: 50000, 1: None, 2: 120000}  # by position in kleine_catalogus()


@pytest.fixture
def drie(database: Database) -> tuple[Database, list[int]]:
    return database, vul_catalogus(database, kleine_catalogus())[:3]


momenten = st.builds(
    utc, st.integers(2025, 2026), st.integers(1, 12), st.integers(1, 28), st.integers(0, 23)
)


@st.composite
def gesprekken(draw: st.DrawFn) -> list[tuple[G, int | None]]:
    """Gesprekken over instrument positions 0-2; the int is the chosen position."""
    uit = []
    for _ in range(draw(st.integers(0, 14))):
        opties = draw(st.lists(st.integers(0, 2), min_size=1, max_size=3, unique=True))
        keuze = draw(st.one_of(st.none(), st.sampled_from(opties)))
        terugblikken: tuple[TB, ...] = ()
        if keuze is not None:
            terugblikken = tuple(
                draw(st.lists(
                    st.builds(TB, momenten, st.sampled_from(("aangemeld", *STATUSSEN, None))),
                    max_size=3, unique_by=lambda t: t.op,
                ))
            )  # fmt: skip
        g = G(
            op=draw(momenten),
            opties=tuple(opties),
            routes=tuple(draw(st.lists(st.sampled_from(ROUTES), unique=True, max_size=2))),
            gemeenten=tuple(draw(st.lists(st.sampled_from(GEMEENTEN), unique=True, max_size=2))),
            terugblikken=terugblikken,
        )
        uit.append((g, keuze))
    return uit


def _status(g: G) -> str | None:
    return max(g.terugblikken, key=lambda t: t.op).status if g.terugblikken else None


def _referentie(lijst: list[G], sleutels: object) -> dict[str, tuple[int, ...]]:
    tel: dict[str, Counter[str]] = defaultdict(Counter)
    for g in lijst:
        for k in sleutels(g) or [GEEN]:  # type: ignore[operator]
            c = tel[k]
            c["n"] += 1
            c["lijst"] += bool(g.opties)
            c["keuze"] += g.keuze is not None
            c[_status(g) or ""] += 1
    return {k: (c["n"], c["lijst"], c["keuze"], *(c[s] for s in STATUSSEN)) for k, c in tel.items()}


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=gesprekken())
def test_gebruik_en_kosten_gelijk_aan_python(
    drie: tuple[Database, list[int]], data: list[tuple[G, int | None]]
) -> None:
    db, ids = drie
    wis_gesprekken(db)
    lijst = [
        dataclasses.replace(
            g, opties=tuple(ids[i] for i in g.opties), keuze=None if k is None else ids[k]
        )
        for g, k in data
    ]
    voeg_toe(db, lijst)
    verwacht = {
        Dimensie.PERIODE: _referentie(lijst, lambda g: [f"{g.op:%Y-%m}"]),
        Dimensie.GEMEENTE: _referentie(lijst, lambda g: list(g.gemeenten)),
        Dimensie.ROUTE: _referentie(lijst, lambda g: list(g.routes)),
    }
    tiel = [g for g in lijst if "Tiel" in g.gemeenten]
    with db.lezen() as s:
        for dim, ref in verwacht.items():
            rijen = gebruik(s, InzichtFilter(), dim)
            assert {r.sleutel: dataclasses.astuple(r)[2:] for r in rijen} == ref, dim
        rijen = gebruik(s, InzichtFilter(gemeente="Tiel"), Dimensie.PERIODE)
        assert {r.sleutel: dataclasses.astuple(r)[2:] for r in rijen} == _referentie(
            tiel, lambda g: [f"{g.op:%Y-%m}"]
        )
        per_instrument = {r.sleutel: (r.korte_lijst, r.gekozen) for r in gebruik(
            s, InzichtFilter(), Dimensie.INSTRUMENT)}  # fmt: skip
        totalen = {r.maand: (r.gekozen, r.zonder_bedrag, r.centen)
                   for r in kosten(s, InzichtFilter()) if r.gemeente == TOTAAL}  # fmt: skip
        afloop = {u.instrument_id: u for u in uitkomsten(s, InzichtFilter())}
    for i in ids:
        op_lijst = sum(i in g.opties for g in lijst)
        gekozen = sum(g.keuze == i for g in lijst)
        assert per_instrument.get(str(i), (0, 0)) == (op_lijst, gekozen)
        met_terugblik = [g for g in lijst if g.keuze == i and g.terugblikken]
        if met_terugblik:
            assert afloop[i].gesprekken == len(met_terugblik)
            assert afloop[i].status == {
                s: sum(_status(g) == s for g in met_terugblik) for s in afloop[i].status
            }
        else:
            assert i not in afloop
    ref_kosten: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for g in lijst:
        if g.keuze is not None:
            t = ref_kosten[f"{g.op:%Y-%m}"]
            bedrag = KOSTEN[ids.index(g.keuze)]
            t[0] += 1
            t[1] += bedrag is None
            t[2] += bedrag or 0
    assert totalen == {m: tuple(v) for m, v in ref_kosten.items()}
