"""Ratings in Inzicht: the very figures search, comparison and PDF show (services/waardering.py).

Issue 15 item 3: "Sorting by rating uses the same figure", one rule everywhere. Inzicht adds
only what suppression needs: the number of distinct gesprekken behind a figure computed from
terugblikken (over all time, like waardering.py), so that a mean of fewer than 5 gesprekken
is hidden. A survey figure rests on no gesprek in the database and is shown as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from keuzehulp.model.terugblik import Terugblik
from keuzehulp.services.inzicht.onderdrukking import LEEG, VERBORGEN_CEL, Cel, onderdrukt
from keuzehulp.services.waardering import Waardering, minimum, waarderingen

VEEL_IDS = 500  # from this many ids on, read all instruments instead of an IN list


@dataclass(frozen=True, slots=True)
class InstrumentCijfers:
    """What the Inzicht table shows of one instrument's ratings, suppression applied."""

    coaches: Cel  # "7,8 (12×)", "7,5 (enquête 2021)", "–" or hidden
    resultaat: Cel
    uitvoering: Cel
    klanten: Cel


def _cel(w: Waardering | None, gesprekken: int) -> Cel:
    if w is None:
        return Cel(LEEG)
    if w.bron == "terugblik" and onderdrukt(gesprekken):
        return VERBORGEN_CEL
    return Cel(w.kort, w.gemiddelde)


def _aspect(w: Waardering | None, waarde: float | None, gesprekken: int) -> Cel:
    if w is None or w.bron != "terugblik" or waarde is None:
        return Cel(LEEG)
    if onderdrukt(gesprekken):
        return VERBORGEN_CEL
    return Cel(f"{waarde:.1f}".replace(".", ","), waarde)


def instrument_cijfers(session: Session, ids: Iterable[int]) -> dict[int, InstrumentCijfers]:
    """Per instrument id: the coaches' and clients' figure as in search (waardering.py, with
    details), hidden when computed from terugblikken of 1-4 distinct gesprekken."""
    lijst = list(ids)
    if not lijst:
        return {}
    # Many ids (thousands of instruments with terugblikken): one pass over all terugblikken
    # beats an IN list of thousands of parameters; the extra instruments are dropped below.
    alle = len(lijst) > VEEL_IDS
    figuren = waarderingen(session, None if alle else lijst, details=True)
    t = Terugblik
    vraag = select(
        t.instrument_id,
        func.count(func.distinct(case((t.coach_totaal.is_not(None), t.gesprek_id)))),
        func.count(func.distinct(case((t.client_cijfer.is_not(None), t.gesprek_id)))),
    )
    if not alle:
        vraag = vraag.where(t.instrument_id.in_(lijst))
    gesprekken = {
        i: (int(c or 0), int(k or 0))
        for i, c, k in session.execute(vraag.group_by(t.instrument_id))
    }
    uit = {}
    for i in lijst:
        w = figuren.get(i)
        coach, klant = (w.coaches, w.klanten) if w else (None, None)
        nc, nk = gesprekken.get(i, (0, 0))
        uit[i] = InstrumentCijfers(
            coaches=_cel(coach, nc),
            resultaat=_aspect(coach, coach.resultaat if coach else None, nc),
            uitvoering=_aspect(coach, coach.uitvoering if coach else None, nc),
            klanten=_cel(klant, nk),
        )
    return uit


def uitleg_cijfers(session: Session) -> str:
    """The rule in words, for the table's explanation."""
    return (
        "Cijfers (1 tot 10): dezelfde als bij zoeken en vergelijken. Het gemiddelde van alle "
        f"terugblikken (niet alleen deze periode) zodra er minstens {minimum(session)} zijn, "
        "met het aantal erachter (12×); anders het cijfer uit de enquête."
    )
