"""The screenshot scripts start Qt the way the real entry point does (Dutch Qt texts)."""

from __future__ import annotations

import ast
from pathlib import Path

SCRIPTS = sorted((Path(__file__).resolve().parent.parent / "docs").glob("maak_*.py"))


def _aanroepen(pad: Path) -> list[str]:
    namen = []
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Call):
            f = knoop.func
            namen.append(f.id if isinstance(f, ast.Name) else getattr(f, "attr", ""))
    return namen


def test_every_screenshot_script_uses_the_apps_own_setup() -> None:
    assert len(SCRIPTS) >= 8
    for pad in SCRIPTS:
        aanroepen = _aanroepen(pad)
        assert "maak_applicatie" in aanroepen, pad.name  # installs the Dutch Qt translation
        assert "QApplication" not in aanroepen, pad.name  # no Qt start of its own
