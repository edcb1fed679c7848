"""The coach profile: how a client reaches their coach, printed on the client handout.

Coach settings, not client data: one profile per login name (`gebruiker`), stored in the
catalogue database (`coach_profiel`). The login name itself is never printed; the handout
shows the display name, phone, e-mail and organisation. Not catalogue data either, so it is
not in the mutation log.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from sqlalchemy import select

from keuzehulp.model.base import nu
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.gesprek import CoachProfiel
from keuzehulp.model.mutatielog import MutatieContext

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
    """The profile of this login name, or None when it was never filled in."""
    with db.lezen() as session:
        rij = session.scalars(
            select(CoachProfiel).where(CoachProfiel.gebruiker == gebruiker)
        ).one_or_none()
        if rij is None:
            return None
        return CoachProfielGegevens.model_construct(
            naam=rij.naam, telefoon=rij.telefoon, email=rij.email, organisatie=rij.organisatie
        )


def bewaar_profiel(
    db: Database, gebruiker: str, gegevens: CoachProfielGegevens
) -> CoachProfielGegevens:
    """Create or replace the profile of this login name; returns what is stored."""
    if not gebruiker.strip():
        raise InvoerFout("Contactgegevens: onbekend voor welke gebruiker ze zijn.")
    with db.wijzigen(MutatieContext(gebruiker, "coachprofiel")) as session:
        rij = session.scalars(
            select(CoachProfiel).where(CoachProfiel.gebruiker == gebruiker)
        ).one_or_none()
        if rij is None:
            rij = CoachProfiel(gebruiker=gebruiker)
            session.add(rij)
        rij.naam = gegevens.naam
        rij.telefoon = gegevens.telefoon
        rij.email = gegevens.email
        rij.organisatie = gegevens.organisatie
        rij.gewijzigd_op = nu()
    return gegevens


def vereis_profiel(db: Database, gebruiker: str) -> CoachProfielGegevens:
    """The profile, or InvoerFout (GEEN_PROFIEL) asking to fill it in first."""
    profiel = lees_profiel(db, gebruiker)
    if profiel is None:
        raise InvoerFout(GEEN_PROFIEL)
    return profiel
