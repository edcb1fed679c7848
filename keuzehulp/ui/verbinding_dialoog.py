"""Bestand > Verbinding met database…: this user's address of the shared database."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model import verbinding
from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.services.organisatie import bewaar_verbinding

UITLEG = (
    "Werkt uw organisatie met één gedeelde catalogus? Vul dan hier het adres van die database "
    "in. U krijgt het van de applicatiebeheerder. Zonder adres gebruikt de keuzehulp de eigen "
    "database op deze computer.\n\n"
    "Zet geen wachtwoord in het adres. Het wachtwoord hoort in het wachtwoordbestand van "
    "PostgreSQL (zie de handleiding, hoofdstuk 11, paragraaf 11.7)."
)


class VerbindingDialoog(QDialog):
    """Edit, store or clear the connection setting; it takes effect at the next start."""

    def __init__(self, huidige_locatie: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Verbinding met de database")
        uitleg = QLabel(UITLEG)
        uitleg.setWordWrap(True)
        self.nu = QLabel(f"Nu geopend: {verbinding.zonder_wachtwoord(huidige_locatie)}")
        self.nu.setWordWrap(True)
        self.adres = QLineEdit(verbinding.lees_adres() or "")
        self.adres.setPlaceholderText(
            "postgresql+psycopg://uw-login@server/keuzehulp?sslmode=verify-full"
        )
        self.adres.setAccessibleName("Adres van de gedeelde database")
        adres_label = QLabel("&Adres van de gedeelde database:")
        adres_label.setBuddy(self.adres)
        self.melding = QLabel("")
        self.melding.setWordWrap(True)
        self.melding.setAccessibleName("Melding")
        knoppen = QDialogButtonBox()
        self.knop_bewaren = knoppen.addButton("&Bewaren", QDialogButtonBox.ButtonRole.AcceptRole)
        self.knop_wissen: QPushButton = knoppen.addButton(
            "&Eigen database gebruiken", QDialogButtonBox.ButtonRole.ResetRole
        )
        self.knop_wissen.setToolTip("Vergeet het adres: de keuzehulp opent weer de eigen database")
        self.knop_sluiten = knoppen.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        self.knop_bewaren.clicked.connect(self._on_bewaren)
        self.knop_wissen.clicked.connect(self._on_wissen)
        knoppen.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (uitleg, self.nu, adres_label, self.adres, self.melding, knoppen):
            layout.addWidget(widget)
        self.resize(620, 300)

    def _on_bewaren(self) -> None:
        try:
            bewaar_verbinding(self.adres.text())
        except KeuzehulpError as fout:
            self.melding.setText(fout.melding)
            self.melding.setStyleSheet("color: #a4262c;")
            # A typed password does not stay on screen.
            self.adres.setText(
                verbinding.zonder_wachtwoord(self.adres.text()).replace(":***@", "@")
            )
            return
        self.melding.setStyleSheet("")
        self.melding.setText("Bewaard. Start de keuzehulp opnieuw om deze database te openen.")
        self.knop_bewaren.setEnabled(False)
        self.knop_sluiten.setText("Sluiten")

    def _on_wissen(self) -> None:
        verbinding.wis_adres()
        self.adres.clear()
        self.melding.setStyleSheet("")
        self.melding.setText(
            "Het adres is gewist. Bij de volgende start opent de keuzehulp de eigen database."
        )
        self.knop_sluiten.setText("Sluiten")
