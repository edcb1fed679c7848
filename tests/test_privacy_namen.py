"""Names in free texts: refused with the words named, ordinary Dutch accepted (issue 15).

A table of sentences a coach or client might write. The rules and their data are in
keuzehulp/services/namen.py; the known misses are listed at the bottom, so that a change
that fixes or breaks one is seen.
"""

from __future__ import annotations

import gzip
import importlib.resources
import random

import pytest

from keuzehulp.model.errors import InvoerFout
from keuzehulp.services import namen
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.services.privacy import controleer, controleer_geen_naam, naam_in
from keuzehulp.ui.gesprek.terugblik_melding import BEDRIJF_OF_STRAAT, voor_klant

# (sentence, the words that must be quoted)
NAMEN = [
    ("Jan de Vries vond het fijn", "Jan de Vries"),
    ("Ik ben Fatima en het was leuk", "Ik ben Fatima"),
    ("mevrouw jansen was tevreden over de training", "mevrouw jansen"),
    ("Mevrouw Jansen was tevreden", "Mevrouw Jansen"),
    ("meneer Jansen wil door met solliciteren", "meneer Jansen"),
    ("dhr. de vries belde om af te zeggen", "dhr. de vries"),
    ("Gesprek gehad met de heer Bakker", "de heer Bakker"),
    ("mevrouw roos vond de groep te groot", "mevrouw roos"),
    ("ik heet ahmed en ik wil werken", "ik heet ahmed"),
    ("Mijn naam is Sanne", "Mijn naam is Sanne"),
    ("Het ging goed met Sanne", "Sanne"),
    ("Fatima was blij met de plek", "Fatima"),
    ("Jan vond het fijn", "Jan"),
    ("De start ging goed, Mohammed was op tijd", "Mohammed"),
    ("Samen met Kees het cv gemaakt", "Kees"),
    ("Fatima el Amrani heeft de cursus afgerond", "Fatima el Amrani"),
    ("De klant en Jan Jansen spraken af", "Jan Jansen"),
    ("Zij is Roos en ze wil verder", "Zij is Roos"),
    ("ik ben yusuf", "ik ben yusuf"),
    ("De begeleider, Anouk, was heel fijn", "Anouk"),
    ("Volgens Emre is de werkplek te ver", "Emre"),
    ("familie Öztürk komt volgende week", "familie Öztürk"),
    ("mevrouw de jong belde", "mevrouw de jong"),
    ("meneer van der meer was er niet", "meneer van der meer"),
    # in lower case, as clients often type
    ("jan de vries vond het fijn", "jan de vries"),
    ("fatima el amrani kwam te laat", "fatima el amrani"),
    ("ik sprak met kees van der berg", "kees van der berg"),
    ("fatima amrani was blij", "fatima amrani"),
    ("jan jansen vond het fijn", "jan jansen"),
    ("de training met anouk de graaf was goed", "anouk de graaf"),
    # a surname that looks like a street word, and a person living in a street
    ("Jan van der Laan belde", "Jan van der Laan"),
    ("Jan woont in de Goyenstraat", "Jan"),
    ("Sanne werkt bij Albert Heijn", "Sanne"),
]

GEWOON = [
    "Ik ben Marokkaanse en wil graag werken",
    "Ik ben blij met de stageplek",
    "Hoop doet leven",
    "Roos was blij",  # a name, but also a flower: a known miss (see MISSERS)
    "Wil graag meer uren werken",
    "Meneer wil graag verder met de cursus",
    "mevrouw zei dat het goed ging",
    "Meneer twijfelt nog over de opleiding",
    "meneer van de gemeente belde",
    "meneer van de wijk kwam langs",
    "De klant woont in Tiel en reist naar Zaltbommel",
    "Het traject bij Werkfit Tiel liep goed",
    "De klant wil naar Culemborg of Geldermalsen",
    "Dat heet Werkfit en het duurt acht weken",
    "De klant is gestart met Sterk naar Werk",
    "Ze vond de Taalcoach erg nuttig",
    "Het UWV betaalt de jobcoach",
    "Ben je tevreden over de begeleiding?",
    "Ik ben gestopt omdat het te zwaar was",
    "Het was een goede start, de klant is positief",
    "De groep was te groot en het tempo te hoog",
    "Dit is een goed instrument voor taal",
    "Het ging in Buren beter dan in Tiel",
    "De klant heeft een Turkse achtergrond",
    "Stichting De Roos helpt met werk",
    "Ik vond de coach heel fijn.",
    "Leuk om te doen. Wel veel reizen.",
    "De klant kreeg een plek bij Albert Heijn",
    # ordinary sentences in lower case, with particles after a word that is also a first name
    "het ging van de ene naar de andere plek",
    "mark de dagen in je agenda",
    "mark de punten die je belangrijk vindt",
    "ik ging met sanne de stad in",  # the name alone in lower case: a known miss, see MISSERS
    "ik heb met jan de tafel gedekt",  # idem: "jan" alone
    "ze gaat naar de markt met ans de hele dag",  # idem: "ans" alone
    "roos van de buren hielp met het cv",
    "ik heb de hele dag van de ene naar de andere klant gereden",
    "hoop op een baan in de zorg",
    "wil graag meer uren maken",
    "het ging van kwaad tot erger",
    "zij heeft een baan bij de bakker",
    "de coach van de gemeente was fijn",
    "bij de start van de training was ik nerveus",
    "max twee dagen per week werken",
    "mei de maand van de start",
    "ik zette tim in de hoek",
    # streets and employers whose name starts with a first name
    "Ik woon in de Jan van Goyenstraat",
    "ik woon in de jan van goyenstraat",
    "Ik woon in de Jan van Goyen straat",
    "Ik woon aan de Willem de Zwijgerlaan",
    "Ik werk nu bij Albert Heijn",
    "Ik werk bij Jan Linders in Tiel",
    "Hij werkt bij Dirk van den Broek",
    "Stage bij de Hema en daarna bij Albert Heijn",
]

# Known misses, kept visible: (sentence, what the guard says now, what would be right).
MISSERS = [
    ("Roos was blij", None, "Roos"),  # name and flower at a sentence start: passes
    ("ik ging met sanne naar de les", None, "sanne"),  # a lower-case first name alone
    ("Ik werk bij Bakkerij Jan Smit", "Jan Smit", None),  # a firm not on the short list
    ("Breda is ver reizen", "Breda", None),  # a town that is also a first name
    ("Bas was er niet", None, "Bas"),  # name and ordinary word ("bas"), popularity 6
    ("Mark je voorkeur in het overzicht", "Mark", None),  # popular name (7) opening a sentence
]
GEWOON = [z for z in GEWOON if z not in {m[0] for m in MISSERS}]


@pytest.mark.parametrize(("zin", "naam"), NAMEN)
def test_een_naam_wordt_geweigerd_met_het_woord_erbij(zin: str, naam: str) -> None:
    assert naam_in(zin) == naam
    with pytest.raises(
        InvoerFout, match=f"Opmerking: hierin staat misschien een naam \\(‘{naam}’\\)"
    ):
        controleer_geen_naam(zin, "Opmerking")
    with pytest.raises(InvoerFout, match="Schrijf ‘de klant’"):
        controleer(zin, "Notitie", namen=True)


@pytest.mark.parametrize("zin", GEWOON)
def test_gewone_zinnen_komen_erdoor(zin: str) -> None:
    assert naam_in(zin) is None
    controleer(zin, "Notitie", namen=True)


@pytest.mark.parametrize(("zin", "nu", "goed"), MISSERS)
def test_bekende_missers_staan_vast(zin: str, nu: str | None, goed: str | None) -> None:
    assert nu != goed
    assert naam_in(zin) == nu


def test_de_melding_helpt_ook_bij_een_bedrijf_of_straat() -> None:
    with pytest.raises(InvoerFout) as fout:
        controleer_geen_naam("Ik werk bij Bakkerij Jan Smit", "Opmerking van de klant")
    melding = str(fout.value)
    assert (
        "Gaat het om een bedrijf of straat? Beschrijf het dan, bijvoorbeeld ‘een supermarkt’."
        in (melding)
    )
    klant = voor_klant(melding)  # what the client reads in the terugblik
    assert klant.startswith("In je tekst staat een naam: ‘Jan Smit’. Haal dat weg.")
    assert klant.endswith(BEDRIJF_OF_STRAAT) and beoordeel(klant).ok
    geen_naam = voor_klant("Opmerking van de klant: hierin staat een e-mailadres. Haal het weg.")
    assert BEDRIJF_OF_STRAAT not in geen_naam


def test_zonder_namen_vlag_controleert_controleer_geen_namen() -> None:
    controleer("Jan de Vries vond het fijn", "Zoektekst")  # the search text: instrument names


def test_de_tabel_is_groot_genoeg() -> None:
    assert len(NAMEN) + len(GEWOON) + len(MISSERS) >= 40


def test_woordenlijst_zoekt_elk_woord_terug() -> None:
    """The binary search over the sorted OpenTaal list finds every word and no neighbours."""
    pad = importlib.resources.files("keuzehulp") / "data" / "woorden_nl.txt.gz"
    woorden = gzip.decompress(pad.read_bytes()).decode("utf-8").split("\n")[:-1]
    assert woorden == sorted(woorden) and len(woorden) > 300_000
    steekproef = [*random.Random(15).sample(woorden, 2000), woorden[0], woorden[-1]]
    for woord in steekproef:
        assert namen.is_gewoon_woord(woord), woord
        assert not namen.is_gewoon_woord(woord + "qx"), woord
    assert not namen.is_gewoon_woord("jansen") and not namen.is_gewoon_woord("")


def test_voornamen_komen_uit_de_lijst() -> None:
    jan = namen.voornaam("Jan")
    assert jan is not None and jan.nlbe >= namen.POPULAIR_NLBE
    assert namen.voornaam("Marokkaanse") is None and namen.voornaam("Tiel") is None
