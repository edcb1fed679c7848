"""The Opmerkingen list: remarks about instruments for their regiehouder (issue 15, item 2).

Remarks come from terugblikken (services/terugblik.py), by the coach or the client. The
beheergroep filters them by regiehouder and status (nieuw, besproken, verwerkt) and moves
them along; every status change is stored on the remark (who, when) and written to the
append-only mutation log (entiteit "opmerking", veld "status"), so the history stays.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, func, select

from keuzehulp.model.base import nu
from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import GROOTSTE_GETAL, Database
from keuzehulp.model.errors import GeenRechtFout, InvoerFout, NietGevondenFout
from keuzehulp.model.mutatielog import MutatieContext, schrijf_logrijen
from keuzehulp.model.terugblik import OPMERKING_STATUSSEN, Opmerking
from keuzehulp.services.rapport.schrijf import controleer_pad, schrijf_bestand
from keuzehulp.services.rollen import is_beheerder

GEEN_REGIEHOUDER = ""
"""Filter value for remarks about instruments that have no regiehouder yet."""

BRON_TEKST = {"coach": "Coach", "client": "Klant"}
STATUS_TEKST = {"nieuw": "Nieuw", "besproken": "Besproken", "verwerkt": "Verwerkt"}
LOG_BRON = "opmerkingen"

KOLOMMEN: tuple[str, ...] = (
    "Nummer",
    "Datum",
    "Instrument",
    "Regiehouder",
    "Van",
    "Opmerking",
    "Status",
    "Status gewijzigd op",
    "Door",
)


@dataclass(frozen=True, slots=True)
class OpmerkingFilter:
    """Which remarks to show; None means any. `regiehouder` GEEN_REGIEHOUDER: none set;
    `ids` only these remarks (a screen reading back the ones it just changed)."""

    regiehouder: str | None = None
    status: str | None = None
    instrument_id: int | None = None
    ids: frozenset[int] | None = None


@dataclass(frozen=True, slots=True)
class OpmerkingRegel:
    """One remark as plain values; times timezone-aware UTC."""

    id: int
    aangemaakt_op: dt.datetime
    instrument_id: int
    instrument_naam: str
    regiehouder: str | None
    bron: str  # coach, client
    tekst: str
    status: str  # nieuw, besproken, verwerkt
    status_gewijzigd_op: dt.datetime | None
    status_gewijzigd_door: str | None

    @property
    def van(self) -> str:
        return BRON_TEKST.get(self.bron, self.bron)

    @property
    def status_tekst(self) -> str:
        return STATUS_TEKST.get(self.status, self.status)


def controleer_status(status: str) -> str:
    """The status code, or InvoerFout naming the valid ones."""
    code = status.strip().lower()
    if code not in OPMERKING_STATUSSEN:
        raise InvoerFout(
            f"‘{status}’ is geen status van een opmerking. Kies uit: "
            + ", ".join(OPMERKING_STATUSSEN)
            + "."
        )
    return code


def _vraag(filter_: OpmerkingFilter) -> Select[Opmerking, str, str | None]:
    vraag = select(Opmerking, Instrument.naam, Instrument.regiehouder).join(
        Instrument, Instrument.id == Opmerking.instrument_id
    )
    if filter_.status is not None:
        vraag = vraag.where(Opmerking.status == controleer_status(filter_.status))
    if filter_.regiehouder == GEEN_REGIEHOUDER:
        vraag = vraag.where(
            (Instrument.regiehouder.is_(None)) | (func.trim(Instrument.regiehouder) == "")
        )
    elif filter_.regiehouder is not None:
        vraag = vraag.where(Instrument.regiehouder == filter_.regiehouder)
    if filter_.instrument_id is not None:
        vraag = vraag.where(Opmerking.instrument_id == filter_.instrument_id)
    if filter_.ids is not None:
        vraag = vraag.where(Opmerking.id.in_(sorted(filter_.ids)))
    return vraag


def zoek_opmerkingen(db: Database, filter_: OpmerkingFilter | None = None) -> list[OpmerkingRegel]:
    """Remarks matching the filter, newest first. InvoerFout for an unknown status."""
    vraag = _vraag(filter_ or OpmerkingFilter()).order_by(
        Opmerking.aangemaakt_op.desc(), Opmerking.id.desc()
    )
    with db.lezen() as s:
        return [
            OpmerkingRegel(
                o.id,
                o.aangemaakt_op,
                o.instrument_id,
                naam,
                regiehouder,
                o.bron,
                o.tekst,
                o.status,
                o.status_gewijzigd_op,
                o.status_gewijzigd_door,
            )
            for o, naam, regiehouder in s.execute(vraag)
        ]


def regiehouders(db: Database) -> list[str]:
    """The regiehouders named on instruments that have remarks, alphabetically."""
    with db.lezen() as s:
        namen = s.scalars(
            select(Instrument.regiehouder)
            .where(Instrument.id.in_(select(Opmerking.instrument_id)))
            .distinct()
        )
        return sorted({n.strip() for n in namen if n and n.strip()}, key=str.casefold)


def tel_per_status(db: Database) -> dict[str, int]:
    """Number of remarks per status (every status present, also with 0)."""
    with db.lezen() as s:
        rijen = s.execute(select(Opmerking.status, func.count()).group_by(Opmerking.status))
        uit = dict.fromkeys(OPMERKING_STATUSSEN, 0)
        uit.update({str(status): int(n) for status, n in rijen})
        return uit


def zet_status(db: Database, ids: Sequence[int], status: str, gebruiker: str) -> int:
    """Give remarks a new status; returns how many really changed.

    Only beheerders may (GeenRechtFout). Unknown ids raise NietGevondenFout and change
    nothing. Each change is stored on the remark (who, when) and as a mutation log row.
    """
    code = controleer_status(status)
    if not ids:
        raise InvoerFout("Kies eerst een of meer opmerkingen.")
    gevraagd = sorted(set(ids))
    if any(not 0 < i <= GROOTSTE_GETAL for i in gevraagd):
        raise NietGevondenFout("Een opmerking met dat nummer bestaat niet.")
    with db.wijzigen(MutatieContext(gebruiker, LOG_BRON)) as s:
        if not is_beheerder(s, gebruiker):
            raise GeenRechtFout(
                f"Alleen beheerders mogen de status van een opmerking wijzigen, en {gebruiker} "
                "is geen beheerder. Vraag een beheerder om dit te doen."
            )
        rijen = list(
            s.execute(
                select(Opmerking, Instrument.naam)
                .join(Instrument, Instrument.id == Opmerking.instrument_id)
                .where(Opmerking.id.in_(gevraagd))
            )
        )
        ontbrekend = sorted(set(gevraagd) - {o.id for o, _ in rijen})
        if ontbrekend:
            wat = ", ".join(map(str, ontbrekend))
            raise NietGevondenFout(f"Deze opmerkingen bestaan niet: {wat}.")
        tijd = nu()
        logrijen: list[dict[str, object]] = []
        for o, naam in rijen:
            if o.status == code:
                continue
            logrijen.append(
                {
                    "tijdstip": tijd,
                    "gebruiker": gebruiker,
                    "actie": "gewijzigd",
                    "entiteit": "opmerking",
                    "entiteit_id": o.id,
                    "entiteit_naam": f"Opmerking {o.id} over {naam}"[:300],
                    "veld": "status",
                    "oude_waarde": o.status,
                    "nieuwe_waarde": code,
                    "reden": None,
                    "bron": LOG_BRON,
                }
            )
            o.status = code
            o.status_gewijzigd_op = tijd
            o.status_gewijzigd_door = gebruiker
        # Through the log's one writer, so the rows join the hash chain (model/logketen.py).
        schrijf_logrijen(s, logrijen)
        gewijzigd = len(logrijen)
        return gewijzigd


def _lokaal(tijd: dt.datetime | None) -> dt.datetime | None:
    return None if tijd is None else tijd.astimezone().replace(tzinfo=None, microsecond=0)


def exporteer_xlsx(db: Database, pad: Path, filter_: OpmerkingFilter | None = None) -> int:
    """Write the (filtered) remarks to an Excel file, newest first; returns the row count.

    Written through `rapport.schrijf.schrijf_bestand`, so a failure leaves no half file.
    Raises InvoerFout for a wrong name, a missing or read-only folder, or a locked file.
    """
    controleer_pad(pad, ".xlsx")
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    regels = zoek_opmerkingen(db, filter_)
    boek = Workbook(write_only=True)
    blad = boek.create_sheet("Opmerkingen")
    for i, breedte in enumerate((10, 17, 40, 24, 8, 70, 11, 17, 16), start=1):
        blad.column_dimensions[get_column_letter(i)].width = breedte
    blad.freeze_panes = "A2"
    blad.auto_filter.ref = f"A1:{get_column_letter(len(KOLOMMEN))}{len(regels) + 1}"
    koppen = []
    for kop in KOLOMMEN:
        cel = WriteOnlyCell(blad, value=kop)
        cel.font = Font(bold=True)
        koppen.append(cel)
    blad.append(koppen)
    for r in regels:
        datum = WriteOnlyCell(blad, value=_lokaal(r.aangemaakt_op))
        datum.number_format = "dd-mm-yyyy hh:mm"
        gewijzigd = WriteOnlyCell(blad, value=_lokaal(r.status_gewijzigd_op))
        gewijzigd.number_format = "dd-mm-yyyy hh:mm"
        tekst = WriteOnlyCell(blad, value=r.tekst)
        tekst.alignment = Alignment(wrap_text=True, vertical="top")
        if r.tekst.startswith("="):
            tekst.data_type = "s"  # a remark is text, never a formula
        naam = WriteOnlyCell(blad, value=r.instrument_naam)
        if r.instrument_naam.startswith("="):
            naam.data_type = "s"
        blad.append(
            [
                r.id,
                datum,
                naam,
                r.regiehouder or "",
                r.van,
                tekst,
                r.status_tekst,
                gewijzigd,
                r.status_gewijzigd_door or "",
            ]
        )
    uit = io.BytesIO()
    boek.save(uit)
    schrijf_bestand(pad, uit.getvalue(), ".xlsx")  # whole or not at all
    return len(regels)
