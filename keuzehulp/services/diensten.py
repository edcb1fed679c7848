"""Per-area services for the screens (issue 11, item 1): views get these, never the Database.

Each class is a thin facade bound to the opened catalogue and the user; every method is one
unit of work of an existing service function (same errors, same plain return values). The
window builds one `Diensten` and hands each screen the area it needs through `AppContext`
(`context.catalogus`, `context.gesprekken`, `context.beheer`, `context.inzicht`). A method is
added here when a screen needs it, so that no view has to reach for the database itself.
"""

from __future__ import annotations

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
    from keuzehulp.services.bronbestand.importeren import ImportResultaat
    from keuzehulp.services.gesprek import GesprekService
    from keuzehulp.services.inzicht.filter import InzichtFilter
    from keuzehulp.services.inzicht.overzicht import Inzicht
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
