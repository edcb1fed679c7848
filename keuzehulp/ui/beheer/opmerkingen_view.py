"""The Opmerkingen list in Beheer: remarks from terugblikken for each instrument's regiehouder.

Filter by regiehouder and status; a beheerder moves the selected remarks to "besproken" or
"verwerkt" (recorded with who and when, and in the mutation log); export what is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.model.mutatielog import Wijzigingen
from keuzehulp.model.tekst import datum
from keuzehulp.model.terugblik import OPMERKING_STATUSSEN
from keuzehulp.services.beheer.opmerkingen import (
    GEEN_REGIEHOUDER,
    LOG_BRON,
    STATUS_TEKST,
    OpmerkingFilter,
    OpmerkingRegel,
)
from keuzehulp.ui import bestandsfilters
from keuzehulp.ui.beheer.gemeen import (
    GEEN_RECHT,
    ROL_RIJ,
    Index,
    Kolom,
    NieuwsteLading,
    RijenModel,
    meld_fout,
    smalle_keuzelijst,
)
from keuzehulp.ui.beheer.instrumenten_indeling import tabel
from keuzehulp.ui.beheer.kolommen import tekstbreedte
from keuzehulp.ui.bestandskeuze import kies_exportbestand
from keuzehulp.ui.context import AppContext

# What one load brings: the regiehouders (None when not asked), the rows, counts per status.
_Lading = tuple[list[str] | None, list[OpmerkingRegel], dict[str, int]]
# What a status change brings back: how many changed, those remarks as now stored, counts.
_Gezet = tuple[int, list[OpmerkingRegel], dict[str, int]]


def _tijd(r: OpmerkingRegel) -> str:
    return datum(r.aangemaakt_op)


def _status(r: OpmerkingRegel) -> str:
    if r.status_gewijzigd_op is None:
        return r.status_tekst
    wanneer = datum(r.status_gewijzigd_op)
    return f"{r.status_tekst} ({wanneer}, {r.status_gewijzigd_door})"


def _kort(tekst: str, lengte: int = 90) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def _volledig(r: OpmerkingRegel) -> str:
    """A remark with everything a regiehouder asks first: when, about what, from whom,
    who owns the instrument and what has been done with it."""
    kop = (
        f"{_tijd(r)} · {r.instrument_naam} · van de {r.van.lower()} · regiehouder: "
        f"{r.regiehouder or '(geen)'} · status: {_status(r)}"
    )
    return f"{kop}\n{r.tekst}"


class OpmerkingTabelModel(RijenModel[OpmerkingRegel]):
    """Remarks, newest first; the full text is in the tooltip and the pane below."""

    KOLOMMEN = (
        Kolom[OpmerkingRegel]("Datum", _tijd),
        Kolom[OpmerkingRegel]("Instrument", lambda r: r.instrument_naam),
        Kolom[OpmerkingRegel]("Regiehouder", lambda r: r.regiehouder or "(geen)"),
        Kolom[OpmerkingRegel]("Van", lambda r: r.van),
        Kolom[OpmerkingRegel]("Opmerking", lambda r: _kort(r.tekst)),
        Kolom[OpmerkingRegel]("Status", _status),
    )
    TEKST_KOLOM = 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and index.isValid()
            and index.column() == self.TEKST_KOLOM
            and 0 <= index.row() < self.rowCount()
        ):
            return self.rij(index.row()).tekst
        return super().data(index, role)

    def werk_bij(
        self, regels: Sequence[OpmerkingRegel], past: Callable[[OpmerkingRegel], bool]
    ) -> None:
        """Replace the shown rows with these newer versions (matched on id; a remark not shown
        is ignored): one dataChanged over the changed rows, then the rows that no longer
        `past` the filter removed (one begin/endRemoveRows per run of adjacent rows). The
        other rows, and the view's selection of them, stay."""
        nieuw = {r.id: r for r in regels}
        if not nieuw:
            return
        gewijzigd: list[int] = []
        weg: list[int] = []
        for nummer, oud in enumerate(self._rijen):
            regel = nieuw.get(oud.id)
            if regel is None:
                continue
            if past(regel):
                self._rijen[nummer] = regel
                gewijzigd.append(nummer)
            else:
                weg.append(nummer)
        if gewijzigd:
            laatste = self.columnCount() - 1
            self.dataChanged.emit(self.index(gewijzigd[0], 0), self.index(gewijzigd[-1], laatste))
        # From the bottom up, so the numbers of the runs still to remove stay right.
        while weg:
            eind = begin = weg.pop()
            while weg and weg[-1] == begin - 1:
                begin = weg.pop()
            self.beginRemoveRows(QModelIndex(), begin, eind)
            del self._rijen[begin : eind + 1]
            self.endRemoveRows()


class OpmerkingenView(QWidget):
    """Everyone may read; only a beheerder changes a status (the service checks it too)."""

    def __init__(self, context: AppContext, beheerder: bool) -> None:
        super().__init__()
        self.context = context
        self.beheerder = beheerder
        self.lading: NieuwsteLading[_Lading] = NieuwsteLading(
            context.taken, self, "opmerkingen laden", self._geladen, self._niet_geladen
        )
        self._na_status = ""  # said before the count once the list has reloaded
        self.aan_het_opslaan = False  # a status change is being written
        # Remarks whose status change this screen started and whose commit has not been
        # announced yet (`eigen_wijziging`): that announcement needs no reload.
        self._eigen: list[frozenset[tuple[str, int | None]]] = []
        self.regiehouder = QComboBox()
        self.regiehouder.setAccessibleName("Filter op regiehouder")
        smalle_keuzelijst(self.regiehouder, 18)
        # The choice that needs no data, shown at once; the names follow after loading.
        self._vul_regiehouders([])
        self.status = QComboBox()
        self.status.setAccessibleName("Filter op status")
        self.status.addItem("Alle statussen", None)
        for code in OPMERKING_STATUSSEN:
            self.status.addItem(STATUS_TEKST[code], code)
        self.status.setCurrentIndex(1)  # what still needs attention: nieuw
        self.export_knop = QPushButton("E&xporteren naar Excel…")
        self.status_knoppen: dict[str, QPushButton] = {}
        for code, tekst in (
            ("besproken", "Markeer als &besproken"),
            ("verwerkt", "Markeer als &verwerkt"),
            ("nieuw", "Terug naar &nieuw"),
        ):
            knop = QPushButton(tekst)
            knop.setAccessibleName(f"Gekozen opmerkingen: status {STATUS_TEKST[code].lower()}")
            knop.clicked.connect(lambda _=False, c=code: self.zet_status(c))
            self.status_knoppen[code] = knop
        self.model = OpmerkingTabelModel(self)
        self.tabel = tabel(self.model, "Opmerkingen")
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # The remark itself gets the room that is left, not the status at the end.
        kop = self.tabel.horizontalHeader()
        kop.setStretchLastSection(False)
        kop.setSectionResizeMode(self.model.TEKST_KOLOM, QHeaderView.ResizeMode.Stretch)
        # Starting widths from the font, not by measuring rows (resizeColumnsToContents asked
        # data() ~10,000 times: 70-200 ms on the GUI thread at 15,000 remarks); the user can
        # still drag them, and a reload keeps what they chose.
        for kolom, teksten in (
            (0, ("30-11-2026",)),
            (1, ("Training sollicitatievaardigheden, Werkzaak",)),
            (2, ("S. Yilmaz (team Participatie)",)),
            (3, ("Coach", "Klant")),
            (5, ("Besproken (30-11-2026, j.jansen)",)),
        ):
            kop.resizeSection(kolom, tekstbreedte(self.tabel, teksten))
        self.volledig = QPlainTextEdit()
        self.volledig.setReadOnly(True)
        self.volledig.setAccessibleName("Volledige tekst van de gekozen opmerking")
        self.volledig.setPlaceholderText("Kies een opmerking om de hele tekst te lezen.")
        self.aantal = QLabel()
        self.aantal.setWordWrap(True)
        self.aantal.setAccessibleName("Aantal opmerkingen")

        filters = QHBoxLayout()
        for label, combo in (("&Regiehouder:", self.regiehouder), ("&Status:", self.status)):
            lab = QLabel(label)
            lab.setBuddy(combo)
            filters.addWidget(lab)
            filters.addWidget(combo)
            filters.addSpacing(12)
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        filters.addStretch(1)  # the filters as wide as their choices, not the whole window
        filters.addWidget(self.export_knop)
        acties = QHBoxLayout()
        for knop in self.status_knoppen.values():
            acties.addWidget(knop)
        acties.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabel)
        splitter.addWidget(self.volledig)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(filters)
        lay.addWidget(splitter, 1)
        lay.addLayout(acties)
        lay.addWidget(self.aantal)
        if not beheerder:
            for knop in self.status_knoppen.values():
                knop.setEnabled(False)
                knop.setToolTip(GEEN_RECHT)

        self.regiehouder.currentIndexChanged.connect(self.toon)
        self.status.currentIndexChanged.connect(self.toon)
        self.tabel.selectionModel().selectionChanged.connect(lambda *_: self._op_selectie())
        self.export_knop.clicked.connect(self._on_export)
        self.ververs()

    # --- showing ---------------------------------------------------------------------------

    def ververs(self) -> None:
        """Reload the regiehouders (instruments may have got one) and the rows, together in
        the background (at 100,000 instruments the regiehouders take a while to read)."""
        self._laad(met_regiehouders=True)

    def _vul_regiehouders(self, namen: list[str]) -> bool:
        """Refill the regiehouder filter; False when the chosen one is no longer there."""
        gekozen = self.regiehouder.currentData()
        self.regiehouder.blockSignals(True)
        self.regiehouder.clear()
        self.regiehouder.addItem("Alle regiehouders", None)
        for naam in namen:
            self.regiehouder.addItem(naam, naam)
        self.regiehouder.addItem("(zonder regiehouder)", GEEN_REGIEHOUDER)
        plek = self.regiehouder.findData(gekozen)
        self.regiehouder.setCurrentIndex(max(0, plek))
        self.regiehouder.blockSignals(False)
        return gekozen is None or plek >= 0

    def filter(self) -> OpmerkingFilter:
        return OpmerkingFilter(
            regiehouder=self.regiehouder.currentData(), status=self.status.currentData()
        )

    def toon(self) -> None:
        """Load the remarks of the chosen filters in the background (at 15,000 remarks that
        takes longer than the GUI thread may stand still); a newer request voids an older."""
        self._laad(met_regiehouders=False)

    @property
    def geladen(self) -> bool:
        """Whether the last requested list is shown (and no status change is on its way)."""
        return not self.lading.laadt and not self.aan_het_opslaan

    def _laad(self, met_regiehouders: bool) -> None:
        filter_, beheer = self.filter(), self.context.beheer
        self.aantal.setText("Bezig met laden…")

        def werk() -> _Lading:
            namen = beheer.regiehouders() if met_regiehouders else None
            return namen, beheer.zoek_opmerkingen(filter_), beheer.tel_opmerkingen()

        self.laad_taak = self.lading.start(werk)

    def _niet_geladen(self, melding: str) -> None:
        self.model.zet_rijen([])
        self.aantal.setText(melding)

    def _geladen(self, uitslag: _Lading) -> None:
        namen, regels, tellingen = uitslag
        if namen is not None and not self._vul_regiehouders(namen):
            self.toon()  # the chosen regiehouder has no remarks any more: show them all
            return
        gekozen = {r.id for r in self.gekozen()}
        self.model.zet_rijen(regels)
        self._toon_aantal(self._na_status, tellingen)
        self._na_status = ""
        # Keep the remarks that were selected (with an "alle statussen" filter they stay).
        keuze = self.tabel.selectionModel()
        vlag = QItemSelectionModel.SelectionFlag
        for rij, r in enumerate(regels):
            if r.id in gekozen:
                keuze.select(self.model.index(rij, 0), vlag.Select | vlag.Rows)
        self._op_selectie()

    def _toon_aantal(self, voorvoegsel: str, tellingen: dict[str, int]) -> None:
        getoond = self.model.rowCount()
        wat = "1 opmerking" if getoond == 1 else f"{getoond} opmerkingen"
        totaal = ", ".join(f"{STATUS_TEKST[c].lower()}: {n}" for c, n in tellingen.items())
        self.aantal.setText(f"{voorvoegsel}{wat} getoond, nieuwste bovenaan. In totaal {totaal}.")

    def gekozen(self) -> list[OpmerkingRegel]:
        model = self.tabel.selectionModel()
        rijen = sorted({i.row() for i in model.selectedRows()}) if model else []
        return [self.model.index(r, 0).data(ROL_RIJ) for r in rijen]

    def _op_selectie(self) -> None:
        gekozen = self.gekozen()
        self.volledig.setPlainText("\n\n".join(_volledig(r) for r in gekozen))
        for knop in self.status_knoppen.values():
            knop.setEnabled(self.beheerder and bool(gekozen))

    # --- changing --------------------------------------------------------------------------

    def zet_status(self, status: str) -> bool:
        """Give the selected remarks this status off the GUI thread (at thousands of remarks
        the write and its log took 140 ms of GUI time), then update those rows in place: the
        worker reads back only the changed remarks and the counts, not the whole list (at
        15,000 remarks the reload cost ~650 ms CPU in workers, starving the GUI thread of the
        GIL; now ~30 ms, `benchmarks/bench_opmerkingen_status.py`). True when the change was
        started; a refusal (KeuzehulpError, Dutch) arrives later as a message box."""
        gekozen = self.gekozen()
        if not gekozen:
            return False
        ids, beheer = frozenset(r.id for r in gekozen), self.context.beheer
        eigen = frozenset(("opmerking", i) for i in ids)
        self._eigen.append(eigen)
        del self._eigen[:-16]  # outside a Beheer tab nobody asks: keep only the latest
        self.aan_het_opslaan = True
        self.aantal.setText("Bezig met opslaan…")
        for knop in self.status_knoppen.values():
            knop.setEnabled(False)

        def werk() -> _Gezet:
            aantal = beheer.zet_opmerking_status(sorted(ids), status)
            regels = beheer.zoek_opmerkingen(OpmerkingFilter(ids=ids))
            return aantal, regels, beheer.tel_opmerkingen()

        self.status_taak = self.context.taken.start_functie(
            werk,
            "opmerkingen bijwerken",
            bij_klaar=lambda uitslag: self._status_gezet(status, eigen, uitslag),
            bij_fout=lambda melding: self._status_niet_gezet(eigen, melding),
            eigenaar=self,
        )
        return True

    def eigen_wijziging(self, wijzigingen: Wijzigingen) -> bool:
        """Whether `wijzigingen` is the announced commit of a status change this screen made
        itself (it updates its rows in place, so the Beheer tab need not reload it). Changes
        by other apps (ids unknown, bron "elders") and any other change are not."""
        if wijzigingen.bron != LOG_BRON or wijzigingen.entiteiten != {"opmerking"}:
            return False
        for eigen in self._eigen:
            if wijzigingen.ids <= eigen:
                self._eigen.remove(eigen)
                return True
        return False

    def _vergeet(self, eigen: frozenset[tuple[str, int | None]], aantal: int) -> None:
        """A change that committed nothing (or failed) is never announced: stop waiting."""
        if aantal == 0 and eigen in self._eigen:
            self._eigen.remove(eigen)

    def _status_gezet(
        self, status: str, eigen: frozenset[tuple[str, int | None]], uitslag: _Gezet
    ) -> None:
        aantal, regels, tellingen = uitslag
        self.aan_het_opslaan = False
        self._vergeet(eigen, aantal)
        wat = "1 opmerking" if aantal == 1 else f"{aantal} opmerkingen"
        melding = f"{wat} op ‘{STATUS_TEKST[status].lower()}’ gezet."
        if self.lading.laadt:
            # A filter changed meanwhile: that load may have read the old statuses.
            self._na_status = melding + " "
            self.toon()
        else:
            # A status change leaves the regiehouder as it was: only the status filter counts.
            gezocht = self.status.currentData()
            self.model.werk_bij(regels, lambda r: gezocht is None or r.status == gezocht)
            self._toon_aantal(melding + " ", tellingen)
            self._op_selectie()
        self.context.gebeurtenissen.melding.emit(melding)

    def _status_niet_gezet(self, eigen: frozenset[tuple[str, int | None]], melding: str) -> None:
        self.aan_het_opslaan = False
        self._vergeet(eigen, 0)
        meld_fout(self, KeuzehulpError(melding))
        self.toon()  # shows the list as it is, and enables the buttons again

    # --- export ----------------------------------------------------------------------------

    def _on_export(self) -> None:
        gekozen = kies_exportbestand(
            self, "Opmerkingen exporteren", "opmerkingen", bestandsfilters.EXCEL
        )
        if gekozen is not None:
            self.exporteer(str(gekozen))

    def exporteer(self, pad: str) -> None:
        """Write what the filters show to `pad` off the GUI thread."""
        if not pad.lower().endswith(".xlsx"):
            pad += ".xlsx"
        filter_, beheer = self.filter(), self.context.beheer
        self.export_knop.setEnabled(False)
        self.aantal.setText("Bezig met exporteren…")
        self.taak = self.context.taken.start_functie(
            lambda: beheer.exporteer_opmerkingen(Path(pad), filter_),
            "opmerkingen exporteren",
            bij_klaar=lambda n: self._export_klaar(f"{n} opmerkingen geschreven naar {pad}."),
            bij_fout=self._export_fout,
            eigenaar=self,
        )

    def _export_klaar(self, melding: str) -> None:
        self.export_knop.setEnabled(True)
        self.aantal.setText(melding)
        self.context.gebeurtenissen.melding.emit(melding)

    def _export_fout(self, melding: str) -> None:
        self.export_knop.setEnabled(True)
        self.aantal.setText("Exporteren is mislukt.")
        QMessageBox.warning(self, "Exporteren mislukt", melding)
