"""Every change to the catalogue lands in the append-only mutation log."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select, update

from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.catalogus import FengerRoute, Instrument, InstrumentStatus, Kenmerk
from keuzehulp.model.db import Database
from keuzehulp.model.mutatielog import MutatieContext, MutatieLogFout

CTX = MutatieContext(gebruiker="anna", bron="editor", reden="test")


def _instrument(db: Database) -> int:
    with db.wijzigen(CTX) as s:
        kenmerken = s.scalars(select(Kenmerk).where(Kenmerk.code.in_(["1.4", "1.7"]))).all()
        route = s.scalars(select(FengerRoute).where(FengerRoute.code == "work_first")).one()
        instrument = Instrument(
            naam="Coaching, Stap Verder",
            status=InstrumentStatus.ACTIEF,
            kenmerken=list(kenmerken),
            routes=[route],
            kosten_centen=125000,
        )
        s.add(instrument)
        s.flush()
        return instrument.id


def _log(db: Database, instrument_id: int) -> list[tuple[str, str | None, str | None, str | None]]:
    with db.lezen() as s:
        rijen = s.scalars(
            select(Mutatie)
            .where(Mutatie.entiteit == "instrument", Mutatie.entiteit_id == instrument_id)
            .order_by(Mutatie.id)
        ).all()
        return [(m.actie, m.veld, m.oude_waarde, m.nieuwe_waarde) for m in rijen]


def test_creation_and_field_changes_are_logged_with_who_and_source(database: Database) -> None:
    iid = _instrument(database)
    with database.wijzigen(MutatieContext("bram", "import: bron.xlsx", None)) as s:
        instrument = s.get_one(Instrument, iid)
        instrument.naam = "Coaching, Stap Vooruit"
        instrument.kosten_centen = 99050
        instrument.status = InstrumentStatus.GEPARKEERD
    assert sorted(_log(database, iid)) == [
        ("gewijzigd", "kosten_centen", "€ 1.250,00", "€ 990,50"),
        ("gewijzigd", "naam", "Coaching, Stap Verder", "Coaching, Stap Vooruit"),
        ("gewijzigd", "status", "actief", "geparkeerd"),
        ("toegevoegd", None, None, None),
    ]
    with database.lezen() as s:
        laatste = s.scalars(select(Mutatie).order_by(Mutatie.id.desc())).first()
        assert laatste is not None
        assert (laatste.gebruiker, laatste.bron) == ("bram", "import: bron.xlsx")


def test_link_changes_are_logged_and_bump_the_version(database: Database) -> None:
    iid = _instrument(database)
    with database.lezen() as s:
        versie_voor = s.get_one(Instrument, iid).versie
    with database.wijzigen(CTX) as s:
        instrument = s.get_one(Instrument, iid)
        instrument.kenmerken = [k for k in instrument.kenmerken if k.code != "1.4"]
    assert _log(database, iid)[-1] == (
        "gewijzigd",
        "kenmerken",
        "1.4 Zelfregulatie; 1.7 Zelfinzicht",
        "1.7 Zelfinzicht",
    )
    with database.lezen() as s:
        assert s.get_one(Instrument, iid).versie == versie_voor + 1


def test_a_save_that_changes_nothing_logs_nothing(database: Database) -> None:
    iid = _instrument(database)
    voor = _log(database, iid)
    with database.wijzigen(CTX) as s:
        instrument = s.get_one(Instrument, iid)
        instrument.naam = "Coaching, Stap Verder"  # same value
    assert _log(database, iid) == voor


def test_catalogue_change_without_context_is_refused(database: Database) -> None:
    with database.sessions() as s, pytest.raises(MutatieLogFout):
        s.add(Instrument(naam="Training, Zonder Log", status=InstrumentStatus.CONCEPT))
        s.flush()


def test_log_is_append_only(database: Database) -> None:
    _instrument(database)
    with pytest.raises(MutatieLogFout), database.wijzigen(CTX) as s:
        eerste = s.scalars(select(Mutatie)).first()
        assert eerste is not None
        eerste.reden = "aangepast"
        s.flush()
    with pytest.raises(MutatieLogFout), database.wijzigen(CTX) as s:
        s.delete(s.scalars(select(Mutatie)).first())
        s.flush()
    with pytest.raises(MutatieLogFout), database.wijzigen(CTX) as s:
        s.execute(update(Mutatie).values(reden="weg"))
    with pytest.raises(MutatieLogFout), database.wijzigen(CTX) as s:
        s.execute(delete(Mutatie))


def test_failed_unit_of_work_leaves_no_log_and_no_change(database: Database) -> None:
    iid = _instrument(database)
    voor = _log(database, iid)
    with pytest.raises(RuntimeError), database.wijzigen(CTX) as s:
        s.get_one(Instrument, iid).naam = "Half gewijzigd"
        s.flush()
        raise RuntimeError("stroomstoring")
    assert _log(database, iid) == voor
    with database.lezen() as s:
        assert s.get_one(Instrument, iid).naam == "Coaching, Stap Verder"


def test_log_is_written_by_every_database_object_even_after_others_were_collected(
    db_url: str,
) -> None:
    """Regression: listeners registered per sessionmaker were lost when a collected
    sessionmaker's id was reused, so some Database objects silently wrote no log."""
    import gc

    from keuzehulp.model.db import maak_engine, parse_url

    url = parse_url(db_url)
    for ronde in range(40):
        engine = maak_engine(url)
        db = Database.van_engine(url, engine)
        with db.wijzigen(CTX) as s:
            s.add(Instrument(naam=f"Cursus, Ronde {ronde}", status=InstrumentStatus.CONCEPT))
        with db.lezen() as s:
            aantal = s.scalar(
                select(func.count())
                .select_from(Mutatie)
                .where(Mutatie.entiteit_naam == f"Cursus, Ronde {ronde}")
            )
        assert aantal == 1, f"ronde {ronde}: geen logregel"
        db.sluit()
        del db, engine, s
        gc.collect()
