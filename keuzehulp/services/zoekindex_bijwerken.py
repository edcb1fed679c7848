"""Patch the search index after a change of a few instruments, instead of building it anew.

Saving, parking, restoring, publishing or adding one instrument, or renaming a kenmerk,
changes a handful of rows. A full build reads and sorts the whole catalogue (about a second
of worker time at 100,000 instruments, during which the window competes with it for the
interpreter); a patch reads only the changed rows and makes a new index that shares every
unchanged row, mask entry and text with the old one (copy-on-write: the old index stays valid
for searches still running on it, and is swapped out atomically by `ZoekService.zet_index`).

What a patch does per changed instrument id: clear its bit in `alles` and every mask it was
in, take it out of the orders, then, when it is still active, put its new row in its old
position (or a new one at the end) and set its bits again. A parked instrument leaves a hole:
its row stays in `rijen`, but no mask, order or `alles` has its position. Its free text goes
into a small layered text index (`tekstzoeken.GelaagdeTekstIndex`).

Anything else (a new gemeente, route or kenmerk, a kenmerk moved or switched off, ratings
from terugblikken, an import of many rows) returns None: then the caller builds anew. The
tests (tests/test_zoekindex_bijwerken.py) compare patched indexes with fresh builds after
random sequences of changes, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row

from keuzehulp.model.catalogus import ONDERBOUWING_NIVEAUS, Instrument, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.mutatielog import BRONNEN_VAN_CIJFERS, BUITEN_DE_ZOEKTOCHT, Wijzigingen
from keuzehulp.services.geheugen import zonder_opruimen
from keuzehulp.services.instrumentgegevens import lees_koppelingen
from keuzehulp.services.tekstzoeken import GelaagdeTekstIndex, LuieTekstIndex
from keuzehulp.services.waardering import waarderingen
from keuzehulp.services.zoekindex import (
    InstrumentRij,
    KenmerkOptie,
    ZoekIndex,
    _kenmerk_opties,
    kolommen,
    maak_rij,
    rangen,
    tekstvelden,
    volgorde_sleutels,
)
from keuzehulp.services.zoekvraag import klasse_van

MAX_BIJWERKEN = 2000  # more changed instruments than this: a full build is as cheap
_PER_VRAAG = 500  # ids per IN (...) of a select


@dataclass(frozen=True, slots=True)
class Bijwerking:
    """What a patch must redo: these instrument ids; `kenmerken`: also read the kenmerk tree."""

    instrumenten: frozenset[int]
    kenmerken: bool = False

    @classmethod
    def uit(cls, wijzigingen: Iterable[Wijzigingen]) -> Bijwerking | None:
        """The patch for these committed changes, or None when only a full build will do.

        Patchable: instruments (each with its id) and kenmerken (renames and explanations;
        whether the tree kept its shape is checked when the patch runs). Not: routes,
        gemeenten, ratings (`BRONNEN_VAN_CIJFERS`), changes without ids.
        """
        ids: set[int] = set()
        kenmerken = False
        for w in wijzigingen:
            if w.bron in BRONNEN_VAN_CIJFERS:
                return None
            for label, id_ in w.ids:
                if label in BUITEN_DE_ZOEKTOCHT:
                    continue
                if label == "instrument" and id_ is not None:
                    ids.add(id_)
                elif label == "kenmerk":
                    kenmerken = True
                else:
                    return None
        if len(ids) > MAX_BIJWERKEN:
            return None
        return cls(frozenset(ids), kenmerken)

    def __or__(self, ander: Bijwerking) -> Bijwerking:
        return Bijwerking(self.instrumenten | ander.instrumenten, self.kenmerken or ander.kenmerken)


def _zelfde_boom(oud: dict[str, KenmerkOptie], nieuw: dict[str, KenmerkOptie]) -> bool:
    """Whether the active kenmerk tree kept its shape (codes, order, parents, children)."""
    if list(oud) != list(nieuw):
        return False
    return all(
        (o.parent, o.groep, o.kinderen) == (n.parent, n.groep, n.kinderen)
        for o, n in zip(oud.values(), nieuw.values(), strict=True)
    )


def _enen(mask: int) -> list[int]:
    tekst = format(mask, "b")[::-1]
    return [i for i, c in enumerate(tekst) if c == "1"]


def werk_bij(db: Database, oud: ZoekIndex, bijwerking: Bijwerking) -> ZoekIndex | None:
    """A new index: `oud` with the instruments of `bijwerking` read again. None: build anew.

    Any thread; `oud` is not changed (searches may run on it meanwhile). The result equals
    a fresh `laad_index` in every row, mask, order and text match, up to positions (the
    tests compare by instrument id).
    """
    with zonder_opruimen():
        return _werk_bij(db, oud, bijwerking)


def _werk_bij(db: Database, oud: ZoekIndex, bijwerking: Bijwerking) -> ZoekIndex | None:
    ids = set(bijwerking.instrumenten)
    kenmerken = oud.kenmerken
    with db.lezen() as session:
        if bijwerking.kenmerken:
            kenmerken = _kenmerk_opties(session)
            if not _zelfde_boom(oud.kenmerken, kenmerken):
                return None
            for code, optie in kenmerken.items():
                o = oud.kenmerken[code]
                if (o.naam, o.label_client) != (optie.naam, optie.label_client):
                    dragers = oud.eigen_kenmerk_mask.get(code, 0) & oud.alles
                    ids.update(oud.rijen[p].id for p in _enen(dragers))
        if len(ids) > MAX_BIJWERKEN:
            return None
        gelezen: list[Row[Any]] = []
        for begin in range(0, len(ids), _PER_VRAAG):
            deel = sorted(ids)[begin : begin + _PER_VRAAG]
            gelezen.extend(session.execute(kolommen(Instrument.id.in_(deel))))
        actief = [r for r in gelezen if r.status == InstrumentStatus.ACTIEF]
        actieve_ids = [r.id for r in actief]
        koppelingen = lees_koppelingen(session, actieve_ids)
        cijfers = waarderingen(session, actieve_ids)
    gemeenten = {n for lijst in koppelingen["gemeenten"].values() for n in lijst}
    routes = {c for lijst in koppelingen["routes"].values() for c in lijst}
    if not (gemeenten <= oud.gemeente_mask.keys() and routes <= oud.route_mask.keys()):
        return None  # a gemeente or route the index does not know: build anew
    nieuw = _kopie(oud, kenmerken)
    weg = 0
    extra: dict[int, tuple[str, str, str, str]] = {}
    for id_ in sorted(ids):
        p = nieuw.positie.get(id_)
        if p is not None and nieuw.alles >> p & 1:
            _haal_weg(nieuw, p)
            weg |= 1 << p
    for r in actief:
        rij = maak_rij(r, koppelingen, cijfers)
        p = nieuw.positie.get(rij.id)
        if p is None:
            p = nieuw.positie[rij.id] = len(nieuw.rijen)
            nieuw.rijen.append(rij)
        else:
            nieuw.rijen[p] = rij
            weg |= 1 << p
        _zet_erin(nieuw, p)
        extra[p] = tekstvelden(r, kenmerken, koppelingen["kenmerken"].get(r.id, ()))
    _na_wijziging(nieuw)
    if len(nieuw.rijen) - nieuw.aantal > MAX_BIJWERKEN:
        return None  # many holes (parked since the last build): build anew, compact
    if isinstance(oud.tekst, GelaagdeTekstIndex):
        if len(oud.tekst.extra) + len(extra) > MAX_BIJWERKEN:
            return None  # the top layer of the text index would outgrow a patch
        nieuw.tekst = oud.tekst.bijgewerkt(weg, extra)
    else:
        nieuw.tekst = GelaagdeTekstIndex(oud.tekst, weg, extra)
    return nieuw


def _kopie(oud: ZoekIndex, kenmerken: dict[str, KenmerkOptie]) -> ZoekIndex:
    """A copy whose containers may be changed without touching `oud` (rows are shared)."""
    return ZoekIndex(
        rijen=list(oud.rijen),
        routes=oud.routes,
        kenmerken=kenmerken,
        gemeenten=oud.gemeenten,
        types=list(oud.types),
        onderbouwing=list(oud.onderbouwing),
        alles=oud.alles,
        route_mask=dict(oud.route_mask),
        kenmerk_mask=dict(oud.kenmerk_mask),
        eigen_kenmerk_mask=dict(oud.eigen_kenmerk_mask),
        gemeente_mask=dict(oud.gemeente_mask),
        type_mask=dict(oud.type_mask),
        onderbouwing_mask=dict(oud.onderbouwing_mask),
        kosten_volgorde=list(oud.kosten_volgorde),
        klasse_mask={naam: dict(masks) for naam, masks in oud.klasse_mask.items()},
        tekst=LuieTekstIndex([]),  # set by the caller
        op_naam=list(oud.op_naam),
        op_waardering=list(oud.op_waardering),
        op_kosten=list(oud.op_kosten),
        rang={},
        positie=dict(oud.positie),
    )


def _sleutels(index: ZoekIndex, rij: InstrumentRij) -> dict[str, Collection[str]]:
    """Per mask family, the keys whose mask holds the row's bit (see `_bouw_masks`)."""
    boven: set[str] = set()
    for code in rij.kenmerken:
        while code is not None and code in index.kenmerken and code not in boven:
            boven.add(code)
            code = index.kenmerken[code].parent  # type: ignore[assignment]
    return {
        "route_mask": rij.routes,
        "eigen_kenmerk_mask": [c for c in rij.kenmerken if c in index.kenmerken],
        "kenmerk_mask": boven,
        "gemeente_mask": list(index.gemeente_mask) if rij.alle_gemeenten else rij.gemeenten,
        "type_mask": [rij.type] if rij.type else [],
        "onderbouwing_mask": [rij.onderbouwing] if rij.onderbouwing else [],
    }


def _klassen(rij: InstrumentRij) -> dict[str, str]:
    return klasse_van(rij.kosten_centen, rij.duur_weken, rij.start_soort, rij.nederlands_nodig)


def _haal_weg(index: ZoekIndex, p: int) -> None:
    """Take the row at position `p` out of every mask and order (it stays in `rijen`)."""
    rij, bit = index.rijen[p], 1 << p
    uit = ~bit
    for familie, sleutels in _sleutels(index, rij).items():
        masks: dict[str, int] = getattr(index, familie)
        for s in sleutels:
            masks[s] = masks.get(s, 0) & uit
    for naam, code in _klassen(rij).items():
        index.klasse_mask[naam][code] &= uit
    index.alles &= uit
    for naam, sleutel in volgorde_sleutels(index.rijen).items():
        volgorde: list[int] = getattr(index, naam)
        plaats = bisect.bisect_left(volgorde, sleutel(p), key=sleutel)
        if plaats < len(volgorde) and volgorde[plaats] == p:
            del volgorde[plaats]
        else:  # not where its key says (cannot happen in a consistent index): look it up
            volgorde.remove(p)
    if rij.kosten_centen is not None:
        plaats = bisect.bisect_left(index.kosten_volgorde, (rij.kosten_centen, p))
        del index.kosten_volgorde[plaats]


def _zet_erin(index: ZoekIndex, p: int) -> None:
    """Put the row at position `p` into every mask and order it belongs to."""
    rij, bit = index.rijen[p], 1 << p
    for familie, sleutels in _sleutels(index, rij).items():
        masks: dict[str, int] = getattr(index, familie)
        for s in sleutels:
            masks[s] = masks.get(s, 0) | bit
    for naam, code in _klassen(rij).items():
        index.klasse_mask[naam][code] |= bit
    index.alles |= bit
    for naam, sleutel in volgorde_sleutels(index.rijen).items():
        bisect.insort(getattr(index, naam), p, key=sleutel)
    if rij.kosten_centen is not None:
        bisect.insort(index.kosten_volgorde, (rij.kosten_centen, p))


def _na_wijziging(index: ZoekIndex) -> None:
    """Types and levels as a fresh build lists them (only those with an active instrument)."""
    for familie in ("type_mask", "onderbouwing_mask"):
        masks: dict[str, int] = getattr(index, familie)
        for sleutel in [s for s, m in masks.items() if not m]:
            del masks[sleutel]
        if familie == "type_mask":
            index.types = sorted(masks, key=str.casefold)
        else:
            bekend = [n for n in ONDERBOUWING_NIVEAUS if n in masks]
            index.onderbouwing = bekend + sorted(set(masks) - set(bekend))
    for naam in ("op_naam", "op_waardering", "op_kosten"):
        index.rang[naam] = rangen(getattr(index, naam), len(index.rijen))
