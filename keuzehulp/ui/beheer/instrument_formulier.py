"""The instrument form: every field, with Dutch messages next to the field that is wrong."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.catalogus import ONDERBOUWING_NIVEAUS, InstrumentStatus
from keuzehulp.model.tekst import bedrag, cijfer
from keuzehulp.model.velden import VELDEN, Soort, veldlabel
from keuzehulp.services.bedrag import centen_uit_tekst
from keuzehulp.services.beheer.kenmerken import KenmerkRegel
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, nederlandse_fouten
from keuzehulp.services.leesbaarheid import KLANTVELDEN
from keuzehulp.ui.beheer.uit_tekst import UitTekstRegel
from keuzehulp.ui.beheer.velden import (
    B1Hint,
    KeuzeVeld,
    StartdataVeld,
    getal_of_niets,
    uren_veld,
    weken_veld,
)
from keuzehulp.ui.beheer.vinklijst import Vinkjes

TYPES = ("Diagnose en onderzoek", "Training", "Cursus", "Coaching", "Activering", "Bemiddeling")
# One-line and long texts, read and written as they are (model/velden.py); the other fields
# have widgets that parse (money, grades, choices, lists).
REGELS = tuple(v.naam for v in VELDEN if v.soort in (Soort.TEKST, Soort.LINK) and v.invoer)
TEKSTEN = tuple(v.naam for v in VELDEN if v.soort is Soort.LANGE_TEKST and v.invoer)


def lees_kosten(tekst: str) -> tuple[int | None, str | None]:
    """(cents, text) of the Kosten field, read by services.bedrag (the import's reader too).

    `€ 1.250,–`, `12 euro`, `gratis`, `kosteloos` are amounts; a text such as `op aanvraag`
    is kept as text. Raises ValueError (Dutch) for a negative amount or a short text with
    digits that is no amount.
    """
    tekst = tekst.strip()
    if not tekst:
        return None, None
    centen = centen_uit_tekst(tekst)
    if centen is not None:
        if centen < 0:
            raise ValueError("kosten kunnen niet negatief zijn")
        return centen, None
    if re.search(r"\d", tekst) and len(tekst) < 15:
        raise ValueError("schrijf een bedrag als € 1.250,00, of een tekst zoals ‘op aanvraag’")
    return None, tekst


def lees_kosten_klant(tekst: str) -> int | None:
    """What the client pays: '0', 'gratis', '€ 25,00' -> cents; empty is unknown (None)."""
    centen, rest = lees_kosten(tekst)
    if rest is not None:
        raise ValueError("schrijf een bedrag, zoals gratis of € 25,00; leeg betekent onbekend")
    return centen


def lees_cijfer(tekst: str) -> float | None:
    tekst = tekst.strip()
    if not tekst:
        return None
    try:
        return float(tekst.replace(",", "."))
    except ValueError:
        raise ValueError("moet een cijfer van 1 tot en met 10 zijn, zoals 7,5") from None


class InstrumentFormulier(QWidget):
    """Edits InstrumentGegevens; `gewijzigd` fires on every edit, `fouten` holds the problems."""

    gewijzigd = Signal()

    def __init__(
        self,
        routes: list[tuple[str, str]],
        kenmerken: list[KenmerkRegel],
        gemeenten: list[str],
        *,
        in_stappen: bool = False,
    ) -> None:
        """`in_stappen`: build only the first rows now; `bouw_stap()` builds the next ones
        (a few rows, some 10 ms each), `bouw_af()` the rest. Use the form once built."""
        super().__init__()
        self._stappen: Iterator[None] | None = self._bouw(routes, kenmerken, gemeenten)
        self.bouw_stap()
        if not in_stappen:
            self.bouw_af()

    def bouw_stap(self) -> bool:
        """Build the next few rows; True when the form is complete."""
        if self._stappen is None:
            return True
        if next(self._stappen, True) is True:
            self._stappen = None
            return True
        return False

    def bouw_af(self) -> None:
        """Build whatever rows are still missing."""
        while not self.bouw_stap():
            pass

    def _bouw(
        self, routes: list[tuple[str, str]], kenmerken: list[KenmerkRegel], gemeenten: list[str]
    ) -> Iterator[None]:
        self.status = InstrumentStatus.CONCEPT
        self.velden: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        self.foutlabels: dict[str, QLabel] = {}
        self.b1: dict[str, B1Hint] = {}  # B1 warnings under every client-visible text
        self.fouten: dict[str, str] = {}
        form = QFormLayout(self)
        # Never squeeze rows below their size (fixed-height lists would overlap otherwise).
        form.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def rij(veld: str, widget: QWidget) -> None:
            label = QLabel(f"{veldlabel(veld)}:")
            label.setBuddy(widget)
            widget.setAccessibleName(veldlabel(veld))
            fout = QLabel()
            fout.setObjectName(f"fout_{veld}")
            fout.setStyleSheet("color: #a00000;")
            fout.setWordWrap(True)
            fout.setVisible(False)
            self.foutlabels[veld] = fout
            kolom = QVBoxLayout()
            kolom.setSpacing(2)
            kolom.addWidget(widget)
            kolom.addWidget(fout)
            if veld in KLANTVELDEN and isinstance(widget, QPlainTextEdit):
                hint = B1Hint(veldlabel(veld))
                widget.textChanged.connect(lambda: hint.controleer(widget.toPlainText()))
                self.b1[veld] = hint
                kolom.addWidget(hint)
            form.addRow(label, kolom)

        def regel(veld: str) -> QLineEdit:
            w = QLineEdit()
            w.textChanged.connect(self.gewijzigd)
            self.velden[veld] = w
            return w

        def tekst(veld: str) -> QPlainTextEdit:
            w = QPlainTextEdit()
            w.setTabChangesFocus(True)
            w.setFixedHeight(54)
            w.textChanged.connect(self.gewijzigd)
            self.velden[veld] = w
            return w

        rij("naam", regel("naam"))
        type_ = QComboBox()
        type_.setEditable(True)
        type_.addItems(["", *TYPES])
        type_.currentTextChanged.connect(self.gewijzigd)
        self.velden["type"] = type_
        rij("type", type_)
        rij("uitvoerder", regel("uitvoerder"))
        rij("omschrijving", tekst("omschrijving"))
        yield

        self.routes: dict[str, QCheckBox] = {}
        routes_box = QWidget()
        self._routes_lay = QVBoxLayout(
            routes_box
        )  # stacked: the form fits beside the list at 1366 px
        self._routes_lay.setContentsMargins(0, 0, 0, 0)
        self._routes_lay.setSpacing(2)
        rij("routes", routes_box)

        self.kenmerken = QListWidget()
        self.kenmerken.setFixedHeight(150)
        self.kenmerk_vinkjes = Vinkjes(
            self.kenmerken, lambda i: str(i.data(Qt.ItemDataRole.UserRole))
        )
        self.zet_kenmerken(kenmerken)
        self.kenmerken.itemChanged.connect(self.gewijzigd)
        rij("kenmerken", self.kenmerken)

        self.alle_gemeenten = QCheckBox("Alle gemeenten")
        self.alle_gemeenten.toggled.connect(self.gewijzigd)
        self.gemeenten = QListWidget()
        self.gemeenten.setFixedHeight(90)
        self.gemeente_vinkjes = Vinkjes(self.gemeenten, QListWidgetItem.text)
        self.zet_keuzen(routes, gemeenten)
        self.gemeenten.itemChanged.connect(self.gewijzigd)
        self.alle_gemeenten.toggled.connect(lambda aan: self.gemeenten.setEnabled(not aan))
        gem = QWidget()
        gem_lay = QVBoxLayout(gem)
        gem_lay.setContentsMargins(0, 0, 0, 0)
        gem_lay.addWidget(self.alle_gemeenten)
        gem_lay.addWidget(self.gemeenten)
        rij("gemeenten", gem)
        yield

        rij("adres", regel("adres"))
        for veld in ("doelgroep", "doel", "instroomeis"):
            rij(veld, tekst(veld))
        self.nederlands = KeuzeVeld([("ja, goed Nederlands nodig", True), ("nee", False)])
        rij("nederlands_nodig", self.nederlands)
        for veld in ("omvang_duur", "beschikbaarheid"):
            rij(veld, tekst(veld))
        self.duur = weken_veld()
        rij("duur_weken", self.duur)
        self.uren = uren_veld()
        rij("uren_per_week", self.uren)
        self.start = KeuzeVeld(
            [("doorlopend (altijd beginnen)", "doorlopend"), ("vaste data", "vaste_data")]
        )
        rij("start_soort", self.start)
        self.startdata = StartdataVeld()
        rij("startdata", self.startdata)
        yield
        self.uit_tekst = UitTekstRegel(self)
        form.addRow("", self.uit_tekst)
        rij("kosten_centen", regel("kosten_centen"))
        self.velden["kosten_centen"].setPlaceholderText("€ 1.250,00, gratis of op aanvraag")
        rij("kosten_klant_centen", regel("kosten_klant_centen"))
        self.velden["kosten_klant_centen"].setPlaceholderText(
            "wat de klant zelf betaalt: gratis of € 25,00; leeg is onbekend"
        )
        rij("werkwijze", tekst("werkwijze"))
        self.groepsvorm = KeuzeVeld(
            [("individueel (alleen)", "individueel"), ("in een groep", "groep"), ("beide", "beide")]
        )
        rij("groepsvorm", self.groepsvorm)
        yield
        for veld in ("aanmelding", "bijzonderheden"):
            rij(veld, tekst(veld))
        rij("rol_werkzoekende", tekst("rol_werkzoekende"))
        for keuze in (self.nederlands, self.start, self.groepsvorm):
            keuze.currentIndexChanged.connect(self.gewijzigd)
        self.duur.valueChanged.connect(self.gewijzigd)
        self.uren.valueChanged.connect(self.gewijzigd)
        self.startdata.gewijzigd.connect(self.gewijzigd)
        self.start.currentIndexChanged.connect(self._zet_startdata_aan)
        self._zet_startdata_aan()
        self.gewijzigd.connect(self.uit_tekst.ververs)
        for veld in ("waardering_professionals", "waardering_werkzoekende"):
            rij(veld, regel(veld))
            self.velden[veld].setPlaceholderText("cijfer van 1 tot en met 10, zoals 7,5")
        onderbouwing = QComboBox()
        onderbouwing.addItems(["", *ONDERBOUWING_NIVEAUS])
        onderbouwing.currentTextChanged.connect(self.gewijzigd)
        self.velden["onderbouwing"] = onderbouwing
        rij("onderbouwing", onderbouwing)
        for veld in ("regiehouder", "link", "overleg_met"):
            rij(veld, regel(veld))

    def zet_keuzen(self, routes: list[tuple[str, str]], gemeenten: list[str]) -> None:
        """(Re)build the route check boxes and the gemeenten list; keeps what was ticked.

        `routes` holds (code, name) in the Fenger order; the editor fills these in once the
        background load has read them, so building the form needs no database.
        """
        if [(code, cb.text()) for code, cb in self.routes.items()] != routes:
            self._zet_routes(routes)
        if self.gemeente_vinkjes.volgorde != gemeenten:
            self._zet_gemeenten(gemeenten)

    def _zet_routes(self, routes: list[tuple[str, str]]) -> None:
        aan_routes = {code for code, cb in self.routes.items() if cb.isChecked()}
        for cb in self.routes.values():
            self._routes_lay.removeWidget(cb)
            cb.deleteLater()
        self.routes = {}
        for code, naam in routes:
            cb = QCheckBox(naam)
            cb.setAccessibleName(f"Route {naam}")
            cb.setChecked(code in aan_routes)
            cb.toggled.connect(self.gewijzigd)
            self.routes[code] = cb
            self._routes_lay.addWidget(cb)

    def _zet_gemeenten(self, gemeenten: list[str]) -> None:
        aan_gemeenten = set(self.gemeente_vinkjes.aan)
        self.gemeenten.blockSignals(True)
        self.gemeenten.clear()
        items: list[tuple[str, QListWidgetItem]] = []
        for naam in gemeenten:
            item = QListWidgetItem(naam)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            aan = naam in aan_gemeenten
            item.setCheckState(Qt.CheckState.Checked if aan else Qt.CheckState.Unchecked)
            self.gemeenten.addItem(item)
            items.append((naam, item))
        self.gemeenten.blockSignals(False)
        self.gemeente_vinkjes.neem_over(items, aan_gemeenten)

    def zet_kenmerken(self, kenmerken: list[KenmerkRegel]) -> None:
        """(Re)build the checkable kenmerken list; keeps what was ticked."""
        aangevinkt = set(self.kenmerk_vinkjes.aan)
        self.kenmerken.blockSignals(True)
        self.kenmerken.clear()
        items: list[tuple[str, QListWidgetItem]] = []
        for k in kenmerken:
            if not k.actief:
                continue
            item = QListWidgetItem(("    " * (k.diepte - 1)) + f"{k.code} {k.naam}")
            item.setData(Qt.ItemDataRole.UserRole, k.code)
            if k.parent_code is None:  # groups are not tagged directly
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                aan = k.code in aangevinkt
                item.setCheckState(Qt.CheckState.Checked if aan else Qt.CheckState.Unchecked)
                items.append((k.code, item))
            self.kenmerken.addItem(item)
        self.kenmerken.blockSignals(False)
        self.kenmerk_vinkjes.neem_over(items, aangevinkt)

    # --- reading and writing values -------------------------------------------------------

    def _tekst(self, veld: str) -> str:
        w = self.velden[veld]
        if isinstance(w, QLineEdit):
            return w.text()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        return w.currentText()

    def _zet(self, veld: str, waarde: str) -> None:
        """Put `waarde` in the field, only when it differs (a text edit re-lays out its
        whole document, and every B1 hint and the parser row would check again)."""
        if self._tekst(veld) == waarde:
            return
        w = self.velden[veld]
        if isinstance(w, QLineEdit):
            w.setText(waarde)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(waarde)
        else:
            w.setCurrentText(waarde)

    def _zet_startdata_aan(self) -> None:
        """Start dates belong to 'vaste data' only: otherwise the field is emptied and off."""
        vast = self.start.waarde() == "vaste_data"
        if not vast:
            self.startdata.zet(None)
        self.startdata.setEnabled(vast)

    def zet_gegevens(self, g: InstrumentGegevens) -> None:
        """Show `g`. Only fields that differ are set, and `gewijzigd` fires only when the
        form changed: showing what was just saved costs about a millisecond."""
        fouten = self.fouten
        voor = self.waarden()
        self.fouten = fouten
        self.blockSignals(True)
        self.status = g.status
        for veld in (*REGELS, *TEKSTEN, "onderbouwing"):
            self._zet(veld, getattr(g, veld) or "")
        if g.kosten_centen is not None:
            self._zet("kosten_centen", bedrag(g.kosten_centen))
        else:
            self._zet("kosten_centen", g.kosten_tekst or "")
        klant = g.kosten_klant_centen
        self._zet(
            "kosten_klant_centen",
            "" if klant is None else ("gratis" if klant == 0 else bedrag(klant)),
        )
        self.zet_omvang(g.duur_weken, g.uren_per_week, g.start_soort, g.startdata)
        self.nederlands.zet(g.nederlands_nodig)
        self.groepsvorm.zet(g.groepsvorm)
        for veld in ("waardering_professionals", "waardering_werkzoekende"):
            w = getattr(g, veld)
            self._zet(veld, cijfer(w) if w is not None else "")
        for code, cb in self.routes.items():
            cb.setChecked(code in g.routes)
        self.kenmerk_vinkjes.zet(g.kenmerken)  # touches only the items that change
        self.alle_gemeenten.setChecked(g.alle_gemeenten)
        self.gemeente_vinkjes.zet(g.gemeenten)
        self.blockSignals(False)
        na = self.waarden()
        self.fouten = fouten
        if na != voor:
            self.gewijzigd.emit()  # the parser row (uit_tekst) follows on this signal

    def zet_omvang(
        self,
        duur: int | None,
        uren: float | None,
        start: str | None,
        startdata: str | None,
    ) -> None:
        """Set the structured duration fields (None shows "onbekend")."""
        self.duur.setValue(duur or 0)
        self.uren.setValue(uren or 0.0)
        self.start.zet(start)
        self.startdata.zet(startdata)

    def omvang(self) -> tuple[int | None, float | None, str | None, str | None]:
        """(duur_weken, uren_per_week, start_soort, startdata) as the form shows them now."""
        duur = getal_of_niets(self.duur)
        try:
            datums = self.startdata.waarde()
        except ValueError:
            datums = None
        start = self.start.waarde()
        return (
            int(duur) if duur is not None else None,
            getal_of_niets(self.uren),
            start if isinstance(start, str) else None,
            datums if start == "vaste_data" else None,
        )

    def waarden(self) -> dict[str, Any]:
        """The form as raw values; parse problems go to `self.fouten`."""
        self.fouten = {}
        w: dict[str, Any] = {veld: self._tekst(veld) for veld in (*REGELS, *TEKSTEN)}
        w["onderbouwing"] = self._tekst("onderbouwing") or None
        w["status"] = self.status
        try:
            w["kosten_centen"], w["kosten_tekst"] = lees_kosten(self._tekst("kosten_centen"))
        except ValueError as fout:
            self.fouten["kosten_centen"] = str(fout)
        for veld in ("waardering_professionals", "waardering_werkzoekende"):
            try:
                w[veld] = lees_cijfer(self._tekst(veld))
            except ValueError as fout:
                self.fouten[veld] = str(fout)
        try:
            w["kosten_klant_centen"] = lees_kosten_klant(self._tekst("kosten_klant_centen"))
        except ValueError as fout:
            self.fouten["kosten_klant_centen"] = str(fout)
        w["duur_weken"], w["uren_per_week"], w["start_soort"], _ = self.omvang()
        if w["start_soort"] == "vaste_data":
            try:
                w["startdata"] = self.startdata.waarde()
            except ValueError as fout:
                self.fouten["startdata"] = str(fout)
        w["nederlands_nodig"] = self.nederlands.waarde()
        w["groepsvorm"] = self.groepsvorm.waarde()
        w["routes"] = tuple(code for code, cb in self.routes.items() if cb.isChecked())
        w["kenmerken"] = self.kenmerk_vinkjes.aangevinkt()
        w["alle_gemeenten"] = self.alle_gemeenten.isChecked()
        w["gemeenten"] = () if w["alle_gemeenten"] else self.gemeente_vinkjes.aangevinkt()
        return w

    def gegevens(self) -> InstrumentGegevens | None:
        """The validated values, or None with every problem shown next to its field."""
        w = self.waarden()
        resultaat: InstrumentGegevens | None = None
        try:
            resultaat = InstrumentGegevens(**{k: v for k, v in w.items() if k not in self.fouten})
        except ValidationError as fout:
            per_label = {veldlabel(v): v for v in self.foutlabels}
            per_label[veldlabel("kosten_tekst")] = "kosten_centen"
            for veldnaam, melding in nederlandse_fouten(fout):
                self.fouten.setdefault(per_label.get(veldnaam, "naam"), melding)
        if not w["naam"].strip():
            self.fouten["naam"] = "een instrument heeft een naam nodig"
        for veld, label in self.foutlabels.items():
            label.setText(self.fouten.get(veld, ""))
            label.setVisible(veld in self.fouten)
        return None if self.fouten else resultaat
