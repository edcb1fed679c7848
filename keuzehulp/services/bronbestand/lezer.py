"""Reading a bronbestand workbook into rows per sheet, with every problem found on the way."""

from __future__ import annotations

import re
import warnings
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.model.tekst import vouw
from keuzehulp.services.bronbestand.archief import ArchiefTeGroot, StrictOpenXml, controleer_archief
from keuzehulp.services.bronbestand.bladlezer import (
    DATUM_BUITEN_BEREIK,
    FORMULE,
    MAX_RIJ,
    Bijzonder,
    BladLezer,
)
from keuzehulp.services.bronbestand.cellen import schoon_tekst, toon_naam
from keuzehulp.services.bronbestand.kolommen import (
    BLAD_INSTRUMENTEN,
    BLAD_PARKEER,
    KENMERK_KOLOMMEN,
    KENMERK_KOP_NAAR_VELD,
    KENMERKBLAD_NAMEN,
    KOP_NAAR_VELD,
    KOP_ZOEKRIJEN,
    PER_VELD,
    VERPLICHT,
    Kolom,
    kolomletter,
    onbekende_kolom_melding,
)
from keuzehulp.services.bronbestand.waarden import FOUT, WAARSCHUWING, citeer

Voortgang = Callable[[int, str], None]
"""voortgang(percentage, what is happening) for progress bars."""

TAAL = "taal"
INSTRUMENT_CODEVELDEN = ("kenmerken", "theoretisch")  # cells that hold kenmerk codes
_OLE_KOP = bytes.fromhex("D0CF11E0A1B11AE1")
_VERSLEUTELD = "EncryptedPackage".encode("utf-16-le")


class WerkmapOnleesbaar(KeuzehulpError):
    """The file cannot be read as a bronbestand at all (exit status 2)."""


@dataclass(frozen=True, slots=True)
class Probleem:
    """One problem in the workbook: where, which value, what is wrong (in Dutch)."""

    blad: str
    rij: int | None
    kolom: str | None  # "G (Afgeleide kenmerken)"
    waarde: str | None
    melding: str
    ernst: str = FOUT
    onderwerp: str = ""  # TAAL for a B1 warning on a client-visible text; "" otherwise

    @property
    def is_fout(self) -> bool:
        return self.ernst == FOUT

    @property
    def is_taal(self) -> bool:
        """A B1 warning on a text the client sees (issue 9, item 8)."""
        return self.onderwerp == TAAL

    def __str__(self) -> str:
        plek = [self.blad]
        if self.rij is not None:
            plek.append(f"rij {self.rij}")
        if self.kolom:
            plek.append(f"kolom {self.kolom}")
        waarde = f" {citeer(self.waarde)}" if self.waarde not in (None, "") else ""
        return f"{', '.join(plek)}{waarde}: {self.ernst}: {self.melding}"


@dataclass(slots=True)
class Blad:
    """A sheet's header and data rows (rows as read, values only)."""

    naam: str
    kop_rij: int
    kolommen: dict[str, tuple[int, str]]  # veld -> (0-based index, header text)
    rijen: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    # row number -> velden of cells the reader refused (a formula without a result, an error
    # value): the reader reported them, so the row fails without a second message.
    geweigerd: dict[int, set[str]] = field(default_factory=dict)

    def kolom(self, veld: str) -> str | None:
        if veld not in self.kolommen:
            return None
        index, kop = self.kolommen[veld]
        return f"{kolomletter(index + 1)} ({kop})"

    def waarde(self, rij: tuple[Any, ...], veld: str) -> Any:
        plek = self.kolommen.get(veld)
        if plek is None or plek[0] >= len(rij):
            return None
        return rij[plek[0]]


@dataclass(slots=True)
class Werkmap:
    """What a bronbestand holds, before any value is interpreted."""

    instrumenten: Blad | None
    parkeer: Blad | None
    kenmerken: Blad | None
    problemen: list[Probleem]


def controleer_bestand(pad: Path) -> None:
    """Refuse, with a Dutch reason, anything that is not a readable xlsx workbook."""
    if not pad.exists():
        raise WerkmapOnleesbaar(f"Het bestand {pad} bestaat niet.")
    if pad.is_dir():
        raise WerkmapOnleesbaar(f"{pad} is een map, geen bestand.")
    try:
        with pad.open("rb") as f:
            begin = f.read(8)
            if begin == _OLE_KOP:
                inhoud = begin + f.read()
                if _VERSLEUTELD in inhoud:
                    raise WerkmapOnleesbaar(
                        f"{pad.name} is beveiligd met een wachtwoord. Haal in Excel de "
                        "beveiliging eraf (Bestand > Info > Werkmap beveiligen) en probeer opnieuw."
                    )
                raise WerkmapOnleesbaar(
                    f"{pad.name} is een oud Excel-bestand (.xls). Open het in Excel of "
                    "LibreOffice en sla het op als Excel-werkmap (.xlsx)."
                )
    except OSError as fout:
        raise WerkmapOnleesbaar(f"{pad.name} kan niet worden gelezen: {fout.strerror}.") from None
    if not begin:
        raise WerkmapOnleesbaar(f"{pad.name} is leeg (0 bytes).")
    if not zipfile.is_zipfile(pad):
        if begin.startswith(b"PK"):
            raise WerkmapOnleesbaar(
                f"{pad.name} is beschadigd (onvolledig) en kan niet als Excel-werkmap worden "
                "gelezen. Open het in Excel of LibreOffice, sla het opnieuw op en probeer het nog "
                "eens."
            )
        raise WerkmapOnleesbaar(
            f"{pad.name} is geen Excel-werkmap (.xlsx), maar bijvoorbeeld tekst, CSV of PDF. "
            "Sla het bronbestand in Excel op als Excel-werkmap (.xlsx)."
        )
    try:
        with zipfile.ZipFile(pad) as archief:
            namen = set(archief.namelist())
            if "mimetype" in namen and b"opendocument" in archief.read("mimetype"):
                raise WerkmapOnleesbaar(
                    f"{pad.name} is een LibreOffice-bestand (.ods). Kies in LibreOffice "
                    "‘Opslaan als’ en dan Excel 2007-365 (.xlsx)."
                )
            if "xl/workbook.xml" not in namen:
                raise WerkmapOnleesbaar(
                    f"{pad.name} is een zip-bestand, maar geen Excel-werkmap (.xlsx)."
                )
            controleer_archief(archief, pad.name)
    except ArchiefTeGroot as fout:
        raise WerkmapOnleesbaar(fout.melding) from None
    except StrictOpenXml as fout:
        raise WerkmapOnleesbaar(f"{pad.name}: {fout}") from None
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error):
        raise _beschadigd(pad) from None


def _beschadigd(pad: Path) -> WerkmapOnleesbaar:
    return WerkmapOnleesbaar(
        f"{pad.name} is beschadigd en kan niet als Excel-werkmap worden gelezen. "
        "Open het in Excel of LibreOffice, sla het opnieuw op en probeer het nog eens."
    )


def _leeg(rij: tuple[Any, ...]) -> bool:
    return all(w is None or (isinstance(w, str) and not w.strip()) for w in rij)


def _lees_blad(
    blad: Any,
    kop_index: dict[str, str],
    kop_veld: str,
    problemen: list[Probleem],
    verplicht: tuple[str, ...],
    definities: dict[str, Kolom],
    voortgang: Callable[[int], None] | None = None,
    codevelden: tuple[str, ...] = (),
) -> Blad | None:
    """Find the header among the first rows, map columns, collect the non-empty rows.

    Rows are read only as wide as the header; cells in `codevelden` that hold a number or a
    date arrive as `GetalCode`. Unusable cells, merged ranges and values beyond the header
    are reported in `problemen`.
    """
    titel = blad.title
    gezocht: Blad | None = None
    iets = False
    lezer = BladLezer(blad)
    te_ver = False
    zonder_kop: list[int] = []  # columns inside the header's width whose header is empty
    for nummer, rij, bijzonder in lezer.rijen():
        if gezocht is None:
            if not _leeg(rij):
                iets = True
            if nummer > KOP_ZOEKRIJEN:
                break
            velden = [kop_index.get(vouw(w)) if isinstance(w, str) else None for w in rij]
            if kop_veld in velden:
                gezocht = _kopregel(titel, nummer, rij, kop_index, problemen, verplicht, definities)
                lezer.breedte = len(rij)
                lezer.codekolommen = frozenset(
                    gezocht.kolommen[veld][0] for veld in codevelden if veld in gezocht.kolommen
                )
                zonder_kop = [i for i, kop in enumerate(rij) if _lege_kop(kop)]
            continue
        if voortgang is not None and nummer % 500 == 0:
            voortgang(nummer)
        if bijzonder:
            _meld_bijzonder(gezocht, nummer, bijzonder, problemen)
        elif _leeg(rij):
            continue
        for index in zonder_kop:
            if rij[index] is not None and index not in lezer.voorbij:
                lezer.voorbij[index] = nummer
        if nummer > MAX_RIJ:
            if not te_ver:
                te_ver = True
                problemen.append(_buiten_excel(titel, nummer))
            continue
        gezocht.rijen.append((nummer, rij))
    if gezocht is None and iets:
        problemen.append(
            Probleem(
                titel,
                None,
                None,
                None,
                f"Geen kopregel gevonden: geen cel ‘{definities[kop_veld].kop}’ in de eerste "
                f"{KOP_ZOEKRIJEN} rijen. De verplichte kolom ‘{definities[kop_veld].kop}’ "
                "ontbreekt.",
            )
        )
    if gezocht is not None:
        _vul_samengevoegd(gezocht, lezer.samengevoegd, problemen)
        _meld_zonder_kop(gezocht, lezer.voorbij, problemen)
    return gezocht


def _lege_kop(kop: object) -> bool:
    return kop is None or (isinstance(kop, str) and not kop.strip())


def _buiten_excel(titel: str, nummer: int) -> Probleem:
    return Probleem(
        titel,
        nummer,
        None,
        None,
        f"Rij {nummer:,} bestaat niet in Excel (dat heeft hoogstens {MAX_RIJ:,} rijen). "
        "Het bestand is beschadigd of door een ander programma fout gemaakt; deze rij en de "
        "rijen erna worden niet gelezen. Open het bestand in Excel of LibreOffice, sla het "
        "opnieuw op en probeer het nog eens.".replace(",", "."),
    )


def _veld_per_index(blad: Blad) -> dict[int, str]:
    return {index: veld for veld, (index, _kop) in blad.kolommen.items()}


def _meld_bijzonder(
    blad: Blad, nummer: int, bijzonder: list[Bijzonder], problemen: list[Probleem]
) -> None:
    """Report formula cells without a result and error values in recognised columns.

    Such a cell is an error naming the cell and the formula as the cause; its field is
    marked refused so that the row's reader does not add "De naam ontbreekt" or the like.
    """
    per_index = _veld_per_index(blad)
    for cel in bijzonder:
        veld = per_index.get(cel.kolom)
        if veld is None:
            continue  # an ignored column
        adres = f"{kolomletter(cel.kolom + 1)}{nummer}"
        if cel.soort == FORMULE:
            melding = (
                f"Cel {adres} heeft een formule zonder uitkomst: het programma dat het bestand "
                "maakte, heeft de formule niet uitgerekend. Open het bestand in Excel of "
                "LibreOffice en sla het daar op; dan staat de uitkomst erin."
            )
            waarde = None
        elif cel.soort == DATUM_BUITEN_BEREIK:
            melding = (
                f"Cel {adres} is opgemaakt als datum, maar het getal {cel.waarde} is geen "
                "datum die Excel kent. Verbeter de cel of geef de kolom een andere opmaak."
            )
            waarde = None
        else:
            melding = (
                f"Cel {adres} heeft de foutwaarde {cel.waarde}: de formule in die cel geeft "
                "een fout. Verbeter de formule in Excel of LibreOffice, of typ de waarde zelf "
                "in."
            )
            waarde = cel.waarde
        blad.geweigerd.setdefault(nummer, set()).add(veld)
        problemen.append(Probleem(blad.naam, nummer, blad.kolom(veld), waarde, melding))


def _vul_samengevoegd(blad: Blad, bereiken: list[str], problemen: list[Probleem]) -> None:
    """Give every data row of a merged range the range's value (issue 12, item 1).

    Excel keeps a merged value in the range's top-left cell only. Down a column, the value
    is meant for every row: each row gets it, with a warning naming the range. Across
    columns, the value belongs to the first column; the others stay empty, with a warning.
    A range that joins the header with data rows is an error.
    """
    if not bereiken:
        return
    per_index = _veld_per_index(blad)
    plek = {nummer: i for i, (nummer, _rij) in enumerate(blad.rijen)}
    for bereik in bereiken:
        try:
            links, boven, rechts, onder = range_boundaries(bereik)
        except (TypeError, ValueError):
            continue
        if onder <= blad.kop_rij or boven is None or links is None:
            continue  # titles above the header
        velden = [per_index[i - 1] for i in range(links, rechts + 1) if i - 1 in per_index]
        if not velden:
            continue
        eerste = per_index.get(links - 1)
        if boven <= blad.kop_rij:
            problemen.append(
                Probleem(
                    blad.naam,
                    boven,
                    blad.kolom(velden[0]),
                    None,
                    f"De cellen {bereik} zijn samengevoegd met de kopregel. Maak de "
                    "samenvoeging ongedaan (Start > Samenvoegen en centreren).",
                )
            )
            continue
        bovenste = plek.get(boven)
        waarde = (
            blad.rijen[bovenste][1][links - 1]
            if bovenste is not None and links - 1 < len(blad.rijen[bovenste][1])
            else None
        )
        if waarde is None or eerste is None:
            continue
        gevuld = 0
        for nummer in range(boven + 1, onder + 1):
            index = plek.get(nummer)
            if index is None:
                continue  # an empty row stays empty
            cellen = list(blad.rijen[index][1])
            cellen[links - 1] = waarde
            blad.rijen[index] = (nummer, tuple(cellen))
            gevuld += 1
        naar = [blad.kolom(v) for v in velden[1:]]
        delen = []
        if gevuld:
            delen.append(f"elke rij van {boven} tot en met {onder} krijgt deze waarde")
        if naar:
            delen.append(
                f"de waarde hoort bij kolom {blad.kolom(eerste)}; "
                f"{' en '.join(str(k) for k in naar)} blijft leeg"
            )
        if not delen:
            continue
        problemen.append(
            Probleem(
                blad.naam,
                boven,
                blad.kolom(eerste),
                str(waarde),
                f"De cellen {bereik} zijn samengevoegd: {'; '.join(delen)}. Controleer of dat "
                "klopt; liever maakt u de samenvoeging ongedaan en vult u elke cel zelf.",
                WAARSCHUWING,
            )
        )


def _meld_zonder_kop(blad: Blad, voorbij: dict[int, int], problemen: list[Probleem]) -> None:
    """A warning for each column without a header that holds values: they are skipped."""
    for index in sorted(voorbij):
        letter = kolomletter(index + 1)
        problemen.append(
            Probleem(
                blad.naam,
                voorbij[index],
                letter,
                None,
                f"Kolom {letter} heeft geen kop in rij {blad.kop_rij}; de waarden in deze "
                "kolom worden overgeslagen. Geef de kolom een kop of maak hem leeg.",
                WAARSCHUWING,
            )
        )


def _kopregel(
    titel: str,
    nummer: int,
    rij: tuple[Any, ...],
    kop_index: dict[str, str],
    problemen: list[Probleem],
    verplicht: tuple[str, ...],
    definities: dict[str, Kolom],
) -> Blad:
    kolommen: dict[str, tuple[int, str]] = {}
    for index, kop in enumerate(rij):
        if kop is None or (isinstance(kop, str) and not kop.strip()):
            continue
        letter = kolomletter(index + 1)
        veld = kop_index.get(vouw(str(kop)))
        if veld is None:
            problemen.append(
                Probleem(
                    titel,
                    nummer,
                    letter,
                    str(kop),
                    onbekende_kolom_melding(str(kop), kop_index, rij),
                    WAARSCHUWING,
                )
            )
        elif veld in kolommen:
            eerder = kolomletter(kolommen[veld][0] + 1)
            problemen.append(
                Probleem(
                    titel,
                    nummer,
                    letter,
                    str(kop),
                    f"Deze kolom staat er twee keer (ook in kolom {eerder}). Houd er één over.",
                )
            )
        else:
            kolommen[veld] = (index, str(kop).strip())
    for veld in verplicht:
        if veld not in kolommen:
            kolom = definities[veld]
            ook = f" (ook goed: {', '.join(kolom.aliassen)})" if kolom.aliassen else ""
            problemen.append(
                Probleem(
                    titel, nummer, None, None, f"De verplichte kolom ‘{kolom.kop}’ ontbreekt{ook}."
                )
            )
    return Blad(titel, nummer, kolommen)


def lees_werkmap(pad: Path, voortgang: Voortgang | None = None) -> Werkmap:
    """Open the workbook and read its three sheets; raise WerkmapOnleesbaar if it cannot.

    openpyxl's warnings (English: "extension is not supported", dates out of range) never
    reach the user: they are caught here; what matters for the data is reported by the
    sheet reader as a Dutch problem.
    """
    controleer_bestand(pad)
    # We hold the file ourselves: openpyxl leaves it open when a damaged file makes it fail.
    with pad.open("rb") as bestand, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            boek = load_workbook(bestand, read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds on damaged files
            raise _beschadigd(pad) from None
        try:
            # Damage inside the zip shows only while reading (checking every entry first
            # would cost as much as reading it).
            _schoon_gedeelde_teksten(boek)
            return _lees_boek(boek, pad, voortgang)
        except (zipfile.BadZipFile, zlib.error, EOFError, ParseError, ValueError, KeyError):
            raise _beschadigd(pad) from None
        finally:
            boek.close()


def _schoon_gedeelde_teksten(boek: Any) -> None:
    """Clean the shared string table once (`schoon_tekst`), instead of every cell."""
    for blad in boek.worksheets:
        teksten = getattr(blad, "_shared_strings", None)
        if isinstance(teksten, list):
            teksten[:] = [schoon_tekst(t) if isinstance(t, str) else t for t in teksten]
            return


_DIMENSIE = re.compile(r'<(?:\w+:)?dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')


def _geschatte_rijen(blad: Any) -> int:
    """Rows in a sheet, for progress only: from its <dimension> tag, else from its size.

    openpyxl's own `max_row` parses the whole sheet when the tag is missing (as in files
    written by openpyxl in write-only mode), which would double the reading time.
    """
    try:
        archief, pad = blad.parent._archive, blad._worksheet_path
        with archief.open(pad) as xml:
            begin = xml.read(4096).decode("utf-8", "ignore")
        gevonden = _DIMENSIE.search(begin)
        if gevonden and gevonden.group(1):
            return int(gevonden.group(1))
        return int(archief.getinfo(pad).file_size // 1800)
    except (AttributeError, KeyError, OSError, ValueError, zipfile.BadZipFile):
        return 0


def _kies_bladen(boek: Any, pad: Path) -> dict[str, str]:
    """Folded name -> sheet name; refuses two tabs that fold to a name the importer reads.

    "Instrumenten" and "Instrumenten " (or with a zero-width space) are the same name to the
    importer: picking one would silently import the other's rows, so the file is refused.
    A chart sheet under such a name is refused too.
    """
    groepen: dict[str, list[str]] = defaultdict(list)
    for naam in boek.sheetnames:
        groepen[vouw(schoon_tekst(naam))].append(naam)
    gelezen = (vouw(BLAD_INSTRUMENTEN), vouw(BLAD_PARKEER), *sorted(KENMERKBLAD_NAMEN))
    rollen = [
        groepen.get(vouw(BLAD_INSTRUMENTEN), []),
        groepen.get(vouw(BLAD_PARKEER), []),
        # "Kenmerken" and "Uitleg kenmerken" are one role: two such tabs are as ambiguous.
        [naam for gevouwen in sorted(KENMERKBLAD_NAMEN) for naam in groepen.get(gevouwen, [])],
    ]
    for namen in rollen:
        if len(namen) > 1:
            lijst = " en ".join(f"‘{toon_naam(n)}’" for n in namen)
            soort = (
                "met bijna dezelfde naam"
                if len({vouw(schoon_tekst(n)) for n in namen}) == 1
                else "met de kenmerken"
            )
            raise WerkmapOnleesbaar(
                f"{pad.name} heeft {len(namen)} tabbladen {soort}: {lijst}. "
                "De keuzehulp weet niet welk tabblad het bronbestand is. Verwijder of "
                "hernoem de tabbladen die niet gelezen moeten worden."
            )
    per_naam = {gevouwen: namen[0] for gevouwen, namen in groepen.items()}
    for gevouwen in gelezen:
        naam = per_naam.get(gevouwen)
        if naam is not None and not hasattr(boek[naam], "iter_rows"):
            raise WerkmapOnleesbaar(
                f"Het tabblad ‘{naam}’ in {pad.name} is een grafiekblad, geen werkblad met "
                "rijen. Geef het grafiekblad een andere naam, of zet de gegevens op een "
                f"gewoon werkblad met de naam ‘{naam.strip()}’."
            )
    return per_naam


def _lees_boek(boek: Any, pad: Path, voortgang: Voortgang | None) -> Werkmap:
    per_naam = _kies_bladen(boek, pad)
    if vouw(BLAD_INSTRUMENTEN) not in per_naam:
        bladen = ", ".join(boek.sheetnames) or "geen"
        raise WerkmapOnleesbaar(
            f"{pad.name} heeft geen tabblad ‘{BLAD_INSTRUMENTEN}’ (wel: {bladen}). "
            "Het bronbestand heeft de instrumenten op een tabblad met die naam."
        )
    problemen: list[Probleem] = []
    instrumentblad = boek[per_naam[vouw(BLAD_INSTRUMENTEN)]]
    totaal = max(_geschatte_rijen(instrumentblad), 1)

    def meld_voortgang(rij: int) -> None:
        if voortgang is not None:
            voortgang(min(99, rij * 100 // totaal), "Bronbestand lezen")

    instrumenten = _lees_blad(
        instrumentblad,
        KOP_NAAR_VELD,
        "naam",
        problemen,
        VERPLICHT,
        PER_VELD,
        meld_voortgang,
        INSTRUMENT_CODEVELDEN,
    )
    if instrumenten is None and not problemen:
        raise WerkmapOnleesbaar(
            f"Het tabblad ‘{instrumentblad.title}’ in {pad.name} is leeg: er staan geen "
            "instrumenten in."
        )
    parkeer = None
    if vouw(BLAD_PARKEER) in per_naam:
        parkeer = _lees_blad(
            boek[per_naam[vouw(BLAD_PARKEER)]],
            KOP_NAAR_VELD,
            "naam",
            problemen,
            VERPLICHT,
            PER_VELD,
            codevelden=INSTRUMENT_CODEVELDEN,
        )
    kenmerken = None
    for gevouwen, naam in per_naam.items():
        if gevouwen in KENMERKBLAD_NAMEN:
            kenmerken = _lees_blad(
                boek[naam],
                KENMERK_KOP_NAAR_VELD,
                "code",
                problemen,
                ("code", "naam"),
                {k.veld: k for k in KENMERK_KOLOMMEN},
                codevelden=("code",),
            )
            break
    return Werkmap(instrumenten, parkeer, kenmerken, problemen)
