"""The Beheer instrument list is filtered and sorted in the worker that loads it, and a few
changed instruments are patched into it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.qtbot import QtBot

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.tekst import naam_sleutel
from keuzehulp.services.beheer.instrumenten import InstrumentRegel
from keuzehulp.ui.beheer.modellen import InstrumentTabelModel, bereid_voor

MOMENT = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


def _regels() -> list[InstrumentRegel]:
    a, p = InstrumentStatus.ACTIEF, InstrumentStatus.GEPARKEERD
    return [
        InstrumentRegel(1, "Coaching, Aanbieder Één", a, "Coaching", "Zeta", MOMENT, 1),
        InstrumentRegel(2, "Training, Aanbieder Twee", p, "Training", "Alfa", MOMENT, 1),
        InstrumentRegel(3, "Cursus, Aanbieder Drie", a, "Cursus", "Mu", MOMENT, 1),
        InstrumentRegel(4, "Coaching, Aanbieder Vier", a, "Coaching", None, MOMENT, 1),
    ]


def _ids(model: InstrumentTabelModel) -> list[int]:
    return [r.id for r in model.rijen]


def test_a_list_prepared_for_the_current_choice_is_used_as_it_is(
    qtbot: QtBot,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    model = InstrumentTabelModel()
    model.zet_rijen(_regels())
    model.sort(3, Qt.SortOrder.DescendingOrder)
    model.zet_filter(InstrumentStatus.ACTIEF, "aanbieder")
    assert _ids(model) == [1, 3, 4]  # Zeta, Mu, no provider
    voorbereid = bereid_voor(_regels()[::-1], *model.keuze())
    assert voorbereid.zichtbaar is not None
    # The worker's order is taken over (the GUI thread neither filters nor sorts again).
    voorbereid.zichtbaar[:] = [0]
    model.zet_rijen(voorbereid)
    assert _ids(model) == [4]
    qtmodeltester.check(model)


def test_a_choice_changed_while_loading_is_applied_to_the_new_rows(
    qtbot: QtBot,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    model = InstrumentTabelModel()
    model.zet_rijen(_regels())
    voorbereid = bereid_voor(_regels(), *model.keuze())  # made for "all, unsorted"
    model.zet_filter(None, "coaching")  # meanwhile the beheerder typed
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.zet_rijen(voorbereid)
    assert _ids(model) == [1, 4]
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    model.sort(3, Qt.SortOrder.AscendingOrder)  # on the provider's key, not its display text
    assert _ids(model) == [4, 1]  # no provider ("") sorts first


# --- patching a few changed lines in (InstrumentTabelModel.werk_bij) -----------------------


class _Signalen:
    """Which change signals a model sent (counted, to tell a patch from a reset)."""

    def __init__(self, model: InstrumentTabelModel) -> None:
        self.data: list[int] = []
        self.layout = 0
        self.reset = 0
        model.dataChanged.connect(lambda a, _b, _r=(): self.data.append(a.row()))
        model.layoutChanged.connect(lambda *_: setattr(self, "layout", self.layout + 1))
        model.modelReset.connect(lambda: setattr(self, "reset", self.reset + 1))


def _nieuw(regel: InstrumentRegel, **waarden: object) -> InstrumentRegel:
    return dataclasses.replace(regel, **waarden)  # type: ignore[arg-type]


def test_a_changed_line_that_stays_in_place_is_replaced_with_one_data_change(
    qtbot: QtBot,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    model = InstrumentTabelModel()
    model.zet_rijen(_regels())
    model.sort(3, Qt.SortOrder.AscendingOrder)  # on the provider: None, Alfa, Mu, Zeta
    vast = QPersistentModelIndex(model.index(2, 0))  # "Cursus" (Mu): a selected row
    signalen = _Signalen(model)
    geparkeerd = _nieuw(_regels()[2], status=InstrumentStatus.GEPARKEERD, versie=2)
    model.werk_bij({3}, [geparkeerd])
    assert (signalen.data, signalen.layout, signalen.reset) == ([2], 0, 0)
    assert model.rij(2) == geparkeerd and _ids(model) == [4, 2, 3, 1]
    assert model.index(2, 1).data() == "geparkeerd"
    assert vast.row() == 2
    qtmodeltester.check(model)


def test_a_line_that_moves_keeps_its_selection_through_a_layout_change(
    qtbot: QtBot,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    model = InstrumentTabelModel()
    model.zet_rijen(_regels())
    model.sort(3, Qt.SortOrder.AscendingOrder)
    vast = QPersistentModelIndex(model.index(2, 0))  # id 3 (Mu)
    signalen = _Signalen(model)
    model.werk_bij({3}, [_nieuw(_regels()[2], uitvoerder="Zwaluw")])  # now sorts last
    assert _ids(model) == [4, 2, 1, 3]
    assert (signalen.layout, signalen.reset) == (1, 0)
    assert vast.row() == 3 and vast.data() == "Cursus, Aanbieder Drie"
    qtmodeltester.check(model)


def test_a_renamed_line_moves_to_its_place_in_the_name_order(
    qtbot: QtBot,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    model = InstrumentTabelModel()
    model.zet_rijen(sorted(_regels(), key=lambda r: naam_sleutel(r.naam)))  # as the service
    assert _ids(model) == [1, 4, 3, 2]
    model.werk_bij({1}, [_nieuw(_regels()[0], naam="Werkfit, Aanbieder Één")])
    assert _ids(model) == [4, 3, 2, 1]
    qtmodeltester.check(model)


def test_a_new_line_comes_in_name_order_and_in_the_filter_and_sorting_chosen(
    qtbot: QtBot,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    model = InstrumentTabelModel()
    model.zet_rijen(sorted(_regels(), key=lambda r: naam_sleutel(r.naam)))
    nieuw = InstrumentRegel(9, "Coaching, Baas", InstrumentStatus.CONCEPT, None, "Bèta", MOMENT, 1)
    signalen = _Signalen(model)
    model.werk_bij({9}, [nieuw])
    assert _ids(model) == [1, 4, 9, 3, 2]  # "coaching,baas" after "coaching,aanbieder..."
    assert signalen.reset == 1 and model.aantal_geladen == 5
    model.sort(3, Qt.SortOrder.DescendingOrder)
    model.zet_filter(InstrumentStatus.ACTIEF, "")
    later = InstrumentRegel(10, "Activering, Nu", InstrumentStatus.ACTIEF, None, "Nu", MOMENT, 1)
    model.werk_bij({10}, [later])
    assert _ids(model) == [1, 10, 3, 4]  # Zeta, Nu, Mu, no provider: only the active ones
    # Gone from the catalogue (no line came back): gone from the list.
    model.werk_bij({3}, [])
    assert _ids(model) == [1, 10, 4] and model.aantal_geladen == 5
    assert model.rij_van(3) == -1 and model.rij_van(4) == 2
    qtmodeltester.check(model)


def test_a_line_leaving_the_status_filter_leaves_the_shown_rows(
    qtbot: QtBot,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    model = InstrumentTabelModel()
    model.zet_rijen(_regels())
    model.zet_filter(InstrumentStatus.ACTIEF, "")
    assert _ids(model) == [1, 3, 4]
    model.werk_bij({1}, [_nieuw(_regels()[0], status=InstrumentStatus.GEPARKEERD)])
    assert _ids(model) == [3, 4]
    model.zet_filter(None, "")
    assert _ids(model) == [1, 2, 3, 4]
    qtmodeltester.check(model)
