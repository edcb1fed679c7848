"""The fit of an option with the client's wishes in words: which wishes it meets and misses."""

from __future__ import annotations

from collections.abc import Iterable

from keuzehulp.services.wensen import Fit, Wens

KORT: dict[Wens, str] = {
    Wens.DICHTBIJ: "dicht bij huis",
    Wens.ALLEEN: "alleen",
    Wens.GROEP: "in een groep",
    Wens.KORT: "kort",
    Wens.SNEL: "snel beginnen",
    Wens.WEINIG_UREN: "weinig uren",
    Wens.ZONDER_NEDERLANDS: "zonder goed Nederlands",
    Wens.GRATIS: "gratis",
    Wens.GOED_BEOORDEELD: "goed volgens anderen",
    Wens.BEWEZEN: "bewezen",
}
"""A wish in two or three words, to name it in a list (B1)."""


def _lijst(wensen: Iterable[Wens]) -> str:
    return ", ".join(KORT[w] for w in wensen)


def fit_uitleg(fit: Fit) -> str:
    """'Past bij 2 van je 3 wensen. Wel: kort, gratis. Niet: dicht bij huis.' ('' without wishes).

    Wishes the catalogue cannot answer are named as "Nog niet bekend", never as a miss.
    """
    if not fit.aantal:
        return ""
    delen = [f"{fit.samenvatting}."]
    if fit.voldaan:
        delen.append(f"Wel: {_lijst(fit.voldaan)}.")
    if fit.gemist:
        delen.append(f"Niet: {_lijst(fit.gemist)}.")
    if fit.onbekend:
        delen.append(f"Nog niet bekend: {_lijst(fit.onbekend)}.")
    return " ".join(delen)
