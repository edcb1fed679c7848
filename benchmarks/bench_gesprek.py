"""Time what the GUI thread does in the Gesprek panel and comparison (budget: 100 ms per action).

.venv/bin/python benchmarks/bench_gesprek.py [--keer 30]

The real main window at 1366x768 with five options on the shortlist and the comparison
shown (its row heights are recomputed on every change): one typed letter of a pro (the
comparison follows after a 300 ms pause; timed separately), one wish
changed, the "Alleen verschillen" toggle, a choice, and adding a fifth option. Each action is
timed including the event processing it causes; the medians and the slowest are printed.
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication  # noqa: E402

from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.services.wensen import Wens, WensKeuze  # noqa: E402
from keuzehulp.ui.app import maak_applicatie, maak_hoofdvenster  # noqa: E402
from tests.gui_gesprek_hulp import maak_instrumenten_met_feiten  # noqa: E402


def meet(app: QApplication, actie: Callable[[int], object], keer: int) -> list[float]:
    """Milliseconds per call of actie(i), each followed by the events it posted."""
    tijden = []
    for i in range(keer):
        begin = time.perf_counter()
        actie(i)
        app.processEvents()
        tijden.append((time.perf_counter() - begin) * 1000)
    return tijden


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keer", type=int, default=30, help="repetitions per action")
    args = parser.parse_args()
    app = maak_applicatie(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        opstart = open_catalogus(f"sqlite:///{tmp}/k.sqlite", "coach", ())
        ids = maak_instrumenten_met_feiten(opstart.database)
        venster = maak_hoofdvenster(opstart)
        venster.resize(1366, 768)
        venster.show()
        paneel = venster.gesprek.paneel
        vergelijk = venster.gesprek.vergelijk
        paneel.wensen.zet_wensen((WensKeuze(wens=Wens.DICHTBIJ, gemeente="Tiel"),))
        for i in ids[:4]:
            paneel.voeg_toe(i)
        venster.tabs.setCurrentWidget(vergelijk)
        venster.gesprek.dock.show()  # both visible: the worst case, every change is drawn
        app.processEvents()
        paneel.lijst.lijst.setCurrentIndex(paneel.korte_lijst.index(0))

        def typ(i: int) -> None:
            paneel.lijst.goed.insertPlainText("ab"[i % 2])

        def typ_en_werk_bij(i: int) -> None:
            typ(i)
            paneel.vergelijking_bijwerken()  # what the 300 ms pause timer then does

        def wens(i: int) -> None:
            paneel.wensen.zet_gewicht(Wens.KORT, i % 3)

        def wissel(i: int) -> None:
            vergelijk.alleen_verschillen.setChecked(i % 2 == 0)

        def kies(i: int) -> None:
            paneel.kies(ids[i % 4])

        def voeg_toe(_i: int) -> None:
            paneel.voeg_toe(ids[4])
            paneel.korte_lijst.verwijder(4)

        print(f"{'actie':28} {'mediaan':>8} {'traagste':>9}  (ms, {args.keer} keer)")
        for naam, actie in (
            ("letter in 'goed'", typ),
            ("letter + vergelijking bij", typ_en_werk_bij),
            ("wens veranderd", wens),
            ("alleen verschillen", wissel),
            ("optie gekozen", kies),
            ("vijfde optie erbij en af", voeg_toe),
        ):
            tijden = meet(app, actie, args.keer)
            print(f"{naam:28} {statistics.median(tijden):8.1f} {max(tijden):9.1f}")
        venster.close()
        opstart.database.sluit()


if __name__ == "__main__":
    main()
