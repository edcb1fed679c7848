"""The kenmerken editor service: add, rename, explain, move, retire with a preview."""

from __future__ import annotations

import pytest

from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.services.beheer import instrumenten, kenmerken
from tests.beheer_hulp import log, nieuw
from tests.conftest import TEST_GEBRUIKER

U = TEST_GEBRUIKER


def _regel(db: Database, code: str) -> kenmerken.KenmerkRegel:
    return next(r for r in kenmerken.kenmerken_boom(db) if r.code == code)


def test_add_under_a_parent_and_as_a_new_group(database: Database) -> None:
    code = kenmerken.voeg_toe(database, U, "Financiën", "3", "Schulden.", "Geldzorgen.", "nieuw")
    assert code == "3.5"
    r = _regel(database, "3.5")
    assert (r.naam, r.parent_code, r.uitleg_client, r.actief) == (
        "Financiën",
        "3",
        "Geldzorgen.",
        True,
    )
    assert kenmerken.voeg_toe(database, U, "Gezondheid", None, "", "", "nieuw") == "6"
    toegevoegd = [m for m in log(database, "kenmerk") if m.bron == "editor"]
    assert [(m.entiteit_naam, m.reden, m.bron) for m in toegevoegd] == [
        ("3.5 Financiën", "nieuw", "editor"),
        ("6 Gezondheid", "nieuw", "editor"),
    ]


def test_add_refuses_too_deep_duplicates_and_empty_names(database: Database) -> None:
    with pytest.raises(InvoerFout, match="hoogstens 3 niveaus"):
        kenmerken.voeg_toe(database, U, "Nog dieper", "1.3.1", "", "", "r")
    with pytest.raises(InvoerFout, match="heeft al die naam"):
        kenmerken.voeg_toe(database, U, "zelfinzicht", "1", "", "", "r")
    with pytest.raises(InvoerFout, match="Naam"):
        kenmerken.voeg_toe(database, U, "  ", "1", "", "", "r")


def test_rename_and_explain_are_logged(database: Database) -> None:
    kenmerken.hernoem(database, U, "1.7", "Zelfkennis", "duidelijker")
    kenmerken.leg_uit(database, U, "1.7", "Inzicht in jezelf.", "Weten wie je bent.", "B1")
    r = _regel(database, "1.7")
    assert (r.naam, r.uitleg, r.uitleg_client) == (
        "Zelfkennis",
        "Inzicht in jezelf.",
        "Weten wie je bent.",
    )
    velden = [(m.veld, m.nieuwe_waarde, m.reden) for m in log(database, "kenmerk")[-3:]]
    assert ("naam", "Zelfkennis", "duidelijker") in velden
    assert ("uitleg_client", "Weten wie je bent.", "B1") in velden


def test_move_renumbers_codes_and_keeps_instrument_links(database: Database) -> None:
    iid = nieuw(database, kenmerken=("1.3.2",))
    nieuw_code = kenmerken.verplaats(database, U, "1.3", "2", "hoort bij sociale omgeving")
    assert nieuw_code == "2.3"
    codes = {r.code for r in kenmerken.kenmerken_boom(database)}
    assert {"2.3", "2.3.1", "2.3.4"} <= codes and "1.3" not in codes and "1.3.1" not in codes
    assert instrumenten.open_instrument(database, iid).gegevens.kenmerken == ("2.3.2",)
    code_rijen = [
        (m.oude_waarde, m.nieuwe_waarde) for m in log(database, "kenmerk") if m.veld == "code"
    ]
    assert ("1.3", "2.3") in code_rijen and ("1.3.2", "2.3.2") in code_rijen
    with pytest.raises(InvoerFout, match="onder zichzelf"):
        kenmerken.verplaats(database, U, "2", "2.3", "r")
    with pytest.raises(InvoerFout, match="niveaus"):
        kenmerken.verplaats(database, U, "2.3", "1.4", "r")


def test_retirement_preview_and_retire(database: Database) -> None:
    alleen = nieuw(database, "Training, Alleen Taal", kenmerken=("1.3.1",))
    meer = nieuw(database, "Training, Taal en Werk", kenmerken=("1.3.2", "1.6"))
    nieuw(database, "Coaching, Iets Anders", kenmerken=("5.1",))
    voorbeeld = kenmerken.voorbeeld_pensioen(database, "1.3")
    assert [(i.naam, i.andere_kenmerken, i.houdt_geen_kenmerk) for i in voorbeeld.instrumenten] == [
        ("Training, Alleen Taal", (), True),
        ("Training, Taal en Werk", ("1.6 Werkervaring",), False),
    ]
    assert len(voorbeeld.ook_gestopt) == 4
    assert "Training, Alleen Taal" in voorbeeld.samenvatting()
    kenmerken.pensioneer(database, U, "1.3", "samengevoegd")
    assert not _regel(database, "1.3").actief and not _regel(database, "1.3.4").actief
    assert instrumenten.open_instrument(database, alleen).gegevens.kenmerken == ()
    assert instrumenten.open_instrument(database, meer).gegevens.kenmerken == ("1.6",)
    instrument_rijen = [m for m in log(database, "instrument") if m.veld == "kenmerken"]
    assert {m.entiteit_id for m in instrument_rijen} == {alleen, meer}
    assert all(m.reden == "samengevoegd" for m in instrument_rijen)
    with pytest.raises(InvoerFout, match="niet meer in gebruik"):
        nieuw(database, "Training, Nieuw", kenmerken=("1.3.1",))
    kenmerken.heractiveer(database, U, "1.3", "toch nodig")
    assert _regel(database, "1.3").actief


def test_short_client_label_is_set_kept_cleared_and_logged(database: Database) -> None:
    assert _regel(database, "3.1.2").label_client == "Beter omgaan met stress"
    kenmerken.leg_uit(database, U, "1.7", "a", "b", "korter", label_client="  Weten  wie je bent ")
    assert _regel(database, "1.7").label_client == "Weten wie je bent"
    assert ("label_client", "Weten wie je bent", "korter") in [
        (m.veld, m.nieuwe_waarde, m.reden) for m in log(database, "kenmerk")
    ]
    kenmerken.leg_uit(database, U, "1.7", "a2", "b2", "zonder label")  # None keeps the label
    assert _regel(database, "1.7").label_client == "Weten wie je bent"
    kenmerken.leg_uit(database, U, "1.7", "a2", "b2", "leeg", label_client="")
    regel = _regel(database, "1.7")
    assert regel.label_client == "" and regel.klantlabel == "Zelfinzicht"
    with pytest.raises(InvoerFout, match="Korte naam voor cliënt"):
        kenmerken.leg_uit(database, U, "1.7", "a", "b", "r", label_client="woord " * 20)
    assert _regel(database, "1.7").uitleg == "a2"  # nothing of a refused save is kept


def test_a_new_kenmerk_can_have_a_client_label(database: Database) -> None:
    code = kenmerken.voeg_toe(
        database, U, "Financiën", "3", "", "", "nieuw", label_client="Rust in je geldzaken"
    )
    assert _regel(database, code).klantlabel == "Rust in je geldzaken"
