"""Reading bronbestand cells: texts, money, marks, multi-value cells, routes and kenmerken.

Every reader gets the cell's value and a `Meld` callback (severity, Dutch message); an
unusable value is reported and never matched by guess: the message names the nearest
known value instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

from keuzehulp.model.catalogus import ONDERBOUWING_NIVEAUS
from keuzehulp.model.tekst import vouw
from keuzehulp.services.bedrag import centen_uit_getal, centen_uit_tekst
from keuzehulp.services.bronbestand.basis import Basis, KenmerkRegel, code_sleutel
from keuzehulp.services.bronbestand.cellen import GetalCode as GetalCode  # re-exported
from keuzehulp.services.bronbestand.kolommen import ALLE_GEMEENTEN
from keuzehulp.services.zoekinvoer import lijkt_op

FOUT = "fout"
WAARSCHUWING = "waarschuwing"

Meld = Callable[[str, str], None]
"""meld(ernst, melding): report a problem with the cell being read."""

_SCHEIDING = re.compile(r"[;\n\r\u2028]+")
_OPSOMTEKEN = re.compile(r"^[\s•·▪◦‣●\-–—*]+")
_NIETS_MEERWAARDIG = frozenset({"", "nvt", "geen"})
_KENMERK = re.compile(r"^(\d+(?:\.\d+)*)\.?(?:\s*[-–:)]\s*|\s+|$)(.*)$", re.DOTALL)


@lru_cache(maxsize=8192)
def gevouwen(tekst: str) -> str:
    """`vouw`, remembered: cell values such as kenmerken and routes repeat on every row."""
    return vouw(tekst)


def is_niets(tekst: str) -> bool:
    """Empty, `-`, `nvt` and `n.v.t.` mean: none."""
    # Long texts are never a none-marker; folding them all would cost the import its speed.
    return len(tekst) <= 12 and gevouwen(tekst) in ("", "nvt")


def citeer(waarde: object) -> str:
    """A cell value as messages quote it."""
    tekst = " / ".join(str(waarde).split("\n")) if waarde is not None else ""
    return f"‘{tekst}’"


def dichtstbij(waarde: str, bekend: Iterable[str]) -> str | None:
    """The known value that looks most like `waarde` (folded), for 'Bedoelt u ...?'."""
    lijst = list(bekend)
    if not lijst:
        return None
    treffer = process.extractOne(vouw(waarde), [vouw(b) for b in lijst], scorer=fuzz.WRatio)
    return lijst[treffer[2]] if treffer else None


def _bedoelt_u(waarde: str, bekend: Iterable[str]) -> str:
    naast = dichtstbij(waarde, bekend)
    return f" Bedoelt u ‘{naast}’?" if naast else ""


def lees_tekst(waarde: object) -> str | None:
    """Any cell as text; numbers and dates the Dutch way; `-` and `n.v.t.` are empty."""
    if waarde is None:
        return None
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dt.datetime):
        if waarde.time() == dt.time(0, 0):
            return waarde.strftime("%d-%m-%Y")
        return waarde.strftime("%d-%m-%Y %H:%M")
    if isinstance(waarde, dt.date):
        return waarde.strftime("%d-%m-%Y")
    if isinstance(waarde, float):
        return str(int(waarde)) if waarde.is_integer() else str(waarde).replace(".", ",")
    tekst = str(waarde).replace("\r\n", "\n").strip()
    return None if is_niets(tekst) else tekst


def splits(waarde: object) -> list[str]:
    """A multi-value cell: values on separate lines or separated by `;`, bullets stripped."""
    if waarde is None:
        return []
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    delen = (_OPSOMTEKEN.sub("", deel).strip() for deel in _SCHEIDING.split(str(waarde)))
    return [deel for deel in delen if len(deel) > 12 or gevouwen(deel) not in _NIETS_MEERWAARDIG]


def lees_id(waarde: object, meld: Meld) -> int | None:
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None
    if isinstance(waarde, int | float) and not isinstance(waarde, bool):
        if float(waarde).is_integer() and waarde > 0:
            return int(waarde)
    elif isinstance(waarde, str) and waarde.strip().isdecimal() and int(waarde) > 0:
        return int(waarde)
    meld(
        FOUT,
        "Een ID is een geheel getal dat de keuzehulp zelf geeft. "
        "Laat het leeg bij een nieuw instrument.",
    )
    return None


# Texts that say how the price is set rather than what it is: kept as text without a warning
# (bronbestand.md, column Kosten: "a text such as `op aanvraag`"). Compared folded.
PRIJSTEKSTEN: frozenset[str] = frozenset(
    vouw(t)
    for t in (
        "op aanvraag",
        "prijs op aanvraag",
        "kosten op aanvraag",
        "in overleg",
        "prijs in overleg",
        "op offerte",
        "op offertebasis",
        "offerte",
        "n.o.t.k.",
        "nader te bepalen",
        "maatwerk",
    )
)


def _geen_bedrag(tekst: str) -> str:
    return f"Kosten {citeer(tekst)} is geen bedrag: bewaard als tekst, zonder bedrag."


def lees_kosten(waarde: object, meld: Meld) -> tuple[int | None, str | None]:
    """(cents, text): an amount, `gratis` (0), or a text such as `op aanvraag` kept as text.

    A text that is neither an amount nor one of PRIJSTEKSTEN is kept as text with a warning
    (never silently: "veel geld" would otherwise lose its amount unnoticed); a yes/no cell
    (TRUE/FALSE) is refused. Errors: negative amounts, non-numbers in a number cell.
    """
    if waarde is None:
        return None, None
    if isinstance(waarde, bool):
        meld(FOUT, "Ja/nee (WAAR/ONWAAR) is geen bedrag. Schrijf een bedrag, zoals € 1.250,00.")
        return None, None
    if isinstance(waarde, dt.date):
        meld(FOUT, "Een datum is geen bedrag. Schrijf een bedrag, zoals € 1.250,00.")
        return None, None
    if isinstance(waarde, int | float):
        if waarde < 0:
            meld(FOUT, "Kosten kunnen niet negatief zijn.")
            return None, None
        try:
            return centen_uit_getal(waarde), None
        except ValueError:
            meld(FOUT, "Dit is geen bedrag.")
            return None, None
    tekst = lees_tekst(waarde)
    if tekst is None:
        return None, None
    centen = centen_uit_tekst(tekst)
    if centen is not None and centen < 0:
        meld(FOUT, "Kosten kunnen niet negatief zijn.")
        return None, None
    if centen is not None:
        return centen, None
    if any(teken.isdigit() for teken in tekst):
        meld(
            WAARSCHUWING,
            f"{_geen_bedrag(tekst)} De keuzehulp herkent bedragen zoals € 1.250,00 of 1250.",
        )
    elif gevouwen(tekst) not in PRIJSTEKSTEN:
        meld(
            WAARSCHUWING,
            f"{_geen_bedrag(tekst)} Schrijf een bedrag, zoals € 1.250,00, of ‘op aanvraag’.",
        )
    return None, tekst


def lees_cijfer(waarde: object, meld: Meld) -> float | None:
    """A mark from 1 to 10, with a decimal comma or point."""
    if waarde is None:
        return None
    if isinstance(waarde, bool):
        meld(FOUT, "Ja/nee (WAAR/ONWAAR) is geen cijfer. Schrijf een cijfer van 1 tot en met 10.")
        return None
    if isinstance(waarde, dt.date):
        meld(FOUT, "Een datum is geen cijfer. Schrijf een cijfer van 1 tot en met 10, zoals 7,5.")
        return None
    if isinstance(waarde, int | float):
        getal = float(waarde)
    else:
        tekst = str(waarde).strip()
        if is_niets(tekst):
            return None
        try:
            getal = float(tekst.replace(",", "."))
        except ValueError:
            meld(FOUT, "Dit is geen cijfer. Schrijf een cijfer van 1 tot en met 10, zoals 7,5.")
            return None
    if not 1 <= getal <= 10:
        meld(FOUT, "Een waardering is een cijfer van 1 tot en met 10.")
        return None
    return getal


def route_suggestie(deel: str, basis: Basis) -> str:
    """' Bedoelt u ‘…’?' for a route label or name that plainly resembles `deel`, else ''.

    Both the name (`Life first`) and the plain label are accepted (bronbestand.md, column
    Fenger); the suggestion is the label, as the screens name it (zoekinvoer.lijkt_op).
    """
    per_tekst = {r.label: r for r in basis.routes} | {r.naam: r for r in basis.routes}
    treffer = lijkt_op(deel, per_tekst)
    return "" if treffer is None else f" Bedoelt u ‘{per_tekst[treffer].label}’?"


def lees_routes(waarde: object, basis: Basis, meld: Meld) -> tuple[str, ...]:
    """Fenger routes by plain label (`Eerst werk vinden`) or name (`Work first`); returns
    route codes. An unknown route is an error listing the labels, with a close match if any."""
    codes: list[str] = []
    for deel in splits(waarde):
        route = basis.route_index.get(gevouwen(deel))
        if route is None:
            labels = [f"‘{r.label}’" for r in basis.routes]
            keuze = (
                ", ".join(labels[:-1]) + f" of {labels[-1]}" if len(labels) > 1 else "".join(labels)
            )
            meld(
                FOUT,
                f"{citeer(deel)} is geen Fenger-route.{route_suggestie(deel, basis)} Kies {keuze}.",
            )
        else:
            codes.append(route.code)
    return tuple(codes)


def lees_kenmerk(deel: str, basis: Basis, meld: Meld) -> KenmerkRegel | None:
    """One kenmerk by code (`1.7`), name (`Zelfinzicht`) or both, which must agree."""
    passend = _KENMERK.match(deel)
    if passend is None:
        kenmerk = basis.kenmerk_per_naam.get(gevouwen(deel))
        if kenmerk is None:
            alle = [k.tekst for k in basis.kenmerken]
            meld(FOUT, f"{citeer(deel)} is geen bekend kenmerk.{_bedoelt_u(deel, alle)}")
        return kenmerk
    code, naam = passend.group(1), passend.group(2).strip()
    kenmerk = basis.kenmerk_per_code.get(code)
    if kenmerk is None:
        alle = [k.tekst for k in basis.kenmerken]
        meld(FOUT, f"Kenmerk {code} bestaat niet.{_bedoelt_u(deel, alle)}")
        return None
    if naam and gevouwen(naam) != gevouwen(kenmerk.naam):
        ander = basis.kenmerk_per_naam.get(vouw(naam))
        elders = f", en ‘{naam}’ heeft code {ander.code}" if ander else ""
        meld(
            FOUT,
            f"{citeer(deel)} klopt niet: kenmerk {code} heet ‘{kenmerk.naam}’{elders}. "
            "Verbeter de code of de naam.",
        )
        return None
    return kenmerk


_CODEVORM = re.compile(r"\d+(?:\.\d+)?")


def _als_getal(code: str) -> float | None:
    return float(code) if _CODEVORM.fullmatch(code) else None


def lees_codegetal(cel: GetalCode, bekend: Iterable[str], meld: Meld) -> str | None:
    """A kenmerk code that Excel stored as a number or a date (issue 12, item 4).

    A number is accepted only when exactly one code can be meant: the known codes with its
    value (1.1 and 1.10 both have the value 1.1) together with the code as Excel shows it
    (`cel.getoond`, from the cell's number format). Otherwise, and always for a date, it is
    an error that quotes the value as Excel shows it and asks to format the column as text.
    """
    raad = (
        "Maak de kolom in Excel tekst (Celeigenschappen > Getal > Tekst) en typ de code "
        "opnieuw, of zet er een apostrof voor (’1.10)."
    )
    if cel.is_datum:
        meld(
            FOUT,
            f"Deze code is in Excel als datum opgeslagen: er staat ‘{cel.getoond}’. Zo weet "
            f"de keuzehulp niet welke code bedoeld is. {raad}",
        )
        return None
    getal = float(cel.waarde)  # type: ignore[arg-type]
    kandidaten = {code for code in bekend if _als_getal(code) == getal}
    if _CODEVORM.fullmatch(cel.getoond):
        kandidaten.add(cel.getoond)
    if len(kandidaten) == 1:
        return kandidaten.pop()
    komma = cel.getoond.replace(".", ",")
    getoond = f"‘{cel.getoond}’" + (f" (in Nederlandse Excel ‘{komma}’)" if "." in komma else "")
    if not kandidaten:
        meld(FOUT, f"In Excel staat hier het getal {getoond}; dat is geen kenmerkcode. {raad}")
        return None
    lijst = " of ".join(sorted(kandidaten, key=code_sleutel))
    meld(
        FOUT,
        f"Deze code is in Excel als getal opgeslagen: er staat {getoond}. Dat kan kenmerk "
        f"{lijst} zijn; de keuzehulp kiest niet zelf. {raad}",
    )
    return None


def lees_afgeleide(waarde: object, basis: Basis, meld: Meld) -> tuple[str, ...]:
    """Derived kenmerken; returns their codes."""
    codes: list[str] = []
    if isinstance(waarde, GetalCode):
        waarde = lees_codegetal(waarde, basis.kenmerk_per_code, meld)
        if waarde is None:
            return ()
    for deel in splits(waarde):
        kenmerk = lees_kenmerk(deel, basis, meld)
        if kenmerk is None:
            continue
        if kenmerk.is_groep:
            meld(
                FOUT,
                f"{citeer(deel)} is een groep, geen afgeleid kenmerk. Noem de afgeleide "
                f"kenmerken, zoals ‘{_eerste_kind(kenmerk, basis)}’.",
            )
            continue
        codes.append(kenmerk.code)
    return tuple(codes)


def _eerste_kind(groep: KenmerkRegel, basis: Basis) -> str:
    for kenmerk in basis.kenmerken:
        if kenmerk.code.startswith(groep.code + "."):
            return kenmerk.tekst
    return groep.tekst


def lees_groepen(waarde: object, basis: Basis, meld: Meld) -> tuple[str, ...] | None:
    """Theoretical kenmerken (groups by number or name); None when the cell is empty."""
    if isinstance(waarde, GetalCode):
        waarde = lees_codegetal(waarde, basis.kenmerk_per_code, meld)
        if waarde is None:
            return None
    delen = splits(waarde)
    if not delen:
        return None
    groepen: list[str] = []
    for deel in delen:
        kenmerk = lees_kenmerk(deel, basis, meld)
        if kenmerk is None:
            continue
        if not kenmerk.is_groep:
            meld(
                FOUT,
                f"{citeer(deel)} is een afgeleid kenmerk, geen groep; zet het in de kolom "
                "Afgeleide kenmerken.",
            )
            continue
        groepen.append(kenmerk.code)
    return tuple(sorted(set(groepen)))


def lees_gemeenten(waarde: object, basis: Basis, meld: Meld) -> tuple[bool, tuple[str, ...]]:
    """(alle_gemeenten, names): one or more gemeenten, or `Alle gemeenten`."""
    namen: list[str] = []
    alle = False
    for deel in splits(waarde):
        if gevouwen(deel) in (gevouwen(ALLE_GEMEENTEN), "alle"):
            alle = True
            continue
        naam = basis.gemeente_index.get(gevouwen(deel))
        if naam is None:
            meld(
                FOUT,
                f"{citeer(deel)} is geen gemeente in de catalogus."
                f"{_bedoelt_u(deel, [*basis.gemeenten, ALLE_GEMEENTEN])}",
            )
        else:
            namen.append(naam)
    if alle and namen:
        meld(WAARSCHUWING, "Er staat ‘Alle gemeenten’; de losse gemeenten worden genegeerd.")
        namen = []
    return alle, tuple(namen)


def lees_onderbouwing(waarde: object, meld: Meld) -> str | None:
    tekst = lees_tekst(waarde)
    if tekst is None:
        return None
    for niveau in ONDERBOUWING_NIVEAUS:
        if vouw(niveau) == vouw(tekst):
            return niveau
    meld(
        FOUT,
        f"{citeer(tekst)} is geen niveau van onderbouwing. Kies uit: "
        f"{', '.join(ONDERBOUWING_NIVEAUS)}.{_bedoelt_u(tekst, ONDERBOUWING_NIVEAUS)}",
    )
    return None


def lees_link(waarde: object, meld: Meld) -> str | None:
    tekst = lees_tekst(waarde)
    if tekst is None:
        return None
    if re.match(r"(?i)https?://\S+$", tekst):
        return tekst
    if re.match(r"(?i)www\.\S+$", tekst):
        meld(WAARSCHUWING, f"https:// is voor {citeer(tekst)} gezet.")
        return "https://" + tekst
    meld(FOUT, "Een link is een webadres dat begint met http:// of https://.")
    return None
