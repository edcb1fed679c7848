"""The per-area services that screens get instead of the database (issue 11, item 1)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from keuzehulp.model.basisgegevens import ROUTES
from keuzehulp.model.catalogus import GEMEENTEN_RIVIERENLAND, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.errors import ConflictFout, GeenRechtFout, InvoerFout, NietGevondenFout
from keuzehulp.model.mutatielog import Wijzigingen
from keuzehulp.services.beheer.mutatielog import MutatieFilter
from keuzehulp.services.coachprofiel import maak_profiel
from keuzehulp.services.diensten import Diensten
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.terugblik import TerugblikService
from tests.beheer_hulp import compleet, nieuw
from tests.conftest import TEST_GEBRUIKER


def test_the_catalogue_area_reads_lists_details_and_info(database: Database) -> None:
    iid = nieuw(database, "Training, Diensten")
    catalogus = Diensten.voor(database, TEST_GEBRUIKER).catalogus
    assert catalogus.locatie == database.locatie
    assert catalogus.routes() == [(r.code, r.label) for r in ROUTES]
    assert "Work first" not in dict(catalogus.routes()).values()
    assert catalogus.gemeenten() == sorted(GEMEENTEN_RIVIERENLAND)
    assert catalogus.detail(iid).naam == "Training, Diensten"
    assert [d.id for d in catalogus.details([iid])] == [iid]
    with pytest.raises(NietGevondenFout):
        catalogus.detail(iid + 1000)
    info = catalogus.info()
    assert (info.concept, info.locatie) == (1, database.locatie)
    assert [r.code for r in catalogus.kenmerken_boom()][:2] == ["1", "1.1"]
    assert catalogus.zoekservice().aantal_actief == 0


def test_the_areas_know_the_users_role(database: Database) -> None:
    beheerder = Diensten.voor(database, TEST_GEBRUIKER)
    coach = Diensten.voor(database, "werkcoach_wim")
    assert beheerder.beheer.is_beheerder() and beheerder.inzicht.is_beheerder()
    assert not coach.beheer.is_beheerder() and not coach.catalogus.is_beheerder()


def test_the_other_areas_hand_out_their_services(database: Database) -> None:
    diensten = Diensten.voor(database, TEST_GEBRUIKER)
    iid = nieuw(database, "Coaching, Diensten")
    assert isinstance(diensten.gesprekken.service(), GesprekService)
    assert isinstance(diensten.gesprekken.terugblikken(), TerugblikService)
    assert diensten.gesprekken.bewaartermijn() > 0
    assert [r.id for r in diensten.beheer.lijst_instrumenten()] == [iid]
    assert diensten.beheer.open_instrument(iid).gegevens.naam == "Coaching, Diensten"
    assert {r.entiteit_id for r in diensten.beheer.geschiedenis(iid)} == {iid}
    assert diensten.inzicht.gemeenten() == sorted(GEMEENTEN_RIVIERENLAND)


def test_the_beheer_area_exports_and_imports_as_its_user(
    database: Database, tmp_path: Path
) -> None:
    nieuw(database, "Training, Heen en Terug", status=InstrumentStatus.ACTIEF)
    beheer = Diensten.voor(database, TEST_GEBRUIKER).beheer
    stappen: list[int] = []
    pad = tmp_path / "export.xlsx"
    assert beheer.exporteer(pad, lambda procent, _tekst: stappen.append(procent)) == (1, 0)
    assert stappen and pad.is_file()
    proef = beheer.importeer(pad, proefdraaien=True)
    assert not proef.toegepast and proef.fouten == []
    coach = Diensten.voor(database, "werkcoach_wim").beheer
    with pytest.raises(GeenRechtFout):
        coach.importeer(pad, proefdraaien=False)


def test_the_beheer_area_edits_instruments_as_its_user(database: Database) -> None:
    beheer = Diensten.voor(database, TEST_GEBRUIKER).beheer
    keuzen = beheer.formulier_keuzen()
    assert [r[0] for r in keuzen.routes] == [r.code for r in ROUTES]
    iid = beheer.maak_instrument(compleet("Training, Via Dienst"), "nieuw")
    assert beheer.instrument_namen() == [(iid, "Training, Via Dienst")]
    versie = beheer.open_instrument(iid).versie
    nieuwe = beheer.bewaar_instrument(iid, versie, compleet("Training, Dienst"), "naam")
    assert nieuwe > versie
    assert beheer.open_instrument(iid).gegevens.naam == "Training, Dienst"
    beheer.zet_status("publiceer", iid, nieuwe, "klaar")
    assert beheer.open_instrument(iid).gegevens.status == InstrumentStatus.ACTIEF
    with pytest.raises(ConflictFout):
        beheer.zet_status("parkeer", iid, versie, "te oud")
    wie = {r.gebruiker for r in beheer.zoek_mutaties(MutatieFilter(instrument_id=iid), 50)}
    assert wie == {TEST_GEBRUIKER}
    assert beheer.gebruikers_in_log() == [TEST_GEBRUIKER]
    coach = Diensten.voor(database, "werkcoach_wim").beheer
    with pytest.raises(GeenRechtFout):
        coach.maak_instrument(compleet("Coaching, Geen Recht"), "nieuw")


def test_the_beheer_area_changes_kenmerken(database: Database) -> None:
    beheer = Diensten.voor(database, TEST_GEBRUIKER).beheer
    code = beheer.voeg_kenmerk_toe("Fietsen", "1", "Kan fietsen.", "Je kunt fietsen.", "nieuw")
    regel = next(r for r in beheer.kenmerken_boom() if r.code == code)
    assert (regel.naam, regel.parent_code, regel.actief) == ("Fietsen", "1", True)
    beheer.bewaar_kenmerk(code, None, "Fietsen", "Rijdt fiets.", "Je fietst.", "", "uitleg")
    assert next(r for r in beheer.kenmerken_boom() if r.code == code).uitleg == "Rijdt fiets."
    nieuw_code = beheer.verplaats_kenmerk(code, "2", "andere groep")
    assert nieuw_code.startswith("2.")
    assert beheer.voorbeeld_pensioen(nieuw_code).instrumenten == ()
    beheer.pensioneer_kenmerk(nieuw_code, "niet meer nodig")
    assert not next(r for r in beheer.kenmerken_boom() if r.code == nieuw_code).actief
    beheer.heractiveer_kenmerk(nieuw_code, "toch nodig")
    assert next(r for r in beheer.kenmerken_boom() if r.code == nieuw_code).actief


def test_the_beheer_area_publishes_lists_and_exports(database: Database, tmp_path: Path) -> None:
    iid = nieuw(database, "Training, Versie", status=InstrumentStatus.ACTIEF)
    beheer = Diensten.voor(database, TEST_GEBRUIKER).beheer
    info = beheer.publiceer_versie("eerste")
    assert [v.id for v in beheer.lijst_versies()] == [info.id]
    assert info.versiedatum.strftime("%d-%m-%Y") in beheer.versie_tekst()
    assert beheer.exporteer_versie(info.id, tmp_path / "versie.xlsx") == (1, 0)
    assert beheer.exporteer_log(tmp_path / "log.xlsx", MutatieFilter(instrument_id=iid)) >= 1
    beheer.voeg_beheerder_toe("beheer_bea")
    assert {r.gebruiker for r in beheer.lijst_beheerders()} == {TEST_GEBRUIKER, "beheer_bea"}
    beheer.verwijder_beheerder("beheer_bea", "weg")
    assert {r.gebruiker for r in beheer.lijst_beheerders()} == {TEST_GEBRUIKER}
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=70)
    assert [(r.id, r.grond) for r in beheer.verouderd(2, later)] == [(iid, "aangemaakt")]
    beheer.markeer_beoordeeld(iid)
    assert [(r.id, r.grond) for r in beheer.verouderd(2, later)] == [(iid, "beoordeeld")]
    assert beheer.verouderd(1) == []
    assert beheer.regiehouders() == [] and beheer.zoek_opmerkingen() == []
    assert set(beheer.tel_opmerkingen().values()) == {0}
    with pytest.raises(InvoerFout):
        beheer.zet_opmerking_status([], "verwerkt")
    assert beheer.exporteer_opmerkingen(tmp_path / "opmerkingen.xlsx") == 0
    formulier = tmp_path / "formulier.xlsx"
    beheer.maak_leveranciersformulier(formulier, iid)
    gelezen = beheer.lees_leveranciersformulier(formulier)
    assert gelezen.problemen or gelezen.instrument_id not in (None, iid)


def test_the_gesprekken_area_keeps_profile_term_and_prints(database: Database) -> None:
    gesprekken = Diensten.voor(database, TEST_GEBRUIKER).gesprekken
    assert gesprekken.profiel() is None and gesprekken.open_profiel().versie == 0
    profiel = maak_profiel(naam="Sanne de Vries", telefoon="0344 61 22 33")
    assert gesprekken.bewaar_profiel(profiel, 0).naam == "Sanne de Vries"
    with pytest.raises(ConflictFout):
        gesprekken.bewaar_profiel(profiel, 0)
    assert gesprekken.open_profiel().versie > 0
    assert Diensten.voor(database, "werkcoach_wim").gesprekken.profiel(TEST_GEBRUIKER) == (
        gesprekken.profiel()
    )
    assert gesprekken.zet_bewaartermijn(6) == 6 == gesprekken.bewaartermijn()
    assert gesprekken.pas_bewaartermijn_toe() == 0
    with pytest.raises(GeenRechtFout):
        Diensten.voor(database, "werkcoach_wim").gesprekken.zet_bewaartermijn(12)
    iid = nieuw(database, "Coaching, Rapport", status=InstrumentStatus.ACTIEF)
    opgeslagen = gesprekken.service().bewaar(
        GesprekInvoer(doel="Werk vinden", opties=(Optie(instrument_id=iid),)), TEST_GEBRUIKER
    )
    rapport = gesprekken.rapport(opgeslagen.id)
    assert [o.id for o in rapport.opties] == [iid]
    with pytest.raises(NietGevondenFout):
        gesprekken.rapport(opgeslagen.id + 1000)


def test_the_catalogue_area_follows_its_own_commits(database: Database) -> None:
    catalogus = Diensten.voor(database, TEST_GEBRUIKER).catalogus
    gezien: list[Wijzigingen] = []
    catalogus.volg_eigen_commits(gezien.append)
    nieuw(database, "Training, Gevolgd")
    assert len(gezien) == 1
    catalogus.vergeet_eigen_commits(gezien.append)
    catalogus.vergeet_eigen_commits(gezien.append)  # a second time is harmless
    nieuw(database, "Training, Niet Gevolgd")
    assert len(gezien) == 1
    postgres = database.url.get_backend_name() == "postgresql"
    luisteraar = catalogus.postgres_luisteraar(lambda _melding: None)
    wachter = catalogus.sqlite_wachter()
    assert (luisteraar is not None, wachter is not None) == (postgres, not postgres)
    if wachter is not None:
        wachter.sluit()
    if luisteraar is not None:
        luisteraar[1].ontkoppel()
