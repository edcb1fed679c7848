"""Speed of the computed ratings (services/waardering.py) at 10,000 instruments.

Run: .venv/bin/python benchmarks/bench_waardering.py [--terugblikken 200000] [--herhalingen 7]
     [--database postgresql+psycopg://...]  (default: a temporary SQLite file)
Prints medians of: all instruments' figures (what the search index loads at start and after
a change: means and counts), the figures of 5 instruments with period and aspects (details,
comparison or PDF), and as a reference in the same
run the plain read of the 10,000 survey figures, with the ratio of each to that reference.
Gesprekken and terugblikken are bulk-inserted with Core (clearly fictional, random marks).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import insert, select  # noqa: E402

from keuzehulp.model.catalogus import Instrument  # noqa: E402
from keuzehulp.model.db import Database  # noqa: E402
from keuzehulp.model.gesprek import Gesprek  # noqa: E402
from keuzehulp.model.terugblik import Terugblik  # noqa: E402
from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.services.waardering import waarderingen  # noqa: E402
from tests.catalogusgenerator import vul_catalogus, willekeurige_gegevens  # noqa: E402

INSTRUMENTEN = 10_000


def _vul(db: Database, aantal_terugblikken: int) -> list[int]:
    kans = random.Random(15)
    ids = vul_catalogus(db, willekeurige_gegevens(kans, INSTRUMENTEN))
    begin = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    gesprekken = aantal_terugblikken * 2 // 3  # some gesprekken get a second terugblik
    with db.engine.begin() as conn:
        for start in range(0, gesprekken, 20_000):
            conn.execute(
                insert(Gesprek),
                [
                    {
                        "id": n + 1,
                        "coach": f"coach{n % 40}",
                        "keuze_id": ids[n % len(ids)],
                        "aangemaakt_op": begin + dt.timedelta(minutes=n),
                        "gewijzigd_op": begin + dt.timedelta(minutes=n),
                    }
                    for n in range(start, min(gesprekken, start + 20_000))
                ],
            )
        rijen = []
        for n in range(aantal_terugblikken):
            g = n % gesprekken
            rijen.append(
                {
                    "gesprek_id": g + 1,
                    "instrument_id": ids[g % len(ids)],
                    "coach": f"coach{g % 40}",
                    "aangemaakt_op": begin + dt.timedelta(minutes=g, days=28 * (n // gesprekken)),
                    "gewijzigd_op": begin,
                    "status": kans.choice(("gestart", "afgerond", "gestopt")),
                    "coach_totaal": kans.choice((None, *range(4, 11))),
                    "coach_resultaat": kans.choice((None, *range(3, 11))),
                    "client_cijfer": kans.choice((None, *range(3, 11))),
                }
            )
            if len(rijen) == 20_000:
                conn.execute(insert(Terugblik), rijen)
                rijen = []
        if rijen:
            conn.execute(insert(Terugblik), rijen)
    return ids


def _mediaan(functie: Callable[[], object], herhalingen: int) -> float:
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--terugblikken", type=int, default=200_000)
    parser.add_argument("--herhalingen", type=int, default=7)
    parser.add_argument("--database", help="URL of an empty database (default: temp SQLite)")
    parser.add_argument(
        "--hergebruik", action="store_true", help="the --database is already filled: measure only"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as map_:
        url = args.database or f"sqlite:///{Path(map_) / 'bench.sqlite'}"
        db = open_catalogus(url, "bench", ()).database
        try:
            begin = time.perf_counter()
            if args.hergebruik:
                with db.lezen() as s:
                    ids = list(s.scalars(select(Instrument.id).order_by(Instrument.id)))
            else:
                ids = _vul(db, args.terugblikken)
            print(
                f"{db.engine.dialect.name}: {INSTRUMENTEN} instrumenten, {args.terugblikken} "
                f"terugblikken gevuld in {time.perf_counter() - begin:.1f} s"
            )
            vijf = ids[:5]

            def referentie() -> object:
                with db.lezen() as s:
                    return s.execute(
                        select(Instrument.id, Instrument.waardering_professionals)
                    ).all()

            def alle() -> object:
                with db.lezen() as s:
                    return waarderingen(s)

            def vijf_opties() -> object:
                with db.lezen() as s:
                    return waarderingen(s, vijf, details=True)

            ref = _mediaan(referentie, args.herhalingen)
            print(f"referentie (enquêtecijfers lezen): {ref * 1000:8.1f} ms")
            for naam, functie in (("alle instrumenten", alle), ("5 opties", vijf_opties)):
                m = _mediaan(functie, args.herhalingen)
                print(f"{naam:<34} {m * 1000:8.1f} ms  (×{m / ref:.1f} van de referentie)")
        finally:
            db.sluit()


if __name__ == "__main__":
    main()
