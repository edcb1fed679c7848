"""Benchmark: import (dry run, apply) and export of a 10,000-instrument bronbestand.

Compares with openpyxl alone reading the same file in read-only mode (the goal: import within
2x that). Run: .venv/bin/python benchmarks/bench_bronbestand.py [--aantal 10000] [--herhalen 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook

from keuzehulp.services.bronbestand.exporteren import exporteer
from keuzehulp.services.bronbestand.importeren import importeer
from keuzehulp.services.bronbestand.voorbeeld import voorbeeldcatalogus_pad
from keuzehulp.services.opstart import open_catalogus

GEBRUIKER = "bench"


def maak_bronbestand(pad: Path, aantal: int) -> None:
    """Copy the sample catalogue's (messy) rows until there are `aantal`, with unique names."""
    seed = voorbeeldcatalogus_pad()
    assert seed is not None
    bron = load_workbook(seed, read_only=True)
    rijen = [r for r in bron["Instrumenten"].iter_rows(min_row=3, values_only=True)]
    bron.close()
    kop, voorbeelden = rijen[0], [r for r in rijen[1:] if r and r[0]]
    boek = Workbook(write_only=True)
    blad = boek.create_sheet("Instrumenten")
    blad.append(["Bronbestand (benchmark)"])
    blad.append([])
    blad.append(list(kop))
    for i in range(aantal):
        rij = list(voorbeelden[i % len(voorbeelden)])
        rij[0] = f"{rij[0]} {i:05d}"
        blad.append(rij)
    boek.save(pad)


def openpyxl_lezen(pad: Path) -> int:
    boek = load_workbook(pad, read_only=True, data_only=True)
    try:
        return sum(1 for blad in boek.worksheets for _ in blad.iter_rows(values_only=True))
    finally:
        boek.close()


def meet(naam: str, herhalen: int, functie: Callable[[], object]) -> float:
    tijden = []
    for _ in range(herhalen):
        begin = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - begin)
    mediaan = statistics.median(tijden)
    print(f"{naam:<44} mediaan {mediaan:7.2f} s  ({', '.join(f'{t:.2f}' for t in tijden)})")
    return mediaan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aantal", type=int, default=10_000)
    parser.add_argument("--herhalen", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp)
        bestand = map_ / "bronbestand.xlsx"
        maak_bronbestand(bestand, args.aantal)
        print(f"{args.aantal} instrumenten, {bestand.stat().st_size / 1e6:.1f} MB")
        leeg = map_ / "leeg.sqlite"
        open_catalogus(f"sqlite:///{leeg}", GEBRUIKER, ()).database.sluit()

        def nieuwe_database(naam: str) -> str:
            pad = map_ / naam
            shutil.copyfile(leeg, pad)
            return f"sqlite:///{pad}"

        h = args.herhalen
        lezen = meet("openpyxl read_only, alle cellen", h, lambda: openpyxl_lezen(bestand))
        db = open_catalogus(nieuwe_database("proef.sqlite"), GEBRUIKER, ()).database
        proef = meet(
            "import proefdraaien (lege catalogus)",
            h,
            lambda: importeer(db, bestand, GEBRUIKER, proefdraaien=True),
        )
        teller = iter(range(1000))

        def toepassen() -> None:
            doel = open_catalogus(
                nieuwe_database(f"toepassen{next(teller)}.sqlite"), GEBRUIKER, ()
            ).database
            resultaat = importeer(doel, bestand, GEBRUIKER, proefdraaien=False)
            assert resultaat.toegepast and not resultaat.fouten, resultaat.fouten[:3]
            doel.sluit()

        toepas = meet("import toepassen (lege catalogus, alles nieuw)", h, toepassen)
        importeer(db, bestand, GEBRUIKER, proefdraaien=False)
        herhaal = meet(
            "import proefdraaien (gevulde catalogus)",
            h,
            lambda: importeer(db, bestand, GEBRUIKER, proefdraaien=True),
        )
        herhaal_toepas = meet(
            "import toepassen (gevulde catalogus, niets nieuw)",
            h,
            lambda: importeer(db, bestand, GEBRUIKER, proefdraaien=False),
        )
        export = meet("export", h, lambda: exporteer(db, map_ / "export.xlsx"))
        export_lezen = meet(
            "openpyxl read_only, export", h, lambda: openpyxl_lezen(map_ / "export.xlsx")
        )
        db.sluit()
        print()
        verhoudingen = (
            ("proefdraaien (lege catalogus)", proef / lezen),
            ("toepassen (lege catalogus, alles nieuw)", toepas / lezen),
            ("proefdraaien (gevulde catalogus)", herhaal / lezen),
            ("toepassen (gevulde catalogus)", herhaal_toepas / lezen),
        )
        for naam, verhouding in verhoudingen:
            print(f"verhouding import {naam} / openpyxl lezen: {verhouding:5.2f}x")
        print(f"verhouding export / openpyxl lezen van de export: {export / export_lezen:5.2f}x")


if __name__ == "__main__":
    main()
