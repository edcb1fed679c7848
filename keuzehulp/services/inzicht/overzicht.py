"""The Inzicht figures as shown: tables of suppressed cells, for the screen, CLI and exports.

`bereken_inzicht` runs the screen's whole query set in one read-only unit of work, hands every
raw count with the sums between them to one `Beveiliging` (onderdrukking.py: small cells and
the cells that would give them away, across all tables at once), and turns what is left into
Cel values. Nothing outside this package sees raw counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from operator import attrgetter

from keuzehulp.model.base import nu
from keuzehulp.model.db import Database
from keuzehulp.services.geheugen import zonder_opruimen
from keuzehulp.services.inzicht import catalogusfiguren, onderhoud
from keuzehulp.services.inzicht import dekking as dk
from keuzehulp.services.inzicht.cijfers import (
    InstrumentCijfers,
    alle_cijfers,
    instrument_cijfers,
    uitleg_cijfers,
)
from keuzehulp.services.inzicht.feiten import Feiten, feiten
from keuzehulp.services.inzicht.filter import InzichtFilter
from keuzehulp.services.inzicht.gebruik import (
    GEEN,
    KORTE_LIJSTEN,
    Dimensie,
    GebruikRij,
    gebruik,
    korte_lijsten,
)
from keuzehulp.services.inzicht.kosten import TOTAAL, KostenRij, kosten
from keuzehulp.services.inzicht.onderdrukking import (
    MIN_GESPREKKEN,
    ONDERDRUKT_UITLEG,
    VERBORGEN_CEL,
    Beveiliging,
    Cel,
    bedrag,
    getal_nl,
    getoond_aantal,
    percentage,
)
from keuzehulp.services.inzicht.overlap import OverlapPaar
from keuzehulp.services.inzicht.uitkomsten import Uitkomst, uitkomsten
from keuzehulp.services.inzicht.vooruit import Vooruit, afgewacht, of_zelf

__all__ = ["ONDERDRUKT_UITLEG", "Inzicht", "Tabel", "bereken_inzicht"]

GEEN_TEKST = {
    Dimensie.ROUTE: "(geen route gekozen)",
    Dimensie.KENMERK: "(geen kenmerk gekozen)",
    Dimensie.GEMEENTE: "(geen gemeente gekozen)",
}
GEBRUIK_KOLOMMEN = ("Gesprekken", "Met korte lijst", "Met keuze", "Gestart", "Afgerond", "Gestopt")
MATEN = ("gesprekken", "korte_lijst", "gekozen", "gestart", "afgerond", "gestopt")
KERN_MATEN = ("gesprekken", "gekozen", "afgerond", "gestopt")  # totals shown as key figures
INSTRUMENT_MATEN = ("korte_lijst", "gekozen", "gestart", "afgerond", "gestopt")
# The dimensions' names as plain strings: Enum's `.value` is a slow descriptor, and keys
# are built a hundred thousand times per screen.
_NAAM = {d: str(d.value) for d in Dimensie}
_INSTRUMENT, _PERIODE, _GEMEENTE = (
    _NAAM[Dimensie.INSTRUMENT], _NAAM[Dimensie.PERIODE], _NAAM[Dimensie.GEMEENTE])  # fmt: skip


@dataclass(frozen=True, slots=True)
class Tabel:
    """A titled table; the first column names the row, every cell is already suppressed.

    `leeg` says in Dutch why the table has no rows and what to do about it."""

    sleutel: str
    titel: str
    uitleg: str
    kolommen: tuple[str, ...]
    rijen: Sequence[tuple[Cel, ...]] = field(default_factory=list)
    leeg: str = "Nog geen gegevens."


@dataclass(frozen=True, slots=True)
class Inzicht:
    """Everything the Inzicht screen shows for one filter; `tabellen` in display order."""

    filter: InzichtFilter
    gemaakt_op: dt.datetime
    kerncijfers: list[tuple[str, Cel]]
    tabellen: dict[str, Tabel]


@dataclass
class _Ruw:
    """The raw figures of one filter, before anything is hidden."""

    gebruik: dict[Dimensie, list[GebruikRij]]
    kosten: list[KostenRij]
    uitkomsten: list[Uitkomst]

    @cached_property
    def per_instrument(self) -> dict[str, GebruikRij]:
        return {r.sleutel: r for r in self.gebruik[Dimensie.INSTRUMENT]}

    @cached_property
    def uitkomst_sleutels(self) -> list[tuple[Hashable, ...]]:
        """Per row of `uitkomsten`, the keys of its afgerond and gestopt counts, the only ones
        in a sum (the others follow the first rule alone). They usually equal the
        instrument's use counts (the newest terugblik is about the chosen instrument): the
        same figure then has the same key, so it is hidden in both tables or in neither."""
        per = self.per_instrument
        uit: list[tuple[Hashable, ...]] = []
        for u in self.uitkomsten:  # thousands of instruments: no call per row
            i, status = u.instrument_id, u.status
            gebruikt = per.get(str(i))
            if gebruikt is None:
                uit.append((("uitkomst", i, "afgerond"), ("uitkomst", i, "gestopt")))
                continue
            uit.append((
                (_INSTRUMENT, str(i), "afgerond") if gebruikt.afgerond == status["afgerond"]
                else ("uitkomst", i, "afgerond"),
                (_INSTRUMENT, str(i), "gestopt") if gebruikt.gestopt == status["gestopt"]
                else ("uitkomst", i, "gestopt"),
            ))  # fmt: skip
        return uit

    def totaal(self, maat: str) -> int:
        return sum(getattr(r, maat) for r in self.gebruik[Dimensie.PERIODE])


def _kosten_sleutel(r: KostenRij, maat: str) -> Hashable:
    if maat == "gekozen":  # a month's total of choices is the month's "Met keuze"
        return (_PERIODE, r.maand, "gekozen") if r.gemeente == TOTAAL else (
            "kosten", r.maand, r.gemeente, "gekozen")  # fmt: skip
    return ("kosten", r.maand, r.gemeente, maat)


def _beveilig(ruw: _Ruw) -> frozenset[Hashable]:
    """Which figures to hide: every count and amount, with every sum a reader could use."""
    b = Beveiliging()
    for m in MATEN:
        b.tel(("totaal", m), ruw.totaal(m), getoond=m in KERN_MATEN)
    for dim, rijen in ruw.gebruik.items():
        # Per instrument, shortlist counts are in no sum (a gesprek has several options).
        maten = INSTRUMENT_MATEN[1:] if dim is Dimensie.INSTRUMENT else MATEN
        naam = _NAAM[dim]
        # Each key made once, row by row (the order decides ties), then shared by its sum.
        per_cel = [(naam, r.sleutel, m) for r in rijen for m in maten]
        lees = attrgetter(*maten)
        b.tel_veel(zip(per_cel, [n for r in rijen for n in lees(r)], strict=True))
        for j, m in enumerate(maten):
            # A gesprek with two routes counts twice: then the parts add up to more.
            b.som(("totaal", m), per_cel[j :: len(maten)])
    maanden: dict[str, list[KostenRij]] = {}
    for k in ruw.kosten:
        b.tel(_kosten_sleutel(k, "gekozen"), k.gekozen)
        b.tel(_kosten_sleutel(k, "zonder"), k.zonder_bedrag)
        b.geld(_kosten_sleutel(k, "centen"), k.centen, k.gekozen)
        maanden.setdefault(k.maand, []).append(k)
    totaal_centen = sum(r.centen for r in ruw.kosten if r.gemeente == TOTAAL)
    b.geld(("totaal", "centen"), totaal_centen, ruw.totaal("gekozen"))
    b.som(("totaal", "centen"), [("kosten", m, TOTAAL, "centen") for m in maanden])
    for m, kosten_rijen in maanden.items():
        delen = [k for k in kosten_rijen if k.gemeente != TOTAAL]
        for maat in ("gekozen", "zonder", "centen"):
            totaal = _kosten_sleutel(KostenRij(m, TOTAAL, 0, 0, 0), maat)
            b.som(totaal, [_kosten_sleutel(k, maat) for k in delen])
    for g in sorted({k.gemeente for k in ruw.kosten if k.gemeente != TOTAAL}):
        per_maand = [("kosten", m, g, "gekozen") for m in maanden]
        b.som((_GEMEENTE, g, "gekozen"), per_maand)
    # Only the counts in a sum (afgerond, gestopt); the others follow the first rule.
    sleutels = ruw.uitkomst_sleutels
    b.tel_veel(
        paar
        for s, u in zip(sleutels, ruw.uitkomsten, strict=True)
        for paar in ((s[0], u.status["afgerond"]), (s[1], u.status["gestopt"]))
    )
    for j, m in ((0, "afgerond"), (1, "gestopt")):
        b.som(("totaal", m), [s[j] for s in sleutels])
    return b.verborgen()


def _leeg_gesprekken(filter_: InzichtFilter) -> str:
    if filter_.gemeente:
        return (
            f"Nog geen gesprekken voor {filter_.gemeente} in deze periode. Kies een langere "
            "periode of ‘Alle gemeenten’."
        )
    return "Nog geen gesprekken in deze periode. Kies een langere periode."


class _Cellen(dict[int, Cel]):
    """A count's cell by the first rule alone (hidden when 1-4), made once per value."""

    def __missing__(self, n: int) -> Cel:
        cel = self[n] = VERBORGEN_CEL if 0 < n < MIN_GESPREKKEN else getoond_aantal(n)
        return cel


class _Namen(dict[str, Cel]):
    """A name's cell, made once per name (an instrument is in several tables)."""

    def __missing__(self, naam: str) -> Cel:
        cel = self[naam] = Cel(naam)
        return cel


class _Bouwer:
    """Turns raw figures into tables, hiding what `_beveilig` chose."""

    def __init__(self, ruw: _Ruw, verborgen: frozenset[Hashable], filter_: InzichtFilter):
        self.ruw, self.verborgen, self.filter = ruw, verborgen, filter_
        self.leeg = _leeg_gesprekken(filter_)
        # Count -> its cell by the first rule, and name -> its cell: one shared immutable
        # Cel per distinct value, looked up at C speed (tens of thousands of cells a screen).
        self.cellen = _Cellen()
        self.namen = _Namen()

    def n(self, sleutel: Hashable, waarde: int) -> Cel:
        """A count: hidden when small (1-4) or when `_beveilig` hid it to protect another."""
        # aantal() inlined: tens of thousands of cells a screen.
        if 0 < waarde < MIN_GESPREKKEN or sleutel in self.verborgen:
            return VERBORGEN_CEL
        return getoond_aantal(waarde)

    def gebruik_tabel(self, dim: Dimensie, titel: str, kop: str) -> Tabel:
        uit = []
        d = _NAAM[dim]
        for r in self.ruw.gebruik[dim]:
            naam = GEEN_TEKST.get(dim, r.naam) if r.sleutel == GEEN else r.naam
            uit.append((Cel(naam), *(self.n((d, r.sleutel, m), getattr(r, m)) for m in MATEN)))
        uitleg = (
            "Gesprekken per groep. Gestart, afgerond en gestopt: de stand bij de laatste "
            "terugblik van het gesprek. Een gesprek met twee keuzes in de zoekvraag telt bij "
            "allebei. " + ONDERDRUKT_UITLEG
        )
        return Tabel(f"gebruik_{dim}", titel, uitleg, (kop, *GEBRUIK_KOLOMMEN), uit, self.leeg)

    def instrument_tabel(self) -> Tabel:
        uit = []
        # The few figures per instrument hidden to protect another; the rest by the first
        # rule alone (no key built per cell: ten thousand instruments).
        # A small figure (1-4) is hidden by the first rule anyway (`cel`): only the others
        # need the slow path.
        weg: dict[str, set[str]] = {}
        per = self.ruw.per_instrument
        for s in self.verborgen:
            if isinstance(s, tuple) and len(s) == 3 and s[0] == _INSTRUMENT:
                r = per.get(s[1])
                if r is None or not 0 < getattr(r, s[2]) < MIN_GESPREKKEN:
                    weg.setdefault(s[1], set()).add(s[2])
        cel, naam = self.cellen, self.namen
        delen: dict[tuple[int, int], Cel] = {}
        for r in self.ruw.gebruik[Dimensie.INSTRUMENT]:
            w = weg.get(r.sleutel)
            rij: tuple[Cel, ...]
            if w is None:  # most rows: every cell by the first rule, shared per value
                rij = (cel[r.korte_lijst], cel[r.gekozen], cel[r.gestart], cel[r.afgerond],
                       cel[r.gestopt])  # fmt: skip
            else:
                rij = tuple(
                    VERBORGEN_CEL if m in w else cel[getattr(r, m)] for m in INSTRUMENT_MATEN
                )
            lijst, gekozen = rij[0], rij[1]
            if gekozen is VERBORGEN_CEL or lijst is VERBORGEN_CEL:
                deel = VERBORGEN_CEL
            elif (deel := delen.get((r.gekozen, r.korte_lijst))) is None:  # type: ignore[assignment]
                deel = delen[r.gekozen, r.korte_lijst] = percentage(r.gekozen, r.korte_lijst)
            uit.append((naam[r.naam], lijst, gekozen, deel, *rij[2:]))
        leeg = self.leeg if self.ruw.totaal("gesprekken") == 0 else (
            "In deze gesprekken staat nog geen instrument op een korte lijst. Een korte lijst "
            "maakt u in het gesprek (Zoeken, ‘Op de korte lijst’).")  # fmt: skip
        return Tabel(
            "gebruik_instrument",
            "Gebruik per instrument",
            "Hoe vaak een instrument op de korte lijst stond en hoe vaak het gekozen werd. "
            + ONDERDRUKT_UITLEG,
            ("Instrument", "Op korte lijst", "Gekozen", "Gekozen van korte lijst",
             "Gestart", "Afgerond", "Gestopt"),
            uit, leeg,
        )  # fmt: skip

    def kosten_tabel(self) -> Tabel:
        uit = []
        for r in self.ruw.kosten:
            gemeente = GEEN_TEKST[Dimensie.GEMEENTE] if r.gemeente == GEEN else r.gemeente
            vet = r.gemeente == TOTAAL
            sleutel = {m: _kosten_sleutel(r, m) for m in ("gekozen", "zonder", "centen")}
            rij = (Cel(r.maand), Cel(gemeente), self.n(sleutel["gekozen"], r.gekozen),
                   self.n(sleutel["zonder"], r.zonder_bedrag),
                   bedrag(r.centen, sleutel["centen"] in self.verborgen))  # fmt: skip
            uit.append(tuple(replace(c, vet=True) for c in rij) if vet else rij)
        leeg = self.leeg if self.ruw.totaal("gesprekken") == 0 else (
            "In deze periode is nog in geen enkel gesprek een instrument gekozen. Kosten tellen "
            "mee zodra een gesprek een keuze heeft.")  # fmt: skip
        return Tabel(
            "kosten",
            "Kosten van de keuzes",
            "Wat de gekozen instrumenten kosten (prijs per persoon uit de catalogus), per maand "
            "en gemeente; ‘Totaal’ is de hele maand. ‘Zonder bedrag’: keuzes van instrumenten "
            "met een prijs op aanvraag, niet in de kosten meegeteld. " + ONDERDRUKT_UITLEG,
            ("Maand", "Gemeente", "Keuzes", "Zonder bedrag", "Kosten"),
            uit,
            leeg,
        )

    def uitkomsten_tabel(self, cijfers: dict[int, InstrumentCijfers], uitleg_cijfers: str) -> Tabel:
        uit = []
        cel, naam, verborgen = self.cellen, self.namen, self.verborgen
        for u, (k_afgerond, k_gestopt) in zip(
            self.ruw.uitkomsten, self.ruw.uitkomst_sleutels, strict=True
        ):
            # Only afgerond and gestopt are in a sum; the other counts by the first rule.
            status, doel = u.status, u.doel
            afgerond = VERBORGEN_CEL if k_afgerond in verborgen else cel[status["afgerond"]]
            gestopt = VERBORGEN_CEL if k_gestopt in verborgen else cel[status["gestopt"]]
            c = cijfers[u.instrument_id]
            uit.append((naam[u.naam], cel[u.gesprekken], afgerond, gestopt, cel[doel["ja"]],
                        cel[doel["deels"]], cel[doel["nee"]], c.coaches, c.resultaat,
                        c.uitvoering, c.klanten))  # fmt: skip
        leeg = self.leeg if self.ruw.totaal("gesprekken") == 0 else (
            "Nog geen terugblikken bij de gesprekken van deze periode. Een terugblik vult u in "
            "bij een bewaard gesprek met een keuze (knop ‘Terugblik…’).")  # fmt: skip
        return Tabel(
            "uitkomsten",
            "Uitkomsten en cijfers per instrument",
            "Uit de terugblikken van deze periode: de stand bij de laatste terugblik en of het "
            "doel bereikt is, in aantallen gesprekken. " + uitleg_cijfers + " Resultaat en "
            "uitvoering: de cijfers van coaches voor die twee kanten." + " "
            + ONDERDRUKT_UITLEG,
            ("Instrument", "Met terugblik", "Afgerond", "Gestopt", "Doel bereikt", "Deels",
             "Niet bereikt", "Coaches", "Resultaat", "Uitvoering", "Klanten"),
            uit, leeg,
        )  # fmt: skip


def _dekking_tabel(
    sleutel: str, titel: str, uitleg: str, d: dk.Dekking, leeg: str
) -> tuple[Tabel, int]:
    uit = []
    witte = 0
    for code, naam, diepte in d.kenmerken:
        cellen = []
        for kolom, _ in d.kolommen:
            n = d.aantal.get((code, kolom), 0)
            witte += d.wit(code, kolom)
            cellen.append(Cel(getal_nl(n), float(n), wit=d.wit(code, kolom)))
        uit.append((Cel("    " * diepte + f"{code} {naam}"), *cellen))
    if not d.kolommen:
        uit = []
    kolommen = ("Kenmerk", *(n for _, n in d.kolommen))
    return Tabel(sleutel, titel, uitleg, kolommen, uit, leeg), witte


def _overlap_tabel(paren: list[OverlapPaar]) -> Tabel:
    return Tabel(
        "overlap",
        "Overlap: instrumenten die erg op elkaar lijken",
        "Actieve instrumenten met hetzelfde type, dezelfde routes en gemeenten en bijna "
        "dezelfde kenmerken. Om te bespreken in de beheergroep.",
        ("Instrument", "Lijkt op", "Type", "Gedeelde kenmerken", "Gelijkenis"),
        [
            (Cel(p.a_naam), Cel(p.b_naam), Cel(p.type), Cel(str(p.gedeeld), p.gedeeld),
             Cel(f"{round(100 * p.jaccard)}%", round(100 * p.jaccard)))
            for p in paren
        ],
        "Geen actieve instrumenten die zo op elkaar lijken dat de beheergroep ze moet "
        "bespreken. Er is hier niets te doen.",
    )  # fmt: skip


def _lijst(
    sleutel: str,
    titel: str,
    uitleg: str,
    kop: str,
    regels: list[onderhoud.InstrumentRegel],
    leeg: str,
) -> Tabel:
    rijen = [(Cel(r.naam), Cel(r.regiehouder or "–"), Cel(f"{r.sinds:%d-%m-%Y}")) for r in regels]
    return Tabel(sleutel, titel, uitleg, ("Instrument", "Regiehouder", kop), rijen, leeg)


def bereken_inzicht(db: Database, filter_: InzichtFilter | None = None) -> Inzicht:
    """All figures for the filter (default: all gesprekken, all gemeenten), in one unit of work.

    Raises InvoerFout for a wrong period (tot before van) and DatabaseFout for an engine other
    than SQLite or PostgreSQL."""
    filter_ = filter_ or InzichtFilter()
    tabellen: dict[str, Tabel] = {}
    # Tens of thousands of cells and keys without cycles: no collector passes over them
    # while they are made, and the result is frozen after (services/geheugen.py, as the
    # screen does; a young collection instead would walk every new object once more).
    # 10-25% of the time at 200,000 gesprekken.
    # Heavy queries that need no other figure run ahead on threads of their own while this
    # one computes the rest (vooruit.py); None where the database cannot be shared.
    voor_lijsten = Vooruit.start(db, lambda s: korte_lijsten(s, Feiten(filter_)), "korte-lijsten")
    voor_cijfers = Vooruit.start(db, alle_cijfers, "cijfers")
    # The catalogue's figures: from the cache at once, or computed beside the rest.
    voor_dekking = Vooruit.start(
        db, lambda s: catalogusfiguren.dekking_routes(s, filter_.gemeente), "dekking"
    )
    voor_gemeenten = Vooruit.start(db, catalogusfiguren.dekking_gemeenten, "dekking-gemeenten")
    voor_overlap = Vooruit.start(db, catalogusfiguren.overlap_paren, "overlap")
    with (
        afgewacht(voor_lijsten, voor_cijfers, voor_dekking, voor_gemeenten, voor_overlap),
        zonder_opruimen(),
        db.lezen() as s,
        feiten(s, filter_) as f,
    ):
        if voor_lijsten is not None:
            f.vooraf[KORTE_LIJSTEN] = voor_lijsten
        # Use per instrument waits for the shortlist counts: it comes last, while the dict
        # keeps Dimensie's order (the suppression's ties follow it).
        andere = {d: gebruik(s, filter_, d) for d in Dimensie if d is not Dimensie.INSTRUMENT}
        kosten_rijen, afloop = kosten(s, filter_), uitkomsten(s, filter_, met_cijfers=False)
        per_dim = {d: andere[d] if d in andere else gebruik(s, filter_, d) for d in Dimensie}
        ruw = _Ruw(per_dim, kosten_rijen, afloop)
        bouw = _Bouwer(ruw, _beveilig(ruw), filter_)
        tabellen["gebruik_periode"] = bouw.gebruik_tabel(
            Dimensie.PERIODE, "Gebruik per maand", "Maand"
        )
        tabellen["gebruik_instrument"] = bouw.instrument_tabel()
        for dim, titel, kop in (
            (Dimensie.ROUTE, "Gebruik per route", "Route"),
            (Dimensie.KENMERK, "Gebruik per kenmerk", "Kenmerk"),
            (Dimensie.GEMEENTE, "Gebruik per gemeente", "Gemeente"),
        ):
            tabellen[f"gebruik_{dim}"] = bouw.gebruik_tabel(dim, titel, kop)
        tabellen["kosten"] = bouw.kosten_tabel()
        waar = filter_.gemeente or "alle gemeenten"
        geen_kenmerken = (
            "Er zijn nog geen actieve kenmerken of routes. Voeg ze toe in Beheer; daarna ziet "
            "u hier waar instrumenten ontbreken."
        )
        tabellen["dekking"], witte = _dekking_tabel(
            "dekking",
            f"Dekking: kenmerk en route ({waar})",
            "Aantal actieve instrumenten per kenmerk en route. Een witte vlek (0 of 1 "
            "instrument) is gemarkeerd. Een kenmerk telt ook zijn onderdelen mee.",
            of_zelf(voor_dekking, lambda: catalogusfiguren.dekking_routes(s, filter_.gemeente)),
            geen_kenmerken,
        )
        tabellen["dekking_gemeente"], _ = _dekking_tabel(
            "dekking_gemeente",
            "Dekking per gemeente",
            "Aantal actieve instrumenten per kenmerk dat in de gemeente wordt aangeboden "
            "(of in alle gemeenten). Witte vlekken (0 of 1) zijn gemarkeerd.",
            of_zelf(voor_gemeenten, lambda: catalogusfiguren.dekking_gemeenten(s)),
            "Er zijn nog geen gemeenten of actieve kenmerken in de catalogus. Voeg ze toe in "
            "Beheer.",
        )
        paren = of_zelf(voor_overlap, lambda: catalogusfiguren.overlap_paren(s))
        tabellen["overlap"] = _overlap_tabel(paren)
        nooit, nieuw = onderhoud.nooit_gekozen(s), onderhoud.nieuwer(s)
        maanden = onderhoud.NOOIT_GEKOZEN_MAANDEN
        oud_genoeg = onderhoud.oud_genoeg(s)
        nooit_kern = _nooit_kern(len(nooit), oud_genoeg, nieuw, maanden)
        if oud_genoeg:
            nooit_leeg = (
                f"Elk instrument dat al {maanden} maanden in de catalogus staat, is in die tijd "
                "minstens één keer gekozen. Er is hier niets te doen."
            )
        else:
            jonger = f": alle {getal_nl(nieuw)} zijn jonger" if nieuw else ""
            nooit_leeg = (
                f"Nog geen actief instrument staat al {maanden} maanden in de catalogus{jonger}. "
                f"Een instrument telt hier mee als het {maanden} maanden meedraait."
            )
        tabellen["nooit_gekozen"] = _lijst(
            "nooit_gekozen",
            f"Nooit gekozen in de laatste {maanden} maanden (alleen instrumenten die al "
            f"{maanden} maanden in de catalogus staan)",
            f"Actieve instrumenten die al minstens {maanden} maanden in de catalogus staan en in "
            "die tijd in geen enkel gesprek zijn gekozen (alle gemeenten, elke periode). "
            + (f"{nieuw} nieuwere instrumenten tellen nog niet mee." if nieuw else ""),
            "In catalogus sinds",
            nooit,
            nooit_leeg,
        )
        oud = onderhoud.verouderd(s)
        tabellen["verouderd"] = _lijst(
            "verouderd",
            "Lang niet beoordeeld",
            "Actieve en concept-instrumenten die 6 maanden of langer niet zijn beoordeeld "
            "of gewijzigd (zie Beheer, Actualiteit).",
            "Laatst bekeken",
            oud,
            "Alle instrumenten zijn in de laatste 6 maanden beoordeeld of bijgewerkt. Er is "
            "hier niets te doen.",
        )
        cijfers = instrument_cijfers(
            s,
            [u.instrument_id for u in ruw.uitkomsten],
            berekend=None if voor_cijfers is None else voor_cijfers.uitkomst(),
        )
        tabellen["uitkomsten"] = bouw.uitkomsten_tabel(cijfers, uitleg_cijfers(s))
    totaal_centen = sum(r.centen for r in ruw.kosten if r.gemeente == TOTAAL)
    kern = [
        *((naam, bouw.n(("totaal", m), ruw.totaal(m))) for naam, m in (
            ("Gesprekken", "gesprekken"), ("Met keuze", "gekozen"), ("Afgerond", "afgerond"),
            ("Gestopt", "gestopt"))),
        ("Kosten van de keuzes", bedrag(totaal_centen, ("totaal", "centen") in bouw.verborgen)),
        ("Witte vlekken (kenmerk en route)", Cel(str(witte), witte)),
        ("Paren met overlap", Cel(str(len(paren)), len(paren))),
        (f"Nooit gekozen in {maanden} maanden", nooit_kern),
        ("Lang niet beoordeeld", Cel(str(len(oud)), len(oud))),
    ]  # fmt: skip
    return Inzicht(filter_, nu(), kern, tabellen)


def _nooit_kern(nooit: int, oud: int, nieuw: int, maanden: int) -> Cel:
    """The key figure "Nooit gekozen": `nooit` of the `oud` instruments that count ("0 van
    40"). With none old enough a 0 would read as good news: "nog niet te zeggen". The tab
    Onderhoud and the figure's tooltip (ui/inzicht/kop.py) name the `nieuw` younger ones."""
    if oud == 0:
        return Cel("nog niet te zeggen")
    return Cel(f"{getal_nl(nooit)} van {getal_nl(oud)}", nooit)
