"""Shared parts of the beheer screens: the reason dialog, error messages, table helpers,
and the "newest load wins" loader every list uses.

Background work goes through `keuzehulp.ui.taken` (AppContext.taken).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.errors import ConflictFout, KeuzehulpError

if TYPE_CHECKING:
    from keuzehulp.ui.taken import Taak, Takenloper

log = logging.getLogger(__name__)

ROL_RIJ = Qt.ItemDataRole.UserRole + 1
GEEN_RECHT = "Alleen beheerders kunnen dit. Vraag een beheerder om u toe te voegen."

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


def knoppen_raster(knoppen: Sequence[QWidget], kolommen: int = 2) -> QGridLayout:
    """Buttons in rows of `kolommen`, so a row of buttons never sets the screen's width."""
    raster = QGridLayout()
    raster.setContentsMargins(0, 0, 0, 0)
    for i, knop in enumerate(knoppen):
        raster.addWidget(knop, i // kolommen, i % kolommen)
    return raster


VELD_MAX_BREEDTE = 360
"""px: a one-line name field or filter is no wider than this (it stretched to 900 px)."""


def smalle_keuzelijst(combo: QComboBox, tekens: int = 18) -> None:
    """A combo box whose width does not follow its longest item (long instrument names)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(tekens)


# Rows measured when columns are sized to their contents: a page, never a whole long list.
MEETRIJEN = 200


def begrens_kolommen(view: QTableView, maximum: int = 320) -> None:
    """Size columns to their contents, but keep long-text columns bounded (user can widen).

    Only the first MEETRIJEN rows are measured, so this stays quick on a 100,000-row list.
    For a RijenModel (directly or behind a sort proxy) the texts are measured on the plain
    row values, and Qt's delegate is asked only for the widest cell of each column: Qt's own
    resizeColumnsToContents asks data() for some ten roles of every measured cell (9,000
    calls into Python for a page of the Actualiteit list, 90 ms on the GUI thread).
    """
    model = view.model()
    bron = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
    header = view.horizontalHeader()
    if not isinstance(bron, RijenModel):
        header.setResizeContentsPrecision(MEETRIJEN)
        view.resizeColumnsToContents()
    else:
        metriek = view.fontMetrics()
        rijen = bron.rijen_tot(MEETRIJEN)
        raster = 1 if view.showGrid() else 0
        for kolom in range(min(header.count(), len(bron.KOLOMMEN))):
            breedte = header.sectionSizeHint(kolom) if not header.isHidden() else 0
            waarde = bron.KOLOMMEN[kolom].waarde
            breedtes = [
                max(metriek.horizontalAdvance(r) for r in _tekst(waarde(rij)).split("\n"))
                for rij in rijen
            ]
            if breedtes:
                nummer = max(range(len(breedtes)), key=breedtes.__getitem__)
                index = bron.index(nummer, kolom)
                if bron is not model:
                    index = model.mapFromSource(index)  # type: ignore[attr-defined]
                if index.isValid():
                    breedte = max(breedte, view.sizeHintForIndex(index).width() + raster)
            header.resizeSection(kolom, breedte)
    for kolom in range(header.count()):
        if header.sectionSize(kolom) > maximum:
            header.resizeSection(kolom, maximum)


def _tekst(waarde: Any) -> str:
    return "" if waarde is None else str(waarde)


def vaste_kolommen(view: QTableView, breedtes: Sequence[int]) -> None:
    """Give the columns fixed starting widths in px (the user can still drag them)."""
    header = view.horizontalHeader()
    for kolom, breedte in enumerate(breedtes):
        header.resizeSection(kolom, breedte)


def kies_rij(view: QTableView, past: Callable[[Any], bool]) -> bool:
    """Select (and scroll to) the first row whose row value `past`; False when none does.

    `view` shows a RijenModel, directly or through a sort proxy. The rows are searched as
    plain values (no data() call per row: quick at 10,000 rows).
    """
    model = view.model()
    bron = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
    if not isinstance(bron, RijenModel):
        return False
    nummer = bron.zoek(past)
    if nummer is None:
        return False
    index = bron.index(nummer, 0)
    if bron is not model:
        index = model.mapFromSource(index)  # type: ignore[attr-defined]
        if not index.isValid():
            return False
    view.selectRow(index.row())
    view.scrollTo(index)
    return True


@dataclass(frozen=True)  # no slots: Kolom[T](...) sets __orig_class__
class Kolom(Generic[T]):
    """A column of a row table: its title and how to show a row in it."""

    titel: str
    waarde: Callable[[T], Any]


class RijenModel(QAbstractTableModel, Generic[T]):
    """A read-only table of plain rows; ROL_RIJ gives the row back (also through a proxy)."""

    KOLOMMEN: Sequence[Kolom[Any]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rijen: list[T] = []

    def zet_rijen(self, rijen: Sequence[T]) -> None:
        self.beginResetModel()
        self._rijen = list(rijen)
        self.endResetModel()

    def zoek(self, past: Callable[[T], bool]) -> int | None:
        """The number of the first row that `past`, or None."""
        return next((n for n, r in enumerate(self._rijen) if past(r)), None)

    def haal_weg(self, nummer: int) -> None:
        """Remove one row (one signal; the other rows and the selection stay)."""
        self.beginRemoveRows(QModelIndex(), nummer, nummer)
        del self._rijen[nummer]
        self.endRemoveRows()

    def rij(self, nummer: int) -> T:
        return self._rijen[nummer]

    def rijen_tot(self, aantal: int) -> list[T]:
        """The first `aantal` rows (fewer when there are fewer), in model order."""
        return self._rijen[:aantal]

    @property
    def rijen(self) -> list[T]:
        return list(self._rijen)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rijen)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.KOLOMMEN)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rijen):
            return None
        rij = self._rijen[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            waarde = self.KOLOMMEN[index.column()].waarde(rij)
            return "" if waarde is None else str(waarde)
        if role == ROL_RIJ:
            return rij
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.KOLOMMEN)
        ):
            return self.KOLOMMEN[section].titel
        return None


class NieuwsteLading(Generic[T]):
    """Loads a screen's data off the GUI thread; only the newest load reaches the screen.

    `start(werk)` runs `werk()` through the task runner. When it ends, `bij_klaar(uitslag)` or
    `bij_fout(melding)` runs on the GUI thread, but only for the load started last: an older
    one that finishes later (a filter changed meanwhile) is dropped. `laadt` is True from a
    start until that newest load has been handled (it is already False inside the callback,
    so the callback may choose rows as in a loaded list). Callbacks are skipped once
    `eigenaar` (the screen) is gone.
    """

    def __init__(
        self,
        taken: Takenloper,
        eigenaar: QObject,
        naam: str,
        bij_klaar: Callable[[T], None],
        bij_fout: Callable[[str], None],
    ) -> None:
        self._taken = taken
        self._eigenaar = eigenaar
        self._naam = naam
        self._bij_klaar = bij_klaar
        self._bij_fout = bij_fout
        self._gestart = 0  # number of the newest load
        self._verwerkt = 0  # number of the newest load whose outcome was handled

    def start(self, werk: Callable[[], T]) -> Taak:
        """Start a load; any load still on its way is voided (its outcome is dropped)."""
        self._gestart += 1
        nummer = self._gestart
        return self._taken.start_functie(
            werk,
            self._naam,
            bij_klaar=lambda uitslag: self._klaar(nummer, uitslag),
            bij_fout=lambda melding: self._fout(nummer, melding),
            eigenaar=self._eigenaar,
        )

    @property
    def laadt(self) -> bool:
        """Whether the newest load is still on its way."""
        return self._verwerkt != self._gestart

    def _klaar(self, nummer: int, uitslag: T) -> None:
        if nummer == self._gestart:
            self._verwerkt = nummer
            self._bij_klaar(uitslag)

    def _fout(self, nummer: int, melding: str) -> None:
        if nummer == self._gestart:
            self._verwerkt = nummer
            self._bij_fout(melding)


def opslaan_knoppen(dialoog: QDialog) -> tuple[QDialogButtonBox, QPushButton]:
    """The Opslaan/Annuleren buttons of a beheer dialog, wired to accept and reject.

    Returns the box (to put in the layout) and the Opslaan button (to enable or disable).
    """
    knoppen = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = knoppen.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText("&Opslaan")
    knoppen.button(QDialogButtonBox.StandardButton.Cancel).setText("&Annuleren")
    knoppen.accepted.connect(dialoog.accept)
    knoppen.rejected.connect(dialoog.reject)
    return knoppen, ok


VOORBEELD_REDEN = "Bijvoorbeeld: nieuwe prijs van de aanbieder"  # fits a changed instrument


class RedenDialoog(QDialog):
    """Asks for the short reason that goes into the mutation log (or another short text)."""

    def __init__(
        self,
        parent: QWidget | None,
        titel: str,
        vraag: str,
        verplicht: bool = True,
        uitleg: str = "",
        voorbeeld: str = VOORBEELD_REDEN,
        knop: str = "&Opslaan",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(titel)
        self.verplicht = verplicht
        tekst = QLabel(vraag)
        tekst.setWordWrap(True)
        self.uitleg = QLabel(uitleg)
        self.uitleg.setWordWrap(True)
        self.uitleg.setVisible(bool(uitleg))
        self.reden = QLineEdit()
        self.reden.setAccessibleName("Reden")
        self.reden.setPlaceholderText(voorbeeld)
        self.reden.setMaxLength(500)
        tekst.setBuddy(self.reden)
        self.knoppen, self.ok = opslaan_knoppen(self)
        self.ok.setText(knop)
        self.reden.textChanged.connect(self._controleer)
        layout = QVBoxLayout(self)
        layout.addWidget(self.uitleg)
        layout.addWidget(tekst)
        layout.addWidget(self.reden)
        layout.addWidget(self.knoppen)
        self._controleer()
        self.resize(460, 150)

    def _controleer(self) -> None:
        self.ok.setEnabled(not self.verplicht or bool(self.reden.text().strip()))

    def tekst(self) -> str:
        return self.reden.text().strip()


def vraag_reden(
    parent: QWidget,
    titel: str,
    vervolg: Callable[[str], None],
    *,
    vraag: str = "Waarom? Geef een korte reden. Die komt in het mutatielog.",
    verplicht: bool = True,
    uitleg: str = "",
    voorbeeld: str = VOORBEELD_REDEN,
    knop: str = "&Opslaan",
) -> RedenDialoog:
    """Open the reason dialog (window-modal, not blocking) and continue when accepted.

    `voorbeeld` is the grey example in the empty text box, `knop` the text of the button
    that accepts (with its & shortcut; not A, which Annuleren has)."""
    dialoog = RedenDialoog(parent, titel, vraag, verplicht, uitleg, voorbeeld, knop)
    dialoog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialoog.accepted.connect(lambda: vervolg(dialoog.tekst()))
    dialoog.open()
    return dialoog


def meld_fout(parent: QWidget, fout: KeuzehulpError) -> None:
    """Show a Dutch message for an error the user can act on (never a traceback)."""
    if isinstance(fout, ConflictFout):
        QMessageBox.warning(parent, "Iemand anders was u voor", fout.melding)
    else:
        QMessageBox.warning(parent, "Dat lukt niet", fout.melding)
