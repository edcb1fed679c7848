"""The search screen's fixed texts, for the coach and (B1) for the client."""

from __future__ import annotations

from keuzehulp.services.zoeken import Sortering

NIET_ALLES = (
    "Let op: de keuzehulp bevat niet het hele aanbod. Maatwerk, de sociale kaart, de "
    "standaardinstrumenten en langdurige werkomgevingen staan er niet in."
)
NIET_ALLES_KLANT = (
    "Let op: hier staat niet alle hulp. Er is ook hulp op maat en hulp in je buurt. "
    "Je werkcoach vertelt je daar meer over."
)
TITEL = "<b>Zoek samen een instrument</b>"
TITEL_KLANT = "<b>Samen zoeken wat bij je past</b>"

STAPPEN = ("1. Route", "2. Kenmerken", "3. Praktisch")
STAPPEN_KLANT = ("1. Hoe", "2. Wat", "3. Praktisch")
STAP_UITLEG = (
    "Stap 1: de route (Alt+1)",
    "Stap 2: wat de klant wil verbeteren (Alt+2)",
    "Stap 3: praktische zaken (Alt+3)",
)
STAP_UITLEG_KLANT = (
    "Stap 1: hoe wil je beginnen? (Alt+1)",
    "Stap 2: waar wil je aan werken? (Alt+2)",
    "Stap 3: wat is voor jou handig? (Alt+3)",
)

SORTERINGEN = (Sortering.RELEVANTIE, Sortering.NAAM, Sortering.KOSTEN, Sortering.WAARDERING)
SORTEREN_INTERN = (Sortering.KOSTEN,)  # the gemeente's cost: not in the client view

# Step 3, in the order a coach asks: where first (clients have little mobility, seed line 2257).
SECTIES = ("gemeenten", "types", "kosten", "duur", "start", "nederlands", "onderbouwing")
SECTIE_TITELS = {
    "gemeenten": "Gemeente",
    "types": "Type",
    "kosten": "Kosten per persoon",
    "duur": "Duur",
    "start": "Start",
    "nederlands": "Goed Nederlands nodig?",
    "onderbouwing": "Onderbouwing",
}
SECTIE_TITELS_KLANT = {
    "gemeenten": "Waar?",
    "types": "Wat voor hulp?",
    "duur": "Hoe lang?",
    "start": "Wanneer kun je beginnen?",
    "nederlands": "Moet je goed Nederlands kunnen?",
}
# Internal to the coach: the gemeente's cost and the evidence jargon.
SECTIES_INTERN = ("kosten", "onderbouwing")

NIETS_GEKOZEN = "Nog niets gekozen: alle instrumenten staan in de lijst."
NIETS_GEKOZEN_KLANT = "Nog niets gekozen: alle mogelijkheden staan in de lijst."
KIES_EEN = "Kies een kaart in de lijst om alles te zien."


def aantal_tekst(aantal: int, totaal: int, klant: bool) -> str:
    """'<b>8 instrumenten</b> van 52'; the client reads '<b>8 mogelijkheden</b>'."""
    if klant:
        return f"<b>{aantal} {'mogelijkheid' if aantal == 1 else 'mogelijkheden'}</b>"
    woord = "instrument" if aantal == 1 else "instrumenten"
    return f"<b>{aantal} {woord}</b> van {totaal}"
