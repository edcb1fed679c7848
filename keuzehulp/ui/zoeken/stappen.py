"""The three step pages (route, kenmerken, practical) as layout classes with public widgets."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.ui.zoeken.modellen import KenmerkBoomModel, WaardenModel


def _uitleg(tekst: str) -> QLabel:
    label = QLabel(tekst)
    label.setWordWrap(True)
    return label


def _wisknop(stap: int) -> QPushButton:
    knop = QPushButton(f"Wis stap {stap}")
    knop.setAccessibleName(f"Wis alle keuzes van stap {stap}")
    return knop


class RouteStap(QWidget):
    """Step 1: the Fenger routes with their plain labels and one B1 sentence each."""

    INSTRUCTIE = "Welk soort traject past bij het doel? Kies één of meer."
    INSTRUCTIE_KLANT = "Hoe wil je beginnen? Kies één of meer manieren."

    def __init__(self) -> None:
        super().__init__()
        self.vakjes: dict[str, QCheckBox] = {}
        self.zinnen: dict[str, QLabel] = {}
        self.wis = _wisknop(1)
        self._layout = QVBoxLayout(self)
        self.instructie = _uitleg(self.INSTRUCTIE)
        self._layout.addWidget(self.instructie)
        self._routes = QVBoxLayout()
        self._layout.addLayout(self._routes)
        self._layout.addStretch(1)
        self._layout.addWidget(self.wis, 0, Qt.AlignmentFlag.AlignLeft)

    def zet_klantweergave(self, aan: bool) -> None:
        self.instructie.setText(self.INSTRUCTIE_KLANT if aan else self.INSTRUCTIE)

    def zet_routes(self, routes: list[tuple[str, str, str]]) -> None:
        """(code, label, B1 sentence) per route."""
        while self._routes.count():
            item = self._routes.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.vakjes.clear()
        self.zinnen.clear()
        for code, label, zin in routes:
            vakje = QCheckBox(label)
            vakje.setAccessibleName(label)
            vakje.setAccessibleDescription(zin)
            zin_label = _uitleg(zin)
            zin_label.setContentsMargins(28, 0, 0, 10)
            zin_label.setBuddy(vakje)
            self._routes.addWidget(vakje)
            self._routes.addWidget(zin_label)
            self.vakjes[code] = vakje
            self.zinnen[code] = zin_label


class _OmbreekDelegate(QStyledItemDelegate):
    """Wraps long texts (the client explanations) to the width of the first column.

    Sizes are cached per text, width and font: counts change on every click and the tree
    asks again for every row, which must stay cheap.
    """

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._cache: dict[tuple[str, int, str], QSize] = {}

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if index.column() != 0:
            return super().sizeHint(option, index)
        diepte = 0
        ouder = index.parent()
        while ouder.isValid():
            diepte += 1
            ouder = ouder.parent()
        kolom = self._view.header().sectionSize(0)
        breedte = max(kolom - self._view.indentation() * (diepte + 1) - 40, 80)
        tekst = str(index.data() or "")
        sleutel = (tekst, breedte, option.font.key())
        grootte = self._cache.get(sleutel)
        if grootte is None:
            basis = super().sizeHint(option, index)
            vak = option.fontMetrics.boundingRect(
                QRect(0, 0, breedte, 100000), Qt.TextFlag.TextWordWrap, tekst
            )
            grootte = QSize(basis.width(), max(basis.height(), vak.height() + 8))
            self._cache[sleutel] = grootte
        return grootte


class KenmerkStap(QWidget):
    """Step 2: the five groups with their derived kenmerken as a checkable tree."""

    INSTRUCTIE = (
        "Wat wil de klant verbeteren? Kies in één of meer groepen. Een groep kiezen "
        "betekent: alles wat eronder valt. Spatie zet een vinkje."
    )
    INSTRUCTIE_KLANT = "Wat wil je beter kunnen? Zet een vinkje bij wat past."

    def __init__(self, model: KenmerkBoomModel) -> None:
        super().__init__()
        self.boom = QTreeView()
        self.boom.setModel(model)
        self.boom.setAccessibleName("Kenmerken van de klant")
        self.boom.setWordWrap(True)
        self.boom.setUniformRowHeights(False)
        self.boom.setItemDelegate(_OmbreekDelegate(self.boom))
        self.boom.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        kop = self.boom.header()
        kop.setAccessibleName("Kolommen van de kenmerken")
        kop.setStretchLastSection(False)
        kop.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed, not ResizeToContents: that would ask every row's size on each count change.
        kop.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.pas_kolommen_aan()
        kop.sectionResized.connect(lambda *_: self.boom.doItemsLayout())
        self.uitleg = _uitleg("")
        self.uitleg.setAccessibleName("Uitleg bij het kenmerk")
        self.uitleg.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.wis = _wisknop(2)
        layout = QVBoxLayout(self)
        self.instructie = _uitleg(self.INSTRUCTIE)
        layout.addWidget(self.instructie)
        layout.addWidget(self.boom, 1)
        layout.addWidget(self.uitleg)
        layout.addWidget(self.wis, 0, Qt.AlignmentFlag.AlignLeft)

    def zet_klantweergave(self, aan: bool) -> None:
        self.instructie.setText(self.INSTRUCTIE_KLANT if aan else self.INSTRUCTIE)

    def pas_kolommen_aan(self) -> None:
        """Size the count column for the current font (after the client view changes it)."""
        breedte = self.boom.fontMetrics().horizontalAdvance("Aantal") + 24
        self.boom.header().resizeSection(1, breedte)
        self.boom.doItemsLayout()


class PraktischStap(QWidget):
    """Step 3: gemeente, type, evidence, maximum cost per person, and free text."""

    def __init__(
        self, gemeenten: WaardenModel, types: WaardenModel, onderbouwing: WaardenModel
    ) -> None:
        super().__init__()
        self.tekst = QLineEdit()
        self.tekst.setPlaceholderText("Zoek in naam en omschrijving")
        self.tekst.setClearButtonEnabled(True)
        self.tekst.setAccessibleName("Zoeken in naam en omschrijving")
        self.max_kosten = QLineEdit()
        self.max_kosten.setPlaceholderText("geen maximum, bijv. 1.250")
        self.max_kosten.setAccessibleName("Maximale kosten per persoon in euro")
        self.kosten_fout = QLabel("")
        self.kosten_fout.setStyleSheet("color: #a00000")
        self.kosten_fout.setWordWrap(True)
        self.lijsten: dict[str, QListView] = {}
        formulier = QFormLayout()
        formulier.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Only letters no always-visible control uses (menus, tabs, the Gesprek panel) get a
        # mnemonic; the text field also has Ctrl+F and is the first control of the step.
        formulier.addRow("Tekst:", self.tekst)
        for sleutel, titel, model in (
            ("gemeenten", "Gemeente:", gemeenten),
            ("types", "T&ype:", types),
            ("onderbouwing", "Onderbouwing:", onderbouwing),
        ):
            lijst = QListView()
            lijst.setModel(model)
            lijst.setAccessibleName(titel.replace("&", "").rstrip(":"))
            lijst.setMinimumHeight(80)
            self.lijsten[sleutel] = lijst
            formulier.addRow(titel, lijst)
        self.kosten_rij = QWidget()
        kosten = QHBoxLayout(self.kosten_rij)
        kosten.setContentsMargins(0, 0, 0, 0)
        kosten.addWidget(QLabel("€"))
        kosten.addWidget(self.max_kosten, 1)
        self.kosten_label = QLabel("&Maximale kosten p.p.:")
        self.kosten_label.setBuddy(self.max_kosten)
        formulier.addRow(self.kosten_label, self.kosten_rij)
        formulier.addRow("", self.kosten_fout)
        self.wis = _wisknop(3)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _uitleg("Praktische zaken. Binnen één lijst is elk vinkje een extra optie.")
        )
        layout.addLayout(formulier, 1)
        layout.addWidget(self.wis, 0, Qt.AlignmentFlag.AlignLeft)
