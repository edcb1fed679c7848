"""Per-area services for the screens (issue 11, item 1): views get these, never the Database.

Each class is a thin facade bound to the opened catalogue and the user; every method is one
unit of work of an existing service function (same errors, same plain return values). The
window builds one `Diensten` and hands each screen the area it needs through `AppContext`
(`context.catalogus`, `context.gesprekken`, `context.beheer`, `context.inzicht`). A method is
added here when a screen needs it, so that no view has to reach for the database itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from keuzehulp.model.catalogus import FengerRoute, Gemeente
from keuzehulp.model.db import Database
from keuzehulp.services import rollen
from keuzehulp.services.beheer import instrumenten, kenmerken, mutatielog, versies
from keuzehulp.services.beheer.instrumenten import Bewerking, InstrumentRegel
from keuzehulp.services.beheer.kenmerken import KenmerkRegel
from keuzehulp.services.beheer.mutatielog import MutatieRegel
from keuzehulp.services.catalogus_info import CatalogusInfo, catalogus_info
from keuzehulp.services.gesprekarchief import bewaartermijn
from keuzehulp.services.instrumentdetail import InstrumentDetail, lees_detail, lees_details
from keuzehulp.services.zoeken import ZoekService

if TYPE_CHECKING:  # imported when first used: the window opens without them
    from collections.abc import Sequence

    from keuzehulp.model.meldingen import (
        EigenVerbindingen,
        Melding,
        PostgresLuisteraar,
        SqliteWachter,
    )
    from keuzehulp.model.mutatielog import Wijzigingen
    from keuzehulp.services.beheer.actualiteit import VerouderdInstrument
    from keuzehulp.services.beheer.beheerders import BeheerderRegel
    from keuzehulp.services.beheer.instrumenten import FormulierKeuzen
    from keuzehulp.services.beheer.kenmerken import PensioenVoorbeeld
    from keuzehulp.services.beheer.leveranciersformulier import FormulierResultaat
    from keuzehulp.services.beheer.mutatielog import MutatieFilter
    from keuzehulp.services.beheer.opmerkingen import OpmerkingFilter, OpmerkingRegel
    from keuzehulp.services.beheer.versies import VersieInfo
    from keuzehulp.services.bronbestand.importeren import ImportResultaat
    from keuzehulp.services.coachprofiel import CoachProfielGegevens, ProfielBewerking
    from keuzehulp.services.gesprek import GesprekService
    from keuzehulp.services.instrumentgegevens import InstrumentGegevens
    from keuzehulp.services.inzicht.filter import InzichtFilter
    from keuzehulp.services.inzicht.overzicht import Inzicht
    from keuzehulp.services.rapport.gegevens import Rapport
    from keuzehulp.services.terugblik import TerugblikService

# Progress of long work: (percent 0-100, Dutch text).
Voortgang = Callable[[int, str], None]


@dataclass(frozen=True, slots=True)
class _Gebied:
    """What every area shares: the catalogue and who works in it."""

    _db: Database
    gebruiker: str

    @property
    def locatie(self) -> str:
        """Where the catalogue is, as users read it (a file path or a server address)."""
        return self._db.locatie

    def is_beheerder(self) -> bool:
        """Whether the user may change the catalogue (services/rollen.py decides)."""
        with self._db.lezen() as s:
            return rollen.is_beheerder(s, self.gebruiker)


class CatalogusDienst(_Gebied):
    """Search and read the catalogue: what every coach does."""

    def info(self) -> CatalogusInfo:
        """Location, schema and counts per status (Help > Over)."""
        return catalogus_info(self._db)

    def versie_tekst(self) -> str:
        """The status bar's line about the published version (reads its snapshot: slow)."""
        return versies.versie_tekst(self._db)

    def zoekservice(self, *, laden: bool = True) -> ZoekService:
        """A search service on this catalogue; `laden=False` builds its index later."""
        return ZoekService(self._db, laden=laden)

    def detail(self, instrument_id: int) -> InstrumentDetail:
        """One instrument with everything a detail view shows; NietGevondenFout if unknown."""
        return lees_detail(self._db, instrument_id)

    def details(self, ids: list[int]) -> list[InstrumentDetail]:
        """Details in the order asked; NietGevondenFout for an unknown id."""
        return lees_details(self._db, ids)

    def routes(self) -> list[tuple[str, str]]:
        """(code, naam) of every Fenger route, in route order."""
        with self._db.lezen() as s:
            vraag = select(FengerRoute.code, FengerRoute.naam).order_by(FengerRoute.volgorde)
            return [(code, naam) for code, naam in s.execute(vraag)]

    def gemeenten(self) -> list[str]:
        """Every gemeente's name, alphabetically."""
        with self._db.lezen() as s:
            return list(s.scalars(select(Gemeente.naam).order_by(Gemeente.naam)))

    def kenmerken_boom(self) -> list[KenmerkRegel]:
        """Every kenmerk (also retired ones) in tree order, with its number of instruments."""
        return kenmerken.kenmerken_boom(self._db)

    # --- following changes made elsewhere (ui/catalogusvolger.py) ---------------------------

    def postgres_luisteraar(
        self, bij_melding: Callable[[Melding], None]
    ) -> tuple[PostgresLuisteraar, EigenVerbindingen] | None:
        """On PostgreSQL: a listener for other apps' change notices (not started yet) and the
        register of our own connections it ignores; None on any other database.

        `bij_melding` is called on the listener's thread (model/meldingen.py).
        """
        if self._db.url.get_backend_name() != "postgresql":
            return None
        from keuzehulp.model.meldingen import EigenVerbindingen, PostgresLuisteraar

        eigen = EigenVerbindingen(self._db.engine)
        return PostgresLuisteraar(self._db.engine, bij_melding, eigen=eigen), eigen

    def sqlite_wachter(self) -> SqliteWachter | None:
        """On an SQLite file: a watcher of its data version (own connection); else None."""
        from keuzehulp.model.db import sqlite_pad

        pad = sqlite_pad(self._db.url)
        if pad is None:
            return None
        from keuzehulp.model.meldingen import SqliteWachter

        return SqliteWachter(pad)

    def volg_eigen_commits(self, terugroep: Callable[[Wijzigingen], None]) -> None:
        """Call `terugroep` after each of this app's own commits (any thread)."""
        self._db.na_commit.append(terugroep)

    def vergeet_eigen_commits(self, terugroep: Callable[[Wijzigingen], None]) -> None:
        """Stop calling `terugroep` after commits; nothing happens if it was not registered."""
        if terugroep in self._db.na_commit:
            self._db.na_commit.remove(terugroep)


class GesprekkenDienst(_Gebied):
    """Gesprekken and terugblikken of coaches."""

    def service(self) -> GesprekService:
        """The gesprek service on this catalogue (open, save, list, compare)."""
        from keuzehulp.services.gesprek import GesprekService

        return GesprekService(self._db)

    def terugblikken(self) -> TerugblikService:
        """The terugblik service on this catalogue."""
        from keuzehulp.services.terugblik import TerugblikService

        return TerugblikService(self._db)

    def bewaartermijn(self) -> int:
        """After how many months a klantreferentie is erased."""
        return bewaartermijn(self._db)

    def zet_bewaartermijn(self, maanden: int) -> int:
        """Set the retention term (months, 1 to 120) as the user; returns it.

        GeenRechtFout for a non-beheerder, InvoerFout out of range (services/gesprekarchief.py).
        """
        from keuzehulp.services.gesprekarchief import zet_bewaartermijn

        return zet_bewaartermijn(self._db, maanden, self.gebruiker)

    def pas_bewaartermijn_toe(self) -> int:
        """Clear the klantreferentie of gesprekken older than the term; how many were cleared."""
        from keuzehulp.services.gesprekarchief import pas_bewaartermijn_toe

        return pas_bewaartermijn_toe(self._db)

    def rapport(self, gesprek_id: int) -> Rapport:
        """A stored gesprek gathered for printing (PDF); NietGevondenFout for an unknown id."""
        from keuzehulp.services.rapport.gegevens import verzamel

        return verzamel(self._db, gesprek_id)

    def profiel(self, coach: str | None = None) -> CoachProfielGegevens | None:
        """The contact details of `coach` (login name; default the user), None if never set."""
        from keuzehulp.services.coachprofiel import lees_profiel

        return lees_profiel(self._db, self.gebruiker if coach is None else coach)

    def open_profiel(self) -> ProfielBewerking:
        """The user's contact details and their version, for `bewaar_profiel`."""
        from keuzehulp.services.coachprofiel import open_profiel

        return open_profiel(self._db, self.gebruiker)

    def bewaar_profiel(
        self, gegevens: CoachProfielGegevens, versie: int | None
    ) -> CoachProfielGegevens:
        """Store the user's contact details if still at `versie` (0: none yet); what is stored.

        ConflictFout when saved elsewhere since; InvoerFout without a user.
        """
        from keuzehulp.services.coachprofiel import bewaar_profiel

        return bewaar_profiel(self._db, self.gebruiker, gegevens, versie)


class BeheerDienst(_Gebied):
    """Changing the catalogue (beheerders; every change checks the role itself)."""

    def lijst_instrumenten(self) -> list[InstrumentRegel]:
        """Every instrument, for the editor's list."""
        return instrumenten.lijst_instrumenten(self._db)

    def open_instrument(self, instrument_id: int) -> Bewerking:
        """An instrument as the editor opens it (values and version)."""
        return instrumenten.open_instrument(self._db, instrument_id)

    def geschiedenis(self, instrument_id: int) -> list[MutatieRegel]:
        """Everything that happened to one instrument, oldest first."""
        return mutatielog.geschiedenis(self._db, instrument_id)

    def formulier_keuzen(self) -> FormulierKeuzen:
        """The routes and gemeenten the instrument editor offers as check boxes."""
        return instrumenten.formulier_keuzen(self._db)

    def instrument_namen(self) -> list[tuple[int, str]]:
        """(id, naam) of every instrument in name order, for choice lists."""
        return instrumenten.instrument_namen(self._db)

    def maak_instrument(self, gegevens: InstrumentGegevens, reden: str) -> int:
        """Add an instrument as the user; its id. GeenRechtFout, InvoerFout (name, status)."""
        return instrumenten.maak_instrument(self._db, self.gebruiker, gegevens, reden)

    def bewaar_instrument(
        self, instrument_id: int, versie: int, gegevens: InstrumentGegevens, reden: str
    ) -> int:
        """Save the editor's values if still at `versie`; the new versie. ConflictFout."""
        return instrumenten.bewaar_instrument(
            self._db, self.gebruiker, instrument_id, versie, gegevens, reden
        )

    def zet_status(self, actie: str, instrument_id: int, versie: int, reden: str) -> int:
        """`actie` "publiceer", "parkeer" or "herstel" an instrument at `versie`; new versie.

        KeyError for another actie (a programming error); ConflictFout, GeenRechtFout, and
        InvoerFout listing what is missing before publishing (services/beheer/instrumenten.py).
        """
        functie = {
            "publiceer": instrumenten.publiceer,
            "parkeer": instrumenten.parkeer,
            "herstel": instrumenten.herstel,
        }[actie]
        return functie(self._db, self.gebruiker, instrument_id, versie, reden)

    # --- kenmerken ---------------------------------------------------------------------------

    def kenmerken_boom(self) -> list[KenmerkRegel]:
        """Every kenmerk (also retired ones) in tree order, with its number of instruments."""
        return kenmerken.kenmerken_boom(self._db)

    def bewaar_kenmerk(
        self,
        code: str,
        versie: int | None,
        naam: str,
        uitleg: str,
        uitleg_client: str,
        label_client: str,
        reden: str,
    ) -> int:
        """Save a kenmerk's form as one change; its new versie. ConflictFout, InvoerFout."""
        return kenmerken.bewaar_kenmerk(
            self._db, self.gebruiker, code, versie, naam, uitleg, uitleg_client, label_client, reden
        )

    def voeg_kenmerk_toe(
        self,
        naam: str,
        ouder_code: str | None,
        uitleg: str,
        uitleg_client: str,
        reden: str,
        label_client: str = "",
    ) -> str:
        """Add a kenmerk under `ouder_code` (None: a new group); its new code. InvoerFout."""
        return kenmerken.voeg_toe(
            self._db,
            self.gebruiker,
            naam,
            ouder_code,
            uitleg,
            uitleg_client,
            reden,
            label_client=label_client,
        )

    def verplaats_kenmerk(
        self, code: str, ouder_code: str | None, reden: str, *, versie: int | None = None
    ) -> str:
        """Move a kenmerk (with its children) under another parent; its new code."""
        return kenmerken.verplaats(self._db, self.gebruiker, code, ouder_code, reden, versie=versie)

    def voorbeeld_pensioen(self, code: str) -> PensioenVoorbeeld:
        """What retiring a kenmerk would do (read only)."""
        return kenmerken.voorbeeld_pensioen(self._db, code)

    def pensioneer_kenmerk(
        self, code: str, reden: str, *, versie: int | None = None
    ) -> PensioenVoorbeeld:
        """Retire a kenmerk and its children, off every instrument (logged). ConflictFout."""
        return kenmerken.pensioneer(self._db, self.gebruiker, code, reden, versie=versie)

    def heractiveer_kenmerk(self, code: str, reden: str, *, versie: int | None = None) -> None:
        """Put a retired kenmerk back in use (its parent must be in use). ConflictFout."""
        kenmerken.heractiveer(self._db, self.gebruiker, code, reden, versie=versie)

    # --- log, versions, beheerders, upkeep, remarks, supplier form ---------------------------

    def gebruikers_in_log(self) -> list[str]:
        """Every login name found in the mutatielog, alphabetically."""
        return mutatielog.gebruikers_in_log(self._db)

    def zoek_mutaties(
        self, filter_: MutatieFilter | None, limiet: int | None, voor_id: int | None = None
    ) -> list[MutatieRegel]:
        """At most `limiet` log rows matching the filter, newest first, older than `voor_id`."""
        return mutatielog.zoek_mutaties(self._db, filter_, limiet, voor_id=voor_id)

    def exporteer_log(self, pad: Path, filter_: MutatieFilter | None = None) -> int:
        """Write the (filtered) log to an xlsx file, oldest first; the number of rows."""
        return mutatielog.exporteer_xlsx(self._db, pad, filter_)

    def lijst_versies(self) -> list[VersieInfo]:
        """Every published version, newest first."""
        return versies.lijst_versies(self._db)

    def versie_tekst(self) -> str:
        """The status bar's line about the published version."""
        return versies.versie_tekst(self._db)

    def publiceer_versie(self, omschrijving: str | None = None) -> VersieInfo:
        """Freeze the catalogue as today's version, as the user (logged). GeenRechtFout."""
        return versies.publiceer_versie(self._db, self.gebruiker, omschrijving)

    def exporteer_versie(self, versie_id: int, pad: Path) -> tuple[int, int]:
        """Write a published version as a bronbestand; (number active, number parked)."""
        return versies.exporteer_versie(self._db, versie_id, pad)

    def lijst_beheerders(self) -> list[BeheerderRegel]:
        """Every beheerder, with who added them and when."""
        from keuzehulp.services.beheer import beheerders

        return beheerders.lijst_beheerders(self._db)

    def voeg_beheerder_toe(self, nieuw: str) -> None:
        """Make `nieuw` (a login name) a beheerder. GeenRechtFout, InvoerFout."""
        from keuzehulp.services.beheer import beheerders

        beheerders.voeg_beheerder_toe(self._db, self.gebruiker, nieuw)

    def verwijder_beheerder(
        self, wie: str, reden: str | None = None, *, geladen: BeheerderRegel | None = None
    ) -> None:
        """Take away `wie`'s beheer role (never the last one's). ConflictFout, InvoerFout."""
        from keuzehulp.services.beheer import beheerders

        beheerders.verwijder_beheerder(self._db, self.gebruiker, wie, reden, geladen=geladen)

    def verouderd(
        self, maanden: int, peildatum: dt.datetime | None = None
    ) -> list[VerouderdInstrument]:
        """Active and concept instruments not reviewed or changed for `maanden` (1-120) months
        before `peildatum` (timezone-aware; default now), oldest first. InvoerFout."""
        from keuzehulp.services.beheer import actualiteit

        return actualiteit.verouderd(self._db, maanden, peildatum)

    def markeer_beoordeeld(self, instrument_id: int) -> None:
        """Record that the user checked an instrument and it is still right (logged)."""
        from keuzehulp.services.beheer import actualiteit

        actualiteit.markeer_beoordeeld(self._db, self.gebruiker, instrument_id)

    def regiehouders(self) -> list[str]:
        """The regiehouders of instruments with remarks, alphabetically."""
        from keuzehulp.services.beheer import opmerkingen

        return opmerkingen.regiehouders(self._db)

    def zoek_opmerkingen(self, filter_: OpmerkingFilter | None = None) -> list[OpmerkingRegel]:
        """Remarks matching the filter, newest first. InvoerFout for an unknown status."""
        from keuzehulp.services.beheer import opmerkingen

        return opmerkingen.zoek_opmerkingen(self._db, filter_)

    def tel_opmerkingen(self) -> dict[str, int]:
        """Number of remarks per status (every status, also with 0)."""
        from keuzehulp.services.beheer import opmerkingen

        return opmerkingen.tel_per_status(self._db)

    def zet_opmerking_status(self, ids: Sequence[int], status: str) -> int:
        """Give remarks a new status as the user; how many really changed."""
        from keuzehulp.services.beheer import opmerkingen

        return opmerkingen.zet_status(self._db, ids, status, self.gebruiker)

    def exporteer_opmerkingen(self, pad: Path, filter_: OpmerkingFilter | None = None) -> int:
        """Write the (filtered) remarks to an xlsx file, newest first; the number of rows."""
        from keuzehulp.services.beheer import opmerkingen

        return opmerkingen.exporteer_xlsx(self._db, pad, filter_)

    def maak_leveranciersformulier(self, pad: Path, instrument_id: int | None = None) -> None:
        """Write a supplier form (xlsx), empty or with an instrument's values. openpyxl: slow."""
        from keuzehulp.services.beheer import leveranciersformulier

        leveranciersformulier.maak_formulier(self._db, pad, instrument_id)

    def lees_leveranciersformulier(self, pad: Path) -> FormulierResultaat:
        """Read a filled-in supplier form; without errors it becomes a concept (logged)."""
        from keuzehulp.services.beheer import leveranciersformulier

        return leveranciersformulier.lees_formulier(self._db, pad, self.gebruiker)

    def importeer(
        self,
        pad: Path,
        *,
        proefdraaien: bool,
        voortgang: Voortgang | None = None,
        overschrijf_nieuwer: bool = False,
        gezien_tot: int | None = None,
    ) -> ImportResultaat:
        """Read a bronbestand and show (dry run) or apply what it changes, as the user
        (services/bronbestand/importeren.py `importeer`: its errors and exit rules)."""
        from keuzehulp.services.bronbestand.importeren import importeer

        return importeer(
            self._db,
            pad,
            self.gebruiker,
            proefdraaien=proefdraaien,
            voortgang=voortgang,
            overschrijf_nieuwer=overschrijf_nieuwer,
            gezien_tot=gezien_tot,
        )

    def exporteer(self, pad: Path, voortgang: Voortgang | None = None) -> tuple[int, int]:
        """Write the catalogue to a bronbestand; (number active, number parked). ExportFout."""
        from keuzehulp.services.bronbestand.exporteren import exporteer

        return exporteer(self._db, pad, voortgang)


class InzichtDienst(_Gebied):
    """Figures about use and outcomes (beheerders and the inzicht role)."""

    def bereken(self, filter_: InzichtFilter | None = None) -> Inzicht:
        """All figures for the filter, in one unit of work (run it off the GUI thread)."""
        from keuzehulp.services.inzicht.overzicht import bereken_inzicht

        return bereken_inzicht(self._db, filter_)

    def gemeenten(self) -> list[str]:
        """Every gemeente's name, alphabetically (the filter's choices)."""
        return CatalogusDienst(self._db, self.gebruiker).gemeenten()


@dataclass(frozen=True, slots=True)
class Diensten:
    """The four areas, bound to one opened catalogue and user."""

    catalogus: CatalogusDienst
    gesprekken: GesprekkenDienst
    beheer: BeheerDienst
    inzicht: InzichtDienst

    @classmethod
    def voor(cls, db: Database, gebruiker: str) -> Diensten:
        return cls(
            CatalogusDienst(db, gebruiker),
            GesprekkenDienst(db, gebruiker),
            BeheerDienst(db, gebruiker),
            InzichtDienst(db, gebruiker),
        )
