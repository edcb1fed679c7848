"""Conversation entities: search, shortlist and choice of a coach and client, anonymously."""

from __future__ import annotations

import datetime as dt
import uuid as uuid_

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from keuzehulp.model.base import Base, nu
from keuzehulp.model.catalogus import FengerRoute, Instrument, Kenmerk

gesprek_route = Table(
    "gesprek_route",
    Base.metadata,
    Column("gesprek_id", ForeignKey("gesprek.id", ondelete="CASCADE"), primary_key=True),
    Column("route_id", ForeignKey("fenger_route.id", ondelete="RESTRICT"), primary_key=True),
)

gesprek_kenmerk = Table(
    "gesprek_kenmerk",
    Base.metadata,
    Column("gesprek_id", ForeignKey("gesprek.id", ondelete="CASCADE"), primary_key=True),
    Column("kenmerk_id", ForeignKey("kenmerk.id", ondelete="RESTRICT"), primary_key=True),
)


class Gesprek(Base):
    """One conversation. Holds no name, BSN or other identifier of the client."""

    __tablename__ = "gesprek"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Random and unique everywhere: a gesprek saved offline keeps it on its way to the server,
    # so that sending it twice stores it once (migration 0008).
    uuid: Mapped[str] = mapped_column(
        String(36), unique=True, index=True, default=lambda: str(uuid_.uuid4())
    )
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu, index=True)
    gewijzigd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    coach: Mapped[str] = mapped_column(String(120), index=True)
    # Optional pseudonymous reference such as a case number; never a BSN or a date.
    client_referentie: Mapped[str | None] = mapped_column(String(40))
    doel_soort: Mapped[str | None] = mapped_column(String(20))  # leerdoel, prestatiedoel
    doel: Mapped[str | None] = mapped_column(Text)
    # Practical filters and free text of the search, as JSON, to reopen it as it was.
    zoekfilters: Mapped[str | None] = mapped_column(Text)
    catalogus_versie: Mapped[str | None] = mapped_column(String(40))
    keuze_id: Mapped[int | None] = mapped_column(
        ForeignKey("instrument.id", ondelete="RESTRICT"), index=True
    )
    onderbouwing: Mapped[str | None] = mapped_column(Text)
    voorkeur_client: Mapped[str | None] = mapped_column(Text)
    volgende_stappen: Mapped[str | None] = mapped_column(Text)
    # What matters to the client (issue 10), as JSON, one object per wish:
    # {"wens": code, "gewicht": 1|2, "gemeente": name|null, "ja": [ids], "nee": [ids],
    #  "onbekend": [ids]} - the fit per option as computed when saved (services/wensen.py).
    wensen: Mapped[str | None] = mapped_column(Text)
    # SURE test (Légaré 2010): the four yes/no answers as JSON [bool, bool, bool, bool], and
    # the score 0-4; a score of 3 or less signals decisional conflict.
    sure_antwoorden: Mapped[str | None] = mapped_column(Text)
    sure_score: Mapped[int | None] = mapped_column(Integer)
    # Whether the client told back in their own words what they are going to do.
    teach_back: Mapped[bool | None] = mapped_column(Boolean)

    routes: Mapped[list[FengerRoute]] = relationship(secondary=gesprek_route)
    kenmerken: Mapped[list[Kenmerk]] = relationship(secondary=gesprek_kenmerk)
    opties: Mapped[list[GesprekOptie]] = relationship(
        back_populates="gesprek", order_by="GesprekOptie.volgorde", cascade="all, delete-orphan"
    )
    scores: Mapped[list[GesprekScore]] = relationship(
        back_populates="gesprek", cascade="all, delete-orphan"
    )
    keuze: Mapped[Instrument | None] = relationship()


class GesprekOptie(Base):
    """An instrument on the conversation's shortlist."""

    __tablename__ = "gesprek_optie"

    gesprek_id: Mapped[int] = mapped_column(
        ForeignKey("gesprek.id", ondelete="CASCADE"), primary_key=True
    )
    instrument_id: Mapped[int] = mapped_column(
        ForeignKey("instrument.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    volgorde: Mapped[int] = mapped_column(Integer, default=0)
    notitie: Mapped[str | None] = mapped_column(Text)
    # Pros and cons in the client's words ("Wat vind jij goed / minder goed?").
    goed: Mapped[str | None] = mapped_column(Text)
    minder_goed: Mapped[str | None] = mapped_column(Text)
    # The search on screen when the option was put on the shortlist, as JSON (a whole
    # ZoekVraag, routes and kenmerken included); NULL for options stored before migration
    # 0010. The coach's summary names these searches, not the one on screen at the last save.
    zoekvraag: Mapped[str | None] = mapped_column(Text)

    gesprek: Mapped[Gesprek] = relationship(back_populates="opties")
    instrument: Mapped[Instrument] = relationship()


class GesprekScore(Base):
    """The client picture: a score from 1 to 10 for one kenmerk group."""

    __tablename__ = "gesprek_score"

    gesprek_id: Mapped[int] = mapped_column(
        ForeignKey("gesprek.id", ondelete="CASCADE"), primary_key=True
    )
    kenmerk_id: Mapped[int] = mapped_column(
        ForeignKey("kenmerk.id", ondelete="RESTRICT"), primary_key=True
    )
    score: Mapped[int] = mapped_column(Integer)

    gesprek: Mapped[Gesprek] = relationship(back_populates="scores")
    kenmerk: Mapped[Kenmerk] = relationship()


class CoachProfiel(Base):
    """How a coach is reached, for the client handout. Coach settings, not client data."""

    __tablename__ = "coach_profiel"

    id: Mapped[int] = mapped_column(primary_key=True)
    gebruiker: Mapped[str] = mapped_column(String(120), unique=True)  # login name; never printed
    naam: Mapped[str] = mapped_column(String(120))  # display name, e.g. "Sanne de Vries"
    telefoon: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    organisatie: Mapped[str | None] = mapped_column(String(200))
    gewijzigd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    # Bumped on every change (SQLAlchemy's version counter): a save made from an older
    # version is refused (`keuzehulp.services.beheer.versiecontrole`).
    versie: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": versie}  # noqa: RUF012


class Instelling(Base):
    """An organisation-wide setting as text, e.g. "bewaartermijn_maanden" = "12"."""

    __tablename__ = "instelling"

    sleutel: Mapped[str] = mapped_column(String(80), primary_key=True)
    waarde: Mapped[str] = mapped_column(Text)
    # Bumped on every change (SQLAlchemy's version counter): a save made from an older
    # version is refused (`keuzehulp.services.beheer.versiecontrole`).
    versie: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": versie}  # noqa: RUF012
