"""Step "Wat vind jij belangrijk?": the client's wishes, each niet / belangrijk / heel belangrijk.

Values clarification (services/wensen.py): a grid with one row per wish and three radio
buttons per row, so ten wishes fit in the dock without scrolling far. The DICHTBIJ wish asks
the client's gemeente (a name from the catalogue, never an address).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.services.wensen import WENS_TEKST, Wens, WensKeuze

TITEL = "Wat vind jij belangrijk?"
UITLEG = (
    "Kies wat voor jou telt. Bij elke optie zie je dan of die erbij past. "
    "Je hoeft niet overal iets te kiezen."
)
NIVEAUS = ("niet", "belangrijk", "heel belangrijk")  # gewicht 0, 1, 2
GEEN_GEMEENTE = "(kies je gemeente)"
TEGENHANGER = {Wens.ALLEEN: Wens.GROEP, Wens.GROEP: Wens.ALLEEN}


class WensenStap(QWidget):
    """View and state of the wishes; `wensen()` in the order of WENS_TEKST."""

    wensen_gewijzigd = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.titel = QLabel(f"<b>{TITEL}</b>")
        self.titel.setAccessibleName(TITEL)
        self.uitleg = QLabel(UITLEG)
        self.uitleg.setWordWrap(True)

        rooster = QGridLayout()
        rooster.setHorizontalSpacing(6)
        rooster.setVerticalSpacing(2)
        rooster.setColumnStretch(0, 1)
        for kolom, niveau in enumerate(NIVEAUS, start=1):
            kop = QLabel(niveau.replace("heel ", "heel\n"))
            kop.setAlignment(Qt.AlignmentFlag.AlignCenter)
            rooster.addWidget(kop, 0, kolom)
        self.groepen: dict[Wens, QButtonGroup] = {}
        self.knoppen: dict[Wens, tuple[QRadioButton, ...]] = {}
        self.gemeente = QComboBox()
        self.gemeente.setAccessibleName("Jouw gemeente")
        self.gemeente_label = QLabel("Jouw &gemeente:")
        self.gemeente_label.setBuddy(self.gemeente)
        rij = 1
        for wens, tekst in WENS_TEKST.items():
            label = QLabel(tekst)
            label.setWordWrap(True)
            rooster.addWidget(label, rij, 0)
            groep = QButtonGroup(self)
            groep.setExclusive(True)
            knoppen = []
            for gewicht, niveau in enumerate(NIVEAUS):
                knop = QRadioButton()
                knop.setAccessibleName(f"{tekst}: {niveau}")
                knop.setToolTip(f"{tekst}: {niveau}")
                groep.addButton(knop, gewicht)
                rooster.addWidget(knop, rij, gewicht + 1, Qt.AlignmentFlag.AlignCenter)
                knoppen.append(knop)
            knoppen[0].setChecked(True)
            label.setBuddy(knoppen[1])
            groep.idToggled.connect(lambda gewicht, aan, w=wens: self._op_keuze(w, gewicht, aan))
            self.groepen[wens] = groep
            self.knoppen[wens] = tuple(knoppen)
            rij += 1
            if wens is Wens.DICHTBIJ:
                # The gemeente sits right under its wish; shown only when the wish counts.
                regel = QHBoxLayout()
                regel.setContentsMargins(16, 0, 0, 4)
                regel.addWidget(self.gemeente_label)
                regel.addWidget(self.gemeente, 1)
                rooster.addLayout(regel, rij, 0, 1, 4)
                rij += 1
        self.gemeente.currentIndexChanged.connect(self._op_gemeente)
        self.wis = QPushButton("Alles op &niet")
        self.wis.setAccessibleName("Alle wensen op niet zetten")
        self.wis.clicked.connect(self.wis_alles)
        self.samenvatting = QLabel()
        self.samenvatting.setWordWrap(True)
        self.samenvatting.setAccessibleName("Gekozen wensen")

        laag = QVBoxLayout(self)
        laag.addWidget(self.titel)
        laag.addWidget(self.uitleg)
        laag.addLayout(rooster)
        laag.addWidget(self.samenvatting)
        onder = QHBoxLayout()
        onder.addStretch(1)
        onder.addWidget(self.wis)
        laag.addLayout(onder)
        laag.addStretch(1)
        self.zet_gemeenten(())
        self._werk_bij()

    # --- values ------------------------------------------------------------------------------

    def zet_gemeenten(self, namen: Iterable[str]) -> None:
        """The gemeenten the client can pick (the catalogue's), keeping the current one."""
        huidig = self.gekozen_gemeente()
        self.gemeente.blockSignals(True)
        self.gemeente.clear()
        self.gemeente.addItem(GEEN_GEMEENTE, None)
        for naam in namen:
            self.gemeente.addItem(naam, naam)
        if huidig is not None and self.gemeente.findData(huidig) < 0:
            self.gemeente.addItem(huidig, huidig)  # a stored gemeente that left the catalogue
        self.gemeente.setCurrentIndex(max(self.gemeente.findData(huidig), 0))
        self.gemeente.blockSignals(False)

    def gekozen_gemeente(self) -> str | None:
        data = self.gemeente.currentData()
        return str(data) if data else None

    def gewicht(self, wens: Wens) -> int:
        """0 (niet), 1 (belangrijk) or 2 (heel belangrijk)."""
        return max(self.groepen[wens].checkedId(), 0)

    def zet_gewicht(self, wens: Wens, gewicht: int) -> None:
        self.knoppen[wens][gewicht].setChecked(True)

    def wensen(self) -> tuple[WensKeuze, ...]:
        """The chosen wishes (gewicht 1 or 2); DICHTBIJ carries the gemeente if one is picked."""
        gekozen = []
        for wens in WENS_TEKST:
            gewicht = self.gewicht(wens)
            if gewicht:
                gemeente = self.gekozen_gemeente() if wens is Wens.DICHTBIJ else None
                gekozen.append(WensKeuze(wens=wens, gewicht=gewicht, gemeente=gemeente))
        return tuple(gekozen)

    def zet_wensen(self, wensen: Sequence[WensKeuze]) -> None:
        """Show stored wishes; every wish not in `wensen` goes to "niet"."""
        per_wens = {k.wens: k for k in wensen}
        for groep in self.groepen.values():
            groep.blockSignals(True)
        try:
            for wens in WENS_TEKST:
                keuze = per_wens.get(wens)
                self.zet_gewicht(wens, keuze.gewicht if keuze else 0)
            gemeente = per_wens[Wens.DICHTBIJ].gemeente if Wens.DICHTBIJ in per_wens else None
            if gemeente and self.gemeente.findData(gemeente) < 0:
                self.gemeente.addItem(gemeente, gemeente)
            self.gemeente.blockSignals(True)
            self.gemeente.setCurrentIndex(max(self.gemeente.findData(gemeente), 0))
            self.gemeente.blockSignals(False)
        finally:
            for groep in self.groepen.values():
                groep.blockSignals(False)
        self._werk_bij()
        self.wensen_gewijzigd.emit()

    def wis_alles(self) -> None:
        self.zet_wensen(())

    # --- reactions ---------------------------------------------------------------------------

    def _op_keuze(self, wens: Wens, gewicht: int, aan: bool) -> None:
        if not aan:  # each change toggles two buttons; react once
            return
        # Alone or in a group: one of the two (a client who does not mind picks neither).
        ander = TEGENHANGER.get(wens)
        if gewicht and ander is not None and self.gewicht(ander):
            self.knoppen[ander][0].setChecked(True)  # emits for the other wish first
        self._werk_bij()
        self.wensen_gewijzigd.emit()

    def _op_gemeente(self, *_: object) -> None:
        self._werk_bij()
        self.wensen_gewijzigd.emit()

    def _werk_bij(self) -> None:
        dichtbij = self.gewicht(Wens.DICHTBIJ) > 0
        self.gemeente.setVisible(dichtbij)
        self.gemeente_label.setVisible(dichtbij)
        wensen = self.wensen()
        if not wensen:
            self.samenvatting.setText("Je hebt nog geen wensen gekozen.")
            return
        heel = sum(1 for k in wensen if k.gewicht == 2)
        tekst = f"Je hebt {len(wensen)} {'wens' if len(wensen) == 1 else 'wensen'} gekozen"
        tekst += f", waarvan {heel} heel belangrijk." if heel else "."
        if dichtbij and self.gekozen_gemeente() is None:
            tekst += " Kies ook je gemeente."
        self.samenvatting.setText(tekst)
