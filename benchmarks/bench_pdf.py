"""Client PDF for a conversation with 5 options, wishes, pros/cons and SURE: median time over
several runs (goal <= 0.5 s).

    .venv/bin/python benchmarks/bench_pdf.py [RUNS]

Measures reading the conversation (one unit of work) and building the PDF separately, and
both together as the coach experiences them; the first run (font loading) is reported apart.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from keuzehulp.services.coachprofiel import bewaar_profiel, maak_profiel  # noqa: E402
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie  # noqa: E402
from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.services.rapport.gegevens import verzamel  # noqa: E402
from keuzehulp.services.rapport.klant import klant_pdf, schrijf_klant_pdf  # noqa: E402
from keuzehulp.services.wensen import Wens, WensKeuze  # noqa: E402
from keuzehulp.services.zoekvraag import ZoekVraag  # noqa: E402
from tests.gesprek_hulp import maak_instrumenten, vul_structuur  # noqa: E402

DOEL_S = 0.5


def main(runs: int = 15) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_catalogus(f"sqlite:///{tmp}/k.sqlite", "bench", ()).database
        ids = maak_instrumenten(db)
        vul_structuur(db, ids)
        profiel = maak_profiel(naam="Anna de Boer", telefoon="0344 61 22 33", email="a@b.nl")
        bewaar_profiel(db, "adeboer", profiel)
        invoer = GesprekInvoer(
            doel_soort="leerdoel",
            doel="Ik wil rustig blijven als het druk is op mijn werk.",
            zoekvraag=ZoekVraag(
                routes=frozenset({"life_first", "human_capital_first"}),
                kenmerken=frozenset({"1.4", "5.2", "3.1.6"}),
            ),
            scores={"1": 4, "2": 7, "3": 5, "4": 8, "5": 3},
            opties=tuple(
                Optie(instrument_id=i, notitie="notitie", goed="dichtbij", minder_goed="lang")
                for i in ids
            ),
            wensen=(
                WensKeuze(wens=Wens.DICHTBIJ, gewicht=2, gemeente="Tiel"),
                WensKeuze(wens=Wens.KORT),
                WensKeuze(wens=Wens.GRATIS),
            ),
            sure=(True, False, True, True),
            teach_back=True,
            keuze_id=ids[0],
            onderbouwing="Past bij het leerdoel.",
            voorkeur_client="Ik praat liever alleen met iemand.",
            volgende_stappen="Je coach meldt je aan.\nJe gaat naar een kennismaking.",
        )
        nummer = GesprekService(db).bewaar(invoer, "adeboer").id
        pad = Path(tmp) / "keuze.pdf"

        start = time.perf_counter()
        schrijf_klant_pdf(verzamel(db, nummer), pad)
        eerste = time.perf_counter() - start

        lezen, bouwen, totaal = [], [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            rapport = verzamel(db, nummer)
            t1 = time.perf_counter()
            data = klant_pdf(rapport)
            t2 = time.perf_counter()
            schrijf_klant_pdf(rapport, pad)
            t3 = time.perf_counter()
            lezen.append(t1 - t0)
            bouwen.append(t2 - t1)
            totaal.append((t1 - t0) + (t3 - t2))
        db.sluit()

    mediaan = statistics.median(totaal)
    print(f"Klant-PDF, 5 opties, {len(data) / 1024:.0f} KB, {runs} runs")
    print(f"  eerste run (lettertype laden): {eerste * 1000:7.1f} ms")
    print(f"  mediaan gesprek lezen:         {statistics.median(lezen) * 1000:7.1f} ms")
    print(f"  mediaan PDF opbouwen:          {statistics.median(bouwen) * 1000:7.1f} ms")
    print(f"  mediaan lezen + PDF schrijven: {mediaan * 1000:7.1f} ms")
    print(
        f"  doel {DOEL_S * 1000:.0f} ms: {'gehaald' if mediaan <= DOEL_S else 'NIET gehaald'}"
        f" (verhouding {mediaan / DOEL_S:.2f})"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
