"""The open-gesprek dialog: find a stored conversation by reference, date, goal or choice.

Also deletes one (after a Dutch "Ja"/"Nee" question) and shows the retention term of the
klantreferentie; a beheerder can change that term here.
"""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.errors import ConflictFout, KeuzehulpError
from keuzehulp.services.diensten import GesprekkenDienst
from keuzehulp.services.gesprek import GesprekRegel
from keuzehulp.services.gesprekarchief import MAX_BEWAARTERMIJN, MIN_BEWAARTERMIJN
from keuzehulp.services.weergave import datum_tekst
from keuzehulp.ui.gesprek.vragen import vraag_ja_nee
from keuzehulp.ui.taken import Takenloper

Index = QModelIndex | QPersistentModelIndex
RIJEN_GEMETEN = 60  # rows measured for the column widths (those in sight and a few more)
MARGE = 20  # px around a cell's text (the style's margins and a little air)
GEMETEN_KOLOMMEN = ("NR", "DATUM", "TIJD", "REFERENTIE", "COACH")  # the rest share the width
GESPREK_ID_ROL = Qt.ItemDataRole.UserRole + 1
ZOEK_HINT = "Zoek op referentie, datum (12-03-2027), maand (03-2027), doel of keuze"


def _maanden(aantal: int) -> str:
    return "1 maand" if aantal == 1 else f"{aantal} maanden"


class Kolom(enum.IntEnum):
    NR = 0
    DATUM = 1
    TIJD = 2
    REFERENTIE = 3
    DOEL = 4
    KEUZE = 5
    COACH = 6


_KOLOMMEN = len(Kolom)
_ROLLEN = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.TextAlignmentRole,
        GESPREK_ID_ROL,
    }
)

KOPPEN = {
    Kolom.NR: "Nr.",
    Kolom.DATUM: "Datum",
    Kolom.TIJD: "Tijd",
    Kolom.REFERENTIE: "Referentie",
    Kolom.DOEL: "Doel",
    Kolom.KEUZE: "Keuze",
    Kolom.COACH: "Coach",
}


class GesprekkenModel(QAbstractTableModel):
    """The found conversations, newest first; dates and times in the computer's time zone."""

    def __init__(self) -> None:
        super().__init__()
        self._regels: list[GesprekRegel] = []
        self._teksten: dict[int, tuple[str, ...]] = {}  # row -> column texts, made when shown

    def zet(self, regels: list[GesprekRegel]) -> None:
        self.beginResetModel()
        self._regels = list(regels)
        self._teksten.clear()
        self.endResetModel()

    def regel(self, rij: int) -> GesprekRegel | None:
        return self._regels[rij] if 0 <= rij < len(self._regels) else None

    def teksten(self, rij: int) -> tuple[str, ...]:
        """The texts of one row, per `Kolom` (as the table shows them)."""
        regel = self._regels[rij]
        return self._rij_teksten(rij, regel)

    def rij_van(self, gesprek_id: int) -> int:
        return next((i for i, r in enumerate(self._regels) if r.id == gesprek_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._regels)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else _KOLOMMEN

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks about ten roles per cell when it measures or paints: the ones this
        # model does not answer return first (measuring the columns called this ~8,000 times).
        if role not in _ROLLEN:
            return None
        regel = self.regel(index.row()) if index.isValid() else None
        kolom = index.column()
        if regel is None or not 0 <= kolom < _KOLOMMEN:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rij_teksten(index.row(), regel)[kolom]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            tekst = self._rij_teksten(index.row(), regel)[kolom]
            return f"{KOPPEN[Kolom(kolom)]}: {tekst or 'leeg'}"
        if role == Qt.ItemDataRole.TextAlignmentRole and kolom in (Kolom.NR, Kolom.TIJD):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == GESPREK_ID_ROL:
            return regel.id
        return None

    def _rij_teksten(self, rij: int, regel: GesprekRegel) -> tuple[str, ...]:
        # The view asks each cell for several roles on every paint: format a row once.
        teksten = self._teksten.get(rij)
        if teksten is None:
            teksten = self._teksten[rij] = tuple(self._tekst(regel, k) for k in Kolom)
        return teksten

    @staticmethod
    def _tekst(regel: GesprekRegel, kolom: Kolom) -> str:
        moment = regel.lokale_tijd
        if kolom is Kolom.NR:
            return str(regel.id)
        if kolom is Kolom.DATUM:
            return f"{moment:%d-%m-%Y}"
        if kolom is Kolom.TIJD:
            return f"{moment:%H:%M}"
        if kolom is Kolom.REFERENTIE:
            return regel.referentie or ""
        if kolom is Kolom.DOEL:
            return regel.doel
        if kolom is Kolom.KEUZE:
            return regel.keuze or "–"
        return regel.coach

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(Kolom)
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        ):
            return KOPPEN[Kolom(section)]
        return None


class GesprekkenDialoog(QDialog):
    """Find, open or delete a stored conversation; `gekozen_id()` after accept."""

    verwijderd = Signal(int)  # gesprek id
    terugblik_bewaard = Signal(int)  # gesprek id

    def __init__(
        self,
        gesprekken: GesprekkenDienst,
        parent: QWidget | None = None,
        *,
        taken: Takenloper | None = None,
    ) -> None:
        """`gesprekken`: the area service of the user who looks; `taken`: search in the
        background (the window's runner); without it, here and now."""
        super().__init__(parent)
        self.gesprekken = gesprekken
        self.service = gesprekken.service()
        self.gebruiker = gesprekken.gebruiker
        self.taken = taken
        self._zoeknummer = 0  # only the newest search's answer is shown
        self._getoond_nummer = 0
        self.setWindowTitle("Gesprek openen")
        self.model = GesprekkenModel()

        self.zoek = QLineEdit()
        self.zoek.setAccessibleName("Zoek een gesprek")
        self.zoek.setPlaceholderText(ZOEK_HINT)
        self.zoek.setClearButtonEnabled(True)
        zoek_label = QLabel("&Zoeken:")
        zoek_label.setBuddy(self.zoek)
        self.aantal = QLabel()
        self.aantal.setAccessibleName("Aantal gevonden gesprekken")
        self.tabel = QTableView()
        self.tabel.setModel(self.model)
        self.tabel.setAccessibleName("Bewaarde gesprekken")
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.verticalHeader().hide()
        self.tabel.setWordWrap(False)
        boven = self.tabel.horizontalHeader()
        # Widths from the texts of the first rows (`_pas_breedtes_aan`), not ResizeToContents:
        # that asks the model about ten roles per cell, again on every selection change.
        boven.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Goal and choice share what is left; the full text is in the tooltip.
        boven.setSectionResizeMode(Kolom.DOEL, QHeaderView.ResizeMode.Stretch)
        boven.setSectionResizeMode(Kolom.KEUZE, QHeaderView.ResizeMode.Stretch)
        self.tabel.doubleClicked.connect(self._open)

        self.knoppen = QDialogButtonBox()
        self.openen = self.knoppen.addButton("&Openen", QDialogButtonBox.ButtonRole.AcceptRole)
        self.verwijder = self.knoppen.addButton(
            "&Verwijderen…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.verwijder.setAccessibleName("Gekozen gesprek verwijderen")
        self.terugblik = self.knoppen.addButton(
            "&Terugblik…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.terugblik.setAccessibleName("Terugblik op het gekozen gesprek")
        self.terugblik.clicked.connect(self.blik_terug)
        self.annuleren = self.knoppen.addButton(
            "&Annuleren", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.openen.clicked.connect(self._open)
        self.verwijder.clicked.connect(self.verwijder_gekozen)
        self.annuleren.clicked.connect(self.reject)

        self.melding = QLabel()
        self.melding.setWordWrap(True)
        self.melding.setAccessibleName("Melding")
        self.termijn_tekst = QLabel()
        self.termijn_tekst.setWordWrap(True)
        self.termijn = QSpinBox()
        self._termijn_versie: int | None = None  # as loaded: a stale save is refused
        self.termijn.setRange(MIN_BEWAARTERMIJN, MAX_BEWAARTERMIJN)
        self.termijn.setSuffix(" maanden")
        self.termijn.valueChanged.connect(
            lambda n: self.termijn.setSuffix(" maand" if n == 1 else " maanden")
        )
        self.termijn.setAccessibleName("Bewaartermijn van de klantreferentie in maanden")
        self.termijn_knop = QPushButton("Termijn &bewaren")
        self.termijn_knop.clicked.connect(self.bewaar_termijn)
        termijn_label = QLabel("Be&waartermijn:")
        termijn_label.setBuddy(self.termijn)
        self.termijn_rij = QWidget()
        rij = QHBoxLayout(self.termijn_rij)
        rij.setContentsMargins(0, 0, 0, 0)
        rij.addWidget(termijn_label)
        rij.addWidget(self.termijn)
        rij.addWidget(self.termijn_knop)
        rij.addStretch(1)

        zoekrij = QHBoxLayout()
        zoekrij.addWidget(zoek_label)
        zoekrij.addWidget(self.zoek, 1)
        zoekrij.addWidget(self.aantal)
        laag = QVBoxLayout(self)
        laag.addLayout(zoekrij)
        laag.addWidget(self.tabel, 1)
        laag.addWidget(self.termijn_tekst)
        laag.addWidget(self.termijn_rij)
        laag.addWidget(self.melding)
        laag.addWidget(self.knoppen)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.ververs)
        self.zoek.textChanged.connect(lambda *_: self._timer.start())
        self.tabel.selectionModel().selectionChanged.connect(lambda *_: self._knoppen_bij())
        self._termijn_laadt = False
        self._pas_breedtes_aan()
        self._laad_termijn()
        self.ververs()
        self.resize(940, 460)

    # --- searching -------------------------------------------------------------------------

    def ververs(self) -> None:
        """Search again with the current text; keep the selected conversation if still found.

        With a runner the search runs off the GUI thread and a newer search wins: the answer
        of an older one that arrives later is dropped.
        """
        self._zoeknummer += 1
        nummer, tekst = self._zoeknummer, self.zoek.text()
        if self.taken is None:
            try:
                self._toon(nummer, tekst, self.service.zoek(tekst))
            except KeuzehulpError as fout:
                self._getoond_nummer = nummer
                self._meld(fout.melding)
            return
        if not self.model.rowCount():
            self.aantal.setText("Gesprekken worden gezocht…")
        self.taken.start_functie(
            lambda: self.service.zoek(tekst),
            "gesprekken zoeken",
            bij_klaar=lambda regels: self._toon(nummer, tekst, regels),
            bij_fout=lambda melding: self._mislukt(nummer, melding),
            eigenaar=self,
        )

    @property
    def laadt(self) -> bool:
        """Whether a search (or the retention term) is on its way."""
        return self._getoond_nummer != self._zoeknummer or self._termijn_laadt

    def _mislukt(self, nummer: int, melding: str) -> None:
        if nummer == self._zoeknummer:
            self._getoond_nummer = nummer
            self._meld(melding)

    def _toon(self, nummer: int, tekst: str, regels: list[GesprekRegel]) -> None:
        if nummer != self._zoeknummer:
            return  # a newer search is on its way
        self._getoond_nummer = nummer
        vorige = self.gekozen_id()
        self.model.zet(regels)
        self._pas_breedtes_aan()
        if not regels:
            leeg = "Er zijn nog geen gesprekken bewaard."
            self.aantal.setText(leeg if not tekst.strip() else "Niets gevonden.")
        else:
            self.aantal.setText("1 gesprek" if len(regels) == 1 else f"{len(regels)} gesprekken")
        rij = self.model.rij_van(vorige) if vorige is not None else -1
        if regels:
            self.tabel.selectRow(max(rij, 0))
        self._knoppen_bij()

    def _pas_breedtes_aan(self) -> None:
        """Number, date, time, reference and coach as wide as their texts in the first
        RIJEN_GEMETEN rows (and their headings); goal and choice share the rest."""
        maat = self.tabel.fontMetrics()
        kop_maat = self.tabel.horizontalHeader().fontMetrics()
        rijen = min(self.model.rowCount(), RIJEN_GEMETEN)
        teksten = [self.model.teksten(r) for r in range(rijen)]
        for naam in GEMETEN_KOLOMMEN:
            kolom = Kolom[naam]
            breedte = max(
                (maat.horizontalAdvance(t[kolom]) for t in teksten),
                default=0,
            )
            kop = kop_maat.horizontalAdvance(KOPPEN[kolom])
            self.tabel.setColumnWidth(kolom, max(breedte, kop) + MARGE)

    def gekozen_id(self) -> int | None:
        model = self.tabel.selectionModel()
        rijen = model.selectedRows() if model is not None else []
        if not rijen:
            return None
        regel = self.model.regel(rijen[0].row())
        return regel.id if regel is not None else None

    def _knoppen_bij(self) -> None:
        gekozen = self.gekozen_id() is not None
        self.openen.setEnabled(gekozen)
        self.verwijder.setEnabled(gekozen)
        regel = self.model.regel(self.model.rij_van(self.gekozen_id() or 0))
        self.terugblik.setEnabled(regel is not None and regel.keuze is not None)

    def _open(self, *_: object) -> None:
        if self.gekozen_id() is not None:
            self.accept()

    def blik_terug(self) -> QDialog | None:
        """Open the terugblik of the selected gesprek (terugblik_dialoog.py)."""
        from keuzehulp.ui.gesprek.terugblik_dialoog import TerugblikDialoog

        gekozen = self.gekozen_id()
        if gekozen is None:
            return None
        dialoog = TerugblikDialoog(
            self.gesprekken.terugblikken(), gekozen, self.gebruiker, taken=self.taken, parent=self
        )
        dialoog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialoog.bewaard.connect(lambda _id: self.terugblik_bewaard.emit(gekozen))
        dialoog.open()
        return dialoog

    # --- deleting --------------------------------------------------------------------------

    def verwijder_gekozen(self) -> bool:
        """Ask "Ja"/"Nee", then delete the selected conversation; True when deleted."""
        gekozen = self.gekozen_id()
        regel = self.model.regel(self.model.rij_van(gekozen)) if gekozen is not None else None
        if regel is None:
            return False
        moment = regel.lokale_tijd
        vraag = (
            f"Wilt u gesprek {regel.id} van {datum_tekst(moment.date())} om {moment:%H:%M} "
            "verwijderen? Het verdwijnt helemaal, ook uit de cijfers. Dit kunt u niet ongedaan "
            "maken."
        )
        if not vraag_ja_nee(self, "Gesprek verwijderen", vraag):
            return False
        try:
            self.service.verwijder(regel.id)
        except KeuzehulpError as fout:
            self._meld(fout.melding)
            return False
        self._meld(f"Gesprek {regel.id} is verwijderd.", fout=False)
        self.verwijderd.emit(regel.id)
        self.ververs()
        return True

    # --- retention -------------------------------------------------------------------------

    def _lees_termijn(self) -> tuple[int, int | None, bool]:
        maanden, versie = self.gesprekken.bewaartermijn_met_versie()
        return maanden, versie, self.gesprekken.is_beheerder()

    def _laad_termijn(self) -> None:
        """The retention term and whether the user may change it: with a runner read off
        the GUI thread (the row to change it stays hidden until then)."""
        if self.taken is None:
            self._toon_termijn()
            return
        self.termijn_rij.setVisible(False)
        self._termijn_laadt = True

        def klaar(termijn: tuple[int, int | None, bool]) -> None:
            self._termijn_laadt = False
            self._zet_termijn(*termijn)

        def fout(melding: str) -> None:
            self._termijn_laadt = False
            self._meld(melding)

        self.taken.start_functie(
            self._lees_termijn, "bewaartermijn lezen", bij_klaar=klaar, bij_fout=fout, eigenaar=self
        )

    def _toon_termijn(self) -> None:
        try:
            termijn = self._lees_termijn()
        except KeuzehulpError as fout:
            self._meld(fout.melding)
            return
        self._zet_termijn(*termijn)

    def _zet_termijn(self, maanden: int, versie: int | None, beheerder: bool) -> None:
        self._termijn_versie = versie
        self.termijn_tekst.setText(
            f"Een klantreferentie wordt na {_maanden(maanden)} gewist. De rest van het gesprek "
            "blijft anoniem bewaard voor de cijfers."
        )
        self.termijn.setValue(maanden)
        self.termijn_rij.setVisible(beheerder)

    def bewaar_termijn(self) -> bool:
        try:
            maanden = self.gesprekken.zet_bewaartermijn(self.termijn.value(), self._termijn_versie)
            gewist = self.gesprekken.pas_bewaartermijn_toe()
        except KeuzehulpError as fout:
            if isinstance(fout, ConflictFout):  # show the term that holds now, keep the input
                gekozen = self.termijn.value()
                self._toon_termijn()
                self.termijn.setValue(gekozen)
            self._meld(fout.melding)
            return False
        self._toon_termijn()
        self.ververs()
        wat = (
            "Er is geen referentie gewist."
            if not gewist
            else (
                "1 oudere referentie is gewist."
                if gewist == 1
                else f"{gewist} oudere referenties zijn gewist."
            )
        )
        self._meld(f"De bewaartermijn is nu {_maanden(maanden)}. {wat}", fout=False)
        return True

    def _meld(self, tekst: str, *, fout: bool = True) -> None:
        self.melding.setStyleSheet(f"color: {'#a4262c' if fout else '#1f4e79'};")
        self.melding.setText(tekst)
