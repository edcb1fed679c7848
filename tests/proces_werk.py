"""Module-level work for tests/test_proces.py: a spawned worker process imports it by name."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from keuzehulp.model.errors import KeuzehulpError

Melder = Callable[[int, str], None]


class FoutMetExtra(KeuzehulpError):
    """A domain error whose constructor takes more than the message (does not unpickle)."""

    def __init__(self, melding: str, veld: str) -> None:
        super().__init__(melding)
        self.veld = veld


def pid(voortgang: Melder, antwoord: int) -> tuple[int, int]:
    """The worker's process id and the given number; one progress report on the way."""
    voortgang(50, "halverwege")
    voortgang(50, "halverwege")  # the same report again: sent once
    return os.getpid(), antwoord


def eindeloos(voortgang: Melder, spoor: Path) -> None:
    """Reports progress until stopped; writes how far it got to `spoor`."""
    for stap in range(100_000):
        voortgang(stap % 100, f"stap {stap}")
        spoor.write_text(str(stap), encoding="utf-8")
        time.sleep(0.01)


def domeinfout(_voortgang: Melder) -> None:
    raise KeuzehulpError("De map /nergens bestaat niet.")


def domeinfout_met_extra(_voortgang: Melder) -> None:
    raise FoutMetExtra("Kolom ‘Naam’ ontbreekt.", "Naam")


def programmafout(_voortgang: Melder) -> None:
    raise ValueError("invalid literal for int() with base 10")


def sterft(_voortgang: Melder) -> None:
    os._exit(3)  # the process dies without an answer (as when it is killed)


def schrijft_eindeloos(voortgang: Melder, pad: Path) -> None:
    """Writes `pad` through atomair_pad and reports progress until ended from outside."""
    from keuzehulp.model.bestanden import atomair_pad

    with atomair_pad(pad) as tijdelijk, tijdelijk.open("w", encoding="utf-8") as f:
        for stap in range(100_000):
            f.write(f"regel {stap}\n")
            voortgang(stap % 100, "schrijven")
            time.sleep(0.01)


def groeit(_voortgang: Melder, megabytes: int) -> int:
    """Holds `megabytes` of memory for a moment (the peak size grows); the process id."""
    blok = b"x" * (megabytes * 2**20)
    assert len(blok) == megabytes * 2**20
    return os.getpid()


def stil_na_begin(voortgang: Melder, pad: Path, teken: Path) -> int:
    """Writes `pad` (atomair_pad), reports once, then works without reports (as openpyxl
    saving a big file) until `teken` exists, and reports "Klaar" before the rename."""
    from keuzehulp.model.bestanden import atomair_pad

    with atomair_pad(pad) as tijdelijk:
        tijdelijk.write_text("half", encoding="utf-8")
        voortgang(10, "begin")
        for _ in range(6000):
            if teken.exists():
                break
            time.sleep(0.01)
        time.sleep(0.5)  # the stop request is on its way
        voortgang(100, "Klaar")
    return 1


def stil_voor_altijd(voortgang: Melder, pad: Path) -> None:
    """Writes `pad` (atomair_pad), reports once, then never again (a save that takes long)."""
    from keuzehulp.model.bestanden import atomair_pad

    with atomair_pad(pad) as tijdelijk:
        tijdelijk.write_text("half", encoding="utf-8")
        voortgang(10, "begin")
        while True:
            time.sleep(0.05)


def ruim_op(_voortgang: Melder) -> int:
    """A full garbage collection in the worker (what it would meet later anyway), and the
    worker's process id: what an earlier, stopped task left behind is finalised now."""
    import gc

    gc.collect()
    return os.getpid()
