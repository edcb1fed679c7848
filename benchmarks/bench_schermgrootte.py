"""Measure the main window's minimum size per tab on the sample catalogue; grab each tab to PNG.

.venv/bin/python benchmarks/bench_schermgrootte.py [--font 1.5] [--scherm 1280x720] [--uit MAP]
QT_SCALE_FACTOR=1.5 (150% on 1920x1080) leaves the minimum in logical pixels as it is:
compare it with 1280x720 (--scherm 1280x720); larger text is --font 1.25 or 1.5.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.ui.app import maak_applicatie, maak_hoofdvenster  # noqa: E402


def grootste_minimum(wortel: QWidget, aantal: int = 8) -> list[tuple[int, int, str]]:
    """The visible widgets with the widest minimum size hints: where the width comes from."""
    rijen = []
    for kind in wortel.findChildren(QWidget):
        if not kind.isVisibleTo(wortel):
            continue
        hint = kind.minimumSizeHint()
        breedte = max(hint.width(), kind.minimumWidth())
        naam = kind.objectName() or kind.accessibleName() or ""
        rijen.append(
            (breedte, max(hint.height(), kind.minimumHeight()), f"{type(kind).__name__} {naam}")
        )
    return sorted(rijen, reverse=True)[:aantal]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--font", type=float, default=1.0, help="factor on the font size")
    parser.add_argument("--uit", type=Path, default=None, help="folder for the PNGs")
    parser.add_argument("--detail", action="store_true", help="list the widest widgets")
    parser.add_argument("--scherm", default="1366x768", help="window size, e.g. 1280x720")
    args = parser.parse_args()
    app: QApplication = maak_applicatie(sys.argv[:1])
    if args.font != 1.0:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * args.font)
        QApplication.setFont(font)
    with tempfile.TemporaryDirectory() as tmp:
        opstart = open_catalogus(f"sqlite:///{tmp}/k.sqlite", "coach")
        venster = maak_hoofdvenster(opstart)
        breedte, hoogte = (int(x) for x in args.scherm.split("x"))
        venster.resize(breedte, hoogte)
        venster.show()
        app.processEvents()
        print(f"font {app.font().pointSizeF():.1f} pt (factor {args.font})")
        for index in range(venster.tabs.count()):
            venster.tabs.setCurrentIndex(index)
            app.processEvents()
            naam = venster.tabs.tabText(index).replace("&", "")
            hint = venster.minimumSizeHint()
            dock = venster.gesprek.dock
            print(
                f"{naam:12} minimumSizeHint {hint.width()}x{hint.height()}"
                f"  size {venster.width()}x{venster.height()}"
                f"  dock {'zichtbaar' if dock.isVisible() else 'verborgen'} {dock.width()}"
            )
            if args.detail:
                for breedte, hoogte, wat in grootste_minimum(venster):
                    print(f"    {breedte:5} x {hoogte:4}  {wat}")
            if args.uit is not None:
                args.uit.mkdir(parents=True, exist_ok=True)
                venster.grab().save(str(args.uit / f"tab-{index}-{naam.lower()}.png"))
        venster.close()
        opstart.database.sluit()


if __name__ == "__main__":
    main()
