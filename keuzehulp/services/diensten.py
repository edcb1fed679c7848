"""Per-area services for the screens (issue 11, item 1): views get these, never the Database.

Each class is a thin facade bound to the opened catalogue and the user; every method is one
unit of work of an existing service function (same errors, same plain return values). The
window builds one `Diensten` and hands each screen the area it needs through `AppContext`
(`context.catalogus`, `context.gesprekken`, `context.beheer`, `context.inzicht`). A method is
added here when a screen needs it, so that no view has to reach for the database itself.
What the areas share is in services/gebied.py; the beheer area, the largest, in
services/beheerdienst.py (re-exported here).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from keuzehulp.model.catalogus import FengerRoute, Gemeente
from keuzehulp.model.db import Database
from keuzehulp.services.beheer import kenmerken, versies
from keuzehulp.services.beheer.kenmerken import KenmerkRegel
from keuzehulp.services.beheerdienst import BeheerDienst
from keuzehulp.services.catalogus_info import CatalogusInfo, catalogus_info
from keuzehulp.services.gebied import Gebied, Voortgang
from keuzehulp.services.gesprekarchief import bewaartermijn
from keuzehulp.services.instrumentdetail import InstrumentDetail, lees_detail, lees_details
from keuzehulp.services.zoeken import ZoekService

if TYPE_CHECKING:  # imported when first used: the window opens without them
    from keuzehulp.model.meldingen import (
        EigenVerbindingen,
        Melding,
        PostgresLuisteraar,
        SqliteWachter,
    )
    from keuzehulp.model.mutatielog import Wijzigingen
    from keuzehulp.services.coachprofiel import CoachProfielGegevens, ProfielBewerking
    from keuzehulp.services.gesprek import GesprekService
    from keuzehulp.services.inzicht.filter import InzichtFilter
    from keuzehulp.services.inzicht.overzicht import Inzicht
    from keuzehulp.services.proces import ProcesWerk
    from keuzehulp.services.rapport.gegevens import Rapport
    from keuzehulp.services.terugblik import TerugblikService
    from keuzehulp.services.voorbeeldgesprekken import GesprekkenStand

__all__ = [
    "BeheerDienst",
    "CatalogusDienst",
    "Diensten",
    "Gebied",
    "GesprekkenDienst",
    "InzichtDienst",
    "Voortgang",
]


class CatalogusDienst(Gebied):
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
        """(code, label) of every Fenger route, in route order: the Dutch label users see
        everywhere ("Eerst werk"), not the source file's term ("Work first")."""
        with self._db.lezen() as s:
            vraag = select(FengerRoute.code, FengerRoute.label).order_by(FengerRoute.volgorde)
            return [(code, label) for code, label in s.execute(vraag)]

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


class GesprekkenDienst(Gebied):
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

    def bewaartermijn_met_versie(self) -> tuple[int, int]:
        """(months, version) of the retention term, for a form that may save it."""
        from keuzehulp.services.gesprekarchief import bewaartermijn_met_versie

        return bewaartermijn_met_versie(self._db)

    def zet_bewaartermijn(self, maanden: int, versie: int | None = None) -> int:
        """Set the retention term (months, 1 to 120) as the user; returns it.

        GeenRechtFout for a non-beheerder, InvoerFout out of range, ConflictFout (who, when)
        when saved by someone else since `versie` (services/gesprekarchief.py).
        """
        from keuzehulp.services.gesprekarchief import zet_bewaartermijn

        return zet_bewaartermijn(self._db, maanden, self.gebruiker, versie)

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


class InzichtDienst(Gebied):
    """Figures about use and outcomes (beheerders and the inzicht role)."""

    def bereken(self, filter_: InzichtFilter | None = None) -> Inzicht:
        """All figures for the filter, in one unit of work (run it off the GUI thread)."""
        from keuzehulp.services.inzicht.overzicht import bereken_inzicht

        return bereken_inzicht(self._db, filter_)

    def scherm_werk(self, filter_: InzichtFilter) -> ProcesWerk:
        """The Inzicht screen's figures for `filter_`, prepared for its tables
        (inzicht/voorbereid.py `Voorbereid`), as work for a process of its own
        (`Takenloper.start_proces`), so that the computation's query threads never hold the
        window's interpreter; in the calling worker thread for an in-memory database."""
        from keuzehulp.services import proces

        return proces.werk(
            self._db, "keuzehulp.services.inzicht.voorbereid:bereken_in_proces", filter_
        )

    def gemeenten(self) -> list[str]:
        """Every gemeente's name, alphabetically (the filter's choices)."""
        return CatalogusDienst(self._db, self.gebruiker).gemeenten()

    def export_werk(self, inzicht: Inzicht, pad: Path, voorbeeld: int = 0) -> ProcesWerk:
        """Writing `inzicht` to `pad` (.xlsx/.pdf) as work for a process of its own
        (`Takenloper.start_proces`): progress, Stoppen before anything is written. The
        figures travel along; the child opens no database. In a worker thread where no child
        process can run (`proces.kan_in_proces`). InvoerFout (Dutch) on a wrong path."""
        from keuzehulp.services import proces

        # Named, not imported: the exporter loads openpyxl, which must not happen here.
        return proces.ProcesWerk(
            "keuzehulp.services.inzicht.export:exporteer_in_proces",
            (inzicht, pad, voorbeeld),
            proces.kan_in_proces(self._db.url),
        )

    def gesprekken_stand(self) -> GesprekkenStand:
        """How many real and fictional gesprekken there are (the screen's notice)."""
        from keuzehulp.services.voorbeeldgesprekken import gesprekken_stand

        return gesprekken_stand(self._db)

    def voeg_voorbeeldgesprekken_toe(self, aantal: int) -> int:
        """Fictional gesprekken for practice (voorbeeldgesprekken.py; InvoerFout when the
        database holds real gesprekken). Run it off the GUI thread."""
        from keuzehulp.services.voorbeeldgesprekken import voeg_voorbeeldgesprekken_toe

        return voeg_voorbeeldgesprekken_toe(self._db, aantal, self.gebruiker)


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
