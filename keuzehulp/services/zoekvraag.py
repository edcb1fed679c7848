"""What the coach and client have chosen in the three search steps, as one plain value.

The search screen produces it, the search service answers it, and a stored conversation keeps
it so the search can be reopened exactly as it was.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

# Facet values of the structured practical filters: (code, label for the coach). "onbekend"
# collects the instruments whose field is empty, so unknown is counted and can be chosen.
KOSTEN_KLASSEN: tuple[tuple[str, str], ...] = (
    ("gratis", "Gratis"),
    ("tot_500", "Tot € 500"),
    ("500_1000", "€ 500 tot € 1.000"),
    ("1000_2500", "€ 1.000 tot € 2.500"),
    ("vanaf_2500", "€ 2.500 of meer"),
    ("onbekend", "Geen bedrag (op aanvraag, onbekend)"),
)
DUUR_KLASSEN: tuple[tuple[str, str], ...] = (
    ("kort", "4 weken of korter"),
    ("middel", "5 tot 12 weken"),
    ("lang", "13 weken of langer"),
    ("onbekend", "Duur onbekend"),
)
START_KLASSEN: tuple[tuple[str, str], ...] = (
    ("doorlopend", "Doorlopend: altijd starten"),
    ("vaste_data", "Op vaste data"),
    ("onbekend", "Start onbekend"),
)
NEDERLANDS_KLASSEN: tuple[tuple[str, str], ...] = (
    ("niet_nodig", "Goed Nederlands niet nodig"),
    ("nodig", "Goed Nederlands nodig"),
    ("onbekend", "Taaleis onbekend"),
)


class ZoekVraag(BaseModel):
    """Step 1 routes, step 2 kenmerken, step 3 practical filters and free text.

    Semantics: values within one filter are OR, different filters and steps are AND; a chosen
    parent kenmerk includes its children; an empty filter does not restrict. Each of the five
    kenmerk groups is its own filter (OR within a group, AND across groups). Free text: every
    word must occur in the name or description (case and accents ignored). With a maximum
    cost, instruments without an amount (e.g. "op aanvraag") drop out.
    """

    model_config = ConfigDict(frozen=True)

    routes: frozenset[str] = frozenset()  # FengerRoute codes
    kenmerken: frozenset[str] = frozenset()  # Kenmerk codes (groups or derived)
    gemeenten: frozenset[str] = frozenset()  # Gemeente names; "Alle gemeenten" instruments match
    types: frozenset[str] = frozenset()
    max_kosten_centen: int | None = Field(default=None, ge=0)
    tekst: str = ""
    onderbouwing: frozenset[str] = frozenset()  # evidence levels (extra practical filter)
    # Step 3 facets on the structured fields; codes from the *_KLASSEN tables below.
    kosten: frozenset[str] = frozenset()  # KOSTEN_KLASSEN (cost per person, gemeente)
    duur: frozenset[str] = frozenset()  # DUUR_KLASSEN (duur_weken)
    start: frozenset[str] = frozenset()  # START_KLASSEN (start_soort)
    nederlands: frozenset[str] = frozenset()  # NEDERLANDS_KLASSEN (nederlands_nodig)

    @property
    def is_leeg(self) -> bool:
        return self == ZoekVraag()
