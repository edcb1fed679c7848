"""Make the pictures of chapter 8 (Voor de applicatiebeheerder), offscreen.

.venv/bin/python docs/maak_beheerder_afbeeldingen.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402, TID251

from keuzehulp.model.netwerkschijf import waarschuwing  # noqa: E402
from keuzehulp.ui.app import installeer_nederlands, maak_applicatie  # noqa: E402
from keuzehulp.ui.verbinding_dialoog import VerbindingDialoog  # noqa: E402

UIT = REPO / "docs" / "afbeeldingen"


def main() -> None:
    app = maak_applicatie(sys.argv[:1])  # Qt's Dutch texts, as the real start
    assert isinstance(app, QApplication)
    installeer_nederlands(app)
    with tempfile.TemporaryDirectory() as tmp:
        # The setting goes to a throwaway configuration folder, not the real one.
        os.environ["XDG_CONFIG_HOME"] = tmp
        dialoog = VerbindingDialoog("/home/anna/.local/share/keuzehulp/keuzehulp.sqlite")
        dialoog.adres.setText("postgresql+psycopg://anna:welkom01@db.werkzaak.local/keuzehulp")
        dialoog.show()
        dialoog.knop_bewaren.click()
        app.processEvents()
        dialoog.grab().save(str(UIT / "verbinding-wachtwoord-geweigerd.png"))
        dialoog.adres.setText(
            "postgresql+psycopg://anna@db.werkzaak.local/keuzehulp?sslmode=verify-full"
        )
        dialoog.knop_bewaren.click()
        app.processEvents()
        dialoog.grab().save(str(UIT / "verbinding-bewaard.png"))
    doos = QMessageBox(
        QMessageBox.Icon.Warning,
        "Keuzehulp: let op",
        waarschuwing(Path("/mnt/team/keuzehulp.sqlite"), "cifs"),
    )
    doos.show()
    app.processEvents()
    doos.grab().save(str(UIT / "netwerkschijf-waarschuwing.png"))


if __name__ == "__main__":
    main()
