"""The kenmerken editor: the tree, a form for name, client label and both explanations."""

from __future__ import annotations

from collections.abc import Callable
from difflib import SequenceMatcher

from PySide6.QtCore import QItemSelection, QModelIndex, QStringListModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.errors import ConflictFout, KeuzehulpError
from keuzehulp.services.beheer.kenmerken import (
    MAX_LABEL_TEKENS,
    MAX_LABEL_WOORDEN,
    KenmerkRegel,
    PensioenVoorbeeld,
)
from keuzehulp.services.leesbaarheid import adviezen, beoordeel, woorden
from keuzehulp.ui.beheer.gemeen import (
    GEEN_RECHT,
    ROL_RIJ,
    NieuwsteLading,
    knoppen_raster,
    meld_fout,
    smalle_keuzelijst,
    vraag_reden,
)
from keuzehulp.ui.beheer.kenmerken_boom import KenmerkBoomModel
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.onopgeslagen import eerst_bewaard

B1_TIP = "Tip voor de cliënttekst: korte zinnen (hoogstens 15 woorden), gewone woorden, ‘je’."
LABEL_TIP = (
    f"Korte naam voor de cliënt: hoogstens {MAX_LABEL_WOORDEN} gewone woorden, zoals "
    "‘Beter omgaan met stress’. Leeg: de cliënt ziet de naam."
)


class PensioenDialoog(QDialog):
    """Shows what retiring a kenmerk does, and asks for the reason before doing it."""

    def __init__(self, parent: QWidget, voorbeeld: PensioenVoorbeeld) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Kenmerk {voorbeeld.code} niet meer gebruiken")
        uitleg = QLabel(
            f"‘{voorbeeld.code} {voorbeeld.naam}’ gaat uit gebruik"
            + (
                f", samen met {len(voorbeeld.ook_gestopt)} onderliggende kenmerken"
                if voorbeeld.ook_gestopt
                else ""
            )
            + ". Het kenmerk verdwijnt bij de instrumenten hieronder."
            + " Het mutatielog bewaart alles.\n\n"
            + voorbeeld.samenvatting()
        )
        uitleg.setWordWrap(True)
        # A list model, not a widget item per instrument: a kenmerk may sit on thousands.
        self.instrumenten = QListView()
        self.instrumenten.setAccessibleName("Instrumenten die het kenmerk verliezen")
        self.instrumenten.setUniformItemSizes(True)
        self.instrumenten.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.instrumenten.setModel(
            QStringListModel(
                [
                    f"{i.naam}  →  houdt: "
                    + (
                        ", ".join(i.andere_kenmerken)
                        if i.andere_kenmerken
                        else "GEEN kenmerk meer — vul aan"
                    )
                    for i in voorbeeld.instrumenten
                ],
                self,
            )
        )
        self.reden = QLineEdit()
        self.reden.setAccessibleName("Reden")
        reden_label = QLabel("&Reden (komt in het mutatielog):")
        reden_label.setBuddy(self.reden)
        knoppen = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = knoppen.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Niet meer gebruiken")
        self.ok.setEnabled(False)
        knoppen.button(QDialogButtonBox.StandardButton.Cancel).setText("&Annuleren")
        knoppen.accepted.connect(self.accept)
        knoppen.rejected.connect(self.reject)
        self.reden.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        lay = QVBoxLayout(self)
        lay.addWidget(uitleg)
        lay.addWidget(self.instrumenten)
        lay.addWidget(reden_label)
        lay.addWidget(self.reden)
        lay.addWidget(knoppen)
        self.resize(620, 380)


class KenmerkenView(QWidget):
    """Tree left; right the selected kenmerk's name, explanations and parent."""

    def __init__(self, context: AppContext, beheerder: bool) -> None:
        super().__init__()
        self.context = context
        self.beheerder = beheerder
        self.gekozen: KenmerkRegel | None = None
        # The version the form was filled from: a save from an older one is refused.
        self._basis_versie: int | None = None
        self._na_bewaren: Callable[[], None] | None = None  # see bewaar_dan()
        self.lading: NieuwsteLading[list[KenmerkRegel]] = NieuwsteLading(
            context.taken,
            self,
            "kenmerken laden",
            self._geladen,
            lambda melding: self.status.setText(melding),
        )
        self._stil = False  # the tree is being updated: selection changes are not the user's
        self._ouder_keuzen: list[tuple[str, str]] = []  # what the "Valt onder" list offers
        self._te_kiezen: str | None = None  # chosen while the tree was loading
        self._na_laden: Callable[[], None] | None = None  # once the next load is in
        self._telling = ""  # "12 kenmerken in gebruik, ..." under the tree
        self.bezig = False  # a change is being saved in the background
        self.model = KenmerkBoomModel()
        self.boom = QTreeView()
        self.boom.setModel(self.model)
        self.boom.setAccessibleName("Kenmerken")
        self.boom.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.boom.setUniformRowHeights(True)  # laying out 1,000 rows measures none of them
        self.boom.header().setStretchLastSection(False)
        self.boom.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.boom.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel("De kenmerken worden geladen…")
        self.status.setAccessibleName("Status van de kenmerken")

        self.code = QLabel("—")
        self.naam = QLineEdit()
        self.label_client = QLineEdit()
        self.label_client.setMaxLength(MAX_LABEL_TEKENS)
        self.label_client.setPlaceholderText("Beter omgaan met stress")
        self.uitleg = QPlainTextEdit()
        self.uitleg_client = QPlainTextEdit()
        self.ouder = QComboBox()
        for w, naam in (
            (self.naam, "Naam"),
            (self.label_client, "Korte naam voor de cliënt"),
            (self.uitleg, "Uitleg voor de professional"),
            (self.uitleg_client, "Uitleg voor de cliënt (B1)"),
            (self.ouder, "Valt onder"),
        ):
            w.setAccessibleName(naam)
        for w in (self.uitleg, self.uitleg_client):
            w.setTabChangesFocus(True)
        smalle_keuzelijst(self.ouder)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Code:", self.code)
        for label, w in (
            ("&Naam:", self.naam),
            ("&Korte naam voor cliënt:", self.label_client),
            ("&Uitleg (professional):", self.uitleg),
            ("Uitleg voor &cliënt (B1):", self.uitleg_client),
            ("Valt &onder:", self.ouder),
        ):
            lab = QLabel(label)
            lab.setBuddy(w)
            form.addRow(lab, w)
        self.label_hint = QLabel(LABEL_TIP)
        self.label_hint.setWordWrap(True)
        self.label_hint.setAccessibleName("Controle korte naam")
        self.label_client.textChanged.connect(self._controleer_label)
        self.b1_hint = QLabel(B1_TIP)
        self.b1_hint.setWordWrap(True)
        self.b1_hint.setAccessibleName("Controle B1")
        self.uitleg_client.textChanged.connect(self._controleer_b1)
        self.opslaan_knop = QPushButton("Kenmerk op&slaan…")
        self.verplaats_knop = QPushButton("Ver&plaatsen…")
        self.toevoegen_knop = QPushButton("&Als nieuw kenmerk toevoegen…")
        self.stop_knop = QPushButton("Niet m&eer gebruiken…")
        self.heractiveer_knop = QPushButton("&Weer in gebruik nemen…")
        knoppen = knoppen_raster(
            [
                self.opslaan_knop,
                self.verplaats_knop,
                self.toevoegen_knop,
                self.stop_knop,
                self.heractiveer_knop,
            ]
        )
        self.toevoegen_knop.setToolTip(
            "Maakt een nieuw kenmerk met deze naam en uitleg, onder ‘Valt onder’."
        )
        rechts = QWidget()
        rl = QVBoxLayout(rechts)
        rl.addLayout(form)
        rl.addWidget(self.label_hint)
        rl.addWidget(self.b1_hint)
        self.conflict_hint = QLabel()
        self.conflict_hint.setWordWrap(True)
        self.conflict_hint.setAccessibleName("Intussen gewijzigd")
        self.conflict_hint.setStyleSheet("color: #7a4a00;")
        self.nieuw_laden_knop = QPushButton("Opgeslagen gegevens &laden (uw invoer vervalt)")
        self.conflict_hint.hide()
        self.nieuw_laden_knop.hide()
        self.nieuw_laden_knop.clicked.connect(self._on_nieuw_laden)
        rl.addWidget(self.conflict_hint)
        rl.addWidget(self.nieuw_laden_knop)
        rl.addLayout(knoppen)
        rl.addStretch(1)
        links = QWidget()
        ll = QVBoxLayout(links)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.boom, 1)
        ll.addWidget(self.status)
        splitter = QSplitter()
        splitter.addWidget(links)
        splitter.addWidget(rechts)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([460, 700])
        QVBoxLayout(self).addWidget(splitter)

        self.boom.selectionModel().selectionChanged.connect(self._on_selectie)
        self.opslaan_knop.clicked.connect(self._on_opslaan)
        self.verplaats_knop.clicked.connect(self._on_verplaats)
        self.toevoegen_knop.clicked.connect(self._on_toevoegen)
        self.stop_knop.clicked.connect(self._on_stop)
        self.heractiveer_knop.clicked.connect(self._on_heractiveer)
        self._zet_knoppen()
        self.ververs()

    def ververs(self) -> None:
        """Reload the tree in the background; the chosen kenmerk and typed text stay."""
        self.lading.start(self.context.beheer.kenmerken_boom)

    @property
    def laadt(self) -> bool:
        """Whether a load of the tree is still on its way."""
        return self.lading.laadt

    def _geladen(self, regels: list[KenmerkRegel]) -> None:
        code = self._te_kiezen or (self.gekozen.code if self.gekozen else None)
        self._te_kiezen = None
        # Someone else's change reloads the tree; text being typed here stays on screen, with
        # the version it was typed on (after our own save `gekozen` is None: nothing kept).
        onbewaard = self._formulier() if self.heeft_wijzigingen() else None
        basis, hint = self._basis_versie, self.conflict_hint.text()
        eerste = self.model.rowCount() == 0
        self._stil = True  # rows removed or moved may move the selection: not the user
        try:
            geplaatst = self.model.vul(regels)
            if eerste:
                self.boom.expandAll()
            for index in geplaatst:  # a new or moved kenmerk shows its children
                self._klap_uit(index)
        finally:
            self._stil = False
        actief = sum(r.actief for r in regels)
        self._telling = f"{actief} kenmerken in gebruik, {len(regels) - actief} niet meer."
        self.status.setText(self._telling)
        self._vul_ouders(regels)
        self.gekozen = None
        if code:
            self.kies(code)
        if onbewaard is not None and self.gekozen is not None:
            self.naam.setText(onbewaard[0])
            self.uitleg.setPlainText(onbewaard[1])
            self.uitleg_client.setPlainText(onbewaard[2])
            self.label_client.setText(onbewaard[3])
            # Still the version the typing started from: saving it now is refused with who
            # changed it and when, instead of silently overwriting their change.
            self._basis_versie = basis
            self._toon_conflict(hint)
        self._zet_knoppen()
        vervolg, self._na_laden = self._na_laden, None
        if vervolg is not None:
            vervolg()

    def _klap_uit(self, index: QModelIndex) -> None:
        if self.model.hasChildren(index):
            self.boom.expand(index)
            for rij in range(self.model.rowCount(index)):
                self._klap_uit(self.model.index(rij, 0, index))

    def _vul_ouders(self, regels: list[KenmerkRegel]) -> None:
        """The "Valt onder" list: active kenmerken up to level 3. Only entries that changed
        are inserted, removed or renamed (refilling 1,000 entries took ~40 ms)."""
        keuzen = [(r.code, f"{r.code} {r.naam}") for r in regels if r.actief and r.diepte < 3]
        if keuzen == self._ouder_keuzen:
            return
        gekozen = self.ouder.currentData()
        self.ouder.blockSignals(True)
        if self.ouder.count() == 0:
            self.ouder.addItem("(geen: een nieuwe groep)", None)
        verschil = SequenceMatcher(None, self._ouder_keuzen, keuzen, autojunk=False)
        # From the end, so the positions of the entries still to change stay right (+1: the
        # first entry is "(geen: een nieuwe groep)").
        for soort, i1, i2, j1, j2 in reversed(verschil.get_opcodes()):
            if soort == "equal":
                continue
            for _ in range(i1, i2):
                self.ouder.removeItem(i1 + 1)
            for n, (code, tekst) in enumerate(keuzen[j1:j2]):
                self.ouder.insertItem(i1 + 1 + n, tekst, code)
        self._ouder_keuzen = keuzen
        self.ouder.setCurrentIndex(max(0, self.ouder.findData(gekozen)))
        self.ouder.blockSignals(False)

    def kies(self, code: str) -> None:
        """Select the kenmerk `code` (once the tree is in, when it is still loading)."""
        if self.laadt:
            self._te_kiezen = code
            return
        index = self.model.index_van(code)
        if not index.isValid():
            return
        keuze = self.boom.selectionModel()
        if index == self.boom.currentIndex() and keuze.isSelected(index):
            # Already selected (the tree was updated in place): no selection signal comes,
            # so show the kenmerk as stored now unless it is the one being edited.
            if self.gekozen is None or self.gekozen.code != code:
                self._toon(index.data(ROL_RIJ))
        else:
            self.boom.setCurrentIndex(index)
        self.boom.scrollTo(index)

    def _on_selectie(self, geselecteerd: QItemSelection, _oud: QItemSelection) -> None:
        if self._stil:
            return
        indexes = [i for i in geselecteerd.indexes() if i.column() == 0]
        if not indexes:
            return
        r: KenmerkRegel = indexes[0].data(ROL_RIJ)
        if self.gekozen is not None and self.heeft_wijzigingen():
            if r.code != self.gekozen.code:
                # The open kenmerk stays chosen until the user has answered the question.
                oud, nieuw = self.gekozen.code, r.code
                self.kies(oud)
                eerst_bewaard(self, [self], lambda: self._kies_zonder_vraag(nieuw))
            return
        self._toon(r)

    def _toon(self, r: KenmerkRegel) -> None:
        """Fill the form with a kenmerk as stored (version included)."""
        self.gekozen = r
        self._basis_versie = r.versie
        self._toon_conflict("")
        self.code.setText(r.code)
        self.naam.setText(r.naam)
        self.label_client.setText(r.label_client)
        self.uitleg.setPlainText(r.uitleg)
        self.uitleg_client.setPlainText(r.uitleg_client)
        self.ouder.setCurrentIndex(max(0, self.ouder.findData(r.parent_code)))
        self._zet_knoppen()

    # --- unsaved changes (ui/onopgeslagen.py) -----------------------------------------------

    def _formulier(self) -> tuple[str, str, str, str]:
        """Name, explanation, client explanation and client label as they would be saved."""
        return (
            self.naam.text().strip(),
            self.uitleg.toPlainText().strip(),
            self.uitleg_client.toPlainText().strip(),
            " ".join(self.label_client.text().split()),
        )

    def heeft_wijzigingen(self) -> bool:
        """True when a beheerder typed a change to the chosen kenmerk and did not save it."""
        r = self.gekozen
        if r is None or not self.beheerder:
            return False
        opgeslagen = (
            r.naam.strip(),
            (r.uitleg or "").strip(),
            (r.uitleg_client or "").strip(),
            " ".join((r.label_client or "").split()),
        )
        return self._formulier() != opgeslagen

    def onbewaard_omschrijving(self) -> str:
        assert self.gekozen is not None
        return f"Kenmerk {self.gekozen.code} ‘{self.gekozen.naam}’"

    def bewaar_dan(self, vervolg: Callable[[], None]) -> None:
        """Save as Kenmerk opslaan does (reason included); `vervolg` only on success."""
        self._na_bewaren = vervolg
        self._on_opslaan()

    def _vergeet_vervolg(self) -> None:
        self._na_bewaren = None

    def _kies_zonder_vraag(self, code: str) -> None:
        self.gekozen = None  # what was typed is saved or let go
        self.kies(code)

    def _controleer_label(self) -> None:
        """Live hint: the short client label fits on a button and uses plain words."""
        label = self.label_client.text().strip()
        aantal = len(woorden(label))
        problemen = [str(a) for a in adviezen(label)]
        if aantal > MAX_LABEL_WOORDEN:
            problemen.insert(
                0,
                f"Te lang voor de cliënt: {aantal} woorden (hoogstens {MAX_LABEL_WOORDEN}). "
                "Opslaan kan wel.",
            )
        if problemen:
            self.label_hint.setText("Korte naam: " + " ".join(problemen))
            self.label_hint.setStyleSheet("color: #7a4a00;")
        else:
            self.label_hint.setText(LABEL_TIP if not label else f"Korte naam: {aantal} woorden.")
            self.label_hint.setStyleSheet("")

    def _controleer_b1(self) -> None:
        """Live hint: is the client text B1 (short sentences, no unexplained jargon)?"""
        tekst = self.uitleg_client.toPlainText().strip()
        if not tekst:
            self.b1_hint.setText(B1_TIP)
            return
        uitslag = beoordeel(tekst)
        self.b1_hint.setText(
            "Cliënttekst: eenvoudig genoeg (B1)."
            if uitslag.ok
            else f"Cliënttekst nog niet eenvoudig genoeg: {uitslag.uitleg()}. {B1_TIP}"
        )

    def _zet_knoppen(self) -> None:
        r = None if self.bezig else self.gekozen
        mag = {
            self.opslaan_knop: r is not None,
            self.verplaats_knop: r is not None and r.actief,
            self.toevoegen_knop: not self.bezig,
            self.stop_knop: r is not None and r.actief,
            self.heractiveer_knop: r is not None and not r.actief,
        }
        for knop, aan in mag.items():
            knop.setEnabled(aan and self.beheerder)
            if not self.beheerder:
                knop.setToolTip(GEEN_RECHT)

    def _toon_conflict(self, tekst: str) -> None:
        self.conflict_hint.setText(tekst)
        self.conflict_hint.setVisible(bool(tekst))
        self.nieuw_laden_knop.setVisible(bool(tekst))

    def _na_conflict(self) -> None:
        """Someone saved this kenmerk meanwhile: reload (keeping what was typed), then say what
        is stored now and let the next save be a deliberate one (or load the stored values)."""
        self._na_laden = self._toon_wat_opgeslagen_is
        self.ververs()  # keeps the typed text (see _geladen)

    def _toon_wat_opgeslagen_is(self) -> None:
        r = self.gekozen
        if r is None:
            return
        self._basis_versie = r.versie
        if not self.heeft_wijzigingen():
            return  # what was typed is what is stored now
        self._toon_conflict(
            f"Intussen opgeslagen: ‘{r.code} {r.naam}’"
            + (f", korte naam ‘{r.label_client}’" if r.label_client else "")
            + ". Het formulier toont nog uw eigen invoer. Sla opnieuw op om die toch te "
            "bewaren, of laad de opgeslagen gegevens."
        )

    def _on_nieuw_laden(self) -> None:
        r = self.gekozen
        if r is not None:
            self._toon(r)

    def _klaar(self, code: str, melding: str) -> None:
        self._zet_bezig(False)
        self.gekozen = None  # saved: the reload shows the stored state of `code`
        self.ververs()
        self.kies(code)
        self.context.gebeurtenissen.melding.emit(melding)
        vervolg, self._na_bewaren = self._na_bewaren, None
        if vervolg is not None:
            vervolg()  # the user asked to save before going on (ui/onopgeslagen.py)

    def _zet_bezig(self, aan: bool) -> None:
        """While a change is saved in the background: no second change, and it says so."""
        self.bezig = aan
        if aan:
            self.status.setText("Bezig met opslaan…")
        self._zet_knoppen()

    def _start(self, werk: Callable[[], object], code: str, melding: str) -> None:
        """Run a change off the GUI thread; then reload and choose `code` (or the new code)."""
        self._zet_bezig(True)
        taak = self.context.taken.start_functie(
            werk,
            "kenmerk wijzigen",
            bij_klaar=lambda nieuw: self._klaar(nieuw if isinstance(nieuw, str) else code, melding),
            bij_fout=lambda tekst: self._mislukt(taak.uitzondering or KeuzehulpError(tekst)),
            eigenaar=self,
        )

    def _mislukt(self, fout: KeuzehulpError) -> None:
        self._zet_bezig(False)
        self.status.setText(self._telling)
        self._vergeet_vervolg()  # a refused save keeps the user where they were
        meld_fout(self, fout)
        if isinstance(fout, ConflictFout):
            self._na_conflict()

    def _doe(self, titel: str, actie: object, code: str, melding: str) -> None:
        def vervolg(reden: str) -> None:
            self._start(lambda: actie(reden), code, melding)  # type: ignore[operator]

        dialoog = vraag_reden(self, titel, vervolg)
        dialoog.rejected.connect(self._vergeet_vervolg)

    def _on_opslaan(self) -> None:
        r = self.gekozen
        if r is None:
            return
        beheer = self.context.beheer
        naam, uitleg, client, label = (
            self.naam.text(),
            self.uitleg.toPlainText(),
            self.uitleg_client.toPlainText(),
            " ".join(self.label_client.text().split()),
        )

        versie = self._basis_versie

        def actie(reden: str) -> None:
            beheer.bewaar_kenmerk(r.code, versie, naam, uitleg, client, label, reden)

        self._doe("Kenmerk opslaan", actie, r.code, f"Kenmerk {r.code} is opgeslagen.")

    def _on_verplaats(self) -> None:
        r = self.gekozen
        if r is None:
            return
        ouder = self.ouder.currentData()
        beheer, versie = self.context.beheer, self._basis_versie
        self._doe(
            "Kenmerk verplaatsen",
            lambda reden: beheer.verplaats_kenmerk(r.code, ouder, reden, versie=versie),
            r.code,
            f"Kenmerk {r.code} is verplaatst; de code volgt de nieuwe plek.",
        )

    def _on_toevoegen(self) -> None:
        """A new kenmerk with the name and explanations typed in, under 'Valt onder'."""
        ouder = self.ouder.currentData()
        naam, uitleg, client, label = (
            self.naam.text(),
            self.uitleg.toPlainText(),
            self.uitleg_client.toPlainText(),
            self.label_client.text(),
        )
        beheer = self.context.beheer
        self._doe(
            "Kenmerk toevoegen",
            lambda reden: beheer.voeg_kenmerk_toe(
                naam, ouder, uitleg, client, reden, label_client=label
            ),
            ouder or "",
            f"Kenmerk ‘{naam.strip()}’ is toegevoegd.",
        )

    def _on_stop(self) -> None:
        r = self.gekozen
        if r is None:
            return
        beheer = self.context.beheer
        self._zet_bezig(True)
        self.status.setText("Even kijken welke instrumenten dit kenmerk hebben…")
        taak = self.context.taken.start_functie(
            lambda: beheer.voorbeeld_pensioen(r.code),
            "kenmerk: voorbeeld van stoppen",
            bij_klaar=lambda voorbeeld: self._toon_pensioen(r, voorbeeld),
            bij_fout=lambda tekst: self._mislukt(taak.uitzondering or KeuzehulpError(tekst)),
            eigenaar=self,
        )

    def _toon_pensioen(self, r: KenmerkRegel, voorbeeld: PensioenVoorbeeld) -> None:
        """The preview is in: ask for the reason, then retire in the background."""
        self._zet_bezig(False)
        self.status.setText(self._telling)
        self.pensioen_dialoog = PensioenDialoog(self, voorbeeld)
        versie = self._basis_versie

        def vervolg() -> None:
            beheer, reden = self.context.beheer, self.pensioen_dialoog.reden.text()
            self._start(
                lambda: beheer.pensioneer_kenmerk(r.code, reden, versie=versie),
                r.code,
                f"Kenmerk {r.code} is niet meer in gebruik.",
            )

        self.pensioen_dialoog.accepted.connect(vervolg)
        self.pensioen_dialoog.open()

    def _on_heractiveer(self) -> None:
        r = self.gekozen
        if r is None:
            return
        beheer, versie = self.context.beheer, self._basis_versie
        self._doe(
            "Kenmerk weer gebruiken",
            lambda reden: beheer.heractiveer_kenmerk(r.code, reden, versie=versie),
            r.code,
            f"Kenmerk {r.code} is weer in gebruik.",
        )
