"""One field table (issue 11, item 10), the screens: every field of `model/velden.py` with an
editor widget survives the editor, and every field with a place in the detail view is shown."""

from __future__ import annotations

from html import escape

import pytest
from pytestqt.qtbot import QtBot

from keuzehulp.model.basisgegevens import ROUTES
from keuzehulp.model.catalogus import GEMEENTEN_RIVIERENLAND
from keuzehulp.model.db import Database
from keuzehulp.model.tekst import cijfer
from keuzehulp.model.velden import VELDEN, Sectie, Soort
from keuzehulp.services.beheer import instrumenten
from keuzehulp.services.beheer.kenmerken import kenmerken_boom
from keuzehulp.services.instrumentdetail import lees_detail
from keuzehulp.services.instrumentgegevens import maak_gegevens
from keuzehulp.ui.beheer.instrument_formulier import InstrumentFormulier
from keuzehulp.ui.zoeken.detail import detail_html
from tests.conftest import TEST_GEBRUIKER
from tests.velden_hulp import VOL, vol


def test_every_field_with_an_editor_widget_survives_the_editor(
    qtbot: QtBot, database: Database
) -> None:
    formulier = InstrumentFormulier(
        [(r.code, r.naam) for r in ROUTES], kenmerken_boom(database), list(GEMEENTEN_RIVIERENLAND)
    )
    qtbot.addWidget(formulier)
    # One row (with its own error label) per field that has an editor widget.
    rijen = {v.naam for v in VELDEN if v.invoer is not None and v.deel_van is None}
    assert set(formulier.foutlabels) == rijen
    formulier.zet_gegevens(vol())
    terug = formulier.gegevens()
    assert terug is not None, formulier.fouten
    for veld in VELDEN:
        if veld.invoer is not None:
            assert getattr(terug, veld.naam) == VOL[veld.naam], veld.naam


@pytest.mark.parametrize("klant", [False, True])
def test_every_field_with_a_place_in_the_detail_view_is_shown(
    database: Database, klant: bool
) -> None:
    iid = instrumenten.maak_instrument(database, TEST_GEBRUIKER, vol(), "alles")
    # Long words carry soft hyphens (U+00AD) where a narrow pane may break them.
    html = detail_html(lees_detail(database, iid), klant=klant).replace("\u00ad", "")
    verborgen = {Sectie.INTERN} if klant else set()
    for veld in VELDEN:
        if veld.detail is None or veld.deel_van is not None:
            continue
        label = veld.detail.klantlabel if klant and veld.detail.klantlabel else veld.label
        if veld.detail.sectie in verborgen:
            assert escape(label) not in html, veld.naam
        elif veld.soort in (Soort.TEKST, Soort.LANGE_TEKST, Soort.LINK) and not (
            klant and veld.naam == "overleg_met"  # the client reads "een deskundige"
        ):
            assert escape(VOL[veld.naam]) in html, veld.naam
        elif veld.soort is Soort.CIJFER:  # the survey's grade, as long as no terugblik exists
            bron = "(uit een enquête)" if klant else "(enquête)"
            assert f"{cijfer(VOL[veld.naam])} {bron}" in html, veld.naam
        elif veld.soort is Soort.DATUMS:  # in the row of start_soort, as dates
            assert "2027" in html, veld.naam
        elif veld.detail.sectie in (Sectie.PRAKTISCH, Sectie.GESTRUCTUREERD, Sectie.EFFECT):
            assert escape(label) in html, veld.naam


def test_what_is_not_known_yet_reads_as_the_clients_questions(database: Database) -> None:
    onbekend = {"nederlands_nodig": None, "groepsvorm": None}
    iid = instrumenten.maak_instrument(
        database, TEST_GEBRUIKER, maak_gegevens(**{**VOL, **onbekend}), "onbekend"
    )
    detail = lees_detail(database, iid)
    klant = detail_html(detail, klant=True)
    # Not "Nog niet bekend: Nederlands" (which reads as "Dutch: not known"), but questions.
    assert "Nog niet bekend" not in klant
    assert (
        "<th align='left' valign='top'>Dat weten we nog niet</th>"
        "<td>Is het alleen of in een groep?<br>Moet ik goed Nederlands kunnen?<br>"
        "Vraag het je coach.</td>"
    ) in klant
    coach = detail_html(detail, klant=False)
    assert "Onbekend</th><td>Alleen of in een groep, Goed Nederlands nodig</td>" in coach
