"""Fixed, made-up texts for the fictional demo gesprekken: goals, reasons and remarks.

Each text answers the question the screen asks, in the voice of whoever answers it:
- a goal is the client's answer to "Waar wil je aan werken?" ("Ik wil ...", B1);
- a reason is the coach's note under "Waarom deze keuze?" (short, professional);
- a coach remark answers "Wat ging goed, wat kan beter?" for the regiehouder;
- a client remark answers "Wat vond jij ervan?" / "Wat wil je nog zeggen?" ("Ik ...", B1).
None holds a name, place of a person, date or number that could point to someone
(services/privacy.py; tests/test_voorbeeldgesprekken_teksten.py checks them all).
"""

from __future__ import annotations

from keuzehulp.services.terugblik import REDENEN_STOPPEN as _REDENEN

DOELEN: tuple[tuple[str, str], ...] = (
    ("leerdoel", "Ik wil leren plannen. Dan kom ik op tijd."),
    ("leerdoel", "Ik wil rustig blijven als iets tegenzit."),
    ("leerdoel", "Ik wil beter Nederlands praten op mijn werk."),
    ("leerdoel", "Ik wil leren werken met de computer."),
    ("leerdoel", "Ik wil ontdekken welk werk bij mij past."),
    ("leerdoel", "Ik wil leren hoe ik een goede brief schrijf."),
    ("leerdoel", "Ik wil beter voor mezelf opkomen."),
    ("prestatiedoel", "Ik wil drie ochtenden per week vrijwilligerswerk doen."),
    ("prestatiedoel", "Ik wil binnen een half jaar betaald werk hebben."),
    ("prestatiedoel", "Ik wil elke week twee keer solliciteren."),
    ("prestatiedoel", "Ik wil mijn cursus afmaken en een diploma halen."),
    ("prestatiedoel", "Ik wil weer elke dag een vast ritme hebben."),
    ("prestatiedoel", "Ik wil zelf naar mijn werk kunnen fietsen."),
)

ONDERBOUWINGEN: tuple[str, ...] = (
    "Sluit aan bij het doel; dicht bij huis.",
    "Klant werkt graag samen met anderen; dit is in een groep.",
    "Korte duur en snel te starten, dat motiveert.",
    "Eerdere deelnemers met een vergelijkbare vraag waren tevreden.",
    "Klant koos dit zelf na het vergelijken van drie opties.",
    "Praktisch van opzet; klant leert het best door te doen.",
    "Eerst structuur opbouwen, daarna verder kijken naar werk.",
)

# Category codes of a stop: the terugblik screen's own list (services/terugblik.py).
REDENEN_STOPPEN: tuple[str, ...] = tuple(_REDENEN)

DOEL_ANTWOORDEN: tuple[str, ...] = ("ja", "deels", "nee", "weet_niet")

COACH_OPMERKINGEN: tuple[str, ...] = (
    "Lange wachttijd voor de start; klant haakte bijna af.",
    "Goed contact met de trainer, klant bleef komen.",
    "Groep was te groot voor deze klant.",
    "Verslag van de aanbieder kwam pas na drie weken.",
    "Locatie is slecht te bereiken met het openbaar vervoer.",
    "Sterk in de praktijk, weinig theorie: past bij deze doelgroep.",
    "Aanbieder belde zelf na de intake, dat werkte goed.",
    "Inhoud sloot niet aan bij het niveau van de klant.",
)

CLIENT_OPMERKINGEN: tuple[str, ...] = (
    "Ik vond het fijn. Ik heb veel geleerd.",
    "Het ging soms te snel voor mij.",
    "Ik vond de mensen in de groep aardig.",
    "Ik weet nu beter welk werk ik wil.",
    "Ik moest lang met de bus reizen.",
    "Ik had meer uitleg nodig.",
    "Eerst vond ik het spannend. Later ging het goed.",
    "De begeleider luisterde goed naar mij.",
    "Ik durf nu meer te vragen.",
    "Ik wil graag nog een keer zoiets doen.",
)
