"""The Gesprek panel's layout: title and buttons, the four steps, progress and message.

Only widgets and their arrangement; `paneel.GesprekPaneel` (the controller) connects them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.ui.gesprek.stappen import DoelStap, KeuzeStap, KorteLijstStap
from keuzehulp.ui.gesprek.terugblik_dialoog import TerugblikKnop
from keuzehulp.ui.gesprek.wensen_stap import WensenStap

STAP_DOEL, STAP_WENSEN, STAP_LIJST, STAP_KEUZE = range(4)


class StapRol(QScrollArea):
    """A scrolling step that follows its content's height-for-width.

    QScrollArea measures wrapped texts only when it is resized itself; a step whose answer
    text grows would then squeeze its buttons. Each layout request of the step re-measures.
    """

    def __init__(self, stap: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(stap)
        stap.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            QCoreApplication.postEvent(self, QEvent(QEvent.Type.LayoutRequest))
        return super().eventFilter(obj, event)


class GesprekPaneelView(QWidget):
    """The panel's widgets, public for the controller and the tests."""

    def __init__(
        self,
        terugblik: TerugblikKnop,
        kenmerkgroepen: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        """`terugblik`: the Terugblik button (it opens its own dialog); `kenmerkgroepen`:
        (code, name) of the groups the klantbeeld scores."""
        super().__init__(parent)
        self.terugblik = terugblik
        self.titel = QLabel()
        self.titel.setWordWrap(True)
        self.nieuw = QPushButton("&Nieuw gesprek")
        self.nieuw.setAccessibleName("Nieuw gesprek")
        self.openen = QPushButton("&Openen…")
        self.openen.setAccessibleName("Gesprek openen")
        self.stappen = QTabWidget()
        self.stappen.setAccessibleName("Stappen van het gesprek")
        self.stappen.setUsesScrollButtons(False)
        self.doel = DoelStap(kenmerkgroepen)
        self.wensen = WensenStap()
        self.lijst = KorteLijstStap()
        self.keuze = KeuzeStap()
        keuze_pagina = QWidget()
        keuze_laag = QVBoxLayout(keuze_pagina)
        keuze_laag.setContentsMargins(0, 0, 0, 0)
        self.keuze_rol = StapRol(self.keuze)
        keuze_laag.addWidget(self.keuze_rol, 1)
        keuze_laag.addWidget(self.keuze.knoppen)  # always in sight under the scrolling step
        for pagina, titel in (
            (StapRol(self.doel), "1. Doel"),
            (StapRol(self.wensen), "2. Wensen"),
            (StapRol(self.lijst), "3. Opties"),
            (keuze_pagina, "4. Keuze"),
        ):
            self.stappen.addTab(pagina, titel)
        self.melding = QLabel()
        self.melding.setWordWrap(True)
        self.melding.setAccessibleName("Melding")
        self.voortgang = QProgressBar()
        self.voortgang.setRange(0, 0)
        self.voortgang.setAccessibleName("PDF wordt gemaakt")
        self.voortgang.hide()

        boven = QHBoxLayout()
        boven.addWidget(self.titel, 1)
        boven.addWidget(self.nieuw)
        boven.addWidget(self.openen)
        boven.addWidget(self.terugblik)
        laag = QVBoxLayout(self)
        laag.addLayout(boven)
        laag.addWidget(self.stappen, 1)
        laag.addWidget(self.voortgang)
        laag.addWidget(self.melding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(440, 720)  # room for the steps beside the search
