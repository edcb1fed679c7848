"""Cell values of the bronbestand: money, marks, multi-value cells, routes, kenmerken."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from keuzehulp.model.basisgegevens import KENMERKEN, ROUTES
from keuzehulp.model.catalogus import GEMEENTEN_RIVIERENLAND
from keuzehulp.services.bronbestand import waarden as w
from keuzehulp.services.bronbestand.basis import Basis, KenmerkRegel, RouteRegel
from keuzehulp.services.bronbestand.kolommen import veld_van_kop

BASIS = Basis(
    tuple(RouteRegel(r.code, r.naam, r.label) for r in ROUTES),
    tuple(KenmerkRegel(k.code, k.naam, k.uitleg, k.uitleg_client) for k in KENMERKEN),
    GEMEENTEN_RIVIERENLAND,
)


class Meldingen(list[tuple[str, str]]):
    def __call__(self, ernst: str, melding: str) -> None:
        self.append((ernst, melding))


@pytest.mark.parametrize(
    ("cel", "centen", "tekst"),
    [
        ("€ 1.250,00", 125000, None),
        ("€1.250,-", 125000, None),
        ("1250", 125000, None),
        ("1.250", 125000, None),
        ("0", 0, None),
        ("gratis", 0, None),
        ("Gratis ", 0, None),
        (1250, 125000, None),
        (137.5, 13750, None),
        ("137,50", 13750, None),
        ("137.5", 13750, None),
        ("€ 645,-", 64500, None),
        ("EUR 450", 45000, None),
        ("€ 450,- p.p.", 45000, None),
        ("€\u00a02.100,00", 210000, None),
        ("op aanvraag", None, "op aanvraag"),
        ("-", None, None),
        ("n.v.t.", None, None),
        (None, None, None),
    ],
)
def test_money_formats(cel: Any, centen: int | None, tekst: str | None) -> None:
    meldingen = Meldingen()
    assert w.lees_kosten(cel, meldingen) == (centen, tekst)
    assert meldingen == []


def test_text_with_a_number_that_is_no_amount_is_kept_with_a_warning() -> None:
    meldingen = Meldingen()
    assert w.lees_kosten("ca. 400 per traject", meldingen) == (None, "ca. 400 per traject")
    assert [e for e, _ in meldingen] == [w.WAARSCHUWING]


@pytest.mark.parametrize("cel", [-5, "-5", "€ -10,00"])
def test_negative_money_is_an_error(cel: Any) -> None:
    meldingen = Meldingen()
    assert w.lees_kosten(cel, meldingen) == (None, None)
    assert meldingen == [(w.FOUT, "Kosten kunnen niet negatief zijn.")]


@pytest.mark.parametrize(
    ("cel", "cijfer"),
    [("7,5", 7.5), ("7.5", 7.5), (8, 8.0), (6.9, 6.9), (" 10 ", 10.0), ("1", 1.0), ("nvt", None)],
)
def test_marks_with_decimal_comma_or_point(cel: Any, cijfer: float | None) -> None:
    meldingen = Meldingen()
    assert w.lees_cijfer(cel, meldingen) == cijfer
    assert meldingen == []


@pytest.mark.parametrize("cel", [11, "11", "0", 0.5, "10,1"])
def test_mark_outside_1_to_10_is_an_error(cel: Any) -> None:
    meldingen = Meldingen()
    assert w.lees_cijfer(cel, meldingen) is None
    assert meldingen == [(w.FOUT, "Een waardering is een cijfer van 1 tot en met 10.")]


def test_mark_that_is_no_number() -> None:
    meldingen = Meldingen()
    assert w.lees_cijfer("goed", meldingen) is None
    assert meldingen[0][0] == w.FOUT and "geen cijfer" in meldingen[0][1]


def test_multi_value_cells_split_on_lines_and_semicolons_and_lose_bullets() -> None:
    cel = "• 1.7 Zelfinzicht\r\n- Coping;  * Rekenen\n\n–  Sociale steun ;"
    assert w.splits(cel) == ["1.7 Zelfinzicht", "Coping", "Rekenen", "Sociale steun"]
    assert w.splits("Persoonlijk, sociaal en/of verstandelijk") == [
        "Persoonlijk, sociaal en/of verstandelijk"
    ]
    for niets in (None, "", "-", "n.v.t.", "nvt", "N.V.T.", " - "):
        assert w.splits(niets) == []


@pytest.mark.parametrize("cel", [None, "", "-", "n.v.t.", "NVT", " nvt. "])
def test_none_markers_in_text_fields(cel: Any) -> None:
    assert w.lees_tekst(cel) is None


def test_text_cells_of_other_types() -> None:
    assert w.lees_tekst(8.0) == "8"
    assert w.lees_tekst(1.5) == "1,5"
    assert w.lees_tekst(dt.datetime(2025, 3, 1)) == "01-03-2025"
    assert w.lees_tekst("  Tiel\r\nCulemborg ") == "Tiel\nCulemborg"


def test_kenmerken_by_code_name_or_both_after_folding() -> None:
    meldingen = Meldingen()
    cel = (
        "1.7 Zelfinzicht\n3.1.2\nZELF-REGULATIE\n"
        "• beroepskeuze, beroepsvoorkeur en beroepsorientatie"
    )
    assert w.lees_afgeleide(cel, BASIS, meldingen) == ("1.7", "3.1.2", "1.4", "4.2")
    assert w.lees_afgeleide("Persoonlijk, sociaal en/of verstandelijk", BASIS, meldingen) == (
        "3.1",
    )
    assert w.lees_afgeleide("1.7. Zelfinzicht; 1.7 - zelfinzicht", BASIS, meldingen) == (
        "1.7",
        "1.7",
    )
    assert meldingen == []


def test_unknown_kenmerk_names_the_nearest() -> None:
    meldingen = Meldingen()
    assert w.lees_afgeleide("Zelfinzich", BASIS, meldingen) == ()
    assert meldingen == [
        (w.FOUT, "‘Zelfinzich’ is geen bekend kenmerk. Bedoelt u ‘1.7 Zelfinzicht’?")
    ]


def test_code_contradicting_its_name() -> None:
    meldingen = Meldingen()
    assert w.lees_afgeleide("1.7 Coping", BASIS, meldingen) == ()
    assert meldingen == [
        (
            w.FOUT,
            "‘1.7 Coping’ klopt niet: kenmerk 1.7 heet ‘Zelfinzicht’, en ‘Coping’ heeft code "
            "3.1.2. Verbeter de code of de naam.",
        )
    ]


def test_unknown_code_and_a_group_where_a_derived_kenmerk_belongs() -> None:
    meldingen = Meldingen()
    assert w.lees_afgeleide("9.9\n3 Belemmeringen & Mogelijkheden", BASIS, meldingen) == ()
    assert meldingen[0][1].startswith("Kenmerk 9.9 bestaat niet. Bedoelt u")
    assert meldingen[1][1] == (
        "‘3 Belemmeringen & Mogelijkheden’ is een groep, geen afgeleid kenmerk. Noem de "
        "afgeleide kenmerken, zoals ‘3.1 Persoonlijk, sociaal en/of verstandelijk’."
    )


def test_groups_by_number_or_name() -> None:
    meldingen = Meldingen()
    assert w.lees_groepen("1\nSociale omgeving\n5 Motivatie", BASIS, meldingen) == ("1", "2", "5")
    assert w.lees_groepen("-", BASIS, meldingen) is None
    assert meldingen == []


def test_routes_by_name_label_or_folded() -> None:
    meldingen = Meldingen()
    cel = "Life first\nhuman-capital FIRST\nEerst werk vinden"
    assert w.lees_routes(cel, BASIS, meldingen) == (
        "life_first",
        "human_capital_first",
        "work_first",
    )
    assert w.lees_routes("Work frist", BASIS, meldingen) == ()
    assert meldingen == [
        (
            w.FOUT,
            "‘Work frist’ is geen Fenger-route. Bedoelt u ‘Eerst werk vinden’? Kies ‘Eerst "
            "verbeteren leefsituatie’, ‘Eerst vergroten kans op werk’ of ‘Eerst werk vinden’.",
        )
    ]


def test_gemeenten_and_all_gemeenten() -> None:
    meldingen = Meldingen()
    assert w.lees_gemeenten("west-betuwe; TIEL", BASIS, meldingen) == (
        False,
        ("West Betuwe", "Tiel"),
    )
    assert w.lees_gemeenten("Alle gemeenten", BASIS, meldingen) == (True, ())
    assert meldingen == []
    assert w.lees_gemeenten("Tiell", BASIS, meldingen) == (False, ())
    assert meldingen[0][1] == "‘Tiell’ is geen gemeente in de catalogus. Bedoelt u ‘Tiel’?"


def test_onderbouwing_and_link() -> None:
    meldingen = Meldingen()
    assert w.lees_onderbouwing("Goed  beschreven", meldingen) == "goed beschreven"
    assert w.lees_link("https://x.example/a", meldingen) == "https://x.example/a"
    assert meldingen == []
    assert w.lees_link("www.x.example", meldingen) == "https://www.x.example"
    assert meldingen[-1][0] == w.WAARSCHUWING
    assert w.lees_link("x.example", meldingen) is None
    assert meldingen[-1] == (w.FOUT, "Een link is een webadres dat begint met http:// of https://.")
    assert w.lees_onderbouwing("bewezen", meldingen) is None
    assert meldingen[-1][0] == w.FOUT and "Bedoelt u" in meldingen[-1][1]


@pytest.mark.parametrize(
    ("kop", "veld"),
    [
        ("Naam instrument", "naam"),
        ("  NAAM ", "naam"),
        ("Type traject", "routes"),
        ("Fenger-route", "routes"),
        ("Afgeleid kenmerk", "kenmerken"),
        ("Kenmerken", "theoretisch"),
        ("Startdatum / planning / beschikbaarheid", "beschikbaarheid"),
        ("Rol cliënt", "rol_werkzoekende"),
        ("rol client", "rol_werkzoekende"),
        ("Rapportcijfer professionals", "waardering_professionals"),
        ("Overleg met expert", "overleg_met"),
        ("Eerst overleggen met", "overleg_met"),
        ("Locatie", "gemeenten"),
        ("Locatie adres", "adres"),
        ("Opmerkingen", None),
    ],
)
def test_headers_and_aliases_fold(kop: str, veld: str | None) -> None:
    assert veld_van_kop(kop) == veld
