"""Message boxes with Dutch buttons ("Ja", "Nee"), whatever Qt translation is installed."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from keuzehulp.services.keuzecheck import TEACH_BACK_VRAAG

KNOPTEKST: dict[QMessageBox.StandardButton, str] = {
    QMessageBox.StandardButton.Yes: "&Ja",
    QMessageBox.StandardButton.No: "&Nee",
    QMessageBox.StandardButton.Cancel: "&Annuleren",
    QMessageBox.StandardButton.Ok: "&OK",
}


def maak_vraag(
    ouder: QWidget | None,
    titel: str,
    tekst: str,
    *,
    standaard: QMessageBox.StandardButton = QMessageBox.StandardButton.No,
    icoon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    """A yes/no question box with Dutch button texts (not yet shown)."""
    vak = QMessageBox(icoon, titel, tekst, QMessageBox.StandardButton.NoButton, ouder)
    vak.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    for soort, label in KNOPTEKST.items():
        knop = vak.button(soort)
        if knop is not None:
            knop.setText(label)
    vak.setDefaultButton(standaard)
    vak.setEscapeButton(QMessageBox.StandardButton.No)
    return vak


def vraag_ja_nee(
    ouder: QWidget | None,
    titel: str,
    tekst: str,
    *,
    standaard: QMessageBox.StandardButton = QMessageBox.StandardButton.No,
) -> bool:
    """Ask; True only when the user chose "Ja" (Escape and closing mean "Nee")."""
    vak = maak_vraag(ouder, titel, tekst, standaard=standaard)
    return vak.exec() == QMessageBox.StandardButton.Yes


TERUGVERTELLEN_TITEL = "Eerst even terugvertellen"


def maak_terugvertel_vraag(ouder: QWidget | None) -> QMessageBox:
    """The teach-back prompt before the client PDF: Gedaan / Overslaan / Annuleren."""
    vak = QMessageBox(
        QMessageBox.Icon.Question,
        TERUGVERTELLEN_TITEL,
        f"Vraag de klant:\n\n{TEACH_BACK_VRAAG}\n\n"
        "Klopt wat de klant vertelt? Kies dan Gedaan. Vul anders samen aan.",
        QMessageBox.StandardButton.NoButton,
        ouder,
    )
    vak.addButton("&Gedaan", QMessageBox.ButtonRole.YesRole)
    vak.addButton("&Overslaan", QMessageBox.ButtonRole.NoRole)
    annuleren = vak.addButton("&Annuleren", QMessageBox.ButtonRole.RejectRole)
    vak.setEscapeButton(annuleren)
    return vak


def vraag_terugvertellen(ouder: QWidget | None) -> bool | None:
    """True "gedaan", False "overgeslagen", None when printing is cancelled."""
    vak = maak_terugvertel_vraag(ouder)
    vak.exec()
    rol = vak.buttonRole(vak.clickedButton()) if vak.clickedButton() is not None else None
    if rol == QMessageBox.ButtonRole.YesRole:
        return True
    if rol == QMessageBox.ButtonRole.NoRole:
        return False
    return None


ZONDER_DOEL_TITEL = "Nog geen doel"
ZONDER_DOEL_TEKST = (
    "Er staat nog geen doel in het gesprek. Op de PDF staat dan: "
    "\u201cHet doel staat nog niet op papier. Vraag je coach ernaar.\u201d\n\n"
    "Wilt u de PDF toch maken, of eerst het doel invullen bij stap 1. Doel?"
)


def maak_zonder_doel_vraag(ouder: QWidget | None) -> QMessageBox:
    """The warning before a client PDF without a goal: make it anyway, or back to 1. Doel."""
    vak = QMessageBox(
        QMessageBox.Icon.Warning,
        ZONDER_DOEL_TITEL,
        ZONDER_DOEL_TEKST,
        QMessageBox.StandardButton.NoButton,
        ouder,
    )
    vak.addButton("PDF toch &maken", QMessageBox.ButtonRole.AcceptRole)
    terug = vak.addButton("&Terug naar 1. Doel", QMessageBox.ButtonRole.RejectRole)
    vak.setDefaultButton(terug)
    vak.setEscapeButton(terug)
    return vak


def vraag_zonder_doel(ouder: QWidget | None) -> bool:
    """True when the coach makes the client PDF without a goal anyway; False (also Escape or
    closing the box) to go back to step 1 and fill the goal in first."""
    vak = maak_zonder_doel_vraag(ouder)
    vak.exec()
    knop = vak.clickedButton()
    return knop is not None and vak.buttonRole(knop) == QMessageBox.ButtonRole.AcceptRole
