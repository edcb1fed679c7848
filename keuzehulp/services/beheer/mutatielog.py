"""Read the mutation log: filter it, show an instrument's history, export it to Excel.

The log is append-only. This module only reads; nothing in the app or the command line
offers a way to change or delete a log row (the model refuses it as well).
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, select
from sqlalchemy.engine import URL

from keuzehulp.model.basisgegevens import ROUTES
from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import GROOTSTE_GETAL, Database
from keuzehulp.model.errors import InvoerFout, NietGevondenFout
from keuzehulp.model.logketen import VELDEN, KetenUitkomst, controleer
from keuzehulp.model.mutatielog import bron_tekst
from keuzehulp.model.tekst import datum, iso_getoond, naam_sleutel, vouw
from keuzehulp.model.velden import veldlabel
from keuzehulp.services.rapport.schrijf import controleer_pad, schrijf_bestand


@dataclass(frozen=True, slots=True)
class MutatieFilter:
    """Which log rows to show; every part is optional. `tot` includes that whole day."""

    instrument_id: int | None = None
    gebruiker: str | None = None
    sinds: dt.date | None = None
    tot: dt.date | None = None
    entiteit: str | None = None


@dataclass(frozen=True, slots=True)
class MutatieRegel:
    """One log row as plain values."""

    id: int
    tijdstip: dt.datetime
    gebruiker: str
    actie: str
    entiteit: str
    entiteit_id: int | None
    entiteit_naam: str
    veld: str | None
    oude_waarde: str | None
    nieuwe_waarde: str | None
    reden: str | None
    bron: str

    @property
    def veld_label(self) -> str:
        return veldlabel(self.veld)

    # Shown as the screens name them: older rows hold the English route names; dates are
    # stored as ISO text (a version "2026-11-30", start dates, a review moment) and shown
    # as every screen shows them ("30-11-2026", model/tekst.py `datum`).
    @property
    def naam_getoond(self) -> str:
        if self.entiteit == "route":
            return _route_labels(self.entiteit_naam) or self.entiteit_naam
        return iso_getoond(self.entiteit_naam) or self.entiteit_naam

    @property
    def oud_getoond(self) -> str | None:
        return self._waarde_getoond(self.oude_waarde)

    @property
    def nieuw_getoond(self) -> str | None:
        return self._waarde_getoond(self.nieuwe_waarde)

    def _waarde_getoond(self, waarde: str | None) -> str | None:
        return _route_labels(waarde) if self.veld == "routes" else iso_getoond(waarde)

    @property
    def bron_getoond(self) -> str:
        """The source in Dutch ("bewerking in Beheer", not "editor"): `bron_tekst`."""
        return bron_tekst(self.bron)

    @property
    def lokale_tijd(self) -> str:
        return datum(self.tijdstip, met_tijd=True)


_ROUTE_LABELS = {r.naam: r.label for r in ROUTES} | {r.code: r.label for r in ROUTES}


def _route_labels(tekst: str | None) -> str | None:
    """'Life first; work_first' -> 'Eerst verbeteren leefsituatie; Eerst werk vinden'."""
    if tekst is None:
        return None
    delen = tekst.split(";")
    return "; ".join(_ROUTE_LABELS.get(d.strip(), d.strip()) for d in delen if d.strip())


KOLOMMEN: tuple[str, ...] = (
    "Tijdstip",
    "Gebruiker",
    "Actie",
    "Soort",
    "Naam",
    "Veld",
    "Oude waarde",
    "Nieuwe waarde",
    "Reden",
    "Bron",
)


def _begin_van_dag(datum: dt.date) -> dt.datetime:
    """Midnight local time of a date, in UTC (the log stores UTC)."""
    return dt.datetime.combine(datum, dt.time()).astimezone().astimezone(dt.UTC)


def _vraag(filter_: MutatieFilter) -> Select[Mutatie]:
    if filter_.sinds and filter_.tot and filter_.tot < filter_.sinds:
        raise InvoerFout("De periode klopt niet: ‘tot’ ligt vóór ‘sinds’.")
    vraag = select(Mutatie)
    if filter_.instrument_id is not None:
        vraag = vraag.where(
            Mutatie.entiteit == "instrument", Mutatie.entiteit_id == filter_.instrument_id
        )
    if filter_.gebruiker:
        vraag = vraag.where(Mutatie.gebruiker == filter_.gebruiker.strip())
    if filter_.entiteit:
        vraag = vraag.where(Mutatie.entiteit == filter_.entiteit)
    if filter_.sinds:
        vraag = vraag.where(Mutatie.tijdstip >= _begin_van_dag(filter_.sinds))
    if filter_.tot:
        vraag = vraag.where(Mutatie.tijdstip < _begin_van_dag(filter_.tot + dt.timedelta(days=1)))
    return vraag


def _regel(m: Mutatie) -> MutatieRegel:
    return MutatieRegel(
        m.id,
        m.tijdstip,
        m.gebruiker,
        m.actie,
        m.entiteit,
        m.entiteit_id,
        m.entiteit_naam,
        m.veld,
        m.oude_waarde,
        m.nieuwe_waarde,
        m.reden,
        m.bron,
    )


def zoek_mutaties(
    db: Database,
    filter_: MutatieFilter | None = None,
    limiet: int | None = None,
    voor_id: int | None = None,
) -> list[MutatieRegel]:
    """Log rows matching the filter, newest first.

    `limiet` rows at most; `voor_id` gives the next page: only rows older than that log id
    (keyset paging, as quick for the last page as for the first).
    Raises InvoerFout when the period's end lies before its start.
    """
    vraag = _vraag(filter_ or MutatieFilter()).order_by(Mutatie.id.desc())
    if voor_id is not None:
        vraag = vraag.where(Mutatie.id < voor_id)
    if limiet is not None:
        vraag = vraag.limit(min(limiet, GROOTSTE_GETAL))
    with db.lezen() as s:
        return [_regel(m) for m in s.scalars(vraag)]


def geschiedenis(db: Database, instrument_id: int) -> list[MutatieRegel]:
    """Everything that happened to one instrument, oldest first."""
    return list(reversed(zoek_mutaties(db, MutatieFilter(instrument_id=instrument_id))))


def gebruikers_in_log(db: Database) -> list[str]:
    with db.lezen() as s:
        return sorted(s.scalars(select(Mutatie.gebruiker).distinct()).all())


def controleer_keten(db: Database) -> KetenUitkomst:
    """Check the log's hash chain from the first row to the last (`keuzehulp.model.logketen`).

    Reads every row once, in id order, in batches; stops at the first break. Raises nothing for
    a broken chain: the outcome says where it breaks.
    """
    kolommen = [getattr(Mutatie, v) for v in (*VELDEN, "vorige_hash", "hash")]
    vraag = select(*kolommen).order_by(Mutatie.id).execution_options(yield_per=2000)
    with db.lezen() as s, closing(s.execute(vraag)) as resultaat:
        # closing(): a break ends the walk early; the server-side cursor must not linger.
        return controleer(rij._mapping for rij in resultaat)


def keten_melding(uitkomst: KetenUitkomst) -> str:
    """A Dutch sentence about a check's outcome that names the first broken row."""
    if uitkomst.breuk is None:
        regels = "1 regel" if uitkomst.aantal == 1 else f"{uitkomst.aantal} regels"
        return (
            f"Het mutatielog is in orde: {regels}, de keten is ongebroken. "
            f"Laatste hash: {uitkomst.laatste_hash}."
        )
    b = uitkomst.breuk
    wanneer = datum(b.tijdstip, met_tijd=True) if b.tijdstip else "onbekend"
    regel = f"regel {b.id} ({wanneer}, ‘{b.entiteit_naam or ''}’)"
    if b.soort == "inhoud":
        oorzaak = (
            f"De eerste fout zit in {regel}: die is na het opslaan gewijzigd, "
            "want de inhoud past niet meer bij de hash."
        )
    elif b.vorige_id is None:
        oorzaak = (
            f"De eerste fout zit in {regel}: dat is nu de eerste regel, maar hij hoort niet "
            "aan het begin. Er zijn regels vóór deze regel verwijderd."
        )
    else:
        oorzaak = (
            f"De eerste fout zit in {regel}: die sluit niet aan op regel {b.vorige_id}. "
            f"Daartussen is een regel verwijderd of toegevoegd, of regel {b.vorige_id} is "
            "samen met zijn hash gewijzigd."
        )
    return (
        f"Het mutatielog is niet in orde. {oorzaak} De regels vóór regel {b.id} zijn "
        "gecontroleerd en in orde. Meld dit bij de applicatiebeheerder; vergelijk met een "
        "reservekopie."
    )


def zoek_instrument(db: Database, naam_of_id: str) -> int:
    """An instrument's id from its number or (part of) its name; also for parked ones."""
    tekst = naam_of_id.strip()
    if not tekst:
        raise InvoerFout("Geef de naam of het nummer van een instrument.")
    if not tekst.isdecimal() and unicodedata.normalize("NFKC", tekst).isdecimal():
        # "²" or "①" would otherwise match every name with a 2 or 1 in it.
        raise InvoerFout(
            f"‘{tekst}’ is geen instrumentnummer. Gebruik de cijfers 0 tot en met 9, of (een "
            "deel van) de naam."
        )
    with db.lezen() as s:
        if tekst.isdecimal() and int(tekst) > GROOTSTE_GETAL:
            raise NietGevondenFout(f"Er is geen instrument met nummer {tekst}.")
        if tekst.isdecimal():
            if s.get(Instrument, int(tekst)) is not None:
                return int(tekst)
            ids = s.scalars(
                select(Mutatie.entiteit_id).where(
                    Mutatie.entiteit == "instrument", Mutatie.entiteit_id == int(tekst)
                )
            ).first()
            if ids is not None:
                return int(tekst)
            raise NietGevondenFout(f"Er is geen instrument met nummer {tekst}.")
        precies = s.scalar(
            select(Instrument.id).where(Instrument.naam_sleutel == naam_sleutel(tekst))
        )
        if precies is not None:
            return precies
        gezocht = vouw(tekst)
        kandidaten = [
            (i, n)
            for i, n in s.execute(select(Instrument.id, Instrument.naam))
            if gezocht in vouw(n)
        ]
    if len(kandidaten) == 1:
        return int(kandidaten[0][0])
    if not kandidaten:
        raise NietGevondenFout(f"Er is geen instrument met ‘{tekst}’ in de naam.")
    namen = ", ".join(sorted(n for _, n in kandidaten)[:5])
    raise InvoerFout(
        f"‘{tekst}’ past bij {len(kandidaten)} instrumenten ({namen}); wees preciezer."
    )


def exporteer_xlsx(db: Database, pad: Path, filter_: MutatieFilter | None = None) -> int:
    """Write the (filtered) log to an Excel file, oldest first; returns the number of rows."""
    controleer_pad(pad, ".xlsx")
    # openpyxl loads here, on export, not when the log viewer is built at start-up.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    regels = list(reversed(zoek_mutaties(db, filter_)))
    boek = Workbook(write_only=True)
    blad = boek.create_sheet("Mutatielog")
    for i, breedte in enumerate((17, 14, 11, 12, 36, 20, 36, 36, 36, 28), start=1):
        blad.column_dimensions[get_column_letter(i)].width = breedte
    blad.freeze_panes = "A2"
    blad.auto_filter.ref = f"A1:J{len(regels) + 1}"
    koppen = []
    for kop in KOLOMMEN:
        cel = WriteOnlyCell(blad, value=kop)
        cel.font = Font(bold=True)
        koppen.append(cel)
    blad.append(koppen)
    for r in regels:
        tijd = WriteOnlyCell(blad, value=r.tijdstip.astimezone().replace(tzinfo=None))
        tijd.number_format = "dd-mm-yyyy hh:mm"
        blad.append(
            [
                tijd,
                r.gebruiker,
                r.actie,
                r.entiteit,
                r.naam_getoond,
                r.veld_label,
                r.oud_getoond,
                r.nieuw_getoond,
                r.reden,
                r.bron_getoond,
            ]
        )
    uit = io.BytesIO()
    boek.save(uit)
    schrijf_bestand(pad, uit.getvalue(), ".xlsx")  # whole or not at all
    return len(regels)


def exporteer_xlsx_in_proces(
    _voortgang: object, url: URL | Database, pad: Path, filter_: MutatieFilter | None = None
) -> int:
    """`exporteer_xlsx` for a child process (keuzehulp.services.proces): opens `url` itself
    (or works on the Database given, in this process: `proces.werk`)."""
    from keuzehulp.services.proces import open_database

    with open_database(url) as db:
        return exporteer_xlsx(db, pad, filter_)
