"""Inzicht decides a rating cell once per distinct input (cijfers.py `_figuur`, cached), from
the mean already rounded to one decimal. Every such cell must be the one `kies` gives for
the unrounded mean, the rule search and comparison use (waardering.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from keuzehulp.services.inzicht.cijfers import _cel, _figuur, _gemiddeld
from keuzehulp.services.inzicht.onderdrukking import VERBORGEN_CEL
from keuzehulp.services.waardering import Berekend, kies


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
