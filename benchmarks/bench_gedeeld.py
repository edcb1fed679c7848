"""Load on a shared catalogue: coaches search and save while a beheerder edits, publishes, imports.

    .venv/bin/python benchmarks/bench_gedeeld.py [--coaches 20] [--instrumenten 10000]
        [--bewerkingen 60] [--publicaties 4] [--denktijd 1.0]

On a throwaway PostgreSQL server (scripts/postgres.sh) set up with `keuzehulp database init
--voorbeeld`, with real logins: coach_01.. are members of keuzehulp_werkcoach, beheer_01 of
keuzehulp_beheerder. Each coach is a process of its own, as a coach's app is: it loads the
search index, listens for catalogue changes (LISTEN/NOTIFY, `keuzehulp.model.meldingen`),
rebuilds its index in a background thread on a notice and swaps it in between two actions (as
the window does), and meanwhile searches (random questions) and saves a gesprek every fifth
action (`--denktijd`: seconds between two actions, on average), under row-level security. The
beheerder's process edits instruments, publishes a catalogue version every few edits, and
halfway imports a bronbestand of `--instrumenten` new instruments through the real import, then
publishes again.

Printed: p50/p95 of search and save (ms) over all coaches, of the beheerder's edit, publish and
import; errors by kind (Dutch message; the goal is none); and the propagation of each publish:
commit -> a coach searches in an index built after it, per coach and to the last coach. The
machine's cores are shared: run it small while building (--coaches 3 --instrumenten 500).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import queue
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.tijdelijke_postgres import (  # noqa: E402
    als,
    maak_logins,
    nieuwe_database,
    percentiel,
    tijdelijke_server,
)

BEHEERDER = "beheer_01"
NAAR_BEWAREN = 5  # every fifth action of a coach saves a gesprek


@dataclass
class CoachUitslag:
    login: str
    zoeken_ms: list[float] = field(default_factory=list)
    bewaren_ms: list[float] = field(default_factory=list)
    # CPU time of the coach's own thread per save (ms) and SQL statements per save.
    bewaren_cpu_ms: list[float] = field(default_factory=list)
    bewaren_statements: list[int] = field(default_factory=list)
    proces_cpu_s: float = 0.0
    fouten: Counter[str] = field(default_factory=Counter)
    # (build started, swapped in) wall times of every index rebuild after a notice.
    # (newest catalogue version id the rebuild read before it began, swapped in) per rebuild.
    herbouw: list[tuple[int, float]] = field(default_factory=list)


@dataclass
class BeheerUitslag:
    bewerken_ms: list[float] = field(default_factory=list)
    publiceren_ms: list[float] = field(default_factory=list)
    importeren_s: list[float] = field(default_factory=list)
    # (version id, wall time of its commit: the Database's after-commit hook) per publish.
    publicaties: list[tuple[int, float]] = field(default_factory=list)
    publiceren_cpu_ms: list[float] = field(default_factory=list)
    importeren_cpu_s: list[float] = field(default_factory=list)
    proces_cpu_s: float = 0.0
    fouten: Counter[str] = field(default_factory=Counter)


def soort(fout: BaseException) -> str:
    """An error's kind for the report: the Dutch message of our own errors."""
    from keuzehulp.model.errors import KeuzehulpError

    if isinstance(fout, KeuzehulpError):
        return f"{type(fout).__name__}: {fout.melding}"
    eerste = (str(fout).strip().splitlines() or [""])[0][:160]
    return f"onverwacht {type(fout).__name__}: {eerste}"


def _vraag(rng: random.Random, routes: list[str], kenmerken: list[str], woorden: list[str]) -> Any:
    from keuzehulp.services.zoekvraag import ZoekVraag

    keuze = rng.random()
    if keuze < 0.4:
        return ZoekVraag(routes=frozenset({rng.choice(routes)}))
    if keuze < 0.8:
        return ZoekVraag(
            routes=frozenset({rng.choice(routes)}), kenmerken=frozenset({rng.choice(kenmerken)})
        )
    return ZoekVraag(tekst=rng.choice(woorden))


def coach(
    url: str, login: str, denktijd: float, klaar: Any, start: Any, stop: Any, uit: Any
) -> None:
    """One coach's app: index, listener, then search and save until `stop` is set."""
    from sqlalchemy import event, func, select

    from keuzehulp.model.beheer import CatalogusVersie
    from keuzehulp.model.meldingen import EigenVerbindingen, Melding, PostgresLuisteraar
    from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
    from keuzehulp.services.opstart import open_catalogus
    from keuzehulp.services.zoeken import ZoekService

    uitslag = CoachUitslag(login)
    rng = random.Random(login)
    db = open_catalogus(url, None, ()).database
    service = ZoekService(db)
    gesprekken = GesprekService(db)
    vies = threading.Event()
    klaar_index: list[tuple[Any, int]] = []  # a built index waiting to be swapped in
    slot = threading.Lock()

    def bij_melding(_m: Melding) -> None:
        vies.set()

    hoofd = threading.get_ident()
    statements = [0]

    def tel(*_args: Any) -> None:  # the statements of the coach's own actions, not the worker's
        if threading.get_ident() == hoofd:
            statements[0] += 1

    event.listen(db.engine, "before_cursor_execute", tel)

    def bouwer() -> None:  # the app's worker: one build at a time; notices meanwhile coalesce
        while not stop.is_set():
            if not vies.wait(0.2):
                continue
            vies.clear()
            try:
                # Read before the build: the index holds at least this version's catalogue.
                with db.lezen() as s:
                    begin = s.scalar(select(func.max(CatalogusVersie.id))) or 0
                index = service.bouw_index()
            except Exception as fout:
                uitslag.fouten[f"index bouwen: {soort(fout)}"] += 1
                continue
            with slot:
                klaar_index.append((index, begin))

    eigen = EigenVerbindingen(db.engine)
    luisteraar = PostgresLuisteraar(db.engine, bij_melding, eigen=eigen)
    luisteraar.start()
    draad = threading.Thread(target=bouwer, daemon=True)
    draad.start()
    luisteraar.verbonden.wait(30)
    routes = [r.code for r in service.routes]
    kenmerken = [k for k in service.kenmerken if "." in k] or list(service.kenmerken)
    woorden = ["training", "coach", "werk", "taal", "sollicitatie", "groep"]
    klaar.put(login)
    start.wait()
    n = 0
    while not stop.is_set():
        with slot:
            nieuw = klaar_index[-1] if klaar_index else None
            klaar_index.clear()
        if nieuw is not None:  # between two actions, as the window swaps it in
            service.zet_index(nieuw[0])
            uitslag.herbouw.append((nieuw[1], time.time()))
        n += 1
        vraag = _vraag(rng, routes, kenmerken, woorden)
        try:
            begin = time.perf_counter()
            antwoord = service.zoek(vraag)
            uitslag.zoeken_ms.append((time.perf_counter() - begin) * 1000)
            if n % NAAR_BEWAREN == 0:
                ids = antwoord.ids[:2]
                invoer = GesprekInvoer(
                    zoekvraag=vraag,
                    opties=tuple(Optie(instrument_id=i) for i in ids),
                    keuze_id=ids[0] if ids else None,
                )
                statements[0] = 0
                cpu = time.thread_time()
                begin = time.perf_counter()
                gesprekken.bewaar(invoer, login)
                uitslag.bewaren_ms.append((time.perf_counter() - begin) * 1000)
                uitslag.bewaren_cpu_ms.append((time.thread_time() - cpu) * 1000)
                uitslag.bewaren_statements.append(statements[0])
        except Exception as fout:
            uitslag.fouten[soort(fout)] += 1
        time.sleep(rng.uniform(0.5, 1.5) * denktijd)
    luisteraar.stop()
    eigen.ontkoppel()
    draad.join(30)
    db.sluit()
    uitslag.proces_cpu_s = time.process_time()
    uit.put(uitslag)


def beheerder(url: str, bronbestand: str, bewerkingen: int, publicaties: int, uit: Any) -> None:
    """The beheerder's app: edits, publishes a version every few edits, imports halfway."""
    from keuzehulp.model.catalogus import InstrumentStatus
    from keuzehulp.services.beheer import instrumenten, versies
    from keuzehulp.services.bronbestand.importeren import importeer
    from keuzehulp.services.opstart import open_catalogus

    uitslag = BeheerUitslag()
    rng = random.Random(14)
    opstart = open_catalogus(url, None, ())
    db, wie = opstart.database, opstart.gebruiker
    ids = [r.id for r in instrumenten.lijst_instrumenten(db, InstrumentStatus.ACTIEF)]
    gecommit = [0.0]
    db.na_commit.append(lambda _w: gecommit.__setitem__(0, time.time()))
    elke = max(1, bewerkingen // max(1, publicaties))

    def publiceer(omschrijving: str) -> None:
        try:
            cpu = time.process_time()
            begin = time.perf_counter()
            info = versies.publiceer_versie(db, wie, omschrijving)
            uitslag.publiceren_ms.append((time.perf_counter() - begin) * 1000)
            uitslag.publiceren_cpu_ms.append((time.process_time() - cpu) * 1000)
            uitslag.publicaties.append((info.id, gecommit[0]))
        except Exception as fout:
            uitslag.fouten[f"publiceren: {soort(fout)}"] += 1

    for n in range(1, bewerkingen + 1):
        try:
            bewerking = instrumenten.open_instrument(db, rng.choice(ids))
            gegevens = bewerking.gegevens.model_copy(
                update={"bijzonderheden": f"Bijgewerkt in ronde {n}."}
            )
            begin = time.perf_counter()
            instrumenten.bewaar_instrument(
                db, wie, bewerking.id, bewerking.versie, gegevens, "benchmark"
            )
            uitslag.bewerken_ms.append((time.perf_counter() - begin) * 1000)
        except Exception as fout:
            uitslag.fouten[f"bewerken: {soort(fout)}"] += 1
        if n == bewerkingen // 2 and bronbestand:
            try:
                cpu = time.process_time()
                begin = time.perf_counter()
                resultaat = importeer(db, Path(bronbestand), wie, proefdraaien=False)
                uitslag.importeren_s.append(time.perf_counter() - begin)
                uitslag.importeren_cpu_s.append(time.process_time() - cpu)
                if not resultaat.toegepast:
                    uitslag.fouten["importeren: niet toegepast"] += 1
                for probleem in resultaat.fouten[:5]:
                    uitslag.fouten[f"importeren: {probleem}"] += 1
            except Exception as fout:
                uitslag.fouten[f"importeren: {soort(fout)}"] += 1
            publiceer("na de import")
        if n % elke == 0:
            publiceer(f"versie {n // elke}")
    db.sluit()
    uitslag.proces_cpu_s = time.process_time()
    uit.put(uitslag)


def _verspreiding(
    publicaties: list[tuple[int, float]], coaches: list[CoachUitslag]
) -> tuple[list[float], list[float], int]:
    """Per (publish, coach): commit -> first index built after it swapped in (s); per publish
    the time to the last coach; and how many never arrived."""
    per_coach: list[float] = []
    naar_allen: list[float] = []
    gemist = 0
    for versie, moment in publicaties:
        tijden = []
        for c in coaches:
            na = [getoond for gezien, getoond in c.herbouw if gezien >= versie]
            if na:
                tijden.append(min(na) - moment)
            else:
                gemist += 1
        per_coach += tijden
        if len(tijden) == len(coaches):
            naar_allen.append(max(tijden))
    return per_coach, naar_allen, gemist


def _regel(naam: str, waarden: list[float], eenheid: str = "ms") -> None:
    if not waarden:
        print(f"  {naam:<38} (geen metingen)")
        return
    print(
        f"  {naam:<38} p50 {statistics.median(waarden):8.1f} {eenheid}   "
        f"p95 {percentiel(waarden, 95):8.1f} {eenheid}   max {max(waarden):8.1f} {eenheid}"
        f"   n={len(waarden)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coaches", type=int, default=20)
    parser.add_argument("--instrumenten", type=int, default=10_000, help="in de import")
    parser.add_argument("--bewerkingen", type=int, default=60)
    parser.add_argument("--publicaties", type=int, default=4)
    parser.add_argument(
        "--denktijd",
        type=float,
        default=1.0,
        help="seconden tussen twee acties van een coach (gemiddeld; een echte coach: veel meer)",
    )
    parser.add_argument(
        "--nawacht",
        type=float,
        default=30.0,
        help="seconden na de beheerder, zodat de laatste publicatie elke coach bereikt",
    )
    args = parser.parse_args()
    os.environ.pop("KEUZEHULP_GEBRUIKER", None)  # on PostgreSQL the login is the user
    from benchmarks.bench_bronbestand import maak_bronbestand
    from keuzehulp.services import organisatie

    coaches = [f"coach_{i:02d}" for i in range(1, args.coaches + 1)]
    with tempfile.TemporaryDirectory() as tmp, tijdelijke_server() as server:
        bestand = Path(tmp) / "bronbestand.xlsx"
        if args.instrumenten:
            maak_bronbestand(bestand, args.instrumenten)
        url = nieuwe_database(server, "bench_gedeeld")
        organisatie.richt_in(url, voorbeeld=True)
        maak_logins(server, [*coaches, BEHEERDER])
        for login in coaches:
            organisatie.ken_rol_toe(url, login, "werkcoach")
        organisatie.ken_rol_toe(url, BEHEERDER, "beheerder")

        ctx = mp.get_context("spawn")
        klaar, uit = ctx.Queue(), ctx.Queue()
        start, stop = ctx.Event(), ctx.Event()
        processen = [
            ctx.Process(target=coach, args=(als(url, c), c, args.denktijd, klaar, start, stop, uit))
            for c in coaches
        ]
        for p in processen:
            p.start()
        for _ in coaches:
            klaar.get(timeout=600)
        print(f"{len(coaches)} coaches klaar; de beheerder begint", flush=True)
        beheer = ctx.Process(
            target=beheerder,
            args=(
                als(url, BEHEERDER),
                str(bestand) if args.instrumenten else "",
                args.bewerkingen,
                args.publicaties,
                uit,
            ),
        )
        belasting: list[float] = []  # the 1-minute load average, every 5 s during the run
        meten = threading.Event()

        def meet_belasting() -> None:
            while not meten.wait(5):
                belasting.append(os.getloadavg()[0])

        threading.Thread(target=meet_belasting, daemon=True).start()
        begin = time.monotonic()
        start.set()
        beheer.start()
        uitslagen: list[Any] = []
        while beheer.is_alive() or not any(isinstance(u, BeheerUitslag) for u in uitslagen):
            try:
                uitslagen.append(uit.get(timeout=1))
            except queue.Empty:
                if not beheer.is_alive() and beheer.exitcode:
                    raise SystemExit(
                        f"De beheerder-app stopte met code {beheer.exitcode}."
                    ) from None
        duur = time.monotonic() - begin
        time.sleep(args.nawacht)  # the last publish reaches every coach
        stop.set()
        while sum(isinstance(u, CoachUitslag) for u in uitslagen) < len(coaches):
            uitslagen.append(uit.get(timeout=300))
        meten.set()
        for p in [*processen, beheer]:
            p.join(60)

    beheer_uit = next(u for u in uitslagen if isinstance(u, BeheerUitslag))
    coach_uit = [u for u in uitslagen if isinstance(u, CoachUitslag)]
    print(
        f"\nGedeelde catalogus: {len(coaches)} coaches, import van {args.instrumenten} "
        f"instrumenten, {args.bewerkingen} bewerkingen, {len(beheer_uit.publicaties)} "
        f"publicaties, denktijd {args.denktijd:g} s, {duur:.0f} s"
    )
    print("coaches")
    _regel("zoeken", [m for c in coach_uit for m in c.zoeken_ms])
    _regel("gesprek bewaren", [m for c in coach_uit for m in c.bewaren_ms])
    _regel("gesprek bewaren, CPU van de coach", [m for c in coach_uit for m in c.bewaren_cpu_ms])
    _regel(
        "gesprek bewaren, SQL-opdrachten",
        [float(n) for c in coach_uit for n in c.bewaren_statements],
        "",
    )
    print("beheerder")
    _regel("instrument bewerken", beheer_uit.bewerken_ms)
    _regel("versie publiceren", beheer_uit.publiceren_ms)
    _regel("versie publiceren, CPU", beheer_uit.publiceren_cpu_ms)
    _regel("bronbestand importeren", beheer_uit.importeren_s, "s")
    _regel("bronbestand importeren, CPU", beheer_uit.importeren_cpu_s, "s")
    per_coach, naar_allen, gemist = _verspreiding(beheer_uit.publicaties, coach_uit)
    print("verspreiding van een publicatie (commit -> coach zoekt in de nieuwe index)")
    _regel("per coach", per_coach, "s")
    _regel("tot de laatste coach", naar_allen, "s")
    if gemist:
        print(f"  niet aangekomen binnen de meting: {gemist}")
    cpu_coaches = sum(c.proces_cpu_s for c in coach_uit)
    print(
        f"CPU (processen van de app, zonder de server): coaches samen {cpu_coaches:.0f} s, "
        f"beheerder {beheer_uit.proces_cpu_s:.0f} s; {os.cpu_count()} cores"
    )
    if belasting:
        print(
            f"belasting (load average, 1 min) tijdens de meting: min {min(belasting):.1f}, "
            f"mediaan {statistics.median(belasting):.1f}, max {max(belasting):.1f}"
        )
    fouten: Counter[str] = Counter(beheer_uit.fouten)
    for c in coach_uit:
        fouten.update(c.fouten)
    print(f"fouten: {sum(fouten.values())}")
    for tekst, aantal in fouten.most_common():
        print(f"  {aantal:5d} x {tekst}")


if __name__ == "__main__":
    main()
