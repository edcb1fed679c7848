"""Item models of the conversation: the shortlist and the side-by-side comparison."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from keuzehulp.services.instrumentdetail import InstrumentDetail
from keuzehulp.services.vergelijking import VergelijkRij, fit_tekst
from keuzehulp.services.wensen import GEEN_FIT, Fit, InstrumentFeiten, WensKeuze, bereken_fit
from keuzehulp.services.zoekvraag import ZoekVraag

Index = QModelIndex | QPersistentModelIndex
INSTRUMENT_ID_ROL = Qt.ItemDataRole.UserRole + 1
VERSCHILT_ROL = Qt.ItemDataRole.UserRole + 2  # comparison: this answer stands out in its row
GEKOZEN_ROL = Qt.ItemDataRole.UserRole + 3  # comparison: this column is the chosen option

VERSCHIL_KLEUR = QColor(255, 236, 168)  # soft yellow: "here the options differ"
GEKOZEN_KLEUR = QColor(206, 234, 206)  # soft green: the chosen option
GEKOZEN_TEKEN = "✔ Gekozen"
LEEG = "–"  # an empty cell (no pro or con written for this option)


@dataclass(frozen=True, slots=True)
class OptieTeksten:
    """What coach and client write about one option: pros and cons in the client's words."""

    goed: str = ""
    minder_goed: str = ""
    notitie: str = ""


VELDEN = tuple(f.name for f in dataclasses.fields(OptieTeksten))


def _markeer(rij: VergelijkRij) -> tuple[bool, ...]:
    """Per cell: does this answer stand out in its row?

    In a row that differs, the answer the most options share (at least two, no tie) is the
    common ground and stays unmarked; every other answer is marked. Without such common
    ground every answer of the row is marked.
    """
    if not rij.verschilt:
        return tuple(False for _ in rij.cellen)
    vormen = [" ".join(c.split()).casefold() for c in rij.cellen]
    telling = Counter(vormen).most_common(2)
    gedeeld = telling[0][1] >= 2 and (len(telling) == 1 or telling[1][1] < telling[0][1])
    return tuple(not gedeeld or v != telling[0][0] for v in vormen)


class KorteLijstModel(QAbstractListModel):
    """The shortlist in order: one row per option, with its fit to the client's wishes."""

    def __init__(self) -> None:
        super().__init__()
        self._opties: list[InstrumentDetail] = []
        self._teksten: dict[int, OptieTeksten] = {}
        # The search with which each option was put on the list (None: not known).
        self._zoekvragen: dict[int, ZoekVraag | None] = {}
        self._wensen: tuple[WensKeuze, ...] = ()
        self._fits: dict[int, Fit] = {}

    @property
    def opties(self) -> list[InstrumentDetail]:
        return list(self._opties)

    def ids(self) -> list[int]:
        return [o.id for o in self._opties]

    def teksten(self, instrument_id: int) -> OptieTeksten:
        return self._teksten.get(instrument_id, OptieTeksten())

    def zoekvraag(self, instrument_id: int) -> ZoekVraag | None:
        """The search on screen when the option was put on the list; None when not known."""
        return self._zoekvragen.get(instrument_id)

    def notitie(self, instrument_id: int) -> str:
        return self.teksten(instrument_id).notitie

    def zet_tekst(self, instrument_id: int, veld: str, tekst: str) -> None:
        """Set `goed`, `minder_goed` or `notitie` of one option."""
        if veld not in VELDEN:
            raise ValueError(veld)
        oud = self.teksten(instrument_id)
        self._teksten[instrument_id] = dataclasses.replace(oud, **{veld: tekst})
        self._gewijzigd(instrument_id)

    def zet_notitie(self, instrument_id: int, tekst: str) -> None:
        self.zet_tekst(instrument_id, "notitie", tekst)

    def fit(self, instrument_id: int) -> Fit:
        """How the option fits the wishes (GEEN_FIT without wishes)."""
        return self._fits.get(instrument_id, GEEN_FIT)

    def zet_wensen(self, wensen: Sequence[WensKeuze]) -> None:
        self._wensen = tuple(wensen)
        self._bereken_fits()
        if self._opties:
            self.dataChanged.emit(self.index(0), self.index(len(self._opties) - 1))

    def zet(
        self,
        opties: list[InstrumentDetail],
        teksten: dict[int, OptieTeksten],
        zoekvragen: Mapping[int, ZoekVraag | None] | None = None,
    ) -> None:
        """Replace the list; `zoekvragen` None keeps each remaining option's search."""
        self.beginResetModel()
        if zoekvragen is None:
            zoekvragen = {o.id: self._zoekvragen.get(o.id) for o in opties}
        self._opties = list(opties)
        self._teksten = dict(teksten)
        self._zoekvragen = dict(zoekvragen)
        self._bereken_fits()
        self.endResetModel()

    def voeg_toe(self, optie: InstrumentDetail, zoekvraag: ZoekVraag | None = None) -> None:
        """Append an option, with the search on screen that found it."""
        rij = len(self._opties)
        self.beginInsertRows(QModelIndex(), rij, rij)
        self._opties.append(optie)
        self._zoekvragen[optie.id] = zoekvraag
        self._fits[optie.id] = self._bereken(optie)
        self.endInsertRows()

    def verwijder(self, rij: int) -> None:
        self.beginRemoveRows(QModelIndex(), rij, rij)
        weg = self._opties.pop(rij)
        self._teksten.pop(weg.id, None)
        self._zoekvragen.pop(weg.id, None)
        self._fits.pop(weg.id, None)
        self.endRemoveRows()

    def verplaats(self, rij: int, naar: int) -> bool:
        if not (0 <= rij < len(self._opties) and 0 <= naar < len(self._opties)) or rij == naar:
            return False
        doel = naar + 1 if naar > rij else naar
        self.beginMoveRows(QModelIndex(), rij, rij, QModelIndex(), doel)
        self._opties.insert(naar, self._opties.pop(rij))
        self.endMoveRows()
        return True

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._opties)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._opties):
            return None
        optie = self._opties[index.row()]
        fit = self.fit(optie.id)
        if role == Qt.ItemDataRole.DisplayRole:
            regel = f"{index.row() + 1}. {optie.naam}"
            return f"{regel}\n{fit.samenvatting}" if fit.aantal else regel
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{index.row() + 1}. {optie.naam}. {fit_tekst(fit)}".strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            uitleg = fit_tekst(fit)
            omschrijving = optie.gegevens.omschrijving or optie.naam
            return f"{omschrijving}\n\n{uitleg}" if uitleg else omschrijving
        if role == INSTRUMENT_ID_ROL:
            return optie.id
        return None

    def _bereken(self, optie: InstrumentDetail) -> Fit:
        if not self._wensen:
            return GEEN_FIT
        return bereken_fit(self._wensen, InstrumentFeiten.van_gegevens(optie.gegevens))

    def _bereken_fits(self) -> None:
        self._fits = {o.id: self._bereken(o) for o in self._opties}

    def _gewijzigd(self, instrument_id: int) -> None:
        if instrument_id in self.ids():
            rij = self.ids().index(instrument_id)
            self.dataChanged.emit(self.index(rij), self.index(rij))


class VergelijkModel(QAbstractTableModel):
    """Rows are the questions a client asks, columns are the options (Option Grid).

    The rows come from the comparison service; the model adds what the view marks: rows whose
    answers differ (VERSCHILT_ROL, a soft yellow) and the chosen column (a soft green).
    """

    teksten_gewijzigd = Signal()  # cells changed in place (same options, same questions)

    def __init__(self) -> None:
        super().__init__()
        self._opties: list[InstrumentDetail] = []
        self._rijen: list[VergelijkRij] = []
        self._keuze: int | None = None
        self._markering: list[tuple[bool, ...]] = []

    def zet(self, opties: Sequence[InstrumentDetail], rijen: Sequence[VergelijkRij]) -> None:
        """New content; the same options and questions only change cells (no reset, so the
        view keeps its scroll position while the coach types a pro or con)."""
        nieuw = list(rijen) if opties else []
        zelfde = [o.id for o in opties] == [o.id for o in self._opties] and [
            r.vraag for r in nieuw
        ] == [r.vraag for r in self._rijen]
        if zelfde and nieuw:
            self._opties = list(opties)
            self._rijen = nieuw
            self._markering = [_markeer(r) for r in nieuw]
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rijen) - 1, len(self._opties) - 1)
            )
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._opties) - 1)
            self.teksten_gewijzigd.emit()
            return
        self.beginResetModel()
        self._opties = list(opties)
        self._rijen = nieuw
        self._markering = [_markeer(r) for r in nieuw]
        self.endResetModel()

    def zet_keuze(self, instrument_id: int | None) -> None:
        """Mark the chosen option's column (None: no choice yet)."""
        if instrument_id == self._keuze:
            return
        self._keuze = instrument_id
        if self._opties:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._opties) - 1)
            if self._rijen:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._rijen) - 1, len(self._opties) - 1)
                )

    @property
    def keuze(self) -> int | None:
        return self._keuze

    @property
    def rijen(self) -> list[VergelijkRij]:
        return list(self._rijen)

    def verschilt(self, rij: int) -> bool:
        """Whether the options' answers in this row differ (the comparison service says)."""
        return 0 <= rij < len(self._rijen) and self._rijen[rij].verschilt

    def sleutel(self, rij: int) -> str:
        """The row's name ("waar", "fit", "notitie" ...), '' outside the rows."""
        return self._rijen[rij].sleutel if 0 <= rij < len(self._rijen) else ""

    def cel_verschilt(self, rij: int, kolom: int) -> bool:
        """Whether this answer stands out in its row (see `_markeer`)."""
        if not 0 <= rij < len(self._markering) or not 0 <= kolom < len(self._opties):
            return False
        return self._markering[rij][kolom]

    def instrument_id(self, kolom: int) -> int | None:
        return self._opties[kolom].id if 0 <= kolom < len(self._opties) else None

    def kolom_van(self, instrument_id: int | None) -> int:
        ids = [o.id for o in self._opties]
        return ids.index(instrument_id) if instrument_id in ids else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rijen)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._opties)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rijen):
            return None
        if not 0 <= index.column() < len(self._opties):
            return None
        rij = self._rijen[index.row()]
        optie = self._opties[index.column()]
        gekozen = optie.id == self._keuze
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return rij.cellen[index.column()] or LEEG
        if role == Qt.ItemDataRole.AccessibleTextRole:
            delen = [optie.naam, rij.vraag, rij.cellen[index.column()] or "leeg"]
            if self.cel_verschilt(index.row(), index.column()):
                delen.append("Hier verschilt het")
            if gekozen:
                delen.append("Dit is de keuze")
            return ". ".join(d.rstrip(".") for d in delen) + "."
        if role == Qt.ItemDataRole.BackgroundRole:
            if gekozen:
                return QBrush(GEKOZEN_KLEUR)
            if self.cel_verschilt(index.row(), index.column()):
                return QBrush(VERSCHIL_KLEUR)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == VERSCHILT_ROL:
            return self.cel_verschilt(index.row(), index.column())
        if role == GEKOZEN_ROL:
            return gekozen
        if role == INSTRUMENT_ID_ROL:
            return optie.id
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._rijen):
                return None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._rijen[section].vraag
            if role == Qt.ItemDataRole.ToolTipRole:
                anders = "De opties verschillen hier." if self.verschilt(section) else ""
                return f"{self._rijen[section].vraag} {anders}".strip()
            return None
        if not 0 <= section < len(self._opties):
            return None
        optie = self._opties[section]
        gekozen = optie.id == self._keuze
        if role == Qt.ItemDataRole.DisplayRole:
            # "Type, provider" on two lines, so long names fit above a column.
            naam = optie.naam.replace(", ", "\n", 1)
            return f"{GEKOZEN_TEKEN}\n{naam}" if gekozen else naam
        if role == Qt.ItemDataRole.ToolTipRole:
            if gekozen:
                return f"{optie.naam}: dit is de keuze"
            return f"{optie.naam}: klik om deze optie te kiezen"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{optie.naam}, gekozen" if gekozen else optie.naam
        if role == Qt.ItemDataRole.BackgroundRole and gekozen:
            return QBrush(GEKOZEN_KLEUR)
        return None
