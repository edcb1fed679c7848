"""Chips for every active choice of a search, and ways out of zero results.

A chip names one choice ("Tiel", "Eerst werk vinden", "Hoogstens € 1.250", "Tekst: ‘taal’")
for the coach and, in B1, for the client; `zonder` removes it. When nothing is found,
`uitwegen` says which choice to drop and what that gives ("Zonder ‘Tiel’: 4 mogelijkheden"):
every single choice whose removal helps, best first; if none does, the pairs that do.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from keuzehulp.model.tekst import bedrag
from keuzehulp.services.zoeken import ZoekService
from keuzehulp.services.zoekvraag import KLASSE_KLANTLABELS, KLASSEN, ZoekVraag

MAX_PAREN = 3  # pairs offered when no single choice helps


class ChipSoort(enum.StrEnum):
    """Which part of the question a chip stands for (in the order chips are shown)."""

    ROUTE = "routes"
    KENMERK = "kenmerken"
    GEMEENTE = "gemeenten"
    TYPE = "types"
    KOSTEN = "kosten"
    MAX_KOSTEN = "max_kosten_centen"
    DUUR = "duur"
    START = "start"
    NEDERLANDS = "nederlands"
    ONDERBOUWING = "onderbouwing"
    TEKST = "tekst"


@dataclass(frozen=True, slots=True)
class Chip:
    """One active choice.

    `waarde`: the code or name as the ZoekVraag holds it (the amount in cents as text for
    MAX_KOSTEN, the text itself for TEKST). `label`: what the coach reads; `klantlabel`: what
    the client reads (B1). `intern`: the choice is about something the client view does not
    show (the gemeente's cost per person), so a client view may leave the chip out.
    """

    soort: ChipSoort
    waarde: str
    label: str
    klantlabel: str
    intern: bool = False

    def tekst(self, *, klant: bool = False) -> str:
        return self.klantlabel if klant else self.label

    def in_zin(self, *, klant: bool = False) -> str:
        """The chip inside a sentence: "‘Tiel’", or "de zoektekst ‘taal’" for the text."""
        if self.soort is ChipSoort.TEKST:
            return f"de zoektekst ‘{' '.join(self.waarde.split())}’"
        return f"‘{self.tekst(klant=klant)}’"


@dataclass(frozen=True, slots=True)
class Uitweg:
    """Dropping these choices gives `aantal` (> 0) results; `vraag` is the question without them."""

    chips: tuple[Chip, ...]
    aantal: int
    vraag: ZoekVraag

    def tekst(self, *, klant: bool = False) -> str:
        """E.g. "Zonder ‘Tiel’: 4 mogelijkheden", "Zonder ‘Tiel’ en ‘Training’: 1 mogelijkheid"
        (`klant`: the chips' client labels)."""
        namen = " en ".join(c.in_zin(klant=klant) for c in self.chips)
        woord = "mogelijkheid" if self.aantal == 1 else "mogelijkheden"
        return f"Zonder {namen}: {self.aantal} {woord}"


def max_kosten_tekst(centen: int) -> str:
    """'Hoogstens € 1.250' (whole euros without cents), 'Hoogstens € 99,50'."""
    tekst = bedrag(centen)
    if tekst.endswith(",00"):
        tekst = tekst[:-3]
    return f"Hoogstens {tekst}"


_SETS: tuple[ChipSoort, ...] = (
    ChipSoort.ROUTE,
    ChipSoort.KENMERK,
    ChipSoort.GEMEENTE,
    ChipSoort.TYPE,
    ChipSoort.KOSTEN,
    ChipSoort.DUUR,
    ChipSoort.START,
    ChipSoort.NEDERLANDS,
    ChipSoort.ONDERBOUWING,
)


def _geordend(waarden: frozenset[str], volgorde: Sequence[str]) -> list[str]:
    """The chosen values in the order the screen lists them; unknown ones last, sorted."""
    bekend = [w for w in volgorde if w in waarden]
    return bekend + sorted(waarden - set(bekend))


def chips(vraag: ZoekVraag, service: ZoekService) -> list[Chip]:
    """Every active choice of the question as a chip, in step order (routes, kenmerken,
    practical filters, text). A value the catalogue no longer has gets a chip with its raw
    code or name, so that it can still be removed."""
    routes = {r.code: r.label for r in service.routes}
    kenmerken = service.kenmerken
    uit: list[Chip] = []
    for soort in _SETS:
        gekozen: frozenset[str] = getattr(vraag, soort.value)
        if soort is ChipSoort.ROUTE:
            for code in _geordend(gekozen, list(routes)):
                label = routes.get(code, code)
                uit.append(Chip(soort, code, label, label))
        elif soort is ChipSoort.KENMERK:
            for code in _geordend(gekozen, list(kenmerken)):
                optie = kenmerken.get(code)
                naam = optie.naam if optie else code
                uit.append(Chip(soort, code, naam, optie.klantlabel if optie else code))
        elif soort.value in KLASSEN:
            labels = dict(KLASSEN[soort.value])
            klant = KLASSE_KLANTLABELS[soort.value]
            for code in _geordend(gekozen, list(labels)):
                uit.append(
                    Chip(
                        soort,
                        code,
                        labels.get(code, code),
                        klant.get(code, code),
                        intern=soort is ChipSoort.KOSTEN,
                    )
                )
        else:
            volgorde = {
                ChipSoort.GEMEENTE: service.gemeenten,
                ChipSoort.TYPE: service.types,
                ChipSoort.ONDERBOUWING: service.onderbouwing,
            }[soort]
            for naam in _geordend(gekozen, volgorde):
                uit.append(Chip(soort, naam, naam, naam))
        if soort is ChipSoort.KOSTEN and vraag.max_kosten_centen is not None:
            tekst = max_kosten_tekst(vraag.max_kosten_centen)
            centen = str(vraag.max_kosten_centen)
            uit.append(Chip(ChipSoort.MAX_KOSTEN, centen, tekst, tekst, intern=True))
    if vraag.tekst.strip():
        tekst = " ".join(vraag.tekst.split())
        uit.append(Chip(ChipSoort.TEKST, vraag.tekst, f"Tekst: ‘{tekst}’", f"Zoekwoord: ‘{tekst}’"))
    return uit


def zonder(vraag: ZoekVraag, *weg: Chip) -> ZoekVraag:
    """The question without the choices of these chips (a chip not in it changes nothing)."""
    wijziging: dict[str, object] = {}
    for chip in weg:
        if chip.soort is ChipSoort.MAX_KOSTEN:
            wijziging["max_kosten_centen"] = None
        elif chip.soort is ChipSoort.TEKST:
            wijziging["tekst"] = ""
        else:
            huidig = wijziging.get(chip.soort.value, getattr(vraag, chip.soort.value))
            assert isinstance(huidig, frozenset)
            wijziging[chip.soort.value] = huidig - {chip.waarde}
    return vraag.model_copy(update=wijziging)


def uitwegen(vraag: ZoekVraag, service: ZoekService, *, klant: bool = False) -> list[Uitweg]:
    """Ways out of zero results, best (most results) first; [] when the question has results.

    First every chip whose removal alone gives results; if there is none, the pairs of chips
    whose removal gives results (at most MAX_PAREN). Empty when nothing helps (an empty
    catalogue, or only a combination of three or more choices blocks everything). `klant`:
    for the client view, internal choices (the gemeente's cost) are not offered to drop.
    Costs one `ZoekService.aantal` per chip (per pair when no single chip helps).
    """
    if service.aantal(vraag) > 0:
        return []
    alle = [c for c in chips(vraag, service) if not (klant and c.intern)]
    enkel = [Uitweg((c,), service.aantal(v), v) for c in alle for v in (zonder(vraag, c),)]
    goed = [u for u in enkel if u.aantal > 0]
    if goed:
        return sorted(goed, key=lambda u: -u.aantal)  # stable: chip order within a tie
    paren = []
    for a, b in itertools.combinations(alle, 2):
        v = zonder(vraag, a, b)
        aantal = service.aantal(v)
        if aantal > 0:
            paren.append(Uitweg((a, b), aantal, v))
    return sorted(paren, key=lambda u: -u.aantal)[:MAX_PAREN]
