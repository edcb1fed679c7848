"""Beheer > Kenmerken counts: the subtree count (distinct active instruments of a kenmerk and
everything below it) against the old direct count per kenmerk, in the same run.

QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_kenmerktelling.py [AANTAL]

Prints the median CPU time (9 runs) of the old count query, the new subtree count query and
the whole `kenmerken_boom`, and the ratio of the two counts; on SQLite with AANTAL generated
instruments (default 10,000).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import func, select  # noqa: E402

from keuzehulp.model.catalogus import instrument_kenmerk  # noqa: E402
from keuzehulp.services.beheer.kenmerken import _tellingen, kenmerken_boom  # noqa: E402
from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from tests.catalogusgenerator import vul_catalogus, willekeurige_gegevens  # noqa: E402

RONDES = 9


def _cpu_ms(werk: object) -> float:
    begin = time.process_time()
    werk()  # type: ignore[operator]
    return (time.process_time() - begin) * 1000


def main() -> None:
    aantal = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        db = open_catalogus(f"sqlite:///{tmp}/k.sqlite", "bench", ()).database
        rng = random.Random(7)
        for begin in range(0, aantal, 5000):
            vul_catalogus(db, willekeurige_gegevens(rng, min(5000, aantal - begin), begin))

        def oud() -> None:  # the direct count per kenmerk, as before (reference)
            with db.lezen() as s:
                s.execute(
                    select(instrument_kenmerk.c.kenmerk_id, func.count()).group_by(
                        instrument_kenmerk.c.kenmerk_id
                    )
                ).all()

        def nieuw() -> None:
            with db.lezen() as s:
                _tellingen(s, 3)

        def boom() -> None:
            kenmerken_boom(db)

        werken = (("oud", oud), ("nieuw", nieuw), ("boom", boom))
        for _, werk in werken:
            werk()  # warm up
        tijden = {n: statistics.median(_cpu_ms(w) for _ in range(RONDES)) for n, w in werken}
        last = os.getloadavg()[0]
        print(f"{aantal}  oude telling per kenmerk (query)  {tijden['oud']:.1f} ms CPU")
        print(f"{aantal}  subboomtelling (query)  {tijden['nieuw']:.1f} ms CPU")
        print(f"{aantal}  kenmerken_boom geheel  {tijden['boom']:.1f} ms CPU")
        verhouding = tijden["nieuw"] / tijden["oud"]
        print(f"verhouding telling {verhouding:.1f}x  (load average {last:.1f})")
        db.sluit()


if __name__ == "__main__":
    main()
