"""The rows of the comparison, key facts first: where, how long, how often, start, cost, fit.

Built on the comparison service (services/vergelijking.py) and the shared wording of the
practical fields (services/weergave.py); adds the fit with the client's wishes and the
client's own pros and cons.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from keuzehulp.services import vergelijking as v
from keuzehulp.services import weergave as w
from keuzehulp.services.instrumentdetail import InstrumentDetail
from keuzehulp.services.vergelijking import VergelijkRij
from keuzehulp.services.wensen import InstrumentFeiten, WensKeuze, bereken_fit
from keuzehulp.ui.gesprek.fit import fit_uitleg
from keuzehulp.ui.gesprek.modellen import OptieTeksten

NOTITIE = "Notitie van de coach"
COACH_RIJEN = frozenset({NOTITIE})
"""Rows only the coach sees: hidden in the client view."""

LEEG = "–"


def _zin(tekst: str) -> str:
    tekst = tekst.strip()
    return tekst + "." if tekst and tekst[-1] not in ".!?" else tekst


def _hoe_lang(d: InstrumentDetail) -> str:
    g = d.gegevens
    if g.duur_weken is None and g.omvang_duur:
        return _zin(g.omvang_duur)
    return _zin(w.duur_tekst(g.duur_weken, klant=True))


def _hoe_vaak(d: InstrumentDetail) -> str:
    g = d.gegevens
    return _zin(w.uren_tekst(g.uren_per_week, klant=True))


def _start(d: InstrumentDetail) -> str:
    g = d.gegevens
    if g.start_soort is None and g.beschikbaarheid:
        return _zin(g.beschikbaarheid)
    datums = InstrumentFeiten.van_gegevens(g).startdata
    return _zin(w.start_tekst(g.start_soort, datums, klant=True))


def _kosten(d: InstrumentDetail) -> str:
    return _zin(w.kosten_klant_tekst(d.gegevens.kosten_klant_centen, klant=True))


def vergelijk_rijen(
    opties: Sequence[InstrumentDetail],
    gezocht: Iterable[str],
    wensen: Sequence[WensKeuze],
    teksten: Mapping[int, OptieTeksten],
) -> list[VergelijkRij]:
    """One row per question, one cell per option in shortlist order; [] without options."""
    if not opties:
        return []
    codes = tuple(gezocht)

    def rij(vraag: str, cellen: Iterable[str]) -> VergelijkRij:
        return VergelijkRij(vraag, tuple(c or LEEG for c in cellen))

    rijen = [
        rij("Waar is het?", (v.waar(d) for d in opties)),
        rij("Hoe lang duurt het?", (_hoe_lang(d) for d in opties)),
        rij("Hoe vaak?", (_hoe_vaak(d) for d in opties)),
        rij("Wanneer begin je?", (_start(d) for d in opties)),
        rij("Wat kost het mij?", (_kosten(d) for d in opties)),
    ]
    if wensen:
        rijen.append(
            rij(
                "Past het bij wat ik belangrijk vind?",
                (
                    fit_uitleg(bereken_fit(wensen, InstrumentFeiten.van_gegevens(d.gegevens)))
                    for d in opties
                ),
            )
        )
    t = [teksten.get(d.id, OptieTeksten()) for d in opties]
    if any(x.goed for x in t):
        rijen.append(rij("Wat vind ik goed?", (x.goed for x in t)))
    if any(x.minder_goed for x in t):
        rijen.append(rij("Wat vind ik minder goed?", (x.minder_goed for x in t)))
    rijen += [
        rij("Wat is het?", (v.wat_is_het(d, codes) for d in opties)),
        rij("Wat doe ik?", (v.wat_doe_ik(d) for d in opties)),
        rij("Wat vraagt het van mij?", (v.wat_vraagt_het(d) for d in opties)),
        rij("Hoe vinden anderen het?", (v.waardering(d) for d in opties)),
    ]
    if any(x.notitie for x in t):
        rijen.append(rij(NOTITIE, (x.notitie for x in t)))
    return rijen
