"""The top of the Inzicht screen: key figures that lead to their tab, and a notice about data.

A key figure is a link: a click (or Tab and Enter) opens the tab that explains it. Below the
figures one plain sentence says what a white spot is. The notice says when there are no
gesprekken yet (and how to get fictional ones to practise with), or that the figures are
about fictional gesprekken.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from keuzehulp.services.inzicht.export import WITTE_VLEK_UITLEG
from keuzehulp.services.inzicht.onderdrukking import Cel, getal_nl
from keuzehulp.services.inzicht.overzicht import Tabel
from keuzehulp.services.voorbeeldgesprekken import VOORBEELD_COACH, GesprekkenStand

KOLOMMEN = 5
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
DEMO_OPDRACHT = "keuzehulp voorbeeld --gesprekken 2000"
DEMO_AANTAL = 2000


def doel_van(naam: str) -> str | None:
    """The tab key (DOEL) of a key figure's name, or None."""
    for begin, doel in DOEL:
        if naam.startswith(begin):
            return doel
    return None


class KernCijfers(QWidget):
    """The key figures in a grid; each one a link to its tab (signal `open_tab(key)`)."""

    open_tab = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.labels: dict[str, QLabel] = {}
        self.rooster = QGridLayout()
        self.rooster.setContentsMargins(0, 0, 0, 0)
        self.rooster.setVerticalSpacing(2)
        self.witte_vlek = QLabel(
            f"{WITTE_VLEK_UITLEG} <a href='dekking'>Bekijk de tabel met witte vlekken</a>."
        )
        self.witte_vlek.setWordWrap(True)
        self.witte_vlek.setStyleSheet("color: #505050")
        self.witte_vlek.setAccessibleName("Uitleg witte vlekken")
        self._als_link(self.witte_vlek)
        # Why "Nooit gekozen" has no figure yet (a young catalogue, as the demo's): a 0 there
        # would read as good news.
        self.nooit_uitleg = QLabel()
        self.nooit_uitleg.setWordWrap(True)
        self.nooit_uitleg.setStyleSheet("color: #505050")
        self.nooit_uitleg.setAccessibleName("Uitleg nooit gekozen")
        self.nooit_uitleg.setVisible(False)
        self._als_link(self.nooit_uitleg)
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self.rooster, 0, 0)
        lay.addWidget(self.witte_vlek, 1, 0)
        lay.addWidget(self.nooit_uitleg, 2, 0)

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
        figure, and when no instrument is old enough to count, its sentence why (with the
        number of younger ones) stands below the figures."""
        nooit_tip = nooit_gekozen.uitleg if nooit_gekozen is not None else None
        toon_waarom = False
        for i, (naam, cel) in enumerate(kerncijfers):
            label = self.labels.get(naam)
            if label is None:
                label = QLabel()
                label.setAccessibleName(naam)
                self._als_link(label)
                self.labels[naam] = label
                self.rooster.addWidget(label, i // KOLOMMEN, i % KOLOMMEN)
            waarde = escape(cel.tekst)
            doel = doel_van(naam)
            if doel is not None:
                waarde = f"<a href='{doel}'>{waarde}</a>"
                label.setToolTip(_tip(naam, cel))
            if naam.startswith("Nooit gekozen") and nooit_tip:
                label.setToolTip(f"{nooit_tip} Klik voor de tabel.")
                toon_waarom = cel.waarde is None and nooit_gekozen is not None
            label.setText(f"{escape(naam)}: <b>{waarde}</b>")
        if toon_waarom and nooit_gekozen is not None:
            self.nooit_uitleg.setText(
                f"Nooit gekozen: {escape(nooit_gekozen.leeg)} "
                "<a href='onderhoud'>Bekijk het tabblad Onderhoud</a>."
            )
        self.nooit_uitleg.setVisible(toon_waarom)


def _tip(naam: str, cel: Cel) -> str:
    if naam.startswith("Witte vlekken"):
        return f"{WITTE_VLEK_UITLEG} Klik om de tabel Dekking te openen."
    if cel.is_onderdrukt:
        return "Verborgen: het gaat om minder dan 5 gesprekken. Klik voor de tabel."
    return "Klik voor de tabel met de details."


class Melding(QFrame):
    """A coloured notice above the figures, with an optional button (`knop`)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("inzichtMelding")
        self.tekst = QLabel()
        self.tekst.setWordWrap(True)
        self.tekst.setTextFormat(Qt.TextFormat.RichText)
        self.tekst.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tekst.setAccessibleName("Over deze gegevens")
        self.knop = QPushButton("&Voorbeeldgesprekken maken…")
        self.knop.setToolTip(
            f"Maakt {DEMO_AANTAL} verzonnen gesprekken met terugblikken, om te oefenen"
        )
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.addWidget(self.tekst, 1)
        lay.addWidget(self.knop, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setVisible(False)

    def toon(self, stand: GesprekkenStand | None) -> None:
        """Say what the figures rest on: nothing yet, fictional gesprekken, or (silent) real."""
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
                    f" Wilt u oefenen? Maak {DEMO_AANTAL} verzonnen voorbeeldgesprekken met de "
                    "knop hiernaast."
                )
            else:
                tekst += (
                    " Wilt u oefenen? Gebruik dan een aparte database met de "
                    f"voorbeeldcatalogus: <code>{DEMO_OPDRACHT}</code>."
                )
            self.knop.setVisible(stand.mag_voorbeeld)
        else:
            self._kleur("#e8f1fb", "#9dc3e6")
            echt = f" en {stand.echte} echte" if stand.echte else ""
            tekst = (
                f"<b>Voorbeeldgegevens.</b> Deze cijfers gaan over "
                f"{getal_nl(stand.voorbeeld)} verzonnen gesprekken{echt} (coaches "
                f"‘{VOORBEELD_COACH} 01’ tot ‘16’). Ze zeggen niets over echt gebruik."
            )
            self.knop.setVisible(False)
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
