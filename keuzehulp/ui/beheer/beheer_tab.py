"""The Beheer tab: one sub-tab per task, each screen built when first shown.

Every built screen refreshes on `catalogus_gewijzigd`: the visible one at once, the others
when they are shown again. A screen not yet built costs nothing: opening the Beheer tab
builds only the screen it shows (issue 13: no screen is built, or reads, before it is seen).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from keuzehulp.model.mutatielog import Wijzigingen
from keuzehulp.ui.context import AppContext

if TYPE_CHECKING:
    from keuzehulp.ui.beheer.gemeenten_view import GemeentenView
    from keuzehulp.ui.beheer.instrumenten_view import InstrumentenView
    from keuzehulp.ui.beheer.kenmerken_view import KenmerkenView
    from keuzehulp.ui.beheer.lijsten_view import ActualiteitView, BeheerdersView, VersiesView
    from keuzehulp.ui.beheer.log_view import LogView
    from keuzehulp.ui.beheer.opmerkingen_view import OpmerkingenView


class _Scherm(Protocol):
    def ververs(self) -> None: ...


def _bouwers(context: AppContext, beheerder: bool) -> dict[str, Callable[[], QWidget]]:
    """Per screen name: how to build it (imports deferred, so an unseen screen costs nothing)."""

    def instrumenten() -> QWidget:
        from keuzehulp.ui.beheer.instrumenten_view import InstrumentenView

        return InstrumentenView(context, beheerder)

    def kenmerken() -> QWidget:
        from keuzehulp.ui.beheer.kenmerken_view import KenmerkenView

        return KenmerkenView(context, beheerder)

    def gemeenten() -> QWidget:
        from keuzehulp.ui.beheer.gemeenten_view import GemeentenView

        return GemeentenView(context, beheerder)

    def log() -> QWidget:
        from keuzehulp.ui.beheer.log_view import LogView

        return LogView(context)

    def versies() -> QWidget:
        from keuzehulp.ui.beheer.lijsten_view import VersiesView

        return VersiesView(context, beheerder)

    def beheerders() -> QWidget:
        from keuzehulp.ui.beheer.lijsten_view import BeheerdersView

        return BeheerdersView(context, beheerder)

    def actualiteit() -> QWidget:
        from keuzehulp.ui.beheer.lijsten_view import ActualiteitView

        return ActualiteitView(context, beheerder)

    def opmerkingen() -> QWidget:
        from keuzehulp.ui.beheer.opmerkingen_view import OpmerkingenView

        return OpmerkingenView(context, beheerder)

    return {
        "instrumenten": instrumenten,
        "kenmerken": kenmerken,
        "gemeenten": gemeenten,
        "log": log,
        "versies": versies,
        "beheerders": beheerders,
        "actualiteit": actualiteit,
        "opmerkingen": opmerkingen,
    }


TITELS = {
    "instrumenten": "&Instrumenten",
    "kenmerken": "&Kenmerken",
    "gemeenten": "&Gemeenten",
    "log": "&Mutatielog",
    "versies": "&Versies",
    "beheerders": "Beheer&ders",
    "actualiteit": "Ac&tualiteit",
    "opmerkingen": "&Opmerkingen",
}


# Logged entities the search never shows (mutatielog.BUITEN_DE_ZOEKTOCHT): the screens that
# list them, reloaded on `wijzigingen` (no `catalogus_gewijzigd` comes for them).
SCHERMEN_BUITEN_DE_ZOEKTOCHT = {
    "opmerking": ("opmerkingen", "log"),
    "beheerder": ("beheerders", "log"),
    "catalogusversie": ("versies", "log"),
}


class BeheerTab(QWidget):
    """Instruments, kenmerken, gemeenten, log, versions, beheerders and upkeep for the beheergroep.

    `beheerder` is the user's role as the window already knows it; when None it is read here.
    The screens are attributes (`tab.kenmerken`, ...); reading one builds it if needed.
    """

    def __init__(self, context: AppContext, beheerder: bool | None = None) -> None:
        super().__init__()
        self.context = context
        if beheerder is None:
            beheerder = context.beheer.is_beheerder()
        self.beheerder = beheerder
        self.rol = QLabel(
            f"U werkt als beheerder ({context.gebruiker}). Elke wijziging komt in het mutatielog."
            if self.beheerder
            else f"U bent werkcoach ({context.gebruiker}). U kunt hier kijken, niet wijzigen. "
            "Alleen beheerders wijzigen de catalogus."
        )
        self.rol.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Beheertaken")
        self._bouwers = _bouwers(context, self.beheerder)
        self._gebouwd: dict[str, QWidget] = {}
        self._plekken: dict[str, QWidget] = {}
        for naam, titel in TITELS.items():
            plek = QWidget()  # stands in for the screen until it is first shown
            plek.setAccessibleName(titel.replace("&", ""))
            self._plekken[naam] = plek
            self.tabs.addTab(plek, titel)
        lay = QVBoxLayout(self)
        lay.addWidget(self.rol)
        lay.addWidget(self.tabs, 1)
        self._verouderd: set[QWidget] = set()
        self.tabs.currentChanged.connect(self._bij_wissel)
        context.gebeurtenissen.catalogus_gewijzigd.connect(self.ververs)
        context.gebeurtenissen.wijzigingen.connect(self._bij_wijzigingen)
        self._bij_wissel(self.tabs.currentIndex())

    # --- the screens, built on first use ------------------------------------------------

    def scherm(self, naam: str) -> QWidget:
        """The screen `naam` (a key of TITELS), built and put in its tab if not yet there."""
        gebouwd = self._gebouwd.get(naam)
        if gebouwd is not None:
            return gebouwd
        view = self._bouwers[naam]()
        self._gebouwd[naam] = view
        plek = self._plekken.pop(naam)
        index = self.tabs.indexOf(plek)
        huidig = self.tabs.currentIndex()
        self.tabs.blockSignals(True)  # swapping the stand-in is no change of tab
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, view, TITELS[naam])
        self.tabs.setCurrentIndex(huidig)
        self.tabs.blockSignals(False)
        plek.deleteLater()
        return view

    @property
    def gebouwde_schermen(self) -> list[str]:
        """Names of the screens built so far (in the order they were built)."""
        return list(self._gebouwd)

    @property
    def instrumenten(self) -> InstrumentenView:
        return self.scherm("instrumenten")  # type: ignore[return-value]

    @property
    def kenmerken(self) -> KenmerkenView:
        return self.scherm("kenmerken")  # type: ignore[return-value]

    @property
    def gemeenten(self) -> GemeentenView:
        return self.scherm("gemeenten")  # type: ignore[return-value]

    @property
    def log(self) -> LogView:
        return self.scherm("log")  # type: ignore[return-value]

    @property
    def versies(self) -> VersiesView:
        return self.scherm("versies")  # type: ignore[return-value]

    @property
    def beheerders(self) -> BeheerdersView:
        return self.scherm("beheerders")  # type: ignore[return-value]

    @property
    def actualiteit(self) -> ActualiteitView:
        return self.scherm("actualiteit")  # type: ignore[return-value]

    @property
    def opmerkingen(self) -> OpmerkingenView:
        return self.scherm("opmerkingen")  # type: ignore[return-value]

    # --- refreshing -----------------------------------------------------------------------

    def ververs(self) -> None:
        """The catalogue changed: reload the visible screen now, the other built ones when shown."""
        for scherm in self._gebouwd.values():
            if scherm is self.tabs.currentWidget():
                _ververs(scherm)
            else:
                self._verouderd.add(scherm)

    def _bij_wijzigingen(self, wijzigingen: Wijzigingen) -> None:
        """Remarks or beheerders changed without touching the catalogue: only the screens
        that list them reload, now when shown, else when shown again."""
        if wijzigingen.raakt_catalogus:
            return  # `ververs` reloads every screen
        namen = {n for e in wijzigingen.entiteiten for n in SCHERMEN_BUITEN_DE_ZOEKTOCHT.get(e, ())}
        for naam in namen:
            scherm = self._gebouwd.get(naam)
            if scherm is None or _eigen_wijziging(scherm, wijzigingen):
                continue
            if scherm is self.tabs.currentWidget():
                _ververs(scherm)
            else:
                self._verouderd.add(scherm)

    def _bij_wissel(self, index: int) -> None:
        pagina = self.tabs.widget(index)
        for naam, plek in list(self._plekken.items()):
            if plek is pagina:
                self.scherm(naam)  # built now: it reads fresh data itself
                return
        if pagina in self._verouderd:
            self._verouderd.discard(pagina)
            _ververs(pagina)

    def toon(self, scherm: QWidget) -> None:
        self.tabs.setCurrentWidget(scherm)


def _eigen_wijziging(scherm: QWidget, wijzigingen: Wijzigingen) -> bool:
    """Whether the screen made this change itself and already shows it (a screen may say so
    with `eigen_wijziging(wijzigingen) -> bool`, as the Opmerkingen list does)."""
    eigen: Callable[[Wijzigingen], bool] | None = getattr(scherm, "eigen_wijziging", None)
    return eigen is not None and eigen(wijzigingen)


def _ververs(scherm: QWidget) -> None:
    ververs: _Scherm = scherm  # type: ignore[assignment]
    ververs.ververs()
