"""The coach profile: how a client reaches their coach, printed on the client handout.

Coach settings, not client data: one profile per login name (`gebruiker`), stored in the
catalogue database (`coach_profiel`). The login name itself is never printed; the handout
shows the display name, phone, e-mail and organisation. Not catalogue data either, so it is
not in the mutation log.

A form opens the profile with its version (`open_profiel`) and saves with it: when the same
login saved the profile meanwhile (another window or computer), the save is refused with
ConflictFout saying when, and nothing is overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from keuzehulp.model.base import nu
from keuzehulp.model.db import Database
from keuzehulp.model.errors import ConflictFout, InvoerFout
from keuzehulp.model.gesprek import CoachProfiel
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.beheer.versiecontrole import wanneer

MIN_CIJFERS = 6  # "14 0344", the municipal short number, has 6 digits
MAX_CIJFERS = 15  # E.164
_TELEFOON_TEKENS = re.compile(r"^\+?[0-9 ()\-./]+$")
_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[A-Za-z]{2,}$")

VELDNAMEN = {
    "naam": "Naam",
    "telefoon": "Telefoon",
    "email": "E-mail",
    "organisatie": "Organisatie",
}

GEEN_PROFIEL = (
    "Vul eerst uw contactgegevens in (naam, telefoon of e-mail, organisatie). Die komen op "
    "de PDF voor de klant, zodat de klant u kan bereiken."
)


class CoachProfielGegevens(BaseModel):
    """Display name (required), phone and/or e-mail (at least one), organisation."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    naam: str = Field(min_length=1, max_length=120)
    telefoon: str | None = Field(default=None, max_length=40)
    email: str | None = Field(default=None, max_length=200)
    organisatie: str | None = Field(default=None, max_length=200)

    @field_validator("telefoon", "email", "organisatie", mode="before")
    @classmethod
    def _leeg_is_niets(cls, waarde: object) -> object:
        if isinstance(waarde, str) and not waarde.strip():
            return None
        return waarde

    @field_validator("naam")
    @classmethod
    def _een_regel(cls, waarde: str) -> str:
        return " ".join(waarde.split())

    @field_validator("telefoon")
    @classmethod
    def _telefoon(cls, waarde: str | None) -> str | None:
        if waarde is None:
            return None
        waarde = " ".join(waarde.split())
        if not _TELEFOON_TEKENS.match(waarde):
            raise ValueError(
                "gebruik alleen cijfers, spaties en streepjes, eventueel met + vooraan; "
                "bijvoorbeeld 0344 61 22 33"
            )
        cijfers = sum(c.isdigit() for c in waarde)
        if not MIN_CIJFERS <= cijfers <= MAX_CIJFERS:
            raise ValueError(
                f"een telefoonnummer heeft {MIN_CIJFERS} tot {MAX_CIJFERS} cijfers, "
                f"dit heeft er {cijfers}"
            )
        return waarde

    @field_validator("email")
    @classmethod
    def _email(cls, waarde: str | None) -> str | None:
        if waarde is not None and not _EMAIL.match(waarde):
            raise ValueError("dit is geen e-mailadres; schrijf het zo: naam@organisatie.nl")
        return waarde

    @model_validator(mode="after")
    def _bereikbaar(self) -> CoachProfielGegevens:
        if self.telefoon is None and self.email is None:
            raise ValueError(
                "vul een telefoonnummer of e-mailadres in, zodat de klant u kan bereiken"
            )
        return self


_PYDANTIC_NL: dict[str, str] = {
    "missing": "is verplicht",
    "string_too_short": "mag niet leeg zijn",
    "string_too_long": "is te lang",
    "string_type": "moet tekst zijn",
}


def maak_profiel(**waarden: Any) -> CoachProfielGegevens:
    """Build a profile, or raise InvoerFout naming every wrong field in Dutch."""
    try:
        return CoachProfielGegevens(**waarden)
    except ValidationError as fout:
        regels = []
        for e in fout.errors():
            veld = VELDNAMEN.get(str(e["loc"][0]), "Contactgegevens") if e["loc"] else ""
            if e["type"] == "value_error":
                melding = str(e.get("ctx", {}).get("error", e["msg"]))
            else:
                melding = _PYDANTIC_NL.get(e["type"], e["msg"])
            regels.append(f"{veld or 'Contactgegevens'}: {melding}")
        raise InvoerFout("; ".join(regels) + ".") from None


def lees_profiel(db: Database, gebruiker: str) -> CoachProfielGegevens | None:
    """The profile of this login name, or None when it was never filled in. A fictional
    coach of the demo ("Voorbeeldcoach 03") has a fictional one (voorbeeldgesprekken.py), so
    a demo gesprek's handout can be printed by whoever opens it."""
    from keuzehulp.services.voorbeeldgesprekken import voorbeeld_profiel

    if (verzonnen := voorbeeld_profiel(gebruiker)) is not None:
        return verzonnen
    with db.lezen() as session:
        rij = session.scalars(
            select(CoachProfiel).where(CoachProfiel.gebruiker == gebruiker)
        ).one_or_none()
        if rij is None:
            return None
        return CoachProfielGegevens.model_construct(
            naam=rij.naam, telefoon=rij.telefoon, email=rij.email, organisatie=rij.organisatie
        )


@dataclass(frozen=True, slots=True)
class ProfielBewerking:
    """The profile as a form opens it: its values (None: not filled in yet) and version (0)."""

    gegevens: CoachProfielGegevens | None
    versie: int


def open_profiel(db: Database, gebruiker: str) -> ProfielBewerking:
    """The profile and its version, to pass back to `bewaar_profiel`."""
    with db.lezen() as session:
        rij = session.scalars(
            select(CoachProfiel).where(CoachProfiel.gebruiker == gebruiker)
        ).one_or_none()
        if rij is None:
            return ProfielBewerking(None, 0)
        return ProfielBewerking(
            CoachProfielGegevens.model_construct(
                naam=rij.naam, telefoon=rij.telefoon, email=rij.email, organisatie=rij.organisatie
            ),
            rij.versie,
        )


def _verouderd(rij: CoachProfiel | None) -> ConflictFout:
    moment = f", {wanneer(rij.gewijzigd_op)}" if rij is not None else ""
    return ConflictFout(
        f"Uw contactgegevens zijn intussen ergens anders opgeslagen{moment} (in een ander "
        "venster of op een andere computer). Uw invoer is niet opgeslagen; die staat nog in "
        "het scherm. Bekijk de opgeslagen gegevens en sla dan opnieuw op."
    )


def bewaar_profiel(
    db: Database, gebruiker: str, gegevens: CoachProfielGegevens, versie: int | None = None
) -> CoachProfielGegevens:
    """Create or replace the profile of this login name; returns what is stored.

    `versie` is what `open_profiel` gave (0: there was none); when the profile was saved since,
    raises ConflictFout and writes nothing. None: no check (the command line): a profile made
    elsewhere at the same moment (two first starts at once) is then simply replaced.
    """
    if not gebruiker.strip():
        raise InvoerFout("Contactgegevens: onbekend voor welke gebruiker ze zijn.")
    try:
        return _bewaar(db, gebruiker, gegevens, versie)
    except ConflictFout:
        if versie is not None:
            raise
        return _bewaar(db, gebruiker, gegevens, None)  # the row exists now: replace it


def _bewaar(
    db: Database, gebruiker: str, gegevens: CoachProfielGegevens, versie: int | None
) -> CoachProfielGegevens:
    with db.wijzigen(MutatieContext(gebruiker, "coachprofiel")) as session:
        rij = session.scalars(
            select(CoachProfiel).where(CoachProfiel.gebruiker == gebruiker)
        ).one_or_none()
        if versie is not None and (rij.versie if rij is not None else 0) != versie:
            raise _verouderd(rij)
        if rij is None:
            rij = CoachProfiel(gebruiker=gebruiker)
            session.add(rij)
        rij.naam = gegevens.naam
        rij.telefoon = gegevens.telefoon
        rij.email = gegevens.email
        rij.organisatie = gegevens.organisatie
        rij.gewijzigd_op = nu()
        try:
            session.flush()
        except (StaleDataError, IntegrityError):  # saved elsewhere at the same moment
            session.rollback()
            raise _verouderd(
                session.scalars(
                    select(CoachProfiel).where(CoachProfiel.gebruiker == gebruiker)
                ).one_or_none()
            ) from None
    return gegevens


def vereis_profiel(db: Database, gebruiker: str) -> CoachProfielGegevens:
    """The profile, or InvoerFout (GEEN_PROFIEL) asking to fill it in first."""
    profiel = lees_profiel(db, gebruiker)
    if profiel is None:
        raise InvoerFout(GEEN_PROFIEL)
    return profiel
