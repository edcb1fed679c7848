"""The Gemeenten screen of Beheer: list, add, rename and remove the gemeenten (logged).

Every change asks a reason for the mutation log and runs off the GUI thread. A rename or
removal passes the version the list showed; when another beheerder saved or removed the
gemeente since, the refusal names who and when, and the list reloads (issue 14, item 5).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.errors import ConflictFout, KeuzehulpError
from keuzehulp.services.beheer.gemeenten import MAX_NAAM, GemeenteRegel
from keuzehulp.ui.beheer.gemeen import (
    GEEN_RECHT,
    ROL_RIJ,
    VELD_MAX_BREEDTE,
    Index,
    Kolom,
    NieuwsteLading,
    RijenModel,
    meld_fout,
    opslaan_knoppen,
    vaste_kolommen,
    vraag_reden,
)
from keuzehulp.ui.beheer.instrumenten_indeling import tabel
from keuzehulp.ui.context import AppContext

log = logging.getLogger(__name__)

ROL_SORTEER = Qt.ItemDataRole.UserRole + 2
COL_NAAM, COL_AANTAL, COL_ZOEKEN = 0, 1, 2
KOLOM_BREEDTES = (220, 95, 95)  # px: the name, the two counts
# What each count counts, as the header's tooltip: the two differ, and Zoeken shows the second.
KOLOM_UITLEG = (
    "",
    "Instrumenten die aan deze gemeente zijn gekoppeld, in elke status (ook geparkeerd en "
    "concept). Een gemeente met gekoppelde instrumenten kan niet weg.",
    "Wat Zoeken bij deze gemeente telt: de gepubliceerde instrumenten die hier worden "
    "aangeboden, ook die voor alle gemeenten.",
)


def _aantal_tekst(aantal: int) -> str:
    return "geen" if aantal == 0 else str(aantal)


class GemeenteTabelModel(RijenModel[GemeenteRegel]):
    """The gemeenten: name and number of instruments; ROL_SORTEER sorts names folded and
    numbers as numbers."""

    KOLOMMEN = (
        Kolom[GemeenteRegel]("Gemeente", lambda r: r.naam),
        Kolom[GemeenteRegel]("Gekoppeld", lambda r: _aantal_tekst(r.aantal_instrumenten)),
        Kolom[GemeenteRegel]("In Zoeken", lambda r: _aantal_tekst(r.in_zoeken)),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == ROL_SORTEER and index.isValid() and 0 <= index.row() < self.rowCount():
            rij = self.rij(index.row())
            return (rij.naam.casefold(), rij.aantal_instrumenten, rij.in_zoeken)[index.column()]
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and index.isValid()
            and index.column() != COL_NAAM
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(KOLOM_UITLEG)
        ):
            return KOLOM_UITLEG[section] or None
        return super().headerData(section, orientation, role)


class HernoemDialoog(QDialog):
    """Asks the new name of a gemeente and the reason for the log."""

    def __init__(self, parent: QWidget | None, huidig: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Gemeente ‘{huidig}’ hernoemen")
        self.naam = QLineEdit(huidig)
        self.naam.setAccessibleName("Nieuwe naam")
        self.naam.setMaxLength(MAX_NAAM)
        self.naam.selectAll()
        self.reden = QLineEdit()
        self.reden.setAccessibleName("Reden")
        self.reden.setMaxLength(500)
        self.reden.setPlaceholderText("Bijvoorbeeld: gemeenten samengevoegd per 1 januari")
        uitleg = QLabel(
            "De instrumenten van deze gemeente houden hun koppeling. De reden komt in het "
            "mutatielog."
        )
        uitleg.setWordWrap(True)
        formulier = QFormLayout()
        formulier.addRow("&Nieuwe naam:", self.naam)
        formulier.addRow("&Reden:", self.reden)
        self.knoppen, self.ok = opslaan_knoppen(self)
        self.naam.textChanged.connect(self._controleer)
        self.reden.textChanged.connect(self._controleer)
        lay = QVBoxLayout(self)
        lay.addWidget(uitleg)
        lay.addLayout(formulier)
        lay.addWidget(self.knoppen)
        self._huidig = huidig
        self._controleer()
        self.resize(480, 170)

    def _controleer(self) -> None:
        naam = " ".join(self.naam.text().split())
        self.ok.setEnabled(bool(naam) and naam != self._huidig and bool(self.reden.text().strip()))


class GemeentenView(QWidget):
    """The gemeenten where instruments are offered; beheerders change them, coaches look."""

    def __init__(self, context: AppContext, beheerder: bool) -> None:
        super().__init__()
        self.context = context
        self.beheerder = beheerder
        self.lading: NieuwsteLading[list[GemeenteRegel]] = NieuwsteLading(
            context.taken,
            self,
            "gemeenten laden",
            self._geladen,
            lambda melding: self._geladen([], melding),
        )
        self.bezig = False  # a change is being saved in the background
        self.model = GemeenteTabelModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ROL_SORTEER)
        self.tabel = tabel(self.proxy, "Gemeenten")
        self.tabel.setSortingEnabled(True)
        self.tabel.sortByColumn(COL_NAAM, Qt.SortOrder.AscendingOrder)
        self.naam = QLineEdit()
        self.naam.setPlaceholderText("naam van de nieuwe gemeente")
        self.naam.setAccessibleName("Naam nieuwe gemeente")
        self.naam.setMaxLength(MAX_NAAM)
        naam_label = QLabel("&Nieuwe gemeente:")
        naam_label.setBuddy(self.naam)
        self.toevoegen_knop = QPushButton("Toe&voegen…")
        self.hernoem_knop = QPushButton("Gekozen gemeente &hernoemen…")
        self.verwijder_knop = QPushButton("Gekozen gemeente verwi&jderen…")
        self.samenvatting = QLabel()
        self.samenvatting.setWordWrap(True)
        self.waarom = QLabel()  # why the chosen gemeente cannot be removed (also a tooltip)
        self.waarom.setWordWrap(True)
        self.waarom.setVisible(False)
        uitleg = QLabel(
            "De gemeenten waar instrumenten worden aangeboden. Werkcoaches kiezen ze in Zoeken. "
            "Een nieuwe naam blijft aan alle instrumenten gekoppeld. Verwijderen kan alleen bij "
            "een gemeente zonder gekoppelde instrumenten.\n\n"
            "Gekoppeld: instrumenten met deze gemeente, in elke status. In Zoeken: het aantal "
            "dat werkcoaches in Zoeken zien. Dat zijn alleen gepubliceerde instrumenten, ook "
            "die voor alle gemeenten."
        )
        uitleg.setWordWrap(True)
        # The list is short and narrow: it sits left at a readable width, the actions right.
        self.tabel.setWordWrap(False)
        self.tabel.horizontalHeader().setStretchLastSection(False)
        vaste_kolommen(self.tabel, KOLOM_BREEDTES)
        self.tabel.setFixedWidth(sum(KOLOM_BREEDTES) + 2 * self.tabel.frameWidth() + 20)
        rij = QHBoxLayout()
        rij.addWidget(naam_label)
        self.naam.setMaximumWidth(VELD_MAX_BREEDTE)
        rij.addWidget(self.naam, 1)
        rij.addWidget(self.toevoegen_knop)
        rij.addStretch(0)
        acties = QHBoxLayout()
        acties.addWidget(self.hernoem_knop)
        acties.addWidget(self.verwijder_knop)
        acties.addStretch(1)
        rechts = QVBoxLayout()
        rechts.addWidget(uitleg)
        rechts.addSpacing(8)
        rechts.addLayout(rij)
        rechts.addLayout(acties)
        rechts.addWidget(self.waarom)
        rechts.addWidget(self.samenvatting)
        rechts.addStretch(1)
        lay = QHBoxLayout(self)
        lay.addWidget(self.tabel)
        lay.addLayout(rechts, 1)
        self.naam.returnPressed.connect(self.toevoegen_knop.click)
        self.toevoegen_knop.clicked.connect(self._on_toevoegen)
        self.hernoem_knop.clicked.connect(self._on_hernoem)
        self.verwijder_knop.clicked.connect(self._on_verwijder)
        self.tabel.doubleClicked.connect(lambda _i: self.hernoem_knop.click())
        self.tabel.selectionModel().selectionChanged.connect(self._zet_knoppen)
        self.model.modelReset.connect(self._zet_knoppen)
        if not beheerder:
            self.naam.setEnabled(False)
            for knop in (self.toevoegen_knop, self.hernoem_knop, self.verwijder_knop):
                knop.setToolTip(GEEN_RECHT)
        self._zet_knoppen()
        self.ververs()

    # --- loading ----------------------------------------------------------------------------

    def ververs(self) -> None:
        """Reload the list in the background (only the newest load fills it)."""
        self.lading.start(self.context.beheer.lijst_gemeenten)

    @property
    def laadt(self) -> bool:
        return self.lading.laadt

    def _geladen(self, rijen: list[GemeenteRegel], melding: str = "") -> None:
        gekozen = self.gekozen()
        self.model.zet_rijen(rijen)
        if gekozen is not None:  # the same gemeente stays chosen, also under its new name
            self._kies(lambda r: r.id == gekozen.id)
        zonder = sum(1 for r in rijen if r.aantal_instrumenten == 0)
        self.samenvatting.setText(
            melding
            or f"{len(rijen)} gemeenten"
            + (f", waarvan {zonder} zonder gekoppelde instrumenten." if zonder else ".")
        )

    # --- selection --------------------------------------------------------------------------

    def gekozen(self) -> GemeenteRegel | None:
        """The selected gemeente as listed (with the version it was listed at), or None."""
        rijen = self.tabel.selectionModel().selectedRows()
        regel: GemeenteRegel | None = rijen[0].data(ROL_RIJ) if rijen else None
        return regel

    def kies(self, naam: str) -> bool:
        """Select the gemeente called `naam` (as listed); False when it is not in the list."""
        return self._kies(lambda r: r.naam == naam)

    def _kies(self, past: Callable[[GemeenteRegel], bool]) -> bool:
        for rij in range(self.proxy.rowCount()):
            index = self.proxy.index(rij, COL_NAAM)
            if past(index.data(ROL_RIJ)):
                self.tabel.selectRow(rij)
                self.tabel.scrollTo(index)
                return True
        return False

    def _zet_knoppen(self, *_args: object) -> None:
        regel = self.gekozen()
        mag = self.beheerder and not self.bezig
        self.toevoegen_knop.setEnabled(mag)
        self.hernoem_knop.setEnabled(mag and regel is not None)
        self.verwijder_knop.setEnabled(mag and regel is not None and not regel.aantal_instrumenten)
        if self.beheerder:
            waarom = (
                f"‘{regel.naam}’ hoort bij {regel.aantal_instrumenten} "
                f"{'instrument' if regel.aantal_instrumenten == 1 else 'instrumenten'}. "
                "Verwijderen kan pas als de gemeente bij geen instrument meer hoort. Haal "
                "haar eerst weg bij die instrumenten, of geef haar een nieuwe naam."
                if regel is not None and regel.aantal_instrumenten
                else ""
            )
            self.verwijder_knop.setToolTip(waarom)
            self.waarom.setText(waarom)
            self.waarom.setVisible(bool(waarom))

    # --- changes ----------------------------------------------------------------------------

    def _start(self, werk: Callable[[], object], melding: Callable[[Any], str]) -> None:
        """A change off the GUI thread; then a reload, and the status bar says what happened."""
        self.bezig = True
        self._zet_knoppen()
        taak = self.context.taken.start_functie(
            werk,
            "gemeenten wijzigen",
            bij_klaar=lambda uitslag: self._klaar(melding(uitslag)),
            bij_fout=lambda tekst: self._mislukt(taak.uitzondering or KeuzehulpError(tekst)),
            eigenaar=self,
        )

    def _klaar(self, melding: str) -> None:
        self.bezig = False
        self._zet_knoppen()
        self.samenvatting.setText(melding)
        self.ververs()
        self.context.gebeurtenissen.melding.emit(melding)

    def _mislukt(self, fout: KeuzehulpError) -> None:
        self.bezig = False
        self._zet_knoppen()
        if isinstance(fout, ConflictFout):
            log.info("Gemeente niet opgeslagen: iemand anders was eerder")
            self.ververs()  # the list as it is now: someone else changed it
        meld_fout(self, fout)

    def _on_toevoegen(self) -> None:
        naam = " ".join(self.naam.text().split())
        if not naam:
            meld_fout(self, KeuzehulpError("Typ eerst de naam van de nieuwe gemeente."))
            self.naam.setFocus()
            return
        beheer = self.context.beheer

        def opslaan(reden: str) -> None:
            def klaar(_id: object) -> str:
                if " ".join(self.naam.text().split()) == naam:
                    self.naam.clear()  # only after success: a refused name stays to correct
                return f"Gemeente ‘{naam}’ is toegevoegd."

            self._start(lambda: beheer.voeg_gemeente_toe(naam, reden), klaar)

        vraag_reden(self, f"Gemeente ‘{naam}’ toevoegen", opslaan)

    def _on_hernoem(self) -> None:
        regel = self.gekozen()
        if regel is None:
            meld_fout(self, KeuzehulpError("Kies eerst een gemeente in de lijst."))
            return
        dialoog = HernoemDialoog(self, regel.naam)
        dialoog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        beheer = self.context.beheer

        def opslaan() -> None:
            nieuw, reden = " ".join(dialoog.naam.text().split()), dialoog.reden.text().strip()
            self._start(
                lambda: beheer.hernoem_gemeente(regel.id, nieuw, reden, regel.versie),
                lambda _v: f"Gemeente ‘{regel.naam}’ heet nu ‘{nieuw}’.",
            )

        dialoog.accepted.connect(opslaan)
        dialoog.open()
        self.hernoem_dialoog = dialoog

    def _on_verwijder(self) -> None:
        regel = self.gekozen()
        if regel is None:
            meld_fout(self, KeuzehulpError("Kies eerst een gemeente in de lijst."))
            return
        beheer = self.context.beheer
        vraag_reden(
            self,
            f"Gemeente ‘{regel.naam}’ verwijderen",
            lambda reden: self._start(
                lambda: beheer.verwijder_gemeente(regel.id, reden, regel.versie),
                lambda naam: f"Gemeente ‘{naam}’ is verwijderd.",
            ),
            uitleg="Werkcoaches kunnen deze gemeente dan niet meer kiezen in Zoeken. "
            "Gesprekken houden de naam waarmee is gezocht.",
        )
