"""What one result card says, as plain text: the same words for the coach and (B1) the client.

No Qt here: `maak_kaart` turns a search hit into labelled fields that the card delegate lays
out and the accessibility text reads aloud. Wording of the structured fields comes from
`services/weergave.py`, so cards, detail, comparison and PDF agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from keuzehulp.model.tekst import bedrag
from keuzehulp.services.weergave import (
    duur_tekst,
    kosten_klant_tekst,
    plaatsen_tekst,
    uren_tekst,
)
from keuzehulp.services.wensen import (
    WENS_KORT,
    InstrumentFeiten,
    WensKeuze,
    bereken_fit,
)
from keuzehulp.services.zoeken import Treffer
from keuzehulp.services.zoekindex import InstrumentRij, KenmerkOptie, RouteOptie

# Fields every card must show in full (the layout test asks the delegate for each).
VERPLICHT_COACH = (
    "naam",
    "type",
    "aanbieder",
    "plaats",
    "duur",
    "kosten_klant",
    "kosten",
    "cijfer",
)
VERPLICHT_KLANT = ("naam", "type", "aanbieder", "plaats", "duur", "kosten_klant", "cijfer")


@dataclass(frozen=True, slots=True)
class Feit:
    """One labelled fact on a card: 'Waar' 'Tiel, Culemborg'."""

    sleutel: str  # stable name for tests and accessibility: plaats, duur, ...
    label: str
    waarde: str


@dataclass(frozen=True, slots=True)
class Kaart:
    """Everything one card shows; `feiten` flow in one block, the rest are lines."""

    id: int
    naam: str
    cijfer: str  # right of the name: "Coaches: 7,8 (12×)" or "Nog geen cijfer"
    ondertitel: tuple[Feit, ...]  # type and provider
    feiten: tuple[Feit, ...]  # where, how long, cost
    waarom: str  # "Past bij: Eerst werk vinden; 4.1 Sollicitatievaardigheden" or ""
    wensen: str  # "Past bij 3 van je 4 wensen. Wel: ... Niet: ..." or ""
    let_op: str  # expert first, or ""
    op_korte_lijst: bool
    klant: bool
    # The layout and picture caches hash a card on every measure and paint: hash it once.
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        waarden = (
            self.id, self.naam, self.cijfer, self.ondertitel, self.feiten, self.waarom,
            self.wensen, self.let_op, self.op_korte_lijst, self.klant,
        )  # fmt: skip
        object.__setattr__(self, "_hash", hash(waarden))

    def __hash__(self) -> int:
        return self._hash

    def velden(self) -> dict[str, str]:
        """Field name -> text as drawn (naam, cijfer, type, aanbieder, plaats, ..., waarom)."""
        uit = {"naam": self.naam, "cijfer": self.cijfer}
        for feit in (*self.ondertitel, *self.feiten):
            uit[feit.sleutel] = feit.waarde
        for sleutel in ("waarom", "wensen", "let_op"):
            if tekst := getattr(self, sleutel):
                uit[sleutel] = tekst
        return uit

    def voorlees_tekst(self) -> str:
        """One sentence-like line for a screen reader."""
        delen = [self.naam, self.cijfer]
        delen += [f"{f.label} {f.waarde}" for f in (*self.ondertitel, *self.feiten)]
        delen += [t for t in (self.waarom, self.wensen, self.let_op) if t]
        if self.op_korte_lijst:
            delen.append(korte_lijst_tekst(self.klant))
        return ". ".join(d.rstrip(".") for d in delen) + "."


def korte_lijst_tekst(klant: bool) -> str:
    """The mark on a shortlisted card and its button."""
    return "Staat op je korte lijst" if klant else "Staat op de korte lijst"


def kort_bedrag(centen: int) -> str:
    """'€ 1.250' for whole euros, else '€ 1.250,50' (cards are narrow)."""
    tekst = bedrag(centen)
    return tekst.removesuffix(",00")


def _naam(rij: InstrumentRij) -> str:
    # The name starts with its type and ends with the provider, shown on their own.
    if rij.uitvoerder and rij.naam.endswith(f", {rij.uitvoerder}"):
        return rij.naam.removesuffix(f", {rij.uitvoerder}")
    return rij.naam


def _duur(rij: InstrumentRij, klant: bool) -> str:
    if rij.duur_weken is not None:
        tekst = duur_tekst(rij.duur_weken, klant=klant)
        if rij.uren_per_week is not None:
            tekst += ", " + uren_tekst(rij.uren_per_week, klant=klant)
        return tekst
    if rij.omvang_duur:  # the catalogue's own words beat "onbekend"
        return rij.omvang_duur
    return duur_tekst(None, klant=klant)


def _kosten_pp(rij: InstrumentRij) -> str:
    if rij.kosten_centen == 0:
        return "gratis"
    if rij.kosten_centen is not None:
        return kort_bedrag(rij.kosten_centen)
    return rij.kosten_tekst or "onbekend"


def _kosten_klant(rij: InstrumentRij, klant: bool) -> str:
    c = rij.kosten_klant_centen
    if klant:
        return kosten_klant_tekst(c, klant=True)
    if c is None:
        return "onbekend"
    return "gratis" if c == 0 else f"betaalt {kort_bedrag(c)}"


def _cijfer(rij: InstrumentRij, klant: bool) -> str:
    return rij.waardering.hoofdcijfer(klant=klant)


def _waarom(
    treffer: Treffer,
    routes: Mapping[str, RouteOptie],
    kenmerken: Mapping[str, KenmerkOptie],
    klant: bool,
) -> str:
    delen = [routes[c].label if c in routes else c for c in treffer.routes]
    for code in treffer.kenmerken:
        optie = kenmerken.get(code)
        if optie is None:
            delen.append(code)
        elif klant:
            delen.append(optie.klantlabel)
        else:
            delen.append(f"{code} {optie.naam}")
    if not delen:
        return ""
    return "Past bij: " + "; ".join(delen)


def _wensen(rij: InstrumentRij, wensen: Sequence[WensKeuze], vandaag: dt.date | None) -> str:
    if not wensen:
        return ""
    fit = bereken_fit(wensen, InstrumentFeiten.van_rij(rij), vandaag)
    # The short wording keeps the line short (five cards stay in sight) and in one voice.
    tekst = fit.samenvatting + "."
    if fit.voldaan:
        tekst += " Wel: " + ", ".join(WENS_KORT[w] for w in fit.voldaan) + "."
    if fit.gemist:
        tekst += " Niet: " + ", ".join(WENS_KORT[w] for w in fit.gemist) + "."
    if fit.onbekend:
        tekst += " Nog onbekend: " + ", ".join(WENS_KORT[w] for w in fit.onbekend) + "."
    return tekst


KAART_LABELS = {"type": ("Type", "Soort"), "uitvoerder": ("Aanbieder", "Wie")}
"""Field name -> (coach label, client label) on the card; the details pane uses the same
words, so each view names a field one way."""


def maak_kaart(
    treffer: Treffer,
    *,
    routes: Mapping[str, RouteOptie],
    kenmerken: Mapping[str, KenmerkOptie],
    klant: bool,
    wensen: Sequence[WensKeuze] = (),
    korte_lijst: frozenset[int] = frozenset(),
    vandaag: dt.date | None = None,
) -> Kaart:
    """The card of one hit; `klant` gives the B1 words and leaves internal fields out."""
    rij = treffer.instrument
    onbekend = "Dat weten we nog niet" if klant else "onbekend"
    ondertitel = (
        Feit("type", KAART_LABELS["type"][klant], rij.type or onbekend),
        Feit("aanbieder", KAART_LABELS["uitvoerder"][klant], rij.uitvoerder or onbekend),
    )
    feiten = [
        Feit("plaats", "Waar", plaatsen_tekst(rij.gemeenten, rij.alle_gemeenten, klant=klant)),
        Feit("duur", "Hoe lang" if klant else "Duur", _duur(rij, klant)),
        Feit(
            "kosten_klant",
            "Kosten voor jou" if klant else "Voor de klant",
            _kosten_klant(rij, klant),
        ),
    ]
    if not klant:
        feiten.append(Feit("kosten", "Kosten p.p.", _kosten_pp(rij)))
    if rij.overleg_met:
        let_op = (
            "Je werkcoach overlegt eerst met een deskundige."
            if klant
            else f"Alleen na overleg met {rij.overleg_met}."
        )
    else:
        let_op = ""
    return Kaart(
        id=rij.id,
        naam=_naam(rij),
        cijfer=_cijfer(rij, klant),
        ondertitel=ondertitel,
        feiten=tuple(feiten),
        waarom=_waarom(treffer, routes, kenmerken, klant),
        wensen=_wensen(rij, wensen, vandaag),
        let_op=let_op,
        op_korte_lijst=rij.id in korte_lijst,
        klant=klant,
    )
