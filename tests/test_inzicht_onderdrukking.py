"""Small-cell suppression: one rule, applied in the tables, the xlsx and the PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.services.inzicht.export import exporteer
from keuzehulp.services.inzicht.onderdrukking import (
    VERBORGEN,
    Cel,
    aantal,
    bedrag,
    gemiddelde,
    getal_nl,
    onderdrukt,
    percentage,
)
from keuzehulp.services.inzicht.overzicht import Inzicht, bereken_inzicht
from keuzehulp.services.waardering import waarderingen
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.inzicht_hulp import TB, G, utc, voeg_toe


@pytest.mark.parametrize(
    ("n", "verwacht"), [(0, False), (1, True), (4, True), (5, False), (120, False)]
)
def test_onderdrukt_een_tot_en_met_vier(n: int, verwacht: bool) -> None:
    assert onderdrukt(n) is verwacht


def test_cellen() -> None:
    v = VERBORGEN
    assert aantal(3) == Cel(v)
    assert aantal(0) == Cel("0", 0)
    assert aantal(12345) == Cel("12.345", 12345)
    assert aantal(7, True).tekst == v  # hidden to protect another figure
    assert gemiddelde(7.84, 4).tekst == v
    assert gemiddelde(7.84, 6) == Cel("7,8", 7.8)
    assert gemiddelde(None, 0).tekst == "–"
    assert bedrag(123456789, True).tekst == v
    assert bedrag(123456789, False) == Cel("€ 1.234.568", 1234567.89)
    assert percentage(3, 40).tekst == v and percentage(20, 3).tekst == v
    assert percentage(10, 40, True).tekst == v
    assert percentage(10, 40) == Cel("25%", 25)
    assert getal_nl(1234.5, 1) == "1.234,5"
    assert Cel(v).is_onderdrukt and not Cel("5", 5).is_onderdrukt


@pytest.fixture
def inzicht(database: Database) -> Inzicht:
    """Six gesprekken in January with A (5 afgerond, rated 8), two in February with B."""
    a, b, *_ = vul_catalogus(database, kleine_catalogus())
    klaar = (TB(utc(2026, 3, 1), "afgerond", "ja", coach=8, client=7),)
    voeg_toe(
        database,
        [G(utc(2026, 1, 5 + i), (a,), a, ("work_first",), (), ("Tiel",), klaar) for i in range(5)]
        + [G(utc(2026, 1, 20), (a,), a, ("work_first",), (), ("Tiel",))]
        + [G(utc(2026, 2, 3 + i), (b,), b, (), (), ("Buren",)) for i in range(2)],
    )
    return bereken_inzicht(database)


def _rij(inzicht: Inzicht, tabel: str, eerste: str) -> list[str]:
    for rij in inzicht.tabellen[tabel].rijen:
        if rij[0].tekst.strip().startswith(eerste):
            return [c.tekst for c in rij]
    raise AssertionError(f"geen rij {eerste} in {tabel}")


def test_tabellen_onderdrukken_kleine_cellen(inzicht: Inzicht) -> None:
    v = VERBORGEN
    # 8 gesprekken in all (a key figure): February's 2 hide January's 6, else 8 - 6 = 2.
    assert _rij(inzicht, "gebruik_periode", "2026-01") == ["2026-01", v, v, v, "0", "5", "0"]
    assert _rij(inzicht, "gebruik_periode", "2026-02") == ["2026-02", v, v, v, "0", "0", "0"]
    # Every gesprek has no kenmerk: that row is the total, and shows 8 with a shortlist. So
    # the months' shortlist counts (6 and 2) are hidden too.
    assert _rij(inzicht, "gebruik_kenmerk", "(geen")[1:4] == ["8", "8", "8"]
    assert _rij(inzicht, "gebruik_gemeente", "Buren")[1:4] == [v, v, v]
    assert _rij(inzicht, "gebruik_gemeente", "Tiel")[1:4] == [v, v, v]
    # Per instrument, shortlist counts have no shown total (a gesprek has several options).
    assert _rij(inzicht, "gebruik_instrument", "Training")[1:3] == ["6", v]
    assert _rij(inzicht, "gebruik_instrument", "Coaching")[1:3] == [v, v]
    # Costs: February rests on 2 gesprekken, January's month total would give it away.
    # Zonder bedrag in February: 2 choices of the instrument without a price, hidden.
    assert _rij(inzicht, "kosten", "2026-01")[1:] == ["Tiel", v, "0", v]
    assert [r[1:] for r in _rijen(inzicht, "kosten", "2026-02")] == [
        ["Buren", v, v, v],
        ["Totaal", v, v, v],
    ]
    assert v in _rij(inzicht, "kosten", "2026-02") and "<5" not in _alle_teksten(inzicht)
    uitkomst = _rij(inzicht, "uitkomsten", "Training sollicitatie")
    assert uitkomst[1:3] == ["5", "5"]
    # The same figure and format as search: "8,0 (5×)", from waardering.py.
    assert uitkomst[7] == "8,0 (5×)" and uitkomst[10] == "7,0 (5×)"
    kern = dict(inzicht.kerncijfers)
    assert kern["Gesprekken"].tekst == "8" and kern["Afgerond"].tekst == "5"
    assert kern["Kosten van de keuzes"].tekst == "€ 3.000"  # 6 x € 500, 2 x on request


def _rijen(inzicht: Inzicht, tabel: str, eerste: str) -> list[list[str]]:
    return [
        [c.tekst for c in rij]
        for rij in inzicht.tabellen[tabel].rijen
        if rij[0].tekst.strip().startswith(eerste)
    ]


def _alle_teksten(inzicht: Inzicht) -> set[str]:
    return {c.tekst for t in inzicht.tabellen.values() for r in t.rijen for c in r}


def test_excel_export_onderdrukt_en_markeert(inzicht: Inzicht, tmp_path: Path) -> None:
    pad = exporteer(inzicht, tmp_path / "inzicht.xlsx")
    boek = load_workbook(pad)
    assert boek.sheetnames[0] == "Overzicht"
    blad = boek["Gebruik per maand"]
    rijen = [[c.value for c in r] for r in blad.iter_rows(min_row=4)]
    v = VERBORGEN
    # Months as on the screen: "jan 2026".
    assert rijen == [["jan 2026", v, v, v, 0, 5, 0], ["feb 2026", v, v, v, 0, 0, 0]]
    kosten = [[c.value for c in r] for r in boek["Kosten"].iter_rows(min_row=4)]
    assert kosten[0] == ["jan 2026", "Tiel", v, 0, v]  # money hidden with the same word
    for naam in boek.sheetnames[1:]:
        if naam.startswith(("Dekking", "Overlap", "Nooit", "Lang")):
            continue  # counts of instruments, not of gesprekken
        for rij in boek[naam].iter_rows(min_row=4):
            klein = [
                c.value
                for c in rij
                if isinstance(c.value, int) and 0 < c.value < 5 and c.number_format != "0%"
            ]
            assert not klein, (naam, [c.value for c in rij])
    dekking = boek["Dekking per gemeente"]
    wit = [c for r in dekking.iter_rows(min_row=4) for c in r if c.fill.fgColor.rgb == "00FCE4D6"]
    assert wit and all(isinstance(c.value, int) and c.value <= 1 for c in wit)


def test_pdf_export(inzicht: Inzicht, tmp_path: Path) -> None:
    pad = exporteer(inzicht, tmp_path / "inzicht.pdf")
    lezer = PdfReader(io.BytesIO(pad.read_bytes()))
    tekst = "".join(p.extract_text() for p in lezer.pages)
    assert "Inzicht keuzehulp" in tekst and "Gebruik per maand" in tekst
    assert VERBORGEN in tekst and "<5" not in tekst and "witte vlek" in tekst.lower()
    assert "€ 3.000" in tekst


@pytest.mark.parametrize("naam", ["inzicht.csv", "inzicht", "inzicht.xlsx.txt"])
def test_export_weigert_verkeerde_naam(inzicht: Inzicht, tmp_path: Path, naam: str) -> None:
    map_ = tmp_path / "export"
    map_.mkdir()
    with pytest.raises(InvoerFout, match=r"eindigt op \.xlsx \(Excel\) of \.pdf"):
        exporteer(inzicht, map_ / naam)
    assert list(map_.iterdir()) == []


def test_export_weigert_ontbrekende_map(inzicht: Inzicht, tmp_path: Path) -> None:
    with pytest.raises(InvoerFout, match="bestaat niet"):
        exporteer(inzicht, tmp_path / "nergens" / "inzicht.pdf")


def test_kosten_totalen_tonen_geen_kleine_aantallen(database: Database) -> None:
    """Hand-counted: Tiel 6 choices of A (€ 500), Buren 4 of A and 1 of B (price on request).

    Before, 'Zonder bedrag' showed 1 in Buren and in the month total: one gesprek."""
    a, b, *_ = vul_catalogus(database, kleine_catalogus())
    voeg_toe(
        database,
        [G(utc(2026, 1, 5 + i), (a,), a, (), (), ("Tiel",)) for i in range(6)]
        + [G(utc(2026, 1, 5 + i), (a,), a, (), (), ("Buren",)) for i in range(4)]
        + [G(utc(2026, 1, 20), (b,), b, (), (), ("Buren",))],
    )
    inzicht = bereken_inzicht(database)
    v = VERBORGEN
    assert [r[1:] for r in _rijen(inzicht, "kosten", "2026-01")] == [
        ["Buren", "5", v, "€ 2.000"],
        ["Tiel", "6", "0", "€ 3.000"],
        ["Totaal", "11", v, "€ 5.000"],
    ]
    totaal = [r for r in inzicht.tabellen["kosten"].rijen if r[1].tekst == "Totaal"]
    assert all(c.vet for c in totaal[0]) and not inzicht.tabellen["kosten"].rijen[0][0].vet
    assert dict(inzicht.kerncijfers)["Kosten van de keuzes"].tekst == "€ 5.000"


def test_cijfers_zijn_die_van_zoeken_en_verbergen_kleine_groepen(database: Database) -> None:
    """Inzicht shows waardering.py's figure ("8,0 (5×)", or the survey's), hidden when the
    terugblikken behind it come from fewer than 5 gesprekken, whatever the minimum."""
    a, b, *_ = vul_catalogus(database, kleine_catalogus())
    klaar = (TB(utc(2026, 3, 1), "afgerond", "ja", coach=8, client=7),
             TB(utc(2026, 4, 1), "afgerond", "ja", coach=6, client=9))  # fmt: skip
    voeg_toe(
        database,
        [G(utc(2026, 1, 5 + i), (a,), a, (), (), ("Tiel",), klaar) for i in range(3)]
        + [G(utc(2026, 1, 5 + i), (b,), b, (), (), ("Tiel",), klaar[:1]) for i in range(6)],
    )
    with database.lezen() as s:
        zoeken = waarderingen(s, [a, b])
    inzicht = bereken_inzicht(database)
    a_rij = _rij(inzicht, "uitkomsten", "Training sollicitatie")
    b_rij = _rij(inzicht, "uitkomsten", "Coaching")
    # A: 6 ratings (>= the minimum 5, so search shows "7,0 (6×)") but from 3 gesprekken.
    assert zoeken[a].coaches is not None and zoeken[a].coaches.kort == "7,0 (6×)"
    assert a_rij[7] == VERBORGEN and a_rij[10] == VERBORGEN
    # B: 6 gesprekken, one rating each: the very figure of search, and its sort value.
    assert zoeken[b].coaches is not None
    assert b_rij[7] == zoeken[b].coaches.kort == "8,0 (6×)"
    cel = next(r[7] for r in inzicht.tabellen["uitkomsten"].rijen if r[0].tekst == b_rij[0])
    assert cel.waarde == zoeken[b].sorteercijfer
