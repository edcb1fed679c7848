"""Layout of the three steps in the Gesprek panel (views only; the panel connects them)."""

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
        self.referentie.setPlaceholderText("Bijvoorbeeld een zaaknummer; geen BSN of datum")
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

        beeld = QGroupBox("Klantbeeld (niet verplicht)")
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

        laag = QVBoxLayout(self)
        laag.addLayout(vorm)
        laag.addWidget(beeld, 1)


class KorteLijstStap(QWidget):
    """Step 2: the shortlist of 2 to 5 options, with a note per option."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.lijst = QListView()
        self.lijst.setAccessibleName("Korte lijst")
        self.notitie = QLineEdit()
        self.notitie.setAccessibleName("Notitie bij de gekozen optie")
        self.notitie.setPlaceholderText("Notitie bij deze optie (voor- en nadelen)")
        self.omhoog = _knop("O&mhoog")
        self.omlaag = _knop("Omla&ag")
        self.verwijder = _knop("&Verwijderen", "Verwijderen van de korte lijst")
        self.vergelijk = _knop("Vergelijk naast &elkaar")
        knoppen = QHBoxLayout()
        for knop in (self.omhoog, self.omlaag, self.verwijder):
            knoppen.addWidget(knop)
        notitie_label = QLabel("No&titie:")
        notitie_label.setBuddy(self.notitie)
        laag = QVBoxLayout(self)
        laag.addWidget(self.status)
        laag.addWidget(self.lijst, 1)
        laag.addLayout(knoppen)
        laag.addWidget(notitie_label)
        laag.addWidget(self.notitie)
        laag.addWidget(self.vergelijk)


class KeuzeStap(QWidget):
    """Step 3: the choice, the reasons, the client's own preference, next steps, printing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keuze = QComboBox()
        self.keuze.setAccessibleName("Gekozen optie")
        self.onderbouwing = _tekstvak("Onderbouwing", "Waarom deze keuze? Past het bij het doel?")
        self.voorkeur = _tekstvak(
            "Voorkeur van de klant", "Wat vindt de klant zelf? In eigen woorden"
        )
        self.stappen = _tekstvak(
            "Volgende stappen", "Eén stap per regel, bijvoorbeeld: Je coach meldt je aan."
        )
        for vak in (self.onderbouwing, self.voorkeur, self.stappen):
            # Grown to the tallest step, the boxes pushed the print buttons out of sight.
            vak.setMaximumHeight(130)
        vorm = QFormLayout()
        vorm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for tekst, veld in (
            ("&Keuze:", self.keuze),
            ("&Waarom:", self.onderbouwing),
            ("&Voorkeur klant:", self.voorkeur),
            ("Volgende s&tappen:", self.stappen),
        ):
            label = QLabel(tekst)
            label.setBuddy(veld)
            vorm.addRow(label, veld)
        self.bewaar = _knop("B&ewaren", "Gesprek bewaren")
        self.klant_pdf = _knop("&PDF voor de klant…")
        self.kopieer = _knop("Samenvatting kopië&ren", "Samenvatting voor het dossier kopiëren")
        self.prof_pdf = _knop("Samenvatting als P&DF…", "Samenvatting voor het dossier als PDF")
        laag = QVBoxLayout(self)
        laag.addLayout(vorm)
        rij1 = QHBoxLayout()
        rij1.addWidget(self.bewaar)
        rij1.addWidget(self.klant_pdf)
        rij2 = QHBoxLayout()
        rij2.addWidget(self.kopieer)
        rij2.addWidget(self.prof_pdf)
        laag.addLayout(rij1)
        laag.addLayout(rij2)
        laag.addStretch(1)
