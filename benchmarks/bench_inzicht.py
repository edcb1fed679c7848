r"""The Inzicht screen's query set at scale: 10,000 instruments and 200,000 gesprekken.

    .venv/bin/python benchmarks/bench_inzicht.py [GESPREKKEN] [RUNS] [--postgres URL] [--bewaar PAD]

Builds a generated catalogue (tests/catalogusgenerator.py, 10,000 instruments) and adds
GESPREKKEN (default 200,000) fictional gesprekken with shortlists, choices and terugblikken
(services/voorbeeldgesprekken.py), then prints the median over RUNS runs (default 5) of
`bereken_inzicht` (everything the Inzicht screen shows) and of each part, with its ratio
to a reference in the same run (gesprekken per month: one plain scan of the gesprek table),
so that a busy machine does not hide a regression. SQLite by default; with --postgres URL
a PostgreSQL database, for example a throwaway server's:

    bash -c 'source scripts/postgres.sh && start_test_postgres >/dev/null &&
             .venv/bin/python benchmarks/bench_inzicht.py 200000 3 \
             --postgres "$KEUZEHULP_TEST_POSTGRES_URL"'

Coverage and overlap read only the catalogue and are kept per catalogue state
(services/inzicht/catalogusfiguren.py): "eerste keer" computes them, the screen's medians
reuse them, and their own lines below compute them uncached.

--bewaar keeps the SQLite file. A database that already holds gesprekken is measured as it
is (building 200,000 gesprekken takes minutes); one at an older schema is upgraded first
(0005 -> 0006 fills the Inzicht facts, timed as "geopend in").
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select  # noqa: E402

from keuzehulp.model.db import Database  # noqa: E402
from keuzehulp.model.gesprek import Gesprek  # noqa: E402
from keuzehulp.services.inzicht import dekking, onderhoud, overlap  # noqa: E402
from keuzehulp.services.inzicht.filter import InzichtFilter  # noqa: E402
from keuzehulp.services.inzicht.gebruik import Dimensie, gebruik  # noqa: E402
from keuzehulp.services.inzicht.kosten import kosten  # noqa: E402
from keuzehulp.services.inzicht.overzicht import bereken_inzicht  # noqa: E402
from keuzehulp.services.inzicht.sql import dialect, maand  # noqa: E402
from keuzehulp.services.inzicht.uitkomsten import uitkomsten  # noqa: E402
from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.services.voorbeeldgesprekken import voeg_voorbeeldgesprekken_toe  # noqa: E402
from tests.catalogusgenerator import vul_catalogus, willekeurige_gegevens  # noqa: E402

INSTRUMENTEN = 10_000


def _mediaan(runs: int, werk: Callable[[], object]) -> float:
    tijden = []
    for _ in range(runs):
        begin = time.perf_counter()
        werk()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def _vul(db: Database, gesprekken: int) -> None:
    begin = time.perf_counter()
    vul_catalogus(db, willekeurige_gegevens(random.Random(15), INSTRUMENTEN))
    print(f"catalogus: {INSTRUMENTEN} instrumenten in {time.perf_counter() - begin:.1f} s")
    begin = time.perf_counter()
    voeg_voorbeeldgesprekken_toe(db, gesprekken, "bench")
    duur = time.perf_counter() - begin
    print(f"{gesprekken} gesprekken met terugblikken in {duur:.1f} s")
    if db.url.get_backend_name() == "postgresql":
        # What autovacuum does soon after a bulk load: statistics and the visibility map
        # (index-only scans).
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")


def meet(db: Database, runs: int) -> None:
    tiel = InzichtFilter(gemeente="Tiel")
    heel = InzichtFilter()

    def deel(functie: Callable[..., object], *args: object) -> Callable[[], object]:
        def werk() -> object:
            with db.lezen() as s:
                return functie(s, *args)

        return werk

    metingen: dict[str, Callable[[], object]] = {
        "Inzicht-scherm (alles)": lambda: bereken_inzicht(db, heel),
        "Inzicht-scherm, gemeente Tiel": lambda: bereken_inzicht(db, tiel),
        "  gebruik per maand": deel(gebruik, heel, Dimensie.PERIODE),
        "  gebruik per instrument": deel(gebruik, heel, Dimensie.INSTRUMENT),
        "  gebruik per route": deel(gebruik, heel, Dimensie.ROUTE),
        "  gebruik per kenmerk": deel(gebruik, heel, Dimensie.KENMERK),
        "  gebruik per gemeente": deel(gebruik, heel, Dimensie.GEMEENTE),
        "  kosten": deel(kosten, heel),
        "  dekking kenmerk x route": deel(dekking.dekking_routes, None),
        "  dekking per gemeente": deel(dekking.dekking_gemeenten),
        "  overlap": deel(overlap.overlap),
        "  nooit gekozen + verouderd": lambda: (
            deel(onderhoud.nooit_gekozen)(),
            deel(onderhoud.verouderd)(),
        ),
        "  uitkomsten": deel(uitkomsten, heel),
    }

    def referentie() -> object:
        # The cheapest honest aggregate: gesprekken per month, one scan of the gesprek table.
        with db.lezen() as s:
            m = maand(Gesprek.aangemaakt_op, dialect(s))
            return s.execute(select(m, func.count()).group_by(m)).all()

    begin = time.perf_counter()
    bereken_inzicht(db, heel)
    eerste = time.perf_counter() - begin
    ref = _mediaan(runs, referentie)
    print(f"{'referentie: gesprekken per maand':34s} mediaan {1000 * ref:8.1f} ms  (1.0x)")
    print(f"{'Inzicht-scherm, eerste keer':34s}         {1000 * eerste:8.1f} ms  "
          f"({eerste / ref:5.1f}x)")  # fmt: skip
    for naam, werk in metingen.items():
        mediaan = _mediaan(runs, werk)
        print(f"{naam:34s} mediaan {1000 * mediaan:8.1f} ms  ({mediaan / ref:5.1f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gesprekken", nargs="?", type=int, default=200_000)
    parser.add_argument("runs", nargs="?", type=int, default=5)
    parser.add_argument("--postgres", metavar="URL")
    parser.add_argument("--bewaar", metavar="PAD", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.postgres:
            url = args.postgres
        else:
            pad = args.bewaar or Path(tmp) / "inzicht.sqlite"
            url = f"sqlite:///{pad}"
        begin = time.perf_counter()
        db = open_catalogus(url, "bench", ()).database
        duur = time.perf_counter() - begin
        print(f"database: {db.url.get_backend_name()}, geopend in {duur:.1f} s")
        with db.lezen() as s:
            bestaat = bool(s.scalar(select(func.count()).select_from(Gesprek)))
        if not bestaat:
            _vul(db, args.gesprekken)
        meet(db, args.runs)
        db.sluit()


if __name__ == "__main__":
    main()
