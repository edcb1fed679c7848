"""How long the GUI thread is busy when Help > Handleiding opens (the rule: at most 100 ms).

.venv/bin/python benchmarks/bench_handleiding.py [--keer 7]

Reference in the same run: the plain way, QTextBrowser.setSource on the GUI thread (parse,
then lay out and decode the images when shown). Measured for the real window: the longest
single stretch the GUI thread spends in our code and Qt's event handling between opening and
the first paint of the loaded document (a QTimer ticking every 5 ms records the gaps).
Medians over --keer runs; the ratio is against the reference.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QElapsedTimer, QTimer, QUrl  # noqa: E402
from PySide6.QtGui import QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextBrowser  # noqa: E402

from keuzehulp.ui.app import maak_applicatie  # noqa: E402
from keuzehulp.ui.handleiding import HandleidingVenster  # noqa: E402
from keuzehulp.ui.hulp import handleiding_pad  # noqa: E402


def referentie(app: QApplication, pad: Path) -> float:
    """ms the GUI thread is blocked by setSource plus the first show, in one stretch."""
    begin = time.perf_counter()
    browser = QTextBrowser()
    browser.setSource(QUrl.fromLocalFile(str(pad)), QTextDocument.ResourceType.MarkdownResource)
    browser.resize(1000, 700)
    browser.show()
    app.processEvents()
    browser.repaint()
    duur = (time.perf_counter() - begin) * 1000
    browser.close()
    browser.deleteLater()
    app.processEvents()
    return duur


def venster(app: QApplication) -> tuple[float, float]:
    """(longest GUI-thread stretch in ms, ms until the document is shown) for the window."""
    gaten: list[float] = []
    klok = QElapsedTimer()
    tikker = QTimer()
    tikker.setInterval(5)
    vorige = [0.0]

    def tik() -> None:
        nu = klok.nsecsElapsed() / 1e6
        gaten.append(nu - vorige[0])
        vorige[0] = nu

    tikker.timeout.connect(tik)
    klok.start()
    tikker.start()
    begin = time.perf_counter()
    hulp = HandleidingVenster()
    hulp.resize(1366, 768)
    hulp.show()
    vorige[0] = klok.nsecsElapsed() / 1e6
    while not hulp.beelden_passen:
        app.processEvents()
        time.sleep(0.001)
    hulp.tekst.viewport().repaint()
    tik()
    klaar = (time.perf_counter() - begin) * 1000
    tikker.stop()
    hulp.close()
    hulp.deleteLater()
    app.processEvents()
    return max(gaten), klaar


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keer", type=int, default=7, help="runs; the median is reported")
    args = parser.parse_args()
    app = maak_applicatie(sys.argv[:1])
    pad = handleiding_pad()
    assert pad is not None, "docs/handleiding.md ontbreekt"
    referentie(app, pad)  # warm-up: fonts, plugins
    ref = [referentie(app, pad) for _ in range(args.keer)]
    metingen = [venster(app) for _ in range(args.keer)]
    blok = [m[0] for m in metingen]
    klaar = [m[1] for m in metingen]
    r, b, k = (statistics.median(x) for x in (ref, blok, klaar))
    print(f"referentie setSource+tonen (GUI-thread geblokkeerd): mediaan {r:.0f} ms")
    print(f"handleidingvenster, langste blokkade GUI-thread:   mediaan {b:.0f} ms")
    print(f"handleidingvenster, tot de tekst er staat:         mediaan {k:.0f} ms")
    print(f"verhouding blokkade venster / referentie: {b / r:.2f}")


if __name__ == "__main__":
    main()
