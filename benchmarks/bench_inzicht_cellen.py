r"""Every cell of the Inzicht screen for a set of filters, saved or compared with a saved run.

    .venv/bin/python benchmarks/bench_inzicht_cellen.py URL PAD.pkl            # save
    .venv/bin/python benchmarks/bench_inzicht_cellen.py URL PAD.pkl --vergelijk  # compare

A speed change must not change a figure: run this on the benchmark database (for example
the file of `bench_inzicht.py --bewaar`) before the change, then after it with --vergelijk.
It prints IDENTIEK, or each filter and table that differs (exit code 1). Filters: everything,
Tiel, the last 12 months up to ten days before the newest gesprek (as bench_inzicht.py),
those 12 months in Tiel, a period open at either end, and a short period in Buren.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import func, select  # noqa: E402

from keuzehulp.model.gesprek import Gesprek  # noqa: E402
from keuzehulp.services.inzicht.filter import InzichtFilter  # noqa: E402
from keuzehulp.services.inzicht.overzicht import bereken_inzicht  # noqa: E402
from keuzehulp.services.opstart import open_catalogus  # noqa: E402


def cellen(url: str) -> dict[str, object]:
    """Filter (repr) -> (key figures, tables) of `bereken_inzicht`; the time stamp left out."""
    db = open_catalogus(url, "bench", ()).database
    try:
        with db.lezen() as s:
            laatste = s.scalar(select(func.max(Gesprek.aangemaakt_op)))
        eind = (laatste or dt.datetime.now(dt.UTC)).date() - dt.timedelta(days=10)
        van = eind.replace(year=eind.year - 1) + dt.timedelta(days=1)
        filters = [
            InzichtFilter(),
            InzichtFilter(gemeente="Tiel"),
            InzichtFilter(van=van, tot=eind),
            InzichtFilter(van=van, tot=eind, gemeente="Tiel"),
            InzichtFilter(van=eind - dt.timedelta(days=200)),
            InzichtFilter(tot=eind - dt.timedelta(days=400)),
            InzichtFilter(van=eind - dt.timedelta(days=500), tot=eind - dt.timedelta(days=300),
                          gemeente="Buren"),
        ]  # fmt: skip
        uit: dict[str, object] = {}
        for f in filters:
            inzicht = bereken_inzicht(db, f)
            uit[repr(f)] = (inzicht.kerncijfers, inzicht.tabellen)
        return uit
    finally:
        db.sluit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("pad", type=Path)
    parser.add_argument("--vergelijk", action="store_true")
    args = parser.parse_args()
    nu = cellen(args.url)
    if not args.vergelijk:
        args.pad.write_bytes(pickle.dumps(nu))
        print(f"{len(nu)} filters bewaard in {args.pad}")
        return 0
    eerder = pickle.loads(args.pad.read_bytes())  # our own file, written above
    verschil = []
    for f, (kern, tabellen) in eerder.items():
        kern_nu, tabellen_nu = nu[f]  # type: ignore[misc]
        if kern != kern_nu:
            verschil.append(f"{f}: kerncijfers")
        verschil += [f"{f}: {t}" for t in tabellen if tabellen[t] != tabellen_nu.get(t)]
    print("\n".join(verschil) or f"IDENTIEK ({len(nu)} filters)")
    return 1 if verschil else 0


if __name__ == "__main__":
    raise SystemExit(main())
