"""Benchmark: peak memory and time of reading a bronbestand (issue 12, item 9).

Each read runs in a fresh child process that imports the same modules, and reports its peak
resident memory (VmHWM) and CPU time (fair on a machine that other jobs keep busy). Our
read (`lees_werkmap`) is compared with a plain openpyxl read-only pass over the same sheet in
the same run (goal: at most 4x its peak):

- `gewoon`:   a 10,000-instrument bronbestand;
- `xfd`:      the same with a styled empty cell in column XFD of every row (openpyxl makes
              every row 16,384 values wide);
- `claim`:    a small workbook whose last row claims number 400,000,000 (openpyxl yields
              every missing row: minutes); must be read or refused in seconds;
- `bom`:      a zip bomb (a sheet of 512 MiB of spaces, packed to well under 1 MB); must be
              refused, not read into gigabytes.

Run: .venv/bin/python benchmarks/bench_bronbestand_geheugen.py [--aantal 10000] [--herhalen 3]

Measured 2026-11-30 (2 cores shared with other jobs; medians of 3):
gewoon 84 vs 58 MiB (1.45x), CPU 11.0 vs 10.2 s; xfd 84 vs 58 MiB (1.44x), CPU 11.7 vs
13.3 s; claim read in 0.0 s (openpyxl stopped after 120 s); bom refused in 0.0 s.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

GRENS_SECONDEN = 1800  # a run that takes longer is stopped and reported as such
GRENS_CLAIM = 120  # the plain pass over the 400,000,000-row claim: stopped after this


def maak_bronbestand(pad: Path, aantal: int) -> None:
    """Copy the sample catalogue's rows until there are `aantal`, with unique names."""
    from openpyxl import Workbook, load_workbook

    from keuzehulp.services.bronbestand.voorbeeld import voorbeeldcatalogus_pad

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


def _herschrijf_blad(bron: Path, doel: Path, wijzig: object) -> None:
    with zipfile.ZipFile(bron) as a, zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            inhoud = a.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                inhoud = wijzig(inhoud.decode()).encode()  # type: ignore[operator]
            b.writestr(info.filename, inhoud)


def maak_xfd(bron: Path, doel: Path) -> None:
    """`bron` with a styled empty cell in column XFD of every row."""

    def wijzig(xml: str) -> str:
        return re.sub(
            r'(<row r="(\d+)"[^>]*>)(.*?)</row>',
            lambda m: f'{m.group(1)}{m.group(3)}<c r="XFD{m.group(2)}" s="0"/></row>',
            xml,
            flags=re.DOTALL,
        )

    _herschrijf_blad(bron, doel, wijzig)


def maak_claim(doel: Path, map_: Path) -> None:
    """A small bronbestand whose last row is numbered 400,000,000."""
    klein = map_ / "klein.xlsx"
    maak_bronbestand(klein, 20)
    _herschrijf_blad(
        klein,
        doel,
        lambda xml: xml.replace(
            "</sheetData>",
            '<row r="400000000"><c r="A400000000" s="0"/></row></sheetData>',
        ),
    )


def maak_bom(doel: Path, map_: Path) -> None:
    """A workbook whose sheet is 512 MiB of spaces: a few hundred KB packed."""
    klein = map_ / "klein.xlsx"
    maak_bronbestand(klein, 20)
    with zipfile.ZipFile(klein) as a, zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                b.writestr(info.filename, a.read(info.filename))
        with b.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as uit:
            blok = b" " * (1024 * 1024)
            for _ in range(512):
                uit.write(blok)


# --- child side ------------------------------------------------------------------------------


def _piek_kb() -> int:
    """This process's peak resident memory in KiB.

    VmHWM, not ru_maxrss: Linux carries ru_maxrss over an exec, so a child would report its
    parent's peak (the parent holds the generated workbooks).
    """
    try:
        for regel in Path("/proc/self/status").read_text().splitlines():
            if regel.startswith("VmHWM:"):
                return int(regel.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _kind(soort: str, pad: Path) -> None:
    """Run one read and print {"kb": peak RSS in KiB, "s": wall seconds, "uitkomst": ...}."""
    from openpyxl import load_workbook

    from keuzehulp.services.bronbestand.lezer import WerkmapOnleesbaar, lees_werkmap

    basis = _piek_kb()
    begin = resource.getrusage(resource.RUSAGE_SELF)
    cpu_begin = begin.ru_utime + begin.ru_stime
    if soort == "openpyxl":
        try:
            boek = load_workbook(pad, read_only=True, data_only=True)
            rijen = sum(1 for _ in boek["Instrumenten"].iter_rows(values_only=True))
            boek.close()
            uitkomst = f"{rijen} rijen"
        except Exception as fout:  # a zip bomb is no valid XML once unpacked
            uitkomst = f"{type(fout).__name__}"
    else:
        try:
            werkmap = lees_werkmap(pad)
            blad = werkmap.instrumenten
            uitkomst = f"{len(blad.rijen) if blad else 0} rijen, {len(werkmap.problemen)} meldingen"
        except WerkmapOnleesbaar as fout:
            uitkomst = f"geweigerd: {str(fout)[:90]}"
    gebruik = resource.getrusage(resource.RUSAGE_SELF)
    seconden = gebruik.ru_utime + gebruik.ru_stime - cpu_begin
    kb = _piek_kb()
    print(json.dumps({"kb": kb, "extra": kb - basis, "s": seconden, "uitkomst": uitkomst}))


def _meet(soort: str, pad: Path, grens: float = GRENS_SECONDEN) -> dict[str, object] | None:
    """One child run; None when it was stopped after `grens` seconds (wall)."""
    try:
        uit = subprocess.run(
            [sys.executable, __file__, "--kind", soort, "--pad", str(pad)],
            capture_output=True,
            text=True,
            timeout=grens,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return dict(json.loads(uit.stdout.strip().splitlines()[-1]))


def _mediaan(
    soort: str, pad: Path, herhalen: int, grens: float = GRENS_SECONDEN
) -> tuple[float, float, float, str] | None:
    metingen = []
    for _ in range(herhalen):
        meting = _meet(soort, pad, grens)
        if meting is None:
            return None
        metingen.append(meting)
    kb = statistics.median(float(m["kb"]) for m in metingen)  # type: ignore[arg-type]
    s = statistics.median(float(m["s"]) for m in metingen)  # type: ignore[arg-type]
    extra = statistics.median(float(m["extra"]) for m in metingen)  # type: ignore[arg-type]
    return kb / 1024, s, extra / 1024, str(metingen[-1]["uitkomst"])


def _tekst(meting: tuple[float, float, float, str]) -> str:
    return f"{meting[0]:5.0f} (+{meting[2]:4.0f}) MiB {meting[1]:5.1f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--aantal", type=int, default=10_000)
    parser.add_argument("--herhalen", type=int, default=3)
    parser.add_argument("--alleen", nargs="*", default=["gewoon", "xfd", "claim", "bom"])
    parser.add_argument("--kind", help=argparse.SUPPRESS)
    parser.add_argument("--pad", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.kind:
        _kind(args.kind, args.pad)
        return 0
    map_ = Path(tempfile.mkdtemp(prefix="bench-geheugen-"))
    try:
        gewoon = map_ / "gewoon.xlsx"
        maak_bronbestand(gewoon, args.aantal)
        bestanden = {"gewoon": gewoon}
        if "xfd" in args.alleen:
            bestanden["xfd"] = map_ / "xfd.xlsx"
            maak_xfd(gewoon, bestanden["xfd"])
        if "claim" in args.alleen:
            bestanden["claim"] = map_ / "claim.xlsx"
            maak_claim(bestanden["claim"], map_)
        if "bom" in args.alleen:
            bestanden["bom"] = map_ / "bom.xlsx"
            maak_bom(bestanden["bom"], map_)
        print(
            f"Medians of {args.herhalen} runs, each in a fresh process: peak RSS in MiB "
            "(+ above the imports), CPU seconds; ratio = our peak / openpyxl's peak."
        )
        print(f"{'file':8} {'KB':>8} {'openpyxl':>26} {'ours':>26} {'ratio':>6}  outcome")
        for naam in args.alleen:
            pad = bestanden[naam]
            grootte = pad.stat().st_size // 1024
            if naam in ("claim", "bom"):
                ref = _mediaan("openpyxl", pad, 1, GRENS_CLAIM)
            else:
                ref = _mediaan("openpyxl", pad, args.herhalen)
            ons = _mediaan("ons", pad, args.herhalen)
            ref_tekst = _tekst(ref) if ref else f"> {GRENS_CLAIM} s, gestopt"
            ons_tekst = _tekst(ons) if ons else "gestopt"
            verhouding = f"{ons[0] / ref[0]:6.2f}" if ons and ref else "     -"
            print(
                f"{naam:8} {grootte:>8} {ref_tekst:>18} {ons_tekst:>18} {verhouding}  "
                f"{ons[3] if ons else ''}"
            )
    finally:
        shutil.rmtree(map_, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
