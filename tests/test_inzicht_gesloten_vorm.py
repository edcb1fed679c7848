"""The closed forms of complementary suppression against the general algorithm.

`Beveiliging` decides most groups without linear algebra (onderdrukking.py): a group of one
sum in closed form, and a group whose unknowns all have a partner with the same (or the
opposite) coefficients at once. Both must give what the general algorithm (`_vast_in`, and
`verborgen()` with `gesloten_vorm=False`) gives, on generated sums and tables shaped like the
Inzicht screen's: long columns (instruments) and short ones (routes, months) adding up to
one total, shown or not, and a second table sharing cells with the first.
"""

from __future__ import annotations

import random
from collections.abc import Hashable

from hypothesis import given, settings
from hypothesis import strategies as st

from keuzehulp.services.inzicht.onderdrukking import Beveiliging, _componenten
from tests.test_inzicht_beveiliging import _anders_mogelijk

Som = tuple[Hashable, tuple[Hashable, ...]]


@st.composite
def een_som(draw: st.DrawFn) -> tuple[Beveiliging, Som, set[Hashable], dict[Hashable, int]]:
    """A sum of 1-8 parts (counts, or amounts with lower bound 0), some hidden, in a random
    key order."""
    n = draw(st.integers(1, 8))
    waarden = draw(st.lists(st.integers(1, 9), min_size=n, max_size=n))
    geld = draw(st.lists(st.booleans(), min_size=n + 1, max_size=n + 1))
    delen = [("deel", i) for i in range(n)]
    totaal: Hashable = "totaal"
    b = Beveiliging()
    for k, v, is_geld in zip([totaal, *delen], [sum(waarden), *waarden], geld, strict=True):
        if is_geld:
            b.geld(k, v - 1, v)  # an amount: bound 0, so a 1 is off its bound
        else:
            b.tel(k, v)
    sleutels = [totaal, *delen]
    verborgen = draw(st.sets(st.sampled_from(sleutels), min_size=1))
    volgorde = draw(st.permutations(sleutels))
    return b, (totaal, tuple(delen)), set(verborgen), {k: i for i, k in enumerate(volgorde)}


@settings(max_examples=400, deadline=None)
@given(een_som())
def test_een_som_gesloten_vorm_is_de_algemene(
    geval: tuple[Beveiliging, Som, set[Hashable], dict[Hashable, int]],
) -> None:
    b, (totaal, delen), onbekend, volgorde = geval
    # The solving steps work on the keys' numbers, as `verborgen` hands them.
    n = b._nummers()
    som = (n[totaal], tuple(n[d] for d in delen))
    onbekend = {n[k] for k in onbekend}
    volgorde = {n[k]: v for k, v in volgorde.items()}
    algemeen = b._vast_in([som], onbekend, volgorde)
    assert b._vast_in_een_som(som, onbekend, volgorde) == set(algemeen)


def test_een_som_met_een_cel_twee_keer_gaat_naar_de_algemene() -> None:
    b = Beveiliging()
    for k, v in (("t", 6), ("a", 3), ("b", 3)):
        b.tel(k, v)
    n = b._nummers()
    t, a, b_ = n["t"], n["a"], n["b"]
    assert b._vast_in_een_som((t, (a, a, b_)), {a, b_}, {t: 0, a: 1, b_: 2}) is None


def _scherm_achtig(rnd: random.Random, lang: int) -> tuple[dict[Hashable, int], list[Som], bool]:
    """Totals per measure with several dimensions summing to each (one long), and an outcome
    table of which a share of cells are the same figure as the long dimension's."""
    waarden: dict[Hashable, int] = {}
    sommen: list[Som] = []
    for maat in ("a", "b"):
        lengtes = [lang, rnd.randint(1, 4), rnd.randint(2, 12)]
        rijen = {
            d: [rnd.choice((0, 0, 1, 1, 2, 3, 4, 5, 7, 12, 30)) for _ in range(n)]
            for d, n in enumerate(lengtes)
        }
        totaal = sum(rijen[0])
        # The short dimensions add up to the same total (a gesprek in one group each).
        for d in (1, 2):
            rijen[d][-1] += totaal - sum(rijen[d])
            if rijen[d][-1] < 0:
                rijen[d] = [totaal] + [0] * (len(rijen[d]) - 1)
        waarden[("totaal", maat)] = totaal
        for d, rij in rijen.items():
            for i, v in enumerate(rij):
                waarden[(d, i, maat)] = v
            sommen.append((("totaal", maat), tuple((d, i, maat) for i in range(len(rij)))))
        # The outcome table: its cell of row i is the long dimension's when they agree.
        uitkomst = [v if rnd.random() < 0.7 else None for v in rijen[0]]
        vrij = totaal - sum(v for v in uitkomst if v is not None)
        open_ = [i for i, v in enumerate(uitkomst) if v is None]
        for i in open_:
            uitkomst[i] = 0
        if open_:
            uitkomst[open_[-1]] = vrij
        delen = []
        for i, v in enumerate(uitkomst):
            if v == rijen[0][i]:
                delen.append((0, i, maat))
            else:
                waarden[("uitkomst", i, maat)] = v or 0
                delen.append(("uitkomst", i, maat))
        sommen.append((("totaal", maat), tuple(delen)))
    return waarden, sommen, rnd.random() < 0.5


def _verborgen(
    waarden: dict[Hashable, int], sommen: list[Som], totaal_getoond: bool, gesloten: bool
) -> frozenset[Hashable]:
    b = Beveiliging(gesloten_vorm=gesloten)
    for k, v in waarden.items():
        b.tel(k, v, getoond=totaal_getoond or k[0] != "totaal")
    for t, d in sommen:
        b.som(t, d)
    return b.verborgen()


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32), st.integers(2, 40))
def test_tabellen_zoals_het_scherm_gesloten_vorm_is_de_algemene(zaad: int, lang: int) -> None:
    waarden, sommen, getoond = _scherm_achtig(random.Random(zaad), lang)
    assert _verborgen(waarden, sommen, getoond, True) == _verborgen(waarden, sommen, getoond, False)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32))
def test_tabellen_zoals_het_scherm_niets_terug_te_rekenen(zaad: int) -> None:
    """The brute-force oracle of test_inzicht_beveiliging on small screen-like tables."""
    waarden, sommen, getoond = _scherm_achtig(random.Random(zaad), 3)
    sommen = [s for s in sommen if s[0] == ("totaal", "a")]
    waarden = {k: v for k, v in waarden.items() if k[-1] == "a"}
    verborgen = _verborgen(waarden, sommen, getoond, True)
    for k, v in waarden.items():
        assert (k in verborgen) >= (0 < v < 5), (k, v)
    for k in verborgen:
        if getoond or k[0] != "totaal" or 0 < waarden[k] < 5:  # an unshown total may follow
            assert _anders_mogelijk(waarden, sommen, verborgen, k), (k, waarden, verborgen)


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32), st.integers(2, 40), st.integers(1, 3))
def test_handtekeningen_met_verzamelingen_zijn_die_per_sleutel(
    zaad: int, lang: int, extra_verborgen: int
) -> None:
    """The signature classes by set splits (groups of few sums) are those found key by key
    (groups of many sums), for every group of a screen-like table, with extra hidden cells
    (totals too) so that groups join."""
    rnd = random.Random(zaad)
    waarden, sommen, _ = _scherm_achtig(rnd, lang)
    b = Beveiliging()
    for k, v in waarden.items():
        b.tel(k, v)
    verborgen = {k for k, v in waarden.items() if 0 < v < 5}
    verborgen |= set(rnd.sample(sorted(waarden, key=repr), extra_verborgen))
    groepen = _componenten(sommen, verborgen)
    assert groepen
    for delen, onbekend in groepen:
        b.VEEL_SOMMEN = 8
        met_verzamelingen = b._handtekeningen(delen, onbekend)
        b.VEEL_SOMMEN = 0
        assert b._handtekeningen(delen, onbekend) == met_verzamelingen
