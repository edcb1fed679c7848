"""ZoekService: answer a ZoekVraag with results, why each matches, and a count for every value.

Semantics (as in `ZoekVraag`): OR within a filter, AND across filters and steps. Each kenmerk
group (1 Menselijk kapitaal, 2 Sociale omgeving, ...) is its own filter, so kenmerken of one
group are OR and different groups are AND. A chosen kenmerk includes its descendants. Each
instrument appears once. Only active instruments are in the index, so parked and concept
instruments never appear.

A facet count says how many instruments there would be if that value were added to the
selection: its own filter's selection OR the value, with every other filter applied.
"""

from __future__ import annotations

import bisect
import enum
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from keuzehulp.model.db import Database
from keuzehulp.model.tekst import zoekvorm
from keuzehulp.services.zoekindex import (
    InstrumentRij,
    KenmerkOptie,
    RouteOptie,
    ZoekIndex,
    laad_index,
)
from keuzehulp.services.zoekvraag import ZoekVraag


class Sortering(enum.StrEnum):
    """Result order; relevance = chosen routes and kenmerken matched, then rating."""

    RELEVANTIE = "relevantie"
    NAAM = "naam"
    KOSTEN = "kosten"
    WAARDERING = "waardering"


@dataclass(frozen=True, slots=True)
class Treffer:
    """One result: the instrument, and which chosen routes and kenmerken it carries."""

    instrument: InstrumentRij
    routes: tuple[str, ...]  # chosen route codes it is on
    kenmerken: tuple[str, ...]  # its own kenmerk codes that fall under a chosen kenmerk

    @property
    def id(self) -> int:
        return self.instrument.id

    @property
    def relevantie(self) -> int:
        return len(self.routes) + len(self.kenmerken)


@dataclass(frozen=True, slots=True)
class Facetten:
    """Per filter: value -> number of instruments if that value were added to the selection."""

    routes: dict[str, int]
    kenmerken: dict[str, int]
    gemeenten: dict[str, int]
    types: dict[str, int]
    onderbouwing: dict[str, int]


@dataclass(frozen=True, slots=True)
class ZoekAntwoord:
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


def _of(waarden: Iterable[str], masks: dict[str, int]) -> int:
    uit = 0
    for w in waarden:
        uit |= masks.get(w, 0)
    return uit


class ZoekService:
    """Searches the active catalogue held in memory; call `reload()` after a catalogue change."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._slot = threading.Lock()
        self._index = laad_index(db)
        self._basis = [Treffer(r, (), ()) for r in self._index.rijen]
        self._tekst_cache: tuple[str, int] = ("", 0)
        self._kosten_cache: tuple[int, int] = (-1, 0)

    def reload(self) -> None:
        """Read the active catalogue again (after import, edit, park ...)."""
        index = laad_index(self._db)
        basis = [Treffer(r, (), ()) for r in index.rijen]
        with self._slot:
            self._index = index
            self._basis = basis
            self._tekst_cache = ("", index.alles)
            self._kosten_cache = (-1, 0)

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

    def onder(self, code: str) -> list[str]:
        """A kenmerk and its active descendants."""
        return self._index.onder(code)

    # --- the search ---------------------------------------------------------------------------

    def _tekst_mask(self, index: ZoekIndex, tekst: str) -> int:
        woorden = zoekvorm(tekst).split()
        if not woorden:
            return index.alles
        sleutel = " ".join(woorden)
        if self._tekst_cache[0] == sleutel:
            return self._tekst_cache[1]
        posities = (i for i, t in enumerate(index.teksten) if all(woord in t for woord in woorden))
        mask = _mask_van(posities, len(index.rijen))
        self._tekst_cache = (sleutel, mask)
        return mask

    def _kosten_mask(self, index: ZoekIndex, max_centen: int) -> int:
        if self._kosten_cache[0] == max_centen:
            return self._kosten_cache[1]
        tot = bisect.bisect_right(index.kosten_volgorde, (max_centen, len(index.rijen)))
        mask = _mask_van((i for _, i in index.kosten_volgorde[:tot]), len(index.rijen))
        self._kosten_cache = (max_centen, mask)
        return mask

    def zoek(self, vraag: ZoekVraag, sortering: Sortering = Sortering.RELEVANTIE) -> ZoekAntwoord:
        """Results and all facet counts for the question, in the chosen order."""
        with self._slot:
            index = self._index
            # Each facet filter: (name, selection mask or None when nothing is chosen).
            groepen: dict[str, list[str]] = {}
            for code in sorted(vraag.kenmerken):
                optie = index.kenmerken.get(code)
                groepen.setdefault(optie.groep if optie else f"?{code}", []).append(code)
            filters: dict[str, int | None] = {
                "routes": _of(vraag.routes, index.route_mask) if vraag.routes else None,
                "gemeenten": _of(vraag.gemeenten, index.gemeente_mask) if vraag.gemeenten else None,
                "types": _of(vraag.types, index.type_mask) if vraag.types else None,
                "onderbouwing": _of(vraag.onderbouwing, index.onderbouwing_mask)
                if vraag.onderbouwing
                else None,
            }
            for groep in index.kenmerken.values():
                if groep.parent is None:
                    gekozen = groepen.pop(groep.code, None)
                    filters[f"k{groep.code}"] = (
                        _of(gekozen, index.kenmerk_mask) if gekozen else None
                    )
            vast = index.alles
            if groepen:  # kenmerken not (or no longer) in the tree match nothing
                vast = 0
            vast &= self._tekst_mask(index, vraag.tekst)
            if vraag.max_kosten_centen is not None:
                vast &= self._kosten_mask(index, vraag.max_kosten_centen)

            def zonder(naam: str) -> int:
                mask = vast
                for ander, sel in filters.items():
                    if ander != naam and sel is not None:
                        mask &= sel
                return mask

            def tel(naam: str, waarden: Iterable[str], masks: dict[str, int]) -> dict[str, int]:
                rest = zonder(naam)
                eigen = filters[naam] or 0
                return {w: ((eigen | masks.get(w, 0)) & rest).bit_count() for w in waarden}

            kenmerk_telling: dict[str, int] = {}
            for code, optie in index.kenmerken.items():
                naam = f"k{optie.groep}"
                if naam not in filters:
                    continue
                rest = zonder(naam)
                eigen = filters[naam] or 0
                kenmerk_telling[code] = ((eigen | index.kenmerk_mask[code]) & rest).bit_count()
            facetten = Facetten(
                routes=tel("routes", (r.code for r in index.routes), index.route_mask),
                kenmerken=kenmerk_telling,
                gemeenten=tel("gemeenten", index.gemeenten, index.gemeente_mask),
                types=tel("types", index.types, index.type_mask),
                onderbouwing=tel("onderbouwing", index.onderbouwing, index.onderbouwing_mask),
            )
            totaal = zonder("")
            treffers = self._treffers(index, vraag, totaal, sortering)
        return ZoekAntwoord(treffers, facetten, len(index.rijen))

    def _treffers(
        self, index: ZoekIndex, vraag: ZoekVraag, mask: int, sortering: Sortering
    ) -> tuple[Treffer, ...]:
        bits = _posities(mask, len(index.rijen))
        volgorde = {
            Sortering.NAAM: index.op_naam,
            Sortering.KOSTEN: index.op_kosten,
        }.get(sortering, index.op_waardering)
        posities = [p for p in volgorde if bits[p] == "1"]
        basis = self._basis
        if not vraag.routes and not vraag.kenmerken:
            return tuple(map(basis.__getitem__, posities))
        # Why it matches, per position, from the masks (no per-instrument set work).
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
        if sortering is Sortering.RELEVANTIE:
            # Stable: rating, then name, stay in order within the same relevance.
            posities.sort(
                key=lambda p: len(routes.get(p, ())) + len(kenmerken.get(p, ())), reverse=True
            )
        rijen = index.rijen
        return tuple(
            Treffer(rijen[p], tuple(routes.get(p, ())), tuple(kenmerken.get(p, ())))
            if p in routes or p in kenmerken
            else basis[p]
            for p in posities
        )
