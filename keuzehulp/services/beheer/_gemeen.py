"""Small helpers shared by the beheer services: the role check, the reason and the context."""

from __future__ import annotations

from sqlalchemy.orm import Session

from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services import privacy
from keuzehulp.services.rollen import vereis_beheerder

BRON_EDITOR = "editor"
MAX_REDEN = 500


def vereis_reden(reden: str | None) -> str:
    """A change in the editor needs a short reason for the log."""
    tekst = (reden or "").strip()
    if not tekst:
        raise InvoerFout("Geef een korte reden voor deze wijziging; die komt in het mutatielog.")
    if len(tekst) > MAX_REDEN:
        raise InvoerFout(f"De reden is te lang: houd het kort (hoogstens {MAX_REDEN} tekens).")
    privacy.controleer_reden(tekst)
    return tekst


def editor_context(gebruiker: str, reden: str | None) -> MutatieContext:
    """The log context of an editor change (the reason is checked by `begin`)."""
    return MutatieContext(gebruiker=gebruiker, bron=BRON_EDITOR, reden=(reden or "").strip())


def begin(session: Session, gebruiker: str, reden: str | None = None, *, met_reden: bool) -> None:
    """First the role, then (for editor changes) the reason: every change method starts here."""
    vereis_beheerder(session, gebruiker)
    if met_reden:
        vereis_reden(reden)
