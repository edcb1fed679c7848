"""Structured duration, hours and start, read from "Omvang en duur" and "Beschikbaarheid".

`lees_omvang(omvang_duur, beschikbaarheid)` returns an `Omvang`: total duration in whole
weeks, hours per week, how the instrument starts (doorlopend / vaste_data) and its start
dates. A value is filled **only when the text says it without doubt**; everything else stays
None, which the application shows as "onbekend" and counts as such.

How a text is read
    The text is split into parts at commas and semicolons. Every part must be recognised as a
    whole (for example "6 weken", "1 dagdeel per week", "8 bijeenkomsten van 2 uur",
    "wekelijks contact"). One part that is not understood ("rapport binnen 4 weken",
    "afhankelijk van de werkgever") makes the whole text doubtful: then nothing is filled,
    because that part may change what the others mean.

Conventions (and why)
    - A dagdeel (ochtend, middag, avond, halve dag) is 4 hours. That is the usual Dutch unit
      in work, care and education (the Wmo/Wlz dagbesteding is counted in dagdelen of four
      hours); a text that means otherwise says hours.
    - A dag in "N dagen per week" or a single "1 dag" is 8 hours: a working day of a 40-hour
      week.
    - A month is 52/12 weeks and a year 52 weeks; weeks are rounded up ("3 maanden" is 13
      weeks, "2 maanden" is 9). A one-off of one day or less lasts 1 week.
    - A range ("8 tot 12 weken", "16 tot 32 uur per week") counts as its maximum, and so does
      "maximaal 6 maanden": a client who asks "is it short?" or "few hours?" must not be told
      yes for something that can take longer. "Minimaal ..." and "... met verlenging" have no
      upper bound and stay unknown.
    - Sessions ("10 bijeenkomsten van 2,5 uur") give a duration only together with a rhythm
      ("1 keer per week"); how they are spread is otherwise unknown. A single session ("1
      dagdeel", "1 middag", "workshop van 3 uur") lasts 1 week with its hours in that week.
    - Hours per week come only from a stated rhythm: "20 uur per week", "2 dagdelen per week",
      "1 keer per 2 weken een uur" (0.5). Rounded to one decimal.
    - Start "doorlopend" means: the client can start any time after registering, at the
      latest within 4 weeks (`wensen.SNEL_DAGEN`): "Doorlopend", "Direct", "Binnen 3 weken",
      "Elke dinsdagochtend", "Elke 2 weken". Starts at fixed moments further apart are
      "vaste_data": "Start elke 2 maanden", "Start in februari, mei en september",
      "3 keer per jaar". Waiting lists, "binnen 6 weken", "start bij 8 aanmeldingen" and
      "in overleg" are neither and stay unknown.
    - Start dates are taken only when written with a year (11-01-2027, 2027-01-11,
      11 januari 2027): "volgende start 12 januari" names no year, so no date is guessed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from keuzehulp.services.wensen import SNEL_DAGEN

UREN_PER_DAGDEEL = 4.0
UREN_PER_DAG = 8.0
WEKEN_PER_MAAND = 52 / 12
WEKEN_PER_JAAR = 52
MAX_WEKEN = 520  # InstrumentGegevens.duur_weken's upper bound
MAX_UREN = 60.0  # InstrumentGegevens.uren_per_week's upper bound
DOORLOPEND = "doorlopend"
VASTE_DATA = "vaste_data"


@dataclass(frozen=True, slots=True)
class Omvang:
    """What the free texts say without doubt; None where they do not.

    duur_weken: whole weeks (rounded up, >= 1); uren_per_week: hours; start_soort: DOORLOPEND
    or VASTE_DATA; startdata: ISO dates joined by "; ", oldest first.
    """

    duur_weken: int | None = None
    uren_per_week: float | None = None
    start_soort: str | None = None
    startdata: str | None = None

    @property
    def iets(self) -> bool:
        """Whether the parser was sure of at least one field."""
        return any(
            w is not None
            for w in (self.duur_weken, self.uren_per_week, self.start_soort, self.startdata)
        )


# --- normalising --------------------------------------------------------------------------

_GETALWOORDEN = {
    "een": "1",
    "één": "1",
    "eén": "1",
    "twee": "2",
    "drie": "3",
    "vier": "4",
    "vijf": "5",
    "zes": "6",
    "zeven": "7",
    "acht": "8",
    "negen": "9",
    "tien": "10",
    "elf": "11",
    "twaalf": "12",
    "anderhalf": "1,5",
    "anderhalve": "1,5",
}
_GETALWOORD = re.compile(r"\b(" + "|".join(_GETALWOORDEN) + r")\b")


def _normaal(tekst: str) -> str:
    tekst = tekst.casefold().replace("½", ",5").replace("\u00a0", " ")
    tekst = re.sub(r"(\d)\s*,5", r"\1,5", tekst)
    tekst = _GETALWOORD.sub(lambda m: _GETALWOORDEN[m.group(1)], tekst)
    tekst = re.sub(r"\b1 half uur\b|\bhalf uur\b", "0,5 uur", tekst)
    tekst = re.sub(r"\s+", " ", tekst)
    return tekst.strip(" .")


def _getal(tekst: str) -> float:
    return float(tekst.replace(",", "."))


def _delen(tekst: str) -> list[str]:
    # A comma between two digits is a decimal comma ("2,5 uur"), not a separator.
    delen = re.split(r"[;\n]+|(?<!\d),|,(?!\d)", tekst)
    return [d.strip(" .") for d in delen if d.strip(" .")]


# --- duration and hours ---------------------------------------------------------------------

N = r"(\d+(?:[.,]\d+)?)"
_WEEK = r"(?:weken|week|wk)"
_MAAND = r"(?:maanden|maand|mnd)"
_JAAR = r"(?:jaren|jaar)"
_PERIODE = rf"(?:{_WEEK}|{_MAAND}|{_JAAR})"
_DAGDEEL = (
    r"(?:dagdelen|dagdeel|ochtenden|ochtend|middagen|middag|avonden|avond|halve dagen|halve dag)"
)
_DAG = r"(?:dagen|dag)"
_UUR = r"(?:uren|uur|u)"
_MINUTEN = r"(?:minuten|min)"
_KEER = r"(?:keer|maal|x)"
_SESSIE = (
    r"(?:bijeenkomsten|bijeenkomst|lessen|les|gesprekken|gesprek|sessies|sessie|trainingen|"
    r"training|workshops|workshop|afspraken|afspraak|lesdagen|lesdag|trainingsdagen|"
    r"trainingsdag|spreekuren|spreekuur|test|toets|groepsavond|groepsavonden)"
)
_PER_WEEK = r"(?:per week|in de week|p/w|p\.w\.|pw|wekelijks)"
_TOT = r"(?:tot|-|–|à|a)"


def _weken(getal: float, eenheid: str) -> float:
    if re.fullmatch(_WEEK, eenheid):
        return getal
    if re.fullmatch(_MAAND, eenheid):
        return getal * WEKEN_PER_MAAND
    return getal * WEKEN_PER_JAAR


@dataclass(slots=True)
class _Feiten:
    """What the parts of one text said."""

    duur: list[float] = field(default_factory=list)  # weeks (a maximum or exact)
    open_einde: bool = False  # "met verlenging", "minimaal 3 maanden"
    variabel: bool = False  # "zolang de plaatsing duurt"
    uren: list[float] = field(default_factory=list)  # hours per week
    uren_onbekend: bool = False  # "minimaal 4 uur per week"
    per_week: list[tuple[float, float | None]] = field(default_factory=list)  # (times, hours)
    sessies: list[tuple[float, float | None]] = field(default_factory=list)  # (count, hours)
    onbegrepen: bool = False


def _uur(getal: str, eenheid: str) -> float:
    waarde = _getal(getal)
    return waarde / 60 if re.fullmatch(_MINUTEN, eenheid) else waarde


_DUUR_PATRONEN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), soort)
    for p, soort in (
        # "6 weken", "in 4 maanden", "gedurende 1 jaar", "3 maanden lang"
        (rf"(?:in |gedurende |totaal |duur:? )?{N} ({_PERIODE})(?: lang| in totaal)?", "exact"),
        # "6 tot 12 maanden", "8-12 weken"
        (rf"{N} ?{_TOT} ?{N} ({_PERIODE})", "bereik"),
        # "6 maanden tot 1 jaar"
        (rf"{N} ({_PERIODE}) {_TOT} {N} ({_PERIODE})", "bereik2"),
        # "maximaal 6 maanden", "hoogstens 8 weken", "tot 1 jaar"
        (rf"(?:maximaal|max\.?|hoogstens|ten hoogste|uiterlijk|tot) {N} ({_PERIODE})", "max"),
        # "minimaal 3 maanden", "6 maanden met verlenging", "verlenging mogelijk"
        (rf"(?:minimaal|min\.?|ten minste|minstens) {N} ({_PERIODE})", "open"),
        (rf"{N} ({_PERIODE}),? (?:met|plus) (?:mogelijkheid (?:tot|van) )?verlenging", "open"),
        (
            r"(?:met )?verlenging(?: is)? mogelijk|(?:kan|mag) (?:worden )?verlengd(?: worden)?",
            "open",
        ),
        (r"zolang .+", "variabel"),
    )
)


def _lees_duurdeel(deel: str, f: _Feiten) -> bool:
    for patroon, soort in _DUUR_PATRONEN:
        m = patroon.fullmatch(deel)
        if m is None:
            continue
        if soort in ("exact", "max"):
            f.duur.append(_weken(_getal(m.group(1)), m.group(2)))
        elif soort == "bereik":
            f.duur.append(_weken(max(_getal(m.group(1)), _getal(m.group(2))), m.group(3)))
        elif soort == "bereik2":
            f.duur.append(
                max(_weken(_getal(m.group(1)), m.group(2)), _weken(_getal(m.group(3)), m.group(4)))
            )
        elif soort == "open":
            f.open_einde = True
        else:
            f.variabel = True
        return True
    return False


_UREN_PATRONEN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), soort)
    for p, soort in (
        # "20 uur per week", "16 tot 32 uur per week", "wekelijks 1 uur"
        (rf"{N} {_UUR} {_PER_WEEK}", "uren"),
        (rf"{N} ?{_TOT} ?{N} {_UUR} {_PER_WEEK}", "uren_bereik"),
        (rf"(?:wekelijks|elke week|iedere week) {N} ({_UUR}|{_MINUTEN})", "uren_wekelijks"),
        (rf"(?:minimaal|minstens|ten minste|vanaf) {N} {_UUR} {_PER_WEEK}", "uren_open"),
        # "2 dagdelen per week", "2 tot 4 dagdelen per week", "4 dagen per week"
        (rf"{N} ({_DAGDEEL}|{_DAG}) {_PER_WEEK}", "delen"),
        (rf"{N} ?{_TOT} ?{N} ({_DAGDEEL}|{_DAG}) {_PER_WEEK}", "delen_bereik"),
        # "1 keer per week 2,5 uur", "2 keer per week van 1,5 uur", "1 keer per 2 weken 1 uur"
        (
            rf"{N} {_KEER} (?:per|in de) (?:(\d+) )?{_WEEK}"
            rf"(?:,? (?:van |à |a )?{N} ({_UUR}|{_MINUTEN}))?",
            "keer_week",
        ),
        (
            rf"{N} {_KEER} (?:per|in de) (?:(\d+) )?{_MAAND}"
            rf"(?:,? (?:van |à |a )?{N} ({_UUR}|{_MINUTEN}))?",
            "keer_maand",
        ),
        # rhythm without hours: "wekelijks", "wekelijks contact", "om de week"
        (
            r"(?:wekelijks|elke week|iedere week)(?: (?:contact|een gesprek|gesprek|les))?",
            "wekelijks",
        ),
        (
            r"(?:tweewekelijks|om de week|om de 2 weken)(?: (?:contact|een gesprek|gesprek))?",
            "2wekelijks",
        ),
        (
            r"(?:maandelijks|elke maand|iedere maand)(?: (?:contact|een gesprek|gesprek))?",
            "maandelijks",
        ),
        (r"afbouwend(?: van \w+ (?:naar|tot) \w+)?", "ritme"),
    )
)


def _lees_urendeel(deel: str, f: _Feiten) -> bool:
    for patroon, soort in _UREN_PATRONEN:
        m = patroon.fullmatch(deel)
        if m is None:
            continue
        if soort == "uren":
            f.uren.append(_getal(m.group(1)))
        elif soort == "uren_bereik":
            f.uren.append(max(_getal(m.group(1)), _getal(m.group(2))))
        elif soort == "uren_wekelijks":
            f.uren.append(_uur(m.group(1), m.group(2)))
        elif soort == "uren_open":
            f.uren_onbekend = True
        elif soort in ("delen", "delen_bereik"):
            aantal = (
                _getal(m.group(1))
                if soort == "delen"
                else max(_getal(m.group(1)), _getal(m.group(2)))
            )
            eenheid = m.group(2 if soort == "delen" else 3)
            per = UREN_PER_DAGDEEL if re.fullmatch(_DAGDEEL, eenheid) else UREN_PER_DAG
            f.uren.append(aantal * per)
        elif soort in ("keer_week", "keer_maand"):
            keer = _getal(m.group(1))
            elke = float(m.group(2)) if m.group(2) else 1.0
            if elke == 0:
                return False
            weken = elke if soort == "keer_week" else elke * WEKEN_PER_MAAND
            uren = _uur(m.group(3), m.group(4)) if m.group(3) else None
            f.per_week.append((keer / weken, uren))
        elif soort == "wekelijks":
            f.per_week.append((1.0, None))
        elif soort == "2wekelijks":
            f.per_week.append((0.5, None))
        elif soort == "maandelijks":
            f.per_week.append((1 / WEKEN_PER_MAAND, None))
        else:  # a rhythm that changes over time: no hours, nothing doubtful about the duration
            f.uren_onbekend = True
        return True
    return False


_SESSIE_PATRONEN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), soort)
    for p, soort in (
        # "10 bijeenkomsten van 2,5 uur", "2 gesprekken van 1 uur", "4 lessen à 3 uur"
        (rf"{N} {_SESSIE}(?: (?:van|à|a|van elk|elk) {N} ({_UUR}|{_MINUTEN}))?", "sessies"),
        # "test van 1 uur", "workshop van 3 uur"
        (rf"{_SESSIE} (?:van )?{N} ({_UUR}|{_MINUTEN})", "een_sessie"),
        # "1 dagdeel", "1 middag", "1 dag", "3 uur"
        (rf"{N} ({_DAGDEEL}|{_DAG})", "delen"),
    )
)


def _lees_sessiedeel(deel: str, f: _Feiten) -> bool:
    for patroon, soort in _SESSIE_PATRONEN:
        m = patroon.fullmatch(deel)
        if m is None:
            continue
        if soort == "sessies":
            uren = _uur(m.group(2), m.group(3)) if m.group(2) else None
            f.sessies.append((_getal(m.group(1)), uren))
        elif soort == "een_sessie":
            f.sessies.append((1.0, _uur(m.group(1), m.group(2))))
        else:  # "1 dagdeel", "2 dagen": sessions of a known length, spread unknown
            per = UREN_PER_DAGDEEL if re.fullmatch(_DAGDEEL, m.group(2)) else UREN_PER_DAG
            aantal = _getal(m.group(1))
            f.sessies.append((aantal, per) if aantal.is_integer() else (1.0, aantal * per))
        return True
    return False


def _feiten(tekst: str) -> _Feiten:
    f = _Feiten()
    for deel in _delen(_normaal(tekst)):
        # "6 weken 1 dagdeel per week" without a comma: try the part as two halves too.
        begrepen = _lees_duurdeel(deel, f) or _lees_urendeel(deel, f)
        if not (begrepen or _lees_sessiedeel(deel, f) or _gesplitst(deel, f)):
            f.onbegrepen = True
    return f


def _gesplitst(deel: str, f: _Feiten) -> bool:
    woorden = deel.split(" ")
    for i in range(2, len(woorden) - 1):
        links, rechts = " ".join(woorden[:i]), " ".join(woorden[i:])
        proef = _Feiten()
        if _lees_duurdeel(links, proef) and (
            _lees_urendeel(rechts, proef) or _lees_sessiedeel(rechts, proef)
        ):
            _voeg_samen(f, proef)
            return True
    return False


def _voeg_samen(doel: _Feiten, bron: _Feiten) -> None:
    doel.duur += bron.duur
    doel.uren += bron.uren
    doel.per_week += bron.per_week
    doel.sessies += bron.sessies
    doel.open_einde |= bron.open_einde
    doel.variabel |= bron.variabel
    doel.uren_onbekend |= bron.uren_onbekend


def _afgerond_weken(weken: float) -> int | None:
    # 1e-9: 6 maanden is 26.000000000000004 weeks in floating point, not 27.
    uit = max(1, math.ceil(weken - 1e-9))
    return uit if uit <= MAX_WEKEN else None


def _afgerond_uren(uren: float) -> float | None:
    if uren <= 0 or uren > MAX_UREN:
        return None
    return max(0.1, round(uren, 1))


def lees_duur(tekst: str | None) -> tuple[int | None, float | None]:
    """(duur_weken, uren_per_week) from "Omvang en duur"; None where the text is not sure.

    Examples: "6 weken, 1 dagdeel per week" -> (6, 4.0); "1 dagdeel" -> (1, 4.0);
    "Maximaal 1 jaar, 12 tot 24 uur per week" -> (52, 24.0); "8 bijeenkomsten van 2 uur"
    -> (None, None). See the module docstring for the conventions.
    """
    if not tekst or not tekst.strip():
        return None, None
    f = _feiten(tekst)
    if f.onbegrepen:
        return None, None
    return _duur(f), _uren(f)


def _duur(f: _Feiten) -> int | None:
    if f.open_einde or len(f.duur) > 1:
        return None
    if f.duur:
        return _afgerond_weken(f.duur[0])
    if f.variabel:
        return None
    ritmes = [keer for keer, _ in f.per_week]
    if len(f.sessies) == 1 and len(ritmes) == 1 and not f.uren:
        aantal, _ = f.sessies[0]
        return _afgerond_weken(aantal / ritmes[0])
    if _eenmalig(f):
        return 1
    return None


def _eenmalig(f: _Feiten) -> bool:
    """One session of a day or less, and nothing else: "1 dagdeel", "workshop van 3 uur"."""
    if f.duur or f.per_week or f.uren or f.variabel or f.open_einde or len(f.sessies) != 1:
        return False
    aantal, uren = f.sessies[0]
    return aantal == 1 and (uren is None or uren <= UREN_PER_DAG)


def _uren(f: _Feiten) -> float | None:
    if f.uren_onbekend:
        return None
    bronnen: list[float] = list(f.uren)
    for keer, uren in f.per_week:
        if uren is not None:
            bronnen.append(keer * uren)
        elif len(f.sessies) == 1 and f.sessies[0][1] is not None:
            bronnen.append(keer * f.sessies[0][1])  # "8 bijeenkomsten van 2 uur, wekelijks"
        else:
            return None  # a rhythm without hours: how many hours is unknown
    if len(bronnen) == 1:
        return _afgerond_uren(bronnen[0])
    if not bronnen and _eenmalig(f) and f.sessies[0][1] is not None:
        return _afgerond_uren(f.sessies[0][1])
    return None


# --- start -----------------------------------------------------------------------------------

_MAANDEN: tuple[str, ...] = ("januari", "februari", "maart", "april", "mei", "juni", "juli")
_MAANDEN += ("augustus", "september", "oktober", "november", "december")
_MAANDNAMEN = {naam: nummer for nummer, naam in enumerate(_MAANDEN, start=1)}
_MAANDNAMEN.update(
    {
        afkorting: nummer
        for nummer, afkortingen in enumerate(
            ("jan", "feb", "mrt", "apr", "", "jun", "jul", "aug", "sep sept", "okt", "nov", "dec"),
            start=1,
        )
        for afkorting in afkortingen.split()
    }
)
_MAAND_RE = r"(?:" + "|".join(sorted(_MAANDNAMEN, key=len, reverse=True)) + r")\.?"
_DAGEN = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|werkdag)"
_DAGDEEL_NA = r"(?:ochtend|middag|avond|morgen)?"

_DATUM_DMJ = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_DATUM_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DATUM_TEKST = re.compile(rf"\b(\d{{1,2}}) ({_MAAND_RE}) (\d{{4}})\b")

_DOORLOPEND_PATRONEN = tuple(
    re.compile(p)
    for p in (
        r"(?:doorlopend|doorlopende (?:instroom|start))(?: instromen| starten| beginnen)?",
        r"(?:altijd|per direct|direct|meteen)(?: instromen| starten| beginnen| mogelijk)?",
        r"(?:je kunt|u kunt|iedereen kan) (?:altijd|direct|meteen) (?:beginnen|starten|instromen)",
        r"direct (?:bij|na) .+",
        rf"(?:start |instroom |begin )?(?:elke|iedere) (?:{_DAGEN}{_DAGDEEL_NA}|week|dag)",
        r"(?:start |instroom )?(?:elke|iedere|om de) 2 weken",
        r"(?:start |instroom )?(?:wekelijks|tweewekelijks)(?: start| instroom)?",
        r"(?:op )?(?:elke|iedere) werkdag",
    )
)
_BINNEN = re.compile(
    r"(?:start |starten |beginnen |begin )?binnen (\d+) (dagen|dag|weken|week)"
    r"(?: na (?:aanmelding|aanmelden|verwijzing|de aanmelding|intake|het intakegesprek))?"
)
_VAST_PATRONEN = tuple(
    re.compile(p)
    for p in (
        rf"(?:start |instroom )?(?:elke|iedere) (\d+) ({_WEEK}|{_MAAND})",
        r"(?:start |instroom )?(?:elke|elk|iedere|ieder) (?:maand|kwartaal|half jaar|jaar)",
        r"(?:start |instroom )?(?:maandelijks|jaarlijks|halfjaarlijks|per kwartaal)",
        rf"(?:start |instroom )?(?:\d+) {_KEER} per (?:jaar|half jaar|kwartaal)",
        rf"(?:start |instroom |begint )?(?:in|vanaf) {_MAAND_RE}(?: (?:en|of) {_MAAND_RE})?",
        rf"{_MAAND_RE}(?: (?:en|of) {_MAAND_RE})?",
        rf"(?:op )?(?:de )?(?:eerste|tweede|derde|vierde|laatste) {_DAGEN}{_DAGDEEL_NA}"
        r"(?: van de maand)?",
        rf"(?:niet|behalve) in {_MAAND_RE}(?: (?:en|of) {_MAAND_RE})?",
        rf"(?:volgende start|eerstvolgende start|start)(?: op)? \d{{1,2}} {_MAAND_RE}",
        r"wisselend per (?:gemeente|locatie|plaats)",
        r"(?:op )?vaste (?:start)?data",
        r"startdata(?: volgen| op aanvraag)?",
    )
)


def _datums(tekst: str) -> tuple[list[dt.date], str] | None:
    """Explicit dates with a year, and the text without them; None if one is no real date."""
    gevonden: list[dt.date] = []
    try:
        for m in _DATUM_ISO.finditer(tekst):
            gevonden.append(dt.date(int(m[1]), int(m[2]), int(m[3])))
        tekst = _DATUM_ISO.sub(" ", tekst)
        for m in _DATUM_DMJ.finditer(tekst):
            gevonden.append(dt.date(int(m[3]), int(m[2]), int(m[1])))
        tekst = _DATUM_DMJ.sub(" ", tekst)
        for m in _DATUM_TEKST.finditer(tekst):
            gevonden.append(dt.date(int(m[3]), _MAANDNAMEN[m[2].rstrip(".")], int(m[1])))
        tekst = _DATUM_TEKST.sub(" ", tekst)
    except ValueError:  # 31-02-2027
        return None
    if not gevonden:
        return gevonden, tekst
    # What joined the dates: "en", "of", "/", ":" and the word "start(data)".
    rest = re.sub(r"\b(?:en|of|op|en op)\b|[/:&+]", " ", tekst)
    return gevonden, re.sub(r"\s+", " ", rest).strip()


def lees_start(tekst: str | None) -> tuple[str | None, str | None]:
    """(start_soort, startdata) from "Beschikbaarheid"; None where the text is not sure.

    Examples: "Doorlopend" / "Binnen 3 weken na aanmelding" / "Elke dinsdagochtend" ->
    ("doorlopend", None); "Start elke 2 maanden" -> ("vaste_data", None);
    "Start op 11-01-2027 en 08-03-2027" -> ("vaste_data", "2027-01-11; 2027-03-08");
    "Wachtlijst ongeveer 4 weken" -> (None, None).
    """
    if not tekst or not tekst.strip():
        return None, None
    gelezen = _datums(_normaal(tekst))
    if gelezen is None:
        return None, None
    datums, rest = gelezen
    soorten: set[str] = set()
    for deel in _delen(rest) or [""]:
        soort = _startsoort(deel)
        if soort is None:
            return None, None
        soorten.add(soort)
    if datums:
        soorten.discard("leeg")
        if soorten - {VASTE_DATA}:
            return None, None
        return VASTE_DATA, "; ".join(d.isoformat() for d in sorted(set(datums)))
    soorten.discard("leeg")
    return (soorten.pop(), None) if len(soorten) == 1 else (None, None)


def _startsoort(deel: str) -> str | None:
    deel = deel.strip(" .:")
    if re.fullmatch(r"(?:start(?:data)?|data|op)?", deel):
        return "leeg"
    if any(p.fullmatch(deel) for p in _DOORLOPEND_PATRONEN):
        return DOORLOPEND
    m = _BINNEN.fullmatch(deel)
    if m is not None:
        dagen = int(m[1]) * (1 if m[2].startswith("dag") else 7)
        return DOORLOPEND if dagen <= SNEL_DAGEN else None
    for patroon in _VAST_PATRONEN:
        m = patroon.fullmatch(deel)
        if m is None:
            continue
        if m.groups() and m.group(1) and m.group(1).isdecimal():  # "elke 2 weken" is doorlopend
            weken = _weken(float(m.group(1)), m.group(2))
            return DOORLOPEND if weken * 7 <= 14 else VASTE_DATA
        return VASTE_DATA
    return None


def lees_omvang(omvang_duur: str | None, beschikbaarheid: str | None = None) -> Omvang:
    """Everything the two free texts say without doubt (see the module docstring)."""
    duur, uren = lees_duur(omvang_duur)
    soort, datums = lees_start(beschikbaarheid)
    return Omvang(duur, uren, soort, datums)


def onbekend_aantal(omvangen: Iterable[Omvang]) -> dict[str, int]:
    """How many of these leave each field unknown: {"duur_weken": 3, ...} (for reports)."""
    tellers = {"duur_weken": 0, "uren_per_week": 0, "start_soort": 0}
    for o in omvangen:
        for veld in tellers:
            if getattr(o, veld) is None:
                tellers[veld] += 1
    return tellers
