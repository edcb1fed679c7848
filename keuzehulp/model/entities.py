"""All persistent entities in one import, so that the metadata is complete (Alembic, tests)."""

from keuzehulp.model.base import Base
from keuzehulp.model.beheer import Beheerder, CatalogusVersie, Mutatie, Vergrendeling
from keuzehulp.model.catalogus import (
    FengerRoute,
    Gemeente,
    Instrument,
    InstrumentStatus,
    Kenmerk,
)
from keuzehulp.model.gesprek import (
    CoachProfiel,
    Gesprek,
    GesprekOptie,
    GesprekScore,
    Instelling,
)
from keuzehulp.model.gesprekfeit import GesprekFeit
from keuzehulp.model.terugblik import Opmerking, Terugblik

__all__ = [
    "Base",
    "Beheerder",
    "CatalogusVersie",
    "CoachProfiel",
    "FengerRoute",
    "Gemeente",
    "Gesprek",
    "GesprekFeit",
    "GesprekOptie",
    "GesprekScore",
    "Instelling",
    "Instrument",
    "InstrumentStatus",
    "Kenmerk",
    "Mutatie",
    "Opmerking",
    "Terugblik",
    "Vergrendeling",
]
