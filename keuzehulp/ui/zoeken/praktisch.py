"""Step 3, the practical filters, as a webshop has them: sections of ticks with counts.

One scroll area holds every section; each list is exactly as high as its values, so there is
never a second scroll bar inside it. A section folds shut with a click on its title.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.ui.zoeken.modellen import WaardenModel


class PassendeLijst(QListView):
    """A checkable list exactly as high as its rows: no scroll bar of its own."""

    def __init__(self, model: WaardenModel) -> None:
        super().__init__()
        self.setModel(model)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setWordWrap(True)
        # Not uniform: with word wrap a long option takes two lines (the client view's font,
        # a narrow column), and the list's height below is the sum of the real rows.
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSpacing(1)
        model.modelReset.connect(self.updateGeometry)
        model.rowsInserted.connect(self.updateGeometry)
        model.rowsRemoved.connect(self.updateGeometry)

    def _hoogte(self) -> int:
        model = self.model()
        rijen = model.rowCount() if model is not None else 0
        if not rijen:
            return self.fontMetrics().height() + 2 * self.frameWidth() + 2
        # The rows as the view lays them out at its width (wrapped options are taller; neither
        # sizeHintForRow nor the delegate wraps, so row 0's hint times the count cut the last
        # options off in the client view). Qt lays out lazily: lay out now.
        self.executeDelayedItemsLayout()
        laatste = self.visualRect(model.index(rijen - 1, 0))
        if laatste.isValid():
            onderkant = laatste.bottom() + 1 + self.verticalOffset() + self.spacing()
            return onderkant + 2 * self.frameWidth() + 2
        rij = max(self.sizeHintForRow(0), 1)
        return rijen * (rij + 2 * self.spacing()) + 2 * self.frameWidth() + 2

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(160, self._hoogte())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(80, self._hoogte())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # wrapped rows change height with the width

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.updateGeometry()  # row heights are only known once the list is polished

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        event.ignore()  # nothing to scroll here: the step's scroll area scrolls


def ombreek(tekst: str, metriek: QFontMetrics, breedte: int) -> str:
    """`tekst` with a newline where a line would grow past `breedte` px (whole words; a word
    longer than a line gets a line of its own)."""
    regels: list[str] = []
    for woord in tekst.split():
        if regels and metriek.horizontalAdvance(f"{regels[-1]} {woord}") <= breedte:
            regels[-1] = f"{regels[-1]} {woord}"
        else:
            regels.append(woord)
    return "\n".join(regels)


class Sectie(QWidget):
    """A titled part of step 3 that folds shut; the title says how many values are ticked.

    The title wraps to the section's width (a tool button's text does not wrap by itself): in
    the client view's larger font a long title would otherwise push the whole step past the
    edge of its scroll area.
    """

    def __init__(self, titel: str, inhoud: QWidget, model: WaardenModel | None = None) -> None:
        super().__init__()
        self._titel = titel
        self._model = model
        self.kop = QToolButton()
        self.kop.setCheckable(True)
        self.kop.setChecked(True)
        self.kop.setAutoRaise(True)
        self.kop.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        vet = self.kop.font()
        vet.setBold(True)  # only boldness is set: the size still follows the screen's font
        self.kop.setFont(vet)
        # No minimum width of its own: its text is wrapped to the width the section gets.
        self.kop.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._kop_tekst = ""
        self.kop.toggled.connect(self._open_dicht)
        self.inhoud = inhoud
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(0)
        layout.addWidget(self.kop, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(inhoud)
        if model is not None:
            model.keuze_gewijzigd.connect(self._werk_kop_bij)
            model.dataChanged.connect(lambda *_: self._werk_kop_bij())
        self._werk_kop_bij()

    def zet_titel(self, titel: str) -> None:
        self._titel = titel
        self._werk_kop_bij()

    def _open_dicht(self, open_: bool) -> None:
        self.inhoud.setVisible(open_)
        self._werk_kop_bij()

    def _werk_kop_bij(self) -> None:
        n = len(self._model.gekozen()) if self._model is not None else 0
        tekst = f"{self._titel} · {n} gekozen" if n else self._titel
        self._kop_tekst = tekst
        self._zet_kop_tekst()
        self.kop.setArrowType(
            Qt.ArrowType.DownArrow if self.kop.isChecked() else Qt.ArrowType.RightArrow
        )
        staat = "open" if self.kop.isChecked() else "dicht"
        self.kop.setAccessibleName(f"{tekst}, {staat}. Klik om te openen of te sluiten")

    def _zet_kop_tekst(self) -> None:
        # Room for the text: the section's width less the arrow, its gap and the button's
        # margins (as QToolButton.sizeHint adds them: icon + 4, two spaces, frame).
        metriek = self.kop.fontMetrics()
        rest = (
            self.kop.iconSize().width()
            + 4
            + 2 * metriek.horizontalAdvance(" ")
            + 2 * self.kop.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, self.kop)
            + 8
        )
        breedte = self.width() if self.width() > rest + 40 else 10**6  # not laid out yet
        tekst = ombreek(self._kop_tekst, metriek, breedte - rest)
        if tekst != self.kop.text():
            self.kop.setText(tekst)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._zet_kop_tekst()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._zet_kop_tekst()


class PraktischStap(QWidget):
    """Step 3: free text, then a section per practical filter, all in one scroll area."""

    INSTRUCTIE = "Praktische zaken. Binnen één lijst is elk vinkje een extra optie."
    INSTRUCTIE_KLANT = "Wat is voor jou handig? Zet een vinkje bij wat past."

    def __init__(self, modellen: dict[str, WaardenModel]) -> None:
        super().__init__()
        self.tekst = QLineEdit()
        self.tekst.setPlaceholderText("Zoek op een woord")
        self.tekst.setClearButtonEnabled(True)
        self.tekst.setAccessibleName("Zoeken op een woord in naam, aanbieder en omschrijving")
        self.max_kosten = QLineEdit()
        self.max_kosten.setPlaceholderText("geen maximum, bijv. 1.250")
        self.max_kosten.setAccessibleName("Maximale kosten per persoon in euro")
        self.kosten_fout = QLabel("")
        self.kosten_fout.setStyleSheet("color: #a00000")
        self.kosten_fout.setWordWrap(True)
        self.kosten_fout.hide()
        self.lijsten: dict[str, PassendeLijst] = {}
        self.secties: dict[str, Sectie] = {}
        self.instructie = QLabel(self.INSTRUCTIE)
        self.instructie.setWordWrap(True)

        binnen = QWidget()
        kolom = QVBoxLayout(binnen)
        kolom.setContentsMargins(4, 4, 4, 4)
        kolom.setSpacing(2)
        kolom.addWidget(self.instructie)
        self.tekst_label = QLabel("Zoek op een woord (Ctrl+F):")
        self.tekst_label.setBuddy(self.tekst)
        kolom.addWidget(self.tekst_label)
        kolom.addWidget(self.tekst)
        for sleutel, model in modellen.items():
            lijst = PassendeLijst(model)
            lijst.setObjectName(f"lijst_{sleutel}")
            self.lijsten[sleutel] = lijst
            inhoud: QWidget = lijst
            if sleutel == "kosten":
                inhoud = self._kosten_inhoud(lijst)
            sectie = Sectie(sleutel, inhoud, model)
            self.secties[sleutel] = sectie
            kolom.addWidget(sectie)
        kolom.addStretch(1)
        self.schuif = QScrollArea()
        self.schuif.setWidget(binnen)
        self.schuif.setWidgetResizable(True)
        self.schuif.setFrameShape(QFrame.Shape.NoFrame)
        self.schuif.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.schuif.setAccessibleName("Praktische keuzes")
        self.wis = QPushButton("Wis stap 3")
        self.wis.setAccessibleName("Wis alle keuzes van stap 3")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.schuif, 1)
        layout.addWidget(self.wis, 0, Qt.AlignmentFlag.AlignLeft)

    def _kosten_inhoud(self, lijst: PassendeLijst) -> QWidget:
        inhoud = QWidget()
        kolom = QVBoxLayout(inhoud)
        kolom.setContentsMargins(0, 0, 0, 0)
        kolom.setSpacing(2)
        kolom.addWidget(lijst)
        rij = QHBoxLayout()
        self.kosten_label = QLabel("&Hoogstens € p.p.:")
        self.kosten_label.setBuddy(self.max_kosten)
        rij.addWidget(self.kosten_label)
        rij.addWidget(self.max_kosten, 1)
        kolom.addLayout(rij)
        kolom.addWidget(self.kosten_fout)
        return inhoud

    def zet_titels(self, titels: dict[str, str]) -> None:
        for sleutel, titel in titels.items():
            if sleutel in self.secties:
                self.secties[sleutel].zet_titel(titel)
                self.lijsten[sleutel].setAccessibleName(titel)

    def zet_klantweergave(self, aan: bool, verborgen: tuple[str, ...]) -> None:
        """Client view: B1 instruction; sections with internal matters hidden."""
        self.instructie.setText(self.INSTRUCTIE_KLANT if aan else self.INSTRUCTIE)
        for sleutel, sectie in self.secties.items():
            sectie.setVisible(not (aan and sleutel in verborgen))
        for lijst in self.lijsten.values():
            lijst.updateGeometry()

    def zet_kosten_fout(self, tekst: str) -> None:
        self.kosten_fout.setText(tekst)
        self.kosten_fout.setVisible(bool(tekst))

    def toon(self, sleutel: str) -> None:
        """Open a section and scroll it into sight."""
        sectie = self.secties.get(sleutel)
        if sectie is not None:
            sectie.kop.setChecked(True)
            self.schuif.ensureWidgetVisible(sectie)
            lijst = self.lijsten[sleutel]
            lijst.setFocus()
            model = lijst.model()
            if model is not None and model.rowCount() and not lijst.currentIndex().isValid():
                lijst.setCurrentIndex(model.index(0, 0, QModelIndex()))
