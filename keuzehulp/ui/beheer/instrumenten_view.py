"""Instruments for the beheergroep: the controller of the list and the editor with its history.

The widgets are laid out in `InstrumentenIndeling` (instrumenten_indeling.py); this class
connects them to the services. Lists and choices load in a worker (`AppContext.taken`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QTimer
from PySide6.QtWidgets import QLineEdit

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.errors import ConflictFout, KeuzehulpError
from keuzehulp.model.mutatielog import Wijzigingen
from keuzehulp.services.beheer import instrumenten, kenmerken
from keuzehulp.services.beheer.instrumenten import Bewerking, InstrumentRegel, ontbreekt
from keuzehulp.services.beheer.mutatielog import MutatieRegel
from keuzehulp.services.beheerdienst import BeheerDienst
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, maak_gegevens
from keuzehulp.ui.beheer.formulier_acties import FormulierKnoppen
from keuzehulp.ui.beheer.gemeen import (
    GEEN_RECHT,
    MEETRIJEN,
    ROL_RIJ,
    NieuwsteLading,
    meld_fout,
    vraag_reden,
)
from keuzehulp.ui.beheer.instrument_formulier import InstrumentFormulier
from keuzehulp.ui.beheer.instrumenten_indeling import (
    GESCHIEDENIS_GEBRUIKER,
    LIJST_BREEDTES,
    STATUS_FILTER,
    InstrumentenIndeling,
    tabel,
)
from keuzehulp.ui.beheer.kolommen import tekstbreedte
from keuzehulp.ui.beheer.modellen import STATUS_TEKST, VoorbereideLijst, bereid_voor
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.onopgeslagen import eerst_bewaard
from keuzehulp.ui.taken import Taak

__all__ = ["LIJST_BREEDTES", "STATUS_FILTER", "InstrumentenView", "tabel"]

# What one load of the list brings: the rows, the kenmerken tree and the form's choices.
_Lijst = tuple[VoorbereideLijst, list[kenmerken.KenmerkRegel], instrumenten.FormulierKeuzen]


@dataclass(frozen=True, slots=True)
class _Bijwerking:
    """What a patch of the list brings: the changed ids and their new lines."""

    ids: frozenset[int]
    regels: list[InstrumentRegel]


# A save's outcome: the id, and the instrument and its history as read right after it.
_Opgeslagen = tuple[int, Bewerking | None, list[MutatieRegel]]

FILTER_WACHTTIJD_MS = 250  # the list filters once typing pauses, not on every keystroke
# At most this many changed instruments are patched into the loaded list; more reload it.
BIJWERKEN_TOT = 200


def bij_te_werken(wijzigingen: Sequence[Wijzigingen]) -> frozenset[int] | None:
    """The ids of the instruments these changes touched, when only instruments changed
    (at most BIJWERKEN_TOT); None when the list must reload (a kenmerk, a gemeente, an
    import of many instruments, ratings, or no known change)."""
    ids: set[int] = set()
    for w in wijzigingen:
        if w.entiteiten != {"instrument"}:
            return None
        for _label, iid in w.ids:
            if iid is None:
                return None
            ids.add(iid)
    if not ids or len(ids) > BIJWERKEN_TOT:
        return None
    return frozenset(ids)


def _warm_op(beheer: BeheerDienst, instrument_id: int) -> None:
    """Read one instrument as the editor does and drop it: SQLAlchemy compiles the editor's
    queries on their first use (some 40 ms), here in the worker rather than on the GUI
    thread at the first click in the list."""
    try:
        beheer.open_instrument(instrument_id)
        beheer.geschiedenis(instrument_id)
    except KeuzehulpError:
        pass  # only a preparation: the click reads (and reports) it again


def _vul_keuzen(
    formulier: InstrumentFormulier,
    boom: list[kenmerken.KenmerkRegel],
    keuzen: instrumenten.FormulierKeuzen,
) -> None:
    formulier.blockSignals(True)  # filling in choices is no edit
    formulier.zet_kenmerken(boom)
    formulier.zet_keuzen(keuzen.routes, keuzen.gemeenten)
    formulier.blockSignals(False)


def _getal(n: int) -> str:
    """10000 -> '10.000' (Dutch thousands separator)."""
    return f"{n:,}".replace(",", ".")


def aantal_tekst(per_status: dict[InstrumentStatus, int]) -> str:
    """The count under the Beheer list, split by status so it can be set beside Zoeken
    (which shows only the published ones): "61 instrumenten: 52 gepubliceerd (te vinden in
    Zoeken), 7 geparkeerd, 2 concept."; "3 instrumenten, alle concept." Statuses with none
    are left out."""
    totaal = sum(per_status.values())
    delen = [
        f"{_getal(n)} {STATUS_TEKST[status.value]}"
        + (" (te vinden in Zoeken)" if status == InstrumentStatus.ACTIEF else "")
        for status, n in per_status.items()
        if n
    ]
    if totaal == 0:
        return "Nog geen instrumenten."
    if totaal == 1:
        return f"1 instrument, {delen[0].removeprefix('1 ')}."
    if len(delen) == 1:  # "3 instrumenten, alle concept."
        return f"{_getal(totaal)} instrumenten, alle {delen[0].split(' ', 1)[1]}."
    return f"{_getal(totaal)} instrumenten: {', '.join(delen)}."


class InstrumentenView(InstrumentenIndeling):
    """List on the left, the editor (form, status buttons, history) on the right."""

    def __init__(self, context: AppContext, beheerder: bool) -> None:
        super().__init__()
        self.context = context
        self.beheerder = beheerder
        self.formulier_knoppen = FormulierKnoppen(
            context,
            beheerder,
            lambda: self.bewerking.id if self.bewerking else None,
            self._na_inlezen,
        )
        self.onder_lijst.addWidget(self.formulier_knoppen)
        self.bewerking: Bewerking | None = None
        self.gewijzigd = False
        self.is_open = False
        self.bezig = False  # a save is running in the background
        self._na_bewaren: Callable[[], None] | None = None  # see bewaar_dan()
        self._nieuw_leeg: dict[str, object] = {}  # a new instrument's untouched form
        self._keuzen_geladen = False  # routes, kenmerken and gemeenten are known
        # Choices that arrived before the form was built (instrumenten_indeling.py).
        self._keuzen_voor_formulier: (
            tuple[list[kenmerken.KenmerkRegel], instrumenten.FormulierKeuzen] | None
        ) = None
        self._filtertimer = QTimer(self)
        self._filtertimer.setSingleShot(True)
        self._filtertimer.setInterval(FILTER_WACHTTIJD_MS)
        self._filtertimer.timeout.connect(self._pas_filter_toe)
        self.lading: NieuwsteLading[_Lijst | _Bijwerking] = NieuwsteLading(
            context.taken,
            self,
            "instrumentenlijst laden",
            self._lading_klaar,
            self._lading_mislukt,
        )
        self._geladen = False  # a whole list has arrived (patches need one)
        self._wachtende: list[Wijzigingen] = []  # changes since the list was last brought up
        context.gebeurtenissen.wijzigingen.connect(self._onthoud_wijziging)
        self._te_selecteren: int | None = None
        self._stil = False  # True while code (not the user) changes the selection
        self._vult = False  # True while _toon fills the form

        self.status_filter.currentIndexChanged.connect(self._pas_filter_toe)
        self.zoekveld.textChanged.connect(lambda _t: self._filtertimer.start())
        self.lijst.selectionModel().selectionChanged.connect(self._on_selectie)
        self.nieuw_knop.clicked.connect(lambda: self.eerst_bewaard(self.nieuw))
        self.opslaan_knop.clicked.connect(self._on_opslaan)
        self.publiceer_knop.clicked.connect(lambda: self._on_status("publiceer"))
        self.parkeer_knop.clicked.connect(lambda: self._on_status("parkeer"))
        self.herstel_knop.clicked.connect(lambda: self._on_status("herstel"))
        self.ververs()
        self._zet_knoppen()

    # --- list -------------------------------------------------------------------------------

    def _onthoud_wijziging(self, wijzigingen: Wijzigingen) -> None:
        if wijzigingen.raakt_catalogus:  # catalogus_gewijzigd follows: ververs() reads them
            self._wachtende.append(wijzigingen)

    def ververs(self) -> None:
        """Bring the list up to date in the background; the editor stays.

        After a change of a few instruments only (an edit, park, publish, a new one: by
        this user or by another app) only their lines are read and patched in; otherwise the
        whole list reloads (only the listed columns) with the kenmerken and the form's
        choices. A whole reload still on its way is never voided by a patch.
        """
        wachtende, self._wachtende = self._wachtende, []
        beheer = self.context.beheer
        ids = bij_te_werken(wachtende)
        if ids is not None and self._geladen and not self.laadt:
            self.lading.start(lambda: _Bijwerking(ids, beheer.instrument_regels(ids)))
            return
        keuze = self.model.keuze()  # filtered and sorted in the worker for what is chosen now
        eerste = not self._geladen

        def laad() -> _Lijst:
            regels = beheer.lijst_instrumenten()
            if eerste and regels:
                _warm_op(beheer, regels[0].id)
            return bereid_voor(regels, *keuze), beheer.kenmerken_boom(), beheer.formulier_keuzen()

        self.lading.start(laad)

    def formulier_mag_wachten(self) -> bool:
        return self.laadt and not self._geladen  # the first load: the form follows it

    @property
    def laadt(self) -> bool:
        """Whether a list load is still on its way."""
        return self.lading.laadt

    def _lading_mislukt(self, melding: str) -> None:
        self.lijst_status.setText(melding)
        self.bouw_formulier_straks()  # it waited for the list (formulier_mag_wachten)

    def _lading_klaar(self, uitslag: _Lijst | _Bijwerking) -> None:
        if isinstance(uitslag, _Bijwerking):
            self._stil = True
            self.model.werk_bij(uitslag.ids, uitslag.regels)
            self._stil = False
            self._na_lading()
        else:
            self._lijst_geladen(*uitslag)

    def _lijst_geladen(
        self,
        rijen: VoorbereideLijst,
        boom: list[kenmerken.KenmerkRegel],
        keuzen: instrumenten.FormulierKeuzen,
    ) -> None:
        if not self.gewijzigd or not self._keuzen_geladen:
            self._zet_keuzen(boom, keuzen)
        self._stil = True
        self.model.zet_rijen(rijen)
        self._stil = False
        self._geladen = True
        self._na_lading()
        self.bouw_formulier_straks()  # it waited for the list (formulier_mag_wachten)

    def _na_lading(self) -> None:
        """After a load or a patch: the count, and the open instrument's row marked."""
        self._toon_aantal()
        doel = self._te_selecteren or (self.bewerking.id if self.bewerking else None)
        self._te_selecteren = None
        if doel is not None:
            self._markeer(doel)

    def _pas_filter_toe(self) -> None:
        self._filtertimer.stop()
        self._stil = True
        self.model.zet_filter(self.status_filter.currentData(), self.zoekveld.text())
        self._stil = False
        self._toon_aantal()
        if self.bewerking is not None:
            self._markeer(self.bewerking.id)

    def _toon_aantal(self) -> None:
        getoond, totaal = self.model.rowCount(), self.model.aantal_geladen
        self.lijst_status.setText(
            aantal_tekst(self.model.aantal_per_status())
            if getoond == totaal
            else f"{_getal(getoond)} van de {_getal(totaal)} instrumenten "
            f"{'past' if getoond == 1 else 'passen'} bij het filter."
        )

    def _markeer(self, instrument_id: int) -> None:
        """Select the row of the open instrument without opening it again."""
        rij = self.model.rij_van(instrument_id)
        self._stil = True
        if rij >= 0:
            self.lijst.selectRow(rij)
            self.lijst.scrollTo(self.model.index(rij, 0))
        else:
            self.lijst.clearSelection()
        self._stil = False

    def selecteer(self, instrument_id: int) -> None:
        """Open an instrument and select its row (also while the list is still loading)."""
        if self.bewerking is None or self.bewerking.id != instrument_id or not self.gewijzigd:
            self.open(instrument_id)
        if self.laadt:
            self._te_selecteren = instrument_id
        else:
            self._markeer(instrument_id)

    def _on_selectie(self, geselecteerd: QItemSelection, _oud: QItemSelection) -> None:
        if self._stil or not geselecteerd.indexes():
            return
        regel: InstrumentRegel = geselecteerd.indexes()[0].data(ROL_RIJ)
        if self.bewerking is not None and regel.id == self.bewerking.id:
            if not self.gewijzigd:
                self.open(regel.id)  # the list was reloaded: show the stored state
            return
        if self.heeft_wijzigingen():
            # The open instrument stays marked until the user has answered the question.
            self._markeer_open()
            self.eerst_bewaard(lambda: self._open_en_markeer(regel.id))
        else:
            self.open(regel.id)

    # --- unsaved changes (ui/onopgeslagen.py) -----------------------------------------------

    def heeft_wijzigingen(self) -> bool:
        """True when the editor holds changes a beheerder has not saved."""
        if not (self.is_open and self.gewijzigd and self.beheerder):
            return False
        return self.bewerking is not None or self.formulier.waarden() != self._nieuw_leeg

    def onbewaard_omschrijving(self) -> str:
        if self.bewerking is None:
            return "Het nieuwe instrument"
        return f"Het instrument ‘{self.bewerking.gegevens.naam}’"

    def bewaar_dan(self, vervolg: Callable[[], None]) -> None:
        """Save as the Opslaan button does (reason included); `vervolg` only on success."""
        self._na_bewaren = vervolg
        self._on_opslaan()

    def eerst_bewaard(self, vervolg: Callable[[], None]) -> None:
        """Ask "Wijzigingen bewaren?" when the editor holds unsaved changes; then `vervolg`."""
        eerst_bewaard(self, [self], vervolg)

    def _vergeet_vervolg(self) -> None:
        self._na_bewaren = None

    def _markeer_open(self) -> None:
        """Mark the open instrument's row again (silently: nothing is opened or asked)."""
        if self.bewerking is None:
            self._stil = True
            self.lijst.clearSelection()
            self._stil = False
        else:
            self._markeer(self.bewerking.id)

    def _open_en_markeer(self, instrument_id: int) -> None:
        self.gewijzigd = False  # saved or let go: selecteer() opens the other one
        self.selecteer(instrument_id)

    # --- editor -----------------------------------------------------------------------------

    def formulier_gebouwd(self, formulier: InstrumentFormulier) -> None:
        formulier.gewijzigd.connect(self._on_formulier_gewijzigd)
        if self._keuzen_voor_formulier is not None:
            self._zet_keuzen(*self._keuzen_voor_formulier)

    def _zet_keuzen(
        self, boom: list[kenmerken.KenmerkRegel], keuzen: instrumenten.FormulierKeuzen
    ) -> None:
        self._keuzen_geladen = True
        if not self.formulier_is_gebouwd:  # they go in when it is built
            self._keuzen_voor_formulier = (boom, keuzen)
            return
        self._keuzen_voor_formulier = None
        _vul_keuzen(self.formulier, boom, keuzen)

    def formulier_los_klaar(self, formulier: InstrumentFormulier) -> None:
        if self._keuzen_voor_formulier is not None:  # 1,000 kenmerken: some 25 ms on its own
            _vul_keuzen(formulier, *self._keuzen_voor_formulier)
            self._keuzen_voor_formulier = None

    def _zorg_voor_keuzen(self) -> None:
        """Opened before the first list load arrived: read the choices now (small queries)."""
        if not self._keuzen_geladen:
            beheer = self.context.beheer
            self._zet_keuzen(beheer.kenmerken_boom(), beheer.formulier_keuzen())

    def open(self, instrument_id: int) -> None:
        self._zorg_voor_keuzen()
        beheer = self.context.beheer
        self._toon(beheer.open_instrument(instrument_id), beheer.geschiedenis(instrument_id))

    def _toon(
        self, bewerking: Bewerking, geschiedenis: Sequence[MutatieRegel], later: bool = False
    ) -> None:
        """Show an instrument as read (values, version, history) in the editor; `later`:
        the history in the next turn of the event loop (two short steps, not one long)."""
        self.bewerking = bewerking
        self.is_open = True
        # Werkcoaches read the form; only beheerders can type in it (the service checks too).
        self.formulier.setEnabled(self.beheerder)
        self._vult = True  # the buttons follow once, below, not on every changed field
        try:
            self.formulier.zet_gegevens(bewerking.gegevens)  # sets only the fields that differ
        finally:
            self._vult = False
        self.gewijzigd = False
        self._zet_knoppen()
        if later:
            QTimer.singleShot(0, self, lambda: self._zet_geschiedenis(bewerking, geschiedenis))
        else:
            self._zet_geschiedenis(bewerking, geschiedenis)

    def _zet_geschiedenis(self, bewerking: Bewerking, geschiedenis: Sequence[MutatieRegel]) -> None:
        if self.bewerking is not bewerking:
            return  # another instrument was opened meanwhile: it shows its own history
        self.geschiedenis_model.zet_rijen(geschiedenis)
        # The user column as wide as the names in it (a page at most); the long-text
        # columns share the rest (kolommen.KolomVerdeler): no column measured over all rows.
        namen = {r.gebruiker for r in geschiedenis[:MEETRIJEN]}
        self.geschiedenis.horizontalHeader().resizeSection(
            GESCHIEDENIS_GEBRUIKER, tekstbreedte(self.geschiedenis, ("Gebruiker", *namen))
        )

    def nieuw(self) -> None:
        self._zorg_voor_keuzen()
        self.bewerking = None
        self.is_open = True
        # Werkcoaches read the form; only beheerders can type in it (the service checks too).
        self.formulier.setEnabled(self.beheerder)
        self.formulier.zet_gegevens(maak_gegevens(naam="Nieuw instrument"))
        self.gewijzigd = True
        self._nieuw_leeg = self.formulier.waarden()
        self.geschiedenis_model.zet_rijen([])
        self.lijst.clearSelection()
        self._zet_knoppen()
        naam = self.formulier.velden["naam"]
        naam.setFocus()
        if isinstance(naam, QLineEdit):
            naam.selectAll()

    def _on_formulier_gewijzigd(self) -> None:
        self.gewijzigd = True
        if not self._vult:
            self._zet_knoppen()

    def _zet_knoppen(self) -> None:
        open_ = self.is_open
        # Nothing open: no need to build the form (it may not be built yet) for its status.
        status = self.formulier.status if open_ else InstrumentStatus.CONCEPT
        if not open_:
            self.titel.setText(
                "Kies links een instrument, of maak een nieuw instrument."
                if self.beheerder
                else "Kies links een instrument om het te bekijken."
            )
        elif self.bewerking is None:
            self.titel.setText("Nieuw instrument (concept)")
        else:
            self.titel.setText(f"{self.bewerking.gegevens.naam} — {STATUS_TEKST[status.value]}")
        missend = (
            ontbreekt(InstrumentGegevens.model_construct(**self.formulier.waarden()))
            if open_
            else []
        )
        if open_ and status != InstrumentStatus.ACTIEF:
            self.ontbreekt.setText(
                "Klaar om te publiceren."
                if not missend
                else "Nog nodig om te publiceren: " + "; ".join(missend) + "."
            )
        else:
            self.ontbreekt.setText("")
        mag = {
            self.nieuw_knop: True,
            self.opslaan_knop: open_ and self.gewijzigd,
            self.publiceer_knop: open_
            and status != InstrumentStatus.ACTIEF
            and self.bewerking is not None
            and not missend,
            self.parkeer_knop: open_
            and status != InstrumentStatus.GEPARKEERD
            and self.bewerking is not None,
            self.herstel_knop: open_ and status == InstrumentStatus.GEPARKEERD,
        }
        for knop, aan in mag.items():
            knop.setEnabled(
                aan and self.beheerder and not (self.bezig and knop is not self.nieuw_knop)
            )
            knop.setToolTip("" if self.beheerder else GEEN_RECHT)

    def _na_wijziging(self, opgeslagen: _Opgeslagen, melding: str) -> None:
        # The list is patched on the "catalogue changed" event that the commit raises.
        instrument_id, bewerking, geschiedenis = opgeslagen
        self.gewijzigd = False
        self._zorg_voor_keuzen()
        if bewerking is None:
            self._bezig(False)
            self.open(instrument_id)
        else:  # read by the worker right after saving: no database on the GUI thread
            self.bezig = False  # the buttons follow in _toon
            self._toon(bewerking, geschiedenis, later=True)
        if self.laadt:
            self._te_selecteren = instrument_id  # marked when the list has it
        else:  # the patched list may have arrived first (a new instrument: not yet marked)
            self._markeer(instrument_id)
        self.context.gebeurtenissen.melding.emit(melding)
        vervolg, self._na_bewaren = self._na_bewaren, None
        if vervolg is not None:
            vervolg()  # the user asked to save before going on (ui/onopgeslagen.py)

    def _na_inlezen(self, instrument_id: int) -> None:
        # The read form is a new concept; the one open in the editor may hold unsaved work.
        self.eerst_bewaard(lambda: self._toon_ingelezen(instrument_id))

    def _toon_ingelezen(self, instrument_id: int) -> None:
        self.gewijzigd = False
        self.status_filter.setCurrentIndex(0)
        self.open(instrument_id)
        self._te_selecteren = instrument_id

    def _bezig(self, aan: bool) -> None:
        """While a change is being saved: no second save, and the title says so."""
        self.bezig = aan
        if aan:
            for knop in (self.opslaan_knop, self.publiceer_knop, self.parkeer_knop):
                knop.setEnabled(False)
            self.herstel_knop.setEnabled(False)
            self.ontbreekt.setText("Bezig met opslaan…")
        else:
            self._zet_knoppen()

    def _on_opslaan(self) -> None:
        gegevens = self.formulier.gegevens()
        if gegevens is None:
            self.ontbreekt.setText("Verbeter eerst de velden met een rode melding.")
            eerste = next(iter(self.formulier.fouten))
            self.formulier_scroll.ensureWidgetVisible(self.formulier.foutlabels[eerste])
            veld = self.formulier.velden.get(eerste)
            if veld is not None:
                veld.setFocus()
            self._vergeet_vervolg()
            return
        dialoog = vraag_reden(self, "Wijziging opslaan", lambda reden: self.bewaar(gegevens, reden))
        dialoog.rejected.connect(self._vergeet_vervolg)

    def bewaar(self, gegevens: InstrumentGegevens, reden: str) -> None:
        """Save in the background; the editor says it is busy and cannot save twice."""
        beheer, bewerking = self.context.beheer, self.bewerking

        def werk() -> int:
            if bewerking is None:
                return beheer.maak_instrument(gegevens, reden)
            beheer.bewaar_instrument(bewerking.id, bewerking.versie, gegevens, reden)
            return bewerking.id

        self._start(werk, f"‘{gegevens.naam}’ is opgeslagen.")

    def _start(self, werk: Callable[[], int], melding: str) -> None:
        self._bezig(True)
        beheer = self.context.beheer

        def opslaan_en_lezen() -> _Opgeslagen:
            instrument_id = werk()
            try:  # what the editor shows next, read here rather than on the GUI thread
                return (
                    instrument_id,
                    beheer.open_instrument(instrument_id),
                    beheer.geschiedenis(instrument_id),
                )
            except KeuzehulpError:  # saved; the GUI thread reads (and reports) it again
                return instrument_id, None, []

        taak = self.context.taken.start_functie(
            opslaan_en_lezen,
            "instrument opslaan",
            bij_klaar=lambda opgeslagen: self._na_wijziging(opgeslagen, melding),
            bij_fout=lambda tekst: self._mislukt(taak, tekst),
            eigenaar=self,
        )

    def _mislukt(self, taak: Taak, melding: str) -> None:
        self._bezig(False)
        self._vergeet_vervolg()  # a failed save never goes on to what the user asked next
        self._meld(taak.uitzondering or KeuzehulpError(melding))

    def _meld(self, fout: KeuzehulpError) -> None:
        """Show the message; after a conflict, load what the other person saved."""
        self._vergeet_vervolg()  # a refused save keeps the user where they were
        meld_fout(self, fout)
        if isinstance(fout, ConflictFout) and self.bewerking is not None:
            self.gewijzigd = False
            self.ververs()
            self.open(self.bewerking.id)
            self.ontbreekt.setText(
                "Uw wijziging is niet opgeslagen. Hieronder staan de nieuwe gegevens; "
                "de geschiedenis laat zien wat er veranderde."
            )

    def _on_status(self, actie: str) -> None:
        if self.bewerking is None:
            return
        if self.gewijzigd:
            self.ontbreekt.setText("Sla eerst uw wijzigingen op.")
            return
        titels = {"publiceer": "Publiceren", "parkeer": "Parkeren", "herstel": "Herstellen"}
        uitleg = {
            "publiceer": "Het instrument komt in de keuzehulp. Werkcoaches kunnen het vinden.",
            "parkeer": "Het instrument gaat uit de keuzehulp. Het blijft bewaard als geparkeerd.",
            "herstel": "Het instrument komt terug als concept. Daarna kunt u het publiceren.",
        }
        voorbeelden = {
            "publiceer": "Bijvoorbeeld: gegevens nagekeken met de aanbieder",
            "parkeer": "Bijvoorbeeld: de aanbieder stopt ermee",
            "herstel": "Bijvoorbeeld: de aanbieder begint weer",
        }
        vraag_reden(
            self,
            titels[actie],
            lambda reden: self.zet_status(actie, reden),
            uitleg=uitleg[actie],
            voorbeeld=voorbeelden[actie],
            knop=f"&{titels[actie]}",
        )

    def zet_status(self, actie: str, reden: str) -> None:
        assert self.bewerking is not None
        b, beheer = self.bewerking, self.context.beheer

        def werk() -> int:
            beheer.zet_status(actie, b.id, b.versie, reden)
            return b.id

        klaar = {
            "publiceer": "gepubliceerd",
            "parkeer": "geparkeerd",
            "herstel": "hersteld als concept",
        }
        self._start(werk, f"‘{b.gegevens.naam}’ is {klaar[actie]}.")
