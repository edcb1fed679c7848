"""The screens' modules are preloaded leaves first, one module per GUI-thread turn (issue 13)."""

from __future__ import annotations

import contextlib
import importlib
import json
import subprocess
import sys
import threading
from pathlib import Path

from keuzehulp.ui.voorladen import VOORLADEN, _imports, volgorde

WORTEL = Path(__file__).resolve().parent.parent


def test_the_order_lists_every_module_after_what_it_imports() -> None:
    orde = volgorde(VOORLADEN, set())
    assert len(orde) == len(set(orde))
    assert set(VOORLADEN) <= set(orde)
    plaats = {naam: i for i, naam in enumerate(orde)}
    for naam in orde:
        for kind in _imports(naam):
            if kind in plaats:
                assert plaats[kind] < plaats[naam], f"{kind} hoort vóór {naam}"
    # Packages come before their modules.
    assert plaats["keuzehulp.ui.beheer"] < plaats["keuzehulp.ui.beheer.beheer_tab"]
    assert "PySide6.QtCharts" in plaats  # a Qt module is its own turn


def test_already_loaded_modules_are_left_out() -> None:
    alles = volgorde(VOORLADEN, set())
    geladen = {"keuzehulp.services.omvang", "keuzehulp.ui.beheer.velden"}
    orde = volgorde(VOORLADEN, geladen)
    assert geladen.isdisjoint(orde)
    assert len(orde) < len(alles)


def test_each_turn_imports_only_its_own_module() -> None:
    """In a fresh interpreter that has the start window's modules, importing the order one by
    one adds exactly one module per step: no turn drags in a whole screen (a long freeze)."""
    code = """
import importlib, json, sys
import keuzehulp.ui.main_window
from keuzehulp.ui.voorladen import VOORLADEN, volgorde
extra = []
for naam in volgorde(VOORLADEN, set(sys.modules)):
    voor = set(sys.modules)
    importlib.import_module(naam)
    nieuw = {m for m in set(sys.modules) - voor if m.startswith(("keuzehulp", "PySide6"))}
    extra.extend(sorted(nieuw - {naam}))
print(json.dumps({"extra": extra, "alles": all(n in sys.modules for n in VOORLADEN)}))
"""
    uit = subprocess.run(
        [sys.executable, "-c", code],
        cwd=WORTEL,
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(WORTEL)},
    )
    antwoord = json.loads(uit.stdout.strip().splitlines()[-1])
    assert antwoord["alles"]
    assert antwoord["extra"] == []


def test_the_test_guard_notes_a_ui_import_on_a_worker_thread() -> None:
    """tests/conftest.py fails any test during which a worker imports Qt or UI modules."""
    from tests.conftest import _QT_IMPORT_WACHT

    def importeer() -> None:
        with contextlib.suppress(ImportError):
            importlib.import_module("keuzehulp.ui.bestaat_niet")

    draad = threading.Thread(target=importeer, name="proef")
    draad.start()
    draad.join()
    gevonden, _QT_IMPORT_WACHT.gevonden[:] = list(_QT_IMPORT_WACHT.gevonden), []
    assert gevonden == ["keuzehulp.ui.bestaat_niet (draad proef)"]
