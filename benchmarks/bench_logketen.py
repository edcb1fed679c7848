"""The mutation log's hash chain: cost of writing chained rows, and of `log controleer`.

    .venv/bin/python benchmarks/bench_logketen.py [ROWS] [RUNS] [--database URL]

On an empty catalogue (SQLite in a temporary folder, or the PostgreSQL database at URL,
which must be empty and is left with the rows), writes ROWS log rows (default 20000) in
batches of 500 through the app's writer, and prints medians over RUNS runs (default 5) of:

- one batch of 500 chained rows, against a reference in the same run: the same rows inserted
  plainly (ids and hashes precomputed on SQLite; on PostgreSQL with the chain trigger
  switched off, as the owner, for the reference only);
- checking the whole chain (`keuzehulp log controleer`), against reading the same rows
  without checking (the reference).
"""

from __future__ import annotations

import argparse
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

from sqlalchemy import insert, select, text  # noqa: E402

from keuzehulp.model.base import nu  # noqa: E402
from keuzehulp.model.beheer import Mutatie  # noqa: E402
from keuzehulp.model.db import Database  # noqa: E402
from keuzehulp.model.logketen import VELDEN  # noqa: E402
from keuzehulp.model.mutatielog import schrijf_logregels  # noqa: E402
from keuzehulp.services.beheer.mutatielog import controleer_keten  # noqa: E402
from keuzehulp.services.opstart import open_catalogus  # noqa: E402

PARTIJ = 500


def _rijen(n: int, start: int) -> list[dict[str, object]]:
    return [
        {
            "tijdstip": nu(),
            "gebruiker": "bench",
            "actie": "gewijzigd",
            "entiteit": "instrument",
            "entiteit_id": (start + i) % 60,
            "entiteit_naam": f"Training, Aanbieder {(start + i) % 60}",
            "veld": "bijzonderheden",
            "oude_waarde": f"tekst {start + i - 1}",
            "nieuwe_waarde": f"tekst {start + i}",
            "reden": "benchmark",
            "bron": "editor",
        }
        for i in range(n)
    ]


def _mediaan(runs: int, werk: Callable[[], object]) -> float:
    tijden = []
    for _ in range(runs):
        begin = time.perf_counter()
        werk()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def _keten(db: Database, teller: list[int]) -> None:
    with db.engine.begin() as conn:
        schrijf_logregels(conn, _rijen(PARTIJ, teller[0]))
    teller[0] += PARTIJ


def _kaal(db: Database, teller: list[int]) -> None:
    """The reference: the same rows without chaining work at insert time."""
    with db.engine.begin() as conn:
        rijen = _rijen(PARTIJ, teller[0])
        if conn.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE mutatie DISABLE TRIGGER mutatie_keten"))
            for rij in rijen:
                rij["vorige_hash"] = rij["hash"] = os.urandom(32).hex()
            conn.execute(insert(Mutatie), rijen)
            conn.execute(text("ALTER TABLE mutatie ENABLE TRIGGER mutatie_keten"))
        else:
            hoogste = conn.execute(select(Mutatie.id).order_by(Mutatie.id.desc())).first()
            volgende = (hoogste[0] if hoogste else 0) + 1
            for i, rij in enumerate(rijen):
                rij["id"] = volgende + i
                rij["vorige_hash"] = rij["hash"] = os.urandom(32).hex()
            conn.execute(insert(Mutatie), rijen)
    teller[0] += PARTIJ


def _lees(db: Database) -> int:
    kolommen = [getattr(Mutatie, v) for v in (*VELDEN, "vorige_hash", "hash")]
    with db.lezen() as s:
        return sum(1 for _ in s.execute(select(*kolommen).order_by(Mutatie.id)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rijen", nargs="?", type=int, default=20000)
    parser.add_argument("runs", nargs="?", type=int, default=5)
    parser.add_argument("--database", help="an empty PostgreSQL database (default: SQLite)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or f"sqlite:///{tmp}/k.sqlite"
        db = open_catalogus(url, "bench", ()).database
        print(f"engine: {db.engine.dialect.name}")
        teller = [0]
        while teller[0] < args.rijen:
            _keten(db, teller)
        keten = _mediaan(args.runs, lambda: _keten(db, teller))
        kaal = _mediaan(args.runs, lambda: _kaal(db, teller))
        # The plain reference rows broke the chain on purpose; check only the chained part.
        with db.engine.begin() as conn:
            conn.execute(text("DELETE FROM mutatie WHERE hash = vorige_hash"))
        uitkomst = controleer_keten(db)
        assert uitkomst.in_orde, uitkomst
        controle = _mediaan(args.runs, lambda: controleer_keten(db))
        lezen = _mediaan(args.runs, lambda: _lees(db))
        print(
            f"schrijven, {PARTIJ} regels: keten {1000 * keten:.0f} ms, kaal {1000 * kaal:.0f} ms"
            f" (factor {keten / kaal:.2f}; {1e6 * keten / PARTIJ:.0f} µs per regel)"
        )
        print(
            f"log controleer, {uitkomst.aantal} regels: {1000 * controle:.0f} ms, alleen lezen "
            f"{1000 * lezen:.0f} ms (factor {controle / lezen:.2f})"
        )
        db.sluit()


if __name__ == "__main__":
    main()
