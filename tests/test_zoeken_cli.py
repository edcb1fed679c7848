"""`keuzehulp zoek`: same filters and answers as the screen, Dutch errors with a suggestion."""

from __future__ import annotations

import pytest

from keuzehulp.cli.main import main
from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.services.instrumentgegevens import InstrumentGegevens
from keuzehulp.services.zoekinvoer import naaste_kenmerkcodes
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus


@pytest.fixture
def url(database: Database, db_url: str) -> str:
    vul_catalogus(database, kleine_catalogus())
    return db_url


def _zoek(url: str, *args: str) -> int:
    return main(["--database", url, "zoek", *args])


def _instrument(naam: str, **velden: object) -> InstrumentGegevens:
    return InstrumentGegevens.model_validate(
        {"naam": naam, "status": InstrumentStatus.ACTIEF, **velden}
    )


def test_no_filters_lists_active_instruments_once(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _zoek(url, "--sorteer", "naam") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Coaching, Aanbieder B",
        "Psychologisch onderzoek, Aanbieder C",
        "Training sollicitatie, Aanbieder A",
    ]


def test_route_by_plain_label_and_kenmerk_parent(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _zoek(url, "--route", "EERST vergroten kans op werk", "--kenmerk", "3.1") == 0
    uit = capsys.readouterr().out.splitlines()
    assert sorted(uit) == ["Coaching, Aanbieder B", "Psychologisch onderzoek, Aanbieder C"]


def test_gemeente_type_cost_and_text(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _zoek(url, "--gemeente", "tiel", "--max-kosten", "1.000") == 0
    # Coaching B is in all gemeenten but has no amount: a maximum leaves it out.
    assert capsys.readouterr().out.splitlines() == ["Training sollicitatie, Aanbieder A"]
    assert _zoek(url, "--tekst", "PSYCHOLOÓG", "--type", "diagnose") == 0
    assert capsys.readouterr().out.splitlines() == ["Psychologisch onderzoek, Aanbieder C"]
    assert _zoek(url, "--max-kosten", "1200,00", "--sorteer", "kosten") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Training sollicitatie, Aanbieder A",
        "Psychologisch onderzoek, Aanbieder C",
    ]


def test_facetten_print_the_count_per_value(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _zoek(url, "--route", "work_first", "--facetten") == 0
    regels = capsys.readouterr().out.splitlines()
    assert regels[0] == "Training sollicitatie, Aanbieder A"
    assert "1 van 3 actieve instrumenten." in regels
    assert "Gekozen: Eerst werk vinden" in regels
    assert "      1  Eerst werk vinden (work_first)  (gekozen)" in regels
    # Multi-select facets: the route choice is left out of the routes' own counts.
    assert "      2  Eerst vergroten kans op werk (human_capital_first)" in regels
    assert "      0      3.1.1 Algemene mentale functies" in regels
    assert "      1    4.1 Sollicitatievaardigheden" in regels
    assert "      1  Tiel" in regels
    # The structured facets, grouped and labelled; A has no duration, so "onbekend".
    kop = regels.index("Duur:")
    assert regels[kop + 1 : kop + 5] == [
        "      0  4 weken of korter (kort)",
        "      0  5 tot 12 weken (middel)",
        "      0  13 weken of langer (lang)",
        "      1  Duur onbekend (onbekend)",
    ]
    kosten = regels.index("Kosten per persoon (voor de gemeente):")
    assert regels[kosten + 3] == "      1  € 500 tot € 1.000 (500_1000)"


def test_new_filters_by_code_or_label(
    database: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    vul_catalogus(
        database,
        [
            _instrument("Kort zonder taaleis", duur_weken=3, nederlands_nodig=False),
            _instrument("Lang met taaleis", duur_weken=20, nederlands_nodig=True),
            _instrument("Doorlopend", start_soort="doorlopend", kosten_centen=0),
            _instrument("Vaste data", start_soort="vaste_data", startdata="2027-01-11"),
        ],
    )
    assert _zoek(db_url, "--duur", "kort", "--duur", "13 WEKEN of langer", "--sorteer", "naam") == 0
    assert capsys.readouterr().out.splitlines() == ["Kort zonder taaleis", "Lang met taaleis"]
    assert _zoek(db_url, "--nederlands", "niet_nodig") == 0
    assert capsys.readouterr().out.splitlines() == ["Kort zonder taaleis"]
    assert _zoek(db_url, "--start", "doorlopend", "--kosten", "gratis") == 0
    assert capsys.readouterr().out.splitlines() == ["Doorlopend"]
    assert _zoek(db_url, "--start", "onbekend", "--sorteer", "naam") == 0
    assert capsys.readouterr().out.splitlines() == ["Kort zonder taaleis", "Lang met taaleis"]
    assert _zoek(db_url, "--nederlands", "onbekend", "--sorteer", "naam") == 0
    assert capsys.readouterr().out.splitlines() == ["Doorlopend", "Vaste data"]


def test_free_text_finds_word_forms(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _zoek(url, "--tekst", "SOLLICITEREN") == 0
    assert capsys.readouterr().out.splitlines() == ["Training sollicitatie, Aanbieder A"]
    assert _zoek(url, "--tekst", "psycholoog onderzoek") == 0
    assert capsys.readouterr().out.splitlines() == ["Psychologisch onderzoek, Aanbieder C"]


def test_zero_results_say_so_and_name_the_ways_out(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _zoek(url, "--route", "work_first", "--gemeente", "Buren") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Geen instrumenten gevonden met deze keuzes.",
        "Laat een keuze weg:",
        "  Zonder ‘Eerst werk vinden’: 2 mogelijkheden",
        "  Zonder ‘Buren’: 1 mogelijkheid",
    ]
    assert _zoek(url, "--tekst", "qwertyuiop") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Geen instrumenten gevonden met deze keuzes.",
        "Laat een keuze weg:",
        "  Zonder de zoektekst ‘qwertyuiop’: 3 mogelijkheden",
    ]


def test_zero_results_in_an_empty_catalogue(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _zoek(db_url, "--gemeente", "Tiel") == 0
    assert capsys.readouterr().out.splitlines() == [
        "Geen instrumenten gevonden: de catalogus heeft geen actieve instrumenten."
    ]


@pytest.mark.parametrize(
    ("optie", "waarde", "melding"),
    [
        (
            "--duur",
            "kortt",
            "--duur: Onbekende duur ‘kortt’. Bedoelt u ‘kort’? Kies uit: kort (4 weken of "
            "korter), middel (5 tot 12 weken), lang (13 weken of langer), onbekend (Duur "
            "onbekend).",
        ),
        ("--start", "morgen", "--start: Onbekende start ‘morgen’."),
        ("--nederlands", "ja", "--nederlands: Onbekende taaleis 'ja'."),
        ("--kosten", "duur", "--kosten: Onbekende kostenklasse 'duur'."),
    ],
)
def test_unknown_classes_name_the_valid_ones(
    url: str, capsys: pytest.CaptureFixture[str], optie: str, waarde: str, melding: str
) -> None:
    assert _zoek(url, optie, waarde) == 1
    fout = capsys.readouterr()
    assert fout.out == ""
    assert f"keuzehulp: {melding}" in fout.err
    assert "Kies uit:" in fout.err


def test_help_names_every_filter(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as uitgang:
        main(["zoek", "--help"])
    assert uitgang.value.code == 0
    hulp = capsys.readouterr().out
    for optie in ("--kosten", "--duur", "--start", "--nederlands", "--max-kosten", "--tekst"):
        assert optie in hulp
    assert "13 weken of langer" in hulp
    assert "de keuze in het eigen filter telt niet mee" in hulp


def test_unknown_values_name_the_nearest(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _zoek(url, "--kenmerk", "1.9") == 1
    assert (
        "Kenmerk ‘1.9’ bestaat niet. Het dichtstbij zijn: 1.7 Zelfinzicht, 1.6 Werkervaring, "
        "1.5 Emotieregulatie." in capsys.readouterr().err
    )
    assert _zoek(url, "--route", "werk eerst vinden") == 1
    assert "Bedoelt u ‘Eerst werk vinden’?" in capsys.readouterr().err
    assert _zoek(url, "--gemeente", "Tiell") == 1
    assert "Onbekende gemeente ‘Tiell’. Bedoelt u ‘Tiel’?" in capsys.readouterr().err
    assert _zoek(url, "--type", "Trainingen") == 1
    assert "Bedoelt u ‘Training’?" in capsys.readouterr().err


def test_malformed_amount_is_a_usage_error(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as uitgang:
        _zoek(url, "--max-kosten", "1,250.00")
    assert uitgang.value.code == 2
    fout = capsys.readouterr().err
    assert "'1,250.00' is geen bedrag" in fout
    assert "gebruik: gebruik:" not in fout


def test_an_unknown_route_lists_the_routes(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--database", db_url, "zoek", "--route", "blabla"])
    fout = capsys.readouterr().err
    assert code != 0
    assert "Onbekende route 'blabla'. Kies uit: Eerst verbeteren leefsituatie" in fout


@pytest.mark.parametrize(
    ("route", "hint"),
    [
        ("werkfit", "Onbekende route 'werkfit'. Kies uit: Eerst verbeteren leefsituatie, "),
        ("werk", "Onbekende route 'werk'. Kies uit: "),
        (
            "Lief frist",
            "Onbekende route ‘Lief frist’. Bedoelt u ‘Eerst verbeteren leefsituatie’? Kies uit: "
            "Eerst verbeteren leefsituatie, Eerst vergroten kans op werk, Eerst werk vinden.",
        ),
    ],
)
def test_a_route_suggestion_only_when_it_is_close(
    db_url: str, capsys: pytest.CaptureFixture[str], route: str, hint: str
) -> None:
    assert main(["--database", db_url, "zoek", "--route", route]) == 1
    fout = capsys.readouterr().err
    assert hint in fout
    assert ("Bedoelt u" in fout) == ("Bedoelt u" in hint)
    assert "Life first" not in fout


def test_an_unknown_code_says_it_does_not_exist(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """9.9 is no kenmerk: not a group suggested, but the nearest existing codes, in Dutch."""
    assert _zoek(url, "--kenmerk", "9.9") == 1
    fout = capsys.readouterr()
    assert fout.out == ""
    assert fout.err.startswith("keuzehulp: Kenmerk ‘9.9’ bestaat niet. Het dichtstbij zijn: 5.3 ")
    assert "Bedoelt u" not in fout.err
    assert "‘keuzehulp zoek --facetten’" in fout.err
    assert _zoek(url, "--kenmerk", "3.1.9") == 1
    assert "Het dichtstbij zijn: 3.1.6 Structuur in het dagelijks leven, 3.1.5 " in (
        capsys.readouterr().err
    )


def test_nearest_codes_prefer_the_same_depth_and_the_highest_level() -> None:
    codes = ["1", "1.3", "1.3.1", "1.3.2", "1.7", "2", "2.2", "5", "5.1", "5.3"]
    assert naaste_kenmerkcodes("9.9", codes) == ["5.3", "5.1", "2.2"]
    assert naaste_kenmerkcodes("1.9", codes, aantal=1) == ["1.7"]
    assert naaste_kenmerkcodes("0", codes, aantal=2) == ["1", "2"]
    assert naaste_kenmerkcodes("1.3.1.4", codes)[0] == "1.3.1"
    assert naaste_kenmerkcodes("1.1", []) == []
