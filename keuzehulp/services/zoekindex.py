"""The active catalogue loaded once into memory: plain rows plus one id bitset per filter value.

Bit i of every mask stands for `ZoekIndex.rijen[i]`. Masks are Python ints, so OR/AND and
`int.bit_count()` answer a whole filter in microseconds, also at 10,000 instruments.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, select
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import (
    ONDERBOUWING_NIVEAUS,
    FengerRoute,
    Gemeente,
    Instrument,
    InstrumentStatus,
    Kenmerk,
)
from keuzehulp.model.db import Database
from keuzehulp.model.velden import TEKSTZOEK_VELDEN
from keuzehulp.services.geheugen import zonder_opruimen
from keuzehulp.services.instrumentgegevens import lees_koppelingen
from keuzehulp.services.tekstzoeken import (
    GelaagdeTekstIndex,
    LuieTekstIndex,
    TekstIndex,
    gesorteerd_in_happen,
)
from keuzehulp.services.waardering import GEEN, InstrumentWaardering, waarderingen
from keuzehulp.services.zoekvraag import KLASSE_CODES, klasse_van


@dataclass(frozen=True, slots=True)
class RouteOptie:
    """A Fenger route as step 1 offers it."""

    code: str
    naam: str
    label: str
    uitleg: str
    uitleg_client: str


@dataclass(frozen=True, slots=True)
class KenmerkOptie:
    """An active kenmerk as step 2 offers it; `groep` is the code of its top-level group."""

    code: str
    naam: str
    uitleg: str
    uitleg_client: str
    parent: str | None
    groep: str
    kinderen: tuple[str, ...]
    label_client: str = ""  # short plain label (at most ~6 words); "" when not set

    @property
    def klantlabel(self) -> str:
        """What the client view shows: the short label, else the name."""
        return self.label_client or self.naam


@dataclass(frozen=True, slots=True)
class InstrumentRij:
    """What a result row shows about an active instrument (plain values)."""

    id: int
    naam: str
    type: str | None
    uitvoerder: str | None
    gemeenten: tuple[str, ...]
    alle_gemeenten: bool
    omvang_duur: str | None
    kosten_centen: int | None
    kosten_tekst: str | None
    waardering_professionals: float | None
    waardering_werkzoekende: float | None
    onderbouwing: str | None
    regiehouder: str | None
    overleg_met: str | None
    routes: tuple[str, ...]
    kenmerken: tuple[str, ...]
    # Structured fields (None: unknown); see the Instrument model for units.
    duur_weken: int | None = None
    uren_per_week: float | None = None
    start_soort: str | None = None
    startdata: tuple[dt.date, ...] = ()
    nederlands_nodig: bool | None = None
    groepsvorm: str | None = None
    kosten_klant_centen: int | None = None
    adres: str | None = None
    # The figures shown and sorted on (services/waardering.py): terugblikken or survey.
    waardering: InstrumentWaardering = GEEN


@dataclass(slots=True)
class ZoekIndex:
    """Rows of the active catalogue and the masks the search combines."""

    rijen: list[InstrumentRij] = field(default_factory=list)
    routes: list[RouteOptie] = field(default_factory=list)
    kenmerken: dict[str, KenmerkOptie] = field(default_factory=dict)  # in tree order
    gemeenten: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    onderbouwing: list[str] = field(default_factory=list)
    alles: int = 0
    route_mask: dict[str, int] = field(default_factory=dict)
    # Instruments carrying the kenmerk itself or any descendant (parent includes children).
    kenmerk_mask: dict[str, int] = field(default_factory=dict)
    # Instruments carrying exactly this kenmerk (for "why it matches").
    eigen_kenmerk_mask: dict[str, int] = field(default_factory=dict)
    # Instruments offered in the gemeente, including "alle gemeenten" ones.
    gemeente_mask: dict[str, int] = field(default_factory=dict)
    type_mask: dict[str, int] = field(default_factory=dict)
    onderbouwing_mask: dict[str, int] = field(default_factory=dict)
    kosten_volgorde: list[tuple[int, int]] = field(default_factory=list)  # (cents, position)
    # Structured facets: facet name ("kosten", "duur", "start", "nederlands") -> class code ->
    # mask; every class of the facet's table is present, also with no instrument in it.
    klasse_mask: dict[str, dict[str, int]] = field(default_factory=dict)
    tekst: LuieTekstIndex | GelaagdeTekstIndex = field(default_factory=lambda: LuieTekstIndex([]))
    # Positions ordered for sorting: by name; by rating (best first, then name).
    op_naam: list[int] = field(default_factory=list)
    op_waardering: list[int] = field(default_factory=list)
    op_kosten: list[int] = field(default_factory=list)
    # Per order above ("op_naam" ...): position -> its place in that order.
    rang: dict[str, list[int]] = field(default_factory=dict)
    # Instrument id -> its position. An index patched in place (`zoekindex_bijwerken`) may
    # hold positions of instruments no longer active: their bit is off in `alles` and in
    # every mask, and they are in no order; a full build has none of them.
    positie: dict[int, int] = field(default_factory=dict)

    @property
    def aantal(self) -> int:
        """Number of active instruments (rows whose bit is on in `alles`)."""
        return self.alles.bit_count()

    def onder(self, code: str) -> list[str]:
        """The kenmerk and all its active descendants."""
        uit = [code]
        for kind in self.kenmerken[code].kinderen:
            uit.extend(self.onder(kind))
        return uit


def _datums(tekst: str | None) -> tuple[dt.date, ...]:
    """ISO dates stored as "2027-01-11; 2027-03-08" (validated on the way in)."""
    if not tekst:
        return ()
    return tuple(dt.date.fromisoformat(d.strip()) for d in tekst.split(";") if d.strip())


def _kenmerk_opties(session: Session) -> dict[str, KenmerkOptie]:
    alle = list(session.scalars(select(Kenmerk).order_by(Kenmerk.volgorde, Kenmerk.code)))
    per_id = {k.id: k for k in alle}
    kinderen: dict[int | None, list[Kenmerk]] = defaultdict(list)
    for k in alle:
        kinderen[k.parent_id].append(k)
    uit: dict[str, KenmerkOptie] = {}

    def voeg_toe(k: Kenmerk, groep: str) -> None:
        actieve_kinderen = [c for c in kinderen[k.id] if c.actief]
        parent = per_id[k.parent_id].code if k.parent_id is not None else None
        uit[k.code] = KenmerkOptie(
            k.code,
            k.naam,
            k.uitleg,
            k.uitleg_client,
            parent,
            groep,
            tuple(c.code for c in actieve_kinderen),
            k.label_client or "",
        )
        for c in actieve_kinderen:
            voeg_toe(c, groep)

    for groep in kinderen[None]:
        if groep.actief:
            voeg_toe(groep, groep.code)
    return uit


def _kenmerk_woorden(kenmerken: dict[str, KenmerkOptie], codes: Iterable[str]) -> str:
    """Names and client labels of the active kenmerken among `codes`, for the text search."""
    return " ".join(
        f"{kenmerken[c].naam} {kenmerken[c].label_client}" for c in codes if c in kenmerken
    )


HAP_RIJEN = 2000  # rows per fetch while reading the catalogue
SORTEER_HAP = 5000  # positions per sort of an order (tuple keys: a few ms per sort)

# The free-text fields (model/velden.py) that the row itself does not hold.
_IN_RIJ = frozenset({"naam", "type", "uitvoerder", "omvang_duur", "regiehouder", "adres"})
_ALLEEN_TEKST = tuple(v for v in TEKSTZOEK_VELDEN if v not in _IN_RIJ)


def kolommen(waar: ColumnElement[bool]) -> Select[*tuple[Any, ...]]:
    """The instrument columns the index reads (row and free-text fields), for rows `waar`."""
    vraag: Select[*tuple[Any, ...]] = select(
        Instrument.id,
        Instrument.status,
        Instrument.naam,
        Instrument.type,
        Instrument.uitvoerder,
        Instrument.alle_gemeenten,
        Instrument.omvang_duur,
        Instrument.kosten_centen,
        Instrument.kosten_tekst,
        Instrument.waardering_professionals,
        Instrument.waardering_werkzoekende,
        Instrument.onderbouwing,
        Instrument.regiehouder,
        Instrument.overleg_met,
        *(getattr(Instrument, veld) for veld in _ALLEEN_TEKST),
        Instrument.duur_weken,
        Instrument.uren_per_week,
        Instrument.start_soort,
        Instrument.startdata,
        Instrument.nederlands_nodig,
        Instrument.groepsvorm,
        Instrument.kosten_klant_centen,
        Instrument.adres,
    ).where(waar)
    return vraag


def maak_rij(
    r: Row[Any],
    koppelingen: dict[str, dict[int, list[str]]],
    cijfers: dict[int, InstrumentWaardering],
) -> InstrumentRij:
    """The InstrumentRij of one row of `kolommen`, its links and its figures."""
    return InstrumentRij(
        id=r.id,
        naam=r.naam,
        type=r.type,
        uitvoerder=r.uitvoerder,
        gemeenten=tuple(koppelingen["gemeenten"].get(r.id, ())),
        alle_gemeenten=bool(r.alle_gemeenten),
        omvang_duur=r.omvang_duur,
        kosten_centen=r.kosten_centen,
        kosten_tekst=r.kosten_tekst,
        waardering_professionals=r.waardering_professionals,
        waardering_werkzoekende=r.waardering_werkzoekende,
        onderbouwing=r.onderbouwing,
        regiehouder=r.regiehouder,
        overleg_met=r.overleg_met,
        routes=tuple(koppelingen["routes"].get(r.id, ())),
        kenmerken=tuple(koppelingen["kenmerken"].get(r.id, ())),
        duur_weken=r.duur_weken,
        uren_per_week=r.uren_per_week,
        start_soort=r.start_soort,
        startdata=_datums(r.startdata),
        nederlands_nodig=r.nederlands_nodig,
        groepsvorm=r.groepsvorm,
        kosten_klant_centen=r.kosten_klant_centen,
        adres=r.adres,
        waardering=cijfers.get(r.id, GEEN),
    )


def tekstvelden(
    r: Row[Any], kenmerken: dict[str, KenmerkOptie], codes: Iterable[str]
) -> tuple[str, str, str, str]:
    """(name, provider, other texts, kenmerk words) of one row of `kolommen` for TekstIndex."""
    overig = (getattr(r, veld) for veld in TEKSTZOEK_VELDEN)
    return (
        r.naam,
        r.uitvoerder or "",
        " ".join(t for t in overig if t),
        _kenmerk_woorden(kenmerken, codes),
    )


def laad_index(db: Database) -> ZoekIndex:
    """Read the active catalogue in one unit of work (Core selects: fast at 10,000).

    Any thread. The cyclic collector is paused while it runs and what it made is frozen
    afterwards (`geheugen.zonder_opruimen`): the index is hundreds of thousands of long-lived
    objects, and every full collection walks them all while holding the GIL (most of a
    225 ms search p95 at 100,000, and stalls of the GUI thread while a worker builds it).
    Plain reference counting still frees an old index (`laat_los`).
    """
    with zonder_opruimen():
        return _laad_index(db)


def _laad_index(db: Database) -> ZoekIndex:
    index = ZoekIndex()
    teksten: list[tuple[str, str, str, str]] = []
    with db.lezen() as session:
        index.routes = [
            RouteOptie(r.code, r.naam, r.label, r.uitleg, r.uitleg_client)
            for r in session.scalars(select(FengerRoute).order_by(FengerRoute.volgorde))
        ]
        index.kenmerken = _kenmerk_opties(session)
        index.gemeenten = list(session.scalars(select(Gemeente.naam).order_by(Gemeente.naam)))
        actief = Instrument.status == InstrumentStatus.ACTIEF
        koppelingen = lees_koppelingen(session)
        cijfers = waarderingen(session)
        rij_kenmerken = koppelingen["kenmerken"]
        # Fetched in bites: one fetchall of 100,000 rows holds the GIL (the window) throughout.
        vraag = kolommen(actief).order_by(Instrument.id)
        for r in session.execute(vraag, execution_options={"yield_per": HAP_RIJEN}):
            index.rijen.append(maak_rij(r, koppelingen, cijfers))
            teksten.append(tekstvelden(r, index.kenmerken, rij_kenmerken.get(r.id, ())))
    _bouw_masks(index)
    index.tekst = LuieTekstIndex(teksten, bouwer=_bouw_tekstindex)
    return index


def _bouw_tekstindex(velden: list[tuple[str, str, str, str]]) -> TekstIndex:
    with zonder_opruimen():  # as the index itself: no collections while it grows
        return TekstIndex.bouw(velden)


def lege_index() -> ZoekIndex:
    """An index of an empty catalogue (what the search offers until the first load)."""
    index = ZoekIndex()
    _bouw_masks(index)
    return index


def _bouw_masks(index: ZoekIndex) -> None:
    routes: dict[str, int] = {r.code: 0 for r in index.routes}
    eigen: dict[str, int] = {code: 0 for code in index.kenmerken}
    gemeenten: dict[str, int] = {g: 0 for g in index.gemeenten}
    types: dict[str, int] = defaultdict(int)
    onderbouwing: dict[str, int] = defaultdict(int)
    klassen: dict[str, dict[str, int]] = {
        naam: dict.fromkeys(codes, 0) for naam, codes in KLASSE_CODES.items()
    }
    overal = 0
    for i, rij in enumerate(index.rijen):
        bit = 1 << i
        index.alles |= bit
        for code in rij.routes:
            routes[code] = routes.get(code, 0) | bit
        for code in rij.kenmerken:
            if code in eigen:  # tags on inactive kenmerken do not count
                eigen[code] |= bit
        for naam in rij.gemeenten:
            gemeenten[naam] = gemeenten.get(naam, 0) | bit
        if rij.alle_gemeenten:
            overal |= bit
        if rij.type:
            types[rij.type] |= bit
        if rij.onderbouwing:
            onderbouwing[rij.onderbouwing] |= bit
        for naam, code in klasse_van(
            rij.kosten_centen, rij.duur_weken, rij.start_soort, rij.nederlands_nodig
        ).items():
            klassen[naam][code] |= bit
    index.klasse_mask = klassen
    index.route_mask = routes
    index.eigen_kenmerk_mask = eigen
    index.kenmerk_mask = {}
    for code in index.kenmerken:
        mask = 0
        for sub in index.onder(code):
            mask |= eigen[sub]
        index.kenmerk_mask[code] = mask
    index.gemeente_mask = {naam: mask | overal for naam, mask in gemeenten.items()}
    index.types = sorted(types, key=str.casefold)
    index.type_mask = dict(types)
    bekend = [n for n in ONDERBOUWING_NIVEAUS if n in onderbouwing]
    index.onderbouwing = bekend + sorted(set(onderbouwing) - set(bekend))
    index.onderbouwing_mask = dict(onderbouwing)
    rijen = index.rijen
    index.positie = {r.id: i for i, r in enumerate(rijen)}
    for naam, sleutel in volgorde_sleutels(rijen).items():
        volgorde = gesorteerd_in_happen(list(range(len(rijen))), sleutel, SORTEER_HAP)
        setattr(index, naam, volgorde)
        index.rang[naam] = rangen(volgorde, len(rijen))
    index.kosten_volgorde = gesorteerd_in_happen(
        [(r.kosten_centen, i) for i, r in enumerate(rijen) if r.kosten_centen is not None],
        hap=SORTEER_HAP,
    )


def volgorde_sleutels(rijen: list[InstrumentRij]) -> dict[str, Callable[[int], Any]]:
    """Per order of ZoekIndex ("op_naam" ...): the sort key of a position.

    By name (case folded); by rating (best first, then name); by cost (unknown last, then
    name). Ties end on the instrument id, so a patched index orders as a fresh one does.
    """

    def op_naam(p: int) -> tuple[str, int]:
        return rijen[p].naam.casefold(), rijen[p].id

    def op_waardering(p: int) -> tuple[float, str, int]:
        r = rijen[p]
        return -r.waardering.sorteercijfer, r.naam.casefold(), r.id

    def op_kosten(p: int) -> tuple[bool, int, str, int]:
        r = rijen[p]
        return r.kosten_centen is None, r.kosten_centen or 0, r.naam.casefold(), r.id

    return {"op_naam": op_naam, "op_waardering": op_waardering, "op_kosten": op_kosten}


def rangen(volgorde: list[int], lengte: int) -> list[int]:
    """Position -> its place in `volgorde` (positions not in it: 0; `lengte` positions)."""
    plaats = [0] * lengte
    for r, p in enumerate(volgorde):
        plaats[p] = r
    return plaats
