"""Complementary suppression: no hidden figure can be computed back from the shown ones.

The oracle is independent of the code under test: a brute-force search for another table
that agrees with everything shown (the shown figures, every declared sum, a hidden count at
least 1) but differs in the hidden figure.
"""

from __future__ import annotations

from collections.abc import Hashable

from hypothesis import given, settings
from hypothesis import strategies as st

from keuzehulp.services.inzicht.onderdrukking import Beveiliging

Som = tuple[Hashable, tuple[Hashable, ...]]


def _anders_mogelijk(
    waarden: dict[Hashable, int], sommen: list[Som], verborgen: frozenset[Hashable], doel: Hashable
) -> bool:
    """Whether some table with the same shown figures and sums has another value at `doel`.

    Hidden counts range over 1..(the largest figure + 5); backtracking with the sums as pruning."""
    bovengrens = max(waarden.values()) + 5
    onbekend = sorted(verborgen, key=lambda k: (k != doel, str(k)))
    toegewezen: dict[Hashable, int] = {k: v for k, v in waarden.items() if k not in verborgen}

    def kan() -> bool:
        for totaal, delen in sommen:
            laag = hoog = 0
            for k, teken in ((totaal, 1), *((d, -1) for d in delen)):
                if k in toegewezen:
                    laag += teken * toegewezen[k]
                    hoog += teken * toegewezen[k]
                elif teken > 0:
                    laag, hoog = laag + 1, hoog + bovengrens
                else:
                    laag, hoog = laag - bovengrens, hoog - 1
            if not laag <= 0 <= hoog:
                return False
        return True

    def zoek(i: int) -> bool:
        if i == len(onbekend):
            return True
        k = onbekend[i]
        for v in range(1, bovengrens + 1):
            if k == doel and v == waarden[doel]:
                continue
            toegewezen[k] = v
            if kan() and zoek(i + 1):
                del toegewezen[k]
                return True
            del toegewezen[k]
        return False

    return zoek(0)


def _controleer(waarden: dict[Hashable, int], sommen: list[Som]) -> frozenset[Hashable]:
    b = Beveiliging()
    for k, v in waarden.items():
        b.tel(k, v)
    for t, d in sommen:
        b.som(t, d)
    verborgen = b.verborgen()
    for k, v in waarden.items():
        if 0 < v < 5:
            assert k in verborgen, (k, v)
        if v == 0:
            assert k not in verborgen, k
    for k in verborgen:
        assert _anders_mogelijk(waarden, sommen, verborgen, k), (k, waarden, verborgen)
    return verborgen


waarde = st.integers(min_value=0, max_value=9)


@settings(max_examples=100, deadline=None)
@given(st.lists(waarde, min_size=1, max_size=6))
def test_rij_met_totaal(rij: list[int]) -> None:
    waarden: dict[Hashable, int] = {("deel", i): v for i, v in enumerate(rij)}
    waarden["totaal"] = sum(rij)
    _controleer(waarden, [("totaal", tuple(k for k in waarden if k != "totaal"))])


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 3).flatmap(lambda r: st.lists(st.lists(waarde, min_size=3, max_size=3),
                                                   min_size=r, max_size=r)))  # fmt: skip
def test_tabel_met_rij_en_kolomtotalen(tabel: list[list[int]]) -> None:
    waarden: dict[Hashable, int] = {}
    sommen: list[Som] = []
    for r, rij in enumerate(tabel):
        for c, v in enumerate(rij):
            waarden[(r, c)] = v
        waarden[(r, "T")] = sum(rij)
        sommen.append(((r, "T"), tuple((r, c) for c in range(3))))
    for c in range(3):
        waarden[("T", c)] = sum(rij[c] for rij in tabel)
        sommen.append((("T", c), tuple((r, c) for r in range(len(tabel)))))
    waarden[("T", "T")] = sum(map(sum, tabel))
    sommen.append((("T", "T"), tuple(("T", c) for c in range(3))))
    sommen.append((("T", "T"), tuple((r, "T") for r in range(len(tabel)))))
    _controleer(waarden, sommen)


def test_hand_geteld_een_verborgen_deel_verbergt_het_kleinste_andere() -> None:
    # 12 = 3 + 9 + 0: the 3 is hidden, so the 9 too (the 0 would tell nothing); 12 stays.
    waarden: dict[Hashable, int] = {"a": 3, "b": 9, "c": 0, "t": 12}
    assert _controleer(waarden, [("t", ("a", "b", "c"))]) == {"a", "b"}


def test_hand_geteld_twee_enen_worden_niet_verraden() -> None:
    # 1 + 1 + 7 + 8 = 17: hiding the two 1s alone would leave 2 = 1 + 1, so a third goes.
    waarden: dict[Hashable, int] = {"a": 1, "b": 1, "c": 7, "d": 8, "t": 17}
    assert _controleer(waarden, [("t", ("a", "b", "c", "d"))]) == {"a", "b", "c"}


def test_niet_getoond_klein_totaal_blijft_onberekenbaar() -> None:
    b = Beveiliging()
    b.tel("a", 2)
    b.tel("b", 0)
    b.tel("t", 2, getoond=False)  # a total nobody sees, but a reader could add up the parts
    b.som("t", ("a", "b"))
    assert b.verborgen() == {"a", "t"}


def test_geld_volgt_het_aantal_gesprekken() -> None:
    b = Beveiliging()
    b.geld("tiel", 300_000, 3)  # three gesprekken: hidden however large the amount
    b.geld("buren", 900_000, 8)
    b.geld("culemborg", 50_000, 6)
    b.geld("totaal", 1_250_000, 17)
    b.som("totaal", ("tiel", "buren", "culemborg"))
    assert b.verborgen() == {"tiel", "culemborg"}
