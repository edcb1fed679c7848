"""The coach profile dialog: how the client reaches the coach (printed on the client PDF)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.errors import ConflictFout, KeuzehulpError
from keuzehulp.services.coachprofiel import CoachProfielGegevens, maak_profiel
from keuzehulp.services.diensten import GesprekkenDienst

UITLEG = (
    "Deze gegevens komen op de PDF voor de klant, zodat de klant u kan bereiken. "
    "Vul een telefoonnummer, een e-mailadres of allebei in. Uw inlognaam komt er niet op."
)
UITLEG_EERST = (
    "U maakt een PDF voor de klant. Vul eerst uw contactgegevens in; dat hoeft maar één keer."
)


class CoachProfielDialoog(QDialog):
    """Read, edit and store the user's profile; `profiel` holds it after accept.

    `gesprekken` is the area service bound to the user whose profile this is.
    """

    def __init__(
        self,
        gesprekken: GesprekkenDienst,
        parent: QWidget | None = None,
        *,
        eerste_keer: bool = False,
    ) -> None:
        super().__init__(parent)
        self.gesprekken = gesprekken
        self.gebruiker = gesprekken.gebruiker
        self.profiel: CoachProfielGegevens | None = None
        self.setWindowTitle("Mijn contactgegevens")
        uitleg = QLabel((UITLEG_EERST + " " if eerste_keer else "") + UITLEG)
        uitleg.setWordWrap(True)
        self.naam = self._veld("Naam", "Bijvoorbeeld: Sanne de Vries", 120)
        self.telefoon = self._veld("Telefoon", "Bijvoorbeeld: 0344 61 22 33", 40)
        self.email = self._veld("E-mail", "Bijvoorbeeld: s.devries@werkzaak.nl", 200)
        self.organisatie = self._veld("Organisatie", "Bijvoorbeeld: Werkzaak Rivierenland", 200)
        vorm = QFormLayout()
        for tekst, veld in (
            ("&Naam:", self.naam),
            ("&Telefoon:", self.telefoon),
            ("&E-mail:", self.email),
            ("&Organisatie:", self.organisatie),
        ):
            label = QLabel(tekst)
            label.setBuddy(veld)
            vorm.addRow(label, veld)
        self.melding = QLabel()
        self.melding.setWordWrap(True)
        self.melding.setStyleSheet("color: #a4262c;")
        self.melding.setAccessibleName("Melding")
        self.knoppen = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        bewaar = self.knoppen.button(QDialogButtonBox.StandardButton.Save)
        bewaar.setText("&Bewaren")
        self.knoppen.button(QDialogButtonBox.StandardButton.Cancel).setText("&Annuleren")
        self.knoppen.accepted.connect(self.bewaar)
        self.knoppen.rejected.connect(self.reject)
        laag = QVBoxLayout(self)
        laag.addWidget(uitleg)
        laag.addLayout(vorm)
        laag.addWidget(self.melding)
        laag.addWidget(self.knoppen)
        self.setMinimumWidth(480)
        self._versie: int | None = None  # the profile's version as loaded (0: none yet)
        self._vul()

    @staticmethod
    def _veld(naam: str, hint: str, lengte: int) -> QLineEdit:
        veld = QLineEdit()
        veld.setAccessibleName(naam)
        veld.setPlaceholderText(hint)
        veld.setMaxLength(lengte)
        return veld

    def _vul(self) -> None:
        try:
            bewerking = self.gesprekken.open_profiel()
        except KeuzehulpError as fout:
            self.melding.setText(fout.melding)
            return
        self._versie = bewerking.versie  # a save from an older version is refused
        profiel = bewerking.gegevens
        if profiel is not None:
            self.naam.setText(profiel.naam)
            self.telefoon.setText(profiel.telefoon or "")
            self.email.setText(profiel.email or "")
            self.organisatie.setText(profiel.organisatie or "")

    def bewaar(self) -> bool:
        """Check and store; on a wrong field say what and where, and stay open."""
        try:
            profiel = maak_profiel(
                naam=self.naam.text(),
                telefoon=self.telefoon.text(),
                email=self.email.text(),
                organisatie=self.organisatie.text(),
            )
            self.profiel = self.gesprekken.bewaar_profiel(profiel, self._versie)
        except KeuzehulpError as fout:
            self.melding.setText(fout.melding)
            if isinstance(fout, ConflictFout):
                # The input stays; the message said it was saved elsewhere. Saving again is
                # a deliberate choice now.
                self._versie = self.gesprekken.open_profiel().versie
            return False
        self.melding.clear()
        self.accept()
        return True
