"""The sample catalogue: structured fields filled realistically, client texts B1, labels set."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from keuzehulp.model.catalogus import Instrument, InstrumentStatus, Kenmerk
from keuzehulp.model.db import Database
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, gegevens_van
from keuzehulp.services.leesbaarheid import adviezen_per_veld
from keuzehulp.services.omvang import lees_omvang


def _actief(db: Database) -> list[InstrumentGegevens]:
    with db.lezen() as s:
        alle = s.scalars(select(Instrument).where(Instrument.status == InstrumentStatus.ACTIEF))
        return [gegevens_van(i) for i in alle]


def test_structured_fields_are_filled_with_some_left_unknown(catalogus: Database) -> None:
    actief = _actief(catalogus)
    assert len(actief) == 52
    kosten = Counter(i.kosten_klant_centen for i in actief)
    assert kosten[0] >= 45 and sum(n for c, n in kosten.items() if c) >= 1  # mostly free
    assert Counter(i.groepsvorm for i in actief).keys() == {"individueel", "groep", "beide", None}
    assert Counter(i.nederlands_nodig for i in actief).keys() == {True, False, None}
    starts = Counter(i.start_soort for i in actief)
    assert starts.keys() == {"doorlopend", "vaste_data", None}
    vast = [i for i in actief if i.start_soort == "vaste_data"]
    assert sum(bool(i.startdata) for i in vast) > len(vast) // 2  # most say when
    assert any(not i.startdata for i in vast)  # and some do not: "vraag je coach"
    assert all(not i.startdata for i in actief if i.start_soort != "vaste_data")
    assert sum(i.duur_weken is None for i in actief) in range(1, 6)
    assert sum(i.uren_per_week is None for i in actief) in range(5, 20)


def test_structured_values_agree_with_what_the_free_text_says_for_sure(
    catalogus: Database,
) -> None:
    for i in _actief(catalogus):
        zeker = lees_omvang(i.omvang_duur, i.beschikbaarheid)
        for veld in ("duur_weken", "uren_per_week", "start_soort"):
            if getattr(zeker, veld) is not None:
                assert getattr(i, veld) == getattr(zeker, veld), (i.naam, veld)


def test_every_client_visible_sample_text_is_b1(catalogus: Database) -> None:
    with catalogus.lezen() as s:
        waarschuwingen = {
            i.naam: adviezen_per_veld(gegevens_van(i).model_dump())
            for i in s.scalars(
                select(Instrument).where(Instrument.status == InstrumentStatus.ACTIEF)
            )
        }
    assert {naam: w for naam, w in waarschuwingen.items() if w} == {}


def test_every_standard_kenmerk_has_its_client_label(catalogus: Database) -> None:
    with catalogus.lezen() as s:
        assert all(k.label_client for k in s.scalars(select(Kenmerk)))
