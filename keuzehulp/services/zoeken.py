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
import datetime as dt
import enum
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from keuzehulp.model.db import Database
from keuzehulp.services.geheugen import laat_los
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
from keuzehulp.services.zoekindex_bijwerken import Bijwerking, werk_bij
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

    treffers: Treffers  # a Sequence[Treffer], made as it is read
    facetten: Facetten
    totaal_actief: int

    @property
    def aantal(self) -> int:
        return len(self.treffers)

    @property
    def ids(self) -> list[int]:
        return self.treffers.ids


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
    bits = _posities(mask, len(rang))
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

    def bouw_index(self, bijwerking: Bijwerking | None = None) -> GebouwdeIndex:
        """Read the active catalogue into a new index (any thread; the search keeps answering).

        Also starts the free-text index's background build. About 0.5 s at 10,000 instruments.
        With `bijwerking` (a few changed instruments or renamed kenmerken) the current index
        is patched instead (`zoekindex_bijwerken.werk_bij`: milliseconds), unless the change
        needs a full build after all.
        """
        if bijwerking is not None and self._geladen:
            with self._slot:
                oud, oude_basis = self._index, self._basis
            index = werk_bij(self._db, oud, bijwerking)
            if index is not None:
                basis = list(oude_basis)
                for p, rij in enumerate(index.rijen):
                    if p >= len(basis):
                        basis.append(Treffer(rij, (), ()))
                    elif basis[p].instrument is not rij:
                        basis[p] = Treffer(rij, (), ())
                return GebouwdeIndex(index, basis)
        index = laad_index(self._db)
        index.tekst.bouw_op_achtergrond()
        return GebouwdeIndex(index, [Treffer(r, (), ()) for r in index.rijen])

    def zet_index(self, gebouwd: GebouwdeIndex) -> None:
        """Swap in what `bouw_index` made, atomically for concurrent searches (cheap).

        The old index is freed on a background thread (`geheugen.laat_los`).
        """
        index, basis = gebouwd.index, gebouwd.basis
        with self._slot:
            oud = self._index, self._basis
            self._index = index
            self._basis = basis
            self._tekst_cache = ("", 0, ())
            self._kosten_cache = (-1, 0)
            self._geladen = True
        # Freeing the old index here would stall the GUI thread (100 ms and more at 100,000).
        laat_los(*oud)
        del oud

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
        return self._index.aantal

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
        return ZoekAntwoord(treffers, facetten, index.aantal)

    def _treffers(
        self,
        index: ZoekIndex,
        vraag: ZoekVraag,
        selectie: _Selectie,
        mask: int,
        sortering: Sortering,
        wensen: Sequence[WensKeuze],
    ) -> Treffers:
        volgorde_naam = {
            Sortering.NAAM: "op_naam",
            Sortering.KOSTEN: "op_kosten",
            Sortering.WENSEN: "op_naam",
        }.get(sortering, "op_waardering")
        volgorde: list[int] = getattr(index, volgorde_naam)
        rang = index.rang[volgorde_naam]
        scores = TekstScores(_tekstscore_delen(selectie.woorden, mask))
        met_fit = sortering is Sortering.WENSEN
        routes = tuple(r.code for r in index.routes if r.code in vraag.routes)
        onder: set[str] = set()
        for code in vraag.kenmerken:
            if code in index.kenmerken:
                onder.update(index.onder(code))
        if sortering not in (Sortering.RELEVANTIE, Sortering.WENSEN) or not (
            routes or onder or scores
        ):
            posities = _in_volgorde(volgorde, rang, mask)
        elif not scores:
            # Relevance levels as bitsets, best first; each level in the base order. No
            # per-result work, so a route ticked at 100,000 instruments stays cheap.
            posities = []
            for niveau in _niveaus(_relevantie_lagen(index, routes, onder, mask), mask):
                posities.extend(_in_volgorde(volgorde, rang, niveau))
        else:
            # Text score first, then relevance, each as bitsets (best first); within one
            # (score, relevance) part the base order. No per-result Python work: a word found
            # in 4,000 of 10,000 instruments cost 30 ms on the GUI thread per keystroke.
            niveaus = _niveaus(_relevantie_lagen(index, routes, onder, mask), mask)
            posities = []
            for _score, met_score in scores.delen:
                for niveau in niveaus:
                    if deel := met_score & niveau:
                        posities.extend(_in_volgorde(volgorde, rang, deel))
        fits: dict[int, Fit] = {}
        if met_fit:
            rijen = index.rijen
            vandaag = dt.date.today()
            fits = {
                p: bereken_fit(wensen, InstrumentFeiten.van_rij(rijen[p]), vandaag)
                for p in posities
            }
            posities.sort(key=lambda p: fits[p].sorteersleutel)
        return Treffers(index, self._basis, posities, routes, frozenset(onder), scores, fits)


class Treffers(Sequence[Treffer]):
    """The results in order; each `Treffer` is made when it is read (a view shows a few dozen).

    Holds the positions in the index, so an answer of 100,000 results costs one list of ints.
    `ids` and `plaats_van` answer without making the Treffers.
    """

    __slots__ = ("_basis", "_fits", "_onder", "_posities", "_rijen", "_routes", "_scores")

    def __init__(
        self,
        index: ZoekIndex,
        basis: list[Treffer],
        posities: list[int],
        routes: tuple[str, ...],
        onder: frozenset[str],
        scores: TekstScores | dict[int, int],
        fits: dict[int, Fit],
    ) -> None:
        self._rijen = index.rijen
        self._basis = basis
        self._posities = posities
        self._routes = routes  # chosen route codes in the order of the index
        self._onder = onder  # chosen kenmerken and their descendants
        self._scores = scores
        self._fits = fits

    def __len__(self) -> int:
        return len(self._posities)

    @overload
    def __getitem__(self, i: int) -> Treffer: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Treffer, ...]: ...

    def __getitem__(self, i: int | slice) -> Treffer | tuple[Treffer, ...]:
        if isinstance(i, slice):
            return tuple(self._maak(p) for p in self._posities[i])
        return self._maak(self._posities[i])

    def __iter__(self) -> Iterator[Treffer]:
        return map(self._maak, self._posities)

    def __eq__(self, ander: object) -> bool:
        return isinstance(ander, Treffers | tuple) and tuple(self) == tuple(ander)

    __hash__ = None  # type: ignore[assignment]

    def _maak(self, p: int) -> Treffer:
        rij = self._rijen[p]
        routes = tuple(c for c in self._routes if c in rij.routes)
        kenmerken = tuple(sorted(self._onder.intersection(rij.kenmerken)))
        score = self._scores.get(p, 0)
        fit = self._fits.get(p)
        if not (routes or kenmerken or score or fit):
            return self._basis[p]
        return Treffer(rij, routes, kenmerken, score, fit)

    @property
    def ids(self) -> list[int]:
        """Instrument ids in result order."""
        rijen = self._rijen
        return [rijen[p].id for p in self._posities]

    def plaats_van(self, instrument_id: int) -> int:
        """The place of an instrument among the results, or -1."""
        for plaats, p in enumerate(self._posities):
            if self._rijen[p].id == instrument_id:
                return plaats
        return -1


def _relevantie_lagen(
    index: ZoekIndex, routes: Iterable[str], onder: Iterable[str], mask: int
) -> list[int]:
    """Per result, how many chosen routes and kenmerken it carries: a bit-sliced counter.

    Bit p of layer i is bit i of result p's count (one chosen route or own kenmerk under a
    chosen kenmerk is one point; see `Treffer.relevantie`).
    """
    lagen: list[int] = []
    delen = [index.route_mask.get(c, 0) for c in routes]
    delen += [index.eigen_kenmerk_mask.get(c, 0) for c in onder]
    for deel in delen:
        over = deel & mask
        for i, laag in enumerate(lagen):
            if not over:
                break
            lagen[i] = laag ^ over
            over &= laag
        if over:
            lagen.append(over)
    return lagen


def _niveaus(lagen: list[int], mask: int) -> list[int]:
    """`mask` split by the count in `lagen` (see `_relevantie_lagen`): highest count first."""
    delen = [mask] if mask else []
    for laag in reversed(lagen):
        nieuw = []
        for deel in delen:
            hoog = deel & laag
            if hoog:
                nieuw.append(hoog)
            if laag_deel := deel ^ hoog:
                nieuw.append(laag_deel)
        delen = nieuw
    return delen


def _tekstscore_delen(woorden: Sequence[WoordTreffer], mask: int) -> list[tuple[int, int]]:
    """`mask` split by text score, as (score, positions) with the highest score first.

    A position's score is the sum over the query words of the word's best match points
    (`tekstzoeken.score`); positions no word finds have score 0 (they are in `mask` only
    when there is no text).
    """
    delen: dict[int, int] = {0: mask} if mask else {}
    for woord in woorden:
        nieuw: dict[int, int] = defaultdict(int)
        for score, deel in delen.items():
            rest = deel
            for punten, laag in woord.lagen:  # best points first: each position once
                if raak := laag & rest:
                    nieuw[score + punten] |= raak
                    rest ^= raak
                    if not rest:
                        break
            if rest:
                nieuw[score] |= rest
        delen = nieuw
    return sorted(delen.items(), reverse=True)


class TekstScores:
    """Text score per position, held as bitsets per score (`_tekstscore_delen`).

    `get` answers for one position (a card shown), without a dict of every result.
    """

    __slots__ = ("delen",)

    def __init__(self, delen: list[tuple[int, int]]) -> None:
        self.delen = delen  # (score, positions), highest score first, covering the results

    def get(self, positie: int, standaard: int = 0) -> int:
        """The score of the result at `positie` (index position), or `standaard` if none."""
        for score, deel in self.delen:
            if score and deel >> positie & 1:
                return score
        return standaard

    def __bool__(self) -> bool:
        """Whether any result has a text score (a free-text question)."""
        return any(score for score, _deel in self.delen)
