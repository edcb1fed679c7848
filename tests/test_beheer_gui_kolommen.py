"""Beheer tables size their columns to the texts of a page of rows, without Qt's full scan."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from keuzehulp.ui.beheer.gemeen import MEETRIJEN, Kolom, RijenModel, begrens_kolommen


@dataclass(frozen=True)
class _Rij:
    naam: str
    plaats: str | None
    aantal: int


class _Model(RijenModel[_Rij]):
    KOLOMMEN = (
        Kolom("Naam", lambda r: r.naam),
        Kolom("Plaats", lambda r: r.plaats),
        Kolom("Aantal", lambda r: r.aantal),
    )


def _rijen() -> list[_Rij]:
    return [
        _Rij("Coaching", "Utrecht", 3),
        _Rij("Training sollicitatievaardigheden, Aanbieder Twee", None, 12345),
        _Rij("Cursus", "’s-Hertogenbosch", 7),
        _Rij("Taal\nmet twee regels, de tweede langer", "Ede", 1),
    ]


def _view(qtbot: QtBot, model: object) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)  # type: ignore[arg-type]
    view.resize(900, 400)
    view.show()
    return view


def _breedtes(view: QTableView) -> list[int]:
    kop = view.horizontalHeader()
    return [kop.sectionSize(k) for k in range(kop.count())]


def test_columns_get_the_width_qt_itself_would_give_them(
    qtbot: QtBot,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    model = _Model()
    model.zet_rijen(_rijen())
    qtmodeltester.check(model)
    view = _view(qtbot, model)
    begrens_kolommen(view, maximum=2000)
    ons = _breedtes(view)
    view.resizeColumnsToContents()  # Qt's own measurement of every row
    assert ons == _breedtes(view)
    assert ons[0] > ons[2]  # the long name sets the first column's width


def test_a_long_text_column_is_bounded_and_a_sort_proxy_is_looked_through(
    qtbot: QtBot,
) -> None:
    model = _Model()
    model.zet_rijen(_rijen())
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    view = _view(qtbot, proxy)
    begrens_kolommen(view, maximum=150)
    breedtes = _breedtes(view)
    assert breedtes[0] == 150
    view.resizeColumnsToContents()
    assert breedtes[1:] == _breedtes(view)[1:]


def test_only_a_page_of_rows_is_measured(qtbot: QtBot) -> None:
    model = _Model()
    lang = _Rij("Een heel lange naam die pas na de eerste pagina komt", "Ede", 1)
    model.zet_rijen([_Rij("Kort", "Ede", 1)] * MEETRIJEN + [lang])
    view = _view(qtbot, model)
    begrens_kolommen(view, maximum=2000)
    kort = _breedtes(view)[0]
    model.zet_rijen([lang] + [_Rij("Kort", "Ede", 1)] * MEETRIJEN)
    begrens_kolommen(view, maximum=2000)
    assert _breedtes(view)[0] > kort
