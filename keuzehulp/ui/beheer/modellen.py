"""Table models of the beheer screens: instruments, log rows, versions, beheerders, stale ones."""

from __future__ import annotations

import datetime as dt

from keuzehulp.services.beheer.actualiteit import VerouderdInstrument
from keuzehulp.services.beheer.beheerders import BeheerderRegel
from keuzehulp.services.beheer.instrumenten import InstrumentRegel
from keuzehulp.services.beheer.mutatielog import MutatieRegel
from keuzehulp.services.beheer.versies import VersieInfo
from keuzehulp.ui.beheer.gemeen import Kolom, RijenModel

STATUS_TEKST = {"actief": "gepubliceerd", "geparkeerd": "geparkeerd", "concept": "concept"}


def _datum(moment: object) -> str:
    if isinstance(moment, dt.datetime):
        return moment.astimezone().strftime("%d-%m-%Y")
    return str(moment)


class InstrumentTabelModel(RijenModel[InstrumentRegel]):
    KOLOMMEN = (
        Kolom[InstrumentRegel]("Naam", lambda r: r.naam),
        Kolom[InstrumentRegel]("Status", lambda r: STATUS_TEKST[r.status.value]),
        Kolom[InstrumentRegel]("Type", lambda r: r.type),
        Kolom[InstrumentRegel]("Uitvoerder", lambda r: r.uitvoerder),
        Kolom[InstrumentRegel]("Gewijzigd", lambda r: _datum(r.gewijzigd_op)),
    )


class MutatieTabelModel(RijenModel[MutatieRegel]):
    KOLOMMEN = (
        Kolom[MutatieRegel]("Tijdstip", lambda r: r.lokale_tijd),
        Kolom[MutatieRegel]("Gebruiker", lambda r: r.gebruiker),
        Kolom[MutatieRegel]("Actie", lambda r: r.actie),
        Kolom[MutatieRegel]("Soort", lambda r: r.entiteit),
        Kolom[MutatieRegel]("Naam", lambda r: r.entiteit_naam),
        Kolom[MutatieRegel]("Veld", lambda r: r.veld_label),
        Kolom[MutatieRegel]("Oud", lambda r: r.oude_waarde),
        Kolom[MutatieRegel]("Nieuw", lambda r: r.nieuwe_waarde),
        Kolom[MutatieRegel]("Reden", lambda r: r.reden),
        Kolom[MutatieRegel]("Bron", lambda r: r.bron),
    )


class VersieTabelModel(RijenModel[VersieInfo]):
    KOLOMMEN = (
        Kolom[VersieInfo]("Versie", lambda r: f"{r.versiedatum:%d-%m-%Y}"),
        Kolom[VersieInfo]("Gepubliceerd door", lambda r: r.gepubliceerd_door),
        Kolom[VersieInfo]("Instrumenten", lambda r: r.aantal_instrumenten),
        Kolom[VersieInfo]("Wijzigingen sindsdien", lambda r: r.wijzigingen_sindsdien),
        Kolom[VersieInfo]("Omschrijving", lambda r: r.omschrijving),
    )


class BeheerderTabelModel(RijenModel[BeheerderRegel]):
    KOLOMMEN = (
        Kolom[BeheerderRegel]("Inlognaam", lambda r: r.gebruiker),
        Kolom[BeheerderRegel]("Sinds", lambda r: _datum(r.sinds)),
        Kolom[BeheerderRegel]("Toegevoegd door", lambda r: r.toegevoegd_door),
    )


class VerouderdTabelModel(RijenModel[VerouderdInstrument]):
    KOLOMMEN = (
        Kolom[VerouderdInstrument]("Naam", lambda r: r.naam),
        Kolom[VerouderdInstrument]("Status", lambda r: STATUS_TEKST[r.status.value]),
        Kolom[VerouderdInstrument]("Laatst bekeken", lambda r: _datum(r.laatst)),
        Kolom[VerouderdInstrument]("Waarom die datum", lambda r: r.grond),
        Kolom[VerouderdInstrument]("Regiehouder", lambda r: r.regiehouder),
    )
