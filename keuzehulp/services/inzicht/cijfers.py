"""Ratings in Inzicht: the very figures search, comparison and PDF show (services/waardering.py).

Issue 15 item 3: "Sorting by rating uses the same figure", one rule everywhere. Inzicht adds
only what suppression needs: the number of distinct gesprekken behind a figure computed from
terugblikken (over all time, like waardering.py), so that a mean of fewer than 5 gesprekken
is hidden. A survey figure rests on no gesprek in the database and is shown as it is, but
short ("7,5*"): its label (setting `waardering_enquete`, e.g. "enquête 2021") would widen the
table past a laptop screen, so it goes into the table's explanation and the cell's tooltip.
Search, comparison and PDF have room and keep "7,5 (enquête 2021)".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import case, func, select, text
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.tekst import cijfer
from keuzehulp.model.terugblik import MET_CIJFER, Terugblik
from keuzehulp.services.inzicht import catalogusfiguren
from keuzehulp.services.inzicht.onderdrukking import (
    LEEG,
    MIN_GESPREKKEN,
    VERBORGEN_CEL,
    Cel,
)
from keuzehulp.services.inzicht.uitkomsten import CIJFERS
from keuzehulp.services.waardering import (
    ENQUETE,
    Berekend,
    Waardering,
    enquete_label,
    kies,
    minimum,
)

VEEL_IDS = 500  # from this many ids on, read all instruments instead of an IN list
ENQUETE_TEKEN = "*"
LEEG_CEL = Cel(LEEG)  # after a survey figure in Inzicht: "7,5*"


@dataclass(frozen=True, slots=True)
class InstrumentCijfers:
    """What the Inzicht table shows of one instrument's ratings, suppression applied."""

    coaches: Cel  # "7,8 (12×)", "7,5*" (survey), "–" or hidden
    resultaat: Cel
    uitvoering: Cel
    klanten: Cel


def _bron(label: str) -> str:
    """The survey named in a sentence: "de enquête" (the default label) or "enquête 2021"."""
    return "de enquête" if label == ENQUETE else label


def _cel(w: Waardering | None, klein: bool, n: int) -> Cel:
    """The cell of a figure; `klein`: it rests on 1 to 4 gesprekken (hidden if computed);
    `n`: the minimum number of ratings (a survey figure's tooltip says it is not reached)."""
    if w is None:
        return Cel(LEEG)
    if w.bron == "enquete":
        tekst = cijfer(w.gemiddelde)
        tip = f"{tekst} uit {_bron(w.enquete)}: nog geen {n} terugblikken met een cijfer"
        return Cel(tekst + ENQUETE_TEKEN, w.gemiddelde, tip=tip)
    if klein:
        return VERBORGEN_CEL
    return Cel(w.kort, w.gemiddelde)


@lru_cache(maxsize=16384)
def _figuur(
    gemiddelde: float | None, aantal: int, enquete: float | None, n: int, label: str, klein: bool
) -> tuple[Cel, bool]:
    """One group's figure by the one rule `kies` and its cell, and whether it comes from
    terugblikken. `gemiddelde` is the mean of `aantal` ratings already rounded to one
    decimal (kies rounds it so, and rounding twice changes nothing): instruments share a
    few thousand distinct inputs, so each is decided once (cached)."""
    berekend = None if gemiddelde is None else Berekend(gemiddelde, aantal, None, None)
    w = kies(berekend, enquete, n, label)
    return _cel(w, klein, n), w is not None and w.bron == "terugblik"


@lru_cache(maxsize=1024)
def _aspect(terugblik: bool, waarde: float | None, klein: bool) -> Cel:
    """A coaches' aspect mean (rounded to one decimal) of an instrument whose coaches'
    figure comes from terugblikken (`terugblik`); else empty. Cached per distinct input."""
    if not terugblik or waarde is None:
        return Cel(LEEG)
    if klein:
        return VERBORGEN_CEL
    return Cel(f"{waarde:.1f}".replace(".", ","), waarde)


def _gemiddeld(som: object, aantal: object) -> float | None:
    """The mean rounded to one decimal, as waardering.py shows an aspect."""
    n = int(aantal or 0)  # type: ignore[call-overload]
    return round(int(som) / n, 1) if n else None  # type: ignore[call-overload]


def _per_instrument(session: Session, ids: list[int] | None) -> dict[int, tuple[Any, ...]]:
    """Per instrument id: (sum, count) of coach_totaal, coach_resultaat, coach_uitvoering and
    client_cijfer, then the distinct gesprekken with a coach_totaal and with a client_cijfer.

    One pass over the partial covering index ix_terugblik_cijfers (instrument, gesprek, the
    ratings; rated terugblikken only) in its order. (A per-gesprek subquery instead of the
    DISTINCT counts is 2.5 times slower on SQLite: it sorts its result again.)"""
    t = Terugblik
    kolommen = [getattr(t, k) for k in CIJFERS]
    vraag = select(
        t.instrument_id,
        *(x for k in kolommen for x in (func.sum(k), func.count(k))),
        *(
            func.count(func.distinct(case((k.is_not(None), t.gesprek_id))))
            for k in (t.coach_totaal, t.client_cijfer)
        ),
    ).where(text(MET_CIJFER))
    if ids is not None:
        vraag = vraag.where(t.instrument_id.in_(ids))
    rijen = session.connection().execute(vraag.group_by(t.instrument_id))
    return {int(r[0]): tuple(r[1:]) for r in rijen}


@lru_cache(maxsize=1024)
def _alleen_enquete(
    prof: float | None, werkz: float | None, n: int, label: str
) -> InstrumentCijfers:
    """The cells of an instrument without a rated terugblik: its survey figures (kies with
    nothing computed), one shared immutable object per distinct pair."""
    coach, klant = kies(None, prof, n, label), kies(None, werkz, n, label)
    return InstrumentCijfers(_cel(coach, False, n), Cel(LEEG), Cel(LEEG), _cel(klant, False, n))


def alle_cijfers(session: Session) -> dict[int, tuple[Any, ...]]:
    """The rated terugblikken's figures of every instrument with one, for `instrument_cijfers`
    (`berekend`): one grouped query, started ahead by the Inzicht screen (vooruit.py)."""
    return _per_instrument(session, None)


def instrument_cijfers(
    session: Session,
    ids: Iterable[int],
    *,
    berekend: dict[int, tuple[Any, ...]] | None = None,
) -> dict[int, InstrumentCijfers]:
    """Per instrument id: the coaches' and clients' figure as in search (waardering.py's rule
    `kies`, with the coaches' aspects), hidden when computed from terugblikken of 1-4 distinct
    gesprekken. One grouped query over the rated terugblikken (unless `berekend`, what
    `alle_cijfers` returned in this state of the data, is given) and one over the survey
    figures (for many ids those of every instrument, kept per catalogue state by
    catalogusfiguren.py).
    """
    lijst = list(ids)
    if not lijst:
        return {}
    # Many ids (thousands of instruments with terugblikken): one pass over all terugblikken
    # beats an IN list of thousands of parameters; the extra instruments are dropped below.
    alle = len(lijst) > VEEL_IDS
    if berekend is None:
        berekend = _per_instrument(session, None if alle else lijst)
    n, label = minimum(session), enquete_label(session)
    enquete: Iterable[tuple[int, float | None, float | None]]
    if alle:  # every instrument's survey figures, kept per catalogue state
        enquete = catalogusfiguren.enquete(session)
    else:
        enquete = session.connection().execute(
            select(
                Instrument.id,
                Instrument.waardering_professionals,
                Instrument.waardering_werkzoekende,
            ).where(Instrument.id.in_(lijst))
        )
    gevraagd = set(lijst)
    uit = {}
    for i, prof, werkz in enquete:
        b = berekend.get(i)
        if b is None:  # no rated terugblik: a survey figure at most, shared cells
            if i in gevraagd and (prof is not None or werkz is not None):
                uit[i] = _alleen_enquete(prof, werkz, n, label)
            continue
        if i not in gevraagd:
            continue
        st, nt, sr, nr, su, nu, sk, nk, gc, gk = b  # a sum is NULL only when its count is 0
        if nt < n and nk < n:  # too few ratings for either figure: the survey's, shared cells
            uit[i] = _alleen_enquete(prof, werkz, n, label)
            continue
        # kies takes the mean from n ratings on whatever the survey says, and below n only
        # the survey figure (never hidden): pass just what decides the cell, so that the
        # cached _figuur sees few distinct inputs. The mean rounded to one decimal is
        # _gemiddeld inlined (thousands of instruments).
        if nt >= n:
            klein = 0 < gc < MIN_GESPREKKEN  # onderdrukt()
            coach, _ = _figuur(round(st / nt, 1), nt, None, n, label, klein)
            resultaat = _aspect(True, round(sr / nr, 1) if nr else None, klein)
            uitvoering = _aspect(True, round(su / nu, 1) if nu else None, klein)
        else:
            coach, _ = _figuur(None, 0, prof, n, label, False)
            resultaat = uitvoering = LEEG_CEL
        if nk >= n:
            klant, _ = _figuur(round(sk / nk, 1), nk, None, n, label, 0 < gk < MIN_GESPREKKEN)
        else:
            klant, _ = _figuur(None, 0, werkz, n, label, False)
        uit[i] = InstrumentCijfers(coach, resultaat, uitvoering, klant)
    leeg = InstrumentCijfers(LEEG_CEL, LEEG_CEL, LEEG_CEL, LEEG_CEL)
    return {i: uit.get(i, leeg) for i in lijst}


def uitleg_cijfers(session: Session) -> str:
    """The rule in words for the table's explanation, naming the survey label (setting
    `waardering_enquete`) that the short survey cells ("7,5*") leave out."""
    n = minimum(session)
    return (
        "Cijfers (1 tot 10): dezelfde als bij zoeken en vergelijken. Het gemiddelde van alle "
        f"terugblikken (niet alleen deze periode) zodra er minstens {n} zijn, met het aantal "
        f"erachter (12×). {ENQUETE_TEKEN} uit {_bron(enquete_label(session))}: nog geen {n} "
        "terugblikken met een cijfer."
    )
