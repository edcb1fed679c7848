"""Never a frozen window: lists load in workers, filters wait for a typing pause, the search
index swaps in while the search keeps answering, the kenmerken tree signals once per level,
the log pages, and the window's start path stays light. Behaviour only, no timings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.services.beheer import instrumenten
from keuzehulp.services.zoekvraag import ZoekVraag
from keuzehulp.ui.beheer import log_view
from keuzehulp.ui.beheer.instrumenten_view import InstrumentenView
from keuzehulp.ui.beheer.log_view import LogView
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.zoeken.zoek_scherm import ZoekScherm
from tests.beheer_hulp import nieuw
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.conftest import TEST_GEBRUIKER

REPO = Path(__file__).resolve().parent.parent


def _instrumenten(qtbot: QtBot, db: Database) -> InstrumentenView:
    view = InstrumentenView(AppContext(db, TEST_GEBRUIKER), beheerder=True)
    qtbot.addWidget(view)
    view.show()
    return view


def test_the_beheer_list_fills_in_after_its_worker(qtbot: QtBot, database: Database) -> None:
    ids = [nieuw(database, f"Coaching, Aanbieder {n}") for n in "ABC"]
    view = _instrumenten(qtbot, database)
    assert view.laadt  # the constructor returned before the rows were there
    qtbot.waitUntil(lambda: not view.laadt)
    assert sorted(r.id for r in view.model.rijen) == sorted(ids)
    assert view.lijst_status.text() == "3 instrumenten, alle concept."


def test_the_filter_waits_for_a_pause_in_typing(qtbot: QtBot, database: Database) -> None:
    for naam in ("Coaching, Stap Verder", "Training, Werkfit", "Training, Taal"):
        nieuw(database, naam)
    view = _instrumenten(qtbot, database)
    qtbot.waitUntil(lambda: not view.laadt)
    resets: list[int] = []
    view.model.modelReset.connect(lambda: resets.append(1))
    QTest.keyClicks(view.zoekveld, "training")  # eight keystrokes
    assert view.model.rowCount() == 3 and resets == []  # nothing filtered per keystroke
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert resets == [1]  # one filter pass after the pause
    assert view.lijst_status.text() == "2 van de 3 instrumenten passen bij het filter."
    view.zoekveld.setText("taal")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.lijst_status.text() == "1 van de 3 instrumenten past bij het filter."
    view.status_filter.setCurrentIndex(view.status_filter.findData(InstrumentStatus.ACTIEF))
    assert view.model.rowCount() == 0  # status applies at once (a choice, not typing)


def test_the_list_sorts_only_when_a_header_is_clicked(qtbot: QtBot, database: Database) -> None:
    nieuw(database, "Coaching, Beta", type="Training")
    nieuw(database, "Coaching, Alfa", type="Coaching")
    view = _instrumenten(qtbot, database)
    qtbot.waitUntil(lambda: not view.laadt)
    namen = [r.naam for r in view.model.rijen]
    assert namen == ["Coaching, Alfa", "Coaching, Beta"]  # the service's name order
    header = view.lijst.horizontalHeader()
    kolom = view.model.KOLOMMEN.index("Type")  # (Uitvoerder is hidden: the name ends in it)
    plek = QPoint(header.sectionViewportPosition(kolom) + 5, header.height() // 2)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=plek)
    assert header.sortIndicatorSection() == kolom
    eerste = [r.type for r in view.model.rijen]
    assert eerste in (["Coaching", "Training"], ["Training", "Coaching"])
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=plek)
    assert [r.type for r in view.model.rijen] == list(reversed(eerste))


def test_the_search_answers_from_the_old_index_until_the_new_one_swaps_in(
    qtbot: QtBot, database: Database
) -> None:
    vul_catalogus(database, kleine_catalogus())
    scherm = ZoekScherm(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(scherm)
    vraag = ZoekVraag(routes=frozenset({"work_first"}))
    scherm.zet_zoekvraag(vraag)
    assert scherm.service.zoek(vraag).aantal == 1
    extra = kleine_catalogus()[0].model_copy(update={"naam": "Nieuw, Aanbieder N"})
    vul_catalogus(database, [extra])  # raises catalogus_gewijzigd: a rebuild starts
    scherm.herlaad()
    # The rebuild runs in a worker; until its result is swapped in on this thread, the
    # search answers in full from the old index.
    scherm.zet_zoekvraag(ZoekVraag())
    scherm.zet_zoekvraag(vraag)
    assert scherm.service.zoek(vraag).aantal == 1
    assert scherm.laadt
    with qtbot.waitSignal(scherm.catalogus_geladen, timeout=10000):
        pass
    qtbot.waitUntil(lambda: not scherm.laadt)
    assert scherm.service.zoek(vraag).aantal == 2
    assert scherm.resultaten_model.rowCount() == 2  # the screen searched again


def test_a_window_started_empty_fills_in(qtbot: QtBot, database: Database) -> None:
    vul_catalogus(database, kleine_catalogus())
    scherm = ZoekScherm(AppContext(database, TEST_GEBRUIKER), laad_later=True)
    qtbot.addWidget(scherm)
    assert scherm.resultaten_model.rowCount() == 0
    assert "geladen" in scherm.aantal.text()
    assert scherm.lijst_of_niets.currentWidget() is scherm.kaarten  # not "nothing found"
    with qtbot.waitSignal(scherm.catalogus_geladen, timeout=10000):
        pass
    assert scherm.resultaten_model.rowCount() == 3
    assert set(scherm.route_stap.vakjes) == {"life_first", "human_capital_first", "work_first"}


def test_the_kenmerken_tree_signals_once_per_level(qtbot: QtBot, database: Database) -> None:
    vul_catalogus(database, kleine_catalogus())
    scherm = ZoekScherm(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(scherm)
    model = scherm.kenmerk_model
    signalen: list[tuple[QModelIndex, QModelIndex]] = []
    model.dataChanged.connect(lambda a, b, _rollen=(): signalen.append((a, b)))
    codes = list(scherm.service.kenmerken)
    model.zet_aantallen({c: 1000 + i for i, c in enumerate(codes)})  # every count changes
    ouders = {o.parent for o in scherm.service.kenmerken.values()}
    assert len(signalen) == len(ouders)  # one per level (the groups, then each parent)
    for links, rechts in signalen:
        assert links.parent() == rechts.parent() and links.column() == 0
        assert rechts.column() == 1
    signalen.clear()
    model.zet_aantallen({c: 1000 + i for i, c in enumerate(codes)})
    assert signalen == []  # nothing changed, nothing to repaint
    model.zet_aantallen({c: 1000 + i for i, c in enumerate(codes)} | {codes[-1]: 0})
    assert len(signalen) == 1


def test_the_log_shows_the_newest_page_and_fetches_older_ones(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(log_view, "PAGINA", 10)
    for n in range(15):
        nieuw(database, f"Coaching, Aanbieder {n}")
    view = LogView(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(view)
    view.model.paginagrootte = 10
    qtbot.waitUntil(lambda: not view.laadt)
    assert view.model.rowCount() == 10
    nieuwste = view.model.rij(0).id
    assert view.model.canFetchMore(QModelIndex())
    assert "scroll omlaag" in view.aantal.text()
    view.model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: view.model.rowCount() == 20)
    ids = [r.id for r in view.model.rijen]
    assert ids == sorted(ids, reverse=True) and ids[0] == nieuwste  # no gaps, no repeats
    assert len(set(ids)) == 20


def test_list_models_pass_the_model_tester(
    qtbot: QtBot, database: Database, qtmodeltester: ModelTester
) -> None:
    nieuw(database)
    view = LogView(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.laadt)
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.instrument_model)
    assert view.instrument.count() == 2  # "Alle instrumenten" and the one instrument


# Imported by nothing the window needs before it is filled in (issue 13, item 4).
NIET_VOOR_HET_VULLEN = (
    "openpyxl",
    "reportlab",
    "alembic",
    "sqlalchemy.dialects.postgresql",  # the partial index names its condition on connect
    "keuzehulp.services.rapport.gegevens",
    "keuzehulp.ui.beheer.beheer_tab",  # built on first use
    "keuzehulp.ui.inzicht.scherm",
)

# Loaded after the first paint: the window shows before them (most of the launch's CPU).
NIET_VOOR_DE_EERSTE_TEKENING = (
    "sqlalchemy",
    "pydantic",
    "keuzehulp.model.db",
    "keuzehulp.services.opstart",
    "keuzehulp.ui.zoeken",
)

_BIJ_EERSTE_TEKENING = """
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

def klaar(venster):
    print("GEVULD", venster.gevuld, flush=True)
    print("TABS", ",".join(venster.tabs.tabText(i) for i in range(venster.tabs.count())))
    print("MODULES_GEVULD", ",".join(sorted(sys.modules)), flush=True)
    from keuzehulp.model.foutsoorten import toestand
    staat = toestand(venster.context.database.engine)
    print("CONTROLE", staat.nog_te_controleren is not None, flush=True)
    from keuzehulp.model.catalogus import Kenmerk
    print("MAPPERS", Kenmerk.__mapper__.configured, flush=True)
    venster.context.taken.wacht(20000)
    QApplication.instance().exit(0)

class Eerste(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            from keuzehulp.ui.lancering import Lancering
            obj.removeEventFilter(self)
            print("MODULES", ",".join(sorted(sys.modules)), flush=True)
            print("LADEN", obj.gevuld, obj.tabs.widget(0).accessibleName(), flush=True)
            lancering = obj.findChild(Lancering)
            lancering.klaar.connect(lambda: klaar(obj))
        return False

_exec = QApplication.exec
def exec_(*_a):
    app = QApplication.instance()
    app._eerste = Eerste(app)
    for venster in app.topLevelWidgets():
        if isinstance(venster, QMainWindow):
            venster.installEventFilter(app._eerste)
    return _exec()
QApplication.exec = exec_
import keuzehulp.cli.main as hoofd
"""


def _bij_eerste_tekening(url: str, tmp_path: Path, voorbereiding: str = "") -> dict[str, str]:
    """Start the real entry point on `url` and report, at the first paint of the main window,
    the loaded modules ("MODULES", comma-separated) and whether the window is still empty
    ("LADEN"); once the launch has filled it in, whether it is ("GEVULD"), its tabs ("TABS"),
    the loaded modules ("MODULES_GEVULD"), whether the damage check still waits ("CONTROLE")
    and whether the ORM mappers are configured ("MAPPERS"): the background work waits for
    the paint of the filled-in window."""
    code = _BIJ_EERSTE_TEKENING + voorbereiding + "sys.exit(hoofd.main(sys.argv[1:]))\n"
    omgeving = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    uit = subprocess.run(
        [sys.executable, "-c", code, "--database", url, "--gebruiker", TEST_GEBRUIKER],
        capture_output=True,
        text=True,
        env=omgeving,
        timeout=120,
        check=False,
    )
    assert uit.returncode == 0, uit.stderr
    soorten = ("MODULES", "LADEN", "GEVULD", "TABS", "MODULES_GEVULD", "CONTROLE", "MAPPERS")
    regels = dict(r.split(" ", 1) for r in uit.stdout.splitlines() if r.startswith(soorten))
    assert set(regels) == set(soorten), uit.stdout
    return regels


def test_the_window_paints_before_the_catalogue_layers_are_imported(
    catalogus_url: str, tmp_path: Path
) -> None:
    """Through the real entry point: the first paint shows the window saying "Catalogus
    laden…", before SQLAlchemy, pydantic, the models and the screens are imported; then the
    launch fills it in."""
    uitslag = _bij_eerste_tekening(catalogus_url, tmp_path)
    geladen = set(uitslag["MODULES"].split(","))
    assert "keuzehulp.ui.main_window" in geladen  # the report is from the real window
    assert [m for m in NIET_VOOR_DE_EERSTE_TEKENING if m in geladen] == []
    assert uitslag["LADEN"] == "False Catalogus laden…"
    assert uitslag["GEVULD"] == "True"
    assert uitslag["TABS"].split(",")[:3] == ["&Zoeken", "Ver&gelijken", "Behee&r"]


def test_the_window_start_path_imports_no_openpyxl_reportlab_or_alembic(
    catalogus_url: str, tmp_path: Path
) -> None:
    """Up to the moment the window is filled in, on an up-to-date database: none of the heavy
    or later modules; the ORM mappers are configured by the first load in a worker, and
    SQLite's quick_check runs in a worker, both after the filled-in window has painted."""
    uitslag = _bij_eerste_tekening(catalogus_url, tmp_path)
    geladen = set(uitslag["MODULES_GEVULD"].split(","))
    assert "keuzehulp.ui.zoeken.zoek_scherm" in geladen  # the report is from the filled window
    assert [m for m in NIET_VOOR_HET_VULLEN if m in geladen] == []
    assert uitslag["CONTROLE"] == "True"  # GUI tests run on SQLite: a file to check
    assert uitslag["MAPPERS"] == "False"


def test_the_beheer_count_splits_by_status_and_matches_zoeken(
    qtbot: QtBot, database: Database
) -> None:
    """Beheer counts every instrument, Zoeken only the published ones: the line under the
    Beheer list names both, so a beheerder can set "61" beside Zoeken's "52"."""
    vul_catalogus(database, kleine_catalogus())  # 3 published, 1 parked, 1 concept
    nieuw(database, "Coaching, Aanbieder Concept")
    weg = instrumenten.lijst_instrumenten(database)[0].id
    versie = instrumenten.open_instrument(database, weg).versie
    instrumenten.parkeer(database, TEST_GEBRUIKER, weg, versie, "aanbieder stopt")
    view = _instrumenten(qtbot, database)
    qtbot.waitUntil(lambda: not view.laadt)
    assert view.lijst_status.text() == (
        "6 instrumenten: 2 gepubliceerd (te vinden in Zoeken), 2 geparkeerd, 2 concept."
    )
    scherm = ZoekScherm(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(scherm)
    assert scherm.service.zoek(ZoekVraag()).aantal == 2
