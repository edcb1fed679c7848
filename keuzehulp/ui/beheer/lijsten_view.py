"""Smaller beheer screens: versions, beheerders and instruments that need a review."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.errors import ConflictFout, KeuzehulpError
from keuzehulp.services.beheer import actualiteit, beheerders, versies
from keuzehulp.ui import bestandsfilters
from keuzehulp.ui.beheer.gemeen import (
    GEEN_RECHT,
    ROL_RIJ,
    VELD_MAX_BREEDTE,
    NieuwsteLading,
    begrens_kolommen,
    kies_rij,
    meld_fout,
    vraag_reden,
)
from keuzehulp.ui.beheer.instrumenten_indeling import tabel
from keuzehulp.ui.beheer.kolommen import tekstbreedte
from keuzehulp.ui.beheer.modellen import BeheerderTabelModel, VerouderdTabelModel, VersieTabelModel
from keuzehulp.ui.bestandskeuze import kies_exportbestand
from keuzehulp.ui.context import AppContext


def _mag(knoppen: list[QPushButton], beheerder: bool) -> None:
    for knop in knoppen:
        if not beheerder:
            knop.setEnabled(False)
            knop.setToolTip(GEEN_RECHT)


class VersiesView(QWidget):
    """Publish a dated version of the catalogue; list the versions."""

    def __init__(self, context: AppContext, beheerder: bool) -> None:
        super().__init__()
        self.context = context
        self.beheerder = beheerder
        self.model = VersieTabelModel(self)
        self.tabel = tabel(self.model, "Gepubliceerde versies")
        self.huidig = QLabel()
        self.huidig.setWordWrap(True)
        self.publiceer_knop = QPushButton("Nieuwe versie &publiceren…")
        self.export_knop = QPushButton("Gekozen versie &exporteren als bronbestand…")
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.knoppen = QHBoxLayout()
        self.knoppen.addWidget(self.publiceer_knop)
        self.knoppen.addWidget(self.export_knop)
        self.knoppen.addStretch(1)
        uitleg = QLabel(
            "Een versie legt de hele catalogus vast, met de datum als naam. "
            "Werkcoaches zien onderin het venster welke versie ze gebruiken."
        )
        uitleg.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(uitleg)
        lay.addWidget(self.huidig)
        lay.addLayout(self.knoppen)
        lay.addWidget(self.export_status)
        lay.addWidget(self.tabel, 1)
        self.publiceer_knop.clicked.connect(self._on_publiceer)
        self.export_knop.clicked.connect(self._on_export)
        self.publiceert = False
        self.lading: NieuwsteLading[tuple[list[versies.VersieInfo], str]] = NieuwsteLading(
            context.taken, self, "versies laden", self._geladen, self.huidig.setText
        )
        _mag([self.publiceer_knop], beheerder)
        self.ververs()

    def ververs(self) -> None:
        """Load the versions in the background (each one's snapshot is read to count it)."""
        beheer = self.context.beheer
        self.lading.start(lambda: (beheer.lijst_versies(), beheer.versie_tekst()))

    @property
    def laadt(self) -> bool:
        return self.lading.laadt

    def _geladen(self, uitslag: tuple[list[versies.VersieInfo], str]) -> None:
        rijen, tekst = uitslag
        gekozen = self._gekozen_id()
        self.model.zet_rijen(rijen)
        self.huidig.setText(tekst + ".")
        begrens_kolommen(self.tabel)
        if gekozen is not None:  # the chosen version stays chosen after a reload
            kies_rij(self.tabel, lambda r: r.id == gekozen)

    def _gekozen_id(self) -> int | None:
        rijen = self.tabel.selectionModel().selectedRows()
        return rijen[0].data(ROL_RIJ).id if rijen else None

    def _on_publiceer(self) -> None:
        vraag_reden(
            self,
            "Versie publiceren",
            self.publiceer,
            vraag="Korte omschrijving van deze versie (mag leeg):",
            verplicht=False,
            uitleg="De versie krijgt de datum van vandaag. Concepten horen er niet bij.",
            voorbeeld="Bijvoorbeeld: nieuwe cursussen in Tiel",
            knop="&Publiceren",
        )

    def publiceer(self, omschrijving: str) -> None:
        """Publish in a process of its own: the snapshot of a large catalogue takes a while
        and, on a thread, held this interpreter for up to half a second (issue 13)."""
        beheer = self.context.beheer
        self.publiceert = True
        self.publiceer_knop.setEnabled(False)
        self.huidig.setText("Bezig met publiceren…")
        self.context.taken.start_proces(
            beheer.publiceer_versie_werk(omschrijving),
            "versie publiceren",
            bij_klaar=self._gepubliceerd,
            bij_fout=self._niet_gepubliceerd,
            eigenaar=self,
        )

    def _gepubliceerd(self, info: versies.VersieInfo) -> None:
        self.publiceert = False
        self.publiceer_knop.setEnabled(self.beheerder)
        self.ververs()
        self.context.gebeurtenissen.melding.emit(f"De catalogus is gepubliceerd als {info.label}.")

    def _niet_gepubliceerd(self, melding: str) -> None:
        self.publiceert = False
        self.publiceer_knop.setEnabled(self.beheerder)
        self.ververs()
        meld_fout(self, KeuzehulpError(melding))

    def _on_export(self) -> None:
        rijen = self.tabel.selectionModel().selectedRows()
        if not rijen:
            meld_fout(self, KeuzehulpError("Kies eerst een versie in de lijst."))
            return
        versie = rijen[0].data(ROL_RIJ)
        # Named by the version's date: the bronbestand as it was published that day.
        gekozen = kies_exportbestand(
            self,
            "Versie exporteren",
            "bronbestand-versie",
            bestandsfilters.EXCEL,
            datum=versie.versiedatum,
        )
        if gekozen is None:
            return
        pad = str(gekozen)
        beheer = self.context.beheer
        self.export_knop.setEnabled(False)
        self.export_status.setText("Bezig met exporteren…")
        # A process of its own: writing the workbook never holds this interpreter (issue 13).
        self.taak = self.context.taken.start_proces(
            beheer.exporteer_versie_werk(versie.id, Path(pad)),
            "versie exporteren",
            bij_klaar=lambda n: self._export_klaar(versie.label, pad, n),
            bij_fout=self._export_fout,
            eigenaar=self,
        )

    def _export_klaar(self, label: str, pad: str, aantallen: tuple[int, int]) -> None:
        self.export_knop.setEnabled(True)
        melding = f"{label} is geschreven naar {pad} ({aantallen[0]} instrumenten)."
        self.export_status.setText(melding)
        self.context.gebeurtenissen.melding.emit(melding)

    def _export_fout(self, melding: str) -> None:
        self.export_knop.setEnabled(True)
        self.export_status.setText("Exporteren is mislukt.")
        QMessageBox.warning(self, "Exporteren mislukt", melding)


class BeheerdersView(QWidget):
    """Who may change the catalogue."""

    def __init__(self, context: AppContext, beheerder: bool) -> None:
        super().__init__()
        self.context = context
        self.lading: NieuwsteLading[list[beheerders.BeheerderRegel]] = NieuwsteLading(
            context.taken,
            self,
            "beheerders laden",
            self._geladen,
            lambda melding: self._geladen([], melding),
        )
        self.bezig = False  # a change is being saved in the background
        self.model = BeheerderTabelModel(self)
        self.tabel = tabel(self.model, "Beheerders")
        self.naam = QLineEdit()
        self.naam.setPlaceholderText("inlognaam van de nieuwe beheerder")
        self.naam.setAccessibleName("Inlognaam nieuwe beheerder")
        naam_label = QLabel("Inlog&naam:")
        naam_label.setBuddy(self.naam)
        self.toevoegen_knop = QPushButton("Toevoeg&en")
        self.verwijderen_knop = QPushButton("Gekozen beheerder verwi&jderen…")
        uitleg = QLabel(
            f"U bent ingelogd als {context.gebruiker} "
            f"({'beheerder' if beheerder else 'werkcoach'}). Werkcoaches zoeken en kiezen; "
            "alleen beheerders wijzigen de catalogus. De laatste beheerder blijft altijd."
        )
        uitleg.setWordWrap(True)
        rij = QHBoxLayout()
        rij.addWidget(naam_label)
        self.naam.setMaximumWidth(VELD_MAX_BREEDTE)
        rij.addWidget(self.naam, 1)
        rij.addWidget(self.toevoegen_knop)
        rij.addStretch(0)
        rij.addWidget(self.verwijderen_knop)
        lay = QVBoxLayout(self)
        lay.addWidget(uitleg)
        lay.addLayout(rij)
        lay.addWidget(self.tabel, 1)
        self.naam.returnPressed.connect(self.toevoegen_knop.click)
        self.toevoegen_knop.clicked.connect(self._on_toevoegen)
        self.verwijderen_knop.clicked.connect(self._on_verwijderen)
        _mag([self.toevoegen_knop, self.verwijderen_knop], beheerder)
        if not beheerder:
            self.naam.setEnabled(False)
        self.ververs()

    def ververs(self) -> None:
        """Reload the list in the background (only the newest load fills it)."""
        self.lading.start(self.context.beheer.lijst_beheerders)

    @property
    def laadt(self) -> bool:
        return self.lading.laadt

    def _geladen(self, rijen: list[beheerders.BeheerderRegel], melding: str = "") -> None:
        self.model.zet_rijen(rijen)
        if melding:
            meld_fout(self, KeuzehulpError(melding))

    def _start(
        self, werk: Callable[[], object], melding: str, na: Callable[[], None] | None = None
    ) -> None:
        """A change off the GUI thread; then `na`, a reload, and the status bar says it."""
        self.bezig = True
        taak = self.context.taken.start_functie(
            werk,
            "beheerders wijzigen",
            bij_klaar=lambda _uitslag: self._klaar(melding, na),
            bij_fout=lambda tekst: self._mislukt(taak.uitzondering or KeuzehulpError(tekst)),
            eigenaar=self,
        )

    def _mislukt(self, fout: KeuzehulpError) -> None:
        self.bezig = False
        meld_fout(self, fout)
        if isinstance(fout, ConflictFout):
            self.ververs()  # the list as it is now: someone else changed it

    def _klaar(self, melding: str, na: Callable[[], None] | None = None) -> None:
        self.bezig = False
        if na is not None:
            na()
        self.ververs()
        self.context.gebeurtenissen.melding.emit(melding)

    def _on_toevoegen(self) -> None:
        naam = self.naam.text().strip()
        beheer = self.context.beheer

        def leeg() -> None:  # only after success: a refused name stays to be corrected
            if self.naam.text().strip() == naam:
                self.naam.clear()

        self._start(lambda: beheer.voeg_beheerder_toe(naam), f"{naam} is nu beheerder.", leeg)

    def _on_verwijderen(self) -> None:
        rijen = self.tabel.selectionModel().selectedRows()
        if not rijen:
            meld_fout(self, KeuzehulpError("Kies eerst in de lijst wie geen beheerder meer is."))
            return
        geladen: beheerders.BeheerderRegel = rijen[0].data(ROL_RIJ)
        weg = geladen.gebruiker
        beheer = self.context.beheer

        def vervolg(reden: str) -> None:
            self._start(
                lambda: beheer.verwijder_beheerder(weg, reden, geladen=geladen),
                f"{weg} is geen beheerder meer.",
            )

        vraag_reden(self, f"{weg} verwijderen als beheerder", vervolg)


class ActualiteitView(QWidget):
    """Instruments nobody reviewed for N months; mark them reviewed."""

    def __init__(self, context: AppContext, beheerder: bool) -> None:
        super().__init__()
        self.context = context
        self.maanden = QSpinBox()
        self.maanden.setRange(1, 120)
        self.maanden.setValue(actualiteit.STANDAARD_MAANDEN)
        self.maanden.setSuffix(" maanden")
        self.maanden.setAccessibleName("Niet beoordeeld in")
        maanden_label = QLabel("Niet beoordeeld i&n:")
        maanden_label.setBuddy(self.maanden)
        self.model = VerouderdTabelModel(self)
        self.tabel = tabel(self.model, "Instrumenten die een controle nodig hebben")
        # Starting widths from the font and the headers (an empty list is never measured):
        # every header is readable, and the name, not the regiehouder, gets the room left.
        kop = self.tabel.horizontalHeader()
        kop.setStretchLastSection(False)
        kop.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for kolom, teksten in (
            (1, ("Geparkeerd",)),
            (2, ("30-11-2026",)),
            (3, ("aangemaakt",)),
            (4, ("S. Yilmaz (team Participatie)",)),
        ):
            breedte = max(tekstbreedte(self.tabel, teksten), kop.sectionSizeHint(kolom) + 8)
            kop.resizeSection(kolom, breedte)
        self.markeer_knop = QPushButton("Gekozen instrument is gecontr&oleerd")
        self.samenvatting = QLabel()
        self.samenvatting.setWordWrap(True)
        rij = QHBoxLayout()
        rij.addWidget(maanden_label)
        rij.addWidget(self.maanden)
        rij.addStretch(1)
        rij.addWidget(self.markeer_knop)
        lay = QVBoxLayout(self)
        lay.addLayout(rij)
        lay.addWidget(self.samenvatting)
        lay.addWidget(self.tabel, 1)
        self.lading: NieuwsteLading[tuple[int, list[actualiteit.VerouderdInstrument]]] = (
            NieuwsteLading(context.taken, self, "actualiteit laden", self._geladen, self._fout)
        )
        self.markeert = False  # a "gecontroleerd" is being written in the background
        self._kolommen_gezet = False  # widths are measured once, at the first rows
        self.maanden.valueChanged.connect(self.ververs)
        self.markeer_knop.clicked.connect(self._on_markeer)
        self.tabel.selectionModel().selectionChanged.connect(lambda *_: self._zet_knop())
        self.model.modelReset.connect(self._zet_knop)
        self.beheerder = beheerder
        _mag([self.markeer_knop], beheerder)
        self._zet_knop()
        self.ververs()

    def ververs(self) -> None:
        """Load the list in the background (a newer request wins)."""
        beheer, maanden = self.context.beheer, self.maanden.value()
        self.lading.start(lambda: (maanden, beheer.verouderd(maanden)))

    @property
    def laadt(self) -> bool:
        """Whether the list is loading, or a mark is still being written."""
        return self.lading.laadt or self.markeert

    def _fout(self, melding: str) -> None:
        self.samenvatting.setText(melding)

    def _geladen(self, uitslag: tuple[int, list[actualiteit.VerouderdInstrument]]) -> None:
        maanden, rijen = uitslag
        gekozen = self._gekozen()
        self.model.zet_rijen(rijen)
        self._toon_aantal(maanden)
        if rijen and not self._kolommen_gezet:
            # Measuring asks data() for a page of rows: once is enough, and a reload keeps
            # the widths the user gave the columns.
            begrens_kolommen(self.tabel)
            self._kolommen_gezet = True
        if gekozen is not None:  # the same instrument stays chosen after a reload
            kies_rij(self.tabel, lambda r: r.id == gekozen.id)

    def _toon_aantal(self, maanden: int) -> None:
        aantal = self.model.rowCount()
        if aantal == 0:
            self.samenvatting.setText(
                f"Alle instrumenten zijn in de laatste {maanden} maanden gecontroleerd. "
                "Er is nu niets na te kijken."
            )
            return
        wat = "1 instrument is" if aantal == 1 else f"{aantal} instrumenten zijn"
        self.samenvatting.setText(
            f"{wat} {maanden} maanden of langer niet gecontroleerd. Bel de aanbieder of "
            "regiehouder en kijk of alles nog klopt."
        )

    def _gekozen(self) -> actualiteit.VerouderdInstrument | None:
        rijen = self.tabel.selectionModel().selectedRows()
        regel: actualiteit.VerouderdInstrument | None = rijen[0].data(ROL_RIJ) if rijen else None
        return regel

    def _zet_knop(self, *_args: object) -> None:
        self.markeer_knop.setEnabled(
            self.beheerder and not self.markeert and self._gekozen() is not None
        )

    def _on_markeer(self) -> None:
        gekozen = self._gekozen()
        if gekozen is None:
            meld_fout(self, KeuzehulpError("Kies eerst een instrument in de lijst."))
            return
        beheer = self.context.beheer
        self.markeert = True  # one at a time; the write runs off the GUI thread
        self._zet_knop()
        taak = self.context.taken.start_functie(
            lambda: beheer.markeer_beoordeeld(gekozen.id),
            "instrument gecontroleerd",
            bij_klaar=lambda _uitslag: self._gemarkeerd(gekozen),
            bij_fout=lambda tekst: self._niet_gemarkeerd(taak.uitzondering, tekst),
            eigenaar=self,
        )

    def _gemarkeerd(self, gekozen: actualiteit.VerouderdInstrument) -> None:
        """Only this row changed: take it out and choose the next one, so a beheerder can go
        down the list (no reload of thousands of rows; another change reloads the list)."""
        self.markeert = False
        rij = self.model.zoek(lambda r: r.id == gekozen.id)
        if rij is not None:
            self.model.haal_weg(rij)
            if self.model.rowCount():
                self.tabel.selectRow(min(rij, self.model.rowCount() - 1))
        self._toon_aantal(self.maanden.value())
        self._zet_knop()
        self.context.gebeurtenissen.melding.emit(f"‘{gekozen.naam}’ is gemarkeerd als beoordeeld.")

    def _niet_gemarkeerd(self, fout: BaseException | None, tekst: str) -> None:
        self.markeert = False
        self._zet_knop()
        meld_fout(self, fout if isinstance(fout, KeuzehulpError) else KeuzehulpError(tekst))
