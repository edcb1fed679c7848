"""Free-text search: folded words, Dutch word forms (Snowball), compounds, best matches first.

How a query word `q` (case and accents folded) finds a word `w` of an instrument's text:

- *whole word*: `w == q`;
- *word form*: both have the same Snowball Dutch stem, compared with doubled vowels written
  once, because Dutch spelling doubles a vowel in a closed syllable only ("taal"/"talen",
  "solliciteer"/"solliciteren"): "sollicitatie" finds "solliciteren" and "sollicitaties";
- *start of a word*: `w` starts with `q` (compounds and typing: "taal" finds "taalcursus",
  "sollicitatie" finds "sollicitatievaardigheden", "sollic" finds all of them), or with the
  query's stem when that stem is the start of `q` ("rekenen" finds "rekenwijs");
- *part of a word*: `q` of at least DEEL_MINIMUM letters stands inside `w` (the tail of a
  compound: "oriëntatie" finds "arbeidsmarktoriëntatie", "coaching" finds "jobcoaching").
  Shorter query words do not, so "taal" does not find "digitaal".

The words of an instrument: its name, provider (uitvoerder), omschrijving, doel, werkwijze,
doelgroep and rol werkzoekende, and the names and client labels of the kenmerken it carries
(so "sollicitatie" also finds an instrument tagged "4.1 Sollicitatievaardigheden").

Every query word must match (AND). Dutch stop words ("de", "voor", "met" ...; the Snowball
Dutch stop list) are not indexed and are ignored in a query that has other words. The score
of a match ranks results: the field first (name > provider > other texts > kenmerken), then
whole word > word form > start of a word > part of a word (see `score`); an instrument's score
is the sum over the query words of each word's best match.

The index maps every word to the instrument positions per field (a bitset once a query needs
the word); query words are resolved against the sorted vocabulary (bisect for prefixes, a stem
table for word forms, one string scan for parts of words) and cached, so a keystroke costs a
few look-ups and big-int ANDs. Stems come from Snowball's Dutch stemmer (snowballstemmer,
which runs the C build PyStemmer when it is installed); no suffix rules of our own.
"""

from __future__ import annotations

import bisect
import enum
import functools
import heapq
import re
import threading
import unicodedata
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

import snowballstemmer

T = TypeVar("T")

_WOORD = re.compile(r"[0-9a-z]+")
_ACCENT = re.compile(r"[\u0300-\u036f]")  # combining diacritical marks, after NFKD
_DUBBELE_KLINKER = re.compile(r"([aeiou])\1")
_CACHE_GROOTTE = 512
DEEL_MINIMUM = 5  # letters a query word needs to match inside a word

# Snowball's Dutch stop list (snowballstem.org/algorithms/dutch/stop.txt), without "zelf",
# which carries meaning here on its own ("zelf solliciteren").
_STOPLIJST = """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door
    dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
    iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet
    niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van
    veel voor want waren was wat werd wezen wie wil worden wordt zal ze zich zij zijn zo zonder
    zou
"""
STOPWOORDEN = frozenset(_STOPLIJST.split())


class Veld(enum.IntEnum):
    """Where a word stands; the value ranks it (higher is better)."""

    KENMERK = 0  # names (and client labels) of the kenmerken the instrument carries
    TEKST = 1  # omschrijving, doel, werkwijze, doelgroep, rol werkzoekende
    UITVOERDER = 2
    NAAM = 3


class Vorm(enum.IntEnum):
    """How a word matches a query word; the value ranks it (higher is better)."""

    DEEL = 1  # the query word stands inside the word (a compound's tail)
    BEGIN = 2  # the word starts with the query word (or its stem)
    WOORDVORM = 3  # same stem
    HEEL = 4  # the very word


def score(veld: Veld, vorm: Vorm) -> int:
    """Points for one query word: field first (name 13-16, provider 9-12, texts 5-8, kenmerken
    1-4), then the form of the match (whole word 4, word form 3, start 2, part of a word 1)."""
    return int(veld) * 4 + int(vorm)


def woorden(tekst: str) -> list[str]:
    """Words of a text, case and accents folded: 'Oriëntatie-traject' -> [orientatie, traject]."""
    gevouwen = tekst.casefold()
    if not gevouwen.isascii():  # fast path: most catalogue text is plain ASCII
        gevouwen = _ACCENT.sub("", unicodedata.normalize("NFKD", gevouwen))
    return _WOORD.findall(gevouwen)


def zoekwoorden(tekst: str) -> list[str]:
    """The query words that must match: folded, each once, stop words left out if others remain."""
    alle = list(dict.fromkeys(woorden(tekst)))
    inhoud = [w for w in alle if w not in STOPWOORDEN]
    return inhoud or alle


_STEMMER = snowballstemmer.stemmer("dutch")
_STEMMER_SLOT = threading.Lock()


@functools.lru_cache(maxsize=65536)
def stam(woord: str) -> str:
    """Snowball Dutch stem of a folded word, doubled vowels written once ('talen' -> 'tal')."""
    with _STEMMER_SLOT:  # a Snowball stemmer object is not thread-safe
        basis: str = _STEMMER.stemWord(woord)
    return _DUBBELE_KLINKER.sub(r"\1", basis)


STAM_HAP = 1000  # words per call into the stemmer: PyStemmer holds the GIL for a whole call


SORTEER_HAP = 20_000  # strings per sorted() call: one call keeps the interpreter


def gesorteerd_in_happen(
    lijst: list[T], key: Callable[[T], Any] | None = None, hap: int = SORTEER_HAP
) -> list[T]:
    """`sorted(lijst, key=key)`, made of sorts of `SORTEER_HAP` items merged step by step.

    One sort of the vocabulary of 100,000 instruments kept every other thread (the window)
    waiting for the interpreter; bites of 20,000 take a few ms each, and the merge runs as
    Python steps between which the window gets its turn. Stable, as `sorted`. `hap`: items
    per sort (smaller for keys that are slow to compare, such as tuples).
    """
    sleutel: Callable[[T], Any] = key if key is not None else _zelf
    if len(lijst) <= hap:
        return sorted(lijst, key=sleutel)
    stappen = range(0, len(lijst), hap)
    delen = [sorted(lijst[i : i + hap], key=sleutel) for i in stappen]
    return list(heapq.merge(*delen, key=sleutel))


def _zelf(x: T) -> T:
    return x


def stammen(lijst: Sequence[str]) -> list[str]:
    """`stam` of many words, `STAM_HAP` words per call into the stemmer.

    PyStemmer's `stemWords` is one C call that keeps the interpreter: 50,000 words held
    every other thread (the window) for about 0.2 s; a bite of 1,000 takes a few ms.
    """
    basis: list[str] = []
    for begin in range(0, len(lijst), STAM_HAP):
        with _STEMMER_SLOT:
            basis.extend(_STEMMER.stemWords(lijst[begin : begin + STAM_HAP]))
    return [_DUBBELE_KLINKER.sub(r"\1", b) for b in basis]


@functools.lru_cache(maxsize=4096)
def begin_van(woord: str) -> str:
    """The shortest of the word, its stem and its stem with single vowels that starts the word."""
    with _STEMMER_SLOT:
        basis: str = _STEMMER.stemWord(woord)
    kandidaten = (basis, _DUBBELE_KLINKER.sub(r"\1", basis))
    geldig = [k for k in kandidaten if k and woord.startswith(k)]
    return min(geldig, key=len) if geldig else woord


def _mask_van(posities: Sequence[int], lengte: int) -> int:
    """Bitset of positions: set bits in a byte buffer (one cheap step per position)."""
    if len(posities) <= 4:
        mask = 0
        for p in posities:
            mask |= 1 << p
        return mask
    buffer = bytearray((lengte + 7) // 8)
    for p in posities:
        buffer[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(buffer, "little")


@dataclass(frozen=True, slots=True)
class WoordTreffer:
    """Which instruments one query word finds: per (points, mask), best points first."""

    lagen: tuple[tuple[int, int], ...]
    alles: int


class _WoordCache:
    """Query word -> WoordTreffer, the `_CACHE_GROOTTE` most recently used; thread-safe."""

    __slots__ = ("_slot", "_treffers")

    def __init__(self) -> None:
        self._treffers: OrderedDict[str, WoordTreffer] = OrderedDict()
        self._slot = threading.Lock()

    def haal(self, woord: str) -> WoordTreffer | None:
        """The cached answer for `woord` (marked as just used), or None."""
        with self._slot:
            gevonden = self._treffers.get(woord)
            if gevonden is not None:
                self._treffers.move_to_end(woord)
            return gevonden

    def bewaar(self, woord: str, gevonden: WoordTreffer) -> WoordTreffer:
        """Keep `gevonden` for `woord`, dropping the least recently used; returns it."""
        with self._slot:
            self._treffers[woord] = gevonden
            if len(self._treffers) > _CACHE_GROOTTE:
                self._treffers.popitem(last=False)
        return gevonden


@dataclass(slots=True)
class TekstIndex:
    """Word -> positions, per field; built once per catalogue load.

    Positions become a bitset the first time a query needs the word (most words are never
    asked for), which keeps loading 10,000 instruments cheap. Stop words are not indexed.
    """

    posities: dict[Veld, dict[str, list[int]]] = field(default_factory=dict)
    lengte: int = 0
    woordenlijst: list[str] = field(default_factory=list)  # sorted vocabulary
    per_stam: dict[str, list[str]] = field(default_factory=dict)
    _samen: str = ""  # the vocabulary as one string, each word followed by "\n"
    _beginnen: list[int] = field(default_factory=list)  # where each word starts in _samen
    _masks: dict[tuple[Veld, str], int] = field(default_factory=dict)
    _cache: _WoordCache = field(default_factory=_WoordCache)

    @classmethod
    def bouw(
        cls, velden: Iterable[tuple[str, str, str, str]], plekken: Sequence[int] | None = None
    ) -> TekstIndex:
        """From (name, provider, texts, kenmerk names) per position, position 0 first.

        `plekken`: the positions of the rows of `velden` (ascending), when not 0, 1, 2 ...
        """
        volgorde = (Veld.NAAM, Veld.UITVOERDER, Veld.TEKST, Veld.KENMERK)
        posities: dict[Veld, defaultdict[str, list[int]]] = {v: defaultdict(list) for v in Veld}
        lengte = 0
        for nummer, rij in enumerate(velden):
            i = nummer if plekken is None else plekken[nummer]
            lengte = i + 1
            for veld, tekst in zip(volgorde, rij, strict=True):
                lijsten = posities[veld]
                for woord in set(woorden(tekst)) - STOPWOORDEN:
                    lijsten[woord].append(i)
        index = cls(posities={v: dict(posities[v]) for v in Veld}, lengte=lengte)
        index.woordenlijst = gesorteerd_in_happen(list(set().union(*posities.values())))
        per_stam: dict[str, list[str]] = defaultdict(list)
        for woord, basis in zip(index.woordenlijst, stammen(index.woordenlijst), strict=True):
            per_stam[basis].append(woord)
        index.per_stam = dict(per_stam)
        index._samen = "".join(w + "\n" for w in index.woordenlijst)
        beginnen, plek = [], 0
        for woord in index.woordenlijst:
            beginnen.append(plek)
            plek += len(woord) + 1
        index._beginnen = beginnen
        return index

    def _met_deel(self, deel: str) -> set[str]:
        """Vocabulary words containing `deel` (a C-speed scan of one string, not a loop)."""
        uit: set[str] = set()
        samen, beginnen, lijst = self._samen, self._beginnen, self.woordenlijst
        plek = samen.find(deel)
        while plek != -1:
            nummer = bisect.bisect_right(beginnen, plek) - 1
            uit.add(lijst[nummer])
            volgende = beginnen[nummer] + len(lijst[nummer]) + 1
            plek = samen.find(deel, volgende)
        return uit

    def _mask(self, veld: Veld, woord: str) -> int:
        mask = self._masks.get((veld, woord))
        if mask is None:
            mask = _mask_van(self.posities[veld].get(woord, ()), self.lengte)
            self._masks[veld, woord] = mask
        return mask

    def _met_begin(self, begin: str) -> list[str]:
        lijst = self.woordenlijst
        van = bisect.bisect_left(lijst, begin)
        tot = bisect.bisect_left(lijst, begin + "\x7f", van)  # words are [0-9a-z]+
        return lijst[van:tot]

    def zoek_woord(self, woord: str) -> WoordTreffer:
        """What one folded query word finds (cached; `woord` comes from `zoekwoorden`)."""
        if (gevonden := self._cache.haal(woord)) is not None:
            return gevonden
        vormen: dict[Vorm, set[str]] = {
            Vorm.HEEL: {woord},
            Vorm.WOORDVORM: set(self.per_stam.get(stam(woord), ())) - {woord},
        }
        vormen[Vorm.BEGIN] = set(self._met_begin(begin_van(woord))) - vormen[Vorm.HEEL]
        vormen[Vorm.BEGIN] -= vormen[Vorm.WOORDVORM]
        if len(woord) >= DEEL_MINIMUM:
            binnen = self._met_deel(woord)
            vormen[Vorm.DEEL] = binnen - vormen[Vorm.HEEL] - vormen[Vorm.WOORDVORM]
            vormen[Vorm.DEEL] -= vormen[Vorm.BEGIN]
        lagen: dict[int, int] = {}
        alles = 0
        for veld in Veld:
            eigen = self.posities.get(veld, {})
            for vorm, set_ in vormen.items():
                mask = 0
                for w in set_:
                    if w in eigen:
                        mask |= self._mask(veld, w)
                if mask:
                    punten = score(veld, vorm)
                    lagen[punten] = lagen.get(punten, 0) | mask
                    alles |= mask
        gevonden = WoordTreffer(tuple(sorted(lagen.items(), reverse=True)), alles)
        return self._cache.bewaar(woord, gevonden)


class LuieTekstIndex:
    """The TekstIndex of a catalogue load, built once: in the background or on first use.

    Building it costs about a second of CPU at 10,000 instruments with full texts, so the
    search service starts it in a daemon thread (`bouw_op_achtergrond`) and the window opens
    without waiting; a text search that comes before it is ready waits for it.
    """

    def __init__(
        self,
        velden: list[tuple[str, str, str, str]],
        bouwer: Callable[[list[tuple[str, str, str, str]]], TekstIndex] | None = None,
    ) -> None:
        """`bouwer` builds the TekstIndex from `velden` (default `TekstIndex.bouw`)."""
        self._velden = velden
        self._bouwer = bouwer or TekstIndex.bouw
        self._index: TekstIndex | None = None
        self._slot = threading.Lock()

    def bouw_op_achtergrond(self) -> None:
        if self._index is None:
            threading.Thread(target=self.index, name="tekstindex", daemon=True).start()

    @property
    def klaar(self) -> bool:
        return self._index is not None

    def index(self) -> TekstIndex:
        with self._slot:
            if self._index is None:
                self._index = self._bouwer(self._velden)
                self._velden = []
            return self._index


class Woordzoeker(Protocol):
    """What the search asks of a built free-text index."""

    def zoek_woord(self, woord: str) -> WoordTreffer: ...


class GelaagdeTekstIndex:
    """The free-text index of a patched search index: the old one, with some positions redone.

    `basis` answers for every position except those in `weg` (changed or gone instruments);
    `extra` holds the new texts of the changed positions that are still active (position ->
    fields) and is built here, small. A position's matches depend only on its own words and
    the query word, so the answers are those of a fresh TekstIndex of the whole catalogue.
    """

    def __init__(
        self,
        basis: LuieTekstIndex,
        weg: int,
        extra: dict[int, tuple[str, str, str, str]],
    ) -> None:
        self.basis = basis
        self.weg = weg
        self.extra = extra
        plekken = sorted(extra)
        self._extra_index = TekstIndex.bouw((extra[p] for p in plekken), plekken)
        self._cache = _WoordCache()

    def bijgewerkt(
        self, weg: int, extra: dict[int, tuple[str, str, str, str]]
    ) -> GelaagdeTekstIndex:
        """A new layered index with `weg` also redone and `extra` (changed positions) on top."""
        samen = {p: v for p, v in self.extra.items() if not weg >> p & 1} | extra
        return GelaagdeTekstIndex(self.basis, self.weg | weg, samen)

    def bouw_op_achtergrond(self) -> None:
        self.basis.bouw_op_achtergrond()

    @property
    def klaar(self) -> bool:
        return self.basis.klaar

    def index(self) -> GelaagdeTekstIndex:
        self.basis.index()  # waits for the background build of the old index
        return self

    def zoek_woord(self, woord: str) -> WoordTreffer:
        """As `TekstIndex.zoek_woord`, over both layers (cached)."""
        if (gevonden := self._cache.haal(woord)) is not None:
            return gevonden
        onder = self.basis.index().zoek_woord(woord)
        boven = self._extra_index.zoek_woord(woord)
        houd = ~self.weg
        lagen: dict[int, int] = {}
        for punten, mask in onder.lagen:
            if deel := mask & houd:
                lagen[punten] = deel
        for punten, mask in boven.lagen:
            lagen[punten] = lagen.get(punten, 0) | mask
        alles = (onder.alles & houd) | boven.alles
        gevonden = WoordTreffer(tuple(sorted(lagen.items(), reverse=True)), alles)
        return self._cache.bewaar(woord, gevonden)
