"""Reading and writing the structured practical columns: duration, hours, start, Dutch, group.

Each reader takes a cell value and a `Meld` callback like the readers in `waarden`; an
unusable value is reported in Dutch and gives None, never a guess. Each `*_cel` function
writes a value the way its reader reads it back (export round trips change nothing).
"""

from __future__ import annotations

import datetime as dt
import math
import re

from keuzehulp.model.catalogus import GROEPSVORMEN
from keuzehulp.model.tekst import vouw
from keuzehulp.services.bronbestand.waarden import (
    FOUT,
    WAARSCHUWING,
    Meld,
    _bedoelt_u,
    citeer,
    is_niets,
    lees_kosten,
    splits,
)
from keuzehulp.services.instrumentgegevens import MAX_KOSTEN_CENTEN
from keuzehulp.services.omvang import DOORLOPEND, MAX_UREN, MAX_WEKEN, VASTE_DATA
from keuzehulp.services.weergave import getal_tekst

ONBEKEND_WOORDEN = frozenset({"onbekend", "weetniet", "nietbekend", "nogonbekend", "nvt"})

START_WAARDEN: dict[str, str] = {
    "doorlopend": DOORLOPEND,
    "doorlopendeinstroom": DOORLOPEND,
    "altijd": DOORLOPEND,
    "vastedata": VASTE_DATA,
    "vastedatum": VASTE_DATA,
    "vastestartdata": VASTE_DATA,
    "vastemomenten": VASTE_DATA,
}
START_TEKST = {DOORLOPEND: "doorlopend", VASTE_DATA: "vaste data"}

JA_NEE: dict[str, bool] = {"ja": True, "j": True, "nee": False, "n": False}

GROEPSVORM_WAARDEN: dict[str, str] = {
    "individueel": "individueel",
    "alleen": "individueel",
    "groep": "groep",
    "ingroep": "groep",
    "ineengroep": "groep",
    "groepsgewijs": "groep",
    "beide": "beide",
    "allebei": "beide",
    "individueelofgroep": "beide",
    "individueelenofgroep": "beide",
    "alleenofingroep": "beide",
    "alleenofineengroep": "beide",
}


def _onbekend(waarde: object) -> bool:
    """An empty cell, `-`, `n.v.t.` or `onbekend`: the field is unknown (None)."""
    if waarde is None:
        return True
    if isinstance(waarde, str):
        tekst = waarde.strip()
        return is_niets(tekst) or vouw(tekst) in ONBEKEND_WOORDEN
    return False


def _getal(waarde: object) -> float | None:
    if isinstance(waarde, bool):
        return None
    if isinstance(waarde, int | float):
        return float(waarde)
    tekst = str(waarde).strip().casefold()
    tekst = re.sub(r"\s*(weken|week|wk|uur|uren|u)\.?$", "", tekst).replace(",", ".")
    try:
        getal = float(tekst)
    except ValueError:
        return None
    return getal if math.isfinite(getal) else None


def lees_weken(waarde: object, meld: Meld) -> int | None:
    """Duration in whole weeks, 1 to 520; a fraction is rounded up (with a warning)."""
    if _onbekend(waarde):
        return None
    getal = _getal(waarde)
    if getal is None:
        meld(FOUT, "Schrijf een aantal weken, zoals 6, of laat de cel leeg als het onbekend is.")
        return None
    if not 0 < getal <= MAX_WEKEN:
        meld(FOUT, f"Een duur is 1 tot en met {MAX_WEKEN} weken.")
        return None
    weken = math.ceil(getal)
    if weken != getal:
        meld(WAARSCHUWING, f"De keuzehulp telt hele weken: afgerond naar {weken} weken.")
    return weken


def lees_uren(waarde: object, meld: Meld) -> float | None:
    """Hours per week, more than 0 and at most 60, decimal comma or point; one decimal kept."""
    if _onbekend(waarde):
        return None
    getal = _getal(waarde)
    if getal is None:
        meld(FOUT, "Schrijf een aantal uren per week, zoals 4 of 2,5, of laat de cel leeg.")
        return None
    if not 0 < getal <= MAX_UREN:
        meld(FOUT, f"Uren per week is meer dan 0 en hoogstens {MAX_UREN:.0f}.")
        return None
    afgerond = max(0.1, round(getal, 1))  # one decimal, as the editor shows it
    if afgerond != getal:
        meld(
            WAARSCHUWING,
            f"De keuzehulp telt uren op één decimaal: afgerond naar {getal_tekst(afgerond)}.",
        )
    return afgerond


def lees_start(waarde: object, meld: Meld) -> str | None:
    """`doorlopend` or `vaste data` (DOORLOPEND / VASTE_DATA)."""
    if _onbekend(waarde):
        return None
    soort = START_WAARDEN.get(vouw(str(waarde)))
    if soort is None:
        meld(
            FOUT,
            f"{citeer(waarde)} is geen start. Kies doorlopend (altijd beginnen) of vaste data."
            f"{_bedoelt_u(str(waarde), START_TEKST.values())}",
        )
    return soort


def _datum(deel: object) -> dt.date | None:
    if isinstance(deel, dt.datetime):
        return deel.date()
    if isinstance(deel, dt.date):
        return deel
    tekst = str(deel).strip()
    for patroon, volgorde in (
        (r"(\d{4})-(\d{1,2})-(\d{1,2})", (0, 1, 2)),
        (r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", (2, 1, 0)),
    ):
        m = re.fullmatch(patroon, tekst)
        if m is not None:
            jaar, maand, dag = (int(m.group(i + 1)) for i in volgorde)
            try:
                return dt.date(jaar, maand, dag)
            except ValueError:
                return None
    return None


def lees_startdata(waarde: object, meld: Meld) -> str | None:
    """Start dates (a date cell, or `11-01-2027; 08-03-2027`); ISO dates joined by "; "."""
    if _onbekend(waarde):
        return None
    delen: list[object] = [waarde] if isinstance(waarde, dt.date) else list(splits(waarde))
    if isinstance(waarde, str):  # commas also separate dates ("11-01-2027, 08-03-2027")
        delen = [d.strip() for deel in delen for d in str(deel).split(",") if d.strip()]
    datums: list[dt.date] = []
    for deel in delen:
        datum = _datum(deel)
        if datum is None:
            meld(
                FOUT,
                f"{citeer(deel)} is geen datum. Schrijf DD-MM-JJJJ, zoals 11-01-2027; "
                "zet meer datums onder elkaar of scheid ze met ‘;’.",
            )
            return None
        datums.append(datum)
    return "; ".join(d.isoformat() for d in sorted(set(datums))) or None


def lees_ja_nee(waarde: object, meld: Meld) -> bool | None:
    """`ja` / `nee` (also a TRUE/FALSE cell); empty or `onbekend` is None."""
    if isinstance(waarde, bool):
        return waarde
    if _onbekend(waarde):
        return None
    antwoord = JA_NEE.get(vouw(str(waarde)))
    if antwoord is None:
        meld(FOUT, f"{citeer(waarde)} is geen ja of nee. Schrijf ja, nee of laat de cel leeg.")
    return antwoord


def lees_groepsvorm(waarde: object, meld: Meld) -> str | None:
    """`individueel`, `groep` or `beide` (also `alleen`, `in een groep`, `allebei`)."""
    if _onbekend(waarde):
        return None
    vorm = GROEPSVORM_WAARDEN.get(vouw(str(waarde)))
    if vorm is None:
        meld(
            FOUT,
            f"{citeer(waarde)} is geen groepsvorm. Kies individueel, groep of beide."
            f"{_bedoelt_u(str(waarde), GROEPSVORMEN)}",
        )
    return vorm


def lees_kosten_klant(waarde: object, meld: Meld) -> int | None:
    """What the client pays, in cents: an amount like Kosten, or `gratis` (0)."""
    if _onbekend(waarde):
        return None
    fouten: list[tuple[str, str]] = []
    centen, tekst = lees_kosten(waarde, lambda ernst, melding: fouten.append((ernst, melding)))
    if any(ernst == FOUT for ernst, _ in fouten):
        for ernst, melding in fouten:
            meld(ernst, melding)
        return None
    if centen is None:
        meld(
            FOUT,
            f"{citeer(tekst or waarde)} is geen bedrag. Schrijf wat de klant zelf betaalt, "
            "zoals 0, gratis of € 25,00, of laat de cel leeg als het onbekend is.",
        )
        return None
    if centen > MAX_KOSTEN_CENTEN:
        meld(FOUT, "Dit bedrag is te hoog.")
        return None
    return centen


# --- writing --------------------------------------------------------------------------------


def start_cel(soort: str | None) -> str | None:
    return START_TEKST.get(soort) if soort else None


def startdata_cel(startdata: str | None) -> str | None:
    """ISO dates as the Dutch write them: '2027-01-11; 2027-03-08' -> '11-01-2027; 08-03-2027'."""
    if not startdata:
        return None
    datums = [dt.date.fromisoformat(d.strip()) for d in startdata.split(";") if d.strip()]
    return "; ".join(d.strftime("%d-%m-%Y") for d in datums) or None


def ja_nee_cel(waarde: bool | None) -> str | None:
    return None if waarde is None else ("ja" if waarde else "nee")
