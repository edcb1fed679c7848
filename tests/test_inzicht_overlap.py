"""Overlap pairs at the threshold's edges and against a brute-force Python reference.

overlap.py skips pairs whose kenmerk counts differ too much to reach the threshold before
it compares their kenmerken; these tests check that no pair that does reach it is lost.
"""

from __future__ import annotations

import itertools
import random

from keuzehulp.model.db import Database
from keuzehulp.services.inzicht.overlap import overlap
from tests.catalogusgenerator import AFGELEIDE_CODES, kleine_catalogus, vul_catalogus


def test_drempel_precies_gehaald(database: Database) -> None:
    """3 of 4 shared is exactly 0,75 (kept); 2 of 3 is 0,67 (only from 0,6); 1 of 4 is 0,25."""
    basis = kleine_catalogus()[0]  # training, Tiel, work first
    sets = [("1.4", "1.5", "1.6"), ("1.4", "1.5", "1.6", "1.7"), ("2.1", "2.2"),
            ("2.1", "2.2", "4.1"), ("5.1",), ("5.1", "1.1", "1.2", "1.3.1")]  # fmt: skip
    ids = vul_catalogus(
        database,
        [
            basis.model_copy(update={"naam": f"Variant {i}", "kenmerken": k})
            for i, k in enumerate(sets)
        ],
    )
    with database.lezen() as s:
        per_drempel = {d: {(p.a_id, p.b_id, p.gedeeld) for p in overlap(s, d)}
                       for d in (0.75, 0.6, 0.25)}  # fmt: skip
    assert per_drempel[0.75] == {(ids[0], ids[1], 3)}
    assert per_drempel[0.6] == {(ids[0], ids[1], 3), (ids[2], ids[3], 2)}
    assert (ids[4], ids[5], 1) in per_drempel[0.25]


def test_gelijk_aan_alle_paren(database: Database) -> None:
    """Forty instruments in a few profiles with 1-5 random kenmerken each: overlap equals
    checking every pair of a profile in Python, at several thresholds."""
    rng = random.Random(7)
    basis = kleine_catalogus()[0]
    codes = AFGELEIDE_CODES[:6]  # few codes: many pairs share kenmerken
    gegevens = []
    for i in range(40):
        kenmerken = tuple(rng.sample(codes, rng.randint(1, 5)))
        type_ = ("Training", "Coaching")[i % 2]
        gegevens.append(basis.model_copy(update={"naam": f"I{i:02d}", "kenmerken": kenmerken,
                                                 "type": type_}))  # fmt: skip
    ids = vul_catalogus(database, gegevens)
    for drempel in (0.34, 0.5, 0.75, 0.8, 1.0):
        verwacht = set()
        for (i, a), (j, b) in itertools.combinations(enumerate(gegevens), 2):
            ka, kb = set(a.kenmerken), set(b.kenmerken)
            gedeeld = len(ka & kb)
            if a.type == b.type and gedeeld * 1000 >= round(drempel * 1000) * len(ka | kb):
                verwacht.add((min(ids[i], ids[j]), max(ids[i], ids[j]), gedeeld))
        with database.lezen() as s:
            gevonden = {(p.a_id, p.b_id, p.gedeeld) for p in overlap(s, drempel)}
        assert gevonden == verwacht, drempel
        assert verwacht  # every threshold here has pairs: the comparison says something
