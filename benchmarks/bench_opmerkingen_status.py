"""Opmerkingen: what one status change costs, at 15,000 remarks in the 10,000 catalogue.

Run: `python benchmarks/bench_opmerkingen_status.py [herhalingen]` (offscreen). The screen sits
in a real Beheer tab (which reloads it on `wijzigingen`), filter "alle statussen"; each round
selects the top remark and moves it between "besproken" and "nieuw". Per round, from the click
until the screen is done and 300 ms of quiet have passed: process CPU (all threads, ms), GUI
thread CPU (ms), and how many list loads reached the model (`modelReset`). Prints medians;
the load average is printed beside them (the machine is shared).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.bench_venster import (  # noqa: E402
    GEBRUIKER,
    OPMERKINGEN_TOTAAL,
    _vul_opmerkingen,
    kopie,
    rust,
    wacht_tot,
)
from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.ui.beheer.beheer_tab import BeheerTab  # noqa: E402
from keuzehulp.ui.context import AppContext  # noqa: E402


def main(herhalingen: int = 7) -> None:
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as map_:
        db = open_catalogus(kopie(10_000, Path(map_)), GEBRUIKER, ()).database
        _vul_opmerkingen(db, OPMERKINGEN_TOTAAL)
        context = AppContext(db, GEBRUIKER)
        tab = BeheerTab(context, beheerder=True)
        tab.resize(1366, 768)
        tab.show()
        view = tab.opmerkingen
        tab.toon(view)
        wacht_tot(lambda: view.geladen, 600_000)
        view.status.setCurrentIndex(0)  # alle statussen: all 15,000 remarks shown
        wacht_tot(lambda: view.geladen, 600_000)
        rust(300)
        ladingen: list[int] = []
        view.model.modelReset.connect(lambda: ladingen.append(1))
        cpu: list[float] = []
        gui: list[float] = []
        aantal: list[int] = []
        for ronde in range(herhalingen):
            view.tabel.selectRow(0)
            ladingen.clear()
            proces, draad = time.process_time(), time.thread_time()
            view.zet_status("besproken" if ronde % 2 == 0 else "nieuw")
            wacht_tot(lambda: view.geladen and context.taken.aantal_bezig == 0, 600_000)
            rust(300)  # a reload asked for by the commit's announcement still counts
            wacht_tot(lambda: view.geladen and context.taken.aantal_bezig == 0, 600_000)
            cpu.append((time.process_time() - proces) * 1000)
            gui.append((time.thread_time() - draad) * 1000)
            aantal.append(len(ladingen))
        print(
            f"opmerkingen: status wijzigen (15000, alle statussen)  proces-CPU "
            f"{statistics.median(cpu):.0f} ms  GUI-CPU {statistics.median(gui):.0f} ms  "
            f"ladingen {statistics.median(aantal):.0f}  (mediaan van {herhalingen}, "
            f"load {os.getloadavg()[0]:.1f})",
            flush=True,
        )
        tab.close()
        db.sluit()
    del app


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
