"""A B1 readability check: short sentences, and no jargon without its explanation.

Two uses:

- `beoordeel(tekst)`: the tests' check on every text the application itself writes for a
  client (PDF, comparison, client labels, kenmerk explanations): sentences of at most 15 words
  on average, and none of the concept words in JARGON without an explanation right there.
- `adviezen(tekst)`: warnings with suggested wording for catalogue texts that a client sees
  (KLANTVELDEN), shown by the beheer editor and the import dry run (issue 9, item 8). It
  checks every sentence (at most 15 words each) against VAKWOORDEN, the kept list of words
  and phrases with their plain replacement.

The rule is the project's own writing rule (seed 004, lines 5617-5637): short sentences of
at most 15 words, known concrete words, and a specialist word only when it is explained.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from keuzehulp.model.velden import B1_VELDEN

MAX_GEMIDDELDE_ZINSLENGTE = 15.0

JARGON: tuple[str, ...] = (
    "menselijk kapitaal",
    "zelfregulatie",
    "emotieregulatie",
    "participatie",
    "interventie",
    "interventies",
    "arbeidsmarkt",
    "re-integratie",
    "reïntegratie",
    "instrument",
    "instrumenten",
    "competentie",
    "competenties",
    "fenger",
    "life first",
    "human capital first",
    "work first",
    "trajectplan",
    "klantprofiel",
    "afgeleid kenmerk",
    "afgeleide kenmerken",
    "instroomeis",
    "doelgroep",
    "belastbaarheid",
    "coping",
    "zelfredzaamheid",
    "methodisch",
)
"""Words a client does not know. Allowed only with an explanation next to them."""

# An explanation right after the word: "(...)", ": ...", " – ...", ", dat is ...".
_UITLEG_NA = re.compile(
    r"\s*(\(|:|–|—|-\s|,\s*(dat|dit) (is|betekent|wil zeggen|zijn))", re.IGNORECASE
)
# Or the next sentence explains it.
_UITLEG_ZIN = re.compile(
    r"\s*(dat|dit) (betekent|wil zeggen|is|zijn|gaat over)\b|\s*daarmee bedoelen we",
    re.IGNORECASE,
)
_ZINSEINDE = re.compile(r"(?<=[.!?])\s+|\n+")
_WOORD = re.compile(r"[0-9A-Za-zÀ-ÿ€][0-9A-Za-zÀ-ÿ'’\-.,]*")


@dataclass(frozen=True, slots=True)
class Beoordeling:
    """The outcome of the check on one text."""

    zinnen: int
    gemiddelde_zinslengte: float
    langste_zin: str
    jargon_zonder_uitleg: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return (
            self.gemiddelde_zinslengte <= MAX_GEMIDDELDE_ZINSLENGTE
            and not self.jargon_zonder_uitleg
        )

    def uitleg(self) -> str:
        """Why the text fails, in Dutch, for a test message."""
        delen = []
        if self.gemiddelde_zinslengte > MAX_GEMIDDELDE_ZINSLENGTE:
            delen.append(
                f"zinnen gemiddeld {self.gemiddelde_zinslengte:.1f} woorden "
                f"(langste: ‘{self.langste_zin}’)"
            )
        if self.jargon_zonder_uitleg:
            delen.append("vakwoorden zonder uitleg: " + ", ".join(self.jargon_zonder_uitleg))
        return "; ".join(delen) or "in orde"


def zinnen(tekst: str) -> list[str]:
    """Split into sentences: at . ! ? followed by space, and at line breaks (labels, lists)."""
    return [z.strip() for z in _ZINSEINDE.split(tekst) if _WOORD.search(z)]


def woorden(zin: str) -> list[str]:
    return _WOORD.findall(zin)


def _jargon_zonder_uitleg(tekst: str) -> list[str]:
    gevonden: list[str] = []
    for term in JARGON:
        patroon = re.compile(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", re.IGNORECASE)
        for m in patroon.finditer(tekst):
            rest = tekst[m.end() :]
            if _UITLEG_NA.match(rest):
                continue
            volgende = _ZINSEINDE.split(rest, maxsplit=1)
            if len(volgende) == 2 and _UITLEG_ZIN.match(volgende[1]):
                continue
            gevonden.append(term)
            break
    return gevonden


def beoordeel(tekst: str) -> Beoordeling:
    """Check one text (several sentences, or a label)."""
    alle = zinnen(tekst)
    lengtes = [len(woorden(z)) for z in alle]
    gemiddelde = sum(lengtes) / len(lengtes) if lengtes else 0.0
    langste = max(alle, key=lambda z: len(woorden(z)), default="")
    return Beoordeling(
        zinnen=len(alle),
        gemiddelde_zinslengte=gemiddelde,
        langste_zin=langste,
        jargon_zonder_uitleg=tuple(_jargon_zonder_uitleg(tekst)),
    )


# --- catalogue texts a client sees ------------------------------------------------------------

MAX_WOORDEN_PER_ZIN = 15

KLANTVELDEN: tuple[str, ...] = B1_VELDEN
"""Instrument fields whose text reaches the client: the client view of the detail ("Wat is
het", "Wat doe jij", "Voor wie", "Wat moet je al kunnen", ...), the comparison and the client
PDF. Names, addresses and links are not checked; cost to the gemeente is internal."""


@dataclass(frozen=True, slots=True)
class Vakwoord:
    """A word or phrase a client may not know, and the plain wording to use instead.

    `patroon` is a regular expression (case-insensitive, matched as whole words) when the
    term has several forms; otherwise the term itself is matched.
    """

    term: str
    vervanging: str
    patroon: str | None = None
    # Lower-case pieces of which at least one occurs in every match: a cheap test that skips
    # the regular expression for almost every text (an import checks 100,000 texts).
    ankers: tuple[str, ...] = ()

    @property
    def regex(self) -> str:
        return self.patroon or re.escape(self.term)

    @property
    def zoekwoorden(self) -> tuple[str, ...]:
        return self.ankers or (self.term.casefold(),)


VAKWOORDEN: tuple[Vakwoord, ...] = (
    # Language and reading levels
    Vakwoord(
        "Nederlands op A2-niveau",
        "een beetje Nederlands spreken",
        r"nederlands (?:op |van )?(?:taal)?niveau a2|nederlands op a2[- ]?niveau",
        ankers=("nederlands",),
    ),
    Vakwoord(
        "A2-niveau",
        "zeg wat iemand moet kunnen, bijvoorbeeld: een beetje Nederlands spreken",
        r"(?:taal)?niveau [abc][0-2]|[abc][0-2][- ]?niveau|(?:van )?a[0-2] (?:tot|naar) [ab][12]",
        ankers=("niveau", "a0 ", "a1 ", "a2 "),
    ),
    Vakwoord(
        "niveau 1F",
        "zeg wat iemand leert, bijvoorbeeld: een brief lezen, een bon nakijken",
        r"(?:niveau )?[1-4]f(?: of [1-4]f)?",
        ankers=("1f", "2f", "3f", "4f"),
    ),
    Vakwoord("NT2", "Nederlands als tweede taal"),
    Vakwoord(
        "inburgeringsplichtig",
        "moet inburgeren",
        r"inburgeringsplichtig\w*",
        ankers=("inburgeringsplicht",),
    ),
    # Words from the catalogue's own trade
    Vakwoord("pré", "fijn als je het hebt", r"pr[ée]", ankers=("pré", "pre")),
    Vakwoord("op aanvraag", "vraag het je coach"),
    Vakwoord("VCA", "VCA (een diploma voor veilig werken)"),
    Vakwoord("intake", "kennismakingsgesprek", r"\w*intake\w*", ankers=("intake",)),
    Vakwoord("traject", "plan, of: je weg naar werk", r"\w*trajecte?n?", ankers=("traject",)),
    Vakwoord("participatie", "meedoen", r"(?<!team )participatie", ankers=("participatie",)),
    Vakwoord(
        "participatieplaats",
        "plek waar je meedoet en werkervaring opdoet, zonder loon",
        r"participatieplaats\w*",
        ankers=("participatieplaats",),
    ),
    Vakwoord(
        "werkervaringsplaats",
        "plek waar je werkervaring opdoet",
        r"werkervaringsplaats\w*",
        ankers=("werkervaringsplaats",),
    ),
    Vakwoord("instroom", "beginnen", r"instroom|instromen", ankers=("instroom", "instromen")),
    Vakwoord(
        "instroomeis", "wat je al moet kunnen", r"instroomeis(?:en)?", ankers=("instroomeis",)
    ),
    Vakwoord("doelgroep", "voor wie het is", r"doelgroep(?:en)?", ankers=("doelgroep",)),
    Vakwoord("activering", "weer actief worden", r"activering\w*", ankers=("activering",)),
    Vakwoord(
        "re-integratie",
        "weer aan het werk gaan",
        r"re-?integratie\w*|reïntegratie\w*",
        ankers=("integratie", "ïntegratie"),
    ),
    Vakwoord(
        "arbeidsmarkt",
        "werk, de banen die er zijn",
        r"\w*arbeidsmarkt\w*",
        ankers=("arbeidsmarkt",),
    ),
    Vakwoord("interventie", "hulp", r"interventies?", ankers=("interventie",)),
    Vakwoord(
        "instrument",
        "aanbod, of: training, cursus of coaching",
        r"instrumente?n?",
        ankers=("instrument",),
    ),
    Vakwoord(
        "competenties", "vaardigheden: wat je kunt", r"\w*competenties?", ankers=("competentie",)
    ),
    Vakwoord("capaciteiten", "wat je kunt", r"capaciteit\w*", ankers=("capaciteit",)),
    Vakwoord("Dariuz", "de vragenlijst van je werkcoach", r"dariuz\w*", ankers=("dariuz",)),
    Vakwoord("werkfit", "klaar voor werk", r"werkfit\w*", ankers=("werkfit",)),
    Vakwoord(
        "belemmering", "wat het moeilijk maakt", r"belemmering(?:en)?", ankers=("belemmering",)
    ),
    Vakwoord("belastbaarheid", "wat je aankunt", r"belastbaa?r\w*", ankers=("belastba",)),
    Vakwoord("zelfregulatie", "jezelf sturen: plannen en volhouden"),
    Vakwoord("emotieregulatie", "omgaan met je gevoelens"),
    Vakwoord("zelfredzaamheid", "zelf je zaken regelen"),
    Vakwoord("coping", "omgaan met problemen en stress"),
    Vakwoord("menselijk kapitaal", "wat je kunt en weet"),
    Vakwoord(
        "afgeleid kenmerk", "waar je aan werkt", r"afgeleide? kenmerk(?:en)?", ankers=("afgeleid",)
    ),
    Vakwoord(
        "Fenger",
        "je weg naar werk: eerst je leven, eerst leren of eerst werk",
        r"fenger(?:-?routes?)?",
        ankers=("fenger",),
    ),
    Vakwoord(
        "life first",
        "eerst je leven op orde",
        r"life first|human capital first|work first",
        ankers=("first",),
    ),
    Vakwoord("trajectplan", "plan"),
    Vakwoord("klantprofiel", "wat je nodig hebt"),
    Vakwoord("methodisch", "stap voor stap"),
    # Work and income
    Vakwoord("arbeidsbeperking", "een beperking waardoor werken moeilijker is"),
    Vakwoord("doelgroepregister", "lijst van mensen die door een beperking moeilijk werk vinden"),
    Vakwoord("loonkostensubsidie", "de gemeente betaalt een deel van je loon"),
    Vakwoord(
        "loonwaarde", "meten hoeveel werk je kunt doen", r"loonwaarde\w*", ankers=("loonwaarde",)
    ),
    Vakwoord(
        "detachering",
        "je werkt bij een bedrijf, maar een bureau is je werkgever",
        r"detacher\w*",
        ankers=("detacher",),
    ),
    Vakwoord("proefplaatsing", "je werkt een tijdje op proef bij een werkgever"),
    Vakwoord("startkwalificatie", "een diploma van mbo-niveau 2 of hoger"),
    Vakwoord(
        "regulier werk",
        "gewoon betaald werk",
        r"reguliere? (?:werk|baan|arbeid)",
        ankers=("regulier",),
    ),
    Vakwoord("inkomensconsulent", "je contactpersoon voor je uitkering"),
    Vakwoord("accountmanager", "contactpersoon voor werkgevers"),
    Vakwoord("indicatie", "besluit dat je deze hulp krijgt"),
    Vakwoord("toeleiding", "hulp om bij de juiste hulp te komen"),
    Vakwoord("schuldhulpverlening", "hulp bij schulden"),
    Vakwoord("fiscaal", "van de belasting", r"fiscaa?le?", ankers=("fisca",)),
    Vakwoord(
        "financiën",
        "geldzaken, of: geld",
        r"financi[eë]n|financi[eë]le|financieel",
        ankers=("financi",),
    ),
    Vakwoord("budgetteren", "een plan maken voor je geld", r"budgett?er\w*", ankers=("budget",)),
    # Care and psychology
    Vakwoord("anamnese", "gesprek over je klachten en wat je hebt meegemaakt"),
    Vakwoord("LVB", "licht verstandelijke beperking"),
    Vakwoord("cognitieve gedragstherapie", "een bekende manier om anders te leren denken en doen"),
    Vakwoord("G-schema", "een schema om je gedachten op te schrijven"),
    Vakwoord("SoVa", "training sociale vaardigheden"),
    Vakwoord(
        "psycho-educatie", "uitleg over je klachten", r"psycho-?educatie", ankers=("educatie",)
    ),
    Vakwoord("motiverende gespreksvoering", "gesprekken die je helpen zelf te kiezen"),
    Vakwoord(
        "oplossingsgericht",
        "gericht op wat wel lukt",
        r"oplossingsgerichte?",
        ankers=("oplossingsgericht",),
    ),
    Vakwoord(
        "empowerment",
        "sterker worden en zelf beslissen",
        r"empowerment\w*",
        ankers=("empowerment",),
    ),
    Vakwoord("eigen regie", "zelf beslissen over je leven", r"(?:eigen )?regie", ankers=("regie",)),
    Vakwoord("persoonlijkheidsvragenlijst", "vragenlijst over wie je bent"),
    Vakwoord("non-verbaal", "zonder taal", r"non-?verba(?:al|le)", ankers=("verba",)),
    Vakwoord("reflectie", "terugkijken en nadenken"),
    Vakwoord("prioriteren", "kiezen wat eerst moet"),
    Vakwoord(
        "observatie", "je begeleider kijkt hoe je werkt", r"observatie\w*", ankers=("observatie",)
    ),
    Vakwoord("assessment", "onderzoek naar wat je kunt", r"\w*assessment", ankers=("assessment",)),
    # Office words
    Vakwoord(
        "evaluatie", "gesprek over hoe het gaat", r"\w*evaluatie\w*|evalueren", ankers=("evalu",)
    ),
    Vakwoord("klantdossier", "je dossier"),
    Vakwoord("intranet", "je werkcoach regelt het"),
    Vakwoord("klassikaal", "in een klas", r"klassika(?:al|le)", ankers=("klassika",)),
    Vakwoord("cliënt", "jij, of: je", r"cli[ëe]nte?n?", ankers=("cliënt", "client")),
    Vakwoord("faciliteren", "helpen, mogelijk maken", r"facilite\w*", ankers=("facilite",)),
    Vakwoord("conform", "volgens"),
    Vakwoord("n.t.b.", "dat weten we nog niet", r"n\.t\.b\.?", ankers=("n.t.b",)),
    Vakwoord("i.o.m.", "in overleg met", r"i\.o\.m\.?", ankers=("i.o.m",)),
    Vakwoord("evt.", "misschien", r"evt\.?", ankers=("evt",)),
)
"""The kept list: words and phrases from the catalogue's texts that a client may not know, with
the plain wording a beheerder can use instead (sources: the sample catalogue, the Excel
keuzehulp's texts, the client feedback in seed 004, lines 3550-4100). Allowed when explained
right next to them, like `JARGON`."""


def _gebonden(regex: str) -> str:
    """Whole words only: no letter or digit right before or after (a hyphen is a boundary)."""
    return rf"(?<![\w]){regex}(?![\w])"


_VAKWOORD_PATRONEN: tuple[tuple[Vakwoord, re.Pattern[str]], ...] = tuple(
    (v, re.compile(_gebonden(v.regex), re.IGNORECASE)) for v in VAKWOORDEN
)
# (anchor, index in VAKWOORDEN), flat: one `in` test each is the cheapest first check.
_ANKERS: tuple[tuple[str, int], ...] = tuple(
    (anker, i) for i, v in enumerate(VAKWOORDEN) for anker in v.zoekwoorden
)


@dataclass(frozen=True, slots=True)
class Advies:
    """One B1 warning on a text: a hard word, or a long sentence, with what to write instead.

    soort: VAKWOORD or LANGE_ZIN; gevonden: the word or sentence as written; suggestie: the
    plain wording (for a long sentence, the advice to split it).
    """

    soort: str
    gevonden: str
    suggestie: str

    def __str__(self) -> str:
        if self.soort == VAKWOORD:
            return (
                f"‘{self.gevonden}’ is moeilijk voor een klant. Schrijf liever: ‘{self.suggestie}’."
            )
        woorden_aantal = len(woorden(self.gevonden))
        return (
            f"Deze zin heeft {woorden_aantal} woorden (hoogstens {MAX_WOORDEN_PER_ZIN}): "
            f"‘{self.gevonden}’. {self.suggestie}"
        )


_ADRES = re.compile(r"\S+@\S+|https?://\S+|www\.\S+", re.IGNORECASE)
VAKWOORD = "vakwoord"
LANGE_ZIN = "lange_zin"
SPLITS_ZIN = "Maak er twee korte zinnen van."


def _uitgelegd(tekst: str, begin: int, einde: int) -> bool:
    """Explained right after it, in the next sentence, or it is itself the aside in brackets
    after the plain words ("sociale vaardigheidstraining (SoVa)", "(niveau A2 of B1)")."""
    voor = tekst[:begin]
    if voor.count("(") > voor.count(")"):
        return True
    rest = tekst[einde:]
    if _UITLEG_NA.match(rest):
        return True
    volgende = _ZINSEINDE.split(rest, maxsplit=1)
    return len(volgende) == 2 and bool(_UITLEG_ZIN.match(volgende[1]))


def adviezen(tekst: str | None) -> list[Advies]:
    """B1 warnings on a catalogue text: hard words (VAKWOORDEN) and sentences over 15 words.

    Each word is reported once, with its plain replacement; a word explained right after it
    ("VCA (een diploma voor veilig werken)") is fine. Empty text gives no warnings.
    """
    if not tekst or not tekst.strip():
        return []
    return list(_adviezen(tekst))


@lru_cache(maxsize=8192)
def _adviezen(tekst: str) -> tuple[Advies, ...]:
    # Remembered: catalogue texts repeat ("Via je werkcoach", "n.v.t."), and an import of
    # 10,000 instruments checks 100,000 of them.
    proza = tekst
    if "@" in tekst or "://" in tekst or "www." in tekst:
        # An e-mail or web address is not prose: "instroom@uiterwaard.example" is no jargon.
        proza = _ADRES.sub(lambda m: " " * len(m.group(0)), tekst)
    gevonden: list[tuple[int, int, Advies]] = []
    laag = proza.casefold()
    kandidaten = sorted({i for anker, i in _ANKERS if anker in laag})
    # The list has longer phrases first ("Nederlands op A2-niveau" before "A2-niveau"): a word
    # inside a phrase already reported is not reported again.
    for index in kandidaten:
        vakwoord, patroon = _VAKWOORD_PATRONEN[index]
        for m in patroon.finditer(proza):
            if any(m.start() < eind and begin < m.end() for begin, eind, _ in gevonden):
                continue
            if not _uitgelegd(proza, m.start(), m.end()):
                advies = Advies(VAKWOORD, m.group(0), vakwoord.vervanging)
                gevonden.append((m.start(), m.end(), advies))
                break
    uit = [advies for _, _, advies in sorted(gevonden, key=lambda g: g[0])]
    for zin in zinnen(tekst):
        if len(woorden(zin)) > MAX_WOORDEN_PER_ZIN:
            uit.append(Advies(LANGE_ZIN, zin, SPLITS_ZIN))
    return tuple(uit)


def adviezen_per_veld(waarden: Mapping[str, object]) -> dict[str, list[Advies]]:
    """Warnings per client-visible field (KLANTVELDEN) of an instrument's values.

    `waarden` maps field names to texts (an InstrumentGegevens dumped, or a form's values);
    fields without warnings are left out.
    """
    uit: dict[str, list[Advies]] = {}
    for veld in KLANTVELDEN:
        tekst = waarden.get(veld)
        if isinstance(tekst, str):
            gevonden = adviezen(tekst)
            if gevonden:
                uit[veld] = gevonden
    return uit
