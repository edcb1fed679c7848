"""The fit of an instrument with the client's wishes, against hand-worked examples."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pydantic import ValidationError

from keuzehulp.services.leesbaarheid import beoordeel as b1
from keuzehulp.services.wensen import (
    GEEN_FIT,
    WENS_TEKST,
    Fit,
    InstrumentFeiten,
    Uitkomst,
    Wens,
    WensKeuze,
    beoordeel,
    bereken_fit,
    fit_uit_json,
    uniek,
    wensen_naar_json,
    wensen_uit_json,
)

VANDAAG = dt.date(2027, 1, 4)  # a Monday; injected, never the real today

ONBEKEND = InstrumentFeiten(
    gemeenten=(),
    alle_gemeenten=False,
    groepsvorm=None,
    duur_weken=None,
    uren_per_week=None,
    start_soort=None,
    startdata=(),
    nederlands_nodig=None,
    kosten_klant_centen=None,
    waardering_werkzoekende=None,
    onderbouwing=None,
)


def feiten(**kw: object) -> InstrumentFeiten:
    return dataclasses.replace(ONBEKEND, **kw)  # type: ignore[arg-type]


def w(wens: Wens, gewicht: int = 1, gemeente: str | None = None) -> WensKeuze:
    return WensKeuze(wens=wens, gewicht=gewicht, gemeente=gemeente)


JA, NEE, ONB = Uitkomst.JA, Uitkomst.NEE, Uitkomst.ONBEKEND


@pytest.mark.parametrize(
    ("keuze", "velden", "uitkomst"),
    [
        # dicht bij huis: the client's gemeente among the instrument's, or all gemeenten
        (w(Wens.DICHTBIJ, gemeente="Tiel"), {"gemeenten": ("Tiel", "Buren")}, JA),
        (w(Wens.DICHTBIJ, gemeente="Tiel"), {"gemeenten": ("Culemborg",)}, NEE),
        (w(Wens.DICHTBIJ, gemeente="Tiel"), {"alle_gemeenten": True}, JA),
        (w(Wens.DICHTBIJ, gemeente="Tiel"), {}, ONB),
        (w(Wens.DICHTBIJ), {"gemeenten": ("Tiel",)}, ONB),  # gemeente of the client unknown
        # alone / in a group; "beide" meets both
        (w(Wens.ALLEEN), {"groepsvorm": "individueel"}, JA),
        (w(Wens.ALLEEN), {"groepsvorm": "beide"}, JA),
        (w(Wens.ALLEEN), {"groepsvorm": "groep"}, NEE),
        (w(Wens.GROEP), {"groepsvorm": "groep"}, JA),
        (w(Wens.GROEP), {"groepsvorm": "beide"}, JA),
        (w(Wens.GROEP), {"groepsvorm": "individueel"}, NEE),
        (w(Wens.GROEP), {}, ONB),
        # short: 8 weeks or less
        (w(Wens.KORT), {"duur_weken": 8}, JA),
        (w(Wens.KORT), {"duur_weken": 9}, NEE),
        (w(Wens.KORT), {}, ONB),
        # few hours: 8 hours a week or less
        (w(Wens.WEINIG_UREN), {"uren_per_week": 8.0}, JA),
        (w(Wens.WEINIG_UREN), {"uren_per_week": 8.5}, NEE),
        (w(Wens.WEINIG_UREN), {}, ONB),
        # starts soon: ongoing, or a fixed date from today up to 28 days on
        (w(Wens.SNEL), {"start_soort": "doorlopend"}, JA),
        (
            w(Wens.SNEL),
            {"start_soort": "vaste_data", "startdata": (dt.date(2027, 2, 1),)},
            JA,
        ),  # exactly 28 days on
        (
            w(Wens.SNEL),
            {"start_soort": "vaste_data", "startdata": (dt.date(2027, 2, 2),)},
            NEE,
        ),
        (
            w(Wens.SNEL),
            {"start_soort": "vaste_data", "startdata": (dt.date(2027, 1, 3),)},
            NEE,
        ),  # yesterday is past
        (w(Wens.SNEL), {"start_soort": "vaste_data"}, ONB),  # fixed dates, none known
        (w(Wens.SNEL), {}, ONB),
        # no good Dutch needed
        (w(Wens.ZONDER_NEDERLANDS), {"nederlands_nodig": False}, JA),
        (w(Wens.ZONDER_NEDERLANDS), {"nederlands_nodig": True}, NEE),
        (w(Wens.ZONDER_NEDERLANDS), {}, ONB),
        # free for me: what the client pays, not what the gemeente pays
        (w(Wens.GRATIS), {"kosten_klant_centen": 0}, JA),
        (w(Wens.GRATIS), {"kosten_klant_centen": 1500}, NEE),
        (w(Wens.GRATIS), {}, ONB),
        # other clients rate it 7 or more
        (w(Wens.GOED_BEOORDEELD), {"waardering_werkzoekende": 7.0}, JA),
        (w(Wens.GOED_BEOORDEELD), {"waardering_werkzoekende": 6.9}, NEE),
        (w(Wens.GOED_BEOORDEELD), {}, ONB),
        # proven to help: an "effectief" evidence level
        (w(Wens.BEWEZEN), {"onderbouwing": "effectief: eerste aanwijzingen"}, JA),
        (w(Wens.BEWEZEN), {"onderbouwing": "goed onderbouwd"}, NEE),
        (w(Wens.BEWEZEN), {}, ONB),
    ],
)
def test_every_wish_by_hand(
    keuze: WensKeuze, velden: dict[str, object], uitkomst: Uitkomst
) -> None:
    assert beoordeel(keuze, feiten(**velden), VANDAAG) is uitkomst


def test_every_wish_is_covered_above() -> None:
    assert set(WENS_TEKST) == set(Wens)


def test_hand_worked_fit_with_weights() -> None:
    # Coaching in Tiel, individual, 10 weeks, 1 hour a week, free, Dutch unknown.
    coaching = feiten(
        gemeenten=("Tiel", "Buren"),
        groepsvorm="individueel",
        duur_weken=10,
        uren_per_week=1.0,
        kosten_klant_centen=0,
    )
    wensen = [
        w(Wens.DICHTBIJ, 2, "Tiel"),  # met, weight 2
        w(Wens.KORT, 2),  # missed (10 > 8), weight 2
        w(Wens.WEINIG_UREN),  # met, weight 1
        w(Wens.ZONDER_NEDERLANDS),  # unknown: never a miss
        w(Wens.GRATIS),  # met, weight 1
    ]
    fit = bereken_fit(wensen, coaching, VANDAAG)
    assert fit.voldaan == (Wens.DICHTBIJ, Wens.WEINIG_UREN, Wens.GRATIS)
    assert fit.gemist == (Wens.KORT,)
    assert fit.onbekend == (Wens.ZONDER_NEDERLANDS,)
    assert (fit.punten, fit.minpunten, fit.aantal) == (4, 2, 5)
    assert fit.samenvatting == "Past bij 3 van je 5 wensen"


def test_unknown_is_never_a_miss() -> None:
    wensen = [w(wens) for wens in Wens if wens is not Wens.GROEP]
    fit = bereken_fit(wensen, ONBEKEND, VANDAAG)
    assert fit.gemist == () and fit.voldaan == ()
    assert fit.minpunten == 0
    assert fit.samenvatting == f"Past bij 0 van je {len(wensen)} wensen"


def test_sorting_puts_most_weight_met_first_then_least_missed() -> None:
    wensen = [w(Wens.KORT, 2), w(Wens.GRATIS)]
    kort_duur = feiten(duur_weken=4, kosten_klant_centen=500)  # 2 met, 1 missed
    gratis = feiten(duur_weken=20, kosten_klant_centen=0)  # 1 met, 2 missed
    gratis_onbekend = feiten(kosten_klant_centen=0)  # 1 met, 0 missed
    fits = {
        naam: bereken_fit(wensen, f, VANDAAG)
        for naam, f in (("kort", kort_duur), ("gratis", gratis), ("onbekend", gratis_onbekend))
    }
    volgorde = sorted(fits, key=lambda n: fits[n].sorteersleutel)
    assert volgorde == ["kort", "onbekend", "gratis"]


def test_one_wish_is_singular_and_no_wishes_say_nothing() -> None:
    fit = bereken_fit([w(Wens.KORT)], feiten(duur_weken=2), VANDAAG)
    assert fit.samenvatting == "Past bij 1 van je 1 wens"
    assert bereken_fit([], ONBEKEND, VANDAAG) == GEEN_FIT
    assert GEEN_FIT.samenvatting == ""


def test_the_date_decides_starts_soon() -> None:
    start = feiten(start_soort="vaste_data", startdata=(dt.date(2027, 3, 1),))
    assert bereken_fit([w(Wens.SNEL)], start, dt.date(2027, 2, 15)).voldaan == (Wens.SNEL,)
    assert bereken_fit([w(Wens.SNEL)], start, dt.date(2027, 1, 4)).gemist == (Wens.SNEL,)


def test_a_wish_once_and_a_gemeente_only_with_close_to_home() -> None:
    assert uniek([w(Wens.KORT), w(Wens.GRATIS), w(Wens.KORT, 2)]) == (
        w(Wens.KORT, 2),
        w(Wens.GRATIS),
    )
    with pytest.raises(ValidationError, match="gemeente hoort alleen bij"):
        WensKeuze(wens=Wens.KORT, gemeente="Tiel")
    with pytest.raises(ValidationError):
        WensKeuze(wens=Wens.KORT, gewicht=3)
    assert WensKeuze(wens=Wens.DICHTBIJ, gemeente="  ").gemeente is None


def test_wish_texts_are_b1_and_short() -> None:
    for tekst in WENS_TEKST.values():
        assert b1(tekst).ok, tekst
        assert len(tekst.split()) <= 8, tekst


def test_json_round_trip_keeps_wishes_and_the_fit_snapshot() -> None:
    wensen = (w(Wens.DICHTBIJ, 2, "Tiel"), w(Wens.KORT), w(Wens.GRATIS))
    fits = {
        7: bereken_fit(wensen, feiten(gemeenten=("Tiel",), duur_weken=20), VANDAAG),
        9: bereken_fit(wensen, feiten(alle_gemeenten=True, kosten_klant_centen=0), VANDAAG),
    }
    tekst = wensen_naar_json(wensen, fits)
    assert wensen_uit_json(tekst) == wensen
    terug = fit_uit_json(tekst, [7, 9, 11])
    assert terug[7] == fits[7] and terug[9] == fits[9]
    # An option added later without a stored fit: everything unknown, nothing missed.
    assert terug[11] == Fit((), (), (Wens.DICHTBIJ, Wens.KORT, Wens.GRATIS), 0, 0)


@pytest.mark.parametrize(
    "tekst",
    [None, "", "niet json", "{}", '[{"wens": "vliegen", "gewicht": 1}]', "[1, 2]"],
)
def test_unreadable_or_newer_wishes_are_skipped(tekst: str | None) -> None:
    assert wensen_uit_json(tekst) == ()
    assert fit_uit_json(tekst, [1]) == {}


def test_a_newer_wish_is_skipped_and_the_known_ones_stay() -> None:
    tekst = '[{"wens": "vliegen", "gewicht": 1}, {"wens": "kort", "gewicht": 2, "ja": [4]}]'
    assert wensen_uit_json(tekst) == (w(Wens.KORT, 2),)
    assert fit_uit_json(tekst, [4])[4].voldaan == (Wens.KORT,)
