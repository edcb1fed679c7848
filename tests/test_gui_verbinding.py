"""The connection dialog (Bestand > Verbinding met database…) and the network-share warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from keuzehulp.model import verbinding
from keuzehulp.services.opstart import Opstart
from keuzehulp.ui import app
from keuzehulp.ui.verbinding_dialoog import VerbindingDialoog


def _dialoog(qtbot: QtBot) -> VerbindingDialoog:
    dialoog = VerbindingDialoog("/home/anna/.local/share/keuzehulp/keuzehulp.sqlite")
    qtbot.addWidget(dialoog)
    dialoog.show()
    return dialoog


def test_an_address_is_stored_for_this_user(qtbot: QtBot, tmp_path: Path) -> None:
    dialoog = _dialoog(qtbot)
    adres = f"sqlite:///{tmp_path / 'gedeeld.sqlite'}"
    qtbot.keyClicks(dialoog.adres, adres)
    qtbot.mouseClick(dialoog.knop_bewaren, Qt.MouseButton.LeftButton)
    assert verbinding.lees_adres() == adres
    assert "Start de keuzehulp opnieuw" in dialoog.melding.text()
    qtbot.mouseClick(dialoog.knop_wissen, Qt.MouseButton.LeftButton)
    assert verbinding.lees_adres() is None
    assert dialoog.adres.text() == ""
    assert "eigen database" in dialoog.melding.text()


@pytest.mark.parametrize(
    ("adres", "melding"),
    [
        ("postgresql+psycopg://anna:Geheim1@server/keuzehulp", "Het adres bevat een wachtwoord"),
        ("mysql://anna@server/keuzehulp", "die deze keuzehulp niet kan openen"),
        ("   ", "Geef het adres van de database"),
    ],
)
def test_a_wrong_address_is_refused_in_the_dialog(qtbot: QtBot, adres: str, melding: str) -> None:
    dialoog = _dialoog(qtbot)
    qtbot.keyClicks(dialoog.adres, adres)
    qtbot.mouseClick(dialoog.knop_bewaren, Qt.MouseButton.LeftButton)
    assert melding in dialoog.melding.text()
    assert "Geheim1" not in dialoog.melding.text() + dialoog.adres.text()
    assert not verbinding.instellingenbestand().exists()


def test_the_network_share_warning_is_a_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, database: object
) -> None:
    getoond: list[tuple[str, str]] = []

    def warning(_ouder: QWidget, titel: str, tekst: str) -> QMessageBox.StandardButton:
        getoond.append((titel, tekst))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    venster = QWidget()
    qtbot.addWidget(venster)
    opstart = Opstart(
        database=database,  # type: ignore[arg-type]
        gebruiker="anna",
        nieuw=False,
        reservekopie=None,
        waarschuwingen=["Let op: de database staat op een netwerkschijf (cifs)."],
    )
    app.toon_waarschuwingen(opstart, venster)  # type: ignore[arg-type]
    assert getoond == [
        ("Keuzehulp: let op", "Let op: de database staat op een netwerkschijf (cifs).")
    ]
