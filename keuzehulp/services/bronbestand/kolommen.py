"""Bronbestand sheets and columns: names, aliases and how headers are recognised."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from keuzehulp.model.tekst import vouw

BLAD_INSTRUMENTEN = "Instrumenten"
BLAD_PARKEER = "Parkeer"
BLAD_KENMERKEN = "Kenmerken"
BLAD_LIJSTEN = "Keuzelijsten"
KENMERKBLAD_NAMEN: frozenset[str] = frozenset({vouw("Kenmerken"), vouw("Uitleg kenmerken")})

# The header is the first row, among the first KOP_ZOEKRIJEN, that has a Naam column.
KOP_ZOEKRIJEN = 10
ALLE_GEMEENTEN = "Alle gemeenten"


@dataclass(frozen=True, slots=True)
class Kolom:
    """One instrument column: the field it fills, its header and the headers people also use."""

    veld: str
    kop: str
    aliassen: tuple[str, ...] = ()
    breedte: int = 30


# In export order. `veld` is an InstrumentGegevens field, or one of: id, theoretisch, kosten.
# The structured practical columns (issue 9) stand next to the free text they refine.
KOLOMMEN: tuple[Kolom, ...] = (
    Kolom("id", "ID", (), 8),
    Kolom("naam", "Naam", ("Naam instrument", "Instrument"), 40),
    Kolom("type", "Type", ("Type instrument", "Soort"), 20),
    Kolom("uitvoerder", "Uitvoerder", ("Leverancier", "Aanbieder"), 28),
    Kolom("omschrijving", "Omschrijving", ("Korte omschrijving", "Beschrijving"), 50),
    Kolom("routes", "Fenger", ("Fenger route", "Route", "Type traject"), 24),
    Kolom("theoretisch", "Theoretische kenmerken", ("Kenmerken",), 26),
    Kolom("kenmerken", "Afgeleide kenmerken", ("Afgeleid kenmerk",), 42),
    Kolom("gemeenten", "Gemeente", ("Locatie gemeente", "Locatie"), 20),
    Kolom("adres", "Adres", ("Locatie adres",), 32),
    Kolom("doelgroep", "Doelgroep", (), 36),
    Kolom("doel", "Doel", (), 36),
    Kolom("instroomeis", "Instroomeis", ("Instroomeisen",), 30),
    Kolom("nederlands_nodig", "Goed Nederlands nodig", ("Nederlands nodig", "Taaleis"), 14),
    Kolom("omvang_duur", "Omvang en duur", ("Duur", "Omvang"), 26),
    Kolom("duur_weken", "Duur (weken)", ("Duur in weken", "Aantal weken"), 11),
    Kolom("uren_per_week", "Uren per week", ("Uur per week", "Uren p/w"), 11),
    Kolom("kosten", "Kosten per persoon", ("Kosten",), 16),
    Kolom(
        "kosten_klant_centen",
        "Kosten voor de klant",
        ("Kosten klant", "Kosten voor cliënt", "Eigen bijdrage"),
        14,
    ),
    Kolom("werkwijze", "Werkwijze", (), 44),
    Kolom(
        "groepsvorm",
        "Alleen of in groep",
        ("Alleen of in een groep", "Groepsvorm", "Individueel of groep"),
        14,
    ),
    Kolom(
        "beschikbaarheid",
        "Beschikbaarheid",
        ("Startdatum/planning/beschikbaarheid", "Startdatum", "Planning"),
        24,
    ),
    Kolom("start_soort", "Start", ("Soort start", "Doorlopend of vaste data"), 13),
    Kolom("startdata", "Startdata", ("Startdatums", "Startmomenten"), 24),
    Kolom("aanmelding", "Aanmelding", ("Aanmelding/contactpersoon", "Contactpersoon"), 38),
    Kolom("bijzonderheden", "Bijzonderheden", (), 38),
    Kolom("rol_werkzoekende", "Rol werkzoekende", ("Rol cliënt",), 48),
    Kolom(
        "waardering_professionals",
        "Waardering professionals",
        ("Rapportcijfer professionals",),
        14,
    ),
    Kolom(
        "waardering_werkzoekende", "Waardering werkzoekende", ("Rapportcijfer werkzoekende",), 14
    ),
    Kolom("onderbouwing", "Onderbouwing", ("Niveau wetenschappelijke onderbouwing",), 26),
    Kolom("regiehouder", "Regiehouder", (), 28),
    Kolom("link", "Link", ("Documentatie", "Website"), 38),
    Kolom("overleg_met", "Eerst overleggen met", ("Overleg met expert",), 30),
)
PER_VELD: dict[str, Kolom] = {k.veld: k for k in KOLOMMEN}
VERPLICHT: tuple[str, ...] = ("naam", "routes", "kenmerken")

# Optional columns added for the spreekkamer (issue 9). A workbook without one of them leaves
# that field as it is (older bronbestanden must not wipe what the editor filled in).
OPTIONELE_VELDEN: tuple[str, ...] = (
    "nederlands_nodig",
    "duur_weken",
    "uren_per_week",
    "kosten_klant_centen",
    "groepsvorm",
    "start_soort",
    "startdata",
)
# Of those, the ones the parser of the free texts can fill (services/omvang.py).
OMVANG_VELDEN: tuple[str, ...] = ("duur_weken", "uren_per_week", "start_soort", "startdata")

# Plain text columns: copied as text, `-` and `n.v.t.` mean empty.
TEKSTVELDEN: tuple[str, ...] = (
    "type",
    "uitvoerder",
    "omschrijving",
    "adres",
    "doelgroep",
    "doel",
    "instroomeis",
    "omvang_duur",
    "werkwijze",
    "beschikbaarheid",
    "aanmelding",
    "bijzonderheden",
    "rol_werkzoekende",
    "regiehouder",
    "overleg_met",
)


# The InstrumentGegevens fields each column fills; id and theoretisch fill none (the first
# matches, the second is checked against the derived kenmerken).
_GEEN_VELD: frozenset[str] = frozenset({"id", "theoretisch"})
VELDEN_VAN_KOLOM: dict[str, tuple[str, ...]] = {
    k.veld: (
        ()
        if k.veld in _GEEN_VELD
        else ("kosten_centen", "kosten_tekst")
        if k.veld == "kosten"
        else ("gemeenten", "alle_gemeenten")
        if k.veld == "gemeenten"
        else (k.veld,)
    )
    for k in KOLOMMEN
}

# Code columns: written as text (format "@"), so that Excel never turns 1.10 into 1.1.
CODE_VELDEN: frozenset[str] = frozenset({"theoretisch", "kenmerken", "code"})


def _kop_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for kolom in KOLOMMEN:
        for kop in (kolom.kop, *kolom.aliassen):
            index[vouw(kop)] = kolom.veld
    return index


KOP_NAAR_VELD: dict[str, str] = _kop_index()

# Kenmerken sheet.
KENMERK_KOLOMMEN: tuple[Kolom, ...] = (
    Kolom("code", "Code", ("Nummer", "Nr"), 9),
    Kolom("naam", "Naam", ("Kenmerk",), 42),
    Kolom(
        "label_client",
        "Korte naam voor cliënt",
        ("Korte naam cliënt", "Label cliënt", "Label voor cliënt", "Korte naam"),
        30,
    ),
    Kolom("uitleg", "Uitleg", ("Uitleg professional", "Toelichting"), 80),
    Kolom("uitleg_client", "Uitleg voor cliënt", ("Uitleg client", "Uitleg B1"), 70),
)
KENMERK_KOP_NAAR_VELD: dict[str, str] = {
    vouw(kop): k.veld for k in KENMERK_KOLOMMEN for kop in (k.kop, *k.aliassen)
}


def veld_van_kop(kop: object, index: dict[str, str] | None = None) -> str | None:
    """The field a header cell names, or None (case, accents, spaces and punctuation ignored)."""
    if not isinstance(kop, str):
        return None
    return (KOP_NAAR_VELD if index is None else index).get(vouw(kop))


# Every header and alias as people write it, by its folded form: for "Bedoelt u ...?".
_WEERGAVE: dict[str, str] = {
    vouw(kop): kop
    for kolom in (*KOLOMMEN, *KENMERK_KOLOMMEN)
    for kop in (kolom.kop, *kolom.aliassen)
}
_MIN_DEEL = 4  # a known header shorter than this is no evidence inside another one ("doel")


def dichtstbijzijnde_kop(
    kop: str, index: dict[str, str], aanwezig: Sequence[Any] = ()
) -> str | None:
    """The known header that an unrecognised `kop` most likely means, or None.

    `index` is KOP_NAAR_VELD or KENMERK_KOP_NAAR_VELD; headers of columns already in the
    header row `aanwezig` are not offered (renaming would make a duplicate). The closest by
    spelling wins (difflib ratio >= 0.75, "Omschrijvnig"); else the longest known header
    inside the unknown one ("Kosten p.p. (excl. btw)" -> "Kosten"); else the shortest known
    header that contains it.
    """
    gevouwen = vouw(kop)
    if not gevouwen:
        return None
    bezet = {index[vouw(c)] for c in aanwezig if isinstance(c, str) and vouw(c) in index}
    vrij = [sleutel for sleutel, veld in index.items() if veld not in bezet]
    gelijkend = difflib.get_close_matches(gevouwen, vrij, n=1, cutoff=0.75)
    if gelijkend:
        return _WEERGAVE.get(gelijkend[0])
    binnen = [s for s in vrij if len(s) >= _MIN_DEEL and s in gevouwen]
    if binnen:
        return _WEERGAVE.get(max(binnen, key=len))
    om = [s for s in vrij if len(gevouwen) >= _MIN_DEEL and gevouwen in s]
    return _WEERGAVE.get(min(om, key=len)) if om else None


def onbekende_kolom_melding(kop: str, index: dict[str, str], koprij: Sequence[Any]) -> str:
    """The warning for a header the importer does not know, with the nearest known one."""
    melding = "Onbekende kolom; de keuzehulp slaat deze kolom over."
    naast = dichtstbijzijnde_kop(kop, index, koprij)
    if naast is not None:
        melding += f" Bedoelt u ‘{naast}’? Geef de kolom dan die kop."
    return melding


def kolomletter(nummer: int) -> str:
    """1 -> 'A', 27 -> 'AA'."""
    letters = ""
    while nummer > 0:
        nummer, rest = divmod(nummer - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
