"""A B1 readability check: short sentences, and no jargon without its explanation.

Used by the tests on every text a client sees (PDF, comparison, client labels, kenmerk
explanations). The rule is the project's own writing rule: sentences of at most 15 words on
average, known concrete words, and a specialist word only when it is explained right there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
