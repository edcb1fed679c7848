"""Recognise a person's name in a free text, with data instead of a bare pattern.

Two data files in keuzehulp/data/ (built by scripts/maak_naamgegevens.py) decide:

- ``voornamen.tsv``: about 37,000 first names (Jörg Michael's list as packaged in
  gender-guesser) with their popularity (1 very rare … 13 extremely common) anywhere and in the
  Netherlands or Belgium, and how often the same spelling occurs as a Dutch word (wordfreq,
  Zipf scale: "wil" 6.2, "jan" 5.2, "roos" 4.2);
- ``woorden_nl.txt.gz``: every lower-case word of the OpenTaal word list, so an ordinary word
  ("hoop", "twijfelt", "marokkaanse") is told apart from a surname ("jansen").

The rules, in the order they are tried (a hit returns the words to quote):

1. A form of address ("mevrouw", "meneer", "dhr.", "de heer", …), optionally with particles
   ("de", "van der"), then a word that is capitalised, no ordinary word ("jansen"), or a first
   name that is no very common word ("mevrouw roos"; "meneer wil graag" passes), or after
   "de"/"van der" one of the commonest surnames that are also words ("mevrouw de jong").
2. An introduction: "ik heet", "mijn naam is" (then any capitalised word or name), or "ik ben",
   "dit is" (then only a known first name: "Ik ben Fatima" is refused, "Ik ben Marokkaanse" not).
3. A full name: a capitalised first name, optional particles, a capitalised word that is no
   ordinary word or follows a particle ("Jan de Vries", "Fatima el Amrani", "Sanne Bakker" no:
   "bakker" is an ordinary word and there is no particle).
4. A capitalised first name inside a sentence that is no very common word ("het ging goed met
   Sanne"); skipped when the word before is capitalised too (a title such as "De Roos").
5. A first name opening a sentence when it is no ordinary word ("Fatima was blij") or a
   popular Dutch first name (popularity ≥ 7 in NL/BE: "Jan vond het fijn"); "Roos was blij"
   and "Hoop doet leven" pass.
6. A full name in lower case (clients often type so): a first name, particles ("de", "van
   der", "el"), then a word that is no ordinary word or one of the commonest Dutch surnames
   that are also words (`_ACHTERNAAM_WOORD`: "jan de vries", "fatima el amrani"); or a first
   name followed directly by a word that is no ordinary word and no first name ("fatima
   amrani"). "mark de dagen in je agenda" and "van de ene naar de andere plek" pass.

Words that belong to a street ("de Jan van Goyenstraat", "Willem de Zwijgerlaan": the last
word ends in straat, laan, weg, …) or to a large employer whose name starts with a first name
(`_BEDRIJVEN`: "Albert Heijn", "Jan Linders") are no person's name and are skipped.

Lookups are a binary search in one string (no set of 357,000 words in memory); the files are
read once, on first use (about 30 ms).
"""

from __future__ import annotations

import gzip
import importlib.resources
import re
from dataclasses import dataclass
from functools import cache, lru_cache

# A first name whose spelling is this frequent as a Dutch word (Zipf) is never a name by itself
# ("wil", "ben", "hoop", "de"). Chosen from the data: "jan" 5.18 stays a name, "rust" 5.05 too.
ALGEMEEN_ZIPF = 5.3
# The same for English words, which Dutch remarks borrow ("will", "love", "one", "may": > 5.5;
# "mark" 5.05 and "john" stay names).
ALGEMEEN_ZIPF_EN = 5.5
# A first name at least this popular in NL/BE opens a sentence as a name even if it is also an
# ordinary word ("Jan", "Kees", "Mark": 7-10); "Roos" (4) and "Bas" (6) do not.
POPULAIR_NLBE = 7
# Names this rare everywhere ("vries": 1, "my": 2) only count after a form of address.
ZELDZAAM = 2
# After these words a capitalised word is more likely a place than a person ("in Breda").
_PLAATS_ERVOOR = frozenset(
    ["in", "uit", "naar", "te", "regio", "gemeente", "omgeving", "buurt", "richting"]
)

# The commonest Dutch surnames after a particle that are also ordinary words, so that a
# lower-case "jan de vries" is still seen ("vries" is a form of "vriezen"). Compiled by hand
# from well-known frequent surnames; not yet checked against a published list (such as the
# Meertens Instituut's Nederlandse Familienamenbank): do so before extending it.
_ACHTERNAAM_WOORD = frozenset(
    [
        "vries", "jong", "boer", "graaf", "wit", "groot", "bruin", "bruijn", "haan", "vos",
        "lange", "ridder", "koning", "leeuw", "meer", "berg", "dijk", "linden", "heuvel", "beek",
        "vliet", "broek", "wijk", "veen", "wal", "laan", "dam", "bosch", "bos", "brink", "kamp",
        "hoek", "zande", "velde", "klerk", "jager", "waal", "horst", "wiel", "ven", "poel",
        "zanden", "bergh", "heijden", "ruiter",
    ]
)  # fmt: skip
# Only after these particles ("kim in de hoek" is no name).
_ACHTERNAAM_TUSSEN = frozenset(["van", "de", "der", "den", "ter", "ten"])
# The end of a street name: "Goyenstraat", "Zwijgerlaan" (at least three letters before it),
# or a separate word after a name ("Jan van Goyen straat").
_STRAAT_EINDE = (
    "straat", "laan", "weg", "plein", "singel", "kade", "gracht", "hof", "park", "dreef",
    "steeg", "dijk", "plantsoen", "boulevard", "allee", "pad", "markt", "wal", "baan",
)  # fmt: skip
_STRAAT_LOS = frozenset(["straat", "laan", "weg", "plein", "singel", "kade", "gracht", "dreef",
                         "steeg", "plantsoen", "boulevard"])  # fmt: skip
# Large Dutch employers whose name starts with a first name (a remark "werkt bij Albert Heijn"
# names a company, not a person). Kept short on purpose: supermarkets, shops, hospitals,
# transport firms with thousands of staff. Compiled by hand, not from a published register:
# the beheergroep should review it.
_BEDRIJVEN = tuple(
    tuple(naam.split())
    for naam in (
        "albert heijn",
        "jan linders",
        "dirk van den broek",
        "dirk",
        "hans anders",
        "bart smit",
        "kees smit",
        "henk ten hoor",
        "pieter pot",
        "simon loos",
        "peter appel",
        "douwe egberts",
        "lucas bols",
        "jeroen bosch ziekenhuis",
        "albert schweitzer ziekenhuis",
        "catharina ziekenhuis",
        "maxima mc",
        "máxima mc",
    )
)
_BEDRIJF_BEGIN = frozenset(b[0] for b in _BEDRIJVEN)

_WOORD = re.compile(r"[^\W\d_]+")
_ZINSEINDE = re.compile(r"[.!?:;\n•\u2022]")
_AANSPREEK = frozenset(
    [
        "meneer",
        "mevrouw",
        "mevr",
        "mw",
        "mr",
        "dhr",
        "mvr",
        "juffrouw",
        "juf",
        "meester",
        "familie",
        "fam",
        "heer",
    ]
)
_TUSSEN = frozenset(
    ["van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "op", "el", "al", "in"]
)
_STERKE_TUSSEN = frozenset(
    ["de", "der", "den", "ter", "ten", "el", "al"]
)  # "van de" can be "of the"
_HEET = (("ik", "heet"), ("hij", "heet"), ("zij", "heet"), ("ze", "heet"), ("mijn", "naam", "is"),
         ("zijn", "naam", "is"), ("haar", "naam", "is"), ("ik", "heet"))  # fmt: skip
_BEN = (("ik", "ben"), ("dit", "is"), ("hier", "is"), ("zij", "is"), ("hij", "is"))


@dataclass(frozen=True, slots=True)
class _Naam:
    hoogst: int  # popularity anywhere, 1..13
    nlbe: int  # popularity in the Netherlands or Belgium, 0..13
    zipf: float  # frequency of the same spelling as a Dutch word (Zipf scale)
    zipf_en: float  # the same as an English word ("will", "love", "one")


@cache
def _gegevens(bestand: str) -> str:
    """A data file as one string that starts and ends with "\n" (gzip when named .gz)."""
    pad = importlib.resources.files("keuzehulp") / "data" / bestand
    inhoud = pad.read_bytes()
    if bestand.endswith(".gz"):
        inhoud = gzip.decompress(inhoud)
    return "\n" + inhoud.decode("utf-8")


def _zoek_regel(tekst: str, sleutel: str) -> str | None:
    """The line of a sorted data file whose key (the part before a tab) is `sleutel`.

    A binary search in the string: no set of 357,000 words in memory, no parsing on load.
    Invariant: `laag` starts a line, and the line sought, if present, starts in [laag, hoog).
    """
    laag, hoog = 1, len(tekst)
    while laag < hoog:
        begin = tekst.rfind("\n", 0, (laag + hoog) // 2) + 1
        eind = tekst.find("\n", begin)
        regel = tekst[begin:eind]
        tab = regel.find("\t")
        sleutel_hier = regel if tab == -1 else regel[:tab]
        if sleutel_hier == sleutel:
            return regel
        if sleutel_hier < sleutel:
            laag = eind + 1
        else:
            hoog = begin
    return None


def is_gewoon_woord(woord: str) -> bool:
    """True if the word, in lower case, is in the OpenTaal list of Dutch words."""
    return _is_gewoon(woord.lower())


@lru_cache(maxsize=8192)  # the same words come back in every remark
def _is_gewoon(klein: str) -> bool:
    return _zoek_regel(_gegevens("woorden_nl.txt.gz"), klein) is not None


def voornaam(woord: str) -> _Naam | None:
    """The first-name data of the word (any case), or None when it is no known first name."""
    return _voornaam(woord.lower())


@lru_cache(maxsize=8192)
def _voornaam(klein: str) -> _Naam | None:
    regel = _zoek_regel(_gegevens("voornamen.tsv"), klein)
    if regel is None:
        return None
    _, hoogst, nlbe, zipf, zipf_en = regel.split("\t")
    return _Naam(int(hoogst), int(nlbe), float(zipf), float(zipf_en))


def _is_algemeen(naam: _Naam | None) -> bool:
    return naam is not None and (naam.zipf >= ALGEMEEN_ZIPF or naam.zipf_en >= ALGEMEEN_ZIPF_EN)


def _telt_los(naam: _Naam | None) -> bool:
    """A name that counts without a form of address: not rare, no very common word."""
    return naam is not None and naam.hoogst > ZELDZAAM and not _is_algemeen(naam)


@dataclass(frozen=True, slots=True)
class _Token:
    tekst: str
    begin: int
    eind: int
    zinsbegin: bool

    @property
    def hoofdletter(self) -> bool:
        return self.tekst[0].isupper() and not self.tekst.isupper()

    @property
    def klein(self) -> str:
        return self.tekst.lower()


def _tokens(tekst: str) -> list[_Token]:
    tokens: list[_Token] = []
    vorige = 0
    for m in _WOORD.finditer(tekst):
        tussen = tekst[vorige : m.start()]
        zinsbegin = not tokens or bool(_ZINSEINDE.search(tussen))
        tokens.append(_Token(m.group(), m.start(), m.end(), zinsbegin))
        vorige = m.end()
    return tokens


def _naamachtig_na_aanspreekvorm(woord: _Token, na_tussen: bool, sterk: bool) -> bool:
    if len(woord.tekst) < 2:
        return False
    if woord.hoofdletter or not is_gewoon_woord(woord.tekst):
        return True
    naam = voornaam(woord.tekst)
    if naam is None:
        return False
    return sterk or (not na_tussen and not _is_algemeen(naam))


def _na_tussenvoegsels(tokens: list[_Token], i: int) -> tuple[int, bool, bool]:
    """Index of the first word after up to three particles from i, whether any was skipped,
    and whether one was a clear surname particle ("de", "der", "el")."""
    j, sterk = i, False
    while j < len(tokens) and j - i < 3 and tokens[j].klein in _TUSSEN:
        sterk = sterk or tokens[j].klein in _STERKE_TUSSEN
        j += 1
    return j, j > i, sterk


def _volgt(tokens: list[_Token], i: int, woorden: tuple[str, ...]) -> bool:
    return tuple(t.klein for t in tokens[i : i + len(woorden)]) == woorden


def _regel_aanspreekvorm(tekst: str, tokens: list[_Token], i: int) -> tuple[int, int] | None:
    t = tokens[i]
    if t.klein not in _AANSPREEK:
        return None
    if t.klein == "heer" and not (i > 0 and tokens[i - 1].klein == "de"):
        return None
    if t.klein == "mr" and tekst[t.eind : t.eind + 1] != ".":
        return None
    j, na_tussen, sterk = _na_tussenvoegsels(tokens, i + 1)
    deeltjes = [x.klein for x in tokens[i + 1 : j]]
    # "mevrouw de jong", "meneer van der meer"; not "meneer van de wijk" (the neighbourhood).
    achternaam = (
        j < len(tokens)
        and tokens[j].klein in _ACHTERNAAM_WOORD
        and (deeltjes == ["de"] or bool({"der", "den", "ter", "ten"} & set(deeltjes)))
    )
    if j < len(tokens) and (
        achternaam or _naamachtig_na_aanspreekvorm(tokens[j], na_tussen, sterk)
    ):
        begin = tokens[i - 1].begin if t.klein == "heer" else t.begin
        return begin, tokens[j].eind
    return None


def _regel_voorstellen(tekst: str, tokens: list[_Token], i: int) -> tuple[int, int] | None:
    for woorden in _HEET:
        if _volgt(tokens, i, woorden):
            j, _, _ = _na_tussenvoegsels(tokens, i + len(woorden))
            if j < len(tokens):
                w = tokens[j]
                naam = voornaam(w.tekst)
                gewoon = is_gewoon_woord(w.tekst)
                if w.hoofdletter or not gewoon or (naam and not _is_algemeen(naam)):
                    return tokens[i].begin, w.eind
    for woorden in _BEN:
        j = i + len(woorden)
        if _volgt(tokens, i, woorden) and j < len(tokens):
            w = tokens[j]
            naam = voornaam(w.tekst)
            if _telt_los(naam) and (w.hoofdletter or not is_gewoon_woord(w.tekst)):
                return tokens[i].begin, w.eind
    return None


def _regel_volledige_naam(tekst: str, tokens: list[_Token], i: int) -> tuple[int, int] | None:
    t = tokens[i]
    naam = voornaam(t.tekst)
    if not t.hoofdletter or not _telt_los(naam):
        return None
    j, na_tussen, _ = _na_tussenvoegsels(tokens, i + 1)
    if j >= len(tokens) or (j == i + 1 and tokens[j].begin - t.eind > 2):
        return None
    w = tokens[j]
    if not w.hoofdletter or w.zinsbegin or len(w.tekst) < 2:
        return None
    if na_tussen or not is_gewoon_woord(w.tekst):
        return t.begin, w.eind
    return None


def _regel_losse_voornaam(tekst: str, tokens: list[_Token], i: int) -> tuple[int, int] | None:
    t = tokens[i]
    naam = voornaam(t.tekst)
    if not t.hoofdletter or naam is None or not _telt_los(naam):
        return None
    if not t.zinsbegin:
        vorige = tokens[i - 1]
        if vorige.hoofdletter and not vorige.zinsbegin:
            return None  # part of a title: "Stichting De Roos"
        if vorige.klein in _PLAATS_ERVOOR:
            return None  # "woont in Breda"
        return t.begin, t.eind
    volgende = tokens[i + 1] if i + 1 < len(tokens) else None
    if volgende is None or volgende.hoofdletter or volgende.zinsbegin:
        return None  # a heading or a one-word line
    if not is_gewoon_woord(t.tekst) or naam.nlbe >= POPULAIR_NLBE:
        return t.begin, t.eind
    return None


def _regel_kleine_letters(tekst: str, tokens: list[_Token], i: int) -> tuple[int, int] | None:
    t = tokens[i]
    if t.hoofdletter or not _telt_los(voornaam(t.tekst)):
        return None
    j, na_tussen, _ = _na_tussenvoegsels(tokens, i + 1)
    if j >= len(tokens) or any(tokens[k].zinsbegin for k in range(i + 1, j + 1)):
        return None
    w = tokens[j]
    if len(w.tekst) < 3 or w.hoofdletter or w.klein in _TUSSEN:
        return None
    if na_tussen:
        deeltjes = {x.klein for x in tokens[i + 1 : j]}
        achternaam = w.klein in _ACHTERNAAM_WOORD and deeltjes <= _ACHTERNAAM_TUSSEN
        if achternaam or not is_gewoon_woord(w.tekst):
            return t.begin, w.eind
        return None
    # Without a particle only a clear pair: "fatima amrani", not "mark wsl" or "roos heeft".
    naam = voornaam(t.tekst)
    duidelijk = not is_gewoon_woord(t.tekst) or (naam is not None and naam.nlbe >= POPULAIR_NLBE)
    if duidelijk and len(w.tekst) >= 4 and not is_gewoon_woord(w.tekst) and not voornaam(w.tekst):
        return t.begin, w.eind
    return None


_REGELS = (
    _regel_aanspreekvorm,
    _regel_voorstellen,
    _regel_volledige_naam,
    _regel_losse_voornaam,
    _regel_kleine_letters,
)


def _is_straatwoord(tokens: list[_Token], k: int) -> bool:
    klein = tokens[k].klein
    if klein.endswith(_STRAAT_EINDE) and any(
        klein.endswith(e) and len(klein) >= len(e) + 3 for e in _STRAAT_EINDE
    ):
        return True
    # "Jan van Goyen straat", but not "Jan van der Laan" (a surname right after a particle).
    return klein in _STRAAT_LOS and k > 0 and tokens[k - 1].klein not in _TUSSEN


def _geen_persoon(tekst: str, tokens: list[_Token]) -> set[int]:
    """Indexes of words that belong to a street name or a listed employer: no person."""
    vrij: set[int] = set()
    for k, t in enumerate(tokens):
        if _is_straatwoord(tokens, k):
            # Walk back over the street's own name ("Jan van Goyen-"): particles, capitalised
            # words, names and unknown words, written together (no comma between).
            b = k
            while b > 0 and k - b < 5 and not tokens[b].zinsbegin:
                vorige = tokens[b - 1]
                tussen = tekst[vorige.eind : tokens[b].begin]
                if tussen.strip(" -'") or not (
                    vorige.klein in _TUSSEN
                    or vorige.hoofdletter
                    or voornaam(vorige.tekst)
                    or not is_gewoon_woord(vorige.tekst)
                ):
                    break
                b -= 1
            vrij.update(range(b, k + 1))
        if t.hoofdletter and t.klein in _BEDRIJF_BEGIN:
            for bedrijf in _BEDRIJVEN:
                if _volgt(tokens, k, bedrijf):
                    vrij.update(range(k, k + len(bedrijf)))
    return vrij


def naam_in_tekst(tekst: str) -> str | None:
    """The words of the first person's name found in the text (see the module's rules), as
    written ("mevrouw jansen", "Jan de Vries", "Ik ben Fatima"), or None. Words of a street
    or a listed employer never start a name. Linear in the text: every rule looks at a
    bounded number of words from each word."""
    tokens = _tokens(tekst)
    vrij = _geen_persoon(tekst, tokens)
    for regel in _REGELS:
        for i in range(len(tokens)):
            if i in vrij:
                continue
            gevonden = regel(tekst, tokens, i)
            if gevonden:
                return tekst[gevonden[0] : gevonden[1]]
    return None
