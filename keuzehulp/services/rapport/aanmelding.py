"""How the client gets in, read from the instrument's own `aanmelding` field, in B1.

The handout must never say "Je coach meldt je aan" next to a sign-up the client does
themselves (issue 10). The catalogue writes the field for coaches ("Via je werkcoach, mail
naar planning@...", "Via de psycholoog van Werkzaak, niet rechtstreeks", "Zelf binnenlopen of
via je werkcoach ..."); this module turns it into what the client does.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WEB = re.compile(r"(?:https?://|www\.)\S+[^\s.,;)]")
_TELEFOON = re.compile(r"(?<![\w@])(?:\+31|0)[\d \-]{8,13}\d")
_VIA_IEMAND = re.compile(r"^via (de|het|een) (?P<wie>[^,;]+?)(?:,|;|$)", re.IGNORECASE)
# Internal routes a client does not take: the coach handles them.
_INTERN = ("intranet", "aanmeldformulier team", "werkcoach", "je coach", "de coach")


class Wie(enum.Enum):
    """Who signs the client up."""

    COACH = "coach"  # the coach (possibly through a colleague)
    ZELF = "zelf"  # the client
    ALLEBEI = "allebei"  # the coach, or the client themselves
    ONBEKEND = "onbekend"  # the catalogue says nothing


@dataclass(frozen=True, slots=True)
class Aanmelding:
    wie: Wie
    zinnen: tuple[str, ...]  # B1, for the client

    @property
    def tekst(self) -> str:
        return " ".join(self.zinnen)


def _contact(tekst: str) -> list[str]:
    """Sentences that tell the client how to reach the provider themselves."""
    zinnen = []
    if m := _EMAIL.search(tekst):
        zinnen.append(f"Mail naar {m.group()}.")
    if m := _TELEFOON.search(tekst):
        zinnen.append(f"Bel {' '.join(m.group().split())}.")
    if m := _WEB.search(tekst):
        zinnen.append(f"Kijk op {m.group()}.")
    return zinnen


def aanmelding(tekst: str | None) -> Aanmelding:
    """Who signs up and what the client does, from the catalogue's `aanmelding` text."""
    tekst = " ".join((tekst or "").split())
    laag = tekst.casefold()
    if not tekst or laag in ("-", "n.v.t.", "onbekend"):
        return Aanmelding(Wie.ONBEKEND, ("Je coach vertelt je hoe je je aanmeldt.",))
    zelf = "zelf" in laag or "inloop" in laag or "binnenlopen" in laag
    coach = any(woord in laag for woord in _INTERN) or bool(_VIA_IEMAND.match(tekst))
    if coach and zelf:
        if "binnenlopen" in laag or "inloop" in laag:
            return Aanmelding(
                Wie.ALLEBEI, ("Je coach meldt je aan.", "Je mag ook zelf binnenlopen.")
            )
        contact = _contact(tekst)
        zin = "Je mag je ook zelf aanmelden."
        return Aanmelding(Wie.ALLEBEI, ("Je coach meldt je aan.", zin, *contact))
    if coach:
        via = _VIA_IEMAND.match(tekst)
        if via and not any(woord in via["wie"].casefold() for woord in ("coach", "formulier")):
            # "de teamleider van team Participatie": the team's name means nothing to a client.
            wie = re.sub(r"\s+van team\b.*$", "", via["wie"].strip(), flags=re.IGNORECASE)
            return Aanmelding(
                Wie.COACH,
                (f"Je meldt je niet zelf aan. Je coach regelt het met de {wie}.",),
            )
        return Aanmelding(Wie.COACH, ("Je coach meldt je aan.",))
    contact = _contact(tekst)
    if contact:
        return Aanmelding(Wie.ZELF, ("Je meldt je zelf aan.", *contact))
    return Aanmelding(Wie.ZELF, ("Je meldt je zelf aan.", f"Zo doe je dat: {tekst.rstrip('.')}."))
