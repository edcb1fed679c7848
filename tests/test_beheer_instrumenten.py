"""The instrument editor service: create, edit, park, restore, publish, conflicts, reasons."""

from __future__ import annotations

import pytest
from sqlalchemy.orm.exc import StaleDataError

from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.errors import ConflictFout, InvoerFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.beheer import instrumenten
from keuzehulp.services.beheer.instrumenten import ontbreekt
from keuzehulp.services.instrumentgegevens import maak_gegevens
from keuzehulp.services.opstart import open_catalogus
from tests.beheer_hulp import compleet, dump, log, nieuw
from tests.conftest import TEST_GEBRUIKER

U = TEST_GEBRUIKER


def test_create_logs_who_source_and_reason(database: Database) -> None:
    iid = nieuw(database)
    rijen = log(database, "instrument")
    assert [(m.actie, m.entiteit_id, m.gebruiker, m.bron, m.reden) for m in rijen] == [
        ("toegevoegd", iid, U, "editor", "nieuw")
    ]
    b = instrumenten.open_instrument(database, iid)
    assert b.gegevens == compleet()
    assert b.gegevens.status == InstrumentStatus.CONCEPT


def test_edit_every_field_is_logged_with_old_and_new(database: Database) -> None:
    iid = nieuw(database)
    b = instrumenten.open_instrument(database, iid)
    nieuw_ = b.gegevens.model_copy(
        update={
            "doel": "Werk vinden",
            "kosten_centen": 99050,
            "kenmerken": ("1.7",),
            "gemeenten": ("Buren", "Tiel"),
        }
    )
    versie = instrumenten.bewaar_instrument(database, U, iid, b.versie, nieuw_, "prijs klopt")
    assert versie > b.versie
    gewijzigd = {
        (m.veld, m.oude_waarde, m.nieuwe_waarde, m.reden)
        for m in log(database, "instrument")
        if m.actie == "gewijzigd"
    }
    assert gewijzigd == {
        ("doel", None, "Werk vinden", "prijs klopt"),
        ("kosten_centen", "€ 1.250,00", "€ 990,50", "prijs klopt"),
        ("kenmerken", "1.4 Zelfregulatie; 1.7 Zelfinzicht", "1.7 Zelfinzicht", "prijs klopt"),
        ("gemeenten", "Tiel", "Buren; Tiel", "prijs klopt"),
    }
    assert instrumenten.open_instrument(database, iid).gegevens == nieuw_


def test_editor_changes_need_a_reason(database: Database) -> None:
    with pytest.raises(InvoerFout, match="reden"):
        instrumenten.maak_instrument(database, U, compleet(), "  ")
    assert instrumenten.lijst_instrumenten(database) == []


def test_publish_only_when_complete_and_says_what_is_missing(database: Database) -> None:
    leeg = maak_gegevens(naam="Training, Half Af")
    assert ontbreekt(leeg) == [
        "een type (soort instrument)",
        "een uitvoerder (wie het instrument geeft)",
        "een omschrijving",
        "minstens één Fenger-route",
        "minstens één afgeleid kenmerk",
        "een gemeente (of ‘alle gemeenten’)",
        "hoe je je aanmeldt (aanmelding of contactpersoon)",
    ]
    iid = instrumenten.maak_instrument(database, U, leeg, "concept")
    versie = instrumenten.open_instrument(database, iid).versie
    with pytest.raises(InvoerFout) as fout:
        instrumenten.publiceer(database, U, iid, versie, "klaar")
    assert "een omschrijving" in fout.value.melding and "Fenger-route" in fout.value.melding
    assert instrumenten.open_instrument(database, iid).gegevens.status == "concept"
    # complete it with 'alle gemeenten' instead of a gemeente
    aangevuld = compleet("Training, Half Af", gemeenten=(), alle_gemeenten=True)
    versie = instrumenten.bewaar_instrument(database, U, iid, versie, aangevuld, "aangevuld")
    instrumenten.publiceer(database, U, iid, versie, "klaar")
    assert instrumenten.open_instrument(database, iid).gegevens.status == "actief"


@pytest.mark.parametrize(
    ("veld", "leeg", "melding"),
    [("type", None, "een type"), ("uitvoerder", "  ", "een uitvoerder")],
)
def test_publishing_needs_a_type_and_an_uitvoerder(
    database: Database, veld: str, leeg: str | None, melding: str
) -> None:
    zonder = compleet("Training, Zonder Veld", **{veld: leeg})
    assert ontbreekt(zonder) == [ontbreekt(zonder)[0]]
    assert ontbreekt(zonder)[0].startswith(melding)
    iid = instrumenten.maak_instrument(database, U, zonder, "concept")
    versie = instrumenten.open_instrument(database, iid).versie
    with pytest.raises(InvoerFout, match=melding):
        instrumenten.publiceer(database, U, iid, versie, "klaar")
    assert instrumenten.open_instrument(database, iid).gegevens.status == "concept"
    with pytest.raises(InvoerFout, match=melding):  # nor created published
        instrumenten.maak_instrument(
            database, U, compleet("Training, Ook Zonder", status="actief", **{veld: leeg}), "x"
        )
    aangevuld = compleet("Training, Zonder Veld")
    versie = instrumenten.bewaar_instrument(database, U, iid, versie, aangevuld, "aangevuld")
    instrumenten.publiceer(database, U, iid, versie, "klaar")
    assert instrumenten.open_instrument(database, iid).gegevens.status == "actief"


def test_a_published_instrument_without_uitvoerder_can_still_be_corrected(
    database: Database,
) -> None:
    # As an import may leave it (the bronbestand does not require an uitvoerder).
    iid = nieuw(database, status=InstrumentStatus.ACTIEF)
    b = instrumenten.open_instrument(database, iid)
    zonder = b.gegevens.model_copy(update={"uitvoerder": None})
    with pytest.raises(InvoerFout, match="een uitvoerder"):  # an edit may not take it away
        instrumenten.bewaar_instrument(database, U, iid, b.versie, zonder, "weg")
    with database.wijzigen(MutatieContext(U, "import: test.xlsx")) as s:
        s.get_one(Instrument, iid).uitvoerder = None
    b = instrumenten.open_instrument(database, iid)
    assert b.gegevens.uitvoerder is None and b.gegevens.status == "actief"
    anders = b.gegevens.model_copy(update={"doel": "Werk vinden"})
    instrumenten.bewaar_instrument(database, U, iid, b.versie, anders, "doel erbij")
    b = instrumenten.open_instrument(database, iid)
    assert b.gegevens.doel == "Werk vinden"
    with pytest.raises(InvoerFout, match="een omschrijving") as fout:  # still none taken away
        instrumenten.bewaar_instrument(
            database, U, iid, b.versie, b.gegevens.model_copy(update={"omschrijving": None}), "x"
        )
    assert "uitvoerder" not in fout.value.melding


def test_an_active_instrument_must_stay_complete(database: Database) -> None:
    iid = nieuw(database, status=InstrumentStatus.ACTIEF)
    b = instrumenten.open_instrument(database, iid)
    with pytest.raises(InvoerFout, match="omschrijving"):
        instrumenten.bewaar_instrument(
            database, U, iid, b.versie, b.gegevens.model_copy(update={"omschrijving": None}), "x"
        )


def test_park_and_restore(database: Database) -> None:
    iid = nieuw(database, status=InstrumentStatus.ACTIEF)
    v = instrumenten.open_instrument(database, iid).versie
    v = instrumenten.parkeer(database, U, iid, v, "aanbieder gestopt")
    assert instrumenten.lijst_instrumenten(database, InstrumentStatus.GEPARKEERD)[0].id == iid
    v = instrumenten.herstel(database, U, iid, v, "aanbieder terug")
    assert instrumenten.open_instrument(database, iid).gegevens.status == "concept"
    instrumenten.publiceer(database, U, iid, v, "gecontroleerd")
    statussen = [
        (m.oude_waarde, m.nieuwe_waarde, m.reden)
        for m in log(database, "instrument")
        if m.veld == "status"
    ]
    assert statussen == [
        ("actief", "geparkeerd", "aanbieder gestopt"),
        ("geparkeerd", "concept", "aanbieder terug"),
        ("concept", "actief", "gecontroleerd"),
    ]


def test_duplicate_name_is_refused_in_dutch(database: Database) -> None:
    nieuw(database)
    with pytest.raises(InvoerFout, match="er is al een instrument"):
        nieuw(database, "coaching,  stap verder")


IK_WAS_U_VOOR = (
    r"intussen gewijzigd door uzelf \(in een ander venster of op een andere computer\), "
    r"(vandaag|gisteren) om \d"
)


def test_conflict_between_two_sessions_overwrites_nothing(database: Database, db_url: str) -> None:
    iid = nieuw(database)
    tweede = open_catalogus(db_url, "bram", ()).database
    try:
        anna = instrumenten.open_instrument(database, iid)
        bram = instrumenten.open_instrument(tweede, iid)
        instrumenten.bewaar_instrument(
            database, U, iid, anna.versie, anna.gegevens.model_copy(update={"doel": "A"}), "a"
        )
        voor = dump(database)
        with pytest.raises(ConflictFout, match=IK_WAS_U_VOOR):
            instrumenten.bewaar_instrument(
                tweede, U, iid, bram.versie, bram.gegevens.model_copy(update={"doel": "B"}), "b"
            )
        assert dump(database) == voor
        assert instrumenten.open_instrument(tweede, iid).gegevens.doel == "A"
    finally:
        tweede.sluit()


def test_link_only_edit_also_causes_a_conflict(database: Database) -> None:
    iid = nieuw(database)
    oud = instrumenten.open_instrument(database, iid)
    instrumenten.bewaar_instrument(
        database, U, iid, oud.versie, oud.gegevens.model_copy(update={"routes": ()}), "route"
    )
    with pytest.raises(ConflictFout):
        instrumenten.parkeer(database, U, iid, oud.versie, "weg")


def test_list_filters_on_status_and_text(database: Database) -> None:
    nieuw(database, "Coaching, Stap Verder")
    nieuw(database, "Training, Sollicitëren", status=InstrumentStatus.ACTIEF)
    assert [r.naam for r in instrumenten.lijst_instrumenten(database, tekst="solliciteren")] == [
        "Training, Sollicitëren"
    ]
    assert len(instrumenten.lijst_instrumenten(database, InstrumentStatus.CONCEPT)) == 1


def test_a_write_racing_past_the_check_is_still_refused(database: Database, db_url: str) -> None:
    """Second line of defence: the version column refuses an UPDATE of a stale row."""
    iid = nieuw(database)
    tweede = open_catalogus(db_url, "bram", ()).database
    ctx = MutatieContext(U, "editor", "r")
    try:
        with pytest.raises(StaleDataError), database.wijzigen(ctx) as s:
            instrument = s.get_one(Instrument, iid)
            assert instrument.versie == 1  # checked, as the service does ...
            with tweede.wijzigen(ctx) as s2:  # ... then someone else commits
                s2.get_one(Instrument, iid).doel = "B"
            instrument.doel = "A"
            s.flush()
        assert instrumenten.open_instrument(database, iid).gegevens.doel == "B"
    finally:
        tweede.sluit()


def test_the_lines_of_a_few_instruments_are_read_as_the_list_shows_them(
    database: Database,
) -> None:
    a = nieuw(database, "Coaching, Stap Verder")
    b = nieuw(database, "Training, Sterk Werk")
    nieuw(database, "Cursus, Taal")
    instrumenten.parkeer(database, U, b, instrumenten.open_instrument(database, b).versie, "weg")
    regels = instrumenten.instrument_regels(database, [b, 99_999, a, b])
    alle = {r.id: r for r in instrumenten.lijst_instrumenten(database)}
    assert regels == [alle[a], alle[b]]  # by id; an unknown id is left out, a double once
    assert regels[1].status == InstrumentStatus.GEPARKEERD and regels[1].versie == 2
    assert instrumenten.instrument_regels(database, []) == []
