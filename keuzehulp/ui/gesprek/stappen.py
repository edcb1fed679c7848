"""Layout of the steps in the Gesprek panel (views only; the panel connects them)."""

from __future__ import annotations

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


def _tekstvak(naam: str, hint: str, hoogte: int = 70) -> QPlainTextEdit:
    vak = QPlainTextEdit()
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
        self.doel = _tekstvak("Doel", "Het doel, in de woorden van de klant")
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
        soort_label = QLabel("&Soort doel:")
        soort_label.setBuddy(self.doel_soort)
        doel_label = QLabel("&Doel:")
        doel_label.setBuddy(self.doel)
        vorm.addRow(soort_label, self.doel_soort)
        vorm.addRow(doel_label, self.doel)
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
        self.goed = _tekstvak("Wat vind jij goed?", "In de woorden van de klant", 50)
        self.minder_goed = _tekstvak("Wat vind jij minder goed?", "In de woorden van de klant", 50)
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
        self.voorkeur = _tekstvak(
            "Voorkeur van de klant", "Wat vindt de klant zelf? In eigen woorden"
        )
        self.stappen = _tekstvak(
            "Volgende stappen", "Eén stap per regel, bijvoorbeeld: Je gaat naar een kennismaking."
        )
        for vak in (self.onderbouwing, self.voorkeur, self.stappen):
            vak.setMinimumHeight(56)
            vak.setMaximumHeight(84)
        vorm = QFormLayout()
        vorm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.onderbouwing_label = QLabel("&Waarom:")
        for tekst, veld in (
            ("&Keuze:", self.keuze),
            (self.onderbouwing_label, self.onderbouwing),
            ("&Voorkeur klant:", self.voorkeur),
            ("Volgende s&tappen:", self.stappen),
        ):
            label = tekst if isinstance(tekst, QLabel) else QLabel(tekst)
            label.setBuddy(veld)
            vorm.addRow(label, veld)
        self.check = KeuzeCheckGroep()
        laag = QVBoxLayout(self)
        laag.addLayout(vorm)
        laag.addWidget(self.check)
        laag.addStretch(1)

        self.bewaar = _knop("B&ewaren", "Gesprek bewaren")
        self.klant_pdf = _knop("&PDF voor de klant…")
        self.kopieer = _knop("Samenvatting kopië&ren", "Samenvatting voor het dossier kopiëren")
        self.prof_pdf = _knop("Samenvatting als P&DF…", "Samenvatting voor het dossier als PDF")
        self.knoppen = QWidget()
        rooster = QGridLayout(self.knoppen)
        rooster.setContentsMargins(0, 4, 0, 0)
        rooster.addWidget(self.bewaar, 0, 0)
        rooster.addWidget(self.klant_pdf, 0, 1)
        rooster.addWidget(self.kopieer, 1, 0)
        rooster.addWidget(self.prof_pdf, 1, 1)
