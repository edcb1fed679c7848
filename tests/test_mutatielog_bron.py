"""Every source code of a unit of work (MutatieContext.bron) has one Dutch label, found by
reading every place in the code that makes a MutatieContext."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from keuzehulp.model.mutatielog import BRON_TEKSTEN, BRON_VOORVOEGSELS, bron_tekst

PAKKET = Path(__file__).resolve().parent.parent / "keuzehulp"


def _module(pad: Path) -> str:
    return ".".join(pad.relative_to(PAKKET.parent).with_suffix("").parts)


def _bron_argument(aanroep: ast.Call) -> ast.expr | None:
    for kw in aanroep.keywords:
        if kw.arg == "bron":
            return kw.value
    return aanroep.args[1] if len(aanroep.args) > 1 else None


def _codes_in_de_code() -> dict[str, str]:
    """code (or "prefix: " for an f-string) -> where it is made."""
    codes: dict[str, str] = {}
    for pad in sorted(PAKKET.rglob("*.py")):
        boom = ast.parse(pad.read_text(encoding="utf-8"))
        for knoop in ast.walk(boom):
            if not (
                isinstance(knoop, ast.Call) and getattr(knoop.func, "id", "") == "MutatieContext"
            ):
                continue
            arg = _bron_argument(knoop)
            plek = f"{_module(pad)}:{knoop.lineno}"
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                codes[arg.value] = plek
            elif isinstance(arg, ast.Name):  # a module constant: its value
                codes[getattr(importlib.import_module(_module(pad)), arg.id)] = plek
            elif isinstance(arg, ast.JoinedStr | ast.BoolOp):  # f"import: {pad.name}"
                for deel in ast.walk(arg):
                    if isinstance(deel, ast.JoinedStr):
                        begin = deel.values[0]
                        assert isinstance(begin, ast.Constant), plek
                        codes[str(begin.value)] = plek
            elif arg is not None and not (isinstance(arg, ast.Attribute) and arg.attr == "bron"):
                pytest.fail(f"{plek}: bron niet te lezen ({ast.dump(arg)[:60]})")
    return codes


def test_every_source_in_the_code_has_a_dutch_label() -> None:
    codes = _codes_in_de_code()
    assert {"editor", "gesprek", "terugblik", "import: "} <= set(codes)  # the scan works
    zonder = {
        code: plek
        for code, plek in codes.items()
        if code not in BRON_TEKSTEN and code.split(": ")[0] not in BRON_VOORVOEGSELS
    }
    assert zonder == {}


def test_labels() -> None:
    assert bron_tekst("editor") == "bewerking in Beheer"
    assert bron_tekst("import: bron.xlsx") == "import van bron.xlsx"
    assert bron_tekst("import: instrumenten.xlsx (voorbeeldcatalogus)") == (
        "import van instrumenten.xlsx (voorbeeldcatalogus)"
    )
    assert bron_tekst("leveranciersformulier: aanmelding.xlsx") == (
        "leveranciersformulier aanmelding.xlsx"
    )
    assert bron_tekst("instelling") == "instelling"
    assert bron_tekst("iets nieuws") == "iets nieuws"  # from a newer version: as stored
    assert "editor" not in " ".join(BRON_TEKSTEN.values())
