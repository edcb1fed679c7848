"""Benchmark: import (dry run, apply) and export of a 10,000-instrument bronbestand.

Imports are compared with openpyxl alone reading the same file in read-only mode (goal for
applying: at most 1.6x), the export with openpyxl alone writing the same cells in write-only
mode, plain values (goal: at most 2.5x); issue 12, item 13. By CPU time, each run paired with
its reference run just before it; the ratio is the median of the pairs.
With `--bron generator` the file is instead the export of a catalogue made by
tests/catalogusgenerator.py (issue 13, item 5: the round trip of the window benchmark's
catalogues), imported again as a dry run into the same catalogue and into an empty one.
Run: .venv/bin/python benchmarks/bench_bronbestand.py [--aantal 10000] [--herhalen 3]
     [--alleen toepassen,export] [--bron voorbeeld|generator]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook

from keuzehulp.model.db import Database
from keuzehulp.services.bronbestand.exporteren import exporteer, lees_export
from keuzehulp.services.bronbestand.importeren import importeer
from keuzehulp.services.bronbestand.kolommen import KOLOMMEN
from keuzehulp.services.bronbestand.schrijver import celwaarden
from keuzehulp.services.bronbestand.voorbeeld import voorbeeldcatalogus_pad
from keuzehulp.services.opstart import open_catalogus

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.catalogusgenerator

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


def openpyxl_schrijven(pad: Path, rijen: list[list[object]]) -> None:
    """The export's reference: the same cells, plain values, one write-only sheet."""
    boek = Workbook(write_only=True)
    blad = boek.create_sheet("Instrumenten")
    for rij in rijen:
        blad.append(rij)
    boek.save(pad)


def exportcellen(db: Database) -> list[list[object]]:
    """Header and rows exactly as the export writes them (values only)."""
    instrumenten, basis, _ = lees_export(db)
    rijen: list[list[object]] = [[k.kop for k in KOLOMMEN]]
    for instrument in instrumenten:
        waarden = celwaarden(instrument, basis)
        rijen.append([waarden[k.veld] for k in KOLOMMEN])
    return rijen


def _klok(functie: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) for one call."""
    muur, cpu = time.perf_counter(), time.process_time()
    functie()
    return time.perf_counter() - muur, time.process_time() - cpu


def meet_paar(
    naam: str, herhalen: int, functie: Callable[[], object], referentie: Callable[[], object]
) -> tuple[float, float, float]:
    """Medians of (wall s, CPU s, CPU ratio to the `referentie` run just before).

    The work is single-threaded and CPU-bound, so CPU time is the fair figure on a machine
    that other jobs keep busy; wall time is printed too.
    """
    muren, cpus, verhoudingen = [], [], []
    for _ in range(herhalen):
        _, basis = _klok(referentie)
        muur, cpu = _klok(functie)
        muren.append(muur)
        cpus.append(cpu)
        verhoudingen.append(cpu / basis)
    uitslag = (
        statistics.median(muren),
        statistics.median(cpus),
        statistics.median(verhoudingen),
    )
    print(
        f"{naam:<52} {uitslag[0]:7.2f}s wand {uitslag[1]:7.2f}s cpu  {uitslag[2]:5.2f}x referentie",
        flush=True,
    )
    return uitslag


def rondgang(aantal: int, herhalen: int) -> None:
    """A generated catalogue exported, then imported again as a dry run (nothing changes)."""
    from tests.catalogusgenerator import vul_catalogus, willekeurige_gegevens

    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp)
        db = open_catalogus(f"sqlite:///{map_ / 'gegenereerd.sqlite'}", GEBRUIKER, ()).database
        rng = random.Random(aantal)  # as benchmarks/bench_venster.py makes it
        for begin in range(0, aantal, 5000):
            vul_catalogus(db, willekeurige_gegevens(rng, min(5000, aantal - begin), begin))
        bestand = map_ / "export.xlsx"
        exporteer(db, bestand)
        print(f"{aantal} gegenereerde instrumenten, {bestand.stat().st_size / 1e6:.1f} MB")
        leeg = open_catalogus(f"sqlite:///{map_ / 'leeg.sqlite'}", GEBRUIKER, ()).database

        def proef(doel: Database) -> None:
            resultaat = importeer(doel, bestand, GEBRUIKER, proefdraaien=True)
            assert not resultaat.fouten, resultaat.fouten[:3]
            if doel is db:  # the round trip: an unchanged export changes nothing
                assert all(w.soort == "ongewijzigd" for w in resultaat.instrumenten)

        for naam, doel in (
            ("import proefdraaien van de eigen export", db),
            ("import proefdraaien in een lege catalogus", leeg),
        ):
            meet_paar(naam, herhalen, lambda d=doel: proef(d), lambda: openpyxl_lezen(bestand))
        db.sluit()
        leeg.sluit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aantal", type=int, default=10_000)
    parser.add_argument("--herhalen", type=int, default=3)
    parser.add_argument(
        "--alleen", default="", help="komma-lijst van: proef, toepassen, gevuld, export"
    )
    parser.add_argument("--bron", choices=("voorbeeld", "generator"), default="voorbeeld")
    args = parser.parse_args()
    if args.bron == "generator":
        rondgang(args.aantal, args.herhalen)
        return
    alleen = set(filter(None, args.alleen.split(",")))

    def doe(soort: str) -> bool:
        return not alleen or soort in alleen

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
        db = open_catalogus(nieuwe_database("proef.sqlite"), GEBRUIKER, ()).database
        teller = iter(range(1000))

        def toepassen() -> None:
            doel = open_catalogus(
                nieuwe_database(f"toepassen{next(teller)}.sqlite"), GEBRUIKER, ()
            ).database
            resultaat = importeer(doel, bestand, GEBRUIKER, proefdraaien=False)
            assert resultaat.toegepast and not resultaat.fouten, resultaat.fouten[:3]
            doel.sluit()

        def lezen(pad: Path) -> Callable[[], object]:
            return lambda: openpyxl_lezen(pad)

        # Each measurement is paired with its reference right before it, so that a busy
        # machine slows both alike; the ratio is the median of the pairs.
        metingen: list[tuple[str, str, Callable[[], object], Callable[[], object]]] = [
            (
                "proef",
                "import proefdraaien (lege catalogus)",
                lambda: importeer(db, bestand, GEBRUIKER, proefdraaien=True),
                lezen(bestand),
            ),
            (
                "toepassen",
                "import toepassen (lege catalogus, alles nieuw)",
                toepassen,
                lezen(bestand),
            ),
        ]
        resultaten: list[tuple[str, float, float, float, str]] = []
        for soort, naam, functie, referentie in metingen:
            if doe(soort):
                resultaten.append((naam, *meet_paar(naam, h, functie, referentie), "lezen"))
        importeer(db, bestand, GEBRUIKER, proefdraaien=False)
        exportbestand = map_ / "export.xlsx"
        exporteer(db, exportbestand)
        cellen = exportcellen(db)
        referentiebestand = map_ / "referentie.xlsx"
        for soort, naam, functie, referentie, wat in (
            (
                "gevuld",
                "import proefdraaien (gevulde catalogus)",
                lambda: importeer(db, bestand, GEBRUIKER, proefdraaien=True),
                lezen(bestand),
                "lezen",
            ),
            (
                "gevuld",
                "import toepassen (gevulde catalogus, niets nieuw)",
                lambda: importeer(db, bestand, GEBRUIKER, proefdraaien=False),
                lezen(bestand),
                "lezen",
            ),
            (
                "gevuld",
                "import van de eigen export (niets nieuw)",
                lambda: importeer(db, exportbestand, GEBRUIKER, proefdraaien=False),
                lezen(exportbestand),
                "lezen",
            ),
            (
                "export",
                "export",
                lambda: exporteer(db, exportbestand),
                lambda: openpyxl_schrijven(referentiebestand, cellen),
                "schrijven",
            ),
        ):
            if doe(soort):
                resultaten.append((naam, *meet_paar(naam, h, functie, referentie), wat))
        db.sluit()
        print()
        print(
            "medianen; verhouding = cpu-tijd / cpu-tijd van de referentie: openpyxl read_only "
            "op hetzelfde bestand (lezen) of openpyxl write_only met dezelfde cellen (schrijven)"
        )
        print(f"{'meting':<52} {'wand':>8} {'cpu':>8} {'referentie':>11} {'verhouding':>10}")
        for naam, muur, cpu, verhouding, wat in resultaten:
            print(
                f"{naam:<52} {muur:7.2f}s {cpu:7.2f}s {cpu / verhouding:7.2f}s {wat:<9} "
                f"{verhouding:5.2f}x"
            )


if __name__ == "__main__":
    main()
