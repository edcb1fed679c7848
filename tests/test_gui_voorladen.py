"""The preload imports keuzehulp's Qt-free modules on a worker, and only those."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# In a fresh interpreter: in this test session the modules are long imported.
SCRIPT = """
import json, sys, threading
from keuzehulp.ui.voorladen import VOORLADEN, laad_zonder_qt_voor, volgorde

voor = set(sys.modules)
namen = volgorde(VOORLADEN, voor)
uit = {}
draad = threading.Thread(target=lambda: uit.update(terug=laad_zonder_qt_voor(namen)))
draad.start()
draad.join()
nieuw = sorted(set(sys.modules) - voor)
print(json.dumps({"namen": namen, "terug": uit["terug"], "nieuw": nieuw}))
"""


def test_the_worker_imports_the_services_and_model_modules_and_no_qt() -> None:
    uit = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", "PATH": ""},
        check=True,
        timeout=120,
    )
    gegevens = json.loads(uit.stdout.splitlines()[-1])
    namen, nieuw = gegevens["namen"], set(gegevens["nieuw"])
    assert gegevens["terug"] == namen, "the GUI thread gets the whole order back"
    zonder_qt = [n for n in namen if n.startswith(("keuzehulp.services.", "keuzehulp.model."))]
    assert "keuzehulp.services.leesbaarheid" in zonder_qt  # 85 expressions: the reason for this
    assert set(zonder_qt) <= nieuw, "every Qt-free module of the screens is imported"
    assert not {n for n in nieuw if n.startswith(("keuzehulp.ui", "PySide6"))}, nieuw
