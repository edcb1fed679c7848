"""ZoekService: answer a ZoekVraag with results, why each matches, and a count for every value.

Semantics (as in `ZoekVraag`): OR within a filter, AND across filters and steps. Each kenmerk
group (1 Menselijk kapitaal, 2 Sociale omgeving, ...) is its own filter, so kenmerken of one
group are OR and different groups are AND. A chosen kenmerk includes its descendants. Each
instrument appears once. Only active instruments are in the index, so parked and concept
instruments never appear.

Facet counts follow the convention of faceted search with multi-select facets (as webshops
do; issue 9 item 3): a value's count is the number of results it would have with every *other*
filter applied and its own filter's choice left out,

    count(v) = |instruments with v  AND  every active filter except v's own|.

So ticking one Fenger route leaves the counts of the routes as they were (8, 40 and 15 on the
sample catalogue), and a kenmerk's count narrows only with the other filters (the other four
kenmerk groups among them). The free text and the maximum cost apply to every count.
"""

from __future__ import annotations

import bisect
import enum
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from keuzehulp.model.db import Database
from keuzehulp.services.tekstzoeken import WoordTreffer, zoekwoorden
from keuzehulp.services.wensen import Fit, InstrumentFeiten, WensKeuze, bereken_fit
from keuzehulp.services.zoekindex import (
    InstrumentRij,
    KenmerkOptie,
    RouteOptie,
    ZoekIndex,
    laad_index,
    lege_index,
)
from keuzehulp.services.zoekvraag import KLASSEN, ZoekVraag


class Sortering(enum.StrEnum):
    """Result order. RELEVANTIE: text score (if text is given), then the chosen routes and
    kenmerken carried, then rating, then name. WENSEN: fit with the client's wishes, then
    relevance, then name."""

    RELEVANTIE = "relevantie"
    NAAM = "naam"
    KOSTEN = "kosten"
    WAARDERING = "waardering"
    WENSEN = "wensen"

    @property
    def label(self) -> str:
        """How a sort menu names it (Dutch; B1, so the client view can show it too)."""
        return SORTERING_LABELS[self]


SORTERING_LABELS: dict[Sortering, str] = {
    Sortering.RELEVANTIE: "Best passend",
    Sortering.NAAM: "Naam",
    Sortering.KOSTEN: "Kosten (laagste eerst)",
    Sortering.WAARDERING: "Cijfer (hoogste eerst)",
    Sortering.WENSEN: "Past het best bij je wensen",
}


@dataclass(frozen=True, slots=True)
class Treffer:
    """One result: the instrument, and why it matches.

    `routes`: the chosen route codes it is on; `kenmerken`: its own kenmerk codes that fall
    under a chosen kenmerk; `tekstscore`: points of the free-text match (0 without text; see
    `tekstzoeken.score`); `fit`: the fit with the wishes, only when sorted by WENSEN.
    """

    instrument: InstrumentRij
    routes: tuple[str, ...]
    kenmerken: tuple[str, ...]
    tekstscore: int = 0
    fit: Fit | None = None

    @property
    def id(self) -> int:
        return self.instrument.id

    @property
    def relevantie(self) -> int:
        return len(self.routes) + len(self.kenmerken)


@dataclass(frozen=True, slots=True)
class Facetten:
    """Per filter: value -> number of results with that value, every *other* filter applied.

    Its own filter's choice is left out (multi-select facets; see the module docstring), so
    a ticked value and its siblings keep their counts when one of them is ticked. `kosten`,
    `duur`, `start` and `nederlands` have a count for every code of their *_KLASSEN table
    ("onbekend" included); `kenmerken` has every active kenmerk, groups included.
    """

    routes: dict[str, int]
    kenmerken: dict[str, int]
    gemeenten: dict[str, int]
    types: dict[str, int]
    onderbouwing: dict[str, int]
    kosten: dict[str, int]
    duur: dict[str, int]
    start: dict[str, int]
    nederlands: dict[str, int]


@dataclass(frozen=True, slots=True)
class ZoekAntwoord:
    """The results in order, the count of every facet value, and the size of the catalogue."""

    treffers: tuple[Treffer, ...]
    facetten: Facetten
    totaal_actief: int

    @property
    def aantal(self) -> int:
        return len(self.treffers)

    @property
    def ids(self) -> list[int]:
        return [t.id for t in self.treffers]


def _mask_van(posities: Iterable[int], lengte: int) -> int:
    """Build a bitset from positions without a Python-level shift per bit."""
    if lengte == 0:
        return 0
    bits = bytearray(b"0" * lengte)
    for p in posities:
        bits[lengte - 1 - p] = 49  # "1"
    return int(bits, 2)


def _posities(mask: int, lengte: int) -> str:
    """'1'/'0' per position, position 0 first."""
    return format(mask, "b").zfill(lengte)[::-1] if lengte else ""


def _enen(mask: int) -> list[int]:
    """Positions of the set bits, lowest first."""
    tekst = format(mask, "b")[::-1]
    uit = []
    i = tekst.find("1")
    while i != -1:
        uit.append(i)
        i = tekst.find("1", i + 1)
    return uit


def _in_volgorde(volgorde: list[int], rang: list[int], mask: int) -> list[int]:
    """The set positions of `mask` in the order of `volgorde` (`rang[p]`: p's place in it).

    Few results: sort just those by rank; many: walk the whole order once.
    """
    if mask.bit_count() * 8 < len(volgorde):
        return sorted(_enen(mask), key=rang.__getitem__)
    bits = _posities(mask, len(volgorde))
    return [p for p in volgorde if bits[p] == "1"]


def _of(waarden: Iterable[str], masks: dict[str, int]) -> int:
    uit = 0
    for w in waarden:
        uit |= masks.get(w, 0)
    return uit


@dataclass(frozen=True, slots=True)
class _Selectie:
    """A question resolved to masks: what always applies, and each filter's choice."""

    vast: int  # free text, maximum cost, unknown kenmerken: apply to every count
    filters: dict[str, int | None]  # filter name -> mask of its choice (None: nothing chosen)
    woorden: tuple[WoordTreffer, ...]  # the free-text words, for the text score

    def zonder(self, naam: str) -> int:
        """Instruments passing every filter except `naam` ("" for none: the results)."""
        mask = self.vast
        for ander, sel in self.filters.items():
            if ander != naam and sel is not None:
                mask &= sel
        return mask


@dataclass(frozen=True, slots=True)
class GebouwdeIndex:
    """A new index with its plain results, made off the GUI thread by `ZoekService.bouw_index`."""

    index: ZoekIndex
    basis: list[Treffer]


class ZoekService:
    """Searches the active catalogue held in memory; call `reload()` after a catalogue change.

    Thread-safe: one search at a time per service; `reload` swaps the index atomically. The
    free-text index is built in a background thread after each load (see LuieTekstIndex).
    """

    def __init__(self, db: Database, *, laden: bool = True) -> None:
        """Load the active catalogue now, or (`laden=False`) start empty until `zet_index`."""
        self._db = db
        self._slot = threading.Lock()
        self._geladen = False
        self._index = lege_index()
        self._basis: list[Treffer] = []
        self._tekst_cache: tuple[str, int, tuple[WoordTreffer, ...]] = ("", 0, ())
        self._kosten_cache: tuple[int, int] = (-1, 0)
        if laden:
            self.zet_index(self.bouw_index())

    @property
    def geladen(self) -> bool:
        """Whether an index of the catalogue has been swapped in (False only when started empty)."""
        return self._geladen

    def bouw_index(self) -> GebouwdeIndex:
        """Read the active catalogue into a new index (any thread; the search keeps answering).

        Also starts the free-text index's background build. About 0.5 s at 10,000 instruments.
        """
        index = laad_index(self._db)
        index.tekst.bouw_op_achtergrond()
        return GebouwdeIndex(index, [Treffer(r, (), ()) for r in index.rijen])

    def zet_index(self, gebouwd: GebouwdeIndex) -> None:
        """Swap in what `bouw_index` made, atomically for concurrent searches (cheap)."""
        index, basis = gebouwd.index, gebouwd.basis
        with self._slot:
            self._index = index
            self._basis = basis
            self._tekst_cache = ("", 0, ())
            self._kosten_cache = (-1, 0)
            self._geladen = True

    def reload(self) -> None:
        """Read the active catalogue again (after import, edit, park ...), on this thread."""
        self.zet_index(self.bouw_index())

    # --- what the steps offer -----------------------------------------------------------------

    @property
    def routes(self) -> list[RouteOptie]:
        return list(self._index.routes)

    @property
    def kenmerken(self) -> dict[str, KenmerkOptie]:
        """Active kenmerken in tree order (groups first within their subtree)."""
        return dict(self._index.kenmerken)

    @property
    def gemeenten(self) -> list[str]:
        return list(self._index.gemeenten)

    @property
    def types(self) -> list[str]:
        return list(self._index.types)

    @property
    def onderbouwing(self) -> list[str]:
        return list(self._index.onderbouwing)

    @property
    def aantal_actief(self) -> int:
        return len(self._index.rijen)

    @property
    def tekst_klaar(self) -> bool:
        """Whether the free-text index is built (a text search before that waits for it)."""
        return self._index.tekst.klaar

    def wacht_op_tekst(self) -> None:
        """Build the free-text index now, or wait until the background build is done."""
        self._index.tekst.index()

    def onder(self, code: str) -> list[str]:
        """A kenmerk and its active descendants."""
        return self._index.onder(code)

    # --- the search ---------------------------------------------------------------------------

    def _tekst(self, index: ZoekIndex, tekst: str) -> tuple[int, tuple[WoordTreffer, ...]]:
        woorden = zoekwoorden(tekst)
        if not woorden:
            return index.alles, ()
        sleutel = " ".join(woorden)
        if self._tekst_cache[0] == sleutel:
            return self._tekst_cache[1], self._tekst_cache[2]
        tekstindex = index.tekst.index()  # waits if the background build is still running
        treffers = tuple(tekstindex.zoek_woord(w) for w in woorden)
        mask = index.alles
        for t in treffers:
            mask &= t.alles
        self._tekst_cache = (sleutel, mask, treffers)
        return mask, treffers

    def _kosten_mask(self, index: ZoekIndex, max_centen: int) -> int:
        if self._kosten_cache[0] == max_centen:
            return self._kosten_cache[1]
        tot = bisect.bisect_right(index.kosten_volgorde, (max_centen, len(index.rijen)))
        mask = _mask_van((i for _, i in index.kosten_volgorde[:tot]), len(index.rijen))
        self._kosten_cache = (max_centen, mask)
        return mask

    def _selectie(self, index: ZoekIndex, vraag: ZoekVraag) -> _Selectie:
        groepen: dict[str, list[str]] = {}
        for code in sorted(vraag.kenmerken):
            optie = index.kenmerken.get(code)
            groepen.setdefault(optie.groep if optie else f"?{code}", []).append(code)

        def keuze(waarden: frozenset[str], masks: dict[str, int]) -> int | None:
            return _of(waarden, masks) if waarden else None

        filters: dict[str, int | None] = {
            "routes": keuze(vraag.routes, index.route_mask),
            "gemeenten": keuze(vraag.gemeenten, index.gemeente_mask),
            "types": keuze(vraag.types, index.type_mask),
            "onderbouwing": keuze(vraag.onderbouwing, index.onderbouwing_mask),
        }
        for naam in KLASSEN:
            filters[naam] = keuze(getattr(vraag, naam), index.klasse_mask[naam])
        for groep in index.kenmerken.values():
            if groep.parent is None:
                gekozen = groepen.pop(groep.code, None)
                filters[f"k{groep.code}"] = _of(gekozen, index.kenmerk_mask) if gekozen else None
        vast = index.alles
        if groepen:  # kenmerken not (or no longer) in the tree match nothing
            vast = 0
        tekst_mask, woorden = self._tekst(index, vraag.tekst)
        vast &= tekst_mask
        if vraag.max_kosten_centen is not None:
            vast &= self._kosten_mask(index, vraag.max_kosten_centen)
        return _Selectie(vast, filters, woorden)

    def aantal(self, vraag: ZoekVraag) -> int:
        """Only the number of results of a question (no counts, no order): cheap."""
        with self._slot:
            return self._selectie(self._index, vraag).zonder("").bit_count()

    def zoek(
        self,
        vraag: ZoekVraag,
        sortering: Sortering = Sortering.RELEVANTIE,
        wensen: Sequence[WensKeuze] = (),
    ) -> ZoekAntwoord:
        """Results and all facet counts for the question, in the chosen order.

        `wensen` is read only for Sortering.WENSEN: then every result gets its `fit`
        (`wensen.bereken_fit`, today's date) and the best fit comes first.
        """
        with self._slot:
            index = self._index
            selectie = self._selectie(index, vraag)
            zonder_cache: dict[str, int] = {}

            def tel(naam: str, waarden: Iterable[str], masks: dict[str, int]) -> dict[str, int]:
                rest = zonder_cache.get(naam)
                if rest is None:
                    rest = zonder_cache[naam] = selectie.zonder(naam)
                return {w: (masks.get(w, 0) & rest).bit_count() for w in waarden}

            kenmerk_telling: dict[str, int] = {}
            for code, optie in index.kenmerken.items():
                kenmerk_telling |= tel(f"k{optie.groep}", (code,), index.kenmerk_mask)
            klassen = {
                naam: tel(naam, (code for code, _ in tabel), index.klasse_mask[naam])
                for naam, tabel in KLASSEN.items()
            }
            facetten = Facetten(
                routes=tel("routes", (r.code for r in index.routes), index.route_mask),
                kenmerken=kenmerk_telling,
                gemeenten=tel("gemeenten", index.gemeenten, index.gemeente_mask),
                types=tel("types", index.types, index.type_mask),
                onderbouwing=tel("onderbouwing", index.onderbouwing, index.onderbouwing_mask),
                **klassen,
            )
            totaal = selectie.zonder("")
            treffers = self._treffers(index, vraag, selectie, totaal, sortering, wensen)
        return ZoekAntwoord(treffers, facetten, len(index.rijen))

    def _treffers(
        self,
        index: ZoekIndex,
        vraag: ZoekVraag,
        selectie: _Selectie,
        mask: int,
        sortering: Sortering,
        wensen: Sequence[WensKeuze],
    ) -> tuple[Treffer, ...]:
        volgorde = {
            Sortering.NAAM: "op_naam",
            Sortering.KOSTEN: "op_kosten",
            Sortering.WENSEN: "op_naam",
        }.get(sortering, "op_waardering")
        posities = _in_volgorde(getattr(index, volgorde), index.rang[volgorde], mask)
        basis = self._basis
        scores = _tekstscores(selectie.woorden, mask)
        met_fit = sortering is Sortering.WENSEN
        if not vraag.routes and not vraag.kenmerken and not scores and not met_fit:
            return tuple(map(basis.__getitem__, posities))
        routes, kenmerken = _waarom(index, vraag, mask)
        if sortering in (Sortering.RELEVANTIE, Sortering.WENSEN):
            # Stable sorts: rating (or name), then name, stay in order within equal keys.
            posities.sort(
                key=lambda p: (
                    scores.get(p, 0),
                    len(routes.get(p, ())) + len(kenmerken.get(p, ())),
                ),
                reverse=True,
            )
        rijen = index.rijen
        fits: dict[int, Fit] = {}
        if met_fit:
            fits = {p: bereken_fit(wensen, InstrumentFeiten.van_rij(rijen[p])) for p in posities}
            posities.sort(key=lambda p: fits[p].sorteersleutel)
        return tuple(
            Treffer(
                rijen[p],
                tuple(routes.get(p, ())),
                tuple(kenmerken.get(p, ())),
                scores.get(p, 0),
                fits.get(p),
            )
            if p in routes or p in kenmerken or p in scores or met_fit
            else basis[p]
            for p in posities
        )


def _tekstscores(woorden: Sequence[WoordTreffer], mask: int) -> dict[int, int]:
    """Position -> sum over the query words of the word's best match points."""
    scores: dict[int, int] = defaultdict(int)
    for woord in woorden:
        rest = mask
        for punten, laag in woord.lagen:
            raak = laag & rest
            if raak:
                for p in _enen(raak):
                    scores[p] += punten
                rest ^= raak
                if not rest:
                    break
    return scores


def _waarom(
    index: ZoekIndex, vraag: ZoekVraag, mask: int
) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """Per position: the chosen routes it is on, and its own kenmerken under a chosen one."""
    routes: dict[int, list[str]] = defaultdict(list)
    for route in index.routes:
        if route.code in vraag.routes:
            for p in _enen(index.route_mask.get(route.code, 0) & mask):
                routes[p].append(route.code)
    onder: set[str] = set()
    for code in vraag.kenmerken:
        if code in index.kenmerken:
            onder.update(index.onder(code))
    kenmerken: dict[int, list[str]] = defaultdict(list)
    for code in sorted(onder):
        for p in _enen(index.eigen_kenmerk_mask[code] & mask):
            kenmerken[p].append(code)
    return routes, kenmerken
