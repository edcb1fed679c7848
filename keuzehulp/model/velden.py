"""The instrument's fields, defined once: label, bronbestand column, editor, detail view, form.

`VELDEN` is the one table (issue 11, item 10). The ORM model (`model/catalogus.py`) and the
plain values (`services/instrumentgegevens.py`) declare the fields with their types, and a test
holds them to this table; the bronbestand columns, the editor's field lists, the detail view's
rows, the search index's free text, the B1 check and the supplier form's questions are derived
from it. A new field is added here first; the test `tests/test_velden.py` then names every place
that still lacks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Soort(StrEnum):
    """What kind of value a field holds (decides how it is read, written and compared)."""

    TEKST = "tekst"  # one line
    LANGE_TEKST = "lange tekst"  # several sentences
    LINK = "link"  # web address, http(s)://
    CENTEN = "centen"  # money, whole euro cents
    CIJFER = "cijfer"  # a grade 1-10
    GETAL = "getal"  # weeks, hours
    JA_NEE = "ja/nee"  # True, False or None (unknown)
    KEUZE = "keuze"  # one value of a fixed list (an enum)
    DATUMS = "datums"  # ISO dates separated by "; "
    LIJST = "lijst"  # several codes or names (routes, kenmerken, gemeenten)


class Invoer(StrEnum):
    """The editor widget of a field (ui/beheer/instrument_formulier.py)."""

    REGEL = "regel"  # QLineEdit, or an editable QComboBox for a suggested text
    TEKSTVAK = "tekstvak"  # QPlainTextEdit
    KEUZELIJST = "keuzelijst"  # QComboBox with fixed choices
    EIGEN = "eigen"  # a purpose-built widget (check boxes, lists, spin boxes, dates)


class Sectie(StrEnum):
    """Where the detail view (ui/zoeken/detail.py) shows a field."""

    WAARSCHUWING = "waarschuwing"  # the notice above everything (consult an expert first)
    PRAKTISCH = "praktisch"  # the table of practical text facts, in `volgorde`
    PLAATS = "plaats"  # the gemeente row inside that table
    GESTRUCTUREERD = "gestructureerd"  # duration, hours, start, group, Dutch, client cost
    INTERN = "intern"  # for coaches only: cost to the gemeente, owner
    EFFECT = "effect"  # grades and evidence
    ROUTE = "route"  # the Fenger routes, explained
    KENMERKEN = "kenmerken"  # what it works on, explained
    AANMELDEN = "aanmelden"  # how to sign up


@dataclass(frozen=True, slots=True)
class Bronkolom:
    """The field's column in the bronbestand's Instrumenten sheet.

    `sleutel` is the column's key when it differs from the field name ("kosten" holds both
    kosten_centen and kosten_tekst). `optioneel`: a workbook without the column leaves the
    field as it is (issue 9). `uit_omvang`: the parser of the free "Omvang en duur" and
    "Beschikbaarheid" texts (services/omvang.py) can fill it when the column is empty.
    `breedte` is the column width in Excel's character units.
    """

    kop: str
    aliassen: tuple[str, ...] = ()
    breedte: int = 30
    sleutel: str | None = None
    verplicht: bool = False
    optioneel: bool = False
    uit_omvang: bool = False


@dataclass(frozen=True, slots=True)
class Detailplek:
    """A field's place in the detail view; `klantlabel` is its B1 heading for the client."""

    sectie: Sectie
    volgorde: int = 0
    klantlabel: str | None = None


@dataclass(frozen=True, slots=True)
class Formuliervraag:
    """A question of the supplier form (services/beheer/leveranciersformulier.py).

    `volgorde` orders the questions; `lijst` names a drop-down list; `aantal` rows for fields
    with several values.
    """

    volgorde: int
    vraag: str
    hulp: str
    lijst: str | None = None
    aantal: int = 1


@dataclass(frozen=True, slots=True)
class Veld:
    """One field of an instrument.

    `kolom` is None for a field without a column of its own; `deel_van` then names the
    column key that fills it too (kosten_tekst in "kosten", alle_gemeenten in "gemeenten").
    `tekstzoeken`: its words are part of the instrument's free text in search (naam and
    uitvoerder are searched with their own weight). `b1`: a client reads it, so the B1 check
    (services/leesbaarheid.py) applies.
    """

    naam: str
    label: str
    soort: Soort
    kolom: Bronkolom | None = None
    deel_van: str | None = None
    invoer: Invoer | None = None
    detail: Detailplek | None = None
    formulier: Formuliervraag | None = None
    tekstzoeken: bool = False
    b1: bool = False

    @property
    def kolomsleutel(self) -> str | None:
        """The bronbestand column key that fills this field, or None."""
        if self.kolom is not None:
            return self.kolom.sleutel or self.naam
        return self.deel_van


_P, _G, _I, _E, _A = (
    Sectie.PRAKTISCH,
    Sectie.GESTRUCTUREERD,
    Sectie.INTERN,
    Sectie.EFFECT,
    Sectie.AANMELDEN,
)
_F = Formuliervraag

# In bronbestand column order.
VELDEN: tuple[Veld, ...] = (
    Veld(
        "naam",
        "Naam",
        Soort.TEKST,
        Bronkolom("Naam", ("Naam instrument", "Instrument"), 40, verplicht=True),
        invoer=Invoer.REGEL,
        formulier=_F(
            1, "Naam", "Eerst de soort, dan uw organisatie. Bijvoorbeeld: Training, Stap Verder."
        ),
    ),
    Veld("status", "Status", Soort.KEUZE),
    Veld(
        "type",
        "Type",
        Soort.TEKST,
        Bronkolom("Type", ("Type instrument", "Soort"), 20),
        invoer=Invoer.REGEL,
        detail=Detailplek(_P, 1, "Soort"),
        formulier=_F(2, "Soort", "Kies uit de lijst.", "types"),
    ),
    Veld(
        "uitvoerder",
        "Uitvoerder",
        Soort.TEKST,
        Bronkolom("Uitvoerder", ("Leverancier", "Aanbieder"), 28),
        invoer=Invoer.REGEL,
        detail=Detailplek(_P, 2, "Wie"),
        formulier=_F(3, "Uw organisatie", "Wie voert het uit?"),
    ),
    Veld(
        "omschrijving",
        "Omschrijving",
        Soort.LANGE_TEKST,
        Bronkolom("Omschrijving", ("Korte omschrijving", "Beschrijving"), 50),
        invoer=Invoer.TEKSTVAK,
        detail=Detailplek(_P, 3, "Wat is het"),
        formulier=_F(4, "Wat is het?", "Schrijf twee of drie korte zinnen."),
        tekstzoeken=True,
        b1=True,
    ),
    Veld(
        "routes",
        "Fenger-route",
        Soort.LIJST,
        Bronkolom("Fenger", ("Fenger route", "Route", "Type traject"), 24, verplicht=True),
        invoer=Invoer.EIGEN,
        detail=Detailplek(Sectie.ROUTE),
        formulier=_F(5, "Route", "Kies uit de lijst. Meer routes mag.", "routes", 3),
    ),
    Veld(
        "kenmerken",
        "Afgeleide kenmerken",
        Soort.LIJST,
        Bronkolom("Afgeleide kenmerken", ("Afgeleid kenmerk",), 42, verplicht=True),
        invoer=Invoer.EIGEN,
        detail=Detailplek(Sectie.KENMERKEN),
        formulier=_F(6, "Waar werkt het aan?", "Kies uit de lijst. Meer mag.", "kenmerken", 6),
    ),
    Veld(
        "gemeenten",
        "Gemeente",
        Soort.LIJST,
        Bronkolom("Gemeente", ("Locatie gemeente", "Locatie"), 20),
        invoer=Invoer.EIGEN,
        detail=Detailplek(Sectie.PLAATS),
        formulier=_F(7, "Gemeente", "Waar is het? Of kies Alle gemeenten.", "gemeenten", 8),
    ),
    Veld(
        "alle_gemeenten",
        "Alle gemeenten",
        Soort.JA_NEE,
        deel_van="gemeenten",
        invoer=Invoer.EIGEN,
        detail=Detailplek(Sectie.PLAATS),
    ),
    Veld(
        "adres",
        "Adres",
        Soort.TEKST,
        Bronkolom("Adres", ("Locatie adres",), 32),
        invoer=Invoer.REGEL,
        detail=Detailplek(_P, 7, "Waar"),
        formulier=_F(8, "Adres", "Plaats, straat en huisnummer."),
    ),
    Veld(
        "doelgroep",
        "Doelgroep",
        Soort.LANGE_TEKST,
        Bronkolom("Doelgroep", (), 36),
        invoer=Invoer.TEKSTVAK,
        detail=Detailplek(_P, 5, "Voor wie"),
        formulier=_F(9, "Voor wie?", "Voor wie is het bedoeld?"),
        tekstzoeken=True,
        b1=True,
    ),
    Veld(
        "doel",
        "Doel",
        Soort.LANGE_TEKST,
        Bronkolom("Doel", (), 36),
        invoer=Invoer.TEKSTVAK,
        detail=Detailplek(_P, 4, "Wat levert het op"),
        formulier=_F(10, "Doel", "Wat kan iemand na afloop?"),
        tekstzoeken=True,
        b1=True,
    ),
    Veld(
        "instroomeis",
        "Instroomeis",
        Soort.LANGE_TEKST,
        Bronkolom("Instroomeis", ("Instroomeisen",), 30),
        invoer=Invoer.TEKSTVAK,
        detail=Detailplek(_P, 6, "Wat moet je al kunnen"),
        formulier=_F(
            11,
            "Wat moet iemand al kunnen?",
            "Bijvoorbeeld: een beetje Nederlands spreken.",
        ),
        b1=True,
    ),
    Veld(
        "nederlands_nodig",
        "Goed Nederlands nodig",
        Soort.JA_NEE,
        Bronkolom("Goed Nederlands nodig", ("Nederlands nodig", "Taaleis"), 14, optioneel=True),
        invoer=Invoer.EIGEN,
        detail=Detailplek(_G, 5, "Nederlands"),
        formulier=_F(
            12,
            "Moet iemand goed Nederlands kunnen?",
            "Kies ja of nee. Weet u het niet? Laat het leeg.",
            "janee",
        ),
    ),
    Veld(
        "omvang_duur",
        "Omvang en duur",
        Soort.LANGE_TEKST,
        Bronkolom("Omvang en duur", ("Duur", "Omvang"), 26),
        invoer=Invoer.TEKSTVAK,
        detail=Detailplek(_P, 8, "Hoe lang en hoe vaak"),
        formulier=_F(
            13, "Hoe lang duurt het?", "Bijvoorbeeld: tien weken, twee ochtenden per week."
        ),
        b1=True,
    ),
    Veld(
        "duur_weken",
        "Duur (weken)",
        Soort.GETAL,
        Bronkolom(
            "Duur (weken)",
            ("Duur in weken", "Aantal weken"),
            11,
            optioneel=True,
            uit_omvang=True,
        ),
        invoer=Invoer.EIGEN,
        detail=Detailplek(_G, 1, "Hoe lang"),
        formulier=_F(14, "Hoeveel weken in totaal?", "Een getal, zoals 10. Eén dag is 1 week."),
    ),
    Veld(
        "uren_per_week",
        "Uren per week",
        Soort.GETAL,
        Bronkolom(
            "Uren per week", ("Uur per week", "Uren p/w"), 11, optioneel=True, uit_omvang=True
        ),
        invoer=Invoer.EIGEN,
        detail=Detailplek(_G, 2, "Uren per week"),
        formulier=_F(15, "Hoeveel uur per week?", "Een getal, zoals 4 of 2,5."),
    ),
    Veld(
        "kosten_centen",
        "Kosten per persoon",
        Soort.CENTEN,
        Bronkolom("Kosten per persoon", ("Kosten",), 16, sleutel="kosten"),
        invoer=Invoer.REGEL,
        detail=Detailplek(_I, 1),
        formulier=_F(16, "Kosten per persoon", "Een bedrag, zoals 1250. Of schrijf: op aanvraag."),
    ),
    Veld(
        "kosten_tekst",
        "Kosten (tekst)",
        Soort.TEKST,
        deel_van="kosten",
        detail=Detailplek(_I, 1),
    ),
    Veld(
        "kosten_klant_centen",
        "Kosten voor de klant",
        Soort.CENTEN,
        Bronkolom(
            "Kosten voor de klant",
            ("Kosten klant", "Kosten voor cliënt", "Eigen bijdrage"),
            14,
            optioneel=True,
        ),
        invoer=Invoer.REGEL,
        detail=Detailplek(_G, 6, "Wat betaal je zelf"),
        formulier=_F(
            17,
            "Wat betaalt de deelnemer zelf?",
            "Meestal niets: schrijf dan gratis. Of een bedrag, zoals 25.",
        ),
    ),
    Veld(
        "werkwijze",
        "Werkwijze",
        Soort.LANGE_TEKST,
        Bronkolom("Werkwijze", (), 44),
        invoer=Invoer.TEKSTVAK,
        detail=Detailplek(_P, 9, "Hoe gaat het"),
        formulier=_F(18, "Hoe gaat het?", "Wat gebeurt er in een les of gesprek?"),
        tekstzoeken=True,
        b1=True,
    ),
    Veld(
        "groepsvorm",
        "Alleen of in een groep",
        Soort.KEUZE,
        Bronkolom(
            "Alleen of in groep",
            ("Alleen of in een groep", "Groepsvorm", "Individueel of groep"),
            14,
            optioneel=True,
        ),
        invoer=Invoer.EIGEN,
        detail=Detailplek(_G, 4, "Alleen of in een groep"),
        formulier=_F(
            19, "Alleen of in een groep?", "Kies individueel, groep of beide.", "groepsvormen"
        ),
    ),
    Veld(
        "beschikbaarheid",
        "Beschikbaarheid",
        Soort.LANGE_TEKST,
        Bronkolom(
            "Beschikbaarheid",
            ("Startdatum/planning/beschikbaarheid", "Startdatum", "Planning"),
            24,
        ),
        invoer=Invoer.TEKSTVAK,
        detail=Detailplek(_P, 11, "Wanneer"),
        formulier=_F(20, "Wanneer kan iemand beginnen?", "Bijvoorbeeld: elke maand, of altijd."),
        b1=True,
    ),
    Veld(
        "start_soort",
        "Start",
        Soort.KEUZE,
        Bronkolom(
            "Start",
            ("Soort start", "Doorlopend of vaste data"),
            13,
            optioneel=True,
            uit_omvang=True,
        ),
        invoer=Invoer.EIGEN,
        detail=Detailplek(_G, 3, "Wanneer begin je"),
        formulier=_F(
            21,
            "Altijd beginnen, of op vaste data?",
            "Kies doorlopend (altijd) of vaste data.",
            "start",
        ),
    ),
    Veld(
        "startdata",
        "Startdata",
        Soort.DATUMS,
        Bronkolom(
            "Startdata", ("Startdatums", "Startmomenten"), 24, optioneel=True, uit_omvang=True
        ),
        invoer=Invoer.EIGEN,
        detail=Detailplek(_G, 3, "Wanneer begin je"),
        formulier=_F(
            22,
            "Op welke datums begint het?",
            "Alleen bij vaste data. Bijvoorbeeld: 11-01-2027; 08-03-2027.",
        ),
    ),
    Veld(
        "aanmelding",
        "Aanmelding",
        Soort.LANGE_TEKST,
        Bronkolom("Aanmelding", ("Aanmelding/contactpersoon", "Contactpersoon"), 38),
        invoer=Invoer.TEKSTVAK,
        detail=Detailplek(_A, 1, "Hoe"),
        formulier=_F(
            23, "Hoe meldt iemand zich aan?", "Naam, telefoon of e-mail van de contactpersoon."
        ),
        b1=True,
    ),
    Veld(
        "bijzonderheden",
        "Bijzonderheden",
        Soort.LANGE_TEKST,
        Bronkolom("Bijzonderheden", (), 38),
        invoer=Invoer.TEKSTVAK,
        detail=Detailplek(_P, 12, "Goed om te weten"),
        formulier=_F(25, "Nog iets?", "Wat moeten we nog meer weten?"),
        b1=True,
    ),
    Veld(
        "rol_werkzoekende",
        "Rol werkzoekende",
        Soort.LANGE_TEKST,
        Bronkolom("Rol werkzoekende", ("Rol cliënt",), 48),
        invoer=Invoer.TEKSTVAK,
        detail=Detailplek(_P, 10, "Wat doe jij"),
        formulier=_F(24, "Wat doet de deelnemer zelf?", "Bijvoorbeeld: oefenen en huiswerk maken."),
        tekstzoeken=True,
        b1=True,
    ),
    Veld(
        "waardering_professionals",
        "Waardering professionals",
        Soort.CIJFER,
        Bronkolom("Waardering professionals", ("Rapportcijfer professionals",), 14),
        invoer=Invoer.REGEL,
        detail=Detailplek(_E, 1, "Cijfer van werkcoaches"),
    ),
    Veld(
        "waardering_werkzoekende",
        "Waardering werkzoekende",
        Soort.CIJFER,
        Bronkolom("Waardering werkzoekende", ("Rapportcijfer werkzoekende",), 14),
        invoer=Invoer.REGEL,
        detail=Detailplek(_E, 2, "Cijfer van deelnemers"),
    ),
    Veld(
        "onderbouwing",
        "Onderbouwing",
        Soort.KEUZE,
        Bronkolom("Onderbouwing", ("Niveau wetenschappelijke onderbouwing",), 26),
        invoer=Invoer.KEUZELIJST,
        detail=Detailplek(_E, 3, "Werkt het?"),
        formulier=_F(
            26,
            "Is het onderzocht?",
            "Kies uit de lijst. Weet u het niet? Laat het leeg.",
            "onderbouwing",
        ),
    ),
    Veld(
        "regiehouder",
        "Regiehouder",
        Soort.TEKST,
        Bronkolom("Regiehouder", (), 28),
        invoer=Invoer.REGEL,
        detail=Detailplek(_I, 2),
    ),
    Veld(
        "link",
        "Link",
        Soort.LINK,
        Bronkolom("Link", ("Documentatie", "Website"), 38),
        invoer=Invoer.REGEL,
        detail=Detailplek(_A, 2),
        formulier=_F(27, "Website", "Het adres begint met https://"),
    ),
    Veld(
        "overleg_met",
        "Eerst overleggen met",
        Soort.TEKST,
        Bronkolom("Eerst overleggen met", ("Overleg met expert",), 30),
        invoer=Invoer.REGEL,
        detail=Detailplek(Sectie.WAARSCHUWING),
    ),
)
PER_NAAM: dict[str, Veld] = {v.naam: v for v in VELDEN}

# Columns of the Instrument table that are bookkeeping, not fields of the instrument.
BOEKHOUDKOLOMMEN: frozenset[str] = frozenset(
    {"id", "naam_sleutel", "aangemaakt_op", "gewijzigd_op", "beoordeeld_op", "versie"}
)

SCALAIRE_VELDEN: tuple[str, ...] = tuple(v.naam for v in VELDEN if v.soort is not Soort.LIJST)
"""Fields that are one column of the Instrument table (copied one to one)."""
LIJST_VELDEN: tuple[str, ...] = tuple(v.naam for v in VELDEN if v.soort is Soort.LIJST)
"""Fields that are links to routes, kenmerken and gemeenten."""
B1_VELDEN: tuple[str, ...] = tuple(v.naam for v in VELDEN if v.b1)
"""Fields whose text reaches the client, in table order."""
TEKSTZOEK_VELDEN: tuple[str, ...] = tuple(v.naam for v in VELDEN if v.tekstzoeken)
"""Fields whose words make up an instrument's free text in search."""


def in_sectie(sectie: Sectie) -> tuple[Veld, ...]:
    """The fields the detail view shows in `sectie`, in their `volgorde`."""
    gevonden = [v for v in VELDEN if v.detail is not None and v.detail.sectie is sectie]
    return tuple(sorted(gevonden, key=lambda v: v.detail.volgorde if v.detail else 0))


_ANDERE_LABELS: dict[str, str] = {
    "beoordeeld_op": "Laatst beoordeeld",
    "aangemaakt_op": "In de catalogus sinds",
    # kenmerken and routes themselves
    "code": "Code",
    "uitleg": "Uitleg",
    "uitleg_client": "Uitleg voor cliënt",
    "parent": "Valt onder",
    "actief": "Actief",
    "label": "Label",
    "label_client": "Korte naam voor cliënt",
    "gebruiker": "Gebruiker",
    "versiedatum": "Versiedatum",
    "omschrijving_versie": "Omschrijving",
}
VELDLABELS: dict[str, str] = {v.naam: v.label for v in VELDEN} | _ANDERE_LABELS
"""Names of fields as users read them (editor, log, dry run, exports)."""


def veldlabel(veld: str | None) -> str:
    """The Dutch label of a field name; the name itself when none is known."""
    if veld is None:
        return ""
    return VELDLABELS.get(veld, veld.replace("_", " ").capitalize())
