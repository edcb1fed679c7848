"""The offline fallback at 10,000 instruments: making the local copy, skipping it, starting on it.

    .venv/bin/python benchmarks/bench_offline.py [INSTRUMENTS] [RUNS] [--database URL]

Fills an empty catalogue (SQLite in a temporary folder, or the empty PostgreSQL database at
URL, which is left filled) with INSTRUMENTS generated instruments (default 10000), and prints
medians over RUNS runs (default 5) of:

- writing the local copy (`maak_kopie`, in a worker after every connection), against a
  reference in the same run: loading the search index from the same database, which every
  start does anyway;
- the check that finds the copy current and writes nothing (the usual case);
- opening the working file from the copy when the server cannot be reached (`open_offline`),
  against opening the copy as an ordinary catalogue.

The user's data directory is a temporary folder: nothing of yours is touched.
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
_MAP = Path(tempfile.mkdtemp(prefix="bench-offline-"))
os.environ["XDG_DATA_HOME"] = str(_MAP / "data")  # before platformdirs is asked
os.environ["XDG_CONFIG_HOME"] = str(_MAP / "config")

from sqlalchemy.engine import URL, make_url  # noqa: E402

from keuzehulp.model.lokalekopie import kopiepad, maak_kopie  # noqa: E402
from keuzehulp.services.offline import open_offline  # noqa: E402
from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.services.zoekindex import laad_index  # noqa: E402
from tests.catalogusgenerator import vul_catalogus, willekeurige_gegevens  # noqa: E402

GEBRUIKER = "bench"


def _mediaan(
    runs: int, werk: Callable[[], object], voor: Callable[[], object] | None = None
) -> float:
    tijden = []
    for _ in range(runs):
        if voor is not None:
            voor()
        begin = time.perf_counter()
        werk()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("instrumenten", nargs="?", type=int, default=10_000)
    parser.add_argument("runs", nargs="?", type=int, default=5)
    parser.add_argument("--database", help="an empty PostgreSQL database (default: SQLite)")
    args = parser.parse_args()
    adres = args.database or f"sqlite:///{_MAP / 'bron.sqlite'}"
    opstart = open_catalogus(adres, GEBRUIKER, ())
    db = opstart.database
    begin = time.perf_counter()
    vul_catalogus(db, willekeurige_gegevens(random.Random(14), args.instrumenten))
    print(
        f"{args.instrumenten} instrumenten in {make_url(adres).get_backend_name()}, "
        f"gevuld in {time.perf_counter() - begin:.1f} s; {args.runs} runs, medianen:"
    )

    def weg() -> None:
        kopiepad().unlink(missing_ok=True)

    kopie = _mediaan(args.runs, lambda: maak_kopie(db, GEBRUIKER), voor=weg)
    index = _mediaan(args.runs, lambda: laad_index(db))
    print(
        f"  kopie schrijven         {kopie * 1000:8.0f} ms   "
        f"(zoekindex laden {index * 1000:.0f} ms; verhouding {kopie / index:.2f})"
    )
    maak_kopie(db, GEBRUIKER)
    gelijk = _mediaan(args.runs, lambda: maak_kopie(db, GEBRUIKER))
    print(
        f"  kopie actueel, overslaan {gelijk * 1000:7.1f} ms   "
        f"(verhouding tot schrijven {gelijk / kopie:.3f})"
    )
    db.sluit()

    server = URL.create("postgresql+psycopg", username="anna", host="127.0.0.1", port=1)

    def offline() -> None:
        werk, _staat = open_offline(server, "bench")
        werk.sluit()

    def gewoon() -> None:
        open_catalogus(f"sqlite:///{kopiepad()}", GEBRUIKER, (), alleen_lezen=True).database.sluit()

    start = _mediaan(args.runs, offline)
    referentie = _mediaan(args.runs, gewoon)
    print(
        f"  offline openen          {start * 1000:8.0f} ms   "
        f"(de kopie gewoon openen {referentie * 1000:.0f} ms; verhouding {start / referentie:.2f})"
    )


if __name__ == "__main__":
    main()
