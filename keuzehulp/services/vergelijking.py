"""The side-by-side comparison in the style of an Option Grid: the questions a client asks.

One column per option, one row per question, every cell in plain Dutch (B1) for the client.
The texts of the catalogue (description, role of the client) are written for the client; the
kenmerken appear as their client explanation, never by their specialist name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from keuzehulp.model.tekst import bedrag, cijfer
from keuzehulp.services.instrumentdetail import InstrumentDetail, KenmerkInfo

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
    vraag: str
    cellen: tuple[str, ...]


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


def waar(detail: InstrumentDetail) -> str:
    g = detail.gegevens
    if g.alle_gemeenten or "Alle gemeenten" in g.gemeenten:
        plaats = "Voor mensen uit alle gemeenten."
    elif g.gemeenten:
        plaats = "Voor mensen uit " + ", ".join(g.gemeenten) + "."
    else:
        plaats = ""
    adres = " en ".join(r.strip() for r in (g.adres or "").splitlines() if r.strip())
    return _zinnen(adres and f"Adres: {adres}", plaats) or ONBEKEND


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
    g = detail.gegevens
    delen = []
    if g.waardering_werkzoekende is not None:
        delen.append(f"Deelnemers geven het een {cijfer(g.waardering_werkzoekende)}.")
    if g.waardering_professionals is not None:
        delen.append(f"Coaches geven het een {cijfer(g.waardering_professionals)}.")
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
        VergelijkRij(vraag, tuple(antwoord(d) for d in details))
        for vraag, antwoord in zip(VRAGEN, antwoorden, strict=True)
    ]
