"""Live updates in the window: a beheerder elsewhere changes the catalogue, the coach keeps going.

Two apps on one SQLite catalogue: the coach's window (app B) and a beheerder's app (A). After
A's change the window rebuilds its search index in the background and keeps the coach's
filters, shortlist, selected instrument and open comparison; a parked shortlisted instrument
stays on the shortlist, and the gesprek says so gently.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.zoekvraag import ZoekVraag
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.zoeken.modellen import ID_ROL
from tests.conftest import TEST_GEBRUIKER
from tests.live_hulp import actieve, hernoem_kenmerk, parkeer_een, twee_apps

WACHT_MS = 20_000


@pytest.fixture
def apps(catalogus_url: str) -> Iterator[tuple[Database, Database]]:
    with twee_apps(catalogus_url) as paar:
        yield paar


@pytest.fixture
def venster(qtbot: QtBot, apps: tuple[Database, Database]) -> Iterator[MainWindow]:
    """The coach's window on app B."""
    w = MainWindow(AppContext(apps[1], TEST_GEBRUIKER))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _resultaat_ids(venster: MainWindow) -> list[int]:
    """Every hit of the search, also those not scrolled to yet."""
    model = venster.zoeken.resultaten_model
    return [model.treffer(r).id for r in range(model.aantal)]


def _geselecteerd(venster: MainWindow) -> int | None:
    rijen = venster.zoeken.kaarten.selectionModel().selectedRows()
    return int(rijen[0].data(ID_ROL)) if rijen else None


def test_parked_elsewhere_keeps_filters_shortlist_selection_and_comparison(
    qtbot: QtBot, apps: tuple[Database, Database], venster: MainWindow
) -> None:
    beheerder, _coach = apps
    zoeken, paneel = venster.zoeken, venster.gesprek.paneel
    vraag = ZoekVraag(routes=frozenset({"human_capital_first"}))
    zoeken.zet_zoekvraag(vraag)
    ids = _resultaat_ids(venster)
    assert len(ids) >= 4
    for instrument_id in ids[:3]:
        zoeken.korte_lijst_gevraagd.emit(instrument_id)
    zoeken.kaarten.selectRow(3)
    geselecteerd = _geselecteerd(venster)
    assert geselecteerd == ids[3]
    venster.tabs.setCurrentWidget(venster.gesprek.vergelijk)
    geparkeerd = ids[0]
    naam = paneel.korte_lijst.opties[0].naam

    with qtbot.waitSignal(zoeken.catalogus_geladen, timeout=WACHT_MS):
        parkeer_een(beheerder, geparkeerd)  # the beheerder's app, not this window

    assert venster.volger.aantal_bijgewerkt == 1
    assert zoeken.zoekvraag() == vraag  # filters kept
    assert paneel.korte_lijst.ids() == ids[:3]  # the shortlist keeps the parked option
    assert geparkeerd not in _resultaat_ids(venster)  # the search no longer offers it
    assert _geselecteerd(venster) == geselecteerd  # the selected card stays selected
    assert venster.tabs.currentWidget() is venster.gesprek.vergelijk  # comparison still open
    assert paneel.vergelijking.columnCount() == 3
    # The panel reads its options again in the background; the message follows that.
    qtbot.waitUntil(lambda: "net geparkeerd" in paneel.melding.text(), timeout=WACHT_MS)
    assert f"De beheergroep heeft ‘{naam}’ net geparkeerd." in paneel.melding.text()
    assert "blijft op de korte lijst" in paneel.melding.text()
    assert (
        venster.statusBar().currentMessage().startswith("Catalogus bijgewerkt door een beheerder")
    )


def test_own_change_gives_no_message_of_another_beheerder(
    qtbot: QtBot, apps: tuple[Database, Database], venster: MainWindow
) -> None:
    beheerder, coach = apps
    with qtbot.waitSignal(venster.zoeken.catalogus_geladen, timeout=WACHT_MS):
        hernoem_kenmerk(coach, "Eigen wijziging in dit venster")
    # A later change by the other app is the first one the follower reports.
    with qtbot.waitSignal(venster.volger.bijgewerkt, timeout=WACHT_MS) as signaal:
        parkeer_een(beheerder)
    assert signaal.args[0].entiteiten == {"instrument"}
    assert venster.volger.aantal_bijgewerkt == 1


def test_burst_of_twenty_changes_rebuilds_the_index_once_or_twice(
    qtbot: QtBot, apps: tuple[Database, Database], venster: MainWindow
) -> None:
    beheerder, _coach = apps
    zoeken = venster.zoeken
    # Generous waits for a busy shared machine (see test_live_meldingen); same mechanism.
    venster.volger.rust_ms, venster.volger.max_wacht_ms = 2000, 120_000
    builds: list[int] = []
    zoeken.catalogus_geladen.connect(lambda: builds.append(1))
    vraag = ZoekVraag(routes=frozenset({"human_capital_first"}))
    zoeken.zet_zoekvraag(vraag)
    ids = [i for i, _v, _n in actieve(beheerder, 20)]
    fouten: list[BaseException] = []

    def reeks() -> None:
        try:
            for instrument_id in ids:
                parkeer_een(beheerder, instrument_id)
        except BaseException as fout:
            fouten.append(fout)

    draad = threading.Thread(target=reeks)
    draad.start()
    qtbot.waitUntil(lambda: not draad.is_alive(), timeout=WACHT_MS * 3)
    assert fouten == []
    # Done once the window's search no longer offers any of the 20.
    qtbot.waitUntil(
        lambda: not zoeken.laadt and not set(ids) & set(_resultaat_ids(venster)),
        timeout=WACHT_MS,
    )
    assert 1 <= len(builds) <= 2
    assert 1 <= venster.volger.aantal_bijgewerkt <= 2
    assert zoeken.zoekvraag() == vraag


def test_texts_are_plain_dutch() -> None:
    from keuzehulp.services.leesbaarheid import beoordeel, woorden, zinnen
    from keuzehulp.ui.catalogusvolger import bijgewerkt_tekst, geparkeerd_tekst

    een = geparkeerd_tekst(["Cursus VCA, Opleidingscentrum Veilig Vooruit"])
    twee = geparkeerd_tekst(["Cursus VCA", "Proefplaatsing"])
    drie = geparkeerd_tekst(["A", "B", "C"])
    assert "‘Cursus VCA’ en ‘Proefplaatsing’" in twee and "Ze blijven" in twee
    assert "3 opties" in drie
    for tekst in (een, twee, drie, bijgewerkt_tekst()):
        beoordeling = beoordeel(tekst)
        assert beoordeling.ok, beoordeling.uitleg()
        assert all(len(woorden(z)) <= 15 for z in zinnen(tekst)), tekst


def test_a_remark_status_is_no_catalogue_change_here_or_elsewhere(
    qtbot: QtBot, apps: tuple[Database, Database], venster: MainWindow
) -> None:
    from keuzehulp.services.beheer.opmerkingen import zoek_opmerkingen
    from tests.terugblik_hulp import blik_terug, maak_gesprek

    beheerder, _coach = apps
    iid = actieve(beheerder)[0][0]
    zoeken, volger = venster.zoeken, venster.volger
    blik_terug(beheerder, maak_gesprek(beheerder, iid), coach_opmerking="Bellen")
    qtbot.waitUntil(lambda: not zoeken.laadt, timeout=WACHT_MS)
    bijgewerkt = volger.aantal_bijgewerkt
    [opmerking] = zoek_opmerkingen(beheerder)
    meldingen: list[str] = []
    gebouwd: list[int] = []
    venster.context.gebeurtenissen.melding.connect(meldingen.append)
    venster.context.gebeurtenissen.catalogus_gewijzigd.connect(lambda: gebouwd.append(1))
    # This window's own status change: seen as its own, not as another app's change.
    with qtbot.waitSignal(venster.context.gebeurtenissen.wijzigingen, timeout=WACHT_MS):
        venster.context.beheer.zet_opmerking_status([opmerking.id], "besproken")
    assert volger._wachter is not None and volger._wachter.controleer() is None
    # Another app's status change: noticed, but no index rebuild and no "catalogus bijgewerkt".
    with qtbot.waitSignal(volger.bijgewerkt, timeout=WACHT_MS) as signaal:
        beheerder_dienst = AppContext(beheerder, TEST_GEBRUIKER).beheer
        beheerder_dienst.zet_opmerking_status([opmerking.id], "verwerkt")
    assert signaal.args[0].entiteiten == {"opmerking"}
    assert volger.aantal_bijgewerkt == bijgewerkt + 1
    assert gebouwd == [] and not zoeken.laadt
    assert not any("Catalogus bijgewerkt" in m for m in meldingen)
