"""The privacy guard: nothing in a conversation by which a client can be recognised.

The keuzehulp is not a client file. A conversation is stored anonymously, so every field about
a client refuses, with a Dutch explanation: a citizen service number (BSN, in any spacing), a
date (of birth), an e-mail address, an IBAN and a phone number.

Every check runs in time linear in the text: each regular expression has bounded repetition
and no nested, overlapping quantifiers, and the digit windows are walked with indexes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import accumulate

from keuzehulp.model.errors import InvoerFout
from keuzehulp.services.namen import naam_in_tekst

WAAROM = (
    "De keuzehulp is geen klantdossier: gegevens waarmee iemand te herkennen is, horen hier "
    "niet. Zet die in het klantdossier."
)

# Blank characters people and word processors put between digit groups: any Unicode space
# (tab, line break, no-break space, thin space), plus zero-width space and soft hyphen.
_WIT = r"[\s\u200b\u00ad]"
# Punctuation between digit groups: . - / _ , the dashes and the minus sign, and brackets
# (+31 (0)6 ...).
_LEESTEKEN = r"[.\-/_,()\u2010\u2011\u2012\u2013\u2014\u2212\u00b7]"
# A separator between two digit groups: blanks, one punctuation mark with blanks around it,
# or two marks (") ", "( "). Never empty, so the run below cannot split one way or another.
_SCHEIDER = (
    rf"(?:{_WIT}{{1,6}}(?:{_LEESTEKEN}{{1,2}}{_WIT}{{0,6}})?|{_LEESTEKEN}{{1,2}}{_WIT}{{0,6}})"
)
_CIJFERREEKS = re.compile(rf"\d+(?:{_SCHEIDER}\d+)*")
_BLOK = re.compile(r"\d+")

_MAANDEN = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "february": 2, "febr": 2, "feb": 2,
    "maart": 3, "march": 3, "mrt": 3, "mar": 3, "mrz": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "augustus": 8, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_DAG = r"(?P<dag>\d{1,2})(?:e|ste|de|st|nd|rd|th)?"  # 1e, 1ste, 2de, 1st, 2nd, 3rd, 4th
_JAAR = r"(?P<jaar>\d{4}|'\d{2}|\d{2})(?![\d])"
_W = r"[\s\u200b]{0,3}"


def _ds(naam: str) -> str:
    """A separator in a written date, possibly empty, captured as group `naam`."""
    return rf"(?P<{naam}>{_W}[-/.,]?{_W})"


# 12-03-1985, 12/3/85, 12.03.1985, 12 03 1985 (the same kind of separator both times).
_DMJ = re.compile(
    rf"(?<![\d])(?P<dag>\d{{1,2}}){_W}(?P<s>[-/.]|\s){_W}(?P<maand>\d{{1,2}})"
    rf"{_W}(?P=s){_W}(?P<jaar>\d{{4}}|\d{{2}})(?![\d])"
)
# 1985-03-12, 1985/3/12, 1985.03.12.
_JMD = re.compile(
    rf"(?<![\d])(?P<jaar>\d{{4}}){_W}(?P<s>[-/.]){_W}(?P<maand>\d{{1,2}}){_W}(?P=s){_W}"
    r"(?P<dag>\d{1,2})(?![\d])"
)
# 12031985 (day month year) or 19850312 (year month day), written without separators.
_ACHT_CIJFERS = re.compile(r"(?<![\d])\d{8}(?![\d])")
# Month names: found first (case-folded text, no case-insensitive scan at every digit), then
# the day before and the year after (25 maart 1954, 14-jun-1934, 3 mrt. '85, 1st of March
# 1954), or the day and year after (maart 25, 1954; March 25th 1954) are read around them.
_MAANDWOORD = re.compile(
    r"(?<![^\W\d_])(" + "|".join(sorted(_MAANDEN, key=len, reverse=True)) + r")(?![^\W\d_])"
)
_DAG_ERVOOR = re.compile(rf"(?<![\d]){_DAG}(?:\s{{1,3}}of)?{_ds('s1')}$")
_JAAR_ERNA = re.compile(rf"\.?{_ds('s')}{_JAAR}")
_DAG_JAAR_ERNA = re.compile(rf"\.?{_ds('s1')}{_DAG}{_ds('s')}{_JAAR}")
_OMGEVING = 40  # longer than any day or year part around a month name


# An e-mail address: the local part before each "@" and the domain after it, both bounded.
_LOKAAL = re.compile(r"[\w.+\-']")  # the character before the "@" is enough
_DOMEIN = re.compile(r"[\w\-]{1,63}(?:\.[\w\-]{1,63})*\.[^\W\d_]{2,24}")

# IBAN: country code, check digits, then groups of four (with or without a space).
_IBAN = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z]{2})(\d{2})"
    r"((?:[ \u00a0]?[A-Za-z0-9]{4}){2,7}(?:[ \u00a0]?[A-Za-z0-9]{1,3})?)"
)
# IBAN lengths per country (SWIFT IBAN registry), for the countries a Dutch client may bank in.
_IBAN_LENGTE = {
    "NL": 18, "BE": 16, "DE": 22, "LU": 20, "FR": 27, "GB": 22, "IE": 22, "ES": 24, "PT": 25,
    "IT": 27, "AT": 20, "CH": 21, "DK": 18, "SE": 24, "NO": 15, "FI": 18, "PL": 28, "CZ": 24,
    "SK": 24, "HU": 28, "RO": 24, "BG": 22, "HR": 21, "SI": 19, "GR": 27, "CY": 28, "MT": 31,
    "EE": 20, "LV": 21, "LT": 20, "TR": 26, "MA": 28,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Reeks:
    """A run of digit groups as one digit string, the offsets where groups start, and whether
    a "+" stands right before it (+31 ...)."""

    cijfers: str
    grenzen: frozenset[int]
    plus: bool


def _reeksen(tekst: str) -> list[_Reeks]:
    reeksen = []
    for m in _CIJFERREEKS.finditer(tekst):
        blokken = _BLOK.findall(m.group())
        grenzen = {0}
        lengte = 0
        for blok in blokken:
            lengte += len(blok)
            grenzen.add(lengte)
        voor = tekst[max(0, m.start() - 2) : m.start()].rstrip()
        reeksen.append(_Reeks("".join(blokken), frozenset(grenzen), voor.endswith("+")))
    return reeksen


_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def is_bsn(cijfers: str) -> bool:
    """True for 9 digits (or 8, read with a leading zero) that pass the eleven-test.

    Source: the BSN's check rule (elfproef), Wet algemene bepalingen burgerservicenummer.
    """
    if len(cijfers) not in (8, 9) or not cijfers.isdecimal():
        return False
    cijfers = cijfers.zfill(9)
    if cijfers == "000000000":
        return False
    return sum(map(int.__mul__, map(int, cijfers), _GEWICHTEN)) % 11 == 0


def _is_telefoon(cijfers: str, plus: bool) -> bool:
    """A Dutch phone number: 0 and nine digits, or +31 / 0031 (optionally (0)) and nine."""
    if cijfers.startswith("0031"):
        cijfers = cijfers[2:]
        plus = True
    if plus and cijfers.startswith("31"):
        rest = cijfers[2:]
        rest = rest[1:] if len(rest) == 10 and rest.startswith("0") else rest
        return len(rest) == 9 and rest[0] != "0"
    return len(cijfers) == 10 and cijfers[0] == "0" and cijfers[1] != "0"


def _telefoon_vakken(reeks: _Reeks) -> list[tuple[int, int]]:
    """The (start, end) digit offsets of each phone number in a run, on group boundaries."""
    vakken = []
    for begin in reeks.grenzen:
        if reeks.cijfers[begin : begin + 1] not in ("0", "3"):
            continue  # every form starts with 0 (06, 0031) or with 31 after a "+"
        for lengte in (10, 11, 12, 13):
            eind = begin + lengte
            if eind in reeks.grenzen and _is_telefoon(
                reeks.cijfers[begin:eind], reeks.plus and begin == 0
            ):
                vakken.append((begin, eind))
    return vakken


def _bsn_in(reeks: _Reeks, telefoon: list[tuple[int, int]]) -> bool:
    """True if digits between two group boundaries pass the eleven-test (see `is_bsn`).

    Prefix sums of the digits (P) and of offset times digit (Q) give each window's weighted
    sum in constant time, so a run of n digits takes O(n) however it is split into groups.
    """
    cijfers = [int(c) for c in reeks.cijfers]
    p = [0, *accumulate(cijfers)]
    q = [0, *accumulate(k * c for k, c in enumerate(cijfers))]
    for begin in reeks.grenzen:
        for lengte in (8, 9):
            eind = begin + lengte
            if eind not in reeks.grenzen or p[eind] == p[begin]:
                continue
            # Weights 9..2 (or 8..2 for eight digits, read with a leading zero), last digit -1.
            laatste = eind - 1
            hoog = lengte + begin
            som = hoog * (p[laatste] - p[begin]) - (q[laatste] - q[begin]) - cijfers[laatste]
            if som % 11 == 0 and not any(a <= begin and eind <= b for a, b in telefoon):
                return True
    return False


def bevat_telefoonnummer(tekst: str) -> bool:
    """True if the text holds a Dutch phone number (06-12345678, 0344 61 22 33, +31 6 ...)."""
    return any(_telefoon_vakken(reeks) for reeks in _reeksen(tekst))


def bevat_bsn(tekst: str) -> bool:
    """True if some consecutive digit groups read as a BSN, whatever stands between them.

    Groups that together form a phone number are never read as a BSN.
    """
    return any(_bsn_in(reeks, _telefoon_vakken(reeks)) for reeks in _reeksen(tekst))


def _datum(dag: str, maand: int, jaar_tekst: str, scheider: str) -> dt.date | None:
    """The date, or None when it is no valid date or too vague to be one."""
    if len(jaar_tekst) == 2 and not scheider.strip():
        return None  # "12 3 24" or "mei 3 24" is more likely a count than a date
    jaar = int(jaar_tekst.lstrip("'"))
    if jaar < 100:
        jaar += 1900 if jaar > dt.date.today().year % 100 else 2000
    try:
        return dt.date(jaar, maand, int(dag))
    except ValueError:
        return None


def _uit_cijfers(m: re.Match[str]) -> dt.date | None:
    return _datum(m["dag"], int(m["maand"]), m["jaar"], m["s"])


def _met_maandnaam(tekst: str) -> list[dt.date | None]:
    klein = tekst.lower()
    datums = []
    for m in _MAANDWOORD.finditer(klein):
        maand = _MAANDEN[m[1]]
        if na := _JAAR_ERNA.match(klein, m.end(), m.end() + _OMGEVING):
            voor = _DAG_ERVOOR.search(klein, max(0, m.start() - _OMGEVING), m.start())
            if voor:
                datums.append(_datum(voor["dag"], maand, na["jaar"], na["s"]))
        if beide := _DAG_JAAR_ERNA.match(klein, m.end(), m.end() + _OMGEVING):
            datums.append(_datum(beide["dag"], maand, beide["jaar"], beide["s"]))
    return datums


def _acht_cijfers(cijfers: str) -> list[dt.date]:
    """12031985 as day-month-year, or 19850312 as year-month-day, in a plausible century."""
    datums = []
    for jaar, maand, dag in (
        (cijfers[4:], cijfers[2:4], cijfers[:2]),
        (cijfers[:4], cijfers[4:6], cijfers[6:]),
    ):
        try:
            datum = dt.date(int(jaar), int(maand), int(dag))
        except ValueError:
            continue
        if 1900 <= datum.year <= dt.date.today().year + 5:
            datums.append(datum)
    return datums


def datums_in(tekst: str) -> list[dt.date]:
    """Every full, valid date in the text, in Dutch and English forms.

    12-03-1985, 12/3/85, 12 03 1985, 12031985, 1985-03-12, 19850312, 25 maart 1954,
    14-jun-1934, maart 25, 1954, March 25th 1954. A day and month without a year is no date.
    """
    gevonden = [_uit_cijfers(m) for p in (_DMJ, _JMD) for m in p.finditer(tekst)]
    gevonden.extend(_met_maandnaam(tekst))
    for m in _ACHT_CIJFERS.finditer(tekst):
        gevonden.extend(_acht_cijfers(m.group()))
    return [d for d in gevonden if d is not None]


def bevat_datum(tekst: str) -> bool:
    """True if the text holds a full date (see `datums_in`)."""
    return bool(datums_in(tekst))


def kan_geboortedatum_zijn(datum: dt.date, vandaag: dt.date | None = None) -> bool:
    """A date 14 to 110 years ago: old enough for a client of a work-and-income service."""
    vandaag = vandaag or dt.date.today()
    return vandaag.year - 110 <= datum.year <= vandaag.year - 14


def bevat_email(tekst: str) -> bool:
    """True if the text holds an e-mail address (naam@voorbeeld.nl)."""
    positie = tekst.find("@")
    while positie != -1:
        if _LOKAAL.match(tekst, positie - 1, positie) and _DOMEIN.match(
            tekst, positie + 1, positie + 256
        ):
            return True
        positie = tekst.find("@", positie + 1)
    return False


def is_iban(tekst: str) -> bool:
    """True for an IBAN (spaces allowed) of a known length that passes the mod-97 check."""
    kaal = re.sub(r"\s", "", tekst).upper()
    if len(kaal) != _IBAN_LENGTE.get(kaal[:2], -1) or not kaal.isalnum() or not kaal.isascii():
        return False
    verschoven = kaal[4:] + kaal[:4]
    return int("".join(str(int(c, 36)) for c in verschoven)) % 97 == 1


def bevat_iban(tekst: str) -> bool:
    """True if the text holds an IBAN such as NL91 ABNA 0417 1643 00 (ISO 13616, mod-97)."""
    for m in _IBAN.finditer(tekst):
        land = m.group(1).upper()
        lengte = _IBAN_LENGTE.get(land)
        if not lengte:
            continue
        kaal = land + m.group(2) + re.sub(r"\s", "", m.group(3))
        if len(kaal) >= lengte and is_iban(kaal[:lengte]):
            return True
    return False


def controleer_geen_bsn(tekst: str | None, veld: str) -> None:
    """Raise InvoerFout (Dutch, naming the field) when the text holds a BSN; nothing else."""
    if tekst and bevat_bsn(tekst):
        raise InvoerFout(
            f"{veld}: hierin staat een nummer dat een BSN kan zijn. Haal het weg. {WAAROM}"
        )


def controleer(tekst: str | None, veld: str, *, datums: bool = True, namen: bool = False) -> None:
    """Refuse what identifies a client, in a field about a client.

    Raises InvoerFout (Dutch, naming the field and saying what was found) when the text holds
    an e-mail address, an IBAN, a phone number, a date, or a BSN. With `datums=False` (a field
    that may name an appointment) only a date that can be a date of birth is refused. With
    `namen=True` (a free text about the client: notes, remarks) a person's name is refused too
    (see `controleer_geen_naam`).
    """
    if not tekst:
        return
    if bevat_email(tekst):
        raise InvoerFout(f"{veld}: hierin staat een e-mailadres. Haal het weg. {WAAROM}")
    if bevat_iban(tekst):
        raise InvoerFout(
            f"{veld}: hierin staat een bankrekeningnummer (IBAN). Haal het weg. {WAAROM}"
        )
    if bevat_telefoonnummer(tekst):
        raise InvoerFout(f"{veld}: hierin staat een telefoonnummer. Haal het weg. {WAAROM}")
    gevonden = datums_in(tekst)
    if not datums:
        gevonden = [d for d in gevonden if kan_geboortedatum_zijn(d)]
    if gevonden:
        raise InvoerFout(
            f"{veld}: hierin staat een datum, bijvoorbeeld een geboortedatum. Haal die weg. "
            f"{WAAROM}"
        )
    controleer_geen_bsn(tekst, veld)
    if namen:
        controleer_geen_naam(tekst, veld)


def controleer_reden(reden: str | None) -> None:
    """The mutation log is append-only: a reason with a client's BSN could never be removed."""
    controleer_geen_bsn(reden, "Reden")


_NAAM_WOORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+"
_TUSSENVOEGSEL = r"(?i:(?:van|de|der|den|ter|ten|te|het|in\s+'t|op|'t|el|al)\s+){0,3}"


def naam_in(tekst: str) -> str | None:
    """The words that look like a person's name, as written ("mevrouw jansen", "Jan de
    Vries", "Ik ben Fatima"), or None. Decided with a list of first names and the OpenTaal list
    of Dutch words, so that "Hoop doet leven" and "Ik ben Marokkaanse" pass (see
    services/namen.py for the rules and their sources)."""
    return naam_in_tekst(tekst)


def controleer_geen_naam(tekst: str | None, veld: str) -> None:
    """Raise InvoerFout (Dutch, naming the field and quoting the words) when the text seems
    to name a person ("mevrouw jansen", "Jan de Vries", "ik ben Fatima"; see `naam_in`)."""
    naam = naam_in(tekst) if tekst else None
    if naam:
        raise InvoerFout(
            f"{veld}: hierin staat misschien een naam (‘{naam}’). Schrijf ‘de klant’ of ‘de "
            f"begeleider’ in plaats van een naam. Gaat het om een bedrijf of straat? "
            f"Beschrijf het dan, bijvoorbeeld ‘een supermarkt’. {WAAROM}"
        )


# A klantreferentie is a case number ("Z-4711"). Two to five words with capitals and no digit
# ("Jan Jansen", "Fatima el Amrani") is a name typed where the number belongs.
_NAAMREFERENTIE = re.compile(rf"{_NAAM_WOORD}(?:[ \-]{_TUSSENVOEGSEL}{_NAAM_WOORD}){{1,4}}")


def controleer_referentie(referentie: str | None) -> None:
    """Raise InvoerFout (Dutch) when a klantreferentie looks like a person's name: only words
    with a capital, at least two, and no digit ("Jan Jansen", "Jan de Vries"). The field is
    for a case number (domain.md: not a client file, no name)."""
    tekst = (referentie or "").strip()
    if tekst and _NAAMREFERENTIE.fullmatch(tekst):
        raise InvoerFout(
            f"Klantreferentie: ‘{tekst}’ lijkt op een naam. Gebruik een zaaknummer, "
            f"bijvoorbeeld Z-4711. {WAAROM}"
        )
