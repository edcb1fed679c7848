"""Issue 12, items 5, 6, 8 and 4: cleaning cell texts, one money reader, numbers shown as Excel.

These are pure functions; the workbook-level behaviour is in the other werkmappen tests.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keuzehulp.model.errors import InvoerFout
from keuzehulp.services.bedrag import centen_uit_getal, centen_uit_tekst
from keuzehulp.services.bronbestand.cellen import (
    GetalCode,
    schoon_tekst,
    toon_datum,
    toon_getal,
    toon_naam,
)
from keuzehulp.services.bronbestand.waarden import FOUT, lees_codegetal, lees_kosten
from keuzehulp.services.zoekinvoer import lees_bedrag
from keuzehulp.ui.beheer.instrument_formulier import lees_kosten as editor_kosten

ONZICHTBAAR = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad"]


@pytest.mark.parametrize("teken", ONZICHTBAAR)
def test_invisible_characters_are_removed(teken: str) -> None:
    assert schoon_tekst(f"Taal{teken}toets") == "Taaltoets"
    assert schoon_tekst(f"{teken}Assessment{teken}") == "Assessment"


def test_text_is_nfc_normalised() -> None:
    ontleed = "Arbeidsmarktorie" + "\u0308" + "ntatie"  # e + combining diaeresis
    assert schoon_tekst(ontleed) == "Arbeidsmarktoriëntatie"
    assert len(schoon_tekst(ontleed)) == len(ontleed) - 1
    assert unicodedata.is_normalized("NFC", schoon_tekst(ontleed))


@pytest.mark.parametrize(
    ("ruw", "schoon"),
    [
        ("regel een_x000D_\nregel twee", "regel een\nregel twee"),
        ("regel een_x000D_regel twee", "regel een\nregel twee"),
        ("kolom_x0009_tab", "kolom\ttab"),
        ("euro _x20AC_ 12", "euro € 12"),
        ("klein_x000a_", "klein\n"),
        ("belletje_x0007_weg", "belletjeweg"),  # a control character never belongs in a text
        ("geen_x00escape_", "geen_x00escape_"),
        ("a\r\nb\rc", "a\nb\nc"),
    ],
)
def test_excel_escapes_and_line_ends_are_decoded(ruw: str, schoon: str) -> None:
    assert schoon_tekst(ruw) == schoon


def test_clean_text_is_idempotent_and_keeps_plain_text() -> None:
    for tekst in ("Assessment", "Oriëntatie – kort", "a\nb", "€ 1.250,–"):
        assert schoon_tekst(tekst) == tekst
        assert schoon_tekst(schoon_tekst(tekst + "\u200b")) == tekst


def test_tab_names_show_invisible_characters() -> None:
    assert toon_naam("Instrumenten\u200b") == "Instrumenten[onzichtbaar teken U+200B]"
    assert toon_naam("Instrumenten ") == "Instrumenten "


@pytest.mark.parametrize(
    ("getal", "opmaak", "getoond"),
    [
        (1.1, "0.00", "1.10"),
        (1.1, "General", "1.1"),
        (1.1, None, "1.1"),
        (3, "General", "3"),
        (3.0, "0.0", "3.0"),
        (1.25, "#,##0.00", "1.25"),
        (0.5, "0%", "50%"),
        (2.3, '0.000" code"', "2.300"),
        (7.0, "@", "7"),
    ],
)
def test_numbers_shown_as_excel_shows_them(getal: float, opmaak: str | None, getoond: str) -> None:
    assert toon_getal(getal, opmaak) == getoond


def test_dates_shown_the_dutch_way() -> None:
    assert toon_datum(dt.datetime(2026, 10, 1)) == "01-10-2026"
    assert toon_datum(dt.datetime(2026, 10, 1, 14, 30)) == "01-10-2026 14:30"
    assert toon_datum(dt.date(2026, 1, 10)) == "10-01-2026"


def _codegetal(cel: GetalCode, bekend: set[str]) -> tuple[str | None, list[str]]:
    meldingen: list[str] = []

    def meld(ernst: str, melding: str) -> None:
        assert ernst == FOUT
        meldingen.append(melding)

    return lees_codegetal(cel, bekend, meld), meldingen


def test_a_number_is_a_code_only_when_one_code_fits() -> None:
    assert _codegetal(GetalCode(3, "3"), {"3", "3.1"}) == ("3", [])
    assert _codegetal(GetalCode(1.2, "1.2"), {"1.2", "1.10", "1.1"}) == ("1.2", [])
    # 1.1 shown as 1.10: kenmerk 1.1 and 1.10 both have that value.
    code, meldingen = _codegetal(GetalCode(1.1, "1.10"), {"1.1", "1.10"})
    assert code is None
    assert "‘1.10’" in meldingen[0] and "1.1 of 1.10" in meldingen[0]
    assert "tekst" in meldingen[0]
    # Shown as 1.1 but kenmerk 1.10 exists: still two candidates.
    code, meldingen = _codegetal(GetalCode(1.1, "1.1"), {"1.1", "1.10"})
    assert code is None and "1.1 of 1.10" in meldingen[0]
    # 3 formatted 0.0 shows 3.0: "3" or "3.0" could be meant.
    assert _codegetal(GetalCode(3.0, "3.0"), {"3"})[0] is None


def test_a_date_is_never_a_code() -> None:
    code, meldingen = _codegetal(GetalCode(dt.datetime(2026, 10, 1), "01-10-2026"), {"1.10"})
    assert code is None
    assert "als datum opgeslagen" in meldingen[0] and "‘01-10-2026’" in meldingen[0]


# --- item 8: one money reader --------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "centen"),
    [
        ("€ 1.250,00", 125_000),
        ("€ 1.250,-", 125_000),
        ("€ 1.250,--", 125_000),
        ("€ 1.250,–", 125_000),  # en dash
        ("€ 1.250,—", 125_000),  # em dash
        ("€1.250,=", 125_000),
        ("1.250,=", 125_000),
        ("€\u00a01.250,00", 125_000),
        ("1 250,00", 125_000),
        ("1250", 125_000),
        ("1.250", 125_000),
        ("137,50", 13_750),
        ("137,5", 13_750),
        ("137.50", 13_750),
        ("12 euro", 1_200),
        ("12 Euro", 1_200),
        ("EUR 12", 1_200),
        ("12,- euro", 1_200),
        ("€ 450 p.p.", 45_000),
        ("€ 450 per persoon", 45_000),
        ("0", 0),
        ("0,-", 0),
        ("gratis", 0),
        ("Gratis", 0),
        ("kosteloos", 0),
        ("Kosteloos", 0),
        ("geen kosten", 0),
        ("-25", -2_500),
    ],
)
def test_dutch_amounts(tekst: str, centen: int) -> None:
    assert centen_uit_tekst(tekst) == centen


@pytest.mark.parametrize(
    "tekst", ["op aanvraag", "€ 1.250 excl. btw", "1,250.00", "", "   ", "€", "ca. 500", "1.25.0"]
)
def test_texts_that_are_no_amount(tekst: str) -> None:
    assert centen_uit_tekst(tekst) is None


def test_numeric_cells_in_cents() -> None:
    assert centen_uit_getal(1250) == 125_000
    assert centen_uit_getal(137.5) == 13_750
    assert centen_uit_getal(0.1 + 0.2) == 30
    with pytest.raises(ValueError):
        centen_uit_getal(float("nan"))


def _import(tekst: str) -> int | None:
    return lees_kosten(tekst, lambda _ernst, _melding: None)[0]


def _editor(tekst: str) -> int | None:
    try:
        return editor_kosten(tekst)[0]
    except ValueError:
        return None


def _zoeken(tekst: str) -> int | None:
    try:
        return lees_bedrag(tekst)
    except InvoerFout:
        return None


def _drie(tekst: str) -> tuple[int | None, int | None, int | None]:
    return _import(tekst), _editor(tekst), _zoeken(tekst)


@pytest.mark.parametrize("tekst", ["12 euro", "kosteloos", "€ 1.250,–", "€1.250,=", "gratis"])
def test_import_editor_and_search_agree_on_the_known_cases(tekst: str) -> None:
    import_, editor, zoeken = _drie(tekst)
    assert import_ is not None
    assert import_ == editor == zoeken


_SCHEIDING = st.sampled_from([",-", ",--", ",–", ",—", ",=", ""])
_VALUTA_VOOR = st.sampled_from(["", "€", "€ ", "€\u00a0", "EUR ", "eur "])
_VALUTA_NA = st.sampled_from(["", " euro", " EUR", " p.p.", " per persoon", " euro p.p."])


@st.composite
def _bedragteksten(draw: st.DrawFn) -> tuple[str, int]:
    euro = draw(st.integers(min_value=0, max_value=9_999_999))
    cent = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=99)))
    punten = draw(st.booleans())
    getal = f"{euro:,}".replace(",", ".") if punten else str(euro)
    if cent is None:
        getal += draw(_SCHEIDING)
        waarde = euro * 100
    else:
        getal += f",{cent:02d}"
        waarde = euro * 100 + cent
    return draw(_VALUTA_VOOR) + getal + draw(_VALUTA_NA), waarde


@settings(max_examples=300, deadline=None)
@given(_bedragteksten())
def test_every_written_amount_reads_the_same_everywhere(geval: tuple[str, int]) -> None:
    tekst, centen = geval
    assert _drie(tekst) == (centen, centen, centen)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789.,-–—=€ eurogatisklpp"), max_size=14))
def test_any_text_the_three_never_disagree_on_an_amount(tekst: str) -> None:
    """Whatever is typed, an amount that two of them read is the same amount."""
    gelezen = {c for c in _drie(tekst) if c is not None}
    assert len(gelezen) <= 1
    verwacht = centen_uit_tekst(tekst)
    if verwacht is not None and verwacht >= 0:
        assert _drie(tekst) == (verwacht, verwacht, verwacht)
