"""The decision check after choosing: the four-question SURE test, in B1 Dutch.

SURE (Légaré et al. 2010; French and English versions validated by Ferron Parayre et al.
2014) screens for decisional conflict with four yes/no questions: Sure of myself,
Understand the information, Risk-benefit ratio (values clear), Encouragement (support).
Each "ja" scores 1; a score of 3 or less signals decisional conflict. For every "nee" the
client gets one piece of advice (more information, think it over, talk again ...), and the
professional summary repeats the score and the advice.

The answers are stored anonymously with the gesprek (`Gesprek.sure_antwoorden`, `.sure_score`).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from keuzehulp.model.errors import InvoerFout

MAX_SCORE = 4
TWIJFEL_GRENS = 3  # a score of 3 or less signals doubt (Légaré 2010)


class Dimensie(enum.Enum):
    """The four dimensions of SURE, in the order of the questions."""

    ZEKER = "zeker"  # Sure of myself
    WETEN = "weten"  # Understand information
    BELANGRIJK = "belangrijk"  # Risk-benefit ratio: which pros and cons matter to me
    STEUN = "steun"  # Encouragement: enough support and advice


DIMENSIES: tuple[Dimensie, ...] = tuple(Dimensie)

VRAGEN: dict[Dimensie, str] = {
    Dimensie.ZEKER: "Weet je zeker wat de beste keuze is voor jou?",
    Dimensie.WETEN: "Weet je wat goed en minder goed is aan elke keuze?",
    Dimensie.BELANGRIJK: "Is het duidelijk wat jij het belangrijkst vindt?",
    Dimensie.STEUN: "Heb je genoeg steun en advies om te kiezen?",
}
"""The questions as the client hears and reads them (B1, "je")."""

KORT_COACH: dict[Dimensie, str] = {
    Dimensie.ZEKER: "zeker van de keuze",
    Dimensie.WETEN: "kent voor- en nadelen",
    Dimensie.BELANGRIJK: "weet wat hij of zij belangrijk vindt",
    Dimensie.STEUN: "voelt genoeg steun",
}
"""The four questions in a few words, for the coach's one-page summary."""

ADVIES_KLANT: dict[Dimensie, str] = {
    Dimensie.ZEKER: "Neem de tijd. Denk er thuis nog rustig over na.",
    Dimensie.WETEN: "Vraag je coach om meer uitleg over elke mogelijkheid.",
    Dimensie.BELANGRIJK: "Kijk samen nog eens naar wat jij belangrijk vindt.",
    Dimensie.STEUN: "Praat erover met iemand die je vertrouwt. Maak een nieuwe afspraak.",
}
"""What to do when the answer is "nee" (B1, for the client and the screen)."""

ADVIES_COACH: dict[Dimensie, str] = {
    Dimensie.ZEKER: "klant is niet zeker van de keuze: bedenktijd geven en keuze later bevestigen",
    Dimensie.WETEN: "klant kent voor- en nadelen onvoldoende: meer informatie over de opties geven",
    Dimensie.BELANGRIJK: "klant heeft waarden nog niet helder: wensen opnieuw bespreken",
    Dimensie.STEUN: "klant voelt te weinig steun: vervolggesprek plannen, netwerk betrekken",
}
"""The same advice for the professional summary."""

GEEN_TWIJFEL_KLANT = "Je weet wat je kiest en waarom. Goed gedaan!"
GEEN_TWIJFEL_COACH = "geen aanwijzing voor twijfel (beslisconflict)"
TWIJFEL_KLANT = "Je twijfelt nog een beetje. Dat is niet erg. Dit kun je doen:"
TWIJFEL_KLANT_MEER = "Je twijfelt nog. Dat is niet erg. Neem de tijd. Dit kun je doen:"
TWIJFEL_KLANT_VEEL = (
    "Je twijfelt nog veel. Kies nog niet. Praat eerst verder met je coach. Dit kun je doen:"
)


def twijfel_tekst(score: int) -> str:
    """What the client reads at a doubtful score (0-3 of 4 "ja"): the more "nee", the more
    the text says to take time. Scores of 4 are no doubt (GEEN_TWIJFEL_KLANT)."""
    if score >= MAX_SCORE - 1:
        return TWIJFEL_KLANT
    if score == MAX_SCORE - 2:
        return TWIJFEL_KLANT_MEER
    return TWIJFEL_KLANT_VEEL


UITLEG_COACH = (
    "Vier vragen met ja of nee (de SURE-test, Légaré 2010). Vier keer ja: de klant weet wat "
    "hij kiest en waarom. Drie keer ja of minder: de klant twijfelt nog."
)
"""What the check is, for the coach's summary: the wording of the handleiding (ch. Stap 4)."""

TEACH_BACK_VRAAG = "Vertel in je eigen woorden wat je gaat doen."
"""The teach-back prompt before printing; whether it was done is stored (`teach_back`)."""

Antwoorden = tuple[bool, bool, bool, bool]


def controleer(antwoorden: Sequence[object]) -> Antwoorden:
    """The four answers as a tuple of bools; anything else raises InvoerFout (Dutch)."""
    if len(antwoorden) != len(DIMENSIES) or not all(isinstance(a, bool) for a in antwoorden):
        raise InvoerFout(
            "Keuzecheck: beantwoord alle vier de vragen met ja of nee "
            f"(nu {len(antwoorden)} antwoorden)."
        )
    a, b, c, d = (bool(x) for x in antwoorden)
    return (a, b, c, d)


def sure_score(antwoorden: Sequence[bool]) -> int:
    """The SURE score 0-4: one point per "ja". Raises InvoerFout unless exactly 4 bools."""
    return sum(controleer(antwoorden))


def twijfelt(score: int) -> bool:
    """True when a SURE score (0-4) signals decisional conflict: 3 or less (Légaré 2010)."""
    if not 0 <= score <= MAX_SCORE:
        raise InvoerFout(f"Keuzecheck: een score is 0 tot en met 4, niet {score}.")
    return score <= TWIJFEL_GRENS


def nee_antwoorden(antwoorden: Sequence[bool]) -> list[Dimensie]:
    """The dimensions answered "nee", in question order."""
    return [d for d, ja in zip(DIMENSIES, controleer(antwoorden), strict=True) if not ja]


def advies_klant(antwoorden: Sequence[bool]) -> list[str]:
    """B1 advice, one line per "nee" (empty when all four are "ja")."""
    return [ADVIES_KLANT[d] for d in nee_antwoorden(antwoorden)]


def advies_coach(antwoorden: Sequence[bool]) -> list[str]:
    """The professional's advice, one line per "nee"."""
    return [ADVIES_COACH[d] for d in nee_antwoorden(antwoorden)]


@dataclass(frozen=True, slots=True)
class KeuzeCheck:
    """The outcome of the check, ready to show or print."""

    antwoorden: Antwoorden
    score: int
    twijfel: bool
    advies_klant: tuple[str, ...]
    advies_coach: tuple[str, ...]

    @property
    def samenvatting_coach(self) -> str:
        """e.g. '2 van 4 keer ja: twijfel (beslisconflict)'."""
        oordeel = "twijfel (beslisconflict)" if self.twijfel else GEEN_TWIJFEL_COACH
        return f"{self.score} van {MAX_SCORE} keer ja: {oordeel}"

    @property
    def samenvatting_klant(self) -> str:
        return twijfel_tekst(self.score) if self.twijfel else GEEN_TWIJFEL_KLANT


def keuzecheck(antwoorden: Sequence[bool]) -> KeuzeCheck:
    """Score, doubt and advice for four answers; raises InvoerFout unless exactly 4 bools."""
    a = controleer(antwoorden)
    score = sum(a)
    return KeuzeCheck(
        antwoorden=a,
        score=score,
        twijfel=twijfelt(score),
        advies_klant=tuple(advies_klant(a)),
        advies_coach=tuple(advies_coach(a)),
    )
