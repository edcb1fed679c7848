r"""The Inzicht screen's query set at scale: 10,000 instruments and 200,000 gesprekken.

    .venv/bin/python benchmarks/bench_inzicht.py [GESPREKKEN] [RUNS] [--postgres URL] [--bewaar PAD]
                                                 [--beide]

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
(services/inzicht/catalogusfiguren.py): "eerste keer" and "koud" (the cache emptied before
each run, as after a catalogue change) compute them, the other screen lines reuse them, and
their own lines below compute them uncached. The screen runs its heaviest independent
queries on threads of their own (services/inzicht/vooruit.py); the part lines below run
each in the calling thread.

--bewaar keeps the SQLite file. A database that already holds gesprekken is measured as it
is (building 200,000 gesprekken takes minutes); one at an older schema is upgraded first
(0005 -> 0006 fills the Inzicht facts, timed as "geopend in").

--beide measures SQLite (the --bewaar file) and then PostgreSQL (--postgres URL, else a
throwaway server of benchmarks/tijdelijke_postgres.py, filled with the same seeded data: an
empty PostgreSQL database is copied from the SQLite file with COPY when that file holds
gesprekken, bench_inzicht_pgkopie.py, minutes instead of hours) in
one run, and ends with one line per engine for the whole screen. Every line gives the median
wall time, its ratio to the reference query of the same engine and run, the median CPU time
of this process and of the calling thread alone ("draad": what the wall time follows on an
idle machine with two cores or more), on PostgreSQL also of the server's processes (when the
server runs on this machine), and the load average, so that a busy machine does not hide a
regression.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from benchmarks.bench_inzicht_pgkopie import kopieer  # noqa: E402
from benchmarks.tijdelijke_postgres import nieuwe_database, tijdelijke_server  # noqa: E402
from keuzehulp.model.db import Database  # noqa: E402
from keuzehulp.model.gesprek import Gesprek  # noqa: E402
from keuzehulp.model.terugblik import Terugblik  # noqa: E402
from keuzehulp.services.inzicht import catalogusfiguren, dekking, onderhoud, overlap  # noqa: E402
from keuzehulp.services.inzicht.cijfers import instrument_cijfers  # noqa: E402
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


@dataclass(frozen=True)
class Meting:
    """Medians of one measurement: wall, this process's CPU (all its threads), the CPU of
    the calling thread alone, the server's CPU (PostgreSQL on this machine; else None), all
    in seconds. The screen runs a few heavy queries on threads of their own beside the
    calling one (services/inzicht/vooruit.py): on an idle machine with two cores or more
    the wall time follows the calling thread's CPU (plus its waits), not the process's."""

    wand: float
    cpu: float
    draad: float
    server: float | None

    def regel(self, naam: str, ref: Meting) -> str:
        server = "" if self.server is None else f", server-CPU {1000 * self.server:7.1f} ms"
        return (
            f"{naam:34s} mediaan {1000 * self.wand:8.1f} ms  ({self.wand / ref.wand:5.1f}x)  "
            f"CPU {1000 * self.cpu:7.1f} ms (draad {1000 * self.draad:7.1f} ms){server}  "
            f"(load {os.getloadavg()[0]:.1f})"
        )


def _server_cpu(url: str) -> Callable[[], float] | None:
    """The CPU seconds used so far by a local PostgreSQL server's backends (the children of
    the postmaster named in the socket directory's data/postmaster.pid); None elsewhere."""
    u = make_url(url)
    host = str(u.query.get("host", "")) if u.get_backend_name() == "postgresql" else ""
    pidbestand = Path(host) / "data" / "postmaster.pid"
    if not host or not pidbestand.is_file():
        return None
    hoofd = pidbestand.read_text().split()[0]
    tik = os.sysconf("SC_CLK_TCK")

    def cpu() -> float:
        totaal = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                velden = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # the process ended meanwhile
            if velden[1] == hoofd:  # ppid; utime and stime follow at 11 and 12
                totaal += int(velden[11]) + int(velden[12])
        return totaal / tik

    return cpu


def _mediaan(
    runs: int, werk: Callable[[], object], server: Callable[[], float] | None = None
) -> Meting:
    wand, cpu, draad, srv = [], [], [], []
    for _ in range(runs):
        s0 = server() if server else 0.0
        c0, d0, w0 = time.process_time(), time.thread_time(), time.perf_counter()
        werk()
        wand.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
        draad.append(time.thread_time() - d0)
        srv.append((server() if server else 0.0) - s0)
    m = statistics.median
    return Meting(m(wand), m(cpu), m(draad), m(srv) if server else None)


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


def referentie(db: Database) -> object:
    """The cheapest honest aggregate: gesprekken per month, one scan of the gesprek table."""
    with db.lezen() as s:
        m = maand(Gesprek.aangemaakt_op, dialect(s))
        return s.execute(select(m, func.count()).group_by(m)).all()


def meet(db: Database, runs: int) -> tuple[Meting, Meting]:
    """Print every line; return (reference, whole screen)."""
    server = _server_cpu(db.url.render_as_string(hide_password=False))
    tiel = InzichtFilter(gemeente="Tiel")
    heel = InzichtFilter()
    # A period that starts and ends inside a month (the screen's "Laatste 12 maanden"):
    # whole months from the month totals, the two partial ones from the facts.
    with db.lezen() as s:
        laatste = s.scalar(select(func.max(Gesprek.aangemaakt_op)))
    eind = (laatste or dt.datetime.now(dt.UTC)).date() - dt.timedelta(days=10)
    jaar = InzichtFilter(van=eind.replace(year=eind.year - 1) + dt.timedelta(days=1), tot=eind)
    with db.lezen() as s:  # the instruments whose ratings the Uitkomsten table shows
        beoordeeld = list(s.scalars(select(Terugblik.instrument_id).distinct()))

    def deel(functie: Callable[..., object], *args: object) -> Callable[[], object]:
        def werk() -> object:
            with db.lezen() as s:
                return functie(s, *args)

        return werk

    def koud() -> object:
        catalogusfiguren.vergeet()  # as right after opening or after a catalogue change
        return bereken_inzicht(db, heel)

    metingen: dict[str, Callable[[], object]] = {
        "Inzicht-scherm, koud (catalogus)": koud,
        "Inzicht-scherm (alles)": lambda: bereken_inzicht(db, heel),
        "Inzicht-scherm, gemeente Tiel": lambda: bereken_inzicht(db, tiel),
        "Inzicht-scherm, 12 maanden": lambda: bereken_inzicht(db, jaar),
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
        "  cijfers per instrument": deel(instrument_cijfers, beoordeeld),
    }

    eerste = _mediaan(1, lambda: bereken_inzicht(db, heel), server)
    ref = _mediaan(runs, lambda: referentie(db), server)
    print(ref.regel("referentie: gesprekken per maand", ref), flush=True)
    print(eerste.regel("Inzicht-scherm, eerste keer (1x)", ref), flush=True)
    scherm = ref
    for naam, werk in metingen.items():
        meting = _mediaan(runs, werk, server)
        print(meting.regel(naam, ref), flush=True)
        if naam == "Inzicht-scherm (alles)":
            scherm = meting
    return ref, scherm


def _open(url: str, gesprekken: int, runs: int, bron: Path | None = None) -> tuple[Meting, Meting]:
    """Measure the database at `url`; an empty one is filled first: copied from the SQLite
    file `bron` when that holds gesprekken (bench_inzicht_pgkopie.py), else generated."""
    bron_vol = bron is not None and bron.is_file() and _heeft_gesprekken(f"sqlite:///{bron}")
    if bron is not None and bron_vol and not _heeft_gesprekken(url):
        kopieer(bron, url)
    begin = time.perf_counter()
    db = open_catalogus(url, "bench", ()).database
    duur = time.perf_counter() - begin
    print(f"database: {db.url.get_backend_name()}, geopend in {duur:.1f} s", flush=True)
    try:
        with db.lezen() as s:
            bestaat = bool(s.scalar(select(func.count()).select_from(Gesprek)))
        if not bestaat:
            _vul(db, gesprekken)
        return meet(db, runs)
    finally:
        db.sluit()


def _heeft_gesprekken(url: str) -> bool:
    db = open_catalogus(url, "bench", ()).database
    try:
        with db.lezen() as s:
            return bool(s.scalar(select(func.count()).select_from(Gesprek)))
    finally:
        db.sluit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gesprekken", nargs="?", type=int, default=200_000)
    parser.add_argument("runs", nargs="?", type=int, default=5)
    parser.add_argument("--postgres", metavar="URL")
    parser.add_argument("--bewaar", metavar="PAD", type=Path)
    parser.add_argument("--beide", action="store_true", help="SQLite en PostgreSQL")
    args = parser.parse_args()
    uitslag: dict[str, tuple[Meting, Meting]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        pad = args.bewaar or Path(tmp) / "inzicht.sqlite"
        if args.beide or not args.postgres:
            uitslag["SQLite"] = _open(f"sqlite:///{pad}", args.gesprekken, args.runs)
        if args.postgres:
            uitslag["PostgreSQL"] = _open(args.postgres, args.gesprekken, args.runs, pad)
        elif args.beide:
            with tijdelijke_server() as server:
                url = nieuwe_database(server, "bench_inzicht")
                uitslag["PostgreSQL"] = _open(url, args.gesprekken, args.runs, pad)
    print()
    for motor, (ref, scherm) in uitslag.items():
        print(scherm.regel(f"{motor}: heel Inzicht-scherm", ref))


if __name__ == "__main__":
    main()
