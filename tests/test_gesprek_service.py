"""Storing, reopening, changing and listing conversations; the shortlist rules; no log rows."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout, NietGevondenFout
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.wensen import Wens, WensKeuze
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.gesprek_hulp import maak_instrumenten


def _invoer(ids: list[int], **kw: object) -> GesprekInvoer:
    waarden: dict[str, object] = {
        "client_referentie": "zaak Z-4711",
        "doel_soort": "leerdoel",
        "doel": "Ik wil leren om rustig te blijven als het druk is.",
        "zoekvraag": ZoekVraag(
            routes=frozenset({"life_first"}),
            kenmerken=frozenset({"1.4", "5"}),
            gemeenten=frozenset({"Tiel"}),
            max_kosten_centen=150000,
            tekst="coach",
        ),
        "scores": {"1": 4, "2": 7, "3": 6, "4": 8, "5": 3},
        "opties": tuple(
            Optie(
                instrument_id=i,
                notitie=f"notitie {i}",
                goed=f"goed {i}",
                minder_goed=f"minder goed {i}",
            )
            for i in ids
        ),
        "keuze_id": ids[0] if ids else None,
        "onderbouwing": "Past bij het doel en is dichtbij.",
        "voorkeur_client": "Ik wil liever alleen met iemand praten.",
        "volgende_stappen": "Coach meldt aan\nKennismaking op 1-4-2027",
        "wensen": (
            WensKeuze(wens=Wens.DICHTBIJ, gewicht=2, gemeente="Tiel"),
            WensKeuze(wens=Wens.GRATIS),
        ),
        "sure": (True, False, True, True),
        "teach_back": True,
    }
    waarden.update(kw)
    return GesprekInvoer.model_validate(waarden)


def test_store_and_reopen_exactly(database: Database) -> None:
    ids = maak_instrumenten(database)
    service = GesprekService(database)
    invoer = _invoer(ids[:3])
    bewaard = service.bewaar(invoer, "anna")
    assert bewaard.invoer == invoer
    assert bewaard.coach == "anna"
    heropend = GesprekService(database).lees(bewaard.id)
    assert heropend.invoer == invoer
    assert heropend.invoer.zoekvraag.max_kosten_centen == 150000
    assert [o.notitie for o in heropend.invoer.opties] == [f"notitie {i}" for i in ids[:3]]
    assert [o.minder_goed for o in heropend.invoer.opties] == [f"minder goed {i}" for i in ids[:3]]
    assert heropend.invoer.wensen[0] == WensKeuze(wens=Wens.DICHTBIJ, gewicht=2, gemeente="Tiel")
    assert heropend.invoer.sure == (True, False, True, True)
    assert heropend.invoer.sure_score == 3
    assert heropend.invoer.teach_back is True


def test_change_keeps_id_and_replaces_content(database: Database) -> None:
    ids = maak_instrumenten(database)
    service = GesprekService(database)
    eerste = service.bewaar(_invoer(ids[:3]), "anna")
    nieuw = _invoer(list(reversed(ids[1:4])), keuze_id=ids[2], scores={"1": 9})
    gewijzigd = service.bewaar(nieuw, "anna", eerste.id)
    assert gewijzigd.id == eerste.id
    assert gewijzigd.invoer.optie_ids == [ids[3], ids[2], ids[1]]
    assert gewijzigd.invoer.scores == {"1": 9}
    assert gewijzigd.gewijzigd_op >= eerste.gewijzigd_op
    assert service.aantal() == 1


def test_conversations_are_not_in_the_mutation_log(database: Database) -> None:
    ids = maak_instrumenten(database)
    with database.lezen() as session:
        voor = session.scalar(select(func.count(Mutatie.id)))
    GesprekService(database).bewaar(_invoer(ids[:2]), "anna")
    with database.lezen() as session:
        assert session.scalar(select(func.count(Mutatie.id))) == voor


def test_list_shows_date_coach_goal_and_choice(database: Database) -> None:
    ids = maak_instrumenten(database)
    service = GesprekService(database)
    service.bewaar(_invoer(ids[:2], doel="Kort doel"), "anna")
    service.bewaar(_invoer(ids[1:3], keuze_id=None, doel="x" * 80), "bram")
    regels = service.lijst()
    assert [r.coach for r in regels] == ["bram", "anna"]
    assert regels[0].keuze is None
    assert regels[0].doel.endswith("…") and len(regels[0].doel) == 50
    assert regels[1].keuze == "Coaching, Praktijk De Kompasroos"


@pytest.mark.parametrize(
    ("aanpassing", "melding"),
    [
        ({"client_referentie": "123456782"}, "Klantreferentie: hierin staat een nummer"),
        ({"client_referentie": "Jan de Vries"}, "Klantreferentie: ‘Jan de Vries’ lijkt op een"),
        ({"client_referentie": "Fatima El Amrani"}, "Klantreferentie: ‘Fatima El Amrani’ lijkt"),
        ({"doel": "geboren 12 maart 1985"}, "Doel: hierin staat een datum"),
        ({"onderbouwing": "zie 12-03-1985"}, "Onderbouwing: hierin staat een datum"),
        ({"voorkeur_client": "bsn 111 222 333"}, "Voorkeur van de klant: hierin staat"),
        ({"opties": (Optie(instrument_id=1, notitie="12/3/85"),)}, "Notitie bij optie 1"),
        (
            {"opties": (Optie(instrument_id=1), Optie(instrument_id=2, goed="bsn 111222333"))},
            "Wat de klant goed vindt aan optie 2: hierin staat een nummer",
        ),
        (
            {"opties": (Optie(instrument_id=1, minder_goed="jarig 1-2-1990"),)},
            "Wat de klant minder goed vindt aan optie 1: hierin staat een datum",
        ),
    ],
)
def test_identifying_data_is_refused_and_nothing_stored(
    database: Database, aanpassing: dict[str, object], melding: str
) -> None:
    ids = maak_instrumenten(database)
    service = GesprekService(database)
    waarden = {"keuze_id": None, **aanpassing}
    with pytest.raises(InvoerFout) as fout:
        service.bewaar(_invoer(ids[:2], **waarden), "anna")
    assert fout.value.melding.startswith(melding)
    assert service.aantal() == 0


def test_shortlist_holds_at_most_five(database: Database) -> None:
    ids = maak_instrumenten(database)
    opties = tuple(Optie(instrument_id=i) for i in [*ids, ids[0] + 100])
    with pytest.raises(InvoerFout, match="hoogstens 5 opties op; nu zijn het er 6"):
        GesprekService(database).bewaar(_invoer(ids, opties=opties, keuze_id=None), "anna")


def test_one_option_is_a_valid_choice_and_the_choice_must_be_on_the_list(
    database: Database,
) -> None:
    ids = maak_instrumenten(database)
    service = GesprekService(database)
    een = service.bewaar(_invoer(ids[:1]), "anna")
    assert een.invoer.optie_ids == ids[:1] and een.invoer.keuze_id == ids[0]
    with pytest.raises(InvoerFout, match="Keuze: kies een van de opties"):
        service.bewaar(_invoer(ids[:2], keuze_id=ids[3]), "anna")
    with pytest.raises(InvoerFout, match="zet eerst minstens één optie op de korte lijst"):
        service.bewaar(_invoer([], keuze_id=ids[0]), "anna")
    # A draft without options and without a choice may be stored.
    assert service.bewaar(_invoer([], keuze_id=None), "anna").invoer.opties == ()


def test_unknown_ids_are_dutch_errors(database: Database) -> None:
    ids = maak_instrumenten(database)
    service = GesprekService(database)
    with pytest.raises(NietGevondenFout, match="Gesprek 99 bestaat niet"):
        service.lees(99)
    with pytest.raises(NietGevondenFout, match="bestaan niet"):
        service.bewaar(_invoer([ids[0], 999], keuze_id=None), "anna")
    with pytest.raises(InvoerFout, match=r"Onbekende kenmerken: 9\.9"):
        service.bewaar(_invoer(ids[:2], zoekvraag=ZoekVraag(kenmerken=frozenset({"9.9"}))), "anna")


def test_kenmerk_groups_are_the_five_axes_of_the_client_picture(database: Database) -> None:
    groepen = GesprekService(database).kenmerkgroepen()
    assert [code for code, _ in groepen] == ["1", "2", "3", "4", "5"]
    assert groepen[0] == ("1", "Menselijk kapitaal")
