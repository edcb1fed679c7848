"""Turning bronbestand rows into InstrumentGegevens and KenmerkRegels, problem by problem."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.tekst import naam_sleutel
from keuzehulp.model.velden import VELDLABELS
from keuzehulp.services.bronbestand import praktisch as p
from keuzehulp.services.bronbestand import waarden as w
from keuzehulp.services.bronbestand.basis import Basis, KenmerkRegel, code_sleutel
from keuzehulp.services.bronbestand.kolommen import (
    KOLOMMEN,
    OMVANG_VELDEN,
    PER_VELD,
    TEKSTVELDEN,
    VELDEN_VAN_KOLOM,
    VERPLICHT,
)
from keuzehulp.services.bronbestand.lezer import Blad, Probleem
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, nederlandse_fouten
from keuzehulp.services.leesbaarheid import woorden as w_woorden
from keuzehulp.services.omvang import DOORLOPEND, VASTE_DATA

LABEL_MAX_TEKENS = 80  # Kenmerk.label_client is a String(80)
LABEL_MAX_WOORDEN = 6


@dataclass(frozen=True, slots=True)
class InstrumentRij:
    """One instrument as the workbook has it."""

    blad: str
    rij: int
    id: int | None
    gegevens: InstrumentGegevens
    sleutel: str  # naam_sleutel of the name: unique over the workbook
    naam_kolom: str | None = None  # "B (Naam)", for messages about the row
    id_kolom: str | None = None
    # Fields whose column this sheet does not have (or does not recognise): they keep the
    # catalogue's value (see aanvullen.vul_aan); one shared set per sheet.
    afwezig: frozenset[str] = frozenset()


PRAKTISCHE_LEZERS: tuple[tuple[str, Callable[[Any, w.Meld], Any]], ...] = (
    ("nederlands_nodig", p.lees_ja_nee),
    ("duur_weken", p.lees_weken),
    ("uren_per_week", p.lees_uren),
    ("kosten_klant_centen", p.lees_kosten_klant),
    ("groepsvorm", p.lees_groepsvorm),
    ("start_soort", p.lees_start),
    ("startdata", p.lees_startdata),
)


def _ontbrekende_kolommen(blad: Blad) -> list[str]:
    return [
        k.veld
        for k in KOLOMMEN
        if k.veld not in blad.kolommen and k.veld not in VERPLICHT and VELDEN_VAN_KOLOM[k.veld]
    ]


def afwezige_velden(blad: Blad) -> frozenset[str]:
    """The InstrumentGegevens fields whose column this sheet lacks (issue 12, item 3).

    A missing or unrecognised column leaves its field of every instrument unchanged; only an
    empty cell in a recognised column clears a field.
    """
    return frozenset(v for kolom in _ontbrekende_kolommen(blad) for v in VELDEN_VAN_KOLOM[kolom])


def behouden_melding(blad: Blad, paren: Iterable[tuple[InstrumentRij, Any]]) -> Probleem | None:
    """A warning naming the columns this sheet lacks whose values the import keeps; or None.

    `paren`: (row, its catalogue values or None) for this sheet's rows. Quiet when nothing
    is kept (a first import, or a column that is empty in the catalogue too).
    """
    aantallen: dict[str, int] = {}
    for rij, oud in paren:
        if oud is None or rij.blad != blad.naam:
            continue
        for kolom in _ontbrekende_kolommen(blad):
            if kolom in OMVANG_VELDEN:
                continue  # read from the free texts when absent (aanvullen.py)
            if any(
                getattr(oud, veld) != getattr(rij.gegevens, veld)
                for veld in VELDEN_VAN_KOLOM[kolom]
            ):
                aantallen[kolom] = aantallen.get(kolom, 0) + 1
    if not aantallen:
        return None
    namen = ", ".join(
        f"‘{PER_VELD[k].kop}’ ({n} {'instrument' if n == 1 else 'instrumenten'})"
        for k, n in aantallen.items()
    )
    enkel = len(aantallen) == 1
    return Probleem(
        blad.naam,
        blad.kop_rij,
        None,
        None,
        f"{'Deze kolom ontbreekt' if enkel else 'Deze kolommen ontbreken'} of "
        f"{'wordt' if enkel else 'worden'} niet herkend: {namen}. De keuzehulp laat "
        f"{'dat gegeven' if enkel else 'die gegevens'} in de catalogus zoals "
        f"{'het is' if enkel else 'ze zijn'}. Alleen een lege cel in een herkende kolom maakt "
        "een gegeven leeg.",
        w.WAARSCHUWING,
    )


class _Cel:
    """Collects problems for the cell being read."""

    def __init__(self, blad: Blad, rij: int, problemen: list[Probleem], streng: bool) -> None:
        self.blad, self.rij, self.problemen, self.streng = blad, rij, problemen, streng
        # Cells the reader refused (and reported) count as this row's errors.
        self.geweigerd: set[str] | frozenset[str] = blad.geweigerd.get(rij, frozenset())
        self.fouten = len(self.geweigerd)

    def meld(self, veld: str, waarde: Any, ernst: str, melding: str) -> None:
        if ernst == w.FOUT:
            self.fouten += 1
        if veld in self.geweigerd:
            return  # the reader reported this cell already (a formula, an error value)
        tekst = None if waarde is None else str(waarde)
        self.problemen.append(
            Probleem(self.blad.naam, self.rij, self.blad.kolom(veld), tekst, melding, ernst)
        )

    def voor(self, veld: str, waarde: Any) -> w.Meld:
        return lambda ernst, melding: self.meld(veld, waarde, ernst, melding)


class Geheugen:
    """Each reader's outcome per distinct cell value, for the rows of one import.

    Routes, kenmerken, gemeenten, start, group form and the like repeat from row to row; the
    readers are pure functions of the value (and the import's Basis), so each distinct value
    is interpreted once and its problems are replayed for every cell that holds it (issue 12,
    item 13). Use one Geheugen per import: the Basis must not change under it.
    """

    def __init__(self) -> None:
        self._uitkomsten: dict[tuple[Any, ...], tuple[Any, tuple[tuple[str, str], ...]]] = {}

    def lees(self, lezer: Callable[..., Any], waarde: Any, meld: w.Meld, *basis: Basis) -> Any:
        """`lezer(waarde, *basis, meld)`, computed once per value."""
        sleutel = (lezer, type(waarde), waarde)
        try:
            bekend = self._uitkomsten.get(sleutel)
        except TypeError:  # an unhashable value: read it directly
            return lezer(waarde, *basis, meld)
        if bekend is None:
            meldingen: list[tuple[str, str]] = []
            uitkomst = lezer(waarde, *basis, lambda e, m: meldingen.append((e, m)))
            bekend = self._uitkomsten[sleutel] = (uitkomst, tuple(meldingen))
        for ernst, melding in bekend[1]:
            meld(ernst, melding)
        return bekend[0]

    def lees_cel(
        self, lezer: Callable[..., Any], cel: _Cel, veld: str, waarde: Any, *basis: Basis
    ) -> Any:
        """As `lees`, reporting to `cel` for `veld`; no callback is made for a known value."""
        try:
            bekend = self._uitkomsten.get((lezer, type(waarde), waarde))
        except TypeError:
            bekend = None
        if bekend is None:
            return self.lees(lezer, waarde, cel.voor(veld, waarde), *basis)
        for ernst, melding in bekend[1]:
            cel.meld(veld, waarde, ernst, melding)
        return bekend[0]


def lees_instrumentrij(
    blad: Blad,
    rij: int,
    cellen: tuple[Any, ...],
    basis: Basis,
    status: InstrumentStatus,
    problemen: list[Probleem],
    afwezig_cache: frozenset[str] | None = None,
    geheugen: Geheugen | None = None,
) -> InstrumentRij | None:
    """Interpret one row; None (with problems reported) when it has errors.

    `afwezig_cache`: `afwezige_velden(blad)`, computed once per sheet by the caller;
    `geheugen`: one Geheugen shared by the import's rows (repeated values read once).
    """
    # Parked instruments may be incomplete: a missing route or kenmerk is only a warning there.
    streng = status == InstrumentStatus.ACTIEF
    cel = _Cel(blad, rij, problemen, streng)
    geheugen = geheugen or Geheugen()
    breedte = len(cellen)
    # Every cell of the row by field, once (the readers below ask for each several times).
    per_veld = {veld: cellen[i] for veld, (i, _) in blad.kolommen.items() if i < breedte}
    waarde = per_veld.get

    def lees(lezer: Callable[..., Any], veld: str, *basis: Basis) -> Any:
        return geheugen.lees_cel(lezer, cel, veld, per_veld.get(veld), *basis)

    gegevens: dict[str, Any] = {"status": status}
    afwezig = afwezige_velden(blad) if afwezig_cache is None else afwezig_cache
    naam = w.lees_tekst(waarde("naam"))
    if naam is None:
        cel.meld(
            "naam", waarde("naam"), w.FOUT, "De naam ontbreekt. Elk instrument heeft een naam."
        )
    gegevens["naam"] = naam or ""
    for veld in TEKSTVELDEN:
        gegevens[veld] = w.lees_tekst(waarde(veld))
    ident = w.lees_id(waarde("id"), cel.voor("id", waarde("id")))
    fouten_per_veld: dict[str, int] = {}
    for veld, lezer in (("routes", w.lees_routes), ("kenmerken", w.lees_afgeleide)):
        voor = cel.fouten
        gegevens[veld] = lees(lezer, veld, basis)
        fouten_per_veld[veld] = cel.fouten - voor
    kenmerken: tuple[str, ...] = gegevens["kenmerken"]
    voor = cel.fouten
    groepen = lees(w.lees_groepen, "theoretisch", basis)
    if groepen is not None and cel.fouten == voor and not fouten_per_veld["kenmerken"]:
        afgeleid = sorted({basis.kenmerk_per_code[c].groep for c in kenmerken}, key=int)
        if list(groepen) != afgeleid and kenmerken:
            cel.meld(
                "theoretisch",
                waarde("theoretisch"),
                w.FOUT,
                "De theoretische kenmerken passen niet bij de afgeleide kenmerken: die horen "
                f"bij groep {', '.join(afgeleid)}, hier staat {', '.join(groepen)}. "
                "Verbeter een van beide, of maak deze cel leeg.",
            )
    for veld, label in (("routes", "Fenger-route"), ("kenmerken", "afgeleid kenmerk")):
        if not gegevens[veld] and not fouten_per_veld[veld]:
            cel.meld(
                veld,
                waarde(veld),
                w.FOUT if streng else w.WAARSCHUWING,
                f"Er staat geen {label}; een instrument heeft er minstens één.",
            )
    alle, gemeenten = lees(w.lees_gemeenten, "gemeenten", basis)
    gegevens["alle_gemeenten"], gegevens["gemeenten"] = alle, gemeenten
    gegevens["kosten_centen"], gegevens["kosten_tekst"] = lees(w.lees_kosten, "kosten")
    for veld in ("waardering_professionals", "waardering_werkzoekende"):
        gegevens[veld] = lees(w.lees_cijfer, veld)
    gegevens["onderbouwing"] = lees(w.lees_onderbouwing, "onderbouwing")
    gegevens["link"] = w.lees_link(waarde("link"), cel.voor("link", waarde("link")))
    _lees_praktisch(blad, cel, waarde, gegevens, lees)
    if cel.fouten:
        return None
    try:
        instrument = InstrumentGegevens(**gegevens)
        return InstrumentRij(
            blad.naam,
            rij,
            ident,
            instrument,
            naam_sleutel(instrument.naam),
            blad.kolom("naam"),
            blad.kolom("id"),
            afwezig,
        )
    except ValidationError as fout:
        labels = {label: veld for veld, label in VELDLABELS.items()}
        for label, melding in nederlandse_fouten(fout):
            veld = labels.get(label, label)
            cel.meld(veld, waarde(veld), w.FOUT, f"{label} {melding}.")
        return None


def _lees_praktisch(
    blad: Blad,
    cel: _Cel,
    waarde: Callable[[str], Any],
    gegevens: dict[str, Any],
    lees: Callable[..., Any],
) -> None:
    """The structured practical columns that this sheet has; start and dates must agree."""
    for veld, lezer in PRAKTISCHE_LEZERS:
        if veld in blad.kolommen:
            gegevens[veld] = lees(lezer, veld)
    if not gegevens.get("startdata"):
        return
    if gegevens.get("start_soort") is None and cel.fouten == 0:
        gegevens["start_soort"] = VASTE_DATA  # dates given: the instrument starts on them
    elif gegevens.get("start_soort") == DOORLOPEND:
        cel.meld(
            "startdata",
            waarde("startdata"),
            w.FOUT,
            "Er staan startdata, maar bij Start staat ‘doorlopend’. Kies ‘vaste data’ bij "
            "Start, of maak de cel Startdata leeg.",
        )


def lees_kenmerkrijen(
    blad: Blad, basis: Basis, problemen: list[Probleem]
) -> tuple[KenmerkRegel, ...]:
    """The Kenmerken sheet as rows; codes are checked, parents must exist."""
    regels: dict[str, KenmerkRegel] = {}
    for rij, cellen in blad.rijen:
        cel = _Cel(blad, rij, problemen, True)
        ruwe_code = blad.waarde(cellen, "code")
        if isinstance(ruwe_code, w.GetalCode):  # a code Excel stored as a number or date
            code = w.lees_codegetal(ruwe_code, basis.kenmerk_per_code, cel.voor("code", ruwe_code))
            if code is None:
                continue
        else:
            code = w.lees_tekst(ruwe_code)
        naam = w.lees_tekst(blad.waarde(cellen, "naam"))
        if code is None or not all(deel.isdecimal() for deel in code.split(".")):
            cel.meld(
                "code",
                ruwe_code,
                w.FOUT,
                "Een code bestaat uit cijfers met punten ertussen, zoals 1, 1.3 of 1.3.1.",
            )
            continue
        if naam is None:
            cel.meld("naam", None, w.FOUT, f"Kenmerk {code} heeft geen naam.")
            continue
        if code in regels:
            cel.meld("code", ruwe_code, w.FOUT, f"Code {code} staat twee keer in dit blad.")
            continue
        ouder = code.rpartition(".")[0]
        if ouder and ouder not in regels and ouder not in basis.kenmerk_per_code:
            cel.meld(
                "code",
                ruwe_code,
                w.FOUT,
                f"Kenmerk {code} valt onder {ouder}, maar dat kenmerk bestaat niet.",
            )
            continue
        label = w.lees_tekst(blad.waarde(cellen, "label_client")) or ""
        if len(label) > LABEL_MAX_TEKENS:
            cel.meld(
                "label_client",
                label,
                w.FOUT,
                f"De korte naam is te lang (hoogstens {LABEL_MAX_TEKENS} tekens). "
                "Gebruik hoogstens 6 woorden, zoals ‘Beter omgaan met stress’.",
            )
            continue
        if len(w_woorden(label)) > LABEL_MAX_WOORDEN:
            cel.meld(
                "label_client",
                label,
                w.WAARSCHUWING,
                f"De korte naam heeft {len(w_woorden(label))} woorden; houd het bij "
                f"hoogstens {LABEL_MAX_WOORDEN}, zodat het op een knop past.",
            )
        regels[code] = KenmerkRegel(
            code,
            naam,
            w.lees_tekst(blad.waarde(cellen, "uitleg")) or "",
            w.lees_tekst(blad.waarde(cellen, "uitleg_client")) or "",
            label,
        )
    return tuple(sorted(regels.values(), key=lambda k: code_sleutel(k.code)))
