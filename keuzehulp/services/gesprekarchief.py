"""Finding stored conversations again, deleting one, and the retention term of references.

The keuzehulp keeps conversations anonymously for the figures (which instruments are chosen);
only the optional klantreferentie links one to a client file. After the retention term
(`bewaartermijn`, default 12 months, setting `instelling.bewaartermijn_maanden`) that
reference is cleared; the rest stays. The term is applied on every start
(`services/opstart.py`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass

from sqlalchemy import exists, select, update

from keuzehulp.model.base import nu as _nu
from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import GROOTSTE_GETAL, Database
from keuzehulp.model.errors import InvoerFout, NietGevondenFout
from keuzehulp.model.gesprek import Gesprek, Instelling
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.tekst import zoekvorm
from keuzehulp.services.beheer import versiecontrole
from keuzehulp.services.rollen import vereis_beheerder

log = logging.getLogger(__name__)

BEWAARTERMIJN_SLEUTEL = "bewaartermijn_maanden"
BEWAARTERMIJN_LABEL = "Bewaartermijn klantreferentie"  # how the mutation log names it
STANDAARD_BEWAARTERMIJN = 12  # months
MIN_BEWAARTERMIJN, MAX_BEWAARTERMIJN = 1, 120
_CONTEXT = MutatieContext("keuzehulp", "gesprek")

# Dates as a coach types them: 12-03-2027, 12/3/2027, 12.03.2027, ISO 2027-03-12; or a
# month: 03-2027, 2027-03.
_DMJ = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_JMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MJ = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_JM = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True, slots=True)
class GesprekRegel:
    """One line of the list of conversations. Times are timezone-aware (UTC)."""

    id: int
    datum: dt.datetime  # created
    coach: str
    doel: str  # shortened to one line of 50 characters
    keuze: str | None  # name of the chosen instrument
    gewijzigd_op: dt.datetime | None = None
    referentie: str | None = None  # the pseudonymous klantreferentie, if any

    @property
    def lokale_tijd(self) -> dt.datetime:
        """When it was created, in the computer's time zone (for display)."""
        return self.datum.astimezone()


def kort(tekst: str | None, lengte: int = 50) -> str:
    """The first `lengte` characters of a text on one line, with … when cut."""
    tekst = " ".join((tekst or "").split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"


def _datum(tekst: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date or month word means, or None when it is no date."""
    try:
        if m := _DMJ.match(tekst):
            dag = dt.date(int(m[3]), int(m[2]), int(m[1]))
            return dag, dag
        if m := _JMD.match(tekst):
            dag = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return dag, dag
        if m := _MJ.match(tekst) or _JM.match(tekst):
            jaar, maand = (int(m[2]), int(m[1])) if _MJ.match(tekst) else (int(m[1]), int(m[2]))
            laatste = calendar.monthrange(jaar, maand)[1]
            return dt.date(jaar, maand, 1), dt.date(jaar, maand, laatste)
    except ValueError:
        return None
    return None


def _past(regel: GesprekRegel, woorden: list[str], volledig_doel: str | None) -> bool:
    dag = regel.lokale_tijd.date()
    gewijzigd = regel.gewijzigd_op.astimezone().date() if regel.gewijzigd_op else dag
    velden = (regel.referentie, volledig_doel, regel.keuze, regel.coach, str(regel.id))
    tekst = zoekvorm(" ".join(t or "" for t in velden))
    for woord in woorden:
        periode = _datum(woord)
        if periode is not None:
            van, tot = periode
            if not (van <= dag <= tot or van <= gewijzigd <= tot):
                return False
        elif zoekvorm(woord) not in tekst:
            return False
    return True


_HAP = 250  # rows per fetch in zoek_gesprekken


def zoek_gesprekken(
    db: Database, tekst: str = "", *, coach: str | None = None, limiet: int | None = None
) -> list[GesprekRegel]:
    """Conversations whose reference, goal, chosen instrument, coach or number holds every
    word of `tekst`, newest first; a word that is a date (12-03-2027, 12/3/2027, 2027-03-12)
    or a month (03-2027) matches the day it was created or last changed (local time).

    Case and accents are ignored. `coach` keeps one coach's conversations; `limiet` caps the
    number of lines. An empty text lists everything.
    """
    vraag = (
        select(
            Gesprek.id,
            Gesprek.aangemaakt_op,
            Gesprek.coach,
            Gesprek.doel,
            Instrument.naam,
            Gesprek.gewijzigd_op,
            Gesprek.client_referentie,
        )
        .outerjoin(Instrument, Instrument.id == Gesprek.keuze_id)
        .order_by(Gesprek.aangemaakt_op.desc(), Gesprek.id.desc())
    )
    if coach is not None:
        vraag = vraag.where(Gesprek.coach == coach)
    woorden = tekst.split()
    uit: list[GesprekRegel] = []
    # Fetched in bites: one fetch of every row kept the interpreter (and so the window,
    # which asks for this list from a worker) waiting until the last one was read. The
    # result is closed when the limit stops the loop early (a server-side cursor).
    with (
        db.lezen() as session,
        session.execute(vraag, execution_options={"yield_per": _HAP}) as rijen,
    ):
        for r in rijen:
            regel = GesprekRegel(r[0], r[1], r[2], kort(r[3]), r[4], r[5], r[6])
            if woorden and not _past(regel, woorden, r[3]):
                continue
            uit.append(regel)
            if limiet is not None and len(uit) >= limiet:
                break
    return uit


def verwijder_gesprek(db: Database, gesprek_id: int) -> None:
    """Delete one conversation with its shortlist and scores; NietGevondenFout if unknown."""
    if not 0 < gesprek_id <= GROOTSTE_GETAL:
        raise NietGevondenFout(f"Gesprek {gesprek_id} bestaat niet.")
    with db.wijzigen(_CONTEXT) as session:
        g = session.get(Gesprek, gesprek_id)
        if g is None:
            raise NietGevondenFout(f"Gesprek {gesprek_id} bestaat niet.")
        session.delete(g)
    log.info("Gesprek %s verwijderd", gesprek_id)


def bewaartermijn(db: Database) -> int:
    """How many months a klantreferentie is kept (default 12)."""
    with db.lezen() as session:
        waarde = session.get(Instelling, BEWAARTERMIJN_SLEUTEL)
        if waarde is None:
            return STANDAARD_BEWAARTERMIJN
        try:
            maanden = int(waarde.waarde)
        except ValueError:
            maanden = 0
    if not MIN_BEWAARTERMIJN <= maanden <= MAX_BEWAARTERMIJN:
        log.warning("Ongeldige bewaartermijn %r; de standaard wordt gebruikt.", waarde.waarde)
        return STANDAARD_BEWAARTERMIJN
    return maanden


def bewaartermijn_met_versie(db: Database) -> tuple[int, int]:
    """(months, version) as a form loads it; pass the version back to `zet_bewaartermijn`."""
    maanden = bewaartermijn(db)
    with db.lezen() as session:
        return maanden, versiecontrole.lees_instelling(session, BEWAARTERMIJN_SLEUTEL).versie


def zet_bewaartermijn(db: Database, maanden: int, gebruiker: str, versie: int | None = None) -> int:
    """Set the retention term in months (1 to 120); only a beheerder may (GeenRechtFout).

    Raises InvoerFout with a Dutch message for a term out of range, ConflictFout (who, when)
    when someone saved the term since `versie` (as `bewaartermijn_met_versie` gave; None: no
    check). The change is logged. Returns the term.
    """
    if isinstance(maanden, bool) or not MIN_BEWAARTERMIJN <= maanden <= MAX_BEWAARTERMIJN:
        raise InvoerFout(
            f"Bewaartermijn: kies {MIN_BEWAARTERMIJN} tot en met {MAX_BEWAARTERMIJN} maanden "
            f"(niet {maanden})."
        )
    with db.wijzigen(MutatieContext(gebruiker, "instelling")) as session:
        vereis_beheerder(session, gebruiker)
        versiecontrole.zet_instelling(
            session, BEWAARTERMIJN_SLEUTEL, str(maanden), versie, BEWAARTERMIJN_LABEL, gebruiker
        )
    log.info("Bewaartermijn gezet op %s maanden door %s", maanden, gebruiker)
    return maanden


def maanden_terug(moment: dt.datetime, maanden: int) -> dt.datetime:
    """The same moment `maanden` calendar months earlier (31 March - 1 = 28/29 February)."""
    jaar, maand = divmod(moment.year * 12 + moment.month - 1 - maanden, 12)
    dag = min(moment.day, calendar.monthrange(jaar, maand + 1)[1])
    return moment.replace(year=jaar, month=maand + 1, day=dag)


def pas_bewaartermijn_toe(db: Database, nu: dt.datetime | None = None) -> int:
    """Clear the klantreferentie of conversations last changed before the retention term.

    `nu` (timezone-aware; default now) is the moment of reference. The rest of each
    conversation stays, anonymous, for the figures. Returns how many were cleared.
    """
    grens = maanden_terug(nu or _nu(), bewaartermijn(db))
    te_wissen = (Gesprek.gewijzigd_op < grens) & Gesprek.client_referentie.is_not(None)
    with db.lezen() as session:
        if not session.scalar(select(exists().where(te_wissen))):
            return 0  # nothing to clear: no write lock taken (a reading command stays a reader)
    with db.wijzigen(_CONTEXT) as session:
        resultaat = session.execute(
            update(Gesprek)
            .where(Gesprek.gewijzigd_op < grens, Gesprek.client_referentie.is_not(None))
            .values(client_referentie=None)
            .execution_options(synchronize_session=False)
        )
        aantal = int(getattr(resultaat, "rowcount", 0) or 0)
    if aantal:
        log.info("Klantreferentie gewist bij %s gesprekken ouder dan %s", aantal, grens)
    return aantal
