"""Inzicht decides a rating cell once per distinct input (cijfers.py `_figuur`, cached), from
the mean already rounded to one decimal. Every such cell must be the one `kies` gives for
the unrounded mean, the rule search and comparison use (waardering.py)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.tekst import cijfer
from keuzehulp.model.terugblik import Terugblik
from keuzehulp.services.inzicht.cijfers import (
    InstrumentCijfers,
    _cel,
    _figuur,
    _gemiddeld,
    instrument_cijfers,
)
from keuzehulp.services.inzicht.onderdrukking import (
    LEEG,
    MIN_GESPREKKEN,
    VERBORGEN,
    VERBORGEN_CEL,
    Cel,
)
from keuzehulp.services.voorbeeldgesprekken import voeg_voorbeeldgesprekken_toe
from keuzehulp.services.waardering import (
    Berekend,
    Waardering,
    kies,
    waarderingen,
    zet_enquete_label,
    zet_minimum,
)
from tests.conftest import TEST_GEBRUIKER


@settings(max_examples=500, deadline=None)
@given(
    st.integers(1, 400),
    st.data(),
    st.one_of(st.none(), st.floats(1, 10).map(lambda x: round(x, 1))),
    st.integers(1, 12),
    st.booleans(),
)
def test_figuur_is_kies_op_het_onafgeronde_gemiddelde(
    aantal: int, data: st.DataObject, enquete: float | None, minimum: int, klein: bool
) -> None:
    som = data.draw(st.integers(aantal, 10 * aantal))  # ratings 1-10
    verwacht_w = kies(Berekend(som / aantal, aantal, None, None), enquete, minimum, "enquête")
    cel, terugblik = _figuur(_gemiddeld(som, aantal), aantal, enquete, minimum, "enquête", klein)
    assert cel == _cel(verwacht_w, klein, minimum)
    assert terugblik == (verwacht_w is not None and verwacht_w.bron == "terugblik")


def test_figuur_zonder_cijfers_is_de_enquete_en_een_kleine_groep_verborgen() -> None:
    """No rating: the survey figure, never hidden; a computed one of 1-4 gesprekken: hidden."""
    cel, terugblik = _figuur(None, 0, 7.5, 5, "enquête 2021", True)
    # Short in the table (the label goes into the explanation), in full in the tooltip.
    assert (cel.tekst, cel.waarde, terugblik) == ("7,5*", 7.5, False)
    assert cel.tip == "7,5 uit enquête 2021: nog geen 5 terugblikken met een cijfer"
    cel, _ = _figuur(_gemiddeld(36, 4), 4, 6.0, 5, "enquête", False)
    assert (cel.tekst, cel.tip) == (
        "6,0*",
        "6,0 uit de enquête: nog geen 5 terugblikken met een cijfer",
    )
    cel, terugblik = _figuur(_gemiddeld(36, 5), 5, None, 5, "enquête", True)
    assert (cel, terugblik) == (VERBORGEN_CEL, True)
    cel, _ = _figuur(_gemiddeld(36, 5), 5, None, 5, "enquête", False)
    assert cel.tekst == "7,2 (5×)"


@pytest.mark.parametrize("drempel", [1, 3, 5, 9])
def test_cellen_zijn_die_van_zoeken_met_onderdrukking(catalogus: Database, drempel: int) -> None:
    """Every Inzicht rating cell on generated gesprekken, for several minimums, against the
    figures search shows (waardering.py) and a count of distinct gesprekken in Python."""
    voeg_voorbeeldgesprekken_toe(
        catalogus, 300, TEST_GEBRUIKER, vandaag=dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    )
    zet_minimum(catalogus, drempel, TEST_GEBRUIKER)
    zet_enquete_label(catalogus, "enquête 2021", TEST_GEBRUIKER)
    with catalogus.lezen() as s:
        ids = list(s.scalars(select(Instrument.id)))
        zoeken = waarderingen(s, details=True)
        cellen = instrument_cijfers(s, ids)
        gesprekken: dict[tuple[int, str], set[int]] = defaultdict(set)
        for t in s.scalars(select(Terugblik)):
            for groep, cijfer_ in (("coach", t.coach_totaal), ("klant", t.client_cijfer)):
                if cijfer_ is not None:
                    gesprekken[(t.instrument_id, groep)].add(t.gesprek_id)

    def cel(w: Waardering | None, groep: str, i: int, waarde: float | None = None) -> Cel:
        if w is None:
            return Cel(LEEG)
        if w.bron == "enquete":
            tekst = cijfer(w.gemiddelde)
            tip = f"{tekst} uit enquête 2021: nog geen {drempel} terugblikken met een cijfer"
            return Cel(tekst + "*", w.gemiddelde, tip=tip)
        if 0 < len(gesprekken[(i, groep)]) < MIN_GESPREKKEN:
            return VERBORGEN_CEL
        if waarde is None:
            return Cel(w.kort, w.gemiddelde)
        return Cel(cijfer(waarde), waarde)

    soorten = set()
    for i in ids:
        w = zoeken.get(i)
        coach = None if w is None else w.coaches
        klant = None if w is None else w.klanten
        aspecten = [Cel(LEEG), Cel(LEEG)]
        if coach is not None and coach.bron == "terugblik":
            aspecten = [
                Cel(LEEG) if x is None else cel(coach, "coach", i, x)
                for x in (coach.resultaat, coach.uitvoering)
            ]
        verwacht = InstrumentCijfers(cel(coach, "coach", i), *aspecten, cel(klant, "klant", i))
        assert cellen[i] == verwacht, i
        soorten |= {c.tekst[-1] for c in (cellen[i].coaches, cellen[i].klanten)}
    # Each kind of cell occurs: a mean ("(7×)"), a survey figure, empty; and below a minimum
    # of 5 a mean of 1-4 gesprekken, hidden.
    assert {")", "*", LEEG[-1]} <= soorten
    if drempel < MIN_GESPREKKEN:
        assert VERBORGEN[-1] in soorten
