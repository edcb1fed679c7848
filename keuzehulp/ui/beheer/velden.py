"""Input widgets for the structured practical fields, where "onbekend" is always a choice.

Numbers use a spin box whose lowest value reads "onbekend"; choices are combo boxes whose first
item is "onbekend"; start dates are typed (DD-MM-JJJJ) or picked from a Dutch calendar. The
B1 hint shows the readability warnings of a client-visible text, with the plain wording.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from keuzehulp.services.leesbaarheid import Advies, adviezen

ONBEKEND = "onbekend"
NEDERLANDS = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
SMAL = 260  # px: a number or a short choice does not need the whole width
B1_KLEUR = "#7a4a00"  # dark amber on the default background: a warning, not an error


def weken_veld() -> QSpinBox:
    """Total duration in weeks, 1 to 520; the lowest value (0) reads "onbekend"."""
    veld = QSpinBox()
    veld.setLocale(NEDERLANDS)
    veld.setRange(0, 520)
    veld.setSpecialValueText(ONBEKEND)
    veld.setSuffix(" weken")
    veld.setAccelerated(True)
    veld.setMaximumWidth(SMAL)
    return veld


class UrenVeld(QDoubleSpinBox):
    """Hours with a Dutch comma and no ",0" on whole hours: "2 uur per week", "2,5 uur"."""

    def textFromValue(self, waarde: float) -> str:  # noqa: N802 (Qt override)
        if float(waarde).is_integer():
            return self.locale().toString(int(waarde))
        return super().textFromValue(waarde)


def uren_veld() -> QDoubleSpinBox:
    """Hours per week, 0.5 steps up to 60, one decimal (Dutch comma); 0 reads "onbekend"."""
    veld = UrenVeld()
    veld.setLocale(NEDERLANDS)
    veld.setRange(0, 60)
    veld.setDecimals(1)
    veld.setSingleStep(0.5)
    veld.setSpecialValueText(ONBEKEND)
    veld.setSuffix(" uur per week")
    veld.setMaximumWidth(SMAL)
    return veld


def getal_of_niets(veld: QSpinBox | QDoubleSpinBox) -> float | None:
    """The spin box's value, or None when it shows "onbekend"."""
    return None if veld.value() == veld.minimum() else float(veld.value())


class KeuzeVeld(QComboBox):
    """A choice whose first item is "onbekend" (None); the items carry their stored value."""

    def __init__(self, keuzes: Sequence[tuple[str, object]]) -> None:
        super().__init__()
        self.addItem(ONBEKEND, None)
        for tekst, waarde in keuzes:
            self.addItem(tekst, waarde)
        self.setMaximumWidth(SMAL)

    def waarde(self) -> object:
        return self.currentData()

    def zet(self, waarde: object) -> None:
        index = self.findData(waarde) if waarde is not None else 0
        self.setCurrentIndex(max(index, 0))


def lees_datums(tekst: str) -> str | None:
    """'11-01-2027; 08-03-2027' (also ISO, commas) -> '2027-01-11; 2027-03-08'.

    Raises ValueError with a Dutch message naming the part that is no date.
    """
    datums: list[dt.date] = []
    for deel in tekst.replace(",", ";").replace("\n", ";").split(";"):
        deel = deel.strip()
        if not deel:
            continue
        for formaat in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"):
            try:
                datums.append(dt.datetime.strptime(deel, formaat).date())
                break
            except ValueError:
                continue
        else:
            raise ValueError(f"‘{deel}’ is geen datum; schrijf DD-MM-JJJJ, zoals 11-01-2027")
    return "; ".join(d.isoformat() for d in sorted(set(datums))) or None


def datums_tekst(iso: str | None) -> str:
    """'2027-01-11; 2027-03-08' -> '11-01-2027; 08-03-2027' (how the field shows them)."""
    if not iso:
        return ""
    delen = [dt.date.fromisoformat(d.strip()) for d in iso.split(";") if d.strip()]
    return "; ".join(d.strftime("%d-%m-%Y") for d in delen)


class StartdataVeld(QWidget):
    """Start dates: typed as DD-MM-JJJJ separated by ';', or added with the calendar."""

    gewijzigd = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.tekst = QLineEdit()
        self.tekst.setPlaceholderText("DD-MM-JJJJ; DD-MM-JJJJ, of kies een datum")
        self.tekst.setAccessibleName("Startdata")
        self.kalender = QDateEdit()
        self.kalender.setLocale(NEDERLANDS)
        self.kalender.setCalendarPopup(True)
        self.kalender.setDisplayFormat("dd-MM-yyyy")
        self.kalender.setDate(QDate.currentDate())
        self.kalender.setAccessibleName("Kies een startdatum")
        self.toevoegen = QPushButton("Datum toevoegen")
        self.toevoegen.setAccessibleName("Gekozen datum toevoegen aan de startdata")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tekst, 1)
        lay.addWidget(self.kalender)
        lay.addWidget(self.toevoegen)
        self.tekst.textChanged.connect(self.gewijzigd)
        self.toevoegen.clicked.connect(self._voeg_toe)

    def _voeg_toe(self) -> None:
        datum = self.kalender.date().toPython()
        assert isinstance(datum, dt.date)
        try:
            huidig = lees_datums(self.tekst.text()) or ""
        except ValueError:  # what was typed is wrong (the form says so): keep it, add the date
            self.tekst.setText(f"{self.tekst.text().rstrip('; ')}; {datum:%d-%m-%Y}")
            return
        self.tekst.setText(datums_tekst(lees_datums(f"{huidig}; {datum.isoformat()}")))

    def waarde(self) -> str | None:
        """ISO dates, or None; ValueError (Dutch) when a part is no date."""
        return lees_datums(self.tekst.text())

    def zet(self, iso: str | None) -> None:
        self.tekst.setText(datums_tekst(iso))


class B1Hint(QLabel):
    """The B1 warnings of one client-visible text, with the suggested wording (not blocking)."""

    def __init__(self, veldnaam: str) -> None:
        super().__init__()
        self.setObjectName(f"b1_{veldnaam}")
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {B1_KLEUR};")
        self.setAccessibleName(f"Taaladvies voor {veldnaam}")
        self.setVisible(False)
        self.adviezen: list[Advies] = []

    def controleer(self, tekst: str) -> None:
        self.adviezen = adviezen(tekst)
        regels = [f"• {a}" for a in self.adviezen]
        if regels:
            self.setText("Taal voor de klant (B1):\n" + "\n".join(regels))
        self.setVisible(bool(regels))
