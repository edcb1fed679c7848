"""The top of the Inzicht screen: key figures that lead to their tab, and a notice about data.

A key figure is a link: a click (or Tab and Enter) opens the tab that explains it; its
tooltip says what it counts (what a white spot is, why "Nooit gekozen" has no figure yet).
The figures stand in one row where the window has room, else in two. The notice says when
there are no gesprekken yet (a bar, with how to get fictional ones to practise with), or, as
a small coloured label beside the filters, that the figures are about fictional gesprekken.
Everything is kept short so that the tables below show as many rows as possible.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from keuzehulp.services.inzicht.export import WITTE_VLEK_UITLEG
from keuzehulp.services.inzicht.onderdrukking import Cel, getal_nl
from keuzehulp.services.inzicht.overzicht import Tabel
from keuzehulp.services.voorbeeldgesprekken import VOORBEELD_COACH, GesprekkenStand

# Which tab explains a key figure (by the start of its name, as services/inzicht names them).
DOEL = (
    ("Gesprekken", "gebruik"),
    ("Met keuze", "gebruik"),
    ("Afgerond", "uitkomsten"),
    ("Gestopt", "uitkomsten"),
    ("Kosten", "kosten"),
    ("Witte vlekken", "dekking"),
    ("Paren met overlap", "overlap"),
    ("Nooit gekozen", "onderhoud"),
    ("Lang niet beoordeeld", "onderhoud"),
)
# The short name on screen of a key figure whose full name (the service's, in the tooltip
# and the exports) would not leave room for one row.
KORT = (
    ("Kosten van de keuzes", "Kosten"),
    ("Witte vlekken", "Witte vlekken"),
    ("Paren met overlap", "Overlap"),
    ("Nooit gekozen", "Nooit gekozen"),
)
DEMO_OPDRACHT = "keuzehulp voorbeeld --gesprekken 2000"
DEMO_AANTAL = 2000
TUSSENRUIMTE = 22  # pixels between two key figures in a row


def doel_van(naam: str) -> str | None:
    """The tab key (DOEL) of a key figure's name, or None."""
    for begin, doel in DOEL:
        if naam.startswith(begin):
            return doel
    return None


def kort_van(naam: str) -> str:
    """The short name on screen of a key figure (KORT), or the name itself."""
    for begin, kort in KORT:
        if naam.startswith(begin):
            return kort
    return naam


class KernCijfers(QWidget):
    """The key figures, each one a link to its tab (signal `open_tab(key)`): in one row
    when the width allows, else in two (`_schik`, on every resize)."""

    open_tab = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.labels: dict[str, QLabel] = {}
        self._volgorde: list[QLabel] = []
        self._kolommen = 0
        self.rooster = QGridLayout(self)
        self.rooster.setContentsMargins(0, 0, 0, 0)
        self.rooster.setVerticalSpacing(2)
        self.rooster.setHorizontalSpacing(TUSSENRUIMTE)
        # The row gives way to the window (it rearranges itself), never the other way round.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def _als_link(self, label: QLabel) -> None:
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        label.linkActivated.connect(self.open_tab.emit)

    def toon(self, kerncijfers: list[tuple[str, Cel]], nooit_gekozen: Tabel | None = None) -> None:
        """Show the figures; a figure with a tab (DOEL) becomes a link with a tooltip.

        `nooit_gekozen` (the table of that name): its explanation is the tooltip of the
        figure, with, when no instrument is old enough to count, the sentence why."""
        for naam, cel in kerncijfers:
            label = self.labels.get(naam)
            if label is None:
                label = QLabel()
                label.setAccessibleName(naam)
                self._als_link(label)
                self.labels[naam] = label
                self._volgorde.append(label)
                self._kolommen = 0  # place it (`_schik`)
            waarde = escape(cel.tekst)
            doel = doel_van(naam)
            if doel is not None:
                waarde = f"<a href='{doel}'>{waarde}</a>"
                label.setToolTip(_tip(naam, cel, nooit_gekozen))
            label.setText(f"{escape(kort_van(naam))}: <b>{waarde}</b>")
        self._schik()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._schik()

    def _schik(self) -> None:
        """All figures in one row when they fit the width, else in two rows."""
        n = len(self._volgorde)
        if not n:
            return
        nodig = sum(lab.sizeHint().width() for lab in self._volgorde) + TUSSENRUIMTE * (n - 1)
        kolommen = n if nodig <= self.width() else (n + 1) // 2
        if kolommen == self._kolommen:
            return
        self._kolommen = kolommen
        for label in self._volgorde:
            self.rooster.removeWidget(label)
        for i, label in enumerate(self._volgorde):
            self.rooster.addWidget(label, i // kolommen, i % kolommen)
        for kolom in range(n):
            self.rooster.setColumnStretch(kolom, 0)
        self.rooster.setColumnStretch(kolommen - 1, 1)  # flush left, the rest of the row free


def _tip(naam: str, cel: Cel, nooit_gekozen: Tabel | None) -> str:
    """A key figure's tooltip: what it counts (full name), and that a click shows details."""
    if naam.startswith("Witte vlekken"):
        return f"{naam}. {WITTE_VLEK_UITLEG} Klik om de tabel Dekking te openen."
    if naam.startswith("Nooit gekozen") and nooit_gekozen is not None:
        waarom = f" {nooit_gekozen.leeg}" if cel.waarde is None else ""
        return f"{naam}. {nooit_gekozen.uitleg}{waarom} Klik voor het tabblad Onderhoud."
    if cel.is_onderdrukt:
        return f"{naam}: verborgen, want het gaat om minder dan 5 gesprekken. Klik voor de tabel."
    return f"{naam}. Klik voor de tabel met de details."


class Melding(QFrame):
    """A coloured notice above the figures, with an optional button (`knop`); for fictional
    gesprekken only a small coloured label (`kort`, placed by the screen beside the filters)
    with the full sentence in its tooltip."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("inzichtMelding")
        self.kort = QLabel()
        self.kort.setObjectName("inzichtVoorbeeld")
        self.kort.setAccessibleName("Over deze gegevens")
        self.kort.setStyleSheet(
            "#inzichtVoorbeeld { background: #e8f1fb; border: 1px solid #9dc3e6; "
            "border-radius: 4px; padding: 2px 8px; font-weight: bold }"
        )
        self.kort.setVisible(False)
        self.tekst = QLabel()
        self.tekst.setWordWrap(True)
        self.tekst.setTextFormat(Qt.TextFormat.RichText)
        self.tekst.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tekst.setAccessibleName("Over deze gegevens")
        self.knop = QPushButton("&Voorbeeldgesprekken maken…")
        self.knop.setToolTip(
            f"Maakt {getal_nl(DEMO_AANTAL)} verzonnen gesprekken met terugblikken, om te oefenen"
        )
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.addWidget(self.tekst, 1)
        lay.addWidget(self.knop, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setVisible(False)

    def toon(self, stand: GesprekkenStand | None) -> None:
        """Say what the figures rest on: nothing yet, fictional gesprekken, or (silent) real."""
        self.kort.setVisible(False)
        if stand is None or (stand.voorbeeld == 0 and not stand.leeg):
            self.setVisible(False)
            return
        if stand.leeg:
            self._kleur("#fff4ce", "#e0c060")
            tekst = (
                "<b>Er zijn nog geen gesprekken bewaard.</b> Daarom zijn Gebruik, Kosten en "
                "Uitkomsten nog leeg. Dekking, Overlap en Onderhoud gaan over de catalogus: "
                "die kunt u al bekijken."
            )
            if stand.mag_voorbeeld:
                tekst += (
                    f" Wilt u oefenen? Maak {getal_nl(DEMO_AANTAL)} verzonnen "
                    "voorbeeldgesprekken met de knop hiernaast."
                )
            else:
                tekst += (
                    " Wilt u oefenen? Gebruik dan een aparte database met de "
                    f"voorbeeldcatalogus: <code>{DEMO_OPDRACHT}</code>."
                )
            self.knop.setVisible(stand.mag_voorbeeld)
        else:
            echt = f" en {getal_nl(stand.echte)} echte" if stand.echte else ""
            self.kort.setText("Verzonnen voorbeeldgegevens")
            uitleg = (
                f"Deze cijfers gaan over {getal_nl(stand.voorbeeld)} verzonnen gesprekken"
                f"{echt} (coaches ‘{VOORBEELD_COACH} 01’ tot ‘16’). Ze zeggen niets over "
                "echt gebruik."
            )
            self.kort.setToolTip(uitleg)
            self.kort.setAccessibleDescription(uitleg)  # read out without a mouse
            self.kort.setVisible(True)
            self.setVisible(False)
            return
        self.tekst.setText(tekst)
        self.setVisible(True)

    def _kleur(self, achter: str, rand: str) -> None:
        self.setStyleSheet(
            f"#inzichtMelding {{ background: {achter}; border: 1px solid {rand}; "
            "border-radius: 4px }"
        )


def leeg_tekst(stand: GesprekkenStand | None, standaard: str) -> str:
    """An empty use table's sentence: with no gesprekken at all, not "choose a longer
    period" (the service's words for an empty period) but what is really the case."""
    if stand is not None and stand.leeg:
        return (
            "Nog geen gesprekken bewaard. Hier komen cijfers zodra coaches gesprekken "
            "bewaren (Gesprek, ‘Bewaren’)."
        )
    return standaard
