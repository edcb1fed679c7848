"""The Inzicht exports as a reader meets them: fictional data says so, white spots are
explained, pages are numbered, and the ‘verborgen’ legend stands where a figure is hidden."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from keuzehulp.cli.main import main
from keuzehulp.services.inzicht.export import WITTE_VLEK_UITLEG, uitleg_van
from keuzehulp.services.inzicht.onderdrukking import ONDERDRUKT_UITLEG, VERBORGEN, Cel
from keuzehulp.services.inzicht.overzicht import Tabel
from keuzehulp.services.inzicht.voorbereid import maand_nl
from keuzehulp.services.opstart import open_catalogus
from tests.conftest import TEST_GEBRUIKER
from tests.inzicht_hulp import G, utc, voeg_toe

Uitvoer = pytest.CaptureFixture[str]


def _pdf_tekst(pad: Path) -> list[str]:
    return [
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pad.read_bytes())).pages
    ]


def test_export_van_voorbeeldgegevens_zegt_dat(
    db_url: str, capsys: Uitvoer, tmp_path: Path
) -> None:
    assert main(["--database", db_url, "voorbeeld", "--gesprekken", "200"]) == 0
    xlsx, pdf = tmp_path / "i.xlsx", tmp_path / "i.pdf"
    for pad in (xlsx, pdf):
        assert main(["--database", db_url, "inzicht", "--alles", "--export", str(pad)]) == 0
    capsys.readouterr()
    paginas = _pdf_tekst(pdf)
    assert "Voorbeeldgegevens: deze database heeft 200 verzonnen gesprekken." in paginas[0]
    assert " ".join(WITTE_VLEK_UITLEG.split()) in paginas[0]
    assert all(f"pagina {n}" in tekst for n, tekst in enumerate(paginas, start=1))
    assert all("Inzicht keuzehulp · alle gesprekken, alle gemeenten" in t for t in paginas)
    overzicht = [c for rij in load_workbook(xlsx)["Overzicht"].iter_rows(values_only=True)
                 for c in rij if c]  # fmt: skip
    assert any(str(c).startswith("Voorbeeldgegevens: deze database heeft 200") for c in overzicht)
    assert WITTE_VLEK_UITLEG in overzicht and ONDERDRUKT_UITLEG in overzicht
    # The routes by their Dutch label; a header wider than its column wraps, not cut off.
    dekking = load_workbook(xlsx)["Dekking kenmerk en route"]
    assert dekking["B3"].value == "Eerst verbeteren leefsituatie"
    assert dekking["B3"].alignment.wrap_text and dekking.row_dimensions[3].height == 30
    assert "Eerst verbeteren leefsituatie" in " ".join(paginas)
    # Every table can be filtered in Excel and prints with its header on each page; a
    # month column is as narrow as a month, an instrument's as wide as its name.
    boek = load_workbook(xlsx)
    kosten_blad, instrumenten = boek["Kosten"], boek["Gebruik per instrument"]
    assert kosten_blad.auto_filter.ref == f"A3:E{kosten_blad.max_row}"
    assert kosten_blad.print_title_rows == "$3:$3"
    assert kosten_blad.page_setup.orientation == "landscape"
    assert boek["Gebruik per maand"].column_dimensions["A"].width < 16
    assert instrumenten.column_dimensions["A"].width > 40
    assert "Life first" not in " ".join(paginas)
    # Months as on the screen ("jan 2026"), in the workbook and the PDF alike.
    maanden = [r[0] for r in load_workbook(xlsx)["Gebruik per maand"].iter_rows(
        min_row=4, values_only=True)]  # fmt: skip
    assert maanden and all(
        re.fullmatch(
            r"(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) "
            r"20\d\d|\(.*\)",
            str(m),
        )
        for m in maanden
    ), maanden
    assert maanden[0] in " ".join(paginas)
    # Page 1: the key figures as tiles, and use per month: its chart beside its table.
    for tekst in (
        "Gesprekken",
        "Kosten van de keuzes",
        "Witte vlekken (kenmerk en route)",
        "Gebruik per maand",
        "Gesprekken en keuzes per maand",
        maanden[0],
    ):
        assert tekst in paginas[0], tekst
    # The cost right after use per month: its heading, chart and a table of months by
    # gemeente on one page; the rows per gemeente stay in the workbook.
    kosten = next(i for i, p in enumerate(paginas) if "Kosten van de keuzes Wat" in p)
    assert not any("Gebruik per gemeente" in p for p in paginas[:kosten])
    assert "Kosten van de keuzes per maand (euro, alle gemeenten)" in paginas[kosten]
    assert "Totaal Keuzes" in paginas[kosten] and "in de Excel-export" in paginas[kosten]
    alles = " ".join(paginas)
    assert alles.index("Uitkomsten en cijfers") < alles.index("Dekking")  # results first
    assert not re.search(r"\b20\d\d-[01]\d\b", " ".join(paginas))


def test_legenda_verborgen_alleen_bij_een_tabel_met_verborgen_cijfers(
    db_url: str, capsys: Uitvoer, tmp_path: Path
) -> None:
    """Real gesprekken (no demo): no warning; two gesprekken in one month are hidden there,
    the coverage of the catalogue hides nothing and does not repeat the legend."""
    opstart = open_catalogus(db_url, TEST_GEBRUIKER, ())
    try:
        voeg_toe(opstart.database, [G(utc(2026, 3, 2), ()), G(utc(2026, 3, 3), ())])
    finally:
        opstart.database.sluit()
    xlsx = tmp_path / "echt.xlsx"
    assert main(["--database", db_url, "inzicht", "--export", str(xlsx)]) == 0
    capsys.readouterr()
    boek = load_workbook(xlsx)
    overzicht = [c for rij in boek["Overzicht"].iter_rows(values_only=True) for c in rij if c]
    assert not any(str(c).startswith("Voorbeeldgegevens") for c in overzicht)
    maand = boek["Gebruik per maand"]
    assert maand["B4"].value == "verborgen"
    assert ONDERDRUKT_UITLEG in maand["A2"].value


def test_uitleg_zonder_verborgen_cel_laat_de_legenda_weg() -> None:
    uitleg = f"Gesprekken per groep. {ONDERDRUKT_UITLEG}"
    kolommen = ("Groep", "Aantal")
    zichtbaar = Tabel("t", "T", uitleg, kolommen, [(Cel("a"), Cel("12", 12))])
    verborgen = Tabel("t", "T", uitleg, kolommen, [(Cel("a"), Cel(VERBORGEN))])
    assert uitleg_van(zichtbaar) == "Gesprekken per groep."
    assert uitleg_van(verborgen) == uitleg


def test_opdrachtregel_zegt_of_er_gesprekken_zijn(db_url: str, capsys: Uitvoer) -> None:
    assert main(["--database", db_url, "voorbeeld"]) == 0
    capsys.readouterr()
    assert main(["--database", db_url, "inzicht"]) == 0
    uit = capsys.readouterr().out
    assert uit.startswith("Er zijn nog geen gesprekken bewaard")
    assert "voorbeeld --gesprekken 2000" in uit
    assert main(["--database", db_url, "voorbeeld", "--gesprekken", "20"]) == 0
    capsys.readouterr()
    assert main(["--database", db_url, "inzicht"]) == 0
    uit = capsys.readouterr().out
    assert uit.startswith("Voorbeeldgegevens: deze database heeft 20 verzonnen gesprekken.")


def test_kosten_in_de_pdf_een_rij_per_maand() -> None:
    """The PDF's cost table: a column per gemeente, then the month's total and choices;
    the same cells as the service's table (a hidden one stays hidden), "–" for no choice."""
    from keuzehulp.services.inzicht.export import kosten_per_maand
    from keuzehulp.services.inzicht.onderdrukking import VERBORGEN_CEL, Cel
    from keuzehulp.services.inzicht.overzicht import Tabel

    def rij(maand: str, gemeente: str, keuzes: Cel, kosten: Cel) -> tuple[Cel, ...]:
        return (Cel(maand), Cel(gemeente), keuzes, Cel("0", 0), kosten)

    tien, acht = Cel("10", 10), Cel("8", 8)
    bron = Tabel("kosten", "Kosten van de keuzes", "uitleg",
                 ("Maand", "Gemeente", "Keuzes", "Zonder bedrag", "Kosten"), [
                     rij("jan 2026", "Tiel", tien, Cel("€ 1.000", 1000)),
                     rij("jan 2026", "Buren", VERBORGEN_CEL, VERBORGEN_CEL),
                     rij("jan 2026", "Totaal", Cel("12", 12), Cel("€ 1.500", 1500)),
                     rij("feb 2026", "Tiel", acht, Cel("€ 800", 800)),
                     rij("feb 2026", "Totaal", acht, Cel("€ 800", 800)),
                 ])  # fmt: skip
    tabel = kosten_per_maand(bron)
    assert tabel.kolommen == ("Maand", "Tiel", "Buren", "Totaal", "Keuzes")
    assert [[c.tekst for c in r] for r in tabel.rijen] == [
        ["jan 2026", "€ 1.000", "verborgen", "€ 1.500", "12"],
        ["feb 2026", "€ 800", "–", "€ 800", "8"],
    ]


@pytest.mark.parametrize(
    ("maanden", "breedte", "stap"), [(6, 700.0, 1), (12, 290.0, 2), (24, 700.0, 2)]
)
def test_maanden_onder_de_pdf_grafiek_voluit(maanden: int, breedte: float, stap: int) -> None:
    """Under a PDF chart a month reads as in its table ("dec 2025", never "dec '25"); where
    the names would touch, only every second (or third) month keeps one, the newest always,
    and a month with a hidden bar keeps its "*"."""
    from keuzehulp.services.inzicht.export_pdf import ACCENT, _staven
    from keuzehulp.services.inzicht.onderdrukking import VERBORGEN_CEL

    namen = [f"{2025 + (i + 11) // 12}-{(i + 11) % 12 + 1:02d}" for i in range(maanden)]
    rijen = [(Cel(n), Cel("9", 9)) for n in namen]
    rijen[-2] = (Cel(namen[-2]), VERBORGEN_CEL)
    tekening = _staven(rijen, [(1, "Gesprekken", ACCENT)], breedte)
    assert tekening is not None
    (grafiek,) = tekening.contents
    labels = grafiek.categoryAxis.categoryNames
    assert labels[-1] == maand_nl(namen[-1])  # the newest month is always named
    assert labels[-2] == ("*" if stap > 1 else f"{maand_nl(namen[-2])}*")
    benoemd = [t.rstrip("*") for t in labels if t.rstrip("*")]
    assert len(benoemd) == -(-maanden // stap)
    assert all(re.fullmatch(r"[a-z]{3} 20\d\d", t) for t in benoemd), benoemd
