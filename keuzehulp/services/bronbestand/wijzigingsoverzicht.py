"""The rows of the import overview's change tree, as plain tuples: group, line, field.

Here, not beside the tree's Qt model: `maak_groepen` runs in the import's worker thread, and
a worker must not import Qt or UI modules (PySide6's lazy class loading is not made for
threads; keuzehulp.ui.voorladen says more).
"""

from __future__ import annotations

from dataclasses import dataclass

from keuzehulp.services.bronbestand.importeren import (
    GEPARKEERD,
    GEWIJZIGD,
    NIEUW,
    ONGEWIJZIGD,
    TERUGGEZET,
    ImportResultaat,
    Wijziging,
)

SOORT_TITELS = {
    NIEUW: "Nieuw",
    GEWIJZIGD: "Gewijzigd",
    GEPARKEERD: "Geparkeerd",
    TERUGGEZET: "Teruggezet uit Parkeer",
    ONGEWIJZIGD: "Ongewijzigd",
}
OPEN_GROEP_TOT = 100  # a group with at most this many rows opens expanded (not Ongewijzigd)
OPEN_REGEL_TOT = 20  # changed instruments show their fields when the group is this small


@dataclass(frozen=True, slots=True)
class Regel:
    """One instrument or kenmerk: its line, and (label, was, wordt) per changed field."""

    tekst: str
    velden: tuple[tuple[str, str, str], ...]
    open: bool  # shown expanded


@dataclass(frozen=True, slots=True)
class Groep:
    titel: str  # "Nieuw (2)"
    regels: tuple[Regel, ...]
    open: bool


def _velden(w: Wijziging) -> tuple[tuple[str, str, str], ...]:
    return tuple((label, oud or "(leeg)", nieuw or "(leeg)") for label, oud, nieuw in w.velden)


def _waar(w: Wijziging) -> str:
    return f"  ({w.blad}, rij {w.rij})" if w.rij is not None else "  (niet in het bestand)"


def maak_groepen(resultaat: ImportResultaat) -> list[Groep]:
    """The tree's rows from a result; pure Python, so it runs in the worker (no Qt)."""
    groepen: list[Groep] = []
    per_soort: dict[str, list[Wijziging]] = {soort: [] for soort in SOORT_TITELS}
    for w in resultaat.instrumenten:
        per_soort.setdefault(w.soort, []).append(w)
    for soort, titel in SOORT_TITELS.items():
        lijst = per_soort[soort]
        open_regel = soort in (GEWIJZIGD, TERUGGEZET) and len(lijst) <= OPEN_REGEL_TOT
        regels = tuple(Regel(w.naam + _waar(w), _velden(w), open_regel) for w in lijst)
        open_groep = soort != ONGEWIJZIGD and len(lijst) <= OPEN_GROEP_TOT
        groepen.append(Groep(f"{titel} ({len(lijst)})", regels, open_groep))
    if resultaat.kenmerken:
        regels = tuple(
            Regel(f"{w.naam} ({w.soort})", _velden(w), False) for w in resultaat.kenmerken
        )
        groepen.append(Groep(f"Kenmerken ({len(resultaat.kenmerken)})", regels, True))
    return groepen
