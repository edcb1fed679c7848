"""The Inzicht figures as shown: tables of suppressed cells, for the screen, CLI and exports.

`bereken_inzicht` runs the screen's whole query set in one read-only unit of work and turns
every raw count into a Cel (onderdrukking.py). Nothing outside this package sees raw counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from keuzehulp.model.base import nu
from keuzehulp.model.db import Database
from keuzehulp.services.inzicht import dekking as dk
from keuzehulp.services.inzicht import onderhoud
from keuzehulp.services.inzicht.feiten import feiten
from keuzehulp.services.inzicht.filter import InzichtFilter
from keuzehulp.services.inzicht.gebruik import GEEN, Dimensie, GebruikRij, gebruik
from keuzehulp.services.inzicht.kosten import TOTAAL, kosten
from keuzehulp.services.inzicht.onderdrukking import (
    MIN_GESPREKKEN,
    Cel,
    aantal,
    bedrag,
    gemiddelde,
    getal_nl,
    percentage,
)
from keuzehulp.services.inzicht.overlap import overlap
from keuzehulp.services.inzicht.uitkomsten import CIJFERS, uitkomsten

GEEN_TEKST = {
    Dimensie.ROUTE: "(geen route gekozen)",
    Dimensie.KENMERK: "(geen kenmerk gekozen)",
    Dimensie.GEMEENTE: "(geen gemeente gekozen)",
}
GEBRUIK_KOLOMMEN = ("Gesprekken", "Met korte lijst", "Met keuze", "Gestart", "Afgerond", "Gestopt")
ONDERDRUKT_UITLEG = (
    f"Een getal over minder dan {MIN_GESPREKKEN} gesprekken staat er als ‘<{MIN_GESPREKKEN}’: "
    "zo is niemand te herkennen."
)


@dataclass(frozen=True, slots=True)
class Tabel:
    """A titled table; the first column names the row, every cell is already suppressed."""

    sleutel: str
    titel: str
    uitleg: str
    kolommen: tuple[str, ...]
    rijen: Sequence[tuple[Cel, ...]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Inzicht:
    """Everything the Inzicht screen shows for one filter; `tabellen` in display order."""

    filter: InzichtFilter
    gemaakt_op: dt.datetime
    kerncijfers: list[tuple[str, Cel]]
    tabellen: dict[str, Tabel]


def _tekst(t: str) -> Cel:
    return Cel(t)


def _gebruik_tabel(
    sleutel: str, titel: str, kop: str, rijen: list[GebruikRij], dim: Dimensie
) -> Tabel:
    uit = []
    for r in rijen:
        naam = GEEN_TEKST.get(dim, r.naam) if r.sleutel == GEEN else r.naam
        uit.append(
            (_tekst(naam), aantal(r.gesprekken), aantal(r.korte_lijst), aantal(r.gekozen),
             aantal(r.gestart), aantal(r.afgerond), aantal(r.gestopt))
        )  # fmt: skip
    uitleg = (
        "Gesprekken per groep. Gestart, afgerond en gestopt: de stand bij de laatste "
        "terugblik van het gesprek. Een gesprek met twee keuzes in de zoekvraag telt bij "
        "allebei. " + ONDERDRUKT_UITLEG
    )
    return Tabel(sleutel, titel, uitleg, (kop, *GEBRUIK_KOLOMMEN), uit)


def _instrument_tabel(rijen: list[GebruikRij]) -> Tabel:
    uit = [
        (_tekst(r.naam), aantal(r.korte_lijst), aantal(r.gekozen),
         percentage(r.gekozen, r.korte_lijst), aantal(r.gestart), aantal(r.afgerond),
         aantal(r.gestopt))
        for r in rijen
    ]  # fmt: skip
    return Tabel(
        "gebruik_instrument",
        "Gebruik per instrument",
        "Hoe vaak een instrument op de korte lijst stond en hoe vaak het gekozen werd. "
        + ONDERDRUKT_UITLEG,
        ("Instrument", "Op korte lijst", "Gekozen", "Gekozen van korte lijst",
         "Gestart", "Afgerond", "Gestopt"),
        uit,
    )  # fmt: skip


def _kosten_tabel(session: Session, filter_: InzichtFilter) -> tuple[Tabel, Cel]:
    rijen = kosten(session, filter_)
    uit = []
    totaal_centen = totaal_n = 0
    for r in rijen:
        if r.gemeente == TOTAAL:
            totaal_centen += r.centen
            totaal_n += r.gekozen
        gemeente = GEEN_TEKST[Dimensie.GEMEENTE] if r.gemeente == GEEN else r.gemeente
        uit.append(
            (_tekst(r.maand), _tekst(gemeente), aantal(r.gekozen),
             aantal(r.zonder_bedrag, r.gekozen), bedrag(r.centen, r.gekozen))
        )  # fmt: skip
    tabel = Tabel(
        "kosten",
        "Kosten van de keuzes",
        "Wat de gekozen instrumenten kosten (prijs per persoon uit de catalogus), per maand "
        "en gemeente. ‘Zonder bedrag’: instrumenten met een prijs op aanvraag. "
        + ONDERDRUKT_UITLEG,
        ("Maand", "Gemeente", "Keuzes", "Zonder bedrag", "Kosten"),
        uit,
    )
    return tabel, bedrag(totaal_centen, totaal_n)


def _dekking_tabel(sleutel: str, titel: str, uitleg: str, d: dk.Dekking) -> tuple[Tabel, int]:
    uit = []
    witte = 0
    for code, naam, diepte in d.kenmerken:
        cellen = []
        for kolom, _ in d.kolommen:
            n = d.aantal.get((code, kolom), 0)
            witte += d.wit(code, kolom)
            cellen.append(Cel(getal_nl(n), float(n), wit=d.wit(code, kolom)))
        uit.append((_tekst("    " * diepte + f"{code} {naam}"), *cellen))
    kolommen = ("Kenmerk", *(n for _, n in d.kolommen))
    return Tabel(sleutel, titel, uitleg, kolommen, uit), witte


def _uitkomsten_tabel(session: Session, filter_: InzichtFilter) -> Tabel:
    uit = []
    for u in uitkomsten(session, filter_):
        cijfers = []
        for k in CIJFERS:
            c = u.cijfers[k]
            cel = gemiddelde(c.gemiddelde, c.gesprekken)
            if cel.waarde is not None:
                cel = Cel(f"{cel.tekst} ({c.gesprekken}×)", cel.waarde)
            cijfers.append(cel)
        uit.append(
            (_tekst(u.naam), aantal(u.gesprekken), aantal(u.status["afgerond"]),
             aantal(u.status["gestopt"]), aantal(u.doel["ja"]), aantal(u.doel["deels"]),
             aantal(u.doel["nee"]), *cijfers)
        )  # fmt: skip
    return Tabel(
        "uitkomsten",
        "Uitkomsten en cijfers per instrument",
        "Uit de terugblikken: de stand bij de laatste terugblik, of het doel bereikt is, en "
        "de gemiddelde cijfers (1 tot 10) van coaches en klanten, met het aantal gesprekken. "
        + ONDERDRUKT_UITLEG,
        ("Instrument", "Met terugblik", "Afgerond", "Gestopt", "Doel bereikt", "Deels",
         "Niet bereikt", "Coach: totaal", "Coach: resultaat", "Coach: uitvoering", "Klant"),
        uit,
    )  # fmt: skip


def _lijst(
    sleutel: str, titel: str, uitleg: str, kop: str, regels: list[onderhoud.InstrumentRegel]
) -> Tabel:
    rijen = [
        (_tekst(r.naam), _tekst(r.regiehouder or "–"), _tekst(f"{r.sinds:%d-%m-%Y}"))
        for r in regels
    ]
    return Tabel(sleutel, titel, uitleg, ("Instrument", "Regiehouder", kop), rijen)


def bereken_inzicht(db: Database, filter_: InzichtFilter | None = None) -> Inzicht:
    """All figures for the filter (default: all gesprekken, all gemeenten), in one unit of work.

    Raises InvoerFout for a wrong period (tot before van) and DatabaseFout for an engine other
    than SQLite or PostgreSQL."""
    filter_ = filter_ or InzichtFilter()
    tabellen: dict[str, Tabel] = {}
    with db.lezen() as s, feiten(s, filter_):
        periode = gebruik(s, filter_, Dimensie.PERIODE)
        tabellen["gebruik_periode"] = _gebruik_tabel(
            "gebruik_periode", "Gebruik per maand", "Maand", periode, Dimensie.PERIODE
        )
        tabellen["gebruik_instrument"] = _instrument_tabel(gebruik(s, filter_, Dimensie.INSTRUMENT))
        for dim, titel, kop in (
            (Dimensie.ROUTE, "Gebruik per route", "Route"),
            (Dimensie.KENMERK, "Gebruik per kenmerk", "Kenmerk"),
            (Dimensie.GEMEENTE, "Gebruik per gemeente", "Gemeente"),
        ):
            tabellen[f"gebruik_{dim}"] = _gebruik_tabel(
                f"gebruik_{dim}", titel, kop, gebruik(s, filter_, dim), dim
            )
        tabellen["kosten"], totaal_kosten = _kosten_tabel(s, filter_)
        waar = filter_.gemeente or "alle gemeenten"
        tabellen["dekking"], witte = _dekking_tabel(
            "dekking",
            f"Dekking: kenmerk en route ({waar})",
            "Aantal actieve instrumenten per kenmerk en route. Een witte vlek (0 of 1 "
            "instrument) is gemarkeerd. Een kenmerk telt ook zijn onderdelen mee.",
            dk.dekking_routes(s, filter_.gemeente),
        )
        tabellen["dekking_gemeente"], _ = _dekking_tabel(
            "dekking_gemeente",
            "Dekking per gemeente",
            "Aantal actieve instrumenten per kenmerk dat in de gemeente wordt aangeboden "
            "(of in alle gemeenten). Witte vlekken (0 of 1) zijn gemarkeerd.",
            dk.dekking_gemeenten(s),
        )
        paren = overlap(s)
        tabellen["overlap"] = Tabel(
            "overlap",
            "Overlap: instrumenten die erg op elkaar lijken",
            "Actieve instrumenten met hetzelfde type, dezelfde routes en gemeenten en bijna "
            "dezelfde kenmerken. Om te bespreken in de beheergroep.",
            ("Instrument", "Lijkt op", "Type", "Gedeelde kenmerken", "Gelijkenis"),
            [
                (_tekst(p.a_naam), _tekst(p.b_naam), _tekst(p.type), Cel(str(p.gedeeld), p.gedeeld),
                 Cel(f"{round(100 * p.jaccard)}%", round(100 * p.jaccard)))
                for p in paren
            ],
        )  # fmt: skip
        nooit = onderhoud.nooit_gekozen(s)
        tabellen["nooit_gekozen"] = _lijst(
            "nooit_gekozen",
            "Nooit gekozen in de laatste 12 maanden",
            "Actieve instrumenten die in geen enkel gesprek van de laatste 12 maanden zijn "
            "gekozen (alle gemeenten).",
            "In catalogus sinds",
            nooit,
        )
        oud = onderhoud.verouderd(s)
        tabellen["verouderd"] = _lijst(
            "verouderd",
            "Lang niet beoordeeld",
            "Actieve en concept-instrumenten die 6 maanden of langer niet zijn beoordeeld "
            "of gewijzigd (zie Beheer, Actualiteit).",
            "Laatst bekeken",
            oud,
        )
        tabellen["uitkomsten"] = _uitkomsten_tabel(s, filter_)
    totaal = sum((r.gesprekken for r in periode), 0)
    kern = [
        ("Gesprekken", aantal(totaal)),
        ("Met keuze", aantal(sum(r.gekozen for r in periode))),
        ("Afgerond", aantal(sum(r.afgerond for r in periode))),
        ("Gestopt", aantal(sum(r.gestopt for r in periode))),
        ("Kosten van de keuzes", totaal_kosten),
        ("Witte vlekken (kenmerk en route)", Cel(str(witte), witte)),
        ("Paren met overlap", Cel(str(len(paren)), len(paren))),
        ("Nooit gekozen (12 maanden)", Cel(str(len(nooit)), len(nooit))),
        ("Lang niet beoordeeld", Cel(str(len(oud)), len(oud))),
    ]
    return Inzicht(filter_, nu(), kern, tabellen)
