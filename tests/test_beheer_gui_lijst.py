"""The Beheer instrument list is filtered and sorted in the worker that loads it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from keuzehulp.model.catalogus import InstrumentStatus
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
