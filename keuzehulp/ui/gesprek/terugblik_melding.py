"""What the terugblik dialog does with an error: show the field it is about, and tell the
client in plain words (B1, "je") what to change in their own remark.

The service names the field at the start of every message (services/terugblik.py:
"Opmerking van de klant: hierin staat een telefoonnummer. ..."); that prefix picks the tab
and the field to put the cursor in.
"""

from __future__ import annotations

import re

# Message start -> (tab: "coach" or "klant", field attribute of that part).
VELDEN = (
    ("Opmerking van de coach", "coach", "opmerking"),
    ("Cijfer van de coach", "coach", "cijfers"),
    ("Terugblik: kies waarom", "coach", "reden"),
    ("Terugblik: een reden", "coach", "reden"),
    ("Opmerking van de klant", "klant", "zeggen"),
    ("Cijfer van de klant", "klant", "schaal"),
)
# The way out when the "name" is a company or a street (services/privacy.py says the same).
BEDRIJF_OF_STRAAT = (
    "Gaat het om een bedrijf of straat? Beschrijf het dan, bijvoorbeeld ‘een supermarkt’."
)
_GEVONDEN = re.compile(r"^Opmerking van de klant: hierin staat (?P<wat>[^.]+?)(?:, bijv[^.]*)?\.")
_TE_LANG = re.compile(r"^Opmerking van de klant: de tekst is te lang")


def veld_van(melding: str) -> tuple[str, str] | None:
    """(tab, field attribute) the message is about, or None when it names no field."""
    for begin, deel, veld in VELDEN:
        if melding.startswith(begin):
            return deel, veld
    return None


def voor_klant(melding: str) -> str:
    """The message as the client reads it in the client view: short sentences, "je", no
    "klantdossier". Messages about other things stay as they are."""
    if _TE_LANG.match(melding):
        return "Je tekst is te lang. Maak hem wat korter."
    gevonden = _GEVONDEN.match(melding)
    if gevonden:
        wat = gevonden.group("wat")
        if "BSN" in wat:
            wat = "een nummer dat op een BSN lijkt"
        elif "datum" in wat:
            wat = "een datum"
        elif "naam" in wat:
            woorden = re.search(r"‘([^’]{1,60})’", melding)
            wat = f"een naam: ‘{woorden.group(1)}’" if woorden else "een naam"
        elif "IBAN" in wat:
            wat = "een bankrekeningnummer"
        tekst = f"In je tekst staat {wat}. Haal dat weg. Dan kan niemand zien wie dit schreef."
        if wat.startswith("een naam"):
            tekst += f" {BEDRIJF_OF_STRAAT}"
        return tekst
    return melding
