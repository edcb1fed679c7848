"""Fixed, made-up texts for the fictional demo gesprekken: goals, reasons and remarks (B1).

None holds a name, a date or a number that could point to a person (services/privacy.py).
"""

from __future__ import annotations

from keuzehulp.services.terugblik import REDENEN_STOPPEN as _REDENEN

DOELEN: tuple[tuple[str, str], ...] = (
    ("leerdoel", "Beter leren plannen, zodat ik op tijd ben."),
    ("leerdoel", "Rustig blijven als iets tegenzit."),
    ("leerdoel", "Beter Nederlands spreken op het werk."),
    ("leerdoel", "Leren werken met de computer."),
    ("leerdoel", "Ontdekken welk werk bij mij past."),
    ("prestatiedoel", "Drie ochtenden per week vrijwilligerswerk doen."),
    ("prestatiedoel", "Binnen een half jaar een betaalde baan vinden."),
    ("prestatiedoel", "Elke week twee keer solliciteren."),
    ("prestatiedoel", "Een cursus afmaken met een certificaat."),
    ("prestatiedoel", "Weer een vast ritme hebben, elke dag."),
)

ONDERBOUWINGEN: tuple[str, ...] = (
    "Past bij het doel en is dichtbij.",
    "De klant wil graag in een groep werken.",
    "Korte duur, de klant kan snel beginnen.",
    "Goede ervaringen bij eerdere klanten.",
    "De klant koos dit zelf na het vergelijken.",
)

# Category codes of a stop: the terugblik screen's own list (services/terugblik.py).
REDENEN_STOPPEN: tuple[str, ...] = tuple(_REDENEN)

DOEL_ANTWOORDEN: tuple[str, ...] = ("ja", "deels", "nee", "weet_niet")

COACH_OPMERKINGEN: tuple[str, ...] = (
    "Lange wachttijd voor de start.",
    "Goed contact met de trainer, klant bleef komen.",
    "Groep was te groot voor deze klant.",
    "Verslag van de aanbieder kwam laat.",
    "Locatie is slecht te bereiken met de bus.",
    "Sterk in de praktijk, weinig theorie.",
)

CLIENT_OPMERKINGEN: tuple[str, ...] = (
    "Ik vond het fijn. Ik leerde veel.",
    "Het ging te snel voor mij.",
    "De mensen waren aardig.",
    "Ik weet nu beter wat ik wil.",
    "Het was ver reizen.",
    "Ik had meer uitleg nodig.",
)
