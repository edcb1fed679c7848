"""The one "Wijzigingen bewaren?" question: Bewaren / Niet bewaren / Annuleren.

Every place where unsaved work could be replaced or closed (closing the app, another
instrument in Beheer, another or a new gesprek) asks through `eerst_bewaard`. The default
button is Bewaren, the one that loses nothing; Escape and the window's close button mean
Annuleren. The box is window-modal and does not block: the caller continues in a callback,
because saving itself may ask something first (the reason for the mutation log) or fail.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

TITEL = "Wijzigingen bewaren?"


class Keuze(enum.Enum):
    BEWAREN = "bewaren"
    NIET_BEWAREN = "niet_bewaren"
    ANNULEREN = "annuleren"


class Onbewaard(Protocol):
    """Something on screen that can hold unsaved work (a gesprek, an instrument's editor)."""

    def heeft_wijzigingen(self) -> bool:
        """True when what is on screen differs from what is stored."""
        ...

    def onbewaard_omschrijving(self) -> str:
        """What holds the changes, as the subject of a sentence: "Het gesprek"."""
        ...

    def bewaar_dan(self, vervolg: Callable[[], None]) -> None:
        """Save; call `vervolg` only once the save succeeded.

        When saving is refused (a field that is not valid, a cancelled reason, a conflict)
        the user stays where they were, with the message of the screen itself.
        """
        ...


def maak_bewaarvraag(ouder: QWidget | None, omschrijving: str) -> QMessageBox:
    """The question box (not yet shown); Dutch buttons whatever Qt translation is loaded."""
    vak = QMessageBox(ouder)
    vak.setIcon(QMessageBox.Icon.Warning)
    vak.setWindowTitle(TITEL)
    vak.setText(f"{omschrijving} heeft wijzigingen die nog niet bewaard zijn.")
    vak.setInformativeText(
        "Wilt u ze bewaren? Kiest u Niet bewaren, dan bent u de wijzigingen kwijt."
    )
    bewaren = vak.addButton("&Bewaren", QMessageBox.ButtonRole.AcceptRole)
    vak.addButton("&Niet bewaren", QMessageBox.ButtonRole.DestructiveRole)
    annuleren = vak.addButton("&Annuleren", QMessageBox.ButtonRole.RejectRole)
    bewaren.setObjectName("bewaren")
    annuleren.setObjectName("annuleren")
    vak.setDefaultButton(bewaren)
    vak.setEscapeButton(annuleren)
    vak.setObjectName("bewaarvraag")
    return vak


def keuze_van(vak: QMessageBox) -> Keuze:
    """Which answer the user gave in a finished box (closing it counts as Annuleren)."""
    knop = vak.clickedButton()
    if knop is None:
        return Keuze.ANNULEREN
    rol = vak.buttonRole(knop)
    if rol == QMessageBox.ButtonRole.AcceptRole:
        return Keuze.BEWAREN
    if rol == QMessageBox.ButtonRole.DestructiveRole:
        return Keuze.NIET_BEWAREN
    return Keuze.ANNULEREN


def vraag_bewaren(
    ouder: QWidget | None, omschrijving: str, antwoord: Callable[[Keuze], None]
) -> QMessageBox:
    """Show the question window-modal and pass the answer to `antwoord`; returns the box."""
    vak = maak_bewaarvraag(ouder, omschrijving)

    def klaar(_resultaat: int) -> None:
        keuze = keuze_van(vak)
        vak.deleteLater()
        antwoord(keuze)

    vak.finished.connect(klaar)
    vak.open()
    return vak


def eerst_bewaard(
    ouder: QWidget | None,
    werken: Sequence[Onbewaard],
    vervolg: Callable[[], None],
    *,
    weggooien: Callable[[Onbewaard], None] | None = None,
) -> None:
    """Run `vervolg` once no unsaved work of `werken` is at risk.

    Asks once per item with changes, in order. Bewaren saves (and continues only when that
    succeeds); Niet bewaren calls `weggooien(item)` if given, then continues; Annuleren stops
    the whole chain, so nothing happens. Without changes `vervolg` runs at once.
    """
    openstaand = [werk for werk in werken if werk.heeft_wijzigingen()]
    if not openstaand:
        vervolg()
        return
    werk, rest = openstaand[0], openstaand[1:]

    def verder() -> None:
        eerst_bewaard(ouder, rest, vervolg, weggooien=weggooien)

    def antwoord(keuze: Keuze) -> None:
        if keuze is Keuze.BEWAREN:
            werk.bewaar_dan(verder)
        elif keuze is Keuze.NIET_BEWAREN:
            if weggooien is not None:
                weggooien(werk)
            verder()

    vraag_bewaren(ouder, werk.onbewaard_omschrijving(), antwoord)
