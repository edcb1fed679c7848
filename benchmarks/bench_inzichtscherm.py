"""The Inzicht screen on the GUI thread: the longest stall when it opens and on a filter change.

    .venv/bin/python benchmarks/bench_inzichtscherm.py DATABASE.sqlite [RUNS] [--waakhond]
                                                       [--postgres URL]

`--waakhond` prints the GUI thread's stack when a beat is 100 ms late, and every garbage
collection over 50 ms (it holds the GIL, so it stalls the GUI thread from any thread).

Opens the Inzicht screen (1366x768, offscreen) on a copy-free read of DATABASE (for example
the 10,000-instrument, 200,000-gesprek file `bench_inzicht.py --bewaar` leaves), waits for the
figures, then changes the period filter RUNS times (default 3). With the 5 ms heartbeat of
`bench_venster.py` it prints, per action, the median longest stall (wall clock) and the GUI
thread's CPU ms in that stall, beside a reference in the same run (doing nothing).
Target (issue 13): at most 100 ms.

First it prints the figure behind the screen: the median of its whole query set
(`bereken_inzicht`, the work the screen's worker does) on DATABASE and, with --postgres URL
(a database filled by `bench_inzicht.py --postgres`), on PostgreSQL: wall, ratio to the
reference query of the same engine, CPU and load (benchmarks/bench_inzicht.py). Target
(issue 15 item 5): at most 1 s.
"""

from __future__ import annotations

import os
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.bench_venster import RUST_MS, Hartslag, rust, wacht_tot  # noqa: E402
from keuzehulp.services.opstart import open_catalogus  # noqa: E402


def _meld_lange_gc(drempel_ms: float = 50) -> None:
    """Print every garbage collection that holds the GIL (so every thread) over the limit."""
    import gc
    import time

    begin: dict[str, float] = {}

    def meet(fase: str, info: dict[str, int]) -> None:
        if fase == "start":
            begin["t"] = time.perf_counter()
        elif (ms := (time.perf_counter() - begin.get("t", 0.0)) * 1000) > drempel_ms:
            print(f"# gc generatie {info['generation']}: {ms:.0f} ms", flush=True)

    gc.callbacks.append(meet)


def _queryset(url: str, runs: int) -> None:
    """Print the median of the screen's whole query set on `url`, beside the reference."""
    from benchmarks.bench_inzicht import _mediaan, _server_cpu, referentie
    from keuzehulp.services.inzicht.overzicht import bereken_inzicht

    db = open_catalogus(url, "bench", ()).database
    try:
        server = _server_cpu(url)
        bereken_inzicht(db)  # the catalogue figures' cache, as on a screen already opened
        ref = _mediaan(runs, lambda: referentie(db), server)
        scherm = _mediaan(runs, lambda: bereken_inzicht(db), server)
        naam = db.url.get_backend_name()
        print(scherm.regel(f"{naam}: cijfers van het scherm", ref), flush=True)
    finally:
        db.sluit()


def main(argv: list[str]) -> None:
    pad = Path(argv[0])
    runs = int(argv[1]) if len(argv) > 1 and argv[1].isdigit() else 3
    _queryset(f"sqlite:///{pad}", runs)
    if "--postgres" in argv:
        _queryset(argv[argv.index("--postgres") + 1], runs)
    app = QApplication.instance() or QApplication([])
    from keuzehulp.ui.context import AppContext
    from keuzehulp.ui.inzicht.scherm import InzichtScherm

    opstart = open_catalogus(f"sqlite:///{pad}", "bench", ())
    context = AppContext(database=opstart.database, gebruiker="bench")
    hartslag = Hartslag()
    if "--waakhond" in argv:
        hartslag.waakhond(100)
        _meld_lange_gc()
    uitslagen: dict[str, list[tuple[int, int]]] = {}
    gehouden: list[InzichtScherm] = []

    def meet(naam: str, actie: Callable[[], object], klaar: Callable[[], bool]) -> None:
        wacht_tot(lambda: context.taken.aantal_bezig == 0)
        rust(50)
        hartslag.begin()
        QTimer.singleShot(0, actie)
        rust(20)
        wacht_tot(lambda: klaar() and context.taken.aantal_bezig == 0)
        rust(RUST_MS)
        uitslagen.setdefault(naam, []).append(hartslag.eind())

    def open_scherm() -> None:
        scherm = InzichtScherm(context)
        scherm.resize(1366, 768)
        scherm.show()
        gehouden.append(scherm)

    for _ in range(runs):
        meet("referentie: niets doen", lambda: None, lambda: True)
    for _ in range(runs):
        for oud in gehouden:
            oud.close()
            oud.deleteLater()
        gehouden.clear()
        meet(
            "Inzicht openen",
            open_scherm,
            lambda: bool(gehouden) and gehouden[-1].inzicht is not None,
        )
    scherm = gehouden[-1]
    for _ in range(runs):
        vorige = scherm.inzicht

        def wissel() -> None:
            scherm.periode.setCurrentIndex((scherm.periode.currentIndex() + 1) % 4)

        meet("Inzicht: filter wijzigen", wissel, lambda v=vorige: scherm.inzicht is not v)
    for tab in range(scherm.tabs.count()):
        meet(f"Inzicht: tab {scherm.tabs.tabText(tab).replace('&', '')}",
             lambda t=tab: scherm.tabs.setCurrentIndex(t), lambda: True)  # fmt: skip
    for naam, waarden in uitslagen.items():
        ms = statistics.median(w for w, _ in waarden)
        cpu = statistics.median(c for _, c in waarden)
        print(
            f"{naam:32s} langste blokkade mediaan {ms:6.0f} ms  (GUI-CPU {cpu:5.0f} ms)", flush=True
        )
    app.quit()


if __name__ == "__main__":
    main(sys.argv[1:])
