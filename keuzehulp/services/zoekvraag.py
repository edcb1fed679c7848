"""What the coach and client have chosen in the three search steps, as one plain value.

The search screen produces it, the search service answers it, and a stored conversation keeps
it so the search can be reopened exactly as it was.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


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

    @property
    def is_leeg(self) -> bool:
        return self == ZoekVraag()
