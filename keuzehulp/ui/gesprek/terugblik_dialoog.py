"""The Terugblik dialog: looking back on a gesprek's chosen instrument (issue 15, item 1).

Two parts. The coach's part: what happened (aangemeld, gestart, afgerond, gestopt and why),
was the goal reached, three marks 1-10 and a remark. The client's part, in B1: a face scale
1-10 and "Wat wil je nog zeggen?". In the client view (F11, also inside this dialog) only the
client's part shows, and nothing of the coach's marks or of other terugblikken.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.model.terugblik import DOEL_BEREIKT, TERUGBLIK_STATUSSEN
from keuzehulp.services.terugblik import (
    DOEL_TEKST,
    REDENEN_STOPPEN,
    STATUS_TEKST,
    TerugblikGegevens,
    TerugblikInvoer,
    TerugblikService,
)
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek.gezichten import GezichtenSchaal, gezicht_icoon
from keuzehulp.ui.gesprek.terugblik_melding import veld_van, voor_klant
from keuzehulp.ui.taken import Takenloper

NIEUW = -1  # list item data of "Nieuwe terugblik"
PRIVACY_KLANT = "Schrijf geen namen, geen BSN en geen geboortedatum."


def _tekst(veld: QPlainTextEdit) -> str | None:
    return veld.toPlainText().strip() or None


class CoachDeel(QWidget):
    """The coach's part: status, reason, goal, three marks and a remark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QComboBox()
        self.status.setAccessibleName("Stand van zaken")
        self.status.addItem("(nog niet bekend)", None)
        for code in TERUGBLIK_STATUSSEN:
            self.status.addItem(STATUS_TEKST[code], code)
        self.reden = QComboBox()
        self.reden.setAccessibleName("Reden van stoppen")
        self.reden.addItem("(kies een reden)", None)
        for code, tekst in REDENEN_STOPPEN.items():
            self.reden.addItem(tekst, code)
        self.doel_groep = QButtonGroup(self)
        doel_rij = QHBoxLayout()
        self.doel_knoppen: dict[str, QRadioButton] = {}
        for nummer, code in enumerate(DOEL_BEREIKT, start=1):
            knop = QRadioButton(DOEL_TEKST[code])
            knop.setAccessibleName(f"Doel bereikt: {DOEL_TEKST[code].lower()}")
            self.doel_groep.addButton(knop, nummer)
            self.doel_knoppen[code] = knop
            doel_rij.addWidget(knop)
        doel_rij.addStretch(1)
        self.cijfers: dict[str, QSpinBox] = {}
        cijfer_rij = QHBoxLayout()
        for veld, label in (
            ("coach_totaal", "&Totaal"),
            ("coach_resultaat", "&Resultaat"),
            ("coach_uitvoering", "&Uitvoering"),
        ):
            vak = QSpinBox()
            vak.setRange(0, 10)
            vak.setSpecialValueText("–")  # 0: not given
            vak.setAccessibleName(f"Cijfer van de coach, {label.strip('&').lower()}, 1 tot 10")
            vak.setMinimumWidth(64)
            lab = QLabel(label)
            lab.setBuddy(vak)
            cijfer_rij.addWidget(lab)
            cijfer_rij.addWidget(vak)
            self.cijfers[veld] = vak
        cijfer_rij.addStretch(1)
        self.opmerking = QPlainTextEdit()
        self.opmerking.setAccessibleName("Opmerking van de coach")
        self.opmerking.setPlaceholderText(
            "Wat ging goed, wat kan beter? Deze opmerking gaat naar de regiehouder van het "
            "instrument. Geen namen, BSN of geboortedatum."
        )
        self.opmerking.setTabChangesFocus(True)
        self.opmerking.setMaximumHeight(160)
        for combo in (self.status, self.reden):
            combo.setMaximumWidth(360)
        buiten = QVBoxLayout(self)
        vorm = QFormLayout()
        buiten.addLayout(vorm)
        buiten.addStretch(1)
        status_label = QLabel("&Stand van zaken:")
        status_label.setBuddy(self.status)
        reden_label = QLabel("&Waarom gestopt:")
        reden_label.setBuddy(self.reden)
        opm_label = QLabel("O&pmerking:")
        opm_label.setBuddy(self.opmerking)
        vorm.addRow(status_label, self.status)
        vorm.addRow(reden_label, self.reden)
        vorm.addRow("Doel bereikt:", doel_rij)
        vorm.addRow("Cijfers (1-10):", cijfer_rij)
        schaal = QLabel("1 is heel slecht, 10 is heel goed; – is niet gegeven.")
        schaal.setWordWrap(True)
        vorm.addRow("", schaal)
        vorm.addRow(opm_label, self.opmerking)
        self.status.currentIndexChanged.connect(lambda *_: self._reden_bij())
        self._reden_bij()

    def _reden_bij(self) -> None:
        gestopt = self.status.currentData() == "gestopt"
        self.reden.setEnabled(gestopt)
        if not gestopt:
            self.reden.setCurrentIndex(0)

    def waarden(self) -> dict[str, object]:
        doel = next((c for c, k in self.doel_knoppen.items() if k.isChecked()), None)
        uit: dict[str, object] = {
            "status": self.status.currentData(),
            "reden_stoppen": self.reden.currentData(),
            "doel_bereikt": doel,
            "coach_opmerking": _tekst(self.opmerking),
        }
        for veld, vak in self.cijfers.items():
            uit[veld] = vak.value() or None
        return uit

    def zet(self, invoer: TerugblikInvoer) -> None:
        self.status.setCurrentIndex(max(0, self.status.findData(invoer.status)))
        self.reden.setCurrentIndex(max(0, self.reden.findData(invoer.reden_stoppen)))
        self.doel_groep.setExclusive(False)
        for code, knop in self.doel_knoppen.items():
            knop.setChecked(code == invoer.doel_bereikt)
        self.doel_groep.setExclusive(True)
        for veld, vak in self.cijfers.items():
            vak.setValue(getattr(invoer, veld) or 0)
        self.opmerking.setPlainText(invoer.coach_opmerking or "")


class KlantDeel(QWidget):
    """The client's part, in B1: a face scale and the client's own words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vraag = QLabel()
        self.vraag.setWordWrap(True)
        letter = self.vraag.font()
        letter.setPointSizeF(letter.pointSizeF() * 1.35)
        letter.setBold(True)
        self.vraag.setFont(letter)
        self.uitleg = QLabel("Kies een gezicht. 1 is heel slecht. 10 is heel goed.")
        self.uitleg.setWordWrap(True)
        self.schaal = GezichtenSchaal("Jouw cijfer, van 1 tot 10")
        self.zeggen_label = QLabel("Wat wil je nog &zeggen?")
        self.zeggen_label.setFont(letter)
        self.zeggen = QPlainTextEdit()
        self.zeggen.setAccessibleName("Wat wil je nog zeggen?")
        self.zeggen.setPlaceholderText(f"Schrijf het hier in je eigen woorden. {PRIVACY_KLANT}")
        self.zeggen.setTabChangesFocus(True)
        tekst_letter = self.zeggen.font()
        tekst_letter.setPointSizeF(tekst_letter.pointSizeF() * 1.2)
        self.zeggen.setFont(tekst_letter)
        self.zeggen_label.setBuddy(self.zeggen)
        self.zeggen.setMaximumHeight(180)
        self.privacy = QLabel(PRIVACY_KLANT)
        self.privacy.setWordWrap(True)
        self.wis = QPushButton("Geen &cijfer")
        self.wis.setAccessibleName("Geen cijfer geven")
        self.wis.clicked.connect(lambda: self.schaal.zet(None))
        onder = QHBoxLayout()
        onder.addWidget(self.uitleg, 1)
        onder.addWidget(self.wis)
        laag = QVBoxLayout(self)
        laag.addWidget(self.vraag)
        laag.addWidget(self.schaal)
        laag.addLayout(onder)
        laag.addSpacing(8)
        laag.addWidget(self.zeggen_label)
        laag.addWidget(self.zeggen)
        laag.addWidget(self.privacy)
        laag.addStretch(1)

    def zet_instrument(self, naam: str) -> None:
        self.vraag.setText(f"Wat vond jij van: {naam}?")

    def waarden(self) -> dict[str, object]:
        return {"client_cijfer": self.schaal.cijfer(), "client_opmerking": _tekst(self.zeggen)}

    def zet(self, invoer: TerugblikInvoer) -> None:
        self.schaal.zet(invoer.client_cijfer)
        self.zeggen.setPlainText(invoer.client_opmerking or "")


class TerugblikDialoog(QDialog):
    """Add a terugblik to a gesprek, or change an earlier one; `bewaard(id)` after saving."""

    bewaard = Signal(int)
    bewaren_mislukt = Signal(str)  # the Dutch message; nothing was stored

    def __init__(
        self,
        service: TerugblikService,
        gesprek_id: int,
        gebruiker: str,
        *,
        klant: bool = False,
        taken: Takenloper | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`taken`: the window's runner for saving (a private one when not given)."""
        super().__init__(parent)
        self.service = service
        self.taken = taken if taken is not None else Takenloper(self)
        self.bewaart = False  # a save runs in the background
        self.gesprek_id = gesprek_id
        self.gebruiker = gebruiker
        self.klant = klant
        self.terugblik_id: int | None = None
        self._terugblikken: dict[int, TerugblikGegevens] = {}
        self.setWindowTitle(f"Terugblik op gesprek {gesprek_id}")
        keuze = service.keuze_van(gesprek_id)
        self.instrument_naam = keuze[1] if keuze else ""

        self.kop = QLabel()
        self.kop.setWordWrap(True)
        self.eerder = QListWidget()
        self.eerder.setAccessibleName("Terugblikken van dit gesprek")
        self.eerder.setIconSize(QSize(32, 32))
        self.eerder.setSpacing(2)
        self.eerder.setMinimumHeight(150)  # "Nieuwe terugblik" and two earlier ones
        self.eerder.setMaximumHeight(190)
        self.eerder_label = QLabel("&Eerdere terugblikken (kies er een om te wijzigen):")
        self.eerder_label.setBuddy(self.eerder)
        self.coach = CoachDeel()
        self.klantdeel = KlantDeel()
        self.klantdeel.zet_instrument(self.instrument_naam)
        self.delen = QTabWidget()
        self.delen.setAccessibleName("Delen van de terugblik")
        self.delen.addTab(self.coach, "Coach")
        self.delen.addTab(self.klantdeel, "Klant")
        self.melding = QLabel()
        self.melding.setWordWrap(True)
        self.melding.setAccessibleName("Melding")
        self.knoppen = QDialogButtonBox()
        self.bewaar_knop = self.knoppen.addButton("&Bewaren", QDialogButtonBox.ButtonRole.ApplyRole)
        self.klant_knop = self.knoppen.addButton(
            "Klant&weergave", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.klant_knop.setCheckable(True)
        self.klant_knop.setToolTip("Alleen het deel voor de klant tonen (F11)")
        self.sluit_knop = self.knoppen.addButton("&Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        self.bewaar_knop.clicked.connect(self.bewaar)
        self.sluit_knop.clicked.connect(self.reject)
        self.klant_knop.toggled.connect(self.zet_klantweergave)
        self.f11 = QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.klant_knop.toggle)

        laag = QVBoxLayout(self)
        laag.addWidget(self.kop)
        laag.addWidget(self.eerder_label)
        laag.addWidget(self.eerder)
        laag.addWidget(self.delen, 1)
        laag.addWidget(self.melding)
        laag.addWidget(self.knoppen)
        self.eerder.currentItemChanged.connect(lambda *_: self._op_keuze())
        self.ververs()
        self.klant_knop.setChecked(klant)
        self.zet_klantweergave(klant)
        self.resize(860, 640)

    # --- the list of terugblikken ----------------------------------------------------------

    def ververs(self, kies: int | None = None) -> None:
        """Reload this gesprek's terugblikken; select `kies` (an id) or "Nieuwe terugblik"."""
        try:
            terugblikken = self.service.lijst(self.gesprek_id)
        except KeuzehulpError as fout:
            self._meld(fout.melding)
            terugblikken = []
        self._toon(terugblikken, kies)

    def _toon(self, terugblikken: list[TerugblikGegevens], kies: int | None) -> None:
        self._terugblikken = {t.id: t for t in terugblikken}
        self.eerder.blockSignals(True)
        self.eerder.clear()
        leeg = QPixmap(32, 32)
        leeg.fill(Qt.GlobalColor.transparent)  # lines up with the faces below
        nieuw = QListWidgetItem(QIcon(leeg), "Nieuwe terugblik toevoegen")
        nieuw.setData(Qt.ItemDataRole.UserRole, NIEUW)
        self.eerder.addItem(nieuw)
        for t in terugblikken:
            item = QListWidgetItem(gezicht_icoon(t.invoer.client_cijfer), self._regel(t))
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setToolTip(self._uitleg(t))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self._regel(t).replace("\n", ", "))
            self.eerder.addItem(item)
        rij = next((i for i, t in enumerate(terugblikken, start=1) if t.id == kies), 0)
        self.eerder.setCurrentRow(rij)
        self.eerder.blockSignals(False)
        self._op_keuze()
        self.bewaar_knop.setEnabled(bool(self.instrument_naam))

    @staticmethod
    def _regel(t: TerugblikGegevens) -> str:
        """Two lines a coach reads at a glance: when, who, what happened and the goal; then
        every mark and which remarks there are (the face is the item's icon)."""
        moment = t.aangemaakt_op.astimezone()
        opmerkingen = [
            wie
            for wie, tekst in (
                ("coach", t.invoer.coach_opmerking),
                ("klant", t.invoer.client_opmerking),
            )
            if tekst
        ]
        extra = f" · opmerking van {' en '.join(opmerkingen)}" if opmerkingen else ""
        return f"{moment:%d-%m-%Y} · {t.coach} · {t.stand}\n{t.cijfers}{extra}"

    @staticmethod
    def _uitleg(t: TerugblikGegevens) -> str:
        """Tooltip: the remarks in full, so a coach need not open the terugblik to read them."""
        delen = [f"<b>{escape(t.stand)}</b>", escape(t.cijfers)]
        if t.invoer.coach_opmerking:
            delen.append(f"<b>Opmerking coach:</b> {escape(t.invoer.coach_opmerking)}")
        if t.invoer.client_opmerking:
            delen.append(f"<b>De klant zei:</b> {escape(t.invoer.client_opmerking)}")
        return "<br>".join(delen)

    def _op_keuze(self) -> None:
        item = self.eerder.currentItem()
        gekozen = item.data(Qt.ItemDataRole.UserRole) if item is not None else NIEUW
        t = self._terugblikken.get(gekozen)
        self.terugblik_id = t.id if t is not None else None
        invoer = t.invoer if t is not None else TerugblikInvoer()
        self.coach.zet(invoer)
        self.klantdeel.zet(invoer)
        self.klantdeel.zet_instrument(t.instrument_naam if t is not None else self.instrument_naam)
        self._zet_kop()

    # --- client view -----------------------------------------------------------------------

    def zet_klantweergave(self, aan: bool) -> None:
        """Client view: only the client's part; no coach marks, no other terugblikken."""
        self.klant = aan
        for widget in (self.eerder, self.eerder_label):
            widget.setVisible(not aan)
        self.delen.setTabVisible(0, not aan)
        self.delen.tabBar().setVisible(not aan)
        if aan:
            self.delen.setCurrentWidget(self.klantdeel)
        self._zet_kop()
        self.melding.clear()

    def _zet_kop(self) -> None:
        if not self.instrument_naam:
            self.kop.setText(
                f"Gesprek {self.gesprek_id} heeft nog geen keuze. Kies eerst samen een "
                "instrument en bewaar het gesprek; daarna kunt u terugblikken."
            )
            return
        t = self._terugblikken.get(self.terugblik_id or NIEUW)
        naam = t.instrument_naam if t is not None else self.instrument_naam
        if self.klant:
            self.kop.setText(f"<b>Terugblik</b>: {escape(naam)}")
            return
        wat = "Nieuwe terugblik" if t is None else "Terugblik wijzigen"
        self.kop.setText(f"<b>{wat}</b> op gesprek {self.gesprek_id}: {escape(naam)}")

    # --- saving ----------------------------------------------------------------------------

    def invoer(self) -> TerugblikInvoer:
        vorig = self._terugblikken.get(self.terugblik_id or NIEUW)
        waarden = {**self.coach.waarden(), **self.klantdeel.waarden()}
        if vorig is not None:
            waarden["instrument_id"] = vorig.instrument_id
        return TerugblikInvoer.model_validate(waarden)

    def bewaar(self) -> None:
        """Store the terugblik (new or changed) in the background; then `bewaard(id)`.

        Wrong input is told at once; a failed save (`bewaren_mislukt`) leaves the dialog open
        with its Dutch message and stores nothing. The buttons wait while it runs.
        """
        if self.bewaart:
            return
        try:
            invoer = self.invoer()
        except KeuzehulpError as fout:
            self._meld(fout.melding)
            self.bewaren_mislukt.emit(fout.melding)
            return
        service, gesprek_id, gebruiker = self.service, self.gesprek_id, self.gebruiker
        terugblik_id = self.terugblik_id

        def werk() -> tuple[TerugblikGegevens, list[TerugblikGegevens]]:
            if terugblik_id is None:
                t = service.voeg_toe(gesprek_id, invoer, gebruiker)
            else:
                t = service.wijzig(terugblik_id, invoer, gebruiker)
            return t, service.lijst(gesprek_id)

        self._zet_bezig(True)
        self.taken.start_functie(
            werk,
            "terugblik bewaren",
            bij_klaar=self._na_bewaren,
            bij_fout=self._bewaren_mislukt,
            eigenaar=self,
        )

    def _zet_bezig(self, aan: bool) -> None:
        self.bewaart = aan
        self.bewaar_knop.setEnabled(not aan and bool(self.instrument_naam))
        self.sluit_knop.setEnabled(not aan)
        self.eerder.setEnabled(not aan)
        if aan:
            self._meld("Bezig met bewaren…", fout=False)

    def reject(self) -> None:
        # Closing (Escape, the window's cross) waits for a running save to land or fail.
        if not self.bewaart:
            super().reject()

    def _na_bewaren(self, uitkomst: tuple[TerugblikGegevens, list[TerugblikGegevens]]) -> None:
        t, terugblikken = uitkomst
        self._zet_bezig(False)
        self._toon(terugblikken, t.id)
        if self.klant:
            self.zet_klantweergave(True)
            self._meld("Dank je wel! Je antwoord is bewaard.", fout=False)
        else:
            self._meld("De terugblik is bewaard. Opmerkingen gaan naar de regiehouder.", fout=False)
        self.bewaard.emit(t.id)

    def _bewaren_mislukt(self, melding: str) -> None:
        self._zet_bezig(False)
        self._meld(melding)
        self.bewaren_mislukt.emit(melding)

    def _meld(self, tekst: str, *, fout: bool = True) -> None:
        if fout:
            tekst = self._wijs_veld_aan(tekst)
        self.melding.setStyleSheet(f"color: {'#a4262c' if fout else '#1f4e79'};")
        self.melding.setText(tekst)

    def _wijs_veld_aan(self, tekst: str) -> str:
        """Open the tab of the field an error is about and put the cursor there; the client
        view gets the client's words (terugblik_melding.py)."""
        waar = veld_van(tekst)
        if waar is not None:
            deel = self.coach if waar[0] == "coach" else self.klantdeel
            if self.delen.isTabVisible(self.delen.indexOf(deel)):
                self.delen.setCurrentWidget(deel)
                veld = getattr(deel, waar[1], None)
                if isinstance(veld, dict):  # the three coach marks: the first one
                    veld = next(iter(veld.values()), None)
                if isinstance(veld, QWidget):
                    veld.setFocus()
        return voor_klant(tekst) if self.klant else tekst


class TerugblikKnop(QPushButton):
    """ "Terugblik…" for the gesprek panel: enabled for a stored gesprek with a choice.

    `klantweergave` tells at the click whether the client view is on (the dialog opens so).
    """

    def __init__(self, context: AppContext, klantweergave: Callable[[], bool]) -> None:
        super().__init__("Te&rugblik…")
        self.context = context
        self.klantweergave = klantweergave
        self.gesprek_id: int | None = None
        self.setAccessibleName("Terugblik op dit gesprek")
        self.setToolTip("Wat is er van de keuze gekomen? Cijfers van coach en klant.")
        self.clicked.connect(self.open)
        self.zet_gesprek(None)

    def zet_gesprek(self, gesprek_id: int | None) -> None:
        """The stored gesprek with a choice now open, or None (new, or without a choice)."""
        self.gesprek_id = gesprek_id
        self.setEnabled(gesprek_id is not None)

    def open(self) -> TerugblikDialoog | None:
        if self.gesprek_id is None:
            return None
        return open_terugblik(
            self.window(), self.context, self.gesprek_id, klant=self.klantweergave()
        )


def open_terugblik(
    parent: QWidget, context: AppContext, gesprek_id: int, *, klant: bool = False
) -> TerugblikDialoog:
    """Open the dialog window-modal (not blocking); a saved terugblik refreshes the figures.

    Ratings shown in search, comparison and PDF come from terugblikken: the save's commit
    raises `catalogus_gewijzigd` itself (`Wijzigingen.raakt_catalogus`), and every screen
    decides what to reload.
    """
    dialoog = TerugblikDialoog(
        context.gesprekken.terugblikken(), gesprek_id, context.gebruiker, klant=klant,
        taken=context.taken, parent=parent,
    )  # fmt: skip
    dialoog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialoog.open()
    return dialoog
