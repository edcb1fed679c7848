"""The beheer area's service (issue 11, item 1): what the Beheer screens may do, as the user.

Part of the per-area services of services/diensten.py (which re-exports it); thin methods
over services/beheer, each one unit of work with that function's errors and return values.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from keuzehulp.services.beheer import instrumenten, kenmerken, mutatielog, versies
from keuzehulp.services.beheer.instrumenten import Bewerking, InstrumentRegel
from keuzehulp.services.beheer.kenmerken import KenmerkRegel
from keuzehulp.services.beheer.mutatielog import MutatieRegel
from keuzehulp.services.gebied import Gebied, Voortgang

if TYPE_CHECKING:  # imported when first used: the window opens without them
    from collections.abc import Iterable, Sequence

    from keuzehulp.services.beheer.actualiteit import VerouderdInstrument
    from keuzehulp.services.beheer.beheerders import BeheerderRegel
    from keuzehulp.services.beheer.gemeenten import GemeenteRegel
    from keuzehulp.services.beheer.instrumenten import FormulierKeuzen
    from keuzehulp.services.beheer.kenmerken import PensioenVoorbeeld
    from keuzehulp.services.beheer.leveranciersformulier import FormulierResultaat
    from keuzehulp.services.beheer.mutatielog import MutatieFilter
    from keuzehulp.services.beheer.opmerkingen import OpmerkingFilter, OpmerkingRegel
    from keuzehulp.services.beheer.versies import VersieInfo
    from keuzehulp.services.bronbestand.importeren import ImportResultaat
    from keuzehulp.services.instrumentgegevens import InstrumentGegevens
    from keuzehulp.services.proces import ProcesWerk


class BeheerDienst(Gebied):
    """Changing the catalogue (beheerders; every change checks the role itself)."""

    def lijst_instrumenten(self) -> list[InstrumentRegel]:
        """Every instrument, for the editor's list."""
        return instrumenten.lijst_instrumenten(self._db)

    def instrument_regels(self, ids: Iterable[int]) -> list[InstrumentRegel]:
        """The list lines of these instruments (ids not found are left out), by id."""
        return instrumenten.instrument_regels(self._db, ids)

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

    def exporteer_log_werk(self, pad: Path, filter_: MutatieFilter | None = None) -> ProcesWerk:
        """`exporteer_log` as work for a process of its own (`Takenloper.start_proces`)."""
        from keuzehulp.services import proces

        return proces.werk(
            self._db, f"{mutatielog.__name__}:exporteer_xlsx_in_proces", pad, filter_
        )

    def lijst_versies(self) -> list[VersieInfo]:
        """Every published version, newest first."""
        return versies.lijst_versies(self._db)

    def versie_tekst(self) -> str:
        """The status bar's line about the published version."""
        return versies.versie_tekst(self._db)

    def publiceer_versie(self, omschrijving: str | None = None) -> VersieInfo:
        """Freeze the catalogue as today's version, as the user (logged). GeenRechtFout."""
        return versies.publiceer_versie(self._db, self.gebruiker, omschrijving)

    def publiceer_versie_werk(self, omschrijving: str | None = None) -> ProcesWerk:
        """`publiceer_versie` as work for a process of its own (`Takenloper.start_proces`);
        its result is the VersieInfo."""
        from keuzehulp.services import proces

        return proces.werk(
            self._db, f"{versies.__name__}:publiceer_versie_in_proces", self.gebruiker, omschrijving
        )

    def exporteer_versie(self, versie_id: int, pad: Path) -> tuple[int, int]:
        """Write a published version as a bronbestand; (number active, number parked)."""
        return versies.exporteer_versie(self._db, versie_id, pad)

    def exporteer_versie_werk(self, versie_id: int, pad: Path) -> ProcesWerk:
        """`exporteer_versie` as work for a process of its own (`Takenloper.start_proces`)."""
        from keuzehulp.services import proces

        return proces.werk(
            self._db, f"{versies.__name__}:exporteer_versie_in_proces", versie_id, pad
        )

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

    def lijst_gemeenten(self) -> list[GemeenteRegel]:
        """Every gemeente in name order, with its version and number of instruments."""
        from keuzehulp.services.beheer import gemeenten

        return gemeenten.lijst_gemeenten(self._db)

    def voeg_gemeente_toe(self, naam: str, reden: str) -> int:
        """Add a gemeente as the user (logged); its id. InvoerFout, ConflictFout."""
        from keuzehulp.services.beheer import gemeenten

        return gemeenten.voeg_gemeente_toe(self._db, self.gebruiker, naam, reden)

    def hernoem_gemeente(self, gemeente_id: int, naam: str, reden: str, versie: int) -> int:
        """Rename a gemeente listed at `versie`; its new versie. ConflictFout, InvoerFout."""
        from keuzehulp.services.beheer import gemeenten

        return gemeenten.hernoem_gemeente(
            self._db, self.gebruiker, gemeente_id, naam, reden, versie=versie
        )

    def verwijder_gemeente(self, gemeente_id: int, reden: str, versie: int) -> str:
        """Remove an unused gemeente listed at `versie`; its name. ConflictFout, InvoerFout."""
        from keuzehulp.services.beheer import gemeenten

        return gemeenten.verwijder_gemeente(
            self._db, self.gebruiker, gemeente_id, reden, versie=versie
        )

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

    def exporteer_werk(self, pad: Path) -> ProcesWerk:
        """`exporteer` as work for a process of its own (`Takenloper.start_proces`): it
        reports progress and stops when cancelled; ExportFout reaches the user as is."""
        from keuzehulp.services import proces

        # Named, not imported: the exporter loads openpyxl, which must not happen here.
        return proces.werk(
            self._db, "keuzehulp.services.bronbestand.exporteren:exporteer_in_proces", pad
        )
