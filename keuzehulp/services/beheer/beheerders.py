"""Who may change the catalogue: list, add and remove beheerders (never the last one).

A removal from a list passes the row as it was listed (`BeheerderRegel`): when someone else
removed or changed it since, ConflictFout names who and when (from the mutation log).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, func, select

from keuzehulp.model.beheer import Beheerder
from keuzehulp.model.db import Database
from keuzehulp.model.errors import ConflictFout, InvoerFout, NietGevondenFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services import privacy
from keuzehulp.services.beheer import versiecontrole
from keuzehulp.services.beheer._gemeen import BRON_EDITOR, begin
from keuzehulp.services.rollen import vereis_eigen_beheerderslijst


@dataclass(frozen=True, slots=True)
class BeheerderRegel:
    """A beheerder as lists show it; `id` and `versie` identify what was listed."""

    gebruiker: str
    sinds: dt.datetime
    toegevoegd_door: str | None
    id: int = 0
    versie: int = 1


def lijst_beheerders(db: Database) -> list[BeheerderRegel]:
    with db.lezen() as s:
        return [
            BeheerderRegel(b.gebruiker, b.sinds, b.toegevoegd_door, b.id, b.versie)
            for b in s.scalars(select(Beheerder).order_by(Beheerder.gebruiker))
        ]


def _ctx(gebruiker: str, reden: str | None) -> MutatieContext:
    privacy.controleer_reden(reden)
    return MutatieContext(
        gebruiker=gebruiker, bron=BRON_EDITOR, reden=(reden or "").strip() or None
    )


def voeg_beheerder_toe(db: Database, gebruiker: str, nieuw: str, reden: str | None = None) -> None:
    """Make `nieuw` (a login name) a beheerder.

    A catalogue without any beheerder (an older one upgraded, or its list emptied) lets a
    user add only themselves, on purpose: opening it makes nobody beheerder (issue 11,
    item 6). On SQLite whoever may write the file may do this; the file's permissions are
    the boundary (docs/handleiding.md). Raises GeenRechtFout, InvoerFout.
    """
    with db.wijzigen(_ctx(gebruiker, reden)) as s:
        zonder_beheerder = not s.scalar(select(exists().where(Beheerder.id.is_not(None))))
        if not (zonder_beheerder and nieuw.strip() == gebruiker):
            begin(s, gebruiker, met_reden=False)
        vereis_eigen_beheerderslijst(s)
        nieuw = nieuw.strip()
        if not nieuw or len(nieuw) > 120 or any(c.isspace() for c in nieuw):
            raise InvoerFout(
                "Geef de inlognaam van de nieuwe beheerder: één woord, zonder spaties."
            )
        al = s.scalar(select(Beheerder).where(Beheerder.gebruiker == nieuw))
        if al is not None:
            door = (
                f" door uzelf, {versiecontrole.wanneer(al.sinds)}"  # not a conflict: no "window"
                if al.toegevoegd_door == gebruiker
                else versiecontrole.door_wie_wanneer(
                    s, gebruiker, (al.toegevoegd_door, al.sinds) if al.toegevoegd_door else None
                )
            )
            raise InvoerFout(f"{nieuw} is al beheerder" + (f": toegevoegd{door}." if door else "."))
        s.add(Beheerder(gebruiker=nieuw, toegevoegd_door=gebruiker))


def verwijder_beheerder(
    db: Database,
    gebruiker: str,
    wie: str,
    reden: str | None = None,
    *,
    geladen: BeheerderRegel | None = None,
) -> None:
    """Take away someone's beheer role; the last beheerder cannot be removed.

    `geladen`: the row as the list showed it; ConflictFout (who, when) when it was removed or
    changed since. NietGevondenFout when `wie` is no beheerder, InvoerFout for the last one.
    """
    with db.wijzigen(_ctx(gebruiker, reden)) as s:
        begin(s, gebruiker, met_reden=False)
        vereis_eigen_beheerderslijst(s)
        beheerder = s.scalar(select(Beheerder).where(Beheerder.gebruiker == wie.strip()))
        # SQLite may give a re-added row the old id: `sinds` tells them apart.
        if geladen is not None and (
            beheerder is None
            or (beheerder.id, beheerder.versie, beheerder.sinds)
            != (geladen.id, geladen.versie, geladen.sinds)
        ):
            laatste = versiecontrole.laatste_wijziging(s, "beheerder", naam=wie.strip())
            door = versiecontrole.door_wie_wanneer(s, gebruiker, laatste)
            if beheerder is None:
                raise ConflictFout(f"{wie} is al geen beheerder meer: weggehaald{door}.")
            raise ConflictFout(
                f"{wie} is intussen gewijzigd{door}. Er is niets veranderd; bekijk de lijst "
                "opnieuw."
            )
        if beheerder is None:
            raise NietGevondenFout(f"{wie} is geen beheerder.")
        if s.scalar(select(func.count()).select_from(Beheerder)) == 1:
            raise InvoerFout(
                f"{wie} is de laatste beheerder. Voeg eerst een andere beheerder toe; "
                "anders kan niemand de catalogus meer wijzigen."
            )
        s.delete(beheerder)
