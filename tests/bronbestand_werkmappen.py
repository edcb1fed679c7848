"""Helpers for the bronbestand tests: messy workbooks built in code, and database dumps."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from keuzehulp.model.base import Base
from keuzehulp.model.db import Database

STANDAARD_KOP = ("Naam", "Fenger", "Afgeleide kenmerken")


def maak_werkmap(
    pad: Path,
    rijen: Sequence[Sequence[Any]],
    kop: Sequence[str] = STANDAARD_KOP,
    *,
    titelrijen: Sequence[Sequence[Any]] = (),
    parkeer: Sequence[Sequence[Any]] | None = None,
    parkeer_kop: Sequence[str] | None = None,
    kenmerken: Sequence[Sequence[Any]] | None = None,
    kenmerken_kop: Sequence[str] = ("Code", "Naam", "Uitleg", "Uitleg voor cliënt"),
    bladnaam: str = "Instrumenten",
    verborgen: Sequence[str] = (),
    extra_bladen: Sequence[str] = (),
    samenvoegen: str | None = None,
) -> Path:
    """A workbook with title rows, a header and rows; optional Parkeer and Kenmerken sheets."""
    boek = Workbook()
    eerste = boek.active
    assert eerste is not None
    for naam in extra_bladen:
        boek.create_sheet(naam)["A1"] = "Lees dit eerst"
    blad = eerste
    blad.title = bladnaam
    for titel in titelrijen:
        blad.append(list(titel))
    blad.append(list(kop))
    for rij in rijen:
        blad.append(list(rij))
    if samenvoegen:
        blad.merge_cells(samenvoegen)
    for letter in verborgen:
        blad.column_dimensions[letter].hidden = True
    if parkeer is not None:
        p = boek.create_sheet("Parkeer")
        p.append(list(parkeer_kop or kop))
        for rij in parkeer:
            p.append(list(rij))
    if kenmerken is not None:
        k = boek.create_sheet("Kenmerken")
        k.append(list(kenmerken_kop))
        for rij in kenmerken:
            k.append(list(rij))
    boek.save(pad)
    return pad


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove that nothing changed."""
    uit: dict[str, list[tuple[Any, ...]]] = {}
    with db.lezen() as session:
        for tabel in Base.metadata.sorted_tables:
            volgorde = list(tabel.primary_key.columns) or list(tabel.columns)
            uit[tabel.name] = [
                tuple(r) for r in session.execute(select(tabel).order_by(*volgorde)).all()
            ]
    return uit


def cellen(pad: Path) -> dict[str, list[tuple[Any, ...]]]:
    """All cell values of all sheets, for cell-by-cell comparison."""
    boek = load_workbook(pad, read_only=True)
    try:
        return {
            naam: [tuple(r) for r in boek[naam].iter_rows(values_only=True)]
            for naam in boek.sheetnames
        }
    finally:
        boek.close()
