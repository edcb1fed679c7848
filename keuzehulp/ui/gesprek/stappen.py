"""Layout of the steps in the Gesprek panel (views only; the panel connects them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.ui.gesprek.keuzecheck_groep import KeuzeCheckGroep
from keuzehulp.ui.gesprek.radar import RadarWidget

DOELSOORTEN = (
    ("", "(kies)"),
    ("leerdoel", "Leerdoel: iets leren"),
    ("prestatiedoel", "Prestatiedoel: iets bereiken"),
)
DOELSOORTEN_KLANT = {"": "(kies)", "leerdoel": "Iets leren", "prestatiedoel": "Iets bereiken"}
"""The goal kinds in the client view: B1, without the coach's terms."""

# Coach wording and client wording (B1, addressed to the client) of the steps' texts; the
# client view swaps them (`zet_klantweergave`). Mnemonics keep their letter in both.
SOORT_LABEL = ("&Soort doel:", "Wat i&s je doel?")
DOEL_LABEL = ("&Doel:", "In je eigen woor&den:")
DOEL_HINT = (
    "Het doel, in de woorden van de klant",
    "Bijvoorbeeld: Ik wil rustig blijven als het druk is.",
)
EIGEN_WOORDEN = ("In de woorden van de klant", "In je eigen woorden")
KEUZE_LABEL = ("&Keuze:", "Je &keuze:")
VOORKEUR_LABEL = ("&Voorkeur klant:", "Wat &vind jij?")
VOORKEUR_HINT = (
    "Wat vindt de klant zelf? In eigen woorden",
    "Wat vind jij er zelf van? Zeg het in je eigen woorden.",
)
KLANT_PDF = ("&PDF voor de klant…", "&PDF om mee te nemen…")


def _kies(paar: tuple[str, str], klant: bool) -> str:
    return paar[1] if klant else paar[0]


class Tekstvak(QPlainTextEdit):
    """A plain text field whose placeholder keeps the document's margin on the right too.

    Qt draws a QPlainTextEdit's placeholder wrapped to the viewport's full width less only the
    left margin, so a long hint's first line ran into the frame ("... Je gaat" cut off). Here
    the hint is drawn by this class, wrapped inside the margins on both sides.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hint = ""

    def placeholderText(self) -> str:  # noqa: N802
        return self._hint

    def setPlaceholderText(self, tekst: str) -> None:  # noqa: N802
        self._hint = tekst
        self.viewport().update()

    def hint_vak(self) -> tuple[int, int, int, int]:
        """Where the hint is drawn: (x, y, width, height) in px in the viewport."""
        marge = int(self.document().documentMargin())
        vak = self.viewport().rect().adjusted(marge, marge, -marge, -marge)
        return vak.x(), vak.y(), vak.width(), vak.height()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._hint or not self.document().isEmpty():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        x, y, breedte, hoogte = self.hint_vak()
        schikking = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        painter.drawText(
            x, y, breedte, hoogte, int(schikking) | int(Qt.TextFlag.TextWordWrap), self._hint
        )
        painter.end()


def _tekstvak(naam: str, hint: str, hoogte: int = 70) -> QPlainTextEdit:
    vak = Tekstvak()
    vak.setAccessibleName(naam)
    vak.setPlaceholderText(hint)
    vak.setTabChangesFocus(True)
    vak.setMinimumHeight(hoogte)
    return vak


def _knop(tekst: str, naam: str | None = None) -> QPushButton:
    knop = QPushButton(tekst)
    knop.setAccessibleName(naam or tekst.replace("&", "").rstrip("…"))
    return knop


class DoelStap(QWidget):
    """Step 1: the goal in the client's words, and the optional quick client picture."""

    def __init__(self, groepen: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doel_soort = QComboBox()
        self.doel_soort.setAccessibleName("Soort doel")
        for code, tekst in DOELSOORTEN:
            self.doel_soort.addItem(tekst, code)
        self.doel = _tekstvak("Doel", DOEL_HINT[0])
        self.doel.setMaximumHeight(110)
        self.referentie = QLineEdit()
        self.referentie.setAccessibleName("Klantreferentie")
        # Short enough for the panel at 1366 px; the tooltip says it in full.
        self.referentie.setPlaceholderText("Zaaknummer; geen naam of BSN")
        self.referentie.setToolTip(
            "Bijvoorbeeld een zaaknummer. Geen naam, BSN of geboortedatum van de klant."
        )
        self.referentie.setMaxLength(40)
        vorm = QFormLayout()
        vorm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.referentie_label = QLabel("Klant&referentie:")
        self.referentie_label.setBuddy(self.referentie)
        self.soort_label = QLabel(SOORT_LABEL[0])
        self.soort_label.setBuddy(self.doel_soort)
        self.doel_label = QLabel(DOEL_LABEL[0])
        self.doel_label.setBuddy(self.doel)
        vorm.addRow(self.soort_label, self.doel_soort)
        vorm.addRow(self.doel_label, self.doel)
        vorm.addRow(self.referentie_label, self.referentie)

        self.beeld = beeld = QGroupBox("Klantbeeld (niet verplicht)")
        beeld_uitleg = QLabel(
            "Geef samen een cijfer van 1 tot 10 per groep. Een laag cijfer wijst op iets om aan "
            "te werken."
        )
        beeld_uitleg.setWordWrap(True)
        rooster = QGridLayout()
        self.scores: dict[str, QSpinBox] = {}
        for rij, (code, naam) in enumerate(groepen):
            veld = QSpinBox()
            veld.setRange(0, 10)
            veld.setSpecialValueText("–")
            veld.setAccessibleName(f"Cijfer {naam}")
            groep_label = QLabel(naam.replace("&", "&&") + ":")
            groep_label.setBuddy(veld)
            rooster.addWidget(groep_label, rij, 0)
            rooster.addWidget(veld, rij, 1)
            self.scores[code] = veld
        self.radar = RadarWidget(groepen)
        self.zoek_laagste = _knop("Zoek op de laagste groe&pen")
        self.zoek_laagste.setToolTip(
            "Zet de groepen met het laagste cijfer als kenmerk in de zoekvraag"
        )
        beeld_laag = QVBoxLayout(beeld)
        beeld_laag.addWidget(beeld_uitleg)
        beeld_laag.addLayout(rooster)
        beeld_laag.addWidget(self.radar)
        beeld_laag.addWidget(self.zoek_laagste)

        self._laag = laag = QVBoxLayout(self)
        laag.addLayout(vorm)
        laag.addWidget(beeld, 1)
        laag.addStretch(0)

    def zet_klantweergave(self, klant: bool) -> None:
        """Coach wording or client wording (B1, "je") for the goal's labels and items."""
        self.soort_label.setText(_kies(SOORT_LABEL, klant))
        self.doel_soort.setAccessibleName("Wat is je doel" if klant else "Soort doel")
        for rij, (code, tekst) in enumerate(DOELSOORTEN):
            self.doel_soort.setItemText(rij, DOELSOORTEN_KLANT[code] if klant else tekst)
        self.doel_label.setText(_kies(DOEL_LABEL, klant))
        self.doel.setPlaceholderText(_kies(DOEL_HINT, klant))

    def toon_klantbeeld(self, zichtbaar: bool) -> None:
        """Show or hide the klantbeeld; hidden, the form stays at the top (no spread rows)."""
        self.beeld.setVisible(zichtbaar)
        self._laag.setStretch(2, 0 if zichtbaar else 1)


class KorteLijstStap(QWidget):
    """Step 3: the shortlist of 1 to 5 options; per option the client's pros and cons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.lijst = QListView()
        self.lijst.setAccessibleName("Korte lijst")
        self.lijst.setWordWrap(True)
        self.lijst.setAlternatingRowColors(True)
        self.lijst.setSpacing(2)
        self.lijst.setMinimumHeight(120)
        self.omhoog = _knop("O&mhoog")
        self.omlaag = _knop("Omla&ag")
        self.verwijder = _knop("&Verwijderen", "Verwijderen van de korte lijst")
        self.vergelijk = _knop("Vergelijk naast &elkaar")
        knoppen = QHBoxLayout()
        for knop in (self.omhoog, self.omlaag, self.verwijder):
            knoppen.addWidget(knop)

        self.optie = QGroupBox("Over deze optie")
        self.fit = QLabel()
        self.fit.setWordWrap(True)
        self.fit.setAccessibleName("Past bij je wensen")
        self.goed = _tekstvak("Wat vind jij goed?", EIGEN_WOORDEN[0], 50)
        self.minder_goed = _tekstvak("Wat vind jij minder goed?", EIGEN_WOORDEN[0], 50)
        for vak in (self.goed, self.minder_goed):
            vak.setMaximumHeight(64)
        self.notitie = QLineEdit()
        self.notitie.setAccessibleName("Notitie van de coach bij deze optie")
        self.notitie.setPlaceholderText("Alleen voor u; staat niet in de klantweergave")
        vorm = QFormLayout()
        vorm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.notitie_label = QLabel("No&titie van de coach:")
        self.notitie_label.setBuddy(self.notitie)
        for tekst, veld in (
            ("Wat vind jij &goed?", self.goed),
            ("Wat vind jij &minder goed?", self.minder_goed),
        ):
            label = QLabel(tekst)
            label.setBuddy(veld)
            vorm.addRow(label, veld)
        vorm.addRow(self.notitie_label, self.notitie)
        optie_laag = QVBoxLayout(self.optie)
        optie_laag.addWidget(self.fit)
        optie_laag.addLayout(vorm)

        laag = QVBoxLayout(self)
        laag.addWidget(self.status)
        laag.addWidget(self.lijst, 1)
        laag.addLayout(knoppen)
        laag.addWidget(self.vergelijk)
        laag.addWidget(self.optie)

    def zet_klantweergave(self, klant: bool) -> None:
        """The pros and cons are asked of the client ("je"), not about them."""
        for vak in (self.goed, self.minder_goed):
            vak.setPlaceholderText(_kies(EIGEN_WOORDEN, klant))


class KeuzeStap(QWidget):
    """Step 4: the choice, the reasons, the client's own words, next steps, the decision check.

    The buttons (`knoppen`) are a separate widget: the panel keeps them under the scrolling
    step, so they stay in sight on a laptop however long the step gets.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keuze = QComboBox()
        self.keuze.setAccessibleName("Gekozen optie")
        self.onderbouwing = _tekstvak("Onderbouwing", "Waarom deze keuze? Past het bij het doel?")
        self.voorkeur = _tekstvak("Voorkeur van de klant", VOORKEUR_HINT[0])
        self.stappen = _tekstvak(
            "Volgende stappen", "Eén stap per regel, bijvoorbeeld: Je gaat naar een kennismaking."
        )
        for vak in (self.onderbouwing, self.voorkeur, self.stappen):
            vak.setMinimumHeight(56)
            vak.setMaximumHeight(84)
        vorm = QFormLayout()
        vorm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.onderbouwing_label = QLabel("&Waarom:")
        self.keuze_label = QLabel(KEUZE_LABEL[0])
        self.voorkeur_label = QLabel(VOORKEUR_LABEL[0])
        for label, veld in (
            (self.keuze_label, self.keuze),
            (self.onderbouwing_label, self.onderbouwing),
            (self.voorkeur_label, self.voorkeur),
            (QLabel("Volgende s&tappen:"), self.stappen),
        ):
            label.setBuddy(veld)
            vorm.addRow(label, veld)
        self.check = KeuzeCheckGroep()
        laag = QVBoxLayout(self)
        laag.addLayout(vorm)
        laag.addWidget(self.check)
        laag.addStretch(1)

        self.bewaar = _knop("B&ewaren", "Gesprek bewaren")
        self.klant_pdf = _knop(KLANT_PDF[0], "PDF voor de klant")
        self.kopieer = _knop("Samenvatting kopië&ren", "Samenvatting voor het dossier kopiëren")
        self.prof_pdf = _knop("Samenvatting als P&DF…", "Samenvatting voor het dossier als PDF")
        self.knoppen = QWidget()
        rooster = QGridLayout(self.knoppen)
        rooster.setContentsMargins(0, 4, 0, 0)
        rooster.addWidget(self.bewaar, 0, 0)
        rooster.addWidget(self.klant_pdf, 0, 1)
        rooster.addWidget(self.kopieer, 1, 0)
        rooster.addWidget(self.prof_pdf, 1, 1)

    def zet_klantweergave(self, klant: bool) -> None:
        """Coach wording or client wording (B1, "je") for the choice's labels and buttons."""
        self.keuze_label.setText(_kies(KEUZE_LABEL, klant))
        self.voorkeur_label.setText(_kies(VOORKEUR_LABEL, klant))
        self.voorkeur.setAccessibleName("Wat vind jij" if klant else "Voorkeur van de klant")
        self.voorkeur.setPlaceholderText(_kies(VOORKEUR_HINT, klant))
        self.klant_pdf.setText(_kies(KLANT_PDF, klant))
        self.check.zet_klantweergave(klant)
