"""The Inzicht screen's figures ready to show, computed off the GUI: in a process of its own.

Issue 13: while the screen's figures were computed in a worker *thread*, its five query
threads (vooruit.py) turned rows into Python objects and the window waited for the
interpreter's lock: opening Inzicht stalled it for 300 ms at 10,000 instruments.
`InzichtDienst.scherm_werk` runs `bereken_in_proces` in a worker process
(services/proces.py): the window's process only waits on a pipe and unpickles the answer.

Everything here is free of Qt, so a worker process never loads PySide6: what a table needs
per row (`bereid_voor`: largest value, longest text per column, headers on two lines) and
months as a Dutch reader writes them (`maand_nl`: "jan 2026"), the one month form of the
screen, the xlsx and the PDF.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from keuzehulp.model.db import Database
from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.services.geheugen import zonder_opruimen
from keuzehulp.services.inzicht.filter import InzichtFilter
from keuzehulp.services.inzicht.onderdrukking import Cel
from keuzehulp.services.inzicht.overzicht import Inzicht, Tabel, bereken_inzicht
from keuzehulp.services.voorbeeldgesprekken import GesprekkenStand, gesprekken_stand

MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_MAAND = re.compile(r"^(\d{4})-(\d{2})$")
# Tables whose first column is a month (overzicht.py).
MET_MAAND = ("kosten", "gebruik_periode")


def maand_nl(tekst: str) -> str | None:
    """ "2025-12" → "dec 2025", the one form a person reads a month in (tables, charts,
    PDF, command line); None for anything else."""
    m = _MAAND.match(tekst)
    if not m or not 1 <= int(m[2]) <= 12:
        return None
    return f"{MAANDEN[int(m[2]) - 1]} {m[1]}"


def om_de_zoveel(labels: Sequence[str], stap: int) -> list[str]:
    """Every `stap`-th label, counted back from the last (the newest month keeps its name);
    the others "" (axis labels that would collide; the year is never shortened instead).
    `stap` below 2 keeps all of them."""
    n = len(labels)
    return [t if stap < 2 or (n - 1 - i) % stap == 0 else "" for i, t in enumerate(labels)]


def met_maandnamen(tabel: Tabel) -> Tabel:
    """The table with its month cells written in Dutch ("jan 2026"); each keeps a number
    (months since year 0) so that a sorted column stays in time order, not alphabetical.
    Other tables come back as they are."""
    rijen = []
    for rij in tabel.rijen:
        eerste = rij[0]
        naam = maand_nl(eerste.tekst)
        if naam is not None:
            jaar, maand = int(eerste.tekst[:4]), int(eerste.tekst[5:])
            eerste = replace(eerste, tekst=naam, waarde=float(jaar * 12 + maand - 1))
        rijen.append((eerste, *rij[1:]))
    return replace(tabel, rijen=rijen)


@dataclass(frozen=True, slots=True)
class TabelInhoud:
    """A Tabel ready to show: its rows as a sequence and the largest number in them (for
    the heat map). Made by `bereid_voor`, in the worker."""

    tabel: Tabel
    rijen: tuple[tuple[Cel, ...], ...]
    grootste: float
    langste: tuple[str, ...] = ()  # per column the longest text, header line included
    verborgen: bool = False  # some cell is hidden (then the table explains ‘verborgen’)
    koppen: tuple[str, ...] = ()  # headers as shown: a long one on two lines


KORTE_KOP = 12  # characters: a shorter header stays on one line


def twee_regels(kop: str, breedste: int) -> str:
    """A header longer than its column's widest cell (`breedste` characters) on two lines,
    split at the space nearest the middle, so the column need not be wider than its figures:
    'Met terugblik' over 'verborgen' becomes 'Met\nterugblik'. Others stay as they are."""
    if " " not in kop or len(kop) < KORTE_KOP or len(kop) <= breedste + 2:
        return kop  # short ('Met keuze') or about as wide as the figures
    midden = len(kop) / 2
    plek = min((i for i, t in enumerate(kop) if t == " "), key=lambda i: abs(i - midden))
    return kop[:plek] + "\n" + kop[plek + 1 :]


def bereid_voor(tabel: Tabel) -> TabelInhoud:
    """What `InzichtTabelModel.zet_tabel` and the column widths need, computed off the GUI
    thread (O(cells)): the GUI thread then measures one text per column, not every row."""
    rijen = tuple(tabel.rijen)
    grootste = max((c.waarde for r in rijen for c in r[1:] if c.waarde is not None), default=0.0)
    cellen = [
        max((r[k].tekst for r in rijen if k < len(r)), key=len, default="")
        for k in range(len(tabel.kolommen))
    ]
    koppen = tuple(
        kop if k == 0 else twee_regels(kop, len(cellen[k])) for k, kop in enumerate(tabel.kolommen)
    )
    langste = tuple(
        max((*kop.split("\n"), cel), key=len) for kop, cel in zip(koppen, cellen, strict=True)
    )
    verborgen = any(c.is_onderdrukt for r in rijen for c in r)
    return TabelInhoud(tabel, rijen, float(grootste), langste, verborgen, koppen)


@dataclass(frozen=True, slots=True)
class Voorbereid:
    """The figures of one filter, every table's prepared contents (by key, months in
    Dutch), and how many real and fictional gesprekken there are (None when unknown)."""

    inzicht: Inzicht
    inhoud: dict[str, TabelInhoud]
    stand: GesprekkenStand | None = None


def bereken_voorbereid(db: Database, filter_: InzichtFilter) -> Voorbereid:
    """All figures (`bereken_inzicht`) plus the per-row work of the tables, without a
    garbage collection in between (services/geheugen.py). Raises KeuzehulpError (Dutch) as
    `bereken_inzicht` does; a failing count of gesprekken only leaves `stand` None."""
    with zonder_opruimen():
        inzicht = bereken_inzicht(db, filter_)
        inhoud = {
            k: bereid_voor(met_maandnamen(t) if k in MET_MAAND else t)
            for k, t in inzicht.tabellen.items()
        }
        try:
            stand: GesprekkenStand | None = gesprekken_stand(db)
        except KeuzehulpError:  # the notice is extra: without it the figures still show
            stand = None
        return Voorbereid(inzicht, inhoud, stand)


def bereken_in_proces(_melder: Any, database: Any, filter_: InzichtFilter) -> Voorbereid:
    """`bereken_voorbereid` as work for `proces.ProcesWerk` (`InzichtDienst.scherm_werk`):
    `database` is a URL (in a worker process) or an open Database (in-memory SQLite, run in
    the calling thread). No progress is reported: the work takes about a second at most."""
    from keuzehulp.services.proces import open_database

    with open_database(database) as db:
        return bereken_voorbereid(db, filter_)
