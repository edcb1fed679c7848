"""Beheer with a long history: editor save, log queries, log export, version publish.

    .venv/bin/python benchmarks/bench_beheer.py [EDITS] [RUNS]

Builds the sample catalogue (52 active, 9 parked), then EDITS editor saves (default 2000,
each logging one row) so the log is long, and prints median times over RUNS runs of: one
editor save (open + save with conflict check), the log viewer's query (newest 5000 rows),
one instrument's history, the xlsx export of the whole log, publishing a version and the
status bar's version line.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from keuzehulp.services.beheer import instrumenten, mutatielog, versies  # noqa: E402
from keuzehulp.services.beheer.mutatielog import MutatieFilter  # noqa: E402
from keuzehulp.services.opstart import open_catalogus, standaard_stappen  # noqa: E402


def _mediaan(runs: int, werk: Callable[[], object]) -> float:
    tijden = []
    for _ in range(runs):
        begin = time.perf_counter()
        werk()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def main(edits: int = 2000, runs: int = 7) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_catalogus(f"sqlite:///{tmp}/k.sqlite", "bench", standaard_stappen()).database
        regels = instrumenten.lijst_instrumenten(db)
        print(f"catalogus: {len(regels)} instrumenten")
        teller = 0

        def bewaar() -> None:
            nonlocal teller
            teller += 1
            r = regels[teller % len(regels)]
            b = instrumenten.open_instrument(db, r.id)
            nieuw = b.gegevens.model_copy(update={"bijzonderheden": f"wijziging {teller}"})
            instrumenten.bewaar_instrument(db, "bench", r.id, b.versie, nieuw, "benchmark")

        begin = time.perf_counter()
        for _ in range(edits):
            bewaar()
        duur = time.perf_counter() - begin
        print(f"{edits} editorwijzigingen in {duur:.1f} s ({1000 * duur / edits:.1f} ms per stuk)")
        print(f"mutatielog: {len(mutatielog.zoek_mutaties(db))} regels")
        metingen = {
            "editor: openen + opslaan": lambda: bewaar(),
            "mutatielog: nieuwste 5000": lambda: mutatielog.zoek_mutaties(db, None, 5000),
            "geschiedenis van 1 instrument": lambda: mutatielog.geschiedenis(db, regels[1].id),
            "mutatielog naar xlsx (alles)": lambda: mutatielog.exporteer_xlsx(
                db, Path(tmp) / "log.xlsx", MutatieFilter()
            ),
            "versie publiceren": lambda: versies.publiceer_versie(db, "bench"),
            "versieregel statusbalk": lambda: versies.versie_tekst(db),
        }
        for naam, werk in metingen.items():
            print(f"{naam:32s} mediaan {1000 * _mediaan(runs, werk):8.1f} ms")
        db.sluit()


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
