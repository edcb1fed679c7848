"""Looking back (terugblik, issue 15): what happened with a chosen instrument, and remarks.

Methodisch werken has four steps; the fourth, terugblik, records whether the instrument helped.
A terugblik holds no name, BSN or other identifier of the client; its remarks pass the privacy
guard (services/privacy.py) before they are stored.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Engine, ForeignKey, Index, Integer, String, Text, event, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from keuzehulp.model.base import Base, nu
from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.gesprek import Gesprek

# What happened with the chosen instrument (the trajectory's course).
TERUGBLIK_STATUSSEN: tuple[str, ...] = ("aangemeld", "gestart", "afgerond", "gestopt")
# Was the goal reached? "weet_niet" is an answer, None is "not asked yet".
DOEL_BEREIKT: tuple[str, ...] = ("ja", "deels", "nee", "weet_niet")
# Who wrote a remark, and where a remark stands for the beheergroep.
OPMERKING_BRONNEN: tuple[str, ...] = ("coach", "client")
OPMERKING_STATUSSEN: tuple[str, ...] = ("nieuw", "besproken", "verwerkt")
# A terugblik with at least one rating (the condition of the partial index ix_terugblik_cijfers).
MET_CIJFER = "coalesce(coach_totaal, coach_resultaat, coach_uitvoering, client_cijfer) IS NOT NULL"

# The Inzicht ratings per instrument read this index only, never the wide rows, and only the
# terugblikken with a rating (partial index; the query repeats MET_CIJFER). Its PostgreSQL
# condition is added when PostgreSQL is used (_met_postgresql_voorwaarde): naming it here would
# import the PostgreSQL dialect on every SQLite start (60-90 ms).
CIJFER_INDEX = Index(
    "ix_terugblik_cijfers",
    "instrument_id", "gesprek_id", "coach_totaal", "coach_resultaat",
    "coach_uitvoering", "client_cijfer",
    sqlite_where=text(MET_CIJFER),
)  # fmt: skip


class Terugblik(Base):
    """One look back at a gesprek's chosen instrument; a gesprek may have several.

    Ratings are whole numbers 1-10 (Eva asks professionals for overall, result and execution);
    None means not given. ``reden_stoppen`` is a category code, set only when status is
    "gestopt" (the categories live in services/terugblik.py).
    """

    __tablename__ = "terugblik"

    id: Mapped[int] = mapped_column(primary_key=True)
    gesprek_id: Mapped[int] = mapped_column(
        ForeignKey("gesprek.id", ondelete="CASCADE"), index=True
    )
    instrument_id: Mapped[int] = mapped_column(
        ForeignKey("instrument.id", ondelete="RESTRICT"), index=True
    )
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu, index=True)
    gewijzigd_op: Mapped[dt.datetime] = mapped_column(default=nu)
    coach: Mapped[str] = mapped_column(String(120), index=True)
    status: Mapped[str | None] = mapped_column(String(20))
    reden_stoppen: Mapped[str | None] = mapped_column(String(40))
    doel_bereikt: Mapped[str | None] = mapped_column(String(20))
    coach_totaal: Mapped[int | None] = mapped_column(Integer)
    coach_resultaat: Mapped[int | None] = mapped_column(Integer)
    coach_uitvoering: Mapped[int | None] = mapped_column(Integer)
    coach_opmerking: Mapped[str | None] = mapped_column(Text)
    client_cijfer: Mapped[int | None] = mapped_column(Integer)
    client_opmerking: Mapped[str | None] = mapped_column(Text)

    gesprek: Mapped[Gesprek] = relationship()
    instrument: Mapped[Instrument] = relationship()

    __table_args__ = (CIJFER_INDEX,)


class Opmerking(Base):
    """A remark about an instrument for its regiehouder, from a terugblik (or typed in Beheer).

    ``status`` is one of OPMERKING_STATUSSEN; a status change is recorded with who and when.
    """

    __tablename__ = "opmerking"

    id: Mapped[int] = mapped_column(primary_key=True)
    instrument_id: Mapped[int] = mapped_column(
        ForeignKey("instrument.id", ondelete="RESTRICT"), index=True
    )
    terugblik_id: Mapped[int | None] = mapped_column(
        ForeignKey("terugblik.id", ondelete="SET NULL"), index=True
    )
    bron: Mapped[str] = mapped_column(String(20))
    tekst: Mapped[str] = mapped_column(Text)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(default=nu, index=True)
    status: Mapped[str] = mapped_column(String(20), default="nieuw", index=True)
    status_gewijzigd_op: Mapped[dt.datetime | None] = mapped_column()
    status_gewijzigd_door: Mapped[str | None] = mapped_column(String(120))

    instrument: Mapped[Instrument] = relationship()
    terugblik: Mapped[Terugblik | None] = relationship()


def _met_postgresql_voorwaarde(verbinding: Connection) -> None:
    """Give ix_terugblik_cijfers its PostgreSQL condition once a PostgreSQL connection is made.

    The model then describes the partial index on both engines (Alembic's comparison of model
    and migrations sees the same condition as migration 0006 made), while a SQLite start never
    loads the PostgreSQL dialect. Idempotent; runs on every new connection (a dict look-up).
    """
    if verbinding.dialect.name != "postgresql":
        return
    opties = CIJFER_INDEX.dialect_options["postgresql"]
    if opties["where"] is None:
        opties["where"] = text(MET_CIJFER)


event.listen(Engine, "engine_connect", _met_postgresql_voorwaarde)
