"""The side-by-side comparison: one column per option, one row per question a client asks.

Made for a 1366x768 laptop with five options: the names stay in sight in the header while
the rows scroll, the questions stay in sight while the columns scroll, and a column never gets
narrower than `min_kolom()`: below that the table scrolls sideways instead of squeezing the text
to one word per line.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.ui.gesprek.modellen import GEKOZEN_KLEUR, LEEG, VERSCHIL_KLEUR, VergelijkModel
from keuzehulp.ui.gesprek.naam_kop import NaamKop

UITLEG = (
    "Zet 1 tot 5 opties op de korte lijst. Dan zie je ze hier naast elkaar. "
    "Klik op een naam bovenaan om die optie te kiezen."
)
UITLEG_GEVULD = "Klik op een naam bovenaan om die optie te kiezen."

PADDING_Y, PADDING_X = 6, 8
COACH_RIJEN = frozenset({"notitie"})
"""Rows (by key) only the coach sees: the coach's own note is not written for the client."""
MIN_KOLOM = 215  # px: never narrower, whatever the font
MIN_TEKENS = 28  # and at least 28 average characters of the table font per line
MAX_VRAAGKOLOM = 180  # px: the questions wrap instead of eating the options' room


def _vakje(kleur: str, tekst: str) -> QWidget:
    """A legend entry: a small coloured square with a border, and its meaning."""
    vakje = QWidget()
    vakje.setAccessibleName(f"Uitleg kleur: {tekst}")
    kleurvak = QLabel()
    kleurvak.setFixedSize(18, 18)
    kleurvak.setStyleSheet(f"background: {kleur}; border: 1px solid #8a8a8a;")
    laag = QHBoxLayout(vakje)
    laag.setContentsMargins(0, 0, 8, 0)
    laag.addWidget(kleurvak)
    laag.addWidget(QLabel(tekst))
    return vakje


class VergelijkScherm(QWidget):
    """Shown to coach and client together: large type, B1 texts, a click on a name chooses."""

    keuze_gevraagd = Signal(int)  # instrument id

    def __init__(self, model: VergelijkModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._klantweergave = False
        self._hoogtes: dict[tuple[str, int, bool], int] = {}
        self._coach_rijen = COACH_RIJEN
        self.uitleg = QLabel(UITLEG)
        self.uitleg.setWordWrap(True)
        groot = QFont(self.uitleg.font())
        groot.setPointSizeF(max(groot.pointSizeF(), 10) * 1.2)
        self.uitleg.setFont(groot)
        self.alleen_verschillen = QCheckBox("Alleen &verschillen")
        self.alleen_verschillen.setAccessibleName(
            "Alleen de vragen tonen waarop de opties verschillen"
        )
        self.alleen_verschillen.setToolTip("Verberg de vragen waarop alle opties hetzelfde zeggen")
        self.alleen_verschillen.toggled.connect(self._toon_rijen)
        self.legenda_verschil = _vakje(VERSCHIL_KLEUR.name(), "hier verschillen de opties")
        self.legenda_keuze = _vakje(GEKOZEN_KLEUR.name(), "gekozen")
        self.alles_gelijk = QLabel()
        self.alles_gelijk.setWordWrap(True)

        self.tabel = QTableView()
        self.tabel.setModel(model)
        self.tabel.setAccessibleName("Opties naast elkaar")
        self.tabel.setWordWrap(True)
        self.tabel.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.tabel.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.tabel.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tabel.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tabel.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        lettertype = QFont(self.tabel.font())
        lettertype.setPointSizeF(max(lettertype.pointSizeF(), 10) * 1.2)
        self.tabel.setFont(lettertype)
        self.tabel.setStyleSheet(f"QTableView::item {{ padding: {PADDING_Y}px {PADDING_X}px; }}")
        kop = QFont(lettertype)
        kop.setBold(True)
        # A little smaller than the cells: long names ("sollicitatievaardigheden") fit a column.
        kop.setPointSizeF(lettertype.pointSizeF() * 0.92)
        self.tabel.setHorizontalHeader(NaamKop(self.tabel))
        boven = self.tabel.horizontalHeader()
        boven.setFont(kop)
        boven.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        boven.setSectionsClickable(True)
        boven.setHighlightSections(False)
        # Long names ("Type, provider") wrap within their column instead of being cut off.
        boven.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        boven.sectionClicked.connect(self._op_kolom)
        links = self.tabel.verticalHeader()
        links.setFont(kop)
        links.setMaximumWidth(MAX_VRAAGKOLOM)
        # Top-aligned like the answers: in a tall row the question stays beside its answer.
        links.setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        )
        # Row heights are set in _pas_hoogtes_aan: the size hint alone cuts the last line off.
        links.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Keyboard path: Enter on any cell chooses that cell's option.
        self.tabel.activated.connect(lambda index: self._op_kolom(index.column()))
        self.tabel.setToolTip(
            "Klik op een naam bovenaan, of druk op Enter in een kolom, om te kiezen"
        )

        balk = QHBoxLayout()
        balk.addWidget(self.alleen_verschillen)
        balk.addSpacing(16)
        balk.addWidget(self.legenda_verschil)
        balk.addWidget(self.legenda_keuze)
        balk.addStretch(1)
        laag = QVBoxLayout(self)
        laag.addWidget(self.uitleg)
        laag.addLayout(balk)
        laag.addWidget(self.alles_gelijk)
        laag.addWidget(self.tabel, 1)
        model.modelReset.connect(self._na_wissel)
        model.teksten_gewijzigd.connect(self._toon_rijen)
        model.headerDataChanged.connect(lambda *_: self._pas_kop_aan())
        self._na_wissel()

    # --- what is shown ---------------------------------------------------------------------

    def zet_klantweergave(self, aan: bool) -> None:
        """In the client view the coach's own rows (e.g. the note) are out of sight."""
        self._klantweergave = aan
        self._toon_rijen()

    def zichtbare_rijen(self) -> list[int]:
        return [r for r in range(self.model.rowCount()) if not self.tabel.isRowHidden(r)]

    def _toon_rijen(self) -> None:
        alleen_anders = self.alleen_verschillen.isChecked()
        for rij in range(self.model.rowCount()):
            weg = (alleen_anders and not self.model.verschilt(rij)) or (
                self._klantweergave and self.model.sleutel(rij) in self._coach_rijen
            )
            self.tabel.setRowHidden(rij, weg)
        leeg = alleen_anders and self.model.rowCount() > 0 and not self.zichtbare_rijen()
        self.alles_gelijk.setText(
            "De opties zeggen op elke vraag hetzelfde. Zet het vinkje uit om alles te zien."
            if leeg
            else ""
        )
        self.alles_gelijk.setVisible(leeg)
        self._pas_hoogtes_aan()

    def _na_wissel(self) -> None:
        aantal = self.model.columnCount()
        self.uitleg.setText(UITLEG_GEVULD if aantal else UITLEG)
        # With one option nothing differs; the toggle would only empty the table.
        self.alleen_verschillen.setEnabled(aantal >= 2)
        if aantal < 2:
            self.alleen_verschillen.setChecked(False)
        for widget in (self.legenda_verschil, self.legenda_keuze):
            widget.setVisible(aantal >= 1)
        self._pas_breedtes_aan()
        self._toon_rijen()

    # --- sizes -----------------------------------------------------------------------------

    def min_kolom(self) -> int:
        """The narrowest column in px: MIN_KOLOM, more when the text is larger."""
        return max(MIN_KOLOM, self.tabel.fontMetrics().averageCharWidth() * MIN_TEKENS)

    def _pas_breedtes_aan(self) -> None:
        """Share the width; never below `min_kolom()` per option (then scroll sideways)."""
        aantal = self.model.columnCount()
        if not aantal:
            return
        # The table's width minus its frame, the questions and a vertical scroll bar (long
        # rows usually need one); computed, because the header's own width lags a reset.
        links = self.tabel.verticalHeader()
        vragen = min(max(links.minimumWidth(), links.sizeHint().width()), links.maximumWidth())
        balk = self.tabel.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        beschikbaar = self.tabel.width() - 2 * self.tabel.frameWidth() - vragen - balk
        breedte = max(self.min_kolom(), beschikbaar // aantal)
        boven = self.tabel.horizontalHeader()
        for kolom in range(aantal):
            if boven.sectionSize(kolom) != breedte:
                boven.resizeSection(kolom, breedte)
        self._pas_hoogtes_aan()

    def _teksthoogte(self, tekst: str, breedte: int, *, vraag: bool = False) -> int:
        """Height in px of a wrapped text; remembered, as most texts stay between updates."""
        sleutel = (tekst, breedte, vraag)
        hoogte = self._hoogtes.get(sleutel)
        if hoogte is None:
            maten = (self.tabel.verticalHeader() if vraag else self.tabel).fontMetrics()
            vak = QRect(0, 0, breedte, 10_000)
            hoogte = maten.boundingRect(vak, int(Qt.TextFlag.TextWordWrap), tekst).height()
            if len(self._hoogtes) > 5000:
                self._hoogtes.clear()
            self._hoogtes[sleutel] = hoogte
        return hoogte

    def _pas_hoogtes_aan(self) -> None:
        """Rows and the names above them follow the column width (it changes with the window)."""
        vraagbreedte = max(self.tabel.verticalHeader().width() - 12, 60)
        # The item padding (style sheet) is not in the size hint: add it, or text ends in "…".
        breedtes = [
            max(self.tabel.columnWidth(k) - 2 * PADDING_X - 8, 40)
            for k in range(self.model.columnCount())
        ]
        for rij, inhoud in enumerate(self.model.rijen):
            nodig = max(
                (
                    self._teksthoogte(c or LEEG, b)
                    for c, b in zip(inhoud.cellen, breedtes, strict=True)
                ),
                default=0,
            )
            vraag = self._teksthoogte(inhoud.vraag, vraagbreedte, vraag=True)
            hoogte = max(nodig + 2 * PADDING_Y + 8, vraag + 12)
            if hoogte != self.tabel.rowHeight(rij):
                self.tabel.setRowHeight(rij, hoogte)
        self._pas_kop_aan()

    def _pas_kop_aan(self) -> None:
        boven = self.tabel.horizontalHeader()
        assert isinstance(boven, NaamKop)
        hoogte = boven.nodige_hoogte()
        boven.setFixedHeight(hoogte if hoogte else boven.sizeHint().height())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._pas_breedtes_aan()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._pas_breedtes_aan()

    def _op_kolom(self, kolom: int) -> None:
        instrument_id = self.model.instrument_id(kolom)
        if instrument_id is not None:
            self.keuze_gevraagd.emit(instrument_id)
