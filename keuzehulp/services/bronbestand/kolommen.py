"""Bronbestand sheets and columns: names, aliases and how headers are recognised."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from keuzehulp.model.tekst import vouw
from keuzehulp.model.velden import VELDEN, Soort

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


# In export order: the instrument's fields with a column (model/velden.py, in table order),
# with two columns that fill no field: the ID that matches rows to instruments, and the
# theoretical kenmerken (checked against the derived ones) before the derived kenmerken.
_ID = Kolom("id", "ID", (), 8)
_THEORETISCH = Kolom("theoretisch", "Theoretische kenmerken", ("Kenmerken",), 26)


def _kolommen() -> tuple[Kolom, ...]:
    uit = [_ID]
    for veld in VELDEN:
        if veld.kolom is None:
            continue
        if veld.naam == "kenmerken":
            uit.append(_THEORETISCH)
        k = veld.kolom
        uit.append(Kolom(veld.kolomsleutel or veld.naam, k.kop, k.aliassen, k.breedte))
    return tuple(uit)


KOLOMMEN: tuple[Kolom, ...] = _kolommen()
PER_VELD: dict[str, Kolom] = {k.veld: k for k in KOLOMMEN}
VERPLICHT: tuple[str, ...] = tuple(
    v.naam for v in VELDEN if v.kolom is not None and v.kolom.verplicht
)

# Optional columns added for the spreekkamer (issue 9). A workbook without one of them leaves
# that field as it is (older bronbestanden must not wipe what the editor filled in).
OPTIONELE_VELDEN: tuple[str, ...] = tuple(
    v.naam for v in VELDEN if v.kolom is not None and v.kolom.optioneel
)
# Of those, the ones the parser of the free texts can fill (services/omvang.py).
OMVANG_VELDEN: tuple[str, ...] = tuple(
    v.naam for v in VELDEN if v.kolom is not None and v.kolom.uit_omvang
)

# Plain text columns: copied as text, `-` and `n.v.t.` mean empty (the required name and the
# link have readers of their own).
TEKSTVELDEN: tuple[str, ...] = tuple(
    v.naam
    for v in VELDEN
    if v.kolom is not None and not v.kolom.verplicht and v.soort in (Soort.TEKST, Soort.LANGE_TEKST)
)

# The InstrumentGegevens fields each column fills; id and theoretisch fill none.
VELDEN_VAN_KOLOM: dict[str, tuple[str, ...]] = {
    k.veld: tuple(v.naam for v in VELDEN if v.kolomsleutel == k.veld) for k in KOLOMMEN
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
