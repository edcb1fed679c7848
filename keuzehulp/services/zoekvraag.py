"""What the coach and client have chosen in the three search steps, as one plain value.

The search screen produces it, the search service answers it, and a stored conversation keeps
it so the search can be reopened exactly as it was.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field, field_serializer

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

# Class boundaries, named so that the search, the labels, the tests and the handleiding agree.
KOSTEN_GRENZEN_CENTEN = (50_000, 100_000, 250_000)  # € 500, € 1.000, € 2.500 (lower bounds)
DUUR_KORT_WEKEN = 4  # "kort": at most 4 weeks
DUUR_LANG_WEKEN = 13  # "lang": 13 weeks (a quarter) or more

KLASSEN: dict[str, tuple[tuple[str, str], ...]] = {
    "kosten": KOSTEN_KLASSEN,
    "duur": DUUR_KLASSEN,
    "start": START_KLASSEN,
    "nederlands": NEDERLANDS_KLASSEN,
}
"""Facet name (a ZoekVraag field) -> its (code, coach label) table."""

KLASSE_CODES: dict[str, tuple[str, ...]] = {
    naam: tuple(code for code, _ in tabel) for naam, tabel in KLASSEN.items()
}

KLASSE_KLANTLABELS: Mapping[str, Mapping[str, str]] = {
    "kosten": {
        "gratis": "Kost niets",
        "tot_500": "Kost minder dan € 500",
        "500_1000": "Kost € 500 tot € 1.000",
        "1000_2500": "Kost € 1.000 tot € 2.500",
        "vanaf_2500": "Kost € 2.500 of meer",
        "onbekend": "Prijs nog niet bekend",
    },
    "duur": {
        "kort": "4 weken of korter",
        "middel": "5 tot 12 weken",
        "lang": "13 weken of langer",
        "onbekend": "We weten nog niet hoe lang",
    },
    "start": {
        "doorlopend": "Je kunt altijd beginnen",
        "vaste_data": "Begint op vaste dagen",
        "onbekend": "We weten nog niet wanneer het begint",
    },
    "nederlands": {
        "niet_nodig": "Goed Nederlands is niet nodig",
        "nodig": "Goed Nederlands is nodig",
        "onbekend": "We weten niet of goed Nederlands nodig is",
    },
}
"""The same classes as the client reads them (B1)."""


def kosten_klasse(centen: int | None) -> str:
    """KOSTEN_KLASSEN code of a cost per person in cents (None: no amount -> "onbekend")."""
    if centen is None:
        return "onbekend"
    if centen <= 0:
        return "gratis"
    laag, midden, hoog = KOSTEN_GRENZEN_CENTEN
    if centen < laag:
        return "tot_500"
    if centen < midden:
        return "500_1000"
    if centen < hoog:
        return "1000_2500"
    return "vanaf_2500"


def duur_klasse(weken: int | None) -> str:
    """DUUR_KLASSEN code of a duration in whole weeks (None -> "onbekend")."""
    if weken is None:
        return "onbekend"
    if weken <= DUUR_KORT_WEKEN:
        return "kort"
    return "lang" if weken >= DUUR_LANG_WEKEN else "middel"


def start_klasse(start_soort: str | None) -> str:
    """START_KLASSEN code of `Instrument.start_soort` (None or another value -> "onbekend")."""
    return start_soort if start_soort in ("doorlopend", "vaste_data") else "onbekend"


def nederlands_klasse(nodig: bool | None) -> str:
    """NEDERLANDS_KLASSEN code of `Instrument.nederlands_nodig`."""
    if nodig is None:
        return "onbekend"
    return "nodig" if nodig else "niet_nodig"


def klasse_van(
    kosten_centen: int | None,
    duur_weken: int | None,
    start_soort: str | None,
    nederlands_nodig: bool | None,
) -> dict[str, str]:
    """Facet name -> class code of one instrument; each instrument is in one class per facet."""
    return {
        "kosten": kosten_klasse(kosten_centen),
        "duur": duur_klasse(duur_weken),
        "start": start_klasse(start_soort),
        "nederlands": nederlands_klasse(nederlands_nodig),
    }


class ZoekVraag(BaseModel):
    """Step 1 routes, step 2 kenmerken, step 3 practical filters and free text.

    Semantics: values within one filter are OR, different filters and steps are AND; a chosen
    parent kenmerk includes its children; an empty filter does not restrict. Each of the five
    kenmerk groups is its own filter (OR within a group, AND across groups). The facets
    `kosten`, `duur`, `start` and `nederlands` hold class codes of the *_KLASSEN tables ("onbekend"
    chooses the instruments whose field is empty); a code that is not in the table, like a
    gemeente that no longer exists, matches nothing. Free text: every word must match a word
    of the name, provider or descriptive texts (see `services.tekstzoeken`). With a maximum
    cost, instruments without an amount (e.g. "op aanvraag") drop out.

    Stored with a gesprek as JSON (`model_dump(mode="json")`): sets are written sorted, and
    JSON without the newer fields (stored before they existed) loads with them empty.
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

    @field_serializer(
        "routes",
        "kenmerken",
        "gemeenten",
        "types",
        "onderbouwing",
        "kosten",
        "duur",
        "start",
        "nederlands",
    )
    def _gesorteerd(self, waarden: frozenset[str]) -> list[str]:
        return sorted(waarden)

    @property
    def is_leeg(self) -> bool:
        return self == ZoekVraag()
