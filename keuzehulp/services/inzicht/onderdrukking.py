"""Small-cell suppression: no figure about 1 to 4 gesprekken is shown, nor can be computed back.

Issue 15: "Cells counting fewer than 5 gesprekken are suppressed in every export, so no small
group can be singled out." Two steps, both here and used by every table, chart and export:

1. Primary: a figure resting on 1 to 4 gesprekken is hidden (a count, a mean, an amount in
   euros). A figure about 0 gesprekken singles nobody out and shows as 0, so that "never
   chosen" stays visible.
2. Complementary (secondary): a hidden figure must not follow from the shown ones. Where a
   total is shown (a month's total, a key figure), one hidden part could be computed as
   total minus the other parts. `Beveiliging` knows those sums and hides more cells (the
   next-smallest part first) until no hidden figure is determined, by linear algebra, by the
   shown figures and by the fact that a hidden count is at least 1.

Every hidden figure shows the same word, VERBORGEN, in every column (counts, amounts, means):
"<5" would be untrue for a complementary cell, and two labels would tell a reader which
hidden cell is the small one. Raw counts never leave the service.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

MIN_GESPREKKEN = 5
VERBORGEN = "verborgen"
LEEG = "–"
ONDERDRUKT_UITLEG = (
    f"‘{VERBORGEN}’: dit getal gaat over minder dan {MIN_GESPREKKEN} gesprekken, of u zou "
    "zo’n getal ermee kunnen terugrekenen. Zo is niemand te herkennen."
)
log = logging.getLogger(__name__)
# Linear algebra runs modulo this prime: exact, fast integer arithmetic. The sums have
# coefficients 0 and ±1 and table structure, so their minors are 0 or ±1 and the rank mod P
# is the rank over the rationals.
P = 2**61 - 1


def onderdrukt(gesprekken: int) -> bool:
    """Whether a figure about `gesprekken` gesprekken must be hidden: 1 to MIN_GESPREKKEN - 1."""
    return 0 < gesprekken < MIN_GESPREKKEN


@dataclass(frozen=True, slots=True)
class Cel:
    """One shown figure: its text, its number (None when hidden or empty) for sorting and
    charts, whether it marks a white spot in the coverage matrix, and whether it is a total
    (`vet`: shown bold)."""

    tekst: str
    waarde: float | None = None
    wit: bool = False
    vet: bool = False
    tip: str | None = None  # the cell's tooltip when its text is short for it (else the text)

    @property
    def is_onderdrukt(self) -> bool:
        return self.tekst == VERBORGEN


VERBORGEN_CEL = Cel(VERBORGEN)


def getal_nl(waarde: float, decimalen: int = 0) -> str:
    """Dutch number format: 12.345 and 7,8 (thousands dot, decimal comma)."""
    if decimalen == 0 and type(waarde) is int:  # the common case, tens of thousands a screen
        return f"{waarde:,}".replace(",", ".")
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def aantal(n: int, verborgen: bool | None = None) -> Cel:
    """A count of gesprekken; hidden when `verborgen` (default: the primary rule on `n`)."""
    if onderdrukt(n) if verborgen is None else verborgen:
        return VERBORGEN_CEL
    return getoond_aantal(n)


@lru_cache(maxsize=4096)
def getoond_aantal(n: int) -> Cel:
    """One shared, immutable Cel per shown count (a screen holds tens of thousands)."""
    return Cel(getal_nl(n), float(n))


def gemiddelde(waarde: float | None, gesprekken: int) -> Cel:
    """A mean mark (1-10, one decimal) over `gesprekken` rated gesprekken."""
    if onderdrukt(gesprekken):
        return VERBORGEN_CEL
    if waarde is None or gesprekken == 0:
        return Cel(LEEG)
    afgerond = round(float(waarde), 1)
    return Cel(getal_nl(afgerond, 1), afgerond)


def bedrag(centen: int | None, verborgen: bool) -> Cel:
    """An amount in cents as "€ 1.234" (whole euros), or hidden."""
    if verborgen:
        return VERBORGEN_CEL
    euro = (centen or 0) / 100
    return Cel(f"€ {getal_nl(euro)}", euro)


def percentage(deel: int, geheel: int, verborgen: bool = False) -> Cel:
    """`deel` as a whole percentage of `geheel` gesprekken; hidden when either count is hidden
    (`verborgen`, or the primary rule on either)."""
    if verborgen or onderdrukt(deel) or onderdrukt(geheel):
        return VERBORGEN_CEL
    if geheel == 0:
        return Cel(LEEG)
    procent = round(100 * deel / geheel)
    return Cel(f"{procent}%", float(procent))


@dataclass(frozen=True, slots=True)
class Getal:
    """A raw figure: its value, the gesprekken it rests on, and what a reader knows a hidden
    one is at least (1 for a count: a 0 is shown; 0 for an amount)."""

    waarde: int
    basis: int
    ondergrens: int


@lru_cache(maxsize=4096)
def _getal(n: int) -> Getal:
    """The Getal of a count (shared: a screen adds tens of thousands of them)."""
    return Getal(n, n, 1)


class Beveiliging:
    """Figures and the sums between them; `verborgen()` says which figures to hide.

    Keys are any hashable names of figures; a figure shown in two tables has one key, so it
    is hidden in both or in neither. A key never added counts as a known 0.
    """

    # From this many sums in a group on, signatures are found key by key, not by set splits.
    VEEL_SOMMEN = 8

    def __init__(self, *, gesloten_vorm: bool = True) -> None:
        """`gesloten_vorm` False solves every group with the general algorithm (tests compare
        the closed form for a group of one sum against it)."""
        self._gesloten_vorm = gesloten_vorm
        # Each key gets a number when first added (its place in that order, which breaks
        # ties): the solving steps then hash small ints, not tuples of strings.
        self._nummer: dict[Hashable, int] = {}
        self._getallen: list[Getal] = []  # by number
        self._getoond: set[int] = set()
        self._klein: set[int] = set()  # resting on 1 to MIN_GESPREKKEN - 1 gesprekken
        self._sommen: list[tuple[Hashable, tuple[Hashable, ...]]] = []
        self._cache: dict[frozenset[Hashable], frozenset[Hashable]] = {}
        # id(parts tuple) -> whether a figure occurs twice in it; the tuples live in
        # `verborgen`'s list of sums for as long as this is used.
        self._dubbele: dict[int, bool] = {}
        # What the solving steps look figures up in, by number (`_nummers`).
        self._g: dict[Hashable, Getal] = {}

    def tel(self, sleutel: Hashable, n: int, *, getoond: bool = True) -> None:
        """A count of `n` gesprekken; `getoond` False: nowhere shown (only in sums)."""
        self._voeg_toe(sleutel, _getal(n), getoond)

    def tel_veel(self, tellingen: Iterable[tuple[Hashable, int]]) -> None:
        """`tel` for many shown counts at once: (key, n) pairs; a key already added keeps its
        first count, as with `tel`."""
        nummer, getallen, getoond = self._nummer, self._getallen, self._getoond
        nieuw, klein = getallen.append, self._klein.add
        for sleutel, n in tellingen:
            if n:
                i = nummer.setdefault(sleutel, len(getallen))
                if i == len(getallen):
                    nieuw(_getal(n))
                    if n < MIN_GESPREKKEN:
                        klein(i)
                getoond.add(i)

    def geld(self, sleutel: Hashable, centen: int, gesprekken: int) -> None:
        """An amount in cents that rests on `gesprekken` gesprekken."""
        self._voeg_toe(sleutel, Getal(centen, gesprekken, 0), True)

    def _voeg_toe(self, sleutel: Hashable, getal: Getal, getoond: bool) -> None:
        if getal.waarde == 0 and getal.basis == 0:
            return  # a known 0: shown, never hidden, a constant in every sum
        i = self._nummer.setdefault(sleutel, len(self._getallen))
        if i == len(self._getallen):
            self._getallen.append(getal)
            if 0 < getal.basis < MIN_GESPREKKEN:
                self._klein.add(i)
        if getoond:
            self._getoond.add(i)

    def som(self, totaal: Hashable, delen: Iterable[Hashable]) -> None:
        """Declare `totaal` = sum of `delen` (or at most: a gesprek counted in two groups). A
        reader may know this, so it is treated as an exact sum."""
        self._sommen.append((totaal, tuple(delen)))

    def verborgen(self) -> frozenset[Hashable]:
        """The keys to hide: the primary ones, then complementary ones until no hidden figure
        (and no unshown small one) can be computed back. Deterministic for the same input."""
        sleutels = list(self._nummer)
        verborgen = cast(set[int], self._verborgen())
        return frozenset([sleutels[i] for i in verborgen])

    def _nummers(self) -> dict[Hashable, int]:
        """Key -> number, after setting the figures by number that the solving steps use."""
        self._g = dict(enumerate(self._getallen))
        return self._nummer

    def _verborgen(self) -> set[Hashable]:
        """`verborgen` on the keys' numbers."""
        nummer = self._nummers()
        getallen, getoond = self._g, cast(set[Hashable], self._getoond)
        self._dubbele.clear()
        self._cache.clear()
        verborgen: set[Hashable] = set(self._klein)
        gevoelig = verborgen.copy()  # small ones, shown or not
        verborgen |= getallen.keys() - getoond
        zoek = nummer.get
        sommen: list[tuple[Hashable, tuple[Hashable, ...]]] = [
            (nummer[t], tuple([i for i in map(zoek, delen) if i is not None]))
            for t, delen in self._sommen
            if t in nummer
        ]
        volgorde: dict[Hashable, int] = dict(
            zip(range(len(getallen)), range(len(getallen)), strict=True)
        )
        self._per_som(verborgen, gevoelig, sommen, volgorde)
        gevoelig = {k for k in verborgen if k in getoond or k in gevoelig}
        # Which sums each key is in: asked only for the few keys a complement concerns.
        per_sleutel = _SommenMet(sommen)
        while bepaald := self._bepaald(verborgen, gevoelig, sommen, volgorde):
            # One complement per sum per round: a second would often be needless.
            geraakt: set[int] = set()
            nieuw: set[Hashable] = set()
            for k in bepaald:
                if geraakt.intersection(per_sleutel[k]):
                    continue
                extra = self._aanvulling(k, verborgen | nieuw, sommen, per_sleutel, volgorde)
                if extra is not None:
                    nieuw.add(extra)
                    geraakt.update(per_sleutel[extra])
            if not nieuw:
                log.debug("No complementary cell for %r", bepaald)
                break
            verborgen |= nieuw
            gevoelig |= nieuw
        return verborgen

    def _per_som(
        self,
        verborgen: set[Hashable],
        gevoelig: set[Hashable],
        sommen: Sequence[tuple[Hashable, tuple[Hashable, ...]]],
        volgorde: dict[Hashable, int],
    ) -> None:
        """The quick first pass: while a sum has exactly one hidden figure, hide its smallest
        shown part too (its total when no part is left). The exact check follows."""
        totalen = {t for t, _ in sommen}
        veranderd = True
        while veranderd:
            veranderd = False
            for totaal, delen in sommen:
                # The hidden ones as a set (C speed on long sums); only a single one matters.
                onbekend = verborgen.intersection(delen)
                if totaal in verborgen:
                    onbekend.add(totaal)
                if len(onbekend) != 1:
                    continue
                (enige,) = onbekend
                if (totaal == enige) + delen.count(enige) != 1:  # counted twice: not alone
                    continue
                if enige not in gevoelig and enige not in self._getoond:
                    continue
                cellen = (totaal, *delen)
                kandidaten = [
                    k
                    for k in cellen
                    if k not in verborgen and self._g[k].waarde > self._g[k].ondergrens
                ]
                if kandidaten:
                    verborgen.add(
                        min(
                            kandidaten,
                            key=lambda k: (k in totalen, self._g[k].waarde, volgorde[k]),
                        )
                    )
                    veranderd = True

    def _strak(self, k: Hashable) -> bool:
        g = self._g[k]
        return g.waarde <= g.ondergrens

    def _bepaald(
        self,
        verborgen: set[Hashable],
        gevoelig: set[Hashable],
        sommen: Sequence[tuple[Hashable, tuple[Hashable, ...]]],
        volgorde: dict[Hashable, int],
    ) -> list[Hashable]:
        """Sensitive hidden keys whose value follows from the shown ones, in key order.

        A hidden figure above its lower bound is safe when it is not a fixed linear function
        of the shown ones: it can then move a little both ways, alone or with one hidden
        figure at its bound (a hidden 1) that goes up (the sums are totals of tables, so
        whole steps exist). A hidden figure at its bound can only go up: it is safe when it
        can move while every other one at its bound stays put."""
        uit: list[Hashable] = []
        for delen, onbekend in _componenten(sommen, verborgen):
            if self._gesloten_vorm and len(delen) == 1:
                gesloten = self._vast_in_een_som(delen[0], onbekend, volgorde)
                if gesloten is not None:
                    uit += [k for k in gesloten if k in gevoelig]
                    continue
            sleutel = frozenset(onbekend)
            if (vast := self._cache.get(sleutel)) is None:
                snel = self._vast_per_handtekening(delen, onbekend, gevoelig)
                if not self._gesloten_vorm or snel is None:
                    vast = self._vast_in(delen, onbekend, volgorde)
                else:
                    vast = snel
                self._cache[sleutel] = vast
            uit += [k for k in vast if k in gevoelig]
        return sorted(uit, key=volgorde.__getitem__)

    def _vast_in(
        self,
        sommen: Sequence[tuple[Hashable, tuple[Hashable, ...]]],
        onbekend: set[Hashable],
        volgorde: dict[Hashable, int],
    ) -> frozenset[Hashable]:
        """The unknowns of one group that a reader can pin down.

        An unknown is safe when some way of changing the hidden figures keeps every sum and
        moves it, without pushing a figure at its lower bound (a hidden 1, or € 0) below it.
        The candidate ways are the basic solutions of the homogeneous sums (one per free
        unknown); a figure none of them moves is reported, which errs on the safe side."""
        strak = {k for k in onbekend if self._strak(k)}
        # Figures at their bound last as pivots: each then gets a basic way of its own.
        rang = {k: (k in strak, volgorde[k]) for k in onbekend}
        spil = _rref(sommen, onbekend, rang)
        richtingen: dict[Hashable, dict[Hashable, int]] = {
            k: {k: 1} for k in onbekend if k not in spil
        }
        for p, rij in spil.items():
            for f, c in rij.items():
                if f != p:
                    richtingen[f][p] = -_klein(c)
        veilig: set[Hashable] = set()
        for richting in richtingen.values():
            tekens = {c > 0 for k, c in richting.items() if c and k in strak}
            if len(tekens) <= 1:  # the ones at their bound all go up (or, reversed, all do)
                veilig.update(k for k, c in richting.items() if c)
        return frozenset(onbekend - veilig)

    def _vast_in_een_som(
        self,
        som: tuple[Hashable, tuple[Hashable, ...]],
        onbekend: set[Hashable],
        volgorde: dict[Hashable, int],
    ) -> set[Hashable] | None:
        """`_vast_in` in closed form for a group of one sum (most groups: a column of a long
        table with its total), without linear algebra; None when a figure occurs twice in it
        (then the general algorithm decides).

        The sum's one row has the pivot `_vast_in` takes: the first unknown off its bound,
        else the first one. Each other unknown f has one basic way: f +1, the pivot -+1.
        With a pivot off its bound every way moves at most one figure at its bound, so all
        unknowns are safe (two or more of them). When all are at their bound, a way is safe
        when f and the pivot move the same way: one is the total, the other a part."""
        totaal, delen = som
        # Set operations in C: the sum has thousands of parts.
        hier = onbekend.intersection(delen)  # the unknown parts
        als_totaal = totaal in onbekend
        if als_totaal and totaal in hier:
            return None  # the total is a part too
        if len(hier) + als_totaal != len(onbekend):
            return None  # an unknown outside this sum
        if hier and self._dubbel(delen) and sum(map(hier.__contains__, delen)) != len(hier):
            return None  # an unknown part counted twice
        if len(onbekend) == 1:
            return set(onbekend)
        g = self._g
        if any(g[k].waarde > g[k].ondergrens for k in onbekend):
            return set()  # the pivot is off its bound
        spil = min(onbekend, key=volgorde.__getitem__)
        if spil == totaal:
            return set()  # every other unknown is a part: they move the other way
        if als_totaal:
            return hier - {spil}
        return set(hier)

    def _vast_per_handtekening(
        self,
        sommen: Sequence[tuple[Hashable, tuple[Hashable, ...]]],
        onbekend: set[Hashable],
        gevoelig: set[Hashable],
    ) -> frozenset[Hashable] | None:
        """The unknowns of this group that may be pinned down, found without linear algebra
        (the long columns of a table with the totals they share: thousands of unknowns), or
        None when that does not settle it and `_vast_in` must decide.

        Two unknowns with the same coefficients in every sum (their "signature") can move
        in opposite directions, one unit each, and every sum still holds; two with opposite
        signatures can both go up. So an unknown is free when its signature is shared by at
        least one other, not both at their bound, or when the opposite signature occurs.
        The others are reported (erring on the safe side), but only when none of them is
        sensitive (an unshown total that is not small); else None."""
        klassen = self._handtekeningen(sommen, onbekend)
        if klassen is None:
            return None
        vast: set[Hashable] = set()
        for handtekening, leden in klassen.items():
            if not handtekening or tuple((i, -c) for i, c in handtekening) in klassen:
                continue  # in no sum, or a partner the other way: free
            if len(leden) < 2 or all(self._strak(k) for k in leden):
                if gevoelig.intersection(leden):
                    return None
                vast.update(leden)
        return frozenset(vast)

    def _handtekeningen(
        self,
        sommen: Sequence[tuple[Hashable, tuple[Hashable, ...]]],
        onbekend: set[Hashable],
    ) -> dict[tuple[tuple[int, int], ...], set[Hashable]] | None:
        """The unknowns grouped by signature: per sum (number i) they are in, (i, 1) as its
        total or (i, -1) as a part, in sum order. None when a figure occurs twice in a sum.

        A group of a few sums (a long column with its total: thousands of unknowns) splits
        the classes with set operations per sum; many sums (short rows) go key by key."""
        if len(sommen) > self.VEEL_SOMMEN:
            teken: dict[Hashable, list[tuple[int, int]]] = {k: [] for k in onbekend}
            for i, (totaal, delen) in enumerate(sommen):
                hier = onbekend.intersection(delen)
                if hier and self._dubbel(delen):
                    return None  # a figure twice in one sum: not a 0/±1 system
                if totaal in onbekend:
                    if totaal in hier:
                        return None
                    teken[totaal].append((i, 1))
                for k in hier:
                    teken[k].append((i, -1))
            per_rij: dict[tuple[tuple[int, int], ...], set[Hashable]] = {}
            for k, rij in teken.items():
                per_rij.setdefault(tuple(rij), set()).add(k)
            return per_rij
        klassen: dict[tuple[tuple[int, int], ...], set[Hashable]] = {(): set(onbekend)}
        for i, (totaal, delen) in enumerate(sommen):
            hier = onbekend.intersection(delen)
            if hier and self._dubbel(delen):
                return None
            als_totaal = totaal in onbekend
            if als_totaal and totaal in hier:
                return None
            if not hier and not als_totaal:
                continue
            gesplitst: dict[tuple[tuple[int, int], ...], set[Hashable]] = {}
            for teken_tot_nu, leden in klassen.items():
                deel = leden & hier
                rest = leden - deel
                if als_totaal and totaal in rest:
                    rest.discard(totaal)
                    gesplitst[(*teken_tot_nu, (i, 1))] = {totaal}
                if rest:
                    gesplitst[teken_tot_nu] = rest
                if deel:
                    gesplitst[(*teken_tot_nu, (i, -1))] = deel
            klassen = gesplitst
        return klassen

    def _dubbel(self, delen: tuple[Hashable, ...]) -> bool:
        """Whether a figure occurs twice among `delen` (remembered per tuple: long sums are
        checked in every round)."""
        if (dubbel := self._dubbele.get(id(delen))) is None:
            dubbel = self._dubbele[id(delen)] = len(set(delen)) != len(delen)
        return dubbel

    def _aanvulling(
        self,
        k: Hashable,
        verborgen: set[Hashable],
        sommen: Sequence[tuple[Hashable, tuple[Hashable, ...]]],
        per_sleutel: _SommenMet,
        volgorde: dict[Hashable, int],
    ) -> Hashable | None:
        """The shown figure to hide with `k`: the smallest part in a sum with `k` (totals
        only when no part is left), else one sum further along the hidden figures."""
        totalen = {t for t, _ in sommen}
        gezien, rand = {k}, [k]
        while rand:
            nummers = {i for r in rand for i in per_sleutel[r]}
            sleutels = {s for i in nummers for s in (sommen[i][0], *sommen[i][1])}
            kandidaten = [
                s
                for s in sleutels
                if s not in verborgen and self._g[s].waarde > self._g[s].ondergrens
            ]
            if kandidaten:
                return min(
                    kandidaten,
                    key=lambda s: (s in totalen, self._g[s].waarde, volgorde[s]),
                )
            rand = [s for s in sleutels if s in verborgen and s not in gezien]
            gezien.update(rand)
        return None


class _SommenMet:
    """`[k]`: the numbers of the sums that key `k` is in (as total or part), in order;
    computed on first use per key (a complement concerns a few keys of tens of thousands)."""

    def __init__(self, sommen: Sequence[tuple[Hashable, tuple[Hashable, ...]]]) -> None:
        self._sommen = sommen
        self._sets: list[set[Hashable]] | None = None
        self._cache: dict[Hashable, tuple[int, ...]] = {}

    def __getitem__(self, k: Hashable) -> tuple[int, ...]:
        if (uit := self._cache.get(k)) is None:
            if self._sets is None:
                self._sets = [{t, *delen} for t, delen in self._sommen]
            uit = self._cache[k] = tuple(i for i, s in enumerate(self._sets) if k in s)
        return uit


def _klein(c: int) -> int:
    """A coefficient mod P as the small signed integer it stands for (the sums give 0, ±1)."""
    return c - P if c > P // 2 else c


def _rref(
    sommen: Sequence[tuple[Hashable, tuple[Hashable, ...]]],
    vrij: set[Hashable],
    volgorde: Mapping[Hashable, tuple[bool, int]],
) -> dict[Hashable, dict[Hashable, int]]:
    """The reduced row echelon form of the sums in the unknowns `vrij` (exact, modulo P):
    pivot unknown -> its row (the pivot with 1, and the free unknowns it depends on)."""
    rijen: list[dict[Hashable, int]] = []
    for totaal, delen in sommen:
        rij: dict[Hashable, int] = {}
        for k, c in ((totaal, 1), *((d, -1) for d in delen)):
            if k in vrij:
                rij[k] = rij.get(k, 0) + c
        rij = {k: c % P for k, c in rij.items() if c % P}
        if rij:
            rijen.append(rij)
    spil: dict[Hashable, dict[Hashable, int]] = {}
    for rij in rijen:
        for p, prij in spil.items():
            if (f := rij.get(p)) is not None:
                rij = _min(rij, prij, f)
        if not rij:
            continue
        p = min(rij, key=volgorde.__getitem__)
        inverse = pow(rij[p], -1, P)
        rij = {k: c * inverse % P for k, c in rij.items()}
        for q, qrij in list(spil.items()):
            if (f := qrij.get(p)) is not None:
                spil[q] = _min(qrij, rij, f)
        spil[p] = rij
    return spil


def _componenten(
    sommen: Sequence[tuple[Hashable, tuple[Hashable, ...]]], verborgen: set[Hashable]
) -> list[tuple[list[tuple[Hashable, tuple[Hashable, ...]]], set[Hashable]]]:
    """The sums split into groups that share no hidden figure, each with its hidden figures.
    Each group is solved on its own: small systems instead of one large one."""
    # Union-find over the sums (hundreds), not over the hidden figures (thousands): a
    # figure joins the sum it is first seen in to every later sum it is in.
    ouder = list(range(len(sommen)))

    def wortel(i: int) -> int:
        while ouder[i] != i:
            ouder[i] = ouder[ouder[i]]
            i = ouder[i]
        return i

    eerste: dict[Hashable, int] = {}
    al_gezien: set[Hashable] = set()  # eerste's keys as a set: intersections in C
    per_som = []
    for i, (totaal, delen) in enumerate(sommen):
        onbekend = verborgen.intersection(delen)  # a set: which sums, not their order, counts
        if totaal in verborgen:
            onbekend.add(totaal)
        per_som.append(onbekend)
        # Set operations in C: only the sums that saw a figure before are joined.
        gezien = onbekend & al_gezien
        if len(gezien) < len(onbekend):
            nieuw = onbekend - gezien
            eerste.update(dict.fromkeys(nieuw, i))
            al_gezien |= nieuw
        for j in set(map(eerste.__getitem__, gezien)):
            if (a := wortel(i)) != (b := wortel(j)):
                ouder[a] = b
    groepen: dict[int, tuple[list[tuple[Hashable, tuple[Hashable, ...]]], set[Hashable]]] = {}
    for i, (som, onbekend) in enumerate(zip(sommen, per_som, strict=True)):
        if onbekend:
            groep = groepen.setdefault(wortel(i), ([], set()))
            groep[0].append(som)
            groep[1].update(onbekend)
    return list(groepen.values())


def _min(a: dict[Hashable, int], b: dict[Hashable, int], f: int) -> dict[Hashable, int]:
    """a - f * b (mod P), without zero entries."""
    uit = dict(a)
    for k, c in b.items():
        uit[k] = (uit.get(k, 0) - f * c) % P
    return {k: c for k, c in uit.items() if c}
