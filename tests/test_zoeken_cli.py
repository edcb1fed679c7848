"""`keuzehulp zoek`: same filters and answers as the screen, Dutch errors with a suggestion."""

from __future__ import annotations

import pytest

from keuzehulp.cli.main import main
from keuzehulp.model.db import Database
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus


@pytest.fixture
def url(database: Database, db_url: str) -> str:
    vul_catalogus(database, kleine_catalogus())
    return db_url


def _zoek(url: str, *args: str) -> int:
    return main(["--database", url, "zoek", *args])


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
    assert "      1  Eerst werk vinden (work_first)" in regels
    # Adding a route to the selection (OR) widens: work_first or human_capital_first.
    assert "      3  Eerst vergroten kans op werk (human_capital_first)" in regels
    assert "      0      3.1.1 Algemene mentale functies" in regels
    assert "      1    4.1 Sollicitatievaardigheden" in regels
    assert "      1  Tiel" in regels


def test_unknown_values_name_the_nearest(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _zoek(url, "--kenmerk", "1.9") == 1
    assert "Onbekend kenmerk '1.9'. Bedoel je '1.7 Zelfinzicht'?" in capsys.readouterr().err
    assert _zoek(url, "--route", "werk eerst vinden") == 1
    assert "Bedoel je 'Eerst werk vinden'?" in capsys.readouterr().err
    assert _zoek(url, "--gemeente", "Tiell") == 1
    assert "Onbekende gemeente 'Tiell'. Bedoel je 'Tiel'?" in capsys.readouterr().err
    assert _zoek(url, "--type", "Trainingen") == 1
    assert "Bedoel je 'Training'?" in capsys.readouterr().err


def test_malformed_amount_is_a_usage_error(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as uitgang:
        _zoek(url, "--max-kosten", "1,250.00")
    assert uitgang.value.code == 2
    fout = capsys.readouterr().err
    assert "'1,250.00' is geen bedrag" in fout
    assert "gebruik: gebruik:" not in fout
