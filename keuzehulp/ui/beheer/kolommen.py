"""Column widths of the beheer tables at laptop size (1366 px), measuring no rows.

Short columns get the width of their header or known values (`tekstbreedte`); the long
text columns share what is left by weight (`KolomVerdeler`), so the table always fills its
width without a horizontal scroll bar. A cut text ends in "…" and its tooltip holds it
whole; in the Oud and Nieuw columns of the log (`VerschilDelegate`) the cut keeps the part
that changed in view ("…team Werk (regio Noord-Oost…" beside "…team Werk"), not the start
the two values share.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from keuzehulp.services.beheer.mutatielog import MutatieRegel
from keuzehulp.ui.beheer.gemeen import ROL_RIJ

MIN_KOLOM = 40  # px: the narrowest a shared column gets on a very narrow window
WOORDEN_ERVOOR = 2  # words of context kept before the changed part of Oud/Nieuw


def tekstbreedte(view: QTableView, teksten: Iterable[str]) -> int:
    """The width (px) of a column that shows the widest of `teksten` on one line."""
    rand = 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
    return max(view.fontMetrics().horizontalAdvance(t) for t in teksten) + rand


def verschil_begin(oud: str, nieuw: str) -> int:
    """The number of characters `oud` and `nieuw` share at their start (where they differ)."""
    gelijk = 0
    for a, b in zip(oud, nieuw, strict=False):  # a log value is a short text
        if a != b:
            break
        gelijk += 1
    return gelijk


def vanaf_verschil(tekst: str, begin: int, woorden: int = WOORDEN_ERVOOR) -> str:
    """`tekst` from the word in which character `begin` lies (where it differs from the
    other value) and `woorden` words before it, with "…" in front when something was left
    off; whole when the change is in its first words. Pure: the delegate cuts the result at
    the end when it is still too long.
    """
    begin = min(max(begin, 0), len(tekst))
    start = tekst.rfind(" ", 0, begin) + 1
    for _ in range(woorden):
        if start <= 0:
            break
        start = tekst.rfind(" ", 0, start - 1) + 1
    return "…" + tekst[start:] if start > 0 else tekst


class VerschilDelegate(QStyledItemDelegate):
    """Paints the Oud or Nieuw cell of a log row (ROL_RIJ: a MutatieRegel) so that a text
    too long for its column shows where old and new differ; a text that fits is untouched."""

    def initStyleOption(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        rij = index.data(ROL_RIJ)
        tekst = option.text
        if not isinstance(rij, MutatieRegel) or not tekst:
            return
        ruimte = option.rect.width() - 12
        if option.fontMetrics.horizontalAdvance(tekst) <= ruimte:
            return
        begin = verschil_begin(rij.oud_getoond or "", rij.nieuw_getoond or "")
        for woorden in range(WOORDEN_ERVOOR, -1, -1):  # as much context as fits
            kort = vanaf_verschil(tekst, begin, woorden)
            if option.fontMetrics.horizontalAdvance(kort) <= ruimte:
                break
        option.text = kort


def zet_verschil_kolommen(view: QTableView, oud: int, nieuw: int) -> None:
    """Let the Oud and Nieuw columns of a log table show the changed part when cut."""
    delegate = VerschilDelegate(view)
    view.setItemDelegateForColumn(oud, delegate)
    view.setItemDelegateForColumn(nieuw, delegate)


def deel_breedte(
    view: QTableView, vast: Mapping[int, Iterable[str]], gewichten: Mapping[int, float]
) -> KolomVerdeler:
    """One line per row; the columns `vast` as wide as the widest of their texts, those in
    `gewichten` share the rest of the width by weight (on every resize of the view)."""
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(MIN_KOLOM)
    for kolom, teksten in vast.items():
        header.resizeSection(kolom, tekstbreedte(view, teksten))
    for kolom in gewichten:
        header.setSectionResizeMode(kolom, QHeaderView.ResizeMode.Fixed)
    verdeler = KolomVerdeler(view, dict(gewichten))
    view.viewport().installEventFilter(verdeler)
    verdeler.verdeel()
    return verdeler


class KolomVerdeler(QObject):
    """Shares a table's width left by its other columns among some columns, by weight.

    Runs on every resize of the view (a window, splitter or panel change), so the columns
    always fill the width and a horizontal scroll bar never appears. Measures no rows.
    """

    def __init__(self, view: QTableView, gewichten: dict[int, float]) -> None:
        super().__init__(view)
        self.view = view
        self.gewichten = gewichten
        # A user who drags a column of their own wider takes the room from the shared ones.
        view.horizontalHeader().sectionResized.connect(self._bij_kolom)

    def _bij_kolom(self, kolom: int, _oud: int, _nieuw: int) -> None:
        if kolom not in self.gewichten:
            self.verdeel()

    def eventFilter(self, gezien: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.verdeel()
        return False

    def verdeel(self) -> None:
        header = self.view.horizontalHeader()
        kolommen = [k for k in self.gewichten if not header.isSectionHidden(k)]
        vast = sum(
            header.sectionSize(k)
            for k in range(header.count())
            if not header.isSectionHidden(k) and k not in self.gewichten
        )
        over = max(self.view.viewport().width() - vast, 0)
        totaal = sum(self.gewichten[k] for k in kolommen) or 1.0
        for i, kolom in enumerate(kolommen):
            breedte = int(over * self.gewichten[kolom] / totaal)
            if i == len(kolommen) - 1:  # the last takes what rounding left
                breedte = over - sum(header.sectionSize(k) for k in kolommen[:-1])
            header.resizeSection(kolom, max(breedte, header.minimumSectionSize()))
