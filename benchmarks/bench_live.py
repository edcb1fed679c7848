"""Live updates: time from a beheerder's commit in one app to another running app showing it.

    .venv/bin/python benchmarks/bench_live.py [--rondes 20] [--instrumenten 0]
        [--engines sqlite,postgresql]

App B is the coach's main window (offscreen) in this process; app A is a beheerder's app in a
process of its own that parks one active instrument per round. A round ends when B's search
no longer offers that instrument (the follower heard of it, coalesced, the index was rebuilt
in the background and the search ran again). Printed per engine, median and p95 of:

- commit -> shown: the measured propagation (wall clock, A's commit returns -> B shows it);
- the same app's own index build alone (`ZoekService.bouw_index`, the reference in this run):
  propagation minus this is what noticing and coalescing add (SQLite polls once a second,
  both wait `RUST_MS` for the rest of a burst).

PostgreSQL runs on a throwaway server (scripts/postgres.sh), set up with
`keuzehulp database init` (the NOTIFY trigger comes with it). `--instrumenten M` adds M
generated instruments to the sample catalogue (bigger index, slower rebuild).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import statistics
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.tijdelijke_postgres import (  # noqa: E402
    nieuwe_database,
    percentiel,
    tijdelijke_server,
)

GEBRUIKER = "bench_beheerder"


def _beheerder(url: str, kanaal: Connection) -> None:
    """App A: park the instrument asked for, answer with the wall time after the commit."""
    from keuzehulp.services.beheer import instrumenten
    from keuzehulp.services.opstart import open_catalogus

    # On PostgreSQL the login is the user (the server's owner: a beheerder).
    opstart = open_catalogus(url, None if url.startswith("postgresql") else GEBRUIKER, ())
    db = opstart.database
    kanaal.send("klaar")
    while (verzoek := kanaal.recv()) is not None:
        instrument_id, versie = verzoek
        try:
            instrumenten.parkeer(db, opstart.gebruiker, instrument_id, versie, "benchmark live")
        except Exception as fout:
            kanaal.send(f"{type(fout).__name__}: {fout}")
            break
        kanaal.send(time.time())
    db.sluit()


def _maak_catalogus(url: str, extra: int) -> None:
    from keuzehulp.services import organisatie
    from keuzehulp.services.opstart import open_catalogus, standaard_stappen
    from tests.catalogusgenerator import vul_catalogus, willekeurige_gegevens

    if url.startswith("postgresql"):
        organisatie.richt_in(url, voorbeeld=True)  # schema, roles, rights, NOTIFY trigger
        db = open_catalogus(url, GEBRUIKER, ()).database
    else:
        db = open_catalogus(url, GEBRUIKER, standaard_stappen()).database
    if extra:
        vul_catalogus(db, willekeurige_gegevens(random.Random(14), extra, begin=1000))
    db.sluit()


def _meet(url: str, rondes: int) -> tuple[list[float], list[float]]:
    """(propagation s per round, own index build s per round) for the catalogue at `url`."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from keuzehulp.services.opstart import open_catalogus
    from keuzehulp.ui.app import maak_applicatie
    from keuzehulp.ui.context import AppContext
    from keuzehulp.ui.main_window import MainWindow
    from tests.live_hulp import actieve

    app = QApplication.instance() or maak_applicatie([])
    db = open_catalogus(url, GEBRUIKER, ()).database
    venster = MainWindow(AppContext(db, GEBRUIKER))
    venster.resize(1366, 768)
    venster.show()
    zoeken = venster.zoeken

    def draai(tot: float, klaar: object = None) -> bool:
        while time.monotonic() < tot:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
            if callable(klaar) and klaar():
                return True
            time.sleep(0.001)
        return False

    def getoond() -> set[int]:
        model = zoeken.resultaten_model  # all hits, also those not scrolled to yet
        return {model.treffer(r).id for r in range(model.aantal)}

    ctx = mp.get_context("spawn")
    hier, daar = ctx.Pipe()
    beheerder = ctx.Process(target=_beheerder, args=(url, daar), daemon=True)
    beheerder.start()
    assert hier.recv() == "klaar"
    luisteraar = venster.volger.luisteraar
    if luisteraar is not None:
        assert luisteraar.verbonden.wait(30)
    draai(time.monotonic() + 1.0)  # the start-up settles
    kandidaten = actieve(db, rondes)
    propagatie: list[float] = []
    bouw: list[float] = []
    for instrument_id, versie, _naam in kandidaten:
        assert instrument_id in getoond()
        hier.send((instrument_id, versie))
        if not hier.poll(60):
            raise SystemExit("De beheerder-app antwoordt niet binnen 60 s.")
        gecommit = hier.recv()
        if isinstance(gecommit, str):
            raise SystemExit(f"De beheerder-app faalt: {gecommit}")
        weg = draai(time.monotonic() + 30, lambda i=instrument_id: i not in getoond())
        if not weg:
            raise SystemExit(f"Na 30 s toont de andere app de wijziging nog niet ({url}).")
        propagatie.append(time.time() - gecommit)
        draai(time.monotonic() + 0.5)  # rounds stay apart: each is one change, not a burst
        begin = time.perf_counter()
        zoeken.service.bouw_index()
        bouw.append(time.perf_counter() - begin)
    hier.send(None)
    beheerder.join(30)
    venster.volger.stop()
    venster.close()
    venster.deleteLater()
    draai(time.monotonic() + 0.2)
    db.sluit()
    return propagatie, bouw


def _regel(naam: str, waarden: list[float]) -> str:
    ms = [w * 1000 for w in waarden]
    return (
        f"  {naam:<34} mediaan {statistics.median(ms):7.0f} ms   "
        f"p95 {percentiel(ms, 95):7.0f} ms   max {max(ms):7.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rondes", type=int, default=20)
    parser.add_argument("--instrumenten", type=int, default=0, help="extra instrumenten")
    parser.add_argument("--engines", default="sqlite,postgresql")
    args = parser.parse_args()
    engines = [e for e in args.engines.split(",") if e]
    uitslagen: dict[str, tuple[list[float], list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for engine in engines:
            if engine == "sqlite":
                url = f"sqlite:///{Path(tmp) / 'live.sqlite'}"
                _maak_catalogus(url, args.instrumenten)
                uitslagen[engine] = _meet(url, args.rondes)
            elif engine == "postgresql":
                with tijdelijke_server() as server:
                    url = nieuwe_database(server, "bench_live")
                    _maak_catalogus(url, args.instrumenten)
                    uitslagen[engine] = _meet(url, args.rondes)
            else:
                raise SystemExit(f"Onbekende engine ‘{engine}’; kies sqlite of postgresql.")
    print(f"\nLive bijwerken: {args.rondes} rondes, voorbeeldcatalogus + {args.instrumenten}")
    for engine, (propagatie, bouw) in uitslagen.items():
        print(engine)
        print(_regel("commit -> getoond in andere app", propagatie))
        print(_regel("referentie: alleen de zoekindex", bouw))
        verhouding = statistics.median(propagatie) / statistics.median(bouw)
        print(f"  verhouding medianen: {verhouding:.1f}x de indexbouw")


if __name__ == "__main__":
    main()
