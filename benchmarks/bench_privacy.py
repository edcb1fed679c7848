"""Privacy guard speed: linear in the text, also on texts built to be worst cases.

    .venv/bin/python benchmarks/bench_privacy.py [RUNS]

For each kind of text it prints the median time of `privacy.controleer` over RUNS runs (default
5) at 100 KB and at 400 KB, and the ratio of the two. Linear time gives a ratio near 4; the
old guard was quadratic (ratio near 16, 51 s at 400 KB). The reference is a plain Python scan
of the same text (`str.count`), so the machine's speed cancels out of the last column.
Then the name check (services/namen.py): loading its word lists, one remark with and without
it, and 100 KB against 400 KB (CPU time).
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from keuzehulp.model.errors import InvoerFout  # noqa: E402
from keuzehulp.services import privacy  # noqa: E402

ZIN = "De klant wil graag 3 dagen per week werken in de zorg, dicht bij huis in Tiel. "
SOORTEN: dict[str, Callable[[int], str]] = {
    "gewone tekst": lambda n: (ZIN * (n // len(ZIN) + 1))[:n],
    "cijfers met spaties": lambda n: ("1 " * n)[:n],
    "nullen met punten": lambda n: ("0." * n)[:n],
    "cijfers met witruimte": lambda n: ("12\u00a0\n\t " * n)[:n],
    "apenstaartjes": lambda n: ("a@" * n)[:n],
    "maandnamen": lambda n: ("1 mei " * n)[:n],
    "IBAN-begin": lambda n: ("NL91 " * n)[:n],
}


def _mediaan(functie: Callable[[], object], runs: int) -> float:
    tijden = []
    for _ in range(runs):
        begin = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def _controleer(tekst: str) -> None:
    # Some worst cases hold a BSN or a date; the time to find it is what counts.
    with contextlib.suppress(InvoerFout):
        privacy.controleer(tekst, "Doel")


def _cpu_mediaan(functie: Callable[[], object], runs: int) -> float:
    tijden = []
    for _ in range(runs):
        begin = time.process_time()
        functie()
        tijden.append(time.process_time() - begin)
    return statistics.median(tijden)


OPMERKING = (
    "Goede begeleiding, snel gestart. De klant vond de groep wat groot, maar de trainer gaf "
    "veel aandacht. Na vier weken had de klant een vast ritme en twee gesprekken bij een "
    "werkgever in Tiel."
)


def namen(runs: int) -> None:
    """The name check (services/namen.py): loading its word lists once (CPU), one remark
    with and without the check, and linearity at 100 and 400 KB."""
    from keuzehulp.services import namen as n

    def laad() -> None:
        for cache in (n._gegevens, n._is_gewoon, n._voornaam):
            cache.cache_clear()
        n.is_gewoon_woord("hoop")
        n.voornaam("Jan")

    print(f"\nnamen: woordenlijsten laden (CPU, mediaan): {_cpu_mediaan(laad, runs) * 1000:.1f} ms")
    zonder = _cpu_mediaan(lambda: [privacy.controleer(OPMERKING, "x") for _ in range(200)], runs)
    met = _cpu_mediaan(
        lambda: [privacy.controleer(OPMERKING, "x", namen=True) for _ in range(200)], runs
    )
    print(
        f"namen: een opmerking van {len(OPMERKING)} tekens (CPU): zonder {zonder / 200 * 1e3:.2f} "
        f"ms, met namencontrole {met / 200 * 1e3:.2f} ms ({met / zonder:.1f}x)"
    )
    klein, groot = SOORTEN["gewone tekst"](100_000), SOORTEN["gewone tekst"](400_000)
    t_klein = _cpu_mediaan(lambda: n.naam_in_tekst(klein), runs)
    t_groot = _cpu_mediaan(lambda: n.naam_in_tekst(groot), runs)
    print(f"namen: 100 KB {t_klein:.3f} s, 400 KB {t_groot:.3f} s, 400/100 {t_groot / t_klein:.1f}")


def main(runs: int = 5) -> None:
    print(f"{'tekst':<24}{'100 KB (s)':>12}{'400 KB (s)':>12}{'400/100':>9}{'/ scan':>9}")
    for naam, maak in SOORTEN.items():
        klein, groot = maak(100_000), maak(400_000)
        t_klein = _mediaan(lambda t=klein: _controleer(t), runs)  # type: ignore[misc]
        t_groot = _mediaan(lambda t=groot: _controleer(t), runs)  # type: ignore[misc]
        scan = _mediaan(lambda t=groot: [t.count(c) for c in "0123456789@"], runs)  # type: ignore[misc]
        verhouding = t_groot / t_klein
        print(f"{naam:<24}{t_klein:>12.3f}{t_groot:>12.3f}{verhouding:>9.1f}{t_groot / scan:>9.0f}")
    namen(runs)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
