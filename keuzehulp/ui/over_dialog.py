"""The Over (About) dialog: version, where the data lives, what is in it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from keuzehulp import __version__
from keuzehulp.ui.context import AppContext


class OverDialog(QDialog):
    """Shows the app version, the database location and the catalogue's size."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Over de keuzehulp")
        info = context.catalogus.info()
        self.locatie = QLabel(info.locatie)
        self.locatie.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.locatie.setAccessibleName("Databaselocatie")
        self.locatie.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Versie:", QLabel(__version__))
        form.addRow("Database:", self.locatie)
        form.addRow("Schema:", QLabel(info.schema))
        form.addRow("Gebruiker:", QLabel(context.gebruiker))
        form.addRow(
            "Instrumenten:",
            QLabel(f"{info.actief} actief, {info.geparkeerd} geparkeerd, {info.concept} concept"),
        )
        form.addRow("Kenmerken:", QLabel(str(info.kenmerken)))
        knoppen = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        knoppen.rejected.connect(self.reject)
        knoppen.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        uitleg = QLabel(
            "De keuzehulp helpt werkcoach en klant samen een re-integratie-instrument te kiezen."
        )
        uitleg.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(uitleg)
        layout.addLayout(form)
        layout.addWidget(knoppen)
        self.resize(560, 260)
