"""The side-by-side comparison in the style of an Option Grid: the questions a client asks.

One column per option (1 to 5), one row per question. `vergelijk_opties` puts the key facts
first (where, how long and how often, when it starts, what it costs me, how it fits my
wishes), then the rest, then the client's own pros and cons and the coach's note; every row
says whether the options differ (`verschilt`) so a screen can show "alleen verschillen".
Cells come in the client's wording (B1, "ik"/"je") or the coach's (`klant=False`). The
kenmerken appear as their client explanation, never by their specialist name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from keuzehulp.model.tekst import bedrag
from keuzehulp.services import weergave as w
from keuzehulp.services.gesprek import Optie
from keuzehulp.services.instrumentdetail import InstrumentDetail, KenmerkInfo
from keuzehulp.services.wensen import WENS_KORT, Fit, InstrumentFeiten, WensKeuze, bereken_fit

VRAGEN: tuple[str, ...] = (
    "Wat is het?",
    "Waar is het?",
    "Hoe lang en hoe vaak?",
    "Wat doe ik?",
    "Wat vraagt het van mij?",
    "Wat kost het?",
    "Hoe vinden anderen het?",
)

ONDERBOUWING_CLIENT: dict[str, str] = {
    "goed beschreven": "Het is goed beschreven hoe het werkt.",
    "goed onderbouwd": "Het is goed uitgelegd waarom het kan werken.",
    "effectief: eerste aanwijzingen": "Onderzoek laat zien dat het misschien helpt.",
    "effectief: goede aanwijzingen": "Onderzoek laat zien dat het waarschijnlijk helpt.",
    "effectief: sterke aanwijzingen": "Onderzoek laat zien dat het goed helpt.",
}

ONBEKEND = "Dat weten we nog niet. Vraag het je coach."


@dataclass(frozen=True, slots=True)
class VergelijkRij:
    """One question with one cell per option, in shortlist order.

    `sleutel` names the row for screens ("waar", "fit", "goed" ...); `kern` marks the key
    facts shown first; `verschilt` is True when at least two options give different answers.
    """

    vraag: str
    cellen: tuple[str, ...]
    sleutel: str = ""
    kern: bool = False
    verschilt: bool = False


def _gelijk(tekst: str) -> str:
    return " ".join(tekst.split()).casefold()


def rij(
    vraag: str, cellen: Iterable[str], sleutel: str = "", *, kern: bool = False
) -> VergelijkRij:
    """A row with `verschilt` worked out from its cells."""
    cellen = tuple(cellen)
    return VergelijkRij(vraag, cellen, sleutel, kern, len({_gelijk(c) for c in cellen}) > 1)


# What a bronbestand cell says when there is nothing to say.
_NIETS = frozenset({"-", "–", "n.v.t.", "n.v.t", "nvt", "geen", "nee", "onbekend"})


def _zin(tekst: str | None) -> str:
    """A catalogue text as a sentence: trimmed, with a full stop; "-" or "n.v.t." is nothing."""
    tekst = " ".join((tekst or "").split())
    if tekst.casefold() in _NIETS:
        return ""
    if tekst and tekst[-1] not in ".!?":
        tekst += "."
    return tekst


def _punt(tekst: str) -> str:
    """A wording from `weergave` as a sentence: capital first, full stop at the end."""
    tekst = " ".join(tekst.split())
    if not tekst:
        return ""
    tekst = tekst[0].upper() + tekst[1:]
    return tekst if tekst[-1] in ".!?" else tekst + "."


def _zinnen(*delen: str | None) -> str:
    return " ".join(z for z in (_zin(d) for d in delen) if z)


def helpt_bij(detail: InstrumentDetail, gezocht: Iterable[str] = ()) -> list[KenmerkInfo]:
    """The instrument's kenmerken that were searched for (with their children), else all."""
    codes = tuple(gezocht)
    raak = [
        k
        for k in detail.kenmerken
        if any(
            k.code == c or k.code.startswith(c + ".") or c.startswith(k.code + ".") for c in codes
        )
    ]
    return raak or list(detail.kenmerken)


def wat_is_het(
    detail: InstrumentDetail, gezocht: Iterable[str] = (), *, met_kenmerken: bool = True
) -> str:
    """Type and description; with what it helps you work on (client explanations)."""
    g = detail.gegevens
    kenmerken = helpt_bij(detail, gezocht)[:2] if met_kenmerken else []
    uitleg = " ".join(_zin(k.uitleg_client) for k in kenmerken if k.uitleg_client)
    hulp = f" Hier werk je aan: {uitleg}" if uitleg else ""
    return (_zinnen(g.type and f"Soort: {g.type.lower()}", g.omschrijving or g.doel) + hulp).strip()


# "Tiel, Fruitbaan 7 (op afspraak)": the place first, then a street with a house number.
_PLAATS_EERST = re.compile(
    r"^(?P<plaats>[^,\d]+?),\s*(?P<straat>[^,()]*\d[^,()]*?)\s*(?P<rest>\(.*\))?$"
)


def adres_nl(regel: str) -> str:
    """One address in Dutch order: 'Tiel, Fruitbaan 7' -> 'Fruitbaan 7, Tiel'.

    An address already in that order, or one that is no street address, stays as it is."""
    regel = " ".join(regel.split())
    m = _PLAATS_EERST.match(regel)
    if m is None:
        return regel
    rest = f" {m['rest']}" if m["rest"] else ""
    return f"{m['straat']}, {m['plaats']}{rest}"


def adressen(detail: InstrumentDetail) -> list[str]:
    """Every address of the instrument (one per line in the catalogue), in Dutch order."""
    return [adres_nl(r) for r in (detail.gegevens.adres or "").splitlines() if r.strip()]


def _opsomming(delen: Sequence[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def waar(detail: InstrumentDetail) -> str:
    """Address(es) and for whom: 'Adres: Fruitbaan 7, Tiel. Voor mensen uit Tiel en Buren.'"""
    g = detail.gegevens
    if g.alle_gemeenten or "Alle gemeenten" in g.gemeenten:
        plaats = "Voor mensen uit alle gemeenten."
    elif g.gemeenten:
        plaats = "Voor mensen uit " + _opsomming(g.gemeenten) + "."
    else:
        plaats = ""
    lijst = adressen(detail)
    adres = ("Adres: " if len(lijst) == 1 else "Adressen: ") + "; ".join(lijst) if lijst else ""
    return _zinnen(adres, plaats) or ONBEKEND


def hoe_lang(detail: InstrumentDetail) -> str:
    g = detail.gegevens
    start = _zin(g.beschikbaarheid)
    if start and not start.casefold().startswith("start"):
        start = f"Start: {start}"
    return _zinnen(g.omvang_duur, start) or ONBEKEND


def wat_doe_ik(detail: InstrumentDetail) -> str:
    g = detail.gegevens
    return _zinnen(g.rol_werkzoekende or g.werkwijze) or ONBEKEND


def wat_vraagt_het(detail: InstrumentDetail) -> str:
    g = detail.gegevens
    overleg = f"Je coach overlegt eerst met: {g.overleg_met}." if g.overleg_met else ""
    eis = _zin(g.instroomeis)
    eis = f"Dit is nodig: {eis}" if eis else ""
    return _zinnen(eis, overleg) or "Er zijn geen speciale eisen."


def wat_kost_het(detail: InstrumentDetail) -> str:
    """Phrased for the client: the municipality pays; the amount tells what it is worth."""
    g = detail.gegevens
    if g.kosten_centen == 0:
        return "Jij betaalt niets. Het is gratis."
    if g.kosten_centen is not None:
        # A non-breaking space keeps "€" and the amount on one line.
        prijs = bedrag(g.kosten_centen).replace(" ", "\u00a0")
        return f"Jij betaalt niets. De gemeente betaalt {prijs} per persoon."
    if g.kosten_tekst:
        return f"Jij betaalt niets. De gemeente betaalt dit ({g.kosten_tekst})."
    return "Jij betaalt niets. De gemeente betaalt dit."


def waardering(detail: InstrumentDetail) -> str:
    """Ratings for the client (B1): participants first; computed or survey (waardering.py)."""
    g = detail.gegevens
    delen = []
    if tekst := detail.waardering.tekst(klant=True):
        delen.append(tekst + ".")
    if g.onderbouwing:
        delen.append(ONDERBOUWING_CLIENT.get(g.onderbouwing, ""))
    return " ".join(d for d in delen if d) or "Nog geen cijfers."


def vergelijk(details: list[InstrumentDetail], gezocht: Iterable[str] = ()) -> list[VergelijkRij]:
    """The grid: one row per question, one cell per option (in shortlist order)."""
    codes = tuple(gezocht)

    def wat(detail: InstrumentDetail) -> str:
        return wat_is_het(detail, codes)

    antwoorden: tuple[Callable[[InstrumentDetail], str], ...] = (
        wat,
        waar,
        hoe_lang,
        wat_doe_ik,
        wat_vraagt_het,
        wat_kost_het,
        waardering,
    )
    return [
        rij(vraag, (antwoord(d) for d in details))
        for vraag, antwoord in zip(VRAGEN, antwoorden, strict=True)
    ]


# --- the comparison of 1 to 5 options ------------------------------------------------------


def _feiten(detail: InstrumentDetail) -> InstrumentFeiten:
    return InstrumentFeiten.van_gegevens(detail.gegevens)


def hoe_lang_vaak(detail: InstrumentDetail, *, klant: bool = True) -> str:
    """Weeks and hours a week from the structured fields, else the catalogue's own text."""
    g = detail.gegevens
    delen = []
    if g.duur_weken is not None:
        delen.append(w.duur_tekst(g.duur_weken, klant=klant))
    if g.uren_per_week is not None:
        delen.append(w.uren_tekst(g.uren_per_week, klant=klant))
    if len(delen) < 2 and _zin(g.omvang_duur):
        return _zin(g.omvang_duur)
    if delen:
        return _punt(", ".join(delen))
    return ONBEKEND if klant else _punt(w.ONBEKEND)


def start(detail: InstrumentDetail, *, klant: bool = True, vandaag: dt.date | None = None) -> str:
    """When it starts: ongoing, the next dates, else the catalogue's availability text."""
    g = detail.gegevens
    if g.start_soort is not None:
        datums = _feiten(detail).startdata
        tekst = _punt(w.start_tekst(g.start_soort, datums, klant=klant, vandaag=vandaag))
        extra = _zin(g.beschikbaarheid)
        return f"{tekst} {extra}" if extra and not klant else tekst
    return _zin(g.beschikbaarheid) or (ONBEKEND if klant else _punt(w.ONBEKEND))


def kosten_voor_mij(detail: InstrumentDetail, *, klant: bool = True) -> str:
    """What the client pays. The gemeente's price per person is for the coach only."""
    g = detail.gegevens
    tekst = _punt(w.kosten_klant_tekst(g.kosten_klant_centen, klant=klant))
    if klant:
        return tekst
    if g.kosten_klant_centen is None:
        tekst = "Klant: onbekend."
    if g.kosten_centen is not None:
        prijs = "niets" if g.kosten_centen == 0 else f"{bedrag(g.kosten_centen)} per persoon"
        return f"{tekst} Gemeente: {prijs}."
    return _zinnen(tekst, g.kosten_tekst and f"Gemeente: {g.kosten_tekst}")


def fit_tekst(fit: Fit, *, klant: bool = True) -> str:
    """'Past bij 2 van je 3 wensen. Ja: kort, gratis. Nee: dicht bij huis. ...'."""
    if not fit.aantal:
        return ""
    kop = fit.samenvatting if klant else f"{len(fit.voldaan)} van {fit.aantal} wensen"
    delen = [kop]
    for woord, wensen in (
        ("Ja", fit.voldaan),
        ("Nee", fit.gemist),
        ("Weten we niet" if klant else "Onbekend", fit.onbekend),
    ):
        if wensen:
            delen.append(f"{woord}: " + ", ".join(WENS_KORT[x] for x in wensen))
    return _zinnen(*delen)


def bereken_fits(
    details: Sequence[InstrumentDetail], wensen: Sequence[WensKeuze], vandaag: dt.date | None
) -> dict[int, Fit]:
    """The live fit of every option with the wishes (instrument id -> Fit)."""
    return {d.id: bereken_fit(wensen, _feiten(d), vandaag) for d in details}


VRAGEN_KLANT: dict[str, str] = {
    "waar": "Waar is het?",
    "duur": "Hoe lang en hoe vaak?",
    "start": "Wanneer kan ik beginnen?",
    "kosten": "Wat kost het voor mij?",
    "fit": "Past het bij wat ik wil?",
    "wat": "Wat is het?",
    "groepsvorm": "Alleen of in een groep?",
    "nederlands": "Moet ik goed Nederlands kunnen?",
    "doe": "Wat doe ik?",
    "vraagt": "Wat vraagt het van mij?",
    "anderen": "Hoe vinden anderen het?",
    "goed": "Wat vind ik er goed aan?",
    "minder_goed": "Wat vind ik er minder goed aan?",
    "notitie": "Aantekening van je coach",
}
VRAGEN_COACH: dict[str, str] = {
    "waar": "Locatie",
    "duur": "Duur en intensiteit",
    "start": "Start",
    "kosten": "Kosten",
    "fit": "Past bij wensen",
    "wat": "Omschrijving",
    "groepsvorm": "Groepsvorm",
    "nederlands": "Nederlands",
    "doe": "Rol werkzoekende",
    "vraagt": "Instroomeis en overleg",
    "anderen": "Waardering en onderbouwing",
    "goed": "Goed volgens de klant",
    "minder_goed": "Minder goed volgens de klant",
    "notitie": "Notitie",
}
KERN: tuple[str, ...] = ("waar", "duur", "start", "kosten", "anderen", "fit")
"""The key facts, shown first and kept when a screen is short of room. The ratings are among
them: below the long "Wat is het?" they fell below the fold of a 1366x768 laptop."""


def vergelijk_opties(
    details: Sequence[InstrumentDetail],
    *,
    opties: Sequence[Optie] = (),
    wensen: Sequence[WensKeuze] = (),
    fits: Mapping[int, Fit] | None = None,
    gezocht: Iterable[str] = (),
    klant: bool = True,
    vandaag: dt.date | None = None,
) -> list[VergelijkRij]:
    """The grid of 1 to 5 options: key facts first, then the rest, then pros, cons and notes.

    Key facts (KERN, ratings included) come first. `fits` (instrument id -> Fit, e.g. the
    snapshot stored with a gesprek) wins over computing them from `wensen` (with `vandaag`,
    default today); without either there is no fit row. Rows for pros, cons and notes appear
    only when some option has one; an empty cell is "". `klant` picks the client's wording
    (B1) or the coach's.
    """
    codes = tuple(gezocht)
    vragen = VRAGEN_KLANT if klant else VRAGEN_COACH
    if fits is None and wensen:
        fits = bereken_fits(details, wensen, vandaag)
    per_id = {o.instrument_id: o for o in opties}

    def eigen(veld: str) -> Callable[[InstrumentDetail], str]:
        return lambda d: getattr(per_id.get(d.id), veld, None) or ""

    antwoorden: dict[str, Callable[[InstrumentDetail], str]] = {
        "waar": waar,
        "duur": lambda d: hoe_lang_vaak(d, klant=klant),
        "start": lambda d: start(d, klant=klant, vandaag=vandaag),
        "kosten": lambda d: kosten_voor_mij(d, klant=klant),
        "wat": lambda d: wat_is_het(d, codes, met_kenmerken=klant),
        "groepsvorm": lambda d: _punt(w.groepsvorm_tekst(d.gegevens.groepsvorm, klant=klant)),
        "nederlands": lambda d: _punt(w.nederlands_tekst(d.gegevens.nederlands_nodig, klant=klant)),
        "doe": wat_doe_ik,
        "vraagt": wat_vraagt_het,
        "anderen": waardering,
        "goed": eigen("goed"),
        "minder_goed": eigen("minder_goed"),
        "notitie": eigen("notitie"),
    }
    if fits:
        gevonden = fits
        antwoorden["fit"] = lambda d: (
            fit_tekst(gevonden[d.id], klant=klant) if d.id in gevonden else ""
        )
    rijen = []
    volgorde = [*KERN, *(s for s in vragen if s not in KERN)]
    for sleutel in volgorde:
        if sleutel not in antwoorden:
            continue
        cellen = [antwoorden[sleutel](d) for d in details]
        if sleutel in ("fit", "goed", "minder_goed", "notitie") and not any(cellen):
            continue
        rijen.append(rij(vragen[sleutel], cellen, sleutel, kern=sleutel in KERN))
    return rijen
