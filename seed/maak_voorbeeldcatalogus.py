"""Generate seed/instrumenten.xlsx: a fictional sample catalogue in the bronbestand format."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

if TYPE_CHECKING:
    from keuzehulp.model.basisgegevens import KenmerkBasis, RouteBasis

REPO = Path(__file__).resolve().parent.parent
DOELBESTAND = REPO / "seed" / "instrumenten.xlsx"

VERSIE = "2026-11-01"
# Fixed timestamps so that an unchanged catalogue gives a byte-identical workbook.
VASTE_TIJD = datetime(2026, 11, 1, 9, 0, 0)
VASTE_ZIPTIJD = (2026, 11, 1, 9, 0, 0)

TITEL_INSTRUMENTEN = (
    f"Bronbestand keuzehulp Werkzaak Rivierenland \N{EN DASH} voorbeeld, versie {VERSIE}"
)
TITEL_PARKEER = (
    f"Parkeer \N{EN DASH} instrumenten die (nog) niet in de keuzehulp staan, versie {VERSIE}"
)

# Instrument types.
DIAGNOSE = "Diagnose en onderzoek"
TRAINING = "Training"
CURSUS = "Cursus"
COACHING = "Coaching"
ACTIVERING = "Activering"
BEMIDDELING = "Bemiddeling"
TYPES = (DIAGNOSE, TRAINING, CURSUS, COACHING, ACTIVERING, BEMIDDELING)

# Fenger routes, by the route names of basisgegevens.ROUTES.
LF = "Life first"
HC = "Human Capital first"
WF = "Work first"

# The eight gemeenten of Rivierenland.
BUREN = "Buren"
CULEMBORG = "Culemborg"
MAASDRIEL = "Maasdriel"
NEDER_BETUWE = "Neder-Betuwe"
TIEL = "Tiel"
WEST_BETUWE = "West Betuwe"
WEST_MAAS_EN_WAAL = "West Maas en Waal"
ZALTBOMMEL = "Zaltbommel"
GEMEENTEN = (
    BUREN,
    CULEMBORG,
    MAASDRIEL,
    NEDER_BETUWE,
    TIEL,
    WEST_BETUWE,
    WEST_MAAS_EN_WAAL,
    ZALTBOMMEL,
)
ALLE = ("Alle gemeenten",)

# Fictional addresses that recur.
WERKZAAK_TIEL = "Tiel, Fruitbaan 7"
WERKZAAK_CULEMBORG = "Culemborg, Lekdijkhof 5"
WERKZAAK_ZALTBOMMEL = "Zaltbommel, Hoornwerkstraat 9"

# Regiehouders (fictional people and roles).
COORDINATOR = "Coördinator instrumentarium"
ONTWIKKELING = "J. de Vries (team Ontwikkeling)"
WERK = "M. Bakker (team Werk)"
PARTICIPATIE = "S. Yilmaz (team Participatie)"
DIAGNOSETEAM = "A. Jansen (team Diagnose)"
WGD = "R. van Dijk (Werkgeversdienstverlening)"

ONDERBOUWINGEN = (
    "goed beschreven",
    "goed onderbouwd",
    "effectief: eerste aanwijzingen",
    "effectief: goede aanwijzingen",
    "effectief: sterke aanwijzingen",
)

KOLOMMEN: tuple[tuple[str, int], ...] = (
    ("Naam", 40),
    ("Type", 18),
    ("Uitvoerder", 28),
    ("Omschrijving", 52),
    ("Fenger", 24),
    ("Theoretische kenmerken", 26),
    ("Afgeleide kenmerken", 40),
    ("Gemeente", 18),
    ("Adres", 32),
    ("Doelgroep", 36),
    ("Doel", 36),
    ("Instroomeis", 30),
    ("Goed Nederlands nodig", 12),
    ("Omvang en duur", 26),
    ("Duur (weken)", 10),
    ("Uren per week", 10),
    ("Kosten per persoon", 14),
    ("Kosten voor de klant", 12),
    ("Werkwijze", 44),
    ("Alleen of in groep", 12),
    ("Beschikbaarheid", 22),
    ("Start", 12),
    ("Startdata", 24),
    ("Aanmelding", 38),
    ("Bijzonderheden", 38),
    ("Rol werkzoekende", 48),
    ("Waardering professionals", 14),
    ("Waardering werkzoekende", 14),
    ("Onderbouwing", 24),
    ("Regiehouder", 28),
    ("Link", 38),
    ("Eerst overleggen met", 30),
)

CIJFERKOLOMMEN = frozenset({"Waardering professionals", "Waardering werkzoekende"})

# Derived characteristics are written in the mixed styles real users type; the style of a row
# follows its position, so the output stays deterministic.
KENMERKSTIJLEN = ("code naam", "code naam", "code", "code naam", "naam", "opsomming", "code naam")
GROEPSTIJLEN = ("naam", "nummer naam", "naam", "nummer naam", "naam", "naam", "nummer")
MAX_WOORDEN_PER_ZIN = 15


@dataclass(frozen=True, slots=True)
class Instrument:
    """One row of the bronbestand, with its content in Dutch."""

    soort: str  # first part of the name, e.g. "Coaching" or "Training sollicitatievaardigheden"
    instrumenttype: str
    uitvoerder: str
    routes: tuple[str, ...]
    kenmerken: tuple[str, ...]  # derived characteristic codes
    gemeente: tuple[str, ...]
    adres: str
    omschrijving: str  # B1, for the client
    rol: str  # B1, for the client
    doelgroep: str
    doel: str
    instroomeis: str
    omvang: str
    kosten: str | int | float
    werkwijze: str
    beschikbaarheid: str
    aanmelding: str
    bijzonderheden: str
    waardering_professionals: float | str | None
    regiehouder: str
    waardering_werkzoekende: float | None = None
    onderbouwing: str = ""
    link: str = ""
    overleg_met: str = ""  # expert-only instruments: who to consult first

    @property
    def naam(self) -> str:
        """The name as the catalogue shows it: type first, then the provider."""
        return f"{self.soort}, {self.uitvoerder}"


INSTRUMENTEN: tuple[Instrument, ...] = (
    # Diagnose en onderzoek
    Instrument(
        soort="Assessment",
        instrumenttype=DIAGNOSE,
        uitvoerder="Bureau Helder Zicht",
        routes=(HC,),
        kenmerken=("1.7", "1.1", "3.1.1"),
        gemeente=(WEST_BETUWE, TIEL),
        adres=f"Geldermalsen, Lingehof 31\n{WERKZAAK_TIEL} (op afspraak)",
        omschrijving=(
            "Je doet een aantal testen en opdrachten. Zo zie je wat je goed kunt. "
            "Je hoort ook waar je nog kunt groeien."
        ),
        rol=(
            "Je maakt de testen op een computer of op papier. "
            "Je praat daarna met de psycholoog over de uitslag."
        ),
        doelgroep="Werkzoekenden bij wie niet duidelijk is welk werk past",
        doel="Inzicht in wat je kunt, hoe je leert en hoe je werkt",
        instroomeis=(
            "Kan een halve dag goed opletten. Spreekt een beetje Nederlands, of er komt een tolk."
        ),
        omvang="1 dag testen, 1 uur nagesprek",
        kosten="€ 1.250,00",
        werkwijze=(
            "Testen van wat je kunt, een vragenlijst over jezelf en een praktijkopdracht. Binnen "
            "2 weken een rapport met advies."
        ),
        beschikbaarheid="Binnen 3 weken na aanmelding",
        aanmelding="Via je werkcoach, mail naar planning@helderzicht.example",
        bijzonderheden="Het rapport gaat naar jou en je werkcoach.",
        waardering_professionals=7.6,
        onderbouwing="goed beschreven",
        regiehouder=DIAGNOSETEAM,
        link="https://www.helderzicht.example/assessment",
    ),
    Instrument(
        soort="Arbeidsmarktoriëntatie",
        instrumenttype=DIAGNOSE,
        uitvoerder="Werkzaak team Ontwikkeling",
        routes=(HC, WF),
        kenmerken=("4.2", "1.7", "5.1"),
        gemeente=(TIEL, CULEMBORG, ZALTBOMMEL),
        adres=f"{WERKZAAK_TIEL}\n{WERKZAAK_CULEMBORG}\n{WERKZAAK_ZALTBOMMEL}",
        omschrijving=(
            "Je onderzoekt welk werk bij je past. Je kijkt naar je wensen en wat je kunt. "
            "Je hoort ook waar vacatures zijn."
        ),
        rol=(
            "Je vult een vragenlijst in. Je bezoekt samen met de groep twee bedrijven. "
            "Je maakt een plan voor je volgende stap."
        ),
        doelgroep="Werkzoekenden zonder duidelijk beroepsbeeld",
        doel="Een haalbaar doel voor werk, en weten welk werk er in de regio is",
        instroomeis="n.v.t.",
        omvang="6 weken, 1 dagdeel per week",
        kosten=0,
        werkwijze=(
            "Groepsbijeenkomsten van 8 tot 10 deelnemers, interessetest, bedrijfsbezoeken "
            "en eindgesprek."
        ),
        beschikbaarheid="Start elke 2 maanden",
        aanmelding="Je werkcoach meldt je aan bij team Ontwikkeling",
        bijzonderheden="-",
        waardering_professionals=7.9,
        onderbouwing="goed beschreven",
        regiehouder=ONTWIKKELING,
    ),
    Instrument(
        soort="Taaltoets",
        instrumenttype=DIAGNOSE,
        uitvoerder="Taalatelier De Waalkant",
        routes=(HC,),
        kenmerken=("1.3", "1.3.2"),
        gemeente=(TIEL,),
        adres="Tiel, Appelgaardlaan 22",
        omschrijving=(
            "Je doet een toets Nederlands. Je laat zien hoe goed je leest, schrijft, luistert "
            "en spreekt. Daarna weet je welke cursus past."
        ),
        rol="Je maakt de toets op de computer. Je hebt ook een kort gesprek in het Nederlands.",
        doelgroep="Werkzoekenden van wie het taalniveau niet bekend is",
        doel="Weten hoe goed je Nederlands is, en welke taalles bij je past",
        instroomeis="-",
        omvang="1 dagdeel",
        kosten="€175,-",
        werkwijze=(
            "Digitale toets lezen en luisteren, mondelinge toets spreken, schrijfopdracht. "
            "Uitslag met advies."
        ),
        beschikbaarheid="Elke dinsdagochtend",
        aanmelding="Via je werkcoach, mail naar toets@waalkant.example",
        bijzonderheden="Ook geschikt voor mensen die niet kunnen lezen of schrijven.",
        waardering_professionals=7.8,
        regiehouder=COORDINATOR,
        link="https://www.waalkant.example/taaltoets",
    ),
    Instrument(
        soort="Verdiepend psychologisch onderzoek",
        instrumenttype=DIAGNOSE,
        uitvoerder="Psychologenpraktijk Lingeoever",
        routes=(HC,),
        kenmerken=("3.1", "3.1.5", "1.7"),
        gemeente=(TIEL, CULEMBORG),
        adres="Tiel, Kasteeldreef 40\nCulemborg, Zandpoortplein 6",
        omschrijving=(
            "Een psycholoog onderzoekt wat er met je aan de hand is. Je praat met de "
            "psycholoog en doet testen. Zo wordt duidelijk welke hulp je nodig hebt."
        ),
        rol=(
            "Je vertelt eerlijk over je klachten en je leven. "
            "Je komt twee of drie keer naar de praktijk."
        ),
        doelgroep=(
            "Werkzoekenden met vermoedelijk psychische problemen, een verstandelijke beperking "
            "of trauma"
        ),
        doel="Diagnose en advies over behandeling en mogelijkheden voor werk",
        instroomeis="Alleen na overleg met de psycholoog van Werkzaak",
        omvang="2 tot 3 gesprekken van 1,5 uur, rapport binnen 4 weken",
        kosten="op aanvraag",
        werkwijze=(
            "Een gesprek over je klachten en je leven. Daarna testen, bijvoorbeeld over denken en"
            " persoonlijkheid. Een adviesgesprek en een rapport met advies."
        ),
        beschikbaarheid="Wachttijd ongeveer 6 weken",
        aanmelding="Via de psycholoog van Werkzaak, niet rechtstreeks",
        bijzonderheden=(
            "Alleen na overleg: eerst overleggen met de psycholoog van Werkzaak. Je geeft zelf "
            "schriftelijk toestemming."
        ),
        waardering_professionals=8.1,
        onderbouwing="goed onderbouwd",
        regiehouder="Psycholoog Werkzaak",
        overleg_met="Psycholoog van Werkzaak",
    ),
    Instrument(
        soort="Medisch/arbeidskundig onderzoek",
        instrumenttype=DIAGNOSE,
        uitvoerder="Arbodienst De Linge",
        routes=(HC,),
        kenmerken=("3.2", "3.2.1", "3.2.2", "3.2.3"),
        gemeente=(TIEL,),
        adres="Tiel, Vlietweg 19",
        omschrijving=(
            "Een arts en een arbeidsdeskundige kijken naar je gezondheid. Ze kijken wat je "
            "lichaam aankan. Je hoort welk werk je kunt doen."
        ),
        rol=(
            "Je neemt informatie over je gezondheid mee. Je vertelt over je klachten en je "
            "werk. Soms doe je een korte lichamelijke test."
        ),
        doelgroep=(
            "Werkzoekenden met lichamelijke klachten, of bij wie niet duidelijk is wat ze aankunnen"
        ),
        doel="Weten wat je lichaam aankan, en advies over werk dat past",
        instroomeis="Alleen na overleg met de arbeidsdeskundige of bedrijfsarts van Werkzaak",
        omvang="1 spreekuur bij de bedrijfsarts, 1 gesprek met de arbeidsdeskundige",
        kosten=985,
        werkwijze=(
            "Spreekuur bedrijfsarts, zo nodig informatie van de huisarts (met toestemming), "
            "functionele mogelijkhedenlijst en arbeidskundig advies."
        ),
        beschikbaarheid="Binnen 4 weken",
        aanmelding="Via de arbeidsdeskundige van Werkzaak",
        bijzonderheden=(
            "Alleen na overleg: eerst overleggen met de arbeidsdeskundige of de bedrijfsarts "
            "van Werkzaak."
        ),
        waardering_professionals="7,4",
        onderbouwing="goed beschreven",
        regiehouder="Arbeidsdeskundige Werkzaak",
        link="https://www.arbodelinge.example",
        overleg_met="Arbeidsdeskundige of bedrijfsarts van Werkzaak",
    ),
    Instrument(
        soort="Praktijkassessment",
        instrumenttype=DIAGNOSE,
        uitvoerder="Leerwerkbedrijf De Uiterwaard",
        routes=(HC,),
        kenmerken=("1.1", "1.6", "3.2.3"),
        gemeente=(TIEL, WEST_MAAS_EN_WAAL),
        adres="Tiel, Uiterwaardweg 12\nBeneden-Leeuwen, Maasoeverstraat 16",
        omschrijving=(
            "Je werkt twee weken mee in ons leerwerkbedrijf. We kijken hoe je werkt en "
            "samenwerkt. Je krijgt daarna een eerlijk advies."
        ),
        rol=(
            "Je komt elke dag op tijd. Je doet gewoon werk, zoals inpakken of in de tuin. "
            "Je bespreekt elke week hoe het gaat."
        ),
        doelgroep=("Werkzoekenden van wie nog niet bekend is hoe ze werken en wat ze aankunnen"),
        doel="Zien hoe je werkt, hoe snel je werkt en wat je aankunt",
        instroomeis="Kan minimaal 4 uur per dag aanwezig zijn",
        omvang="2 weken, 4 dagen per week",
        kosten="1.450",
        werkwijze=(
            "Een begeleider kijkt met een vaste lijst hoe je werkt. Elke week een gesprek, aan "
            "het eind een rapport."
        ),
        beschikbaarheid="Start elke maandag",
        aanmelding="Via je werkcoach, mail naar instroom@uiterwaard.example",
        bijzonderheden="Werkschoenen worden verstrekt.",
        waardering_professionals=8.0,
        onderbouwing="goed beschreven",
        regiehouder=WERK,
    ),
    Instrument(
        soort="Beroepskeuzetest",
        instrumenttype=DIAGNOSE,
        uitvoerder="Loopbaanbureau Kompasroos",
        routes=(HC,),
        kenmerken=("4.2", "1.7", "5.1"),
        gemeente=(CULEMBORG,),
        adres="Culemborg, Weidsteeg 21",
        omschrijving=(
            "Je maakt een test over je interesses. Je ontdekt welke beroepen bij je passen. "
            "Je bespreekt de uitslag met een loopbaanadviseur."
        ),
        rol="Je vult de test thuis of op locatie in. Je bedenkt twee vragen voor het gesprek.",
        doelgroep="Werkzoekenden die willen weten welk beroep bij hen past, ook jongeren",
        doel="Beroepsvoorkeur en passende beroepsrichtingen in kaart",
        instroomeis="Een beetje Nederlands spreken en lezen. Er is ook een versie met plaatjes.",
        omvang="Test van 1 uur, 2 gesprekken van 1 uur",
        kosten="€ 395,00",
        werkwijze="Online interessetest, adviesgesprek, kort rapport met drie beroepsrichtingen.",
        beschikbaarheid="Doorlopend, binnen 2 weken",
        aanmelding="Via je werkcoach, mail naar info@kompasroos.example",
        bijzonderheden="n.v.t.",
        waardering_professionals=7.2,
        regiehouder=ONTWIKKELING,
        link="https://www.kompasroos.example/beroepskeuzetest",
    ),
    Instrument(
        soort="Werkfit-scan",
        instrumenttype=DIAGNOSE,
        uitvoerder="Werkzaak team Diagnose",
        routes=(HC,),
        kenmerken=("1.1", "1.4", "5.2", "3.3"),
        gemeente=ALLE,
        adres=f"{WERKZAAK_TIEL} (of een servicepunt in de eigen gemeente)",
        omschrijving=(
            "Je praat met een coach over werk en je leven. Samen kijken jullie wat goed gaat. "
            "En wat je nog nodig hebt voor werk."
        ),
        rol=(
            "Je vertelt over je situatie, je wensen en je zorgen. "
            "Je denkt mee over de volgende stap."
        ),
        doelgroep="Nieuwe werkzoekenden, en werkzoekenden bij wie het plan stilstaat",
        doel="Een breed beeld: wat je kunt, wat je wilt en wat je tegenhoudt",
        instroomeis="n.v.t.",
        omvang="2 gesprekken van 1 uur",
        kosten="gratis",
        werkwijze=(
            "Een gesprek met vaste vragen, naast het eerste onderzoek van je werkcoach. De "
            "uitkomst komt in je dossier."
        ),
        beschikbaarheid="Direct",
        aanmelding="Via de teamleider van team Diagnose",
        bijzonderheden="Vaak de eerste stap, vóór een training of coaching.",
        waardering_professionals=6.9,
        regiehouder=DIAGNOSETEAM,
    ),
    Instrument(
        soort="Leerbaarheidsonderzoek",
        instrumenttype=DIAGNOSE,
        uitvoerder="Bureau Helder Zicht",
        routes=(HC,),
        kenmerken=("3.1.1", "1.3.3", "1.7"),
        gemeente=(WEST_BETUWE,),
        adres="Geldermalsen, Lingehof 31",
        omschrijving=(
            "Je doet puzzels en opdrachten. Zo zien we hoe jij het beste leert. "
            "Je hoort welke opleiding of cursus past."
        ),
        rol=(
            "Je doet een ochtend opdrachten met taal, rekenen en puzzels. "
            "Daarna hoor je de uitslag in een gesprek."
        ),
        doelgroep=(
            "Werkzoekenden met weinig scholing of een vermoedelijk lichte verstandelijke beperking"
        ),
        doel="Leervermogen, werkgeheugen en niveau van taal en rekenen vaststellen",
        instroomeis="-",
        omvang="1 dagdeel testen, 1 uur nagesprek",
        kosten="€ 640,00",
        werkwijze="Een leertest zonder taal, een rekentoets en een adviesgesprek.",
        beschikbaarheid="Binnen 3 weken",
        aanmelding="Via je werkcoach, mail naar planning@helderzicht.example",
        bijzonderheden="Bij een vermoeden van LVB: bespreek de uitslag met de psycholoog.",
        waardering_professionals=7.8,
        regiehouder=DIAGNOSETEAM,
    ),
    # Training
    Instrument(
        soort="Training sollicitatievaardigheden",
        instrumenttype=TRAINING,
        uitvoerder="Werkzaak team Werk",
        routes=(WF,),
        kenmerken=("4.1", "4.3", "5.2"),
        gemeente=(TIEL, CULEMBORG, ZALTBOMMEL),
        adres=f"{WERKZAAK_TIEL}\n{WERKZAAK_CULEMBORG}\n{WERKZAAK_ZALTBOMMEL}",
        omschrijving=(
            "Je leert hoe je solliciteert. Je maakt een goed cv en een brief. "
            "Je oefent met een sollicitatiegesprek. Je krijgt tips van de trainer."
        ),
        rol=(
            "Je doet actief mee in de groep. Je oefent gesprekken met de trainer. "
            "Je solliciteert tijdens de training op echte vacatures."
        ),
        doelgroep="Werkzoekenden die snel aan het werk kunnen, met weinig sollicitatie-ervaring",
        doel="Zelfstandig kunnen solliciteren: cv, brief en gesprek",
        instroomeis="Een beetje Nederlands spreken",
        omvang="4 weken, 2 dagdelen per week",
        kosten=0,
        werkwijze=(
            "Groepstraining (maximaal 10 deelnemers), rollenspel met video-opname, huiswerk, "
            "persoonlijk cv."
        ),
        beschikbaarheid="Start elke maand",
        aanmelding="Via je werkcoach, aanmeldformulier team Werk",
        bijzonderheden="Eigen laptop meenemen als je die hebt.",
        waardering_professionals=7.7,
        waardering_werkzoekende=7.5,
        onderbouwing="effectief: goede aanwijzingen",
        regiehouder=WERK,
    ),
    Instrument(
        soort="Training sociale vaardigheden",
        instrumenttype=TRAINING,
        uitvoerder="Trainingsbureau Sterk in Gesprek",
        routes=(HC,),
        kenmerken=("1.1", "3.1.3"),
        gemeente=(CULEMBORG,),
        adres="Culemborg, Havendijk 9",
        omschrijving=(
            "Je leert beter contact maken met andere mensen. Je oefent met praten, luisteren "
            "en nee zeggen. Dat helpt je op je werk."
        ),
        rol=(
            "Je oefent in kleine groepjes. Je probeert thuis uit wat je geleerd hebt. "
            "Je vertelt de volgende keer hoe het ging."
        ),
        doelgroep="Werkzoekenden die moeite hebben met contact, samenwerken of communiceren",
        doel="Sterkere sociale en communicatieve vaardigheden voor werk",
        instroomeis="Kan in een groep meedoen; spreekt een beetje Nederlands",
        omvang="10 bijeenkomsten van 2,5 uur",
        kosten="€1.150,-",
        werkwijze=(
            "Groepstraining met rollenspel, feedback en huiswerkopdrachten, volgens de "
            "methode sociale vaardigheidstraining (SoVa)."
        ),
        beschikbaarheid="3 keer per jaar, volgende start 12 januari",
        aanmelding="Via je werkcoach, mail naar aanmelden@sterkingesprek.example",
        bijzonderheden="Eerst een kennismakingsgesprek.",
        waardering_professionals=7.5,
        onderbouwing="goed onderbouwd",
        regiehouder=COORDINATOR,
        link="https://www.sterkingesprek.example/sova",
    ),
    Instrument(
        soort="Training omgaan met stress",
        instrumenttype=TRAINING,
        uitvoerder="Mindfit Training & Coaching",
        routes=(HC,),
        kenmerken=("3.1.2", "3.4", "1.5"),
        gemeente=(TIEL, ZALTBOMMEL),
        adres=f"Tiel, Kersenhof 3\n{WERKZAAK_ZALTBOMMEL} (zaal 2)",
        omschrijving=(
            "Je leert wat stress met je doet. Je leert oefeningen om rustig te worden. "
            "Je maakt een plan voor drukke dagen."
        ),
        rol="Je doet oefeningen in de groep en thuis. Je houdt een kort stressdagboek bij.",
        doelgroep="Werkzoekenden met spanningsklachten, piekeren of slecht slapen",
        doel="Beter omgaan met stress en spanning",
        instroomeis="Geen acute psychische crisis",
        omvang="8 weken, 1 dagdeel per week",
        kosten=780,
        werkwijze=(
            "Uitleg over stress, ontspannings- en ademhalingsoefeningen en een persoonlijk "
            "stressplan."
        ),
        beschikbaarheid="Start in februari, mei en september",
        aanmelding="Via je werkcoach, mail naar info@mindfit.example",
        bijzonderheden="Bij ernstige klachten eerst naar de huisarts.",
        waardering_professionals=7.3,
        regiehouder=PARTICIPATIE,
        link="https://www.mindfit.example/stress",
    ),
    Instrument(
        soort="Training omgaan met emoties",
        instrumenttype=TRAINING,
        uitvoerder="Mindfit Training & Coaching",
        routes=(HC,),
        kenmerken=("1.5", "3.1.3", "1.4"),
        gemeente=(TIEL,),
        adres="Tiel, Kersenhof 3",
        omschrijving=(
            "Je leert je gevoelens herkennen. Je leert wat je kunt doen als je boos wordt. "
            "Zo voorkom je ruzie op je werk."
        ),
        rol="Je oefent met lastige situaties. Je bespreekt in de groep wat je hebt geleerd.",
        doelgroep="Werkzoekenden die snel boos of overstuur raken, ook op het werk",
        doel="Emoties herkennen en gedrag beter sturen",
        instroomeis="Ziet zelf dat er een probleem is en wil eraan werken",
        omvang="6 bijeenkomsten van 2 uur, 1 terugkombijeenkomst",
        kosten="€ 690,00",
        werkwijze=(
            "Groepstraining: je leert je gedachten en gedrag te veranderen (G-schema). Met "
            "rollenspel en huiswerk."
        ),
        beschikbaarheid="Start 2 keer per jaar",
        aanmelding="Via je werkcoach, mail naar info@mindfit.example",
        bijzonderheden="Ook alleen met een trainer mogelijk. Vraag het je coach.",
        waardering_professionals=7.0,
        onderbouwing="effectief: eerste aanwijzingen",
        regiehouder=PARTICIPATIE,
    ),
    Instrument(
        soort="Training weerbaarheid",
        instrumenttype=TRAINING,
        uitvoerder="Empowermentpraktijk Rechtop",
        routes=(HC,),
        kenmerken=("5.2", "3.1.3", "3.1.2"),
        gemeente=(NEDER_BETUWE, BUREN),
        adres="Kesteren, Bloesemweg 4\nLienden, Kersenbongerd 8",
        omschrijving=(
            "Je leert voor jezelf opkomen. Je oefent met grenzen aangeven. "
            "Je voelt je sterker in contact met anderen."
        ),
        rol=(
            "Je doet mee aan oefeningen met lichaamstaal en stem. "
            "Je oefent situaties uit je eigen leven."
        ),
        doelgroep="Werkzoekenden die onzeker zijn of over hun grenzen laten gaan",
        doel="Meer weerbaarheid en zelfvertrouwen",
        instroomeis="-",
        omvang="8 bijeenkomsten van 2 uur",
        kosten="850",
        werkwijze=(
            "Groepstraining met oefeningen voor je lichaam, rollenspel en terugkijken. Aparte "
            "groep voor vrouwen mogelijk."
        ),
        beschikbaarheid="Start bij 6 aanmeldingen",
        aanmelding="Via je werkcoach, mail naar welkom@rechtop.example",
        bijzonderheden="Kinderopvang tijdens de training kan worden geregeld.",
        waardering_professionals=7.4,
        regiehouder=COORDINATOR,
        link="https://www.rechtop.example",
    ),
    Instrument(
        soort="Training werknemersvaardigheden",
        instrumenttype=TRAINING,
        uitvoerder="Werkzaak team Ontwikkeling",
        routes=(HC,),
        kenmerken=("1.1", "1.4"),
        gemeente=(TIEL, CULEMBORG),
        adres=f"{WERKZAAK_TIEL}\n{WERKZAAK_CULEMBORG}",
        omschrijving=(
            "Je leert wat een werkgever van je verwacht. Denk aan op tijd komen en afspraken "
            "nakomen. Je oefent dit in de praktijk."
        ),
        rol=(
            "Je komt elke week op tijd. Je werkt samen met anderen aan opdrachten. "
            "Je zegt het als je iets niet begrijpt."
        ),
        doelgroep="Werkzoekenden met weinig of lang geleden werkervaring",
        doel="Werknemersvaardigheden: werkritme, samenwerken, afspraken nakomen",
        instroomeis="n.v.t.",
        omvang="8 weken, 2 dagdelen per week",
        kosten="0",
        werkwijze=(
            "Groepstraining in de praktijk met werkopdrachten, en feedback op hoe je werkt."
        ),
        beschikbaarheid="Start elke 6 weken",
        aanmelding="Je werkcoach meldt je aan bij team Ontwikkeling",
        bijzonderheden="-",
        waardering_professionals=7.6,
        onderbouwing="goed beschreven",
        regiehouder=ONTWIKKELING,
    ),
    Instrument(
        soort="Training solliciteren met sociale media",
        instrumenttype=TRAINING,
        uitvoerder="Werkzaak team Werk",
        routes=(WF,),
        kenmerken=("4.1", "2.2", "1.3.4"),
        gemeente=(TIEL,),
        adres=WERKZAAK_TIEL,
        omschrijving=(
            "Je leert vacatures zoeken op internet. Je maakt een profiel op LinkedIn. "
            "Je laat je netwerk weten dat je werk zoekt."
        ),
        rol=(
            "Je neemt je telefoon of laptop mee. Je maakt je eigen profiel af. "
            "Je stuurt minstens drie berichten aan mensen die je kent."
        ),
        doelgroep="Werkzoekenden die klaar zijn voor werk en online willen zoeken",
        doel="Online zoeken, profiel en netwerk inzetten voor werk",
        instroomeis="Basis digitale vaardigheden, eigen e-mailadres",
        omvang="3 bijeenkomsten van 3 uur",
        kosten="gratis",
        werkwijze=(
            "Workshop in computerlokaal, hulp bij het eigen profiel, opdrachten tussen de "
            "bijeenkomsten."
        ),
        beschikbaarheid="Start elke maand",
        aanmelding="Via je werkcoach, aanmeldformulier team Werk",
        bijzonderheden="Vervangt sinds 2025 de Workshop LinkedIn van Digicafé De Schakel.",
        waardering_professionals="7,8",
        regiehouder=WERK,
    ),
    Instrument(
        soort="Training grip op je leven",
        instrumenttype=TRAINING,
        uitvoerder="Stap Verder Coaching",
        routes=(HC,),
        kenmerken=("1.4", "3.1.6", "3.1.2"),
        gemeente=(TIEL, WEST_BETUWE),
        adres="Tiel, Pluktuin 18\nGeldermalsen, Perenhof 14",
        omschrijving=(
            "Je leert doelen stellen en plannen maken. Je brengt rust en regelmaat in je week. "
            "Zo houd je meer energie over."
        ),
        rol="Je maakt elke week een planning. Je kijkt samen met de groep wat lukte en wat niet.",
        doelgroep="Werkzoekenden die overzicht en structuur missen",
        doel="Jezelf sturen: doelen stellen, plannen, kiezen wat eerst moet en terugkijken",
        instroomeis="-",
        omvang="10 weken, 1 dagdeel per week",
        kosten=720,
        werkwijze="Groepstraining met weekplanning, doelenkaart en terugblik per week.",
        beschikbaarheid="Start in januari en september",
        aanmelding="Via je werkcoach, mail naar aanmelden@stapverder.example",
        bijzonderheden="Past goed vóór een plek waar je werkervaring opdoet.",
        waardering_professionals=7.1,
        regiehouder=PARTICIPATIE,
    ),
    Instrument(
        soort="Training zelfvertrouwen",
        instrumenttype=TRAINING,
        uitvoerder="Stap Verder Coaching",
        routes=(HC,),
        kenmerken=("5.2", "5.1", "1.7"),
        gemeente=(TIEL,),
        adres="Tiel, Pluktuin 18",
        omschrijving=(
            "Je ontdekt wat je goed kunt. Je leert anders kijken naar tegenslag. "
            "Zo krijg je meer vertrouwen dat werk lukt."
        ),
        rol=(
            "Je maakt een lijst van je sterke kanten. "
            "Je zet elke week een kleine stap en vertelt hoe het ging."
        ),
        doelgroep="Werkzoekenden die weinig geloof hebben in eigen kunnen",
        doel="Geloof in eigen kunnen en motivatie om werk te zoeken vergroten",
        instroomeis="n.v.t.",
        omvang="6 bijeenkomsten van 2,5 uur",
        kosten="€ 540,00",
        werkwijze="Groepstraining met oefeningen uit de positieve psychologie en feedback.",
        beschikbaarheid="Start bij 8 aanmeldingen",
        aanmelding="Via je werkcoach, mail naar aanmelden@stapverder.example",
        bijzonderheden="-",
        waardering_professionals=7.5,
        onderbouwing="goed beschreven",
        regiehouder=PARTICIPATIE,
        link="https://www.stapverder.example/zelfvertrouwen",
    ),
    Instrument(
        soort="Workshop persoonlijke presentatie",
        instrumenttype=TRAINING,
        uitvoerder="Werkzaak team Werk",
        routes=(WF,),
        kenmerken=("4.3", "4.1"),
        gemeente=(TIEL,),
        adres=WERKZAAK_TIEL,
        omschrijving=(
            "Je leert hoe je overkomt op een werkgever. Het gaat over kleding, verzorging en "
            "houding. Je krijgt eerlijke tips."
        ),
        rol=(
            "Je komt naar de workshop zoals je naar een gesprek zou gaan. "
            "Je probeert de tips meteen uit."
        ),
        doelgroep="Werkzoekenden die binnenkort op gesprek gaan",
        doel="Verzorgd en passend voor de dag komen bij werkgevers",
        instroomeis="-",
        omvang="1 dagdeel",
        kosten=0,
        werkwijze="Workshop met stylist, korte oefengesprekken, kledingbank aanwezig.",
        beschikbaarheid="Elke maand, op de tweede donderdag",
        aanmelding="Via je werkcoach, aanmeldformulier team Werk",
        bijzonderheden="Gratis kleding via de kledingbank bij de workshop.",
        waardering_professionals=6.8,
        regiehouder=WERK,
    ),
    Instrument(
        soort="Training netwerken",
        instrumenttype=TRAINING,
        uitvoerder="Werkzaak team Werk",
        routes=(WF, HC),
        kenmerken=("2.2", "4.1", "5.3"),
        gemeente=(CULEMBORG, ZALTBOMMEL),
        adres=f"{WERKZAAK_CULEMBORG}\n{WERKZAAK_ZALTBOMMEL}",
        omschrijving=(
            "Je ontdekt wie je allemaal kent. Je leert hoe die mensen je aan werk kunnen "
            "helpen. Je oefent een kort praatje over jezelf."
        ),
        rol="Je maakt een tekening van je netwerk. Je vraagt drie mensen om tips voor werk.",
        doelgroep="Werkzoekenden met een klein of weinig gebruikt netwerk",
        doel="Eigen netwerk in kaart brengen en inzetten bij het zoeken naar werk",
        instroomeis="Een beetje Nederlands spreken",
        omvang="4 bijeenkomsten van 2 uur",
        kosten="0",
        werkwijze="Groepstraining: netwerkkaart, korte pitch, opdrachten in de eigen omgeving.",
        beschikbaarheid="Start elke 2 maanden",
        aanmelding="Via je werkcoach, aanmeldformulier team Werk",
        bijzonderheden="Goed te combineren met de Training sollicitatievaardigheden.",
        waardering_professionals=None,
        regiehouder=WERK,
    ),
    # Cursus
    Instrument(
        soort="Cursus Nederlands lezen en schrijven",
        instrumenttype=CURSUS,
        uitvoerder="Taalatelier De Waalkant",
        routes=(HC,),
        kenmerken=("1.3.1",),
        gemeente=(TIEL, WEST_MAAS_EN_WAAL),
        adres="Tiel, Appelgaardlaan 22\nBeneden-Leeuwen, Dorpshuisplein 2",
        omschrijving=(
            "Je leert beter lezen en schrijven in het Nederlands. Je oefent met brieven, "
            "formulieren en berichten. Je werkt in een kleine groep."
        ),
        rol="Je komt twee keer per week naar de les. Je oefent thuis een half uur per dag.",
        doelgroep="Laaggeletterde werkzoekenden met Nederlands als moedertaal",
        doel="Lezen en schrijven naar een hoger niveau (1F of 2F)",
        instroomeis="Spreekt en verstaat Nederlands",
        omvang="20 weken, 2 dagdelen per week",
        kosten="€ 950,00",
        werkwijze=(
            "Les in kleine groepen met teksten uit de praktijk (brieven, formulieren, "
            "werkinstructies). Toets aan begin en eind."
        ),
        beschikbaarheid="Start in september en februari",
        aanmelding="Via je werkcoach, mail naar aanmelden@waalkant.example",
        bijzonderheden="Aanmelden kan discreet, zonder kennismaking in de groep.",
        waardering_professionals=7.9,
        onderbouwing="effectief: eerste aanwijzingen",
        regiehouder=COORDINATOR,
        link="https://www.waalkant.example/lezen-en-schrijven",
    ),
    Instrument(
        soort="Cursus NT2",
        instrumenttype=CURSUS,
        uitvoerder="Taalatelier De Waalkant",
        routes=(HC,),
        kenmerken=("1.3.2", "1.3.1"),
        gemeente=(TIEL, CULEMBORG),
        adres="Tiel, Appelgaardlaan 22\nCulemborg, Zandpoortplein 6",
        omschrijving=(
            "Je leert Nederlands als je een andere moedertaal hebt. Je oefent vooral praten "
            "en luisteren. Je leert woorden die je nodig hebt op je werk."
        ),
        rol=(
            "Je komt drie keer per week naar de les. "
            "Je praat zoveel mogelijk Nederlands, ook buiten de les."
        ),
        doelgroep="Anderstalige werkzoekenden die niet (meer) hoeven in te burgeren",
        doel="Beter Nederlands verstaan en spreken (niveau A2 of B1)",
        instroomeis="Taaltoets gedaan",
        omvang="6 maanden, 3 dagdelen per week",
        kosten=1850,
        werkwijze="Les in niveaugroepen, werkgerichte woordenschat, oefenen in praktijksituaties.",
        beschikbaarheid="Start elke maand",
        aanmelding="Via je werkcoach, mail naar aanmelden@waalkant.example",
        bijzonderheden="Eerst de Taaltoets, Taalatelier De Waalkant.",
        waardering_professionals=8.2,
        onderbouwing="goed beschreven",
        regiehouder=COORDINATOR,
    ),
    Instrument(
        soort="Cursus rekenen",
        instrumenttype=CURSUS,
        uitvoerder="Rekenwijs Volwassenenonderwijs",
        routes=(HC,),
        kenmerken=("1.3.3",),
        gemeente=(ZALTBOMMEL, MAASDRIEL),
        adres="Zaltbommel, Waalkwartier 11\nKerkdriel, Kasteelhoeve 12",
        omschrijving=(
            "Je oefent met rekenen voor elke dag. Denk aan geld, tijd, maten en gewichten. "
            "Je leert in je eigen tempo."
        ),
        rol=(
            "Je werkt met oefenboekjes en op de computer. "
            "Je vraagt hulp aan de docent als je vastloopt."
        ),
        doelgroep="Werkzoekenden met een laag rekenniveau",
        doel="Beter rekenen voor werk en het dagelijks leven (niveau 1F)",
        instroomeis="-",
        omvang="12 weken, 1 dagdeel per week",
        kosten="€ 480,00",
        werkwijze=(
            "Eigen leerroute in een kleine groep, digitale oefenomgeving, toets aan begin en eind."
        ),
        beschikbaarheid="Je kunt altijd beginnen",
        aanmelding="Via je werkcoach, mail naar cursus@rekenwijs.example",
        bijzonderheden="Rekenen met geld sluit aan op budgetcoaching.",
        waardering_professionals=7.0,
        regiehouder=COORDINATOR,
    ),
    Instrument(
        soort="Cursus digitale vaardigheden",
        instrumenttype=CURSUS,
        uitvoerder="Digicafé De Schakel",
        routes=(HC,),
        kenmerken=("1.3.4", "3.1.4"),
        gemeente=(TIEL, NEDER_BETUWE, BUREN),
        adres="Tiel, Schakelplein 1\nOpheusden, Boomgaardlaan 5\nMaurik, Molenhof 7",
        omschrijving=(
            "Je leert werken met een computer en je telefoon. Je leert mailen en formulieren "
            "invullen. Je leert ook inloggen met DigiD."
        ),
        rol="Je oefent met je eigen telefoon of een laptop van ons. Je oefent thuis verder.",
        doelgroep="Werkzoekenden met weinig of geen digitale vaardigheden",
        doel="Zelfstandig mailen, online formulieren invullen en DigiD gebruiken",
        instroomeis="n.v.t.",
        omvang="8 bijeenkomsten van 2 uur",
        kosten=137.5,
        werkwijze="Kleine groepen met vrijwillige docenten, oefenen op het eigen apparaat.",
        beschikbaarheid="Start elke maand",
        aanmelding=("Zelf binnenlopen of via je werkcoach, mail naar digicafe@deschakel.example"),
        bijzonderheden="Leenlaptop mogelijk tijdens de cursus.",
        waardering_professionals=7.6,
        onderbouwing="goed beschreven",
        regiehouder=PARTICIPATIE,
    ),
    Instrument(
        soort="Cursus VCA",
        instrumenttype=CURSUS,
        uitvoerder="Opleidingscentrum Veilig Vooruit",
        routes=(HC, WF),
        kenmerken=("1.2",),
        gemeente=(TIEL,),
        adres="Tiel, Transportweg 6",
        omschrijving=(
            "Je leert veilig werken op een bouwplaats of in een fabriek. "
            "Aan het eind doe je een examen. "
            "Met het diploma kun je vaak sneller aan de slag."
        ),
        rol=(
            "Je volgt twee lesdagen en leert thuis uit het boek. Je doet het examen op de computer."
        ),
        doelgroep="Werkzoekenden die willen werken in bouw, techniek, logistiek of industrie",
        doel="Diploma Basisveiligheid VCA: je weet hoe je veilig werkt",
        instroomeis="Een beetje Nederlands spreken; het examen kan ook in een andere taal",
        omvang="2 dagen les, examen op dag 3",
        kosten="€ 325,00",
        werkwijze="Les in een klas, oefenexamens en een examen op de computer.",
        beschikbaarheid="Elke 2 weken",
        aanmelding="Via je werkcoach, mail naar planning@veiligvooruit.example",
        bijzonderheden="Herexamen kost € 95,-.",
        waardering_professionals=8.3,
        regiehouder=WGD,
        link="https://www.veiligvooruit.example/vca",
    ),
    Instrument(
        soort="Cursus heftruckchauffeur",
        instrumenttype=CURSUS,
        uitvoerder="Opleidingscentrum Veilig Vooruit",
        routes=(HC, WF),
        kenmerken=("1.2", "1.6"),
        gemeente=(TIEL,),
        adres="Tiel, Transportweg 6",
        omschrijving=(
            "Je leert veilig rijden op een heftruck. Je oefent in een echte loods. "
            "Je krijgt een certificaat als je slaagt."
        ),
        rol="Je leert de theorie en rijdt veel zelf. Je doet aan het eind een praktijkexamen.",
        doelgroep="Werkzoekenden met interesse in logistiek",
        doel="Certificaat heftruckchauffeur",
        instroomeis="Minimaal 18 jaar. Een diploma VCA (veilig werken) is fijn als je het hebt.",
        omvang="3 dagen",
        kosten="€645,-",
        werkwijze="Theorie en praktijk in de loods, praktijkexamen.",
        beschikbaarheid="Elke maand",
        aanmelding="Via je werkcoach, mail naar planning@veiligvooruit.example",
        bijzonderheden="Vaak samen met de Cursus VCA (veilig werken).",
        waardering_professionals=8.1,
        regiehouder=WGD,
    ),
    Instrument(
        soort="Cursus omgaan met geld",
        instrumenttype=CURSUS,
        uitvoerder="Stichting Geldzaken op Orde",
        routes=(LF,),
        kenmerken=("3.1.4", "3.3", "1.3.3"),
        gemeente=ALLE,
        adres="Tiel, Weidewal 3 (en in wijkcentra in elke gemeente)",
        omschrijving=(
            "Je leert je geld goed te verdelen. Je maakt een overzicht van wat je krijgt en "
            "uitgeeft. Zo voorkom je nieuwe schulden."
        ),
        rol="Je neemt je post en bankafschriften mee. Je maakt thuis een weekbudget.",
        doelgroep="Werkzoekenden met geldzorgen of risico op schulden",
        doel="Overzicht over je geld, en leren een plan voor je geld te maken",
        instroomeis="-",
        omvang="5 bijeenkomsten van 2 uur",
        kosten="gratis",
        werkwijze=(
            "Groepscursus met praktische opdrachten, gegeven door vrijwilligers met ervaring "
            "in budgetbeheer."
        ),
        beschikbaarheid="Start 4 keer per jaar",
        aanmelding="Via je werkcoach of zelf, mail naar cursus@geldzakenoporde.example",
        bijzonderheden=("Bij grote schulden: verwijzen naar de hulp bij schulden van de gemeente."),
        waardering_professionals=7.2,
        regiehouder=PARTICIPATIE,
    ),
    Instrument(
        soort="Cursus Nederlands op de werkvloer",
        instrumenttype=CURSUS,
        uitvoerder="Leerwerkbedrijf De Uiterwaard",
        routes=(HC,),
        kenmerken=("1.3.2", "1.1"),
        gemeente=(TIEL,),
        adres="Tiel, Uiterwaardweg 12",
        omschrijving=(
            "Je leert Nederlands terwijl je werkt. Je leert de woorden die je op je werk "
            "nodig hebt. Je oefent met collega's en je leidinggevende."
        ),
        rol="Je werkt mee in het leerwerkbedrijf. Je volgt elke week een taalles op de werkvloer.",
        doelgroep="Anderstalige werkzoekenden die willen werken en tegelijk Nederlands leren",
        doel="Nederlands voor het werk (van A1 naar A2) en werkervaring",
        instroomeis="Taaltoets gedaan",
        omvang="3 maanden, 3 dagen per week",
        kosten=2150,
        werkwijze=(
            "Werken in het leerwerkbedrijf met een taalcoach op de werkvloer en wekelijks een les."
        ),
        beschikbaarheid="Start elke maand",
        aanmelding="Via je werkcoach, mail naar instroom@uiterwaard.example",
        bijzonderheden="-",
        waardering_professionals=7.7,
        onderbouwing="goed beschreven",
        regiehouder=WERK,
    ),
    Instrument(
        soort="Cursus schoonmaak",
        instrumenttype=CURSUS,
        uitvoerder="Schoonmaakacademie Glans",
        routes=(HC,),
        kenmerken=("1.2", "1.6"),
        gemeente=(ZALTBOMMEL,),
        adres="Zaltbommel, Poortweg 40",
        omschrijving=(
            "Je leert het vak van schoonmaker. Je oefent met machines en middelen. "
            "Je haalt een erkend vakdiploma."
        ),
        rol=(
            "Je volgt lessen en werkt mee in de praktijk. Je doet aan het eind een praktijkexamen."
        ),
        doelgroep="Werkzoekenden met interesse in schoonmaakwerk",
        doel="Vakdiploma Schoonmaak",
        instroomeis="Kan staand en lopend werken",
        omvang="6 weken, 3 dagdelen per week",
        kosten="1.350",
        werkwijze="Theorie en praktijk in een oefenruimte en bij opdrachtgevers.",
        beschikbaarheid="Start elk kwartaal",
        aanmelding="Via je werkcoach, mail naar academie@glans.example",
        bijzonderheden="Na het diploma vaak direct plaatsing bij een schoonmaakbedrijf.",
        waardering_professionals=7.4,
        regiehouder=WGD,
    ),
    Instrument(
        soort="Cursus theorie rijbewijs B",
        instrumenttype=CURSUS,
        uitvoerder="Rijschool Vooruit Tiel",
        routes=(HC,),
        kenmerken=("3.3", "1.3.1"),
        gemeente=(TIEL,),
        adres="Tiel, Fruitbaan 31",
        omschrijving=(
            "Je leert de verkeersregels voor de auto. Je oefent met de vragen van het examen. "
            "Met een rijbewijs kun je meer banen bereiken."
        ),
        rol="Je volgt de lessen en oefent thuis met de app. Je doet zelf het examen bij het CBR.",
        doelgroep="Werkzoekenden voor wie vervoer een probleem is om te werken",
        doel="Theorie-examen rijbewijs B halen",
        instroomeis=(
            "Een beetje Nederlands spreken. Je werkcoach heeft gezien dat vervoer een probleem is."
        ),
        omvang="4 lessen van 3 uur",
        kosten=299,
        werkwijze="Theorieles in een klas, oefenexamens en oefenen op internet.",
        beschikbaarheid="Start elke maand",
        aanmelding="Via je werkcoach, mail naar theorie@rijschoolvooruit.example",
        bijzonderheden="Praktijklessen vallen hier niet onder.",
        waardering_professionals=None,
        regiehouder=COORDINATOR,
    ),
    # Coaching
    Instrument(
        soort="Jobcoaching",
        instrumenttype=COACHING,
        uitvoerder="Jobcoachbureau Vakwerk",
        routes=(WF, HC),
        kenmerken=("1.1", "1.6", "2.1"),
        gemeente=ALLE,
        adres="Culemborg, Zandpoortplein 8 (begeleiding op de werkplek)",
        omschrijving=(
            "Een jobcoach helpt je als je net aan het werk bent. De coach komt langs op je "
            "werk. Samen zorgen jullie dat je je baan houdt."
        ),
        rol=(
            "Je vertelt de coach eerlijk hoe het gaat. Je oefent wat lastig is. "
            "Je houdt je aan de afspraken."
        ),
        doelgroep=("Mensen met een beperking of weinig werkervaring, die net aan het werk zijn"),
        doel="Behoud van werk: inwerken, aanpassingen op het werk, steun aan leidinggevende",
        instroomeis="Heeft een baan, of werkt op proef bij een werkgever",
        omvang="6 tot 12 maanden, afbouwend van wekelijks naar maandelijks",
        kosten="€ 2.400,00",
        werkwijze="Begeleiding op de werkplek, gesprekken met de werkgever, werkplan met doelen.",
        beschikbaarheid="Binnen 2 weken",
        aanmelding="Via je werkcoach, mail naar aanmelden@vakwerkjobcoach.example",
        bijzonderheden="Werkgever moet instemmen met begeleiding op de werkvloer.",
        waardering_professionals=8.2,
        waardering_werkzoekende=8.0,
        onderbouwing="effectief: goede aanwijzingen",
        regiehouder=WGD,
        link="https://www.vakwerkjobcoach.example",
    ),
    Instrument(
        soort="Coaching",
        instrumenttype=COACHING,
        uitvoerder="Stap Verder Coaching",
        routes=(HC,),
        kenmerken=("5.1", "5.2", "1.4"),
        gemeente=(TIEL, WEST_BETUWE, BUREN),
        adres="Tiel, Pluktuin 18\nGeldermalsen, Perenhof 14",
        omschrijving=(
            "Je werkt met een vaste coach aan je doelen. Je praat over wat je wilt en wat je "
            "tegenhoudt. Stap voor stap kom je verder."
        ),
        rol="Je kiest zelf je doelen. Je doet tussen de gesprekken kleine opdrachten.",
        doelgroep="Werkzoekenden die vastlopen door weinig motivatie of onzekerheid",
        doel="Meer zin in werk, meer vertrouwen in jezelf, beter plannen en volhouden",
        instroomeis="n.v.t.",
        omvang="10 gesprekken van 1 uur, in 4 maanden",
        kosten="€ 1.250,00",
        werkwijze=(
            "Gesprekken met een coach. De coach helpt je zelf te kiezen en kijkt naar wat wel lukt."
        ),
        beschikbaarheid="Start binnen 2 weken",
        aanmelding="Via je werkcoach, mail naar aanmelden@stapverder.example",
        bijzonderheden="Gesprek kan ook thuis of tijdens een wandeling.",
        waardering_professionals=7.8,
        waardering_werkzoekende=7.9,
        onderbouwing="goed onderbouwd",
        regiehouder=COORDINATOR,
        link="https://www.stapverder.example/coaching",
    ),
    Instrument(
        soort="Budgetcoaching",
        instrumenttype=COACHING,
        uitvoerder="Stichting Geldzaken op Orde",
        routes=(LF,),
        kenmerken=("3.3", "3.1.4", "1.4"),
        gemeente=ALLE,
        adres="Tiel, Weidewal 3 (coaching bij je thuis)",
        omschrijving=(
            "Een budgetcoach helpt je met je geldzaken. Samen zorgen jullie voor overzicht in "
            "je post. Je leert zelf je geld te regelen."
        ),
        rol=(
            "Je laat de coach al je post en rekeningen zien. Je betaalt je vaste lasten op "
            "tijd. Je houdt je aan het budgetplan."
        ),
        doelgroep="Werkzoekenden met schulden of grote geldzorgen",
        doel="Rust over geld, en zelf je geldzaken regelen; zo nodig hulp bij schulden",
        instroomeis="Wil open zijn over geld en schulden",
        omvang="Maximaal 6 maanden, 1 keer per 2 weken",
        kosten="gratis",
        werkwijze=(
            "Huisbezoeken door een getrainde budgetcoach, administratie ordenen, budgetplan, "
            "zo nodig doorverwijzing."
        ),
        beschikbaarheid="Wachtlijst ongeveer 4 weken",
        aanmelding="Via je werkcoach, mail naar coach@geldzakenoporde.example",
        bijzonderheden=(
            "Route naar schuldhulp: bij problematische schulden volgt aanmelding bij de gemeente."
        ),
        waardering_professionals=7.9,
        waardering_werkzoekende=8.4,
        onderbouwing="goed beschreven",
        regiehouder=PARTICIPATIE,
    ),
    Instrument(
        soort="Leefstijlcoaching",
        instrumenttype=COACHING,
        uitvoerder="Leefstijlpraktijk Vitaal Verder",
        routes=(LF, HC),
        kenmerken=("3.4", "3.2.1", "3.1.6"),
        gemeente=(TIEL, NEDER_BETUWE),
        adres="Tiel, Gezondheidsplein 4\nDodewaard, Kersenlaan 12",
        omschrijving=(
            "Je werkt aan een gezonder leven. Denk aan bewegen, eten, slapen en minder roken. "
            "Je kiest zelf waar je mee begint."
        ),
        rol=(
            "Je kiest één doel voor een gezonder leven. Je houdt bij hoe het gaat. "
            "Je komt elke twee weken bij de coach."
        ),
        doelgroep="Werkzoekenden met een ongezonde leefstijl, overgewicht of weinig energie",
        doel="Gezonder leven, meer energie en meer aankunnen",
        instroomeis="Geen behandeling voor verslaving nodig",
        omvang="6 maanden, 1 keer per 2 weken een uur",
        kosten="€ 875,00",
        werkwijze="Individuele coaching door een leefstijlcoach, eventueel met groepsbeweegles.",
        beschikbaarheid="Doorlopend",
        aanmelding="Via je werkcoach, mail naar info@vitaalverder.example",
        bijzonderheden="Bij verslaving eerst verwijzen naar de verslavingszorg.",
        waardering_professionals=7.3,
        regiehouder=PARTICIPATIE,
        link="https://www.vitaalverder.example",
    ),
    Instrument(
        soort="Coaching empowerment",
        instrumenttype=COACHING,
        uitvoerder="Empowermentpraktijk Rechtop",
        routes=(HC,),
        kenmerken=("5.2", "5.3", "1.7"),
        gemeente=(NEDER_BETUWE, BUREN, TIEL),
        adres="Kesteren, Bloesemweg 4\nLienden, Kersenbongerd 8",
        omschrijving=(
            "Je ontdekt je eigen kracht. Je merkt dat jij zelf keuzes mag maken. "
            "Je praat ook over wat mensen om je heen van werk vinden."
        ),
        rol="Je vertelt je eigen verhaal. Je kiest zelf een doel en zet daar stappen voor.",
        doelgroep=(
            "Werkzoekenden, vaak vrouwen, die lang thuis zijn geweest of weinig zelf beslissen"
        ),
        doel="Meer zelf beslissen, meer vertrouwen in jezelf en een eigen kijk op werk",
        instroomeis="-",
        omvang="8 gesprekken van 1 uur",
        kosten=960,
        werkwijze=(
            "Gesprekken met een coach, die je helpt sterker te worden. Soms een avond met een "
            "groep."
        ),
        beschikbaarheid="Binnen 3 weken",
        aanmelding="Via je werkcoach, mail naar welkom@rechtop.example",
        bijzonderheden="Coach spreekt ook Turks en Arabisch.",
        waardering_professionals=7.6,
        onderbouwing="goed beschreven",
        regiehouder=COORDINATOR,
    ),
    Instrument(
        soort="Coaching naar werk",
        instrumenttype=COACHING,
        uitvoerder="Werkzaak team Werk",
        routes=(WF,),
        kenmerken=("4.1", "5.1", "4.2"),
        gemeente=ALLE,
        adres=WERKZAAK_TIEL,
        omschrijving=(
            "Je werkcoach helpt je heel gericht naar een baan. Jullie zoeken samen vacatures. "
            "Je krijgt hulp bij elke sollicitatie."
        ),
        rol="Je solliciteert elke week. Je bespreekt elke week met je coach wat je gedaan hebt.",
        doelgroep="Werkzoekenden die direct kunnen werken",
        doel="Binnen 3 maanden betaald werk",
        instroomeis="Kan minimaal 20 uur per week werken",
        omvang="3 maanden, wekelijks contact",
        kosten=0,
        werkwijze=(
            "Intensieve individuele begeleiding, vacatures zoeken en koppelen, voorbereiding "
            "op gesprekken."
        ),
        beschikbaarheid="Direct",
        aanmelding="Via de teamleider van team Werk",
        bijzonderheden="n.v.t.",
        waardering_professionals=7.5,
        waardering_werkzoekende=7.2,
        regiehouder=WERK,
    ),
    Instrument(
        soort="Maatjescoaching",
        instrumenttype=COACHING,
        uitvoerder="Maatjesproject Samen Verder",
        routes=(LF, HC),
        kenmerken=("2.1", "2.2", "3.1.3"),
        gemeente=ALLE,
        adres="Culemborg, Lekdijkhof 11",
        omschrijving=(
            "Je krijgt een maatje. Dat is een vrijwilliger die tijd voor je maakt. "
            "Samen doen jullie leuke en nuttige dingen."
        ),
        rol="Je spreekt elke week af met je maatje. Je bepaalt samen wat jullie gaan doen.",
        doelgroep="Werkzoekenden die eenzaam zijn of weinig steun hebben",
        doel="Meer sociale steun en een groter netwerk",
        instroomeis="Staat open voor contact met een vrijwilliger",
        omvang="1 jaar, 1 keer per week",
        kosten="0",
        werkwijze=(
            "Je krijgt een getrainde vrijwilliger als maatje. Een beroepskracht begeleidt jullie."
            " Na 3 maanden kijken jullie hoe het gaat."
        ),
        beschikbaarheid="Koppeling binnen 6 weken",
        aanmelding="Via je werkcoach, mail naar koppeling@samenverder.example",
        bijzonderheden="Let op: wachtlijst in Zaltbommel.",
        waardering_professionals=7.7,
        onderbouwing="goed beschreven",
        regiehouder=PARTICIPATIE,
        link="https://www.samenverder.example",
    ),
    Instrument(
        soort="Coaching gezin en werk",
        instrumenttype=COACHING,
        uitvoerder="Werkzaak team Participatie",
        routes=(HC,),
        kenmerken=("3.3", "2.1", "5.3"),
        gemeente=ALLE,
        adres=f"{WERKZAAK_TIEL} (ook huisbezoek)",
        omschrijving=(
            "Je coach helpt je om werk en gezin te combineren. Je regelt samen opvang of "
            "vervoer. Je praat ook met je familie over werk."
        ),
        rol=(
            "Je zoekt zelf informatie over opvang en vervoer. "
            "Je bespreekt met je gezin wat werk betekent."
        ),
        doelgroep="Werkzoekenden met zorgtaken, zoals alleenstaande ouders en mantelzorgers",
        doel="Praktische problemen oplossen, en meer steun van je gezin",
        instroomeis="n.v.t.",
        omvang="3 maanden, 1 keer per 2 weken",
        kosten="gratis",
        werkwijze=(
            "Gesprekken met een coach, ook bij je thuis. Zo nodig ook met je partner of familie."
        ),
        beschikbaarheid="Direct",
        aanmelding="Via de teamleider van team Participatie",
        bijzonderheden="Tolk mogelijk.",
        waardering_professionals=7.4,
        regiehouder=PARTICIPATIE,
    ),
    Instrument(
        soort="Coaching op de werkplek",
        instrumenttype=COACHING,
        uitvoerder="Werkzaak team Ontwikkeling",
        routes=(HC,),
        kenmerken=("1.1", "1.5", "1.6"),
        gemeente=ALLE,
        adres=f"{WERKZAAK_TIEL} (begeleiding op de werkplek)",
        omschrijving=(
            "Je werkt op een plek via Werkzaak. Een praktijkbegeleider helpt je daar. "
            "Je leert omgaan met collega's en kritiek."
        ),
        rol="Je werkt mee en vraagt hulp als iets niet lukt. Je bespreekt elke week een leerdoel.",
        doelgroep="Mensen die met begeleiding werken, om ervaring op te doen of om mee te doen",
        doel="Beter samenwerken en rustig blijven op je werk",
        instroomeis=("Heeft al een werkplek met begeleiding"),
        omvang="Zolang de plaatsing duurt, maximaal 6 maanden",
        kosten="0",
        werkwijze=(
            "Begeleiding op je werkplek. Elke week een leerdoel, elke maand een gesprek over hoe "
            "het gaat."
        ),
        beschikbaarheid="Direct bij de start van de plaatsing",
        aanmelding="Je werkcoach meldt je aan bij team Ontwikkeling",
        bijzonderheden="-",
        waardering_professionals="7,6",
        regiehouder=ONTWIKKELING,
    ),
    Instrument(
        soort="Coaching dagstructuur",
        instrumenttype=COACHING,
        uitvoerder="Stap Verder Coaching",
        routes=(LF, HC),
        kenmerken=("3.1.6", "1.4", "3.1.4"),
        gemeente=(TIEL, WEST_BETUWE, BUREN),
        adres="Tiel, Pluktuin 18 (coaching bij je thuis)",
        omschrijving=(
            "Je krijgt hulp bij een vast ritme in je week. Je gaat op vaste tijden slapen, "
            "eten en iets doen. Zo krijg je meer rust en energie."
        ),
        rol="Je maakt samen met de coach een weekschema. Je houdt bij wat lukt.",
        doelgroep="Werkzoekenden zonder dagritme, vaak lang zonder werk of dagbesteding",
        doel="Vaste tijden en regelmaat in je dag, als basis om weer actief te worden",
        instroomeis="n.v.t.",
        omvang="3 maanden, wekelijks 1 uur",
        kosten="€ 780,00",
        werkwijze=(
            "Individuele coaching thuis, weekschema, praktische hulpmiddelen zoals een planner-app."
        ),
        beschikbaarheid="Binnen 2 weken",
        aanmelding="Via je werkcoach, mail naar aanmelden@stapverder.example",
        bijzonderheden="Vaak vóór dagbesteding of vrijwilligerswerk.",
        waardering_professionals=6.4,
        regiehouder=PARTICIPATIE,
    ),
    # Activering
    Instrument(
        soort="Vrijwilligerswerk",
        instrumenttype=ACTIVERING,
        uitvoerder="Vrijwilligerspunt De Brug",
        routes=(LF, HC),
        kenmerken=("2.2", "1.6", "3.1.6"),
        gemeente=ALLE,
        adres="Tiel, Havenpoort 5",
        omschrijving=(
            "Je gaat vrijwilligerswerk doen. Je kiest zelf wat bij je past. "
            "Je doet ervaring op en leert nieuwe mensen kennen."
        ),
        rol="Je kiest samen met de consulent een plek. Je komt op de afgesproken tijden.",
        doelgroep="Werkzoekenden die (nog) niet toe zijn aan betaald werk",
        doel="Ritme, werkervaring en een groter sociaal netwerk",
        instroomeis="-",
        omvang="Minimaal 4 uur per week, 3 tot 12 maanden",
        kosten="gratis",
        werkwijze=(
            "Eerst een kennismaking. Dan samen een plek als vrijwilliger zoeken. Na 3 maanden "
            "kijken jullie hoe het gaat."
        ),
        beschikbaarheid="Doorlopend",
        aanmelding="Via je werkcoach, mail naar match@vrijwilligersdebrug.example",
        bijzonderheden=(
            "De vergoeding als vrijwilliger mag niet te hoog zijn. Overleg met je contactpersoon "
            "voor je uitkering."
        ),
        waardering_professionals=7.0,
        regiehouder=PARTICIPATIE,
        link="https://www.vrijwilligersdebrug.example",
    ),
    Instrument(
        soort="Dagbesteding",
        instrumenttype=ACTIVERING,
        uitvoerder="Zorgboerderij De Appelgaard",
        routes=(LF,),
        kenmerken=("3.1.6", "3.2.1", "2.1"),
        gemeente=(WEST_MAAS_EN_WAAL,),
        adres="Altforst, Boomgaardweg 9",
        omschrijving=(
            "Je werkt een paar dagdelen per week op een boerderij. Je zorgt voor dieren of "
            "werkt in de tuin. Je krijgt weer ritme in je week."
        ),
        rol=(
            "Je komt op vaste dagen. Je doet werk dat bij je past. Je zegt het als het te zwaar is."
        ),
        doelgroep=(
            "Werkzoekenden met een grote afstand tot werk, psychische klachten of een beperking"
        ),
        doel="Ritme in je dag, meer aankunnen en contact met anderen",
        instroomeis="Je werkcoach en het sociaal team vinden het goed",
        omvang="2 tot 4 dagdelen per week, 6 maanden met verlenging",
        kosten=3900,
        werkwijze="Begeleid werken in kleine groepen op de boerderij, persoonlijk plan met doelen.",
        beschikbaarheid="Wachtlijst 2 tot 4 weken",
        aanmelding="Via je werkcoach en het sociaal team van de gemeente",
        bijzonderheden="Vervoer mogelijk vanuit West Maas en Waal en Maasdriel.",
        waardering_professionals=7.8,
        waardering_werkzoekende=8.5,
        regiehouder=PARTICIPATIE,
    ),
    Instrument(
        soort="Werkervaringsplaats",
        instrumenttype=ACTIVERING,
        uitvoerder="Leerwerkbedrijf De Uiterwaard",
        routes=(HC,),
        kenmerken=("1.6", "1.1", "1.2"),
        gemeente=(TIEL, WEST_MAAS_EN_WAAL),
        adres="Tiel, Uiterwaardweg 12\nBeneden-Leeuwen, Maasoeverstraat 16",
        omschrijving=(
            "Je werkt een tijd in ons leerwerkbedrijf. Je doet echte werkervaring op. "
            "Je leert een vak, zoals productie of groen."
        ),
        rol=(
            "Je werkt op vaste dagen. Je volgt de aanwijzingen van je leidinggevende. "
            "Je werkt aan je leerdoelen."
        ),
        doelgroep="Werkzoekenden met weinig werkervaring",
        doel="Werkervaring, werknemersvaardigheden en vakvaardigheden opdoen",
        instroomeis="Kan minimaal 16 uur per week werken",
        omvang="6 maanden, 16 tot 32 uur per week",
        kosten="€ 3.250,00",
        werkwijze=(
            "Werken in productie, inpak of groen met een werkmeester. Elke 6 weken een gesprek "
            "over je leerdoelen."
        ),
        beschikbaarheid="Start elke maandag",
        aanmelding="Via je werkcoach, mail naar instroom@uiterwaard.example",
        bijzonderheden="Certificaat van deelname; soms een vakcertificaat.",
        waardering_professionals=7.9,
        onderbouwing="effectief: eerste aanwijzingen",
        regiehouder=WERK,
    ),
    Instrument(
        soort="Participatieplaats",
        instrumenttype=ACTIVERING,
        uitvoerder="Werkzaak team Participatie",
        routes=(HC,),
        kenmerken=("1.6", "3.1.6", "5.1"),
        gemeente=ALLE,
        adres=f"{WERKZAAK_TIEL} (plaatsing in de eigen gemeente)",
        omschrijving=(
            "Je doet onbetaald werk en houdt je uitkering. Je werkt bij een organisatie in je "
            "eigen gemeente. Zo ontdek je wat je kunt."
        ),
        rol="Je komt op tijd en houdt je aan de afspraken. Je bespreekt elke maand hoe het gaat.",
        doelgroep="Werkzoekenden voor wie betaald werk nog niet haalbaar is",
        doel="Werkritme, werkervaring en motivatie opbouwen",
        instroomeis="n.v.t.",
        omvang="Maximaal 1 jaar, 12 tot 24 uur per week",
        kosten=0,
        werkwijze=(
            "Je werkt bij een organisatie in de buurt, met hulp van je werkcoach. Elke 3 maanden "
            "kijken jullie hoe het gaat."
        ),
        beschikbaarheid="Doorlopend",
        aanmelding="Via de teamleider van team Participatie",
        bijzonderheden="Premie bij goed functioneren volgens de regeling van de gemeente.",
        waardering_professionals=5.2,
        regiehouder=PARTICIPATIE,
    ),
    Instrument(
        soort="Beweegprogramma",
        instrumenttype=ACTIVERING,
        uitvoerder="Sportief Werk Betuwe",
        routes=(LF, HC),
        kenmerken=("3.4", "3.2.1", "2.2"),
        gemeente=(TIEL, CULEMBORG, ZALTBOMMEL),
        adres="Tiel, Bloesemlaan 2\nCulemborg, Parkweg 14\nZaltbommel, Waalkwartier 3",
        omschrijving=(
            "Je sport twee keer per week in een groep. Je wordt fitter en krijgt meer "
            "energie. Je leert ook nieuwe mensen kennen."
        ),
        rol="Je komt naar de lessen in sportkleding. Je doet mee op je eigen niveau.",
        doelgroep=(
            "Werkzoekenden met weinig beweging, overgewicht of lichte lichamelijke klachten"
        ),
        doel="Betere conditie, meer aankunnen, gezonder leven en contact met anderen",
        instroomeis="Geen medische bezwaren tegen sporten",
        omvang="12 weken, 2 keer per week 1,5 uur",
        kosten="€ 360,00",
        werkwijze="Groepstraining onder leiding van een sportcoach, meting aan begin en eind.",
        beschikbaarheid="Start elk kwartaal",
        aanmelding="Via je werkcoach, mail naar doemee@sportiefwerk.example",
        bijzonderheden="Sportkleding en schoenen kunnen worden geleend.",
        waardering_professionals=7.2,
        waardering_werkzoekende=7.8,
        onderbouwing="effectief: eerste aanwijzingen",
        regiehouder=COORDINATOR,
        link="https://www.sportiefwerk.example/beweegprogramma",
    ),
    Instrument(
        soort="Activering in de wijk",
        instrumenttype=ACTIVERING,
        uitvoerder="Buurtwerkplaats De Kruising",
        routes=(HC,),
        kenmerken=("2.2", "3.1.3", "5.3"),
        gemeente=(TIEL, CULEMBORG),
        adres="Tiel, Rozenhof 8\nCulemborg, Parkweg 14",
        omschrijving=(
            "Je helpt mee in een buurthuis of wijkproject. Je werkt samen met andere "
            "buurtbewoners. Je merkt dat je iets betekent voor anderen."
        ),
        rol=(
            "Je kiest een taak, zoals koken, klussen of gastvrouw zijn. "
            "Je komt elke week op dezelfde dagen."
        ),
        doelgroep="Werkzoekenden die weinig contacten hebben of lang thuis zitten",
        doel="Sociale contacten, samenwerken en gevoel van eigenwaarde",
        instroomeis="-",
        omvang="2 dagdelen per week, 6 maanden",
        kosten=450,
        werkwijze=(
            "Meedoen in wijkprojecten met begeleiding door een opbouwwerker; maandelijks "
            "groepsoverleg."
        ),
        beschikbaarheid="Doorlopend",
        aanmelding="Via je werkcoach, mail naar buurtwerkplaats@dekruising.example",
        bijzonderheden="Ook geschikt als eerste stap na dagbesteding.",
        waardering_professionals=6.8,
        regiehouder=PARTICIPATIE,
    ),
    Instrument(
        soort="Werkervaringsplaats groen",
        instrumenttype=ACTIVERING,
        uitvoerder="Groenwerk Betuwe",
        routes=(HC, WF),
        kenmerken=("1.6", "3.2.1", "1.2"),
        gemeente=(WEST_BETUWE, MAASDRIEL, NEDER_BETUWE),
        adres="Geldermalsen, Kweekhof 3",
        omschrijving=(
            "Je werkt buiten in parken en plantsoenen. Je leert maaien, snoeien en onderhoud. "
            "Je werkt in een vaste ploeg."
        ),
        rol=(
            "Je werkt in alle seizoenen buiten. Je draagt veilige werkkleding. "
            "Je houdt je aan de veiligheidsregels."
        ),
        doelgroep="Werkzoekenden die graag buiten en met de handen werken",
        doel="Werkervaring en een vak leren in het groen, en langzaam meer aankunnen",
        instroomeis="Kan lichamelijk redelijk veel aan",
        omvang="6 maanden, 24 tot 32 uur per week",
        kosten="€ 2.950,00",
        werkwijze=(
            "Werken in een ploeg met een voorman; interne cursus kettingzaag en bosmaaier mogelijk."
        ),
        beschikbaarheid="Start elke maand, niet in december",
        aanmelding="Via je werkcoach, mail naar ploeg@groenwerkbetuwe.example",
        bijzonderheden="Kans op doorstroom naar groenbedrijven in de regio.",
        waardering_professionals=8.0,
        regiehouder=WGD,
    ),
    # Bemiddeling
    Instrument(
        soort="Jobhunting",
        instrumenttype=BEMIDDELING,
        uitvoerder="Werkzaak team Werkgeversdienstverlening",
        routes=(WF,),
        kenmerken=("4.1", "5.1"),
        gemeente=ALLE,
        adres=WERKZAAK_TIEL,
        omschrijving=(
            "Een jobhunter zoekt voor jou naar een baan. De jobhunter kent veel werkgevers. "
            "Jij krijgt vacatures die bij je passen."
        ),
        rol=(
            "Je maakt met de jobhunter een profiel. Je reageert snel op vacatures. "
            "Je gaat naar elk gesprek."
        ),
        doelgroep="Werkzoekenden die direct inzetbaar zijn",
        doel="Plaatsing op een passende baan",
        instroomeis="Cv is klaar en werkzoekende is direct beschikbaar",
        omvang="3 maanden",
        kosten="gratis",
        werkwijze=(
            "Actief werkgevers benaderen, kandidaten voorstellen, afspraken maken en nazorg."
        ),
        beschikbaarheid="Direct",
        aanmelding="Via je werkcoach, mail naar jobhunters@werkzaak.example",
        bijzonderheden="n.v.t.",
        waardering_professionals=7.6,
        waardering_werkzoekende=7.0,
        onderbouwing="goed beschreven",
        regiehouder=WGD,
    ),
    Instrument(
        soort="Proefplaatsing",
        instrumenttype=BEMIDDELING,
        uitvoerder="Werkzaak team Werkgeversdienstverlening",
        routes=(WF,),
        kenmerken=("1.6", "1.1"),
        gemeente=ALLE,
        adres=f"{WERKZAAK_TIEL} (werken bij de werkgever)",
        omschrijving=(
            "Je werkt een paar maanden op proef bij een werkgever. Je houdt je uitkering. "
            "Gaat het goed, dan krijg je vaak een contract."
        ),
        rol="Je werkt als een gewone werknemer. Je laat zien wat je kunt.",
        doelgroep="Werkzoekenden met goede kans op werk, bij wie de werkgever nog twijfelt",
        doel="Werkgever en werkzoekende leren elkaar kennen, met uitzicht op een contract",
        instroomeis="Werkgever biedt uitzicht op een contract van minimaal 6 maanden",
        omvang="Maximaal 2 maanden",
        kosten="0",
        werkwijze=("Afspraken op papier. Halverwege en aan het eind een gesprek met de werkgever."),
        beschikbaarheid="In overleg met de werkgever",
        aanmelding="Je werkcoach regelt het met team Werkgeversdienstverlening",
        bijzonderheden="Je bent verzekerd via Werkzaak zolang je op proef werkt.",
        waardering_professionals="8,0",
        regiehouder=WGD,
    ),
    Instrument(
        soort="Detachering",
        instrumenttype=BEMIDDELING,
        uitvoerder="Detacheringsbureau Brug naar Werk",
        routes=(WF,),
        kenmerken=("1.6", "1.2"),
        gemeente=ALLE,
        adres="Zaltbommel, Poortweg 12",
        omschrijving=(
            "Je krijgt een contract bij ons bureau. Je werkt bij een werkgever in de regio. "
            "Zo doe je werkervaring op en verdien je loon."
        ),
        rol=(
            "Je werkt bij de werkgever en houdt je aan de regels daar. "
            "Je hebt elke maand contact met je consulent."
        ),
        doelgroep=(
            "Werkzoekenden die kunnen werken, maar bij wie werkgevers het risico te groot vinden"
        ),
        doel="Betaald werk bij een bedrijf via een bureau, met kans op een vast contract",
        instroomeis="Kan minimaal 20 uur per week werken",
        omvang="6 tot 12 maanden",
        kosten="€ 1.750,00",
        werkwijze=(
            "Je werkt via het bureau bij een bedrijf, met een begeleider. Na 6 maanden praten "
            "jullie over een contract bij het bedrijf."
        ),
        beschikbaarheid="Afhankelijk van vacatures",
        aanmelding="Via je werkcoach, mail naar consulent@brugnaarwerk.example",
        bijzonderheden="-",
        waardering_professionals=7.3,
        regiehouder=WGD,
        link="https://www.brugnaarwerk.example",
    ),
    Instrument(
        soort="Banenmarkt",
        instrumenttype=BEMIDDELING,
        uitvoerder="Werkzaak team Werk",
        routes=(WF,),
        kenmerken=("4.1", "2.2", "4.2"),
        gemeente=ALLE,
        adres=f"{WERKZAAK_TIEL} (locatie wisselt)",
        omschrijving=(
            "Je praat op één dag met veel werkgevers. Je hoort welke banen er zijn. "
            "Misschien heb je meteen een gesprek."
        ),
        rol=(
            "Je neemt je cv mee en kleedt je netjes. Je stelt je voor bij minstens drie werkgevers."
        ),
        doelgroep="Alle werkzoekenden die klaar zijn voor werk",
        doel="Kennismaken met werkgevers en vacatures; direct gesprekken voeren",
        instroomeis="n.v.t.",
        omvang="1 middag",
        kosten=0,
        werkwijze="Banenmarkt met 20 tot 40 werkgevers; voorbereiding met de werkcoach.",
        beschikbaarheid="4 keer per jaar, wisselend per gemeente",
        aanmelding="Aanmelden bij je werkcoach; vrije inloop op de dag zelf",
        bijzonderheden="Je werkcoach weet de data.",
        waardering_professionals=6.7,
        regiehouder=WERK,
    ),
    Instrument(
        soort="Bemiddeling met loonkostensubsidie",
        instrumenttype=BEMIDDELING,
        uitvoerder="Werkzaak team Werkgeversdienstverlening",
        routes=(WF,),
        kenmerken=("1.6", "3.2.3"),
        gemeente=ALLE,
        adres=WERKZAAK_TIEL,
        omschrijving=(
            "Je gaat werken bij een gewone werkgever. Je werkt misschien wat langzamer dan "
            "anderen. De werkgever krijgt daarvoor een vergoeding."
        ),
        rol="Je doet mee aan een meting van je werk. Je werkt zo goed als je kunt.",
        doelgroep=("Werkzoekenden met een beperking, die niet het minimumloon kunnen verdienen"),
        doel="Gewoon betaald werk. De gemeente betaalt een deel van je loon aan de werkgever.",
        instroomeis=("Je hebt officieel een beperking waardoor werken moeilijk is"),
        omvang="Zolang je daar werkt; elk jaar meten hoeveel werk je kunt doen",
        kosten="650",
        werkwijze=(
            "Je werkgever krijgt geld van de gemeente. Op je werk meten we hoeveel je kunt. Zo "
            "nodig krijg je een jobcoach."
        ),
        beschikbaarheid="Doorlopend",
        aanmelding="Je werkcoach regelt het met team Werkgeversdienstverlening",
        bijzonderheden="Te combineren met Jobcoaching, Jobcoachbureau Vakwerk.",
        waardering_professionals=7.8,
        onderbouwing="goed beschreven",
        regiehouder=WGD,
    ),
)


@dataclass(frozen=True, slots=True)
class Praktisch:
    """The structured practical columns of one instrument, as a beheerder would fill them in.

    Cells are written as people type them ("vaste data", "ja", "gratis", dates DD-MM-JJJJ);
    None leaves the cell empty, which the keuzehulp shows as "onbekend".
    """

    duur_weken: int | None
    uren_per_week: float | None
    start: str | None  # "doorlopend" or "vaste data"
    startdata: str | None = None  # "11-01-2027; 08-03-2027"
    nederlands_nodig: str | None = None  # "ja" / "nee"
    groepsvorm: str | None = None  # "individueel" / "groep" / "beide"
    kosten_klant: str | int | float | None = 0  # what the client pays; most are free


VD, DL = "vaste data", "doorlopend"
MAANDELIJKS_2027 = "04-01-2027; 01-02-2027; 01-03-2027; 05-04-2027"

LEEG = Praktisch(None, None, None, kosten_klant=None)

# By instrument name. Durations and hours follow "Omvang en duur" as the provider means it
# (a weekly rhythm where the text leaves it open); dates follow "Beschikbaarheid".
PRAKTISCH: dict[str, Praktisch] = {
    "Assessment, Bureau Helder Zicht": Praktisch(3, None, DL, None, "nee", "individueel"),
    "Arbeidsmarktoriëntatie, Werkzaak team Ontwikkeling": Praktisch(
        6, 4, VD, "11-01-2027; 08-03-2027; 10-05-2027", "nee", "groep", "gratis"
    ),
    "Taaltoets, Taalatelier De Waalkant": Praktisch(1, 4, DL, None, "nee", "individueel"),
    "Verdiepend psychologisch onderzoek, Psychologenpraktijk Lingeoever": Praktisch(
        4, None, None, None, None, "individueel"
    ),
    "Medisch/arbeidskundig onderzoek, Arbodienst De Linge": Praktisch(
        4, None, DL, None, None, "individueel"
    ),
    "Praktijkassessment, Leerwerkbedrijf De Uiterwaard": Praktisch(
        2, 32, DL, None, "nee", "individueel"
    ),
    "Beroepskeuzetest, Loopbaanbureau Kompasroos": Praktisch(
        3, None, DL, None, "nee", "individueel"
    ),
    "Werkfit-scan, Werkzaak team Diagnose": Praktisch(
        2, 1, DL, None, None, "individueel", "gratis"
    ),
    "Leerbaarheidsonderzoek, Bureau Helder Zicht": Praktisch(
        2, None, DL, None, "nee", "individueel"
    ),
    "Training sollicitatievaardigheden, Werkzaak team Werk": Praktisch(
        4, 8, VD, MAANDELIJKS_2027, "nee", "groep"
    ),
    "Training sociale vaardigheden, Trainingsbureau Sterk in Gesprek": Praktisch(
        10, 2.5, VD, "12-01-2027; 04-05-2027; 14-09-2027", "nee", "groep"
    ),
    "Training omgaan met stress, Mindfit Training & Coaching": Praktisch(
        8, 4, VD, "01-02-2027; 03-05-2027; 06-09-2027", None, "groep"
    ),
    "Training omgaan met emoties, Mindfit Training & Coaching": Praktisch(
        8, 2, VD, None, None, "beide"
    ),
    "Training weerbaarheid, Empowermentpraktijk Rechtop": Praktisch(
        8, 2, None, None, None, "groep"
    ),
    "Training werknemersvaardigheden, Werkzaak team Ontwikkeling": Praktisch(
        8, 8, VD, "18-01-2027; 01-03-2027; 12-04-2027", "nee", "groep"
    ),
    "Training solliciteren met sociale media, Werkzaak team Werk": Praktisch(
        3, 3, VD, MAANDELIJKS_2027, "ja", "groep"
    ),
    "Training grip op je leven, Stap Verder Coaching": Praktisch(
        10, 4, VD, "11-01-2027; 06-09-2027", None, "groep"
    ),
    "Training zelfvertrouwen, Stap Verder Coaching": Praktisch(6, 2.5, None, None, None, "groep"),
    "Workshop persoonlijke presentatie, Werkzaak team Werk": Praktisch(
        1, 4, VD, "14-01-2027; 11-02-2027; 11-03-2027", "nee", "groep", "gratis"
    ),
    "Training netwerken, Werkzaak team Werk": Praktisch(
        4, 2, VD, "08-02-2027; 05-04-2027", "nee", "groep"
    ),
    "Cursus Nederlands lezen en schrijven, Taalatelier De Waalkant": Praktisch(
        20, 8, VD, "01-02-2027; 13-09-2027", "ja", "groep"
    ),
    "Cursus NT2, Taalatelier De Waalkant": Praktisch(26, 12, VD, MAANDELIJKS_2027, "nee", "groep"),
    "Cursus rekenen, Rekenwijs Volwassenenonderwijs": Praktisch(12, 4, DL, None, None, "groep"),
    "Cursus digitale vaardigheden, Digicafé De Schakel": Praktisch(
        8, 2, VD, MAANDELIJKS_2027, None, "groep", "gratis"
    ),
    "Cursus VCA, Opleidingscentrum Veilig Vooruit": Praktisch(1, 24, DL, None, "nee", "groep"),
    "Cursus heftruckchauffeur, Opleidingscentrum Veilig Vooruit": Praktisch(
        1, 24, VD, None, None, "groep"
    ),
    "Cursus omgaan met geld, Stichting Geldzaken op Orde": Praktisch(
        5, 2, VD, "18-01-2027; 12-04-2027; 20-09-2027", None, "groep", "gratis"
    ),
    "Cursus Nederlands op de werkvloer, Leerwerkbedrijf De Uiterwaard": Praktisch(
        13, 24, VD, MAANDELIJKS_2027, "nee", "beide"
    ),
    "Cursus schoonmaak, Schoonmaakacademie Glans": Praktisch(
        6, 12, VD, "04-01-2027; 05-04-2027", "nee", "groep"
    ),
    "Cursus theorie rijbewijs B, Rijschool Vooruit Tiel": Praktisch(
        4, 3, VD, MAANDELIJKS_2027, "nee", "groep", "€ 48,00"
    ),
    "Jobcoaching, Jobcoachbureau Vakwerk": Praktisch(52, None, DL, None, None, "individueel"),
    "Coaching, Stap Verder Coaching": Praktisch(18, 0.5, DL, None, None, "individueel"),
    "Budgetcoaching, Stichting Geldzaken op Orde": Praktisch(
        26, 0.5, DL, None, None, "individueel", "gratis"
    ),
    "Leefstijlcoaching, Leefstijlpraktijk Vitaal Verder": Praktisch(
        26, 0.5, DL, None, None, "beide"
    ),
    "Coaching empowerment, Empowermentpraktijk Rechtop": Praktisch(
        16, 0.5, DL, None, "nee", "beide"
    ),
    "Coaching naar werk, Werkzaak team Werk": Praktisch(13, 2, DL, None, "ja", "individueel"),
    "Maatjescoaching, Maatjesproject Samen Verder": Praktisch(
        52, 2, None, None, None, "individueel", "gratis"
    ),
    "Coaching gezin en werk, Werkzaak team Participatie": Praktisch(
        13, 0.5, DL, None, "nee", "individueel"
    ),
    "Coaching op de werkplek, Werkzaak team Ontwikkeling": Praktisch(
        26, 1, DL, None, None, "individueel"
    ),
    "Coaching dagstructuur, Stap Verder Coaching": Praktisch(13, 1, DL, None, None, "individueel"),
    "Vrijwilligerswerk, Vrijwilligerspunt De Brug": Praktisch(
        52, None, DL, None, None, None, "gratis"
    ),
    "Dagbesteding, Zorgboerderij De Appelgaard": Praktisch(None, 16, DL, None, "nee", "groep"),
    "Werkervaringsplaats, Leerwerkbedrijf De Uiterwaard": Praktisch(
        26, 32, DL, None, "nee", "groep"
    ),
    "Participatieplaats, Werkzaak team Participatie": Praktisch(
        52, 24, DL, None, None, "individueel"
    ),
    "Beweegprogramma, Sportief Werk Betuwe": Praktisch(
        12, 3, VD, "04-01-2027; 05-04-2027; 05-07-2027", "nee", "groep"
    ),
    "Activering in de wijk, Buurtwerkplaats De Kruising": Praktisch(
        26, 8, DL, None, "nee", "groep", "gratis"
    ),
    "Werkervaringsplaats groen, Groenwerk Betuwe": Praktisch(
        26, 32, VD, MAANDELIJKS_2027, "nee", "groep"
    ),
    "Jobhunting, Werkzaak team Werkgeversdienstverlening": Praktisch(
        13, None, DL, None, None, "individueel"
    ),
    "Proefplaatsing, Werkzaak team Werkgeversdienstverlening": Praktisch(
        9, None, None, None, None, "individueel"
    ),
    "Detachering, Detacheringsbureau Brug naar Werk": Praktisch(
        52, None, None, None, None, "individueel"
    ),
    "Banenmarkt, Werkzaak team Werk": Praktisch(
        1, 4, VD, "11-03-2027; 10-06-2027; 16-09-2027; 25-11-2027", "nee", "groep", "gratis"
    ),
    "Bemiddeling met loonkostensubsidie, Werkzaak team Werkgeversdienstverlening": Praktisch(
        None, None, DL, None, None, "individueel"
    ),
}

GEPARKEERD: tuple[Instrument, ...] = (
    Instrument(
        soort="Training solliciteren 50-plus",
        instrumenttype=TRAINING,
        uitvoerder="Loopbaanbureau Kompasroos",
        routes=(WF,),
        kenmerken=("4.1", "5.2"),
        gemeente=(CULEMBORG,),
        adres="Culemborg, Weidsteeg 21",
        omschrijving=(
            "Je leert solliciteren als je ouder bent dan 50. Je laat je ervaring goed zien. "
            "Je oefent gesprekken met werkgevers."
        ),
        rol="Je doet mee in een groep met andere 50-plussers. Je oefent met je eigen cv.",
        doelgroep="Werkzoekenden van 50 jaar en ouder",
        doel="Sollicitatievaardigheden en zelfvertrouwen van 50-plussers",
        instroomeis="-",
        omvang="6 bijeenkomsten van 3 uur",
        kosten="€ 895,00",
        werkwijze="Groepstraining met rollenspel.",
        beschikbaarheid="Niet meer beschikbaar",
        aanmelding="",
        bijzonderheden="Aanbieder gestopt per 2025.",
        waardering_professionals=7.1,
        regiehouder=COORDINATOR,
    ),
    Instrument(
        soort="Cursus orderpicker",
        instrumenttype=CURSUS,
        uitvoerder="Logistiek Leerhuis Betuwe",
        routes=(HC, WF),
        kenmerken=("1.2", "1.3.4"),
        gemeente=(NEDER_BETUWE,),
        adres="Kesteren, Loodsweg 20",
        omschrijving=(
            "Je leert werken in een magazijn. Je leert orders verzamelen met een scanner. "
            "Je haalt een certificaat orderpicker."
        ),
        rol="Je volgt de lessen en oefent in een magazijn. Je doet een praktijkexamen.",
        doelgroep="Werkzoekenden met interesse in logistiek",
        doel="Certificaat orderpicker",
        instroomeis="Nog niet bekend",
        omvang="4 weken, 3 dagdelen per week",
        kosten="op aanvraag",
        werkwijze="Theorie en praktijk in een oefenmagazijn.",
        beschikbaarheid="Naar verwachting vanaf voorjaar 2027",
        aanmelding="",
        bijzonderheden="Nog in ontwikkeling. Start naar verwachting voorjaar 2027.",
        waardering_professionals=None,
        regiehouder=WGD,
    ),
    Instrument(
        soort="Werkervaringsplaats fietsenwerkplaats",
        instrumenttype=ACTIVERING,
        uitvoerder="Fietsenmakerij Tweede Kans",
        routes=(HC,),
        kenmerken=("1.6", "3.2.3"),
        gemeente=(TIEL,),
        adres="Tiel, Spoorhof 2",
        omschrijving=(
            "Je repareert fietsen in een werkplaats. Je leert precies en netjes werken. "
            "Je werkt samen met een ervaren fietsenmaker."
        ),
        rol="Je werkt op vaste dagen in de werkplaats. Je leert van de fietsenmaker.",
        doelgroep="Werkzoekenden die graag technisch werk doen",
        doel="Werkervaring, fijne motoriek en werktempo",
        instroomeis="-",
        omvang="6 maanden, 20 uur per week",
        kosten="€2.100,-",
        werkwijze="Werken in de fietsenwerkplaats met een werkmeester.",
        beschikbaarheid="Gesloten",
        aanmelding="",
        bijzonderheden=(
            "Locatie gesloten per 1 juli 2025. Deelnemers zijn doorgestroomd naar De Uiterwaard."
        ),
        waardering_professionals=7.5,
        regiehouder=WERK,
    ),
    Instrument(
        soort="Coaching jongeren",
        instrumenttype=COACHING,
        uitvoerder="Jongerenpunt Start",
        routes=(HC, WF),
        kenmerken=("5.1", "1.4"),
        gemeente=(TIEL, CULEMBORG),
        adres="Tiel, Stationsplein 14",
        omschrijving=(
            "Je krijgt een coach die jongeren goed begrijpt. Samen kijken jullie naar school "
            "of werk. Je maakt een plan voor de komende maanden."
        ),
        rol="Je spreekt elke week af met je coach. Je doet wat je hebt afgesproken.",
        doelgroep="Jongeren van 18 tot 27 jaar zonder startkwalificatie",
        doel="Terug naar school of aan het werk",
        instroomeis="18 tot 27 jaar",
        omvang="3 maanden, wekelijks",
        kosten=1100,
        werkwijze="Individuele coaching en groepsactiviteiten.",
        beschikbaarheid="Niet meer beschikbaar",
        aanmelding="",
        bijzonderheden="Opgegaan in Coaching naar werk, Werkzaak team Werk.",
        waardering_professionals=6.9,
        regiehouder=WERK,
    ),
    Instrument(
        soort="Taalmaatje",
        instrumenttype=COACHING,
        uitvoerder="Maatjesproject Samen Verder",
        routes=(HC, LF),
        kenmerken=("1.3.2", "2.1"),
        gemeente=ALLE,
        adres="Culemborg, Lekdijkhof 11",
        omschrijving=(
            "Je krijgt een maatje om Nederlands mee te praten. Jullie spreken elke week af. "
            "Zo oefen je de taal in het echte leven."
        ),
        rol="Je spreekt elke week af met je maatje. Je praat zoveel mogelijk Nederlands.",
        doelgroep="Anderstalige werkzoekenden die willen oefenen met spreken",
        doel="Nederlands spreken oefenen en sociale contacten",
        instroomeis="Taaltoets gedaan",
        omvang="6 maanden, 1 keer per week",
        kosten="gratis",
        werkwijze="Koppeling aan een getrainde vrijwilliger.",
        beschikbaarheid="Nog niet bekend",
        aanmelding="",
        bijzonderheden="Nog in ontwikkeling. Er zijn nog te weinig vrijwillige maatjes.",
        waardering_professionals=None,
        regiehouder=PARTICIPATIE,
    ),
    Instrument(
        soort="Workshop LinkedIn",
        instrumenttype=TRAINING,
        uitvoerder="Digicafé De Schakel",
        routes=(WF,),
        kenmerken=("4.1", "1.3.4"),
        gemeente=(TIEL,),
        adres="Tiel, Schakelplein 1",
        omschrijving=(
            "Je maakt een profiel op LinkedIn. Je leert hoe werkgevers je daar vinden. "
            "Je zoekt zelf naar vacatures."
        ),
        rol="Je neemt je telefoon of laptop mee. Je maakt je profiel af.",
        doelgroep="Werkzoekenden die online werk willen zoeken",
        doel="Een goed LinkedIn-profiel",
        instroomeis="Eigen e-mailadres",
        omvang="1 dagdeel",
        kosten=45,
        werkwijze="Workshop in kleine groep.",
        beschikbaarheid="Niet meer beschikbaar",
        aanmelding="",
        bijzonderheden=(
            "Vervangen door Training solliciteren met sociale media, Werkzaak team Werk."
        ),
        waardering_professionals="6,5",
        regiehouder=WERK,
    ),
    Instrument(
        soort="Assessment online",
        instrumenttype=DIAGNOSE,
        uitvoerder="Bureau Helder Zicht",
        routes=(HC,),
        kenmerken=("1.7", "3.1.1"),
        gemeente=ALLE,
        adres="Geldermalsen, Lingehof 31 (online)",
        omschrijving=(
            "Je doet thuis een aantal testen op de computer. Daarna heb je een gesprek via "
            "video. Je hoort wat je goed kunt."
        ),
        rol="Je maakt de testen thuis in een rustige ruimte. Je zet je camera aan bij het gesprek.",
        doelgroep="Werkzoekenden met goede digitale vaardigheden",
        doel="Inzicht in capaciteiten en competenties",
        instroomeis="Computer met camera",
        omvang="3 uur testen, 1 uur nagesprek",
        kosten="€ 795,00",
        werkwijze="Online testen en videogesprek.",
        beschikbaarheid="Niet meer beschikbaar",
        aanmelding="",
        bijzonderheden="Contract niet verlengd per 1 januari 2025.",
        waardering_professionals=5.2,
        regiehouder=DIAGNOSETEAM,
    ),
    Instrument(
        soort="Dagbesteding kinderboerderij",
        instrumenttype=ACTIVERING,
        uitvoerder="Stichting Het Hoefijzer",
        routes=(LF,),
        kenmerken=("3.1.6", "2.2"),
        gemeente=(MAASDRIEL,),
        adres="Kerkdriel, Weidelaan 3",
        omschrijving=(
            "Je helpt op een kinderboerderij. Je zorgt voor de dieren. "
            "Je werkt samen met andere deelnemers."
        ),
        rol="Je komt op vaste dagen. Je doet taken die bij je passen.",
        doelgroep="Werkzoekenden met een grote afstand tot werk",
        doel="Dagstructuur en sociale contacten",
        instroomeis="-",
        omvang="2 dagdelen per week",
        kosten=2400,
        werkwijze="Begeleid werken in een kleine groep.",
        beschikbaarheid="Niet meer beschikbaar",
        aanmelding="",
        bijzonderheden="Aanbieder gestopt per 2025.",
        waardering_professionals=7.4,
        regiehouder=PARTICIPATIE,
    ),
    Instrument(
        soort="Training mindfulness",
        instrumenttype=TRAINING,
        uitvoerder="Mindfit Training & Coaching",
        routes=(LF, HC),
        kenmerken=("3.1.2", "1.5"),
        gemeente=(TIEL,),
        adres="Tiel, Kersenhof 3",
        omschrijving=(
            "Je leert met aandacht in het moment te zijn. Je doet oefeningen voor rust in je "
            "hoofd. Zo pieker je minder."
        ),
        rol="Je oefent elke dag thuis twintig minuten. Je komt elke week naar de groep.",
        doelgroep="Werkzoekenden die veel piekeren of stress ervaren",
        doel="Minder stress en piekeren",
        instroomeis="Geen acute psychische crisis",
        omvang="8 weken, 1 keer per week 2,5 uur",
        kosten="€ 450,00",
        werkwijze="Groepstraining volgens een vast programma van 8 weken.",
        beschikbaarheid="Niet meer beschikbaar",
        aanmelding="",
        bijzonderheden="Te weinig aanmeldingen. Gestopt per 1 januari 2024.",
        waardering_professionals=6.6,
        onderbouwing="effectief: goede aanwijzingen",
        regiehouder=PARTICIPATIE,
    ),
)


def _laad_basisgegevens() -> tuple[tuple[KenmerkBasis, ...], tuple[RouteBasis, ...]]:
    """Import the standard kenmerken and routes from the application, found next to seed/."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from keuzehulp.model.basisgegevens import KENMERKEN, ROUTES

    return KENMERKEN, ROUTES


def _zinnen(tekst: str) -> list[str]:
    """Split a text into sentences at '.', '!' or '?' followed by a space or the end."""
    return [zin for zin in re.split(r"(?<=[.!?])\s+", tekst.strip()) if zin]


def _controleer(kenmerken: dict[str, KenmerkBasis], routes: set[str]) -> None:
    """Refuse to write a catalogue with content the importer or a client would trip over."""
    fouten: list[str] = []
    gezien: set[str] = set()
    for instrument in INSTRUMENTEN + GEPARKEERD:
        naam = instrument.naam
        sleutel = re.sub(r"\s+", "", naam.casefold())
        if sleutel in gezien:
            fouten.append(f"{naam}: naam komt twee keer voor")
        gezien.add(sleutel)
        if instrument.instrumenttype not in TYPES:
            fouten.append(f"{naam}: onbekend type {instrument.instrumenttype!r}")
        if not instrument.routes or not set(instrument.routes) <= routes:
            fouten.append(f"{naam}: Fenger-routes {instrument.routes!r} kloppen niet")
        if not 1 <= len(instrument.kenmerken) <= 5:
            fouten.append(f"{naam}: {len(instrument.kenmerken)} afgeleide kenmerken")
        for code in instrument.kenmerken:
            if code not in kenmerken or "." not in code:
                fouten.append(f"{naam}: {code!r} is geen afgeleid kenmerk")
        if instrument.gemeente != ALLE and not set(instrument.gemeente) <= set(GEMEENTEN):
            fouten.append(f"{naam}: onbekende gemeente in {instrument.gemeente!r}")
        if instrument.onderbouwing and instrument.onderbouwing not in ONDERBOUWINGEN:
            fouten.append(f"{naam}: onbekende onderbouwing {instrument.onderbouwing!r}")
        fouten += _controleer_praktisch(instrument)
        for veld, tekst in (("Omschrijving", instrument.omschrijving), ("Rol", instrument.rol)):
            zinnen = _zinnen(tekst)
            if not 2 <= len(zinnen) <= 4:
                fouten.append(f"{naam}: {veld} heeft {len(zinnen)} zinnen")
            for zin in zinnen:
                if len(zin.split()) > MAX_WOORDEN_PER_ZIN:
                    fouten.append(f"{naam}: {veld} heeft een te lange zin: {zin!r}")
    if fouten:
        raise SystemExit("Voorbeeldcatalogus niet geschreven:\n" + "\n".join(fouten))


def _controleer_praktisch(instrument: Instrument) -> list[str]:
    """Active instruments have structured values that import, and client texts that are B1."""
    from keuzehulp.services.leesbaarheid import adviezen

    naam = instrument.naam
    if instrument not in INSTRUMENTEN:
        return []
    fouten: list[str] = []
    p = PRAKTISCH.get(naam)
    if p is None:
        return [f"{naam}: staat niet in PRAKTISCH"]
    if p.start not in (VD, DL, None) or (p.startdata and p.start != VD):
        fouten.append(f"{naam}: start {p.start!r} met data {p.startdata!r} klopt niet")
    if p.nederlands_nodig not in ("ja", "nee", None):
        fouten.append(f"{naam}: goed Nederlands nodig {p.nederlands_nodig!r}")
    if p.groepsvorm not in ("individueel", "groep", "beide", None):
        fouten.append(f"{naam}: groepsvorm {p.groepsvorm!r}")
    for veld in KLANTTEKSTEN:
        for advies in adviezen(getattr(instrument, veld)):
            fouten.append(f"{naam}: {veld} is niet B1: {advies}")
    # The comparison says "Dit is nodig: <instroomeis>"; with those 3 words it must stay B1.
    for zin in _zinnen(instrument.instroomeis):
        if len(zin.split()) > MAX_WOORDEN_PER_ZIN - 3:
            fouten.append(f"{naam}: instroomeis heeft een te lange zin: {zin!r}")
    return fouten


# The texts a client sees (leesbaarheid.KLANTVELDEN, by this script's attribute names).
KLANTTEKSTEN = (
    "omschrijving",
    "rol",
    "doel",
    "doelgroep",
    "instroomeis",
    "omvang",
    "werkwijze",
    "beschikbaarheid",
    "aanmelding",
    "bijzonderheden",
)


def _fenger_cel(instrument: Instrument, index: int, labels: dict[str, str]) -> str:
    """Route names, or on some rows the plain Dutch labels, one per line."""
    if index % 5 == 3:
        return "\n".join(labels[route] for route in instrument.routes)
    return "\n".join(instrument.routes)


def _afgeleide_cel(instrument: Instrument, index: int, kenmerken: dict[str, KenmerkBasis]) -> str:
    """Derived characteristics, one per line, in the style of this row."""
    stijl = KENMERKSTIJLEN[index % len(KENMERKSTIJLEN)]
    regels: list[str] = []
    for code in instrument.kenmerken:
        naam = kenmerken[code].naam
        if stijl == "code":
            regels.append(code)
        elif stijl == "naam":
            regels.append(naam)
        elif stijl == "opsomming":
            regels.append(f"\N{BULLET} {code} {naam}")
        else:
            regels.append(f"{code} {naam}")
    return "\n".join(regels)


def _theoretische_cel(
    instrument: Instrument, index: int, kenmerken: dict[str, KenmerkBasis]
) -> str:
    """The groups of the derived characteristics, by name and/or number."""
    stijl = GROEPSTIJLEN[index % len(GROEPSTIJLEN)]
    groepen = sorted({code.split(".")[0] for code in instrument.kenmerken}, key=int)
    if stijl == "nummer":
        return "\n".join(groepen)
    if stijl == "nummer naam":
        return "\n".join(f"{groep} {kenmerken[groep].naam}" for groep in groepen)
    return "\n".join(kenmerken[groep].naam for groep in groepen)


def _rij(
    instrument: Instrument,
    index: int,
    kenmerken: dict[str, KenmerkBasis],
    labels: dict[str, str],
) -> list[str | int | float | None]:
    """The cells of one instrument, in the order of KOLOMMEN."""
    # Parked instruments leave the structured columns empty (unknown): nobody keeps them up.
    p = PRAKTISCH.get(instrument.naam, LEEG)
    return [
        instrument.naam,
        instrument.instrumenttype,
        instrument.uitvoerder,
        instrument.omschrijving,
        _fenger_cel(instrument, index, labels),
        _theoretische_cel(instrument, index, kenmerken),
        _afgeleide_cel(instrument, index, kenmerken),
        "\n".join(instrument.gemeente),
        instrument.adres,
        instrument.doelgroep,
        instrument.doel,
        instrument.instroomeis,
        p.nederlands_nodig,
        instrument.omvang,
        p.duur_weken,
        p.uren_per_week,
        instrument.kosten,
        p.kosten_klant,
        instrument.werkwijze,
        p.groepsvorm,
        instrument.beschikbaarheid,
        p.start,
        p.startdata,
        instrument.aanmelding or None,
        instrument.bijzonderheden,
        instrument.rol,
        instrument.waardering_professionals,
        instrument.waardering_werkzoekende,
        instrument.onderbouwing or None,
        instrument.regiehouder,
        instrument.link or None,
        instrument.overleg_met or None,
    ]


KOP_VULLING = PatternFill("solid", fgColor="1F5C7A")
KOP_LETTER = Font(bold=True, color="FFFFFF")
TITEL_LETTER = Font(bold=True, size=14)
OMLOOP = Alignment(wrap_text=True, vertical="top")


def _vul_instrumentblad(
    blad: Worksheet,
    titel: str,
    instrumenten: tuple[Instrument, ...],
    kenmerken: dict[str, KenmerkBasis],
    labels: dict[str, str],
) -> None:
    """Title in row 1, an empty row 2, the header in row 3 and one row per instrument below."""
    blad["A1"] = titel
    blad["A1"].font = TITEL_LETTER
    for kolom, (kop, breedte) in enumerate(KOLOMMEN, start=1):
        cel = blad.cell(row=3, column=kolom, value=kop)
        cel.font = KOP_LETTER
        cel.fill = KOP_VULLING
        cel.alignment = OMLOOP
        blad.column_dimensions[get_column_letter(kolom)].width = breedte
    for index, instrument in enumerate(instrumenten):
        for kolom, waarde in enumerate(_rij(instrument, index, kenmerken, labels), start=1):
            cel = blad.cell(row=4 + index, column=kolom, value=waarde)
            cel.alignment = OMLOOP
            if isinstance(waarde, float) and KOLOMMEN[kolom - 1][0] in CIJFERKOLOMMEN:
                cel.number_format = "0.0"
    blad.freeze_panes = "B4"
    laatste = get_column_letter(len(KOLOMMEN))
    blad.auto_filter.ref = f"A3:{laatste}{3 + len(instrumenten)}"


TOELICHTING = (
    "Voorbeeldcatalogus keuzehulp instrumenten",
    "",
    "Dit is een fictieve voorbeeldcatalogus. Alle aanbieders, adressen, mailadressen, "
    "websites, personen, bedragen en waarderingen zijn verzonnen.",
    "Het bestand is alleen bedoeld voor demonstratie en om de keuzehulp uit te proberen. "
    "Gebruik het niet om echt een instrument te kiezen of aan te vragen.",
    "De indeling volgt het bronbestand van de Excel-keuzehulp van Werkzaak Rivierenland "
    "(procesrapport TNO, 2021). De kenmerken zijn de echte kenmerken uit dat rapport.",
    "",
    "Tabbladen",
    "Instrumenten: de instrumenten die in de keuzehulp staan, één rij per instrument.",
    "Parkeer: instrumenten die (nog) niet of niet meer worden aangeboden.",
    "Kenmerken: de theoretische en afgeleide kenmerken, met uitleg voor de professional en "
    "voor de cliënt.",
    "",
    "Invullen",
    "Meerdere waarden in één cel (Fenger, kenmerken, gemeente) staan onder elkaar (Alt+Enter).",
    "Kenmerken mogen als code, als naam of als code met naam: 1.7 Zelfinzicht, 1.7 of Zelfinzicht.",
    "Leeg, - of n.v.t. betekent: geen.",
    "",
    "De keuzehulp is niet het hele aanbod: maatwerk, de sociale kaart, de standaard-"
    "instrumenten en langdurige werkomgevingen staan er niet in.",
    "",
    f"Versie {VERSIE}. Dit bestand wordt gemaakt door seed/maak_voorbeeldcatalogus.py.",
)


def _vul_toelichting(blad: Worksheet) -> None:
    """Explain in Dutch that this catalogue is fictional and for demonstration only."""
    blad.column_dimensions["A"].width = 110
    for rij, tekst in enumerate(TOELICHTING, start=1):
        cel = blad.cell(row=rij, column=1, value=tekst or None)
        cel.alignment = Alignment(wrap_text=True, vertical="top")
        if rij == 1:
            cel.font = TITEL_LETTER
        elif tekst in ("Tabbladen", "Invullen"):
            cel.font = Font(bold=True)


def _vul_kenmerken(blad: Worksheet, kenmerken: tuple[KenmerkBasis, ...]) -> None:
    """The complete characteristic tree, in code order, header in row 1."""
    koppen = (
        ("Code", 9),
        ("Naam", 42),
        ("Korte naam voor cliënt", 32),
        ("Uitleg", 80),
        ("Uitleg voor cliënt", 70),
    )
    for kolom, (kop, breedte) in enumerate(koppen, start=1):
        cel = blad.cell(row=1, column=kolom, value=kop)
        cel.font = KOP_LETTER
        cel.fill = KOP_VULLING
        blad.column_dimensions[get_column_letter(kolom)].width = breedte
    volgorde = sorted(kenmerken, key=lambda k: tuple(int(deel) for deel in k.code.split(".")))
    for rij, kenmerk in enumerate(volgorde, start=2):
        waarden = (
            kenmerk.code,
            kenmerk.naam,
            kenmerk.label_client,
            kenmerk.uitleg,
            kenmerk.uitleg_client,
        )
        for kolom, waarde in enumerate(waarden, start=1):
            cel = blad.cell(row=rij, column=kolom, value=waarde)
            cel.alignment = OMLOOP
            if "." not in kenmerk.code:
                cel.font = Font(bold=True)
    blad.freeze_panes = "A2"


def maak_werkmap() -> Workbook:
    """Build the sample catalogue workbook in memory."""
    kenmerkenlijst, routelijst = _laad_basisgegevens()
    kenmerken = {kenmerk.code: kenmerk for kenmerk in kenmerkenlijst}
    labels = {route.naam: route.label for route in routelijst}
    _controleer(kenmerken, set(labels))

    werkmap = Workbook()
    toelichting = werkmap.active
    toelichting.title = "Toelichting"
    _vul_toelichting(toelichting)
    _vul_instrumentblad(
        werkmap.create_sheet("Instrumenten"), TITEL_INSTRUMENTEN, INSTRUMENTEN, kenmerken, labels
    )
    _vul_instrumentblad(
        werkmap.create_sheet("Parkeer"), TITEL_PARKEER, GEPARKEERD, kenmerken, labels
    )
    _vul_kenmerken(werkmap.create_sheet("Kenmerken"), kenmerkenlijst)

    werkmap.properties.creator = "Werkzaak Rivierenland (voorbeeld)"
    werkmap.properties.lastModifiedBy = "Beheergroep instrumentarium (voorbeeld)"
    werkmap.properties.title = "Bronbestand keuzehulp (voorbeeldcatalogus)"
    werkmap.properties.created = VASTE_TIJD
    werkmap.properties.modified = VASTE_TIJD
    return werkmap


def schrijf(werkmap: Workbook, doel: Path) -> None:
    """Save with fixed timestamps, so that the same content gives the same bytes."""
    ruw = io.BytesIO()
    # ExcelWriter, unlike Workbook.save, keeps our modification time.
    ExcelWriter(werkmap, zipfile.ZipFile(ruw, "w", zipfile.ZIP_DEFLATED)).save()
    uit = io.BytesIO()
    with (
        zipfile.ZipFile(ruw) as bron,
        zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as archief,
    ):
        for info in bron.infolist():
            vast = zipfile.ZipInfo(info.filename, date_time=VASTE_ZIPTIJD)
            vast.compress_type = zipfile.ZIP_DEFLATED
            vast.external_attr = 0o644 << 16
            archief.writestr(vast, bron.read(info.filename))
    doel.write_bytes(uit.getvalue())


def main() -> None:
    """Write seed/instrumenten.xlsx and say what was written."""
    schrijf(maak_werkmap(), DOELBESTAND)
    print(
        f"{DOELBESTAND}: {len(INSTRUMENTEN)} instrumenten, "
        f"{len(GEPARKEERD)} geparkeerd, versie {VERSIE}"
    )


if __name__ == "__main__":
    main()
