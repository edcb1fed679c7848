"""Live updates: notice catalogue changes made by other apps and refresh once per burst.

On PostgreSQL a listener thread hears the trigger's NOTIFY (`keuzehulp.model.meldingen`); on
SQLite a timer polls ``PRAGMA data_version`` about once a second (every 0.1 s during a burst).
Notices are coalesced: the refresh comes once no new notice arrived for `RUST_MS`, at most
`MAX_WACHT_MS` after the first one, never sooner than `TUSSENPOOS_MS` after the previous
refresh, and never while an index build still runs; so a burst of changes gives one refresh
(two when it is long or slow), never one per change. A refresh raises
the app's own `catalogus_gewijzigd` (through `Gebeurtenissen.van_elders`): the search rebuilds
its index in the background and keeps the coach's filters; the gesprek keeps its shortlist.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.meldingen import EigenVerbindingen, Melding, PostgresLuisteraar, SqliteWachter
from keuzehulp.model.mutatielog import GELOGDE_ENTITEITEN, Wijzigingen
from keuzehulp.ui.context import AppContext

log = logging.getLogger(__name__)

POLL_MS = 1000  # SQLite: how often data_version is read while all is quiet (µs of work)
SNEL_POLL_MS = 100  # SQLite: while a burst of changes comes in
RUST_MS = 250  # refresh once no new notice came for this long (the burst is over) ...
MAX_WACHT_MS = 3000  # ... or this long after its first notice (a long import shows progress)
TUSSENPOOS_MS = 1000  # and at least this long after the previous refresh
ALLE_ENTITEITEN = frozenset(e.mutatie_label for e in GELOGDE_ENTITEITEN)


def bijgewerkt_tekst(moment: time.struct_time | None = None) -> str:
    """The quiet status-bar line after a refresh, with the time (HH:MM)."""
    tijd = time.strftime("%H:%M", moment or time.localtime())
    return f"Catalogus bijgewerkt door een beheerder ({tijd}). Uw keuzes blijven staan."


class CatalogusVolger(QObject):
    """Keeps one window in step with catalogue changes made elsewhere.

    Signals: `komt_bij()` just before a refresh, `bijgewerkt(Wijzigingen)` just after it
    (`catalogus_gewijzigd` was raised in between), both on the GUI thread. `bezig()` (optional)
    says whether an index build is still running; a refresh waits for it.
    `laatste_melding` is when (time.monotonic) the first notice of the last refresh arrived.
    The waits (`rust_ms`, `max_wacht_ms`, `tussenpoos_ms`) may be changed before a burst.
    """

    komt_bij = Signal()
    bijgewerkt = Signal(object)
    _binnen = Signal(object)  # a Melding, from the listener thread

    def __init__(
        self,
        context: AppContext,
        parent: QObject | None = None,
        *,
        bezig: Callable[[], bool] | None = None,
        poll_ms: int = POLL_MS,
        rust_ms: int = RUST_MS,
        max_wacht_ms: int = MAX_WACHT_MS,
        tussenpoos_ms: int = TUSSENPOOS_MS,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._bezig = bezig
        self._poll_ms = poll_ms
        self.rust_ms = rust_ms
        self.max_wacht_ms = max_wacht_ms
        self.tussenpoos_ms = tussenpoos_ms
        self._vorige = float("-inf")  # time.monotonic() of the previous refresh
        self._entiteiten: set[str] = set()
        self._wacht = False
        self._eerste: float | None = None
        self.laatste_melding: float | None = None
        self.aantal_bijgewerkt = 0
        self._luisteraar: PostgresLuisteraar | None = None
        self._eigen: EigenVerbindingen | None = None
        self._wachter: SqliteWachter | None = None
        self._gestopt = True
        self._binnen.connect(self._ontvang, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._ververs)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._controleer)

    # --- starting and stopping ---------------------------------------------------------------

    def start(self) -> None:
        """Start listening (PostgreSQL) or polling (SQLite file); nothing for other databases."""
        if not self._gestopt:
            return
        self._gestopt = False
        catalogus = self.context.catalogus
        if (postgres := catalogus.postgres_luisteraar(self._van_draad)) is not None:
            self._luisteraar, self._eigen = postgres
            self._luisteraar.start()
        elif (wachter := catalogus.sqlite_wachter()) is not None:
            self._wachter = wachter
            catalogus.volg_eigen_commits(self._na_eigen_commit)
            self._poll.start()

    def stop(self, wacht_s: float = 0.0) -> None:
        """Stop listening and close the watcher's own connection (at closing time).

        The listener thread ends by itself within its poll time (0.5 s) and closes its
        connection; `wacht_s` waits for that (tests), the window does not wait.
        """
        if self._gestopt:
            return
        self._gestopt = True
        self._poll.stop()
        self._timer.stop()
        if self._luisteraar is not None:
            self._luisteraar.stop(wacht_s)
            self._luisteraar = None
        if self._eigen is not None:
            self._eigen.ontkoppel()
            self._eigen = None
        if self._wachter is not None:
            self._wachter.sluit()
            self._wachter = None
        self.context.catalogus.vergeet_eigen_commits(self._na_eigen_commit)

    @property
    def luisteraar(self) -> PostgresLuisteraar | None:
        """The PostgreSQL listener while it runs (tests wait for `verbonden`)."""
        return self._luisteraar

    # --- notices ------------------------------------------------------------------------------

    def _van_draad(self, melding: Melding) -> None:
        if not self._gestopt:
            self._binnen.emit(melding)  # queued to the GUI thread

    def _na_eigen_commit(self, wijzigingen: Wijzigingen) -> None:
        # On the committing thread, right after this app's own commit: take the file as seen.
        # The app raises its own event for that commit, and the rebuild it starts afterwards
        # reads everything committed up to now (also another app's change in between).
        # A commit that rebuilds nothing and logs nothing (a gesprek, a coach's profile)
        # leaves it unseen; one that only logs (a remark's status) is ours: seen.
        if not wijzigingen.raakt_catalogus and not wijzigingen.entiteiten:
            return
        wachter = self._wachter
        if wachter is not None:
            wachter.gelijk_zetten()

    def _controleer(self) -> None:
        if self._wachter is None:
            return
        melding = self._wachter.controleer()
        if melding is not None:
            self._poll.setInterval(SNEL_POLL_MS)  # is the burst over? look again soon
            self._ontvang(melding)

    def _ontvang(self, melding: Melding) -> None:
        if self._gestopt:
            return
        self._entiteiten |= melding.entiteiten or ALLE_ENTITEITEN
        nu = time.monotonic()
        if self._eerste is None:
            self._eerste = melding.ontvangen or nu
        self._wacht = True
        tot_max_ms = (self._eerste - nu) * 1000 + self.max_wacht_ms
        na_vorige_ms = (self._vorige - nu) * 1000 + self.tussenpoos_ms
        self._timer.start(int(max(0, min(self.rust_ms, tot_max_ms), na_vorige_ms)))

    def _ververs(self) -> None:
        if not self._wacht or self._gestopt:
            return
        if self._bezig is not None and self._bezig():
            self._timer.start(self.rust_ms)  # one index build at a time; try again shortly
            return
        wijzigingen = Wijzigingen.uit(((e, None) for e in self._entiteiten), bron="elders")
        self.laatste_melding = self._eerste
        self._entiteiten.clear()
        self._wacht = False
        self._eerste = None
        self._vorige = time.monotonic()
        self._poll.setInterval(self._poll_ms)
        self.aantal_bijgewerkt += 1
        log.info("Catalogus gewijzigd door een andere app: %s", ", ".join(wijzigingen.entiteiten))
        self.komt_bij.emit()
        self.context.gebeurtenissen.van_elders(wijzigingen)
        if wijzigingen.raakt_catalogus:  # not for remarks alone: the catalogue is the same
            self.context.gebeurtenissen.melding.emit(bijgewerkt_tekst())
        self.bijgewerkt.emit(wijzigingen)


def geparkeerd_tekst(namen: list[str]) -> str:
    """The gentle line in the gesprek when shortlisted instruments were parked meanwhile."""
    genoemd = " en ".join(f"‘{n}’" for n in namen) if len(namen) <= 2 else f"{len(namen)} opties"
    return (
        f"De beheergroep heeft {genoemd} net geparkeerd. Het blijft op de korte lijst. "
        "Kijk samen of jullie het nog willen."
        if len(namen) == 1
        else f"De beheergroep heeft {genoemd} net geparkeerd. Ze blijven op de korte lijst. "
        "Kijk samen of jullie ze nog willen."
    )


def bewaak_korte_lijst(volger: CatalogusVolger, paneel: Any) -> None:
    """Say so in the gesprek `paneel` when a refresh finds a shortlisted instrument parked.

    The option stays on the shortlist (the coach and client decide); the panel reloads its
    options on `catalogus_gewijzigd` (in the background, then `opties_herladen`), so the
    statuses before and after are compared.
    """
    voor: dict[int, InstrumentStatus] = {}

    def onthoud() -> None:
        voor.clear()
        voor.update({o.id: o.gegevens.status for o in paneel.korte_lijst.opties})

    def vergelijk() -> None:
        if not voor:
            return
        namen = [
            o.naam
            for o in paneel.korte_lijst.opties
            if voor.get(o.id) == InstrumentStatus.ACTIEF and o.gegevens.status != voor[o.id]
        ]
        voor.clear()
        if namen:
            paneel.meld(geparkeerd_tekst(namen), fout=False)

    volger.komt_bij.connect(onthoud)
    # The panel reads its options again in the background: compare once they are in.
    paneel.opties_herladen.connect(vergelijk)
