"""Catalogue entities: Instrument, FengerRoute, Kenmerk, Gemeente and the links between them."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    Boolean,
    Column,
    Enum,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from keuzehulp.model.base import Base, nu
from keuzehulp.model.tekst import naam_sleutel


class InstrumentStatus(enum.StrEnum):
    """Where an instrument stands: only `actief` ones appear in the search."""

    ACTIEF = "actief"
    GEPARKEERD = "geparkeerd"
    CONCEPT = "concept"


ONDERBOUWING_NIVEAUS: tuple[str, ...] = (
    "goed beschreven",
    "goed onderbouwd",
    "effectief: eerste aanwijzingen",
    "effectief: goede aanwijzingen",
    "effectief: sterke aanwijzingen",
)
"""Evidence levels as the Dutch databanks (Movisie, NJi) name them, weakest first."""

START_SOORTEN: tuple[str, ...] = ("doorlopend", "vaste_data")
"""How an instrument starts: any time (doorlopend), or on fixed dates (vaste_data)."""

GROEPSVORMEN: tuple[str, ...] = ("individueel", "groep", "beide")
"""Whether the client takes part alone, in a group, or either."""

GEMEENTEN_RIVIERENLAND: tuple[str, ...] = (
    "Buren",
    "Culemborg",
    "Maasdriel",
    "Neder-Betuwe",
    "Tiel",
    "West Betuwe",
    "West Maas en Waal",
    "Zaltbommel",
)
"""The 8 gemeenten a new catalogue starts with."""


instrument_route = Table(
    "instrument_route",
    Base.metadata,
    Column("instrument_id", ForeignKey("instrument.id", ondelete="CASCADE"), primary_key=True),
    Column("route_id", ForeignKey("fenger_route.id", ondelete="RESTRICT"), primary_key=True),
)

instrument_kenmerk = Table(
    "instrument_kenmerk",
    Base.metadata,
    Column("instrument_id", ForeignKey("instrument.id", ondelete="CASCADE"), primary_key=True),
    Column("kenmerk_id", ForeignKey("kenmerk.id", ondelete="RESTRICT"), primary_key=True),
)

instrument_gemeente = Table(
    "instrument_gemeente",
    Base.metadata,
    Column("instrument_id", ForeignKey("instrument.id", ondelete="CASCADE"), primary_key=True),
    Column("gemeente_id", ForeignKey("gemeente.id", ondelete="RESTRICT"), primary_key=True),
)


class FengerRoute(Base):
    """One of the three Fenger routes (type of trajectory)."""

    __tablename__ = "fenger_route"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    naam: Mapped[str] = mapped_column(String(80))
    label: Mapped[str] = mapped_column(String(120))
    uitleg: Mapped[str] = mapped_column(Text, default="")
    uitleg_client: Mapped[str] = mapped_column(Text, default="")
    volgorde: Mapped[int] = mapped_column(Integer, default=0)
    # Bumped on every change (SQLAlchemy's version counter): a save made from an older
    # version is refused (`keuzehulp.services.beheer.versiecontrole`).
    versie: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": versie}  # noqa: RUF012

    mutatie_label = "route"

    def __repr__(self) -> str:
        return f"FengerRoute({self.code!r})"


class Kenmerk(Base):
    """A theoretical characteristic: a group (code "1") or a derived one ("1.3", "1.3.1")."""

    __tablename__ = "kenmerk"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    naam: Mapped[str] = mapped_column(String(200))
    uitleg: Mapped[str] = mapped_column(Text, default="")
    uitleg_client: Mapped[str] = mapped_column(Text, default="")
    # Short plain label for the client view, at most ~6 words ("Beter omgaan met stress").
    label_client: Mapped[str] = mapped_column(String(80), default="", server_default="")
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("kenmerk.id", ondelete="RESTRICT"), index=True
    )
    actief: Mapped[bool] = mapped_column(Boolean, default=True)
    volgorde: Mapped[int] = mapped_column(Integer, default=0)

    # Bumped on every change (SQLAlchemy's version counter): a save made from an older
    # version is refused (`keuzehulp.services.beheer.versiecontrole`).
    versie: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": versie}  # noqa: RUF012

    parent: Mapped[Kenmerk | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Kenmerk]] = relationship(
        back_populates="parent", order_by="Kenmerk.volgorde"
    )

    mutatie_label = "kenmerk"

    @property
    def is_groep(self) -> bool:
        return self.parent_id is None

    def __repr__(self) -> str:
        return f"Kenmerk({self.code!r})"


class Gemeente(Base):
    """A municipality where instruments are offered."""

    __tablename__ = "gemeente"

    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(120), unique=True)
    # Bumped on every change (SQLAlchemy's version counter): a save made from an older
    # version is refused (`keuzehulp.services.beheer.versiecontrole`).
    versie: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": versie}  # noqa: RUF012

    mutatie_label = "gemeente"


class Instrument(Base):
    """Everything a coach deploys with a client, besides own skill and the standard diagnosis."""

    __tablename__ = "instrument"

    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(300))
    # Folded name (case, accents, spaces): names are unique compared this way.
    naam_sleutel: Mapped[str] = mapped_column(String(300), unique=True)
    status: Mapped[InstrumentStatus] = mapped_column(
        Enum(
            InstrumentStatus,
            native_enum=False,
            length=20,
            values_callable=lambda e: [m.value for m in e],
            name="instrument_status",
            create_constraint=True,
        ),
        default=InstrumentStatus.CONCEPT,
        index=True,
    )
    type: Mapped[str | None] = mapped_column(String(120))
    uitvoerder: Mapped[str | None] = mapped_column(String(200))
    omschrijving: Mapped[str | None] = mapped_column(Text)
    alle_gemeenten: Mapped[bool] = mapped_column(Boolean, default=False)
    adres: Mapped[str | None] = mapped_column(Text)
    doelgroep: Mapped[str | None] = mapped_column(Text)
    doel: Mapped[str | None] = mapped_column(Text)
    instroomeis: Mapped[str | None] = mapped_column(Text)
    omvang_duur: Mapped[str | None] = mapped_column(Text)
    # Cost as whole cents (exact and portable); a non-amount such as "op aanvraag" in kosten_tekst.
    kosten_centen: Mapped[int | None] = mapped_column(Integer)
    kosten_tekst: Mapped[str | None] = mapped_column(String(200))
    werkwijze: Mapped[str | None] = mapped_column(Text)
    beschikbaarheid: Mapped[str | None] = mapped_column(Text)
    aanmelding: Mapped[str | None] = mapped_column(Text)
    bijzonderheden: Mapped[str | None] = mapped_column(Text)
    rol_werkzoekende: Mapped[str | None] = mapped_column(Text)
    waardering_professionals: Mapped[float | None] = mapped_column(Float)
    waardering_werkzoekende: Mapped[float | None] = mapped_column(Float)
    onderbouwing: Mapped[str | None] = mapped_column(String(80))
    # Structured duration and intensity (issue 9), filled from "Omvang en duur" where it parses
    # without doubt; None means unknown. duur_weken: total duration in whole weeks, rounded up
    # (a one-day instrument is 1). uren_per_week: hours per week of the client's time.
    duur_weken: Mapped[int | None] = mapped_column(Integer)
    uren_per_week: Mapped[float | None] = mapped_column(Float)
    # START_SOORTEN: "doorlopend" (start any time) or "vaste_data"; startdata: ISO dates "; ".
    start_soort: Mapped[str | None] = mapped_column(String(20))
    startdata: Mapped[str | None] = mapped_column(Text)
    # Whether good Dutch is required (True), not required (False), or unknown (None).
    nederlands_nodig: Mapped[bool | None] = mapped_column(Boolean)
    # GROEPSVORMEN: "individueel", "groep", "beide"; None unknown.
    groepsvorm: Mapped[str | None] = mapped_column(String(20))
    # What the client pays, in cents (almost always 0); None unknown. kosten_centen is what the
    # gemeente pays per person and is never shown to the client.
    kosten_klant_centen: Mapped[int | None] = mapped_column(Integer)
    regiehouder: Mapped[str | None] = mapped_column(String(200))
    link: Mapped[str | None] = mapped_column(String(500))
    # Expert to consult before deploying (the expert-only instruments); None for most.
    overleg_met: Mapped[str | None] = mapped_column(String(200))
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu)
    gewijzigd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    beoordeeld_op: Mapped[dt.datetime | None] = mapped_column()
    versie: Mapped[int] = mapped_column(Integer, default=1)

    routes: Mapped[list[FengerRoute]] = relationship(
        secondary=instrument_route, order_by=FengerRoute.volgorde
    )
    kenmerken: Mapped[list[Kenmerk]] = relationship(
        secondary=instrument_kenmerk, order_by=Kenmerk.code
    )
    gemeenten: Mapped[list[Gemeente]] = relationship(
        secondary=instrument_gemeente, order_by=Gemeente.naam
    )

    __mapper_args__ = {"version_id_col": versie}  # noqa: RUF012

    mutatie_label = "instrument"

    @validates("naam")
    def _zet_naam_sleutel(self, _key: str, naam: str) -> str:
        self.naam_sleutel = naam_sleutel(naam)
        return naam

    def __repr__(self) -> str:
        return f"Instrument({self.id!r}, {self.naam!r})"
