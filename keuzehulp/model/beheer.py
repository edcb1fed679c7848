"""Beheer entities: the append-only mutation log, the beheerders and published versions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from keuzehulp.model.base import Base, nu


class Mutatie(Base):
    """One change to the catalogue: who, when, which entity and field, old and new value, why.

    Rows are only ever inserted; `keuzehulp.model.mutatielog` refuses updates and deletes.
    Each row carries a SHA-256 hash over its content and the previous row's hash
    (`keuzehulp.model.logketen`), so an edit behind the app's back is detected.
    """

    __tablename__ = "mutatie"

    id: Mapped[int] = mapped_column(primary_key=True)
    tijdstip: Mapped[dt.datetime] = mapped_column(default=nu, index=True)
    gebruiker: Mapped[str] = mapped_column(String(120), index=True)
    # toegevoegd, gewijzigd, verwijderd
    actie: Mapped[str] = mapped_column(String(20))
    # instrument, kenmerk, route, gemeente, beheerder, catalogusversie
    entiteit: Mapped[str] = mapped_column(String(40))
    entiteit_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # A readable label at the time of the change (the instrument's name, the kenmerk's code).
    entiteit_naam: Mapped[str] = mapped_column(String(300), default="")
    veld: Mapped[str | None] = mapped_column(String(80))
    oude_waarde: Mapped[str | None] = mapped_column(Text)
    nieuwe_waarde: Mapped[str | None] = mapped_column(Text)
    reden: Mapped[str | None] = mapped_column(Text)
    # editor, import: <bestand>, leveranciersformulier: <bestand>, basisgegevens, ...
    bron: Mapped[str] = mapped_column(String(300))
    # The hash chain (64 hex characters each); filled by the app (SQLite) or a trigger
    # (PostgreSQL), never by hand.
    # Unique: two rows can never follow the same row, so the chain cannot fork.
    vorige_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64))


class Beheerder(Base):
    """A user allowed to change the catalogue; everyone else is a werkcoach."""

    __tablename__ = "beheerder"

    id: Mapped[int] = mapped_column(primary_key=True)
    gebruiker: Mapped[str] = mapped_column(String(120), unique=True)
    sinds: Mapped[dt.datetime] = mapped_column(default=nu)
    toegevoegd_door: Mapped[str | None] = mapped_column(String(120))
    # Bumped on every change (SQLAlchemy's version counter): a save made from an older
    # version is refused (`keuzehulp.services.beheer.versiecontrole`).
    versie: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": versie}  # noqa: RUF012

    mutatie_label = "beheerder"


class CatalogusVersie(Base):
    """A published version of the catalogue, labelled by date, with a full snapshot."""

    __tablename__ = "catalogus_versie"

    id: Mapped[int] = mapped_column(primary_key=True)
    versiedatum: Mapped[dt.date] = mapped_column(Date, index=True)
    gepubliceerd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    gepubliceerd_door: Mapped[str] = mapped_column(String(120))
    omschrijving: Mapped[str | None] = mapped_column(Text)
    # JSON snapshot of every instrument and kenmerk at publication, for exporting it later.
    snapshot: Mapped[str] = mapped_column(Text)
    # The last mutation included, so "changed since this version" is a simple comparison.
    tot_mutatie_id: Mapped[int | None] = mapped_column(ForeignKey("mutatie.id"))

    mutatie_label = "catalogusversie"


class Vergrendeling(Base):
    """Who holds a catalogue-wide lock (import, publishing) and since when.

    Only a note for the one who has to wait: the lock itself is PostgreSQL's advisory lock or,
    on SQLite, this row while its process lives (`keuzehulp.model.vergrendeling`).
    """

    __tablename__ = "vergrendeling"

    sleutel: Mapped[str] = mapped_column(String(40), primary_key=True)
    gebruiker: Mapped[str] = mapped_column(String(120))
    # The display name from the coach profile when there is one, else the login name.
    naam: Mapped[str] = mapped_column(String(120))
    # What the holder does, as a Dutch verb phrase: "importeert", "publiceert een versie".
    taak: Mapped[str] = mapped_column(String(80))
    sinds: Mapped[dt.datetime] = mapped_column(default=nu)
    # The holder: "host:pid" of the process (SQLite), or "pg:<backend pid>" (PostgreSQL).
    houder: Mapped[str] = mapped_column(String(200))
