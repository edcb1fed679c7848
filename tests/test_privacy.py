"""The privacy guard refuses BSNs (eleven-test) and dates, and lets other numbers through."""

from __future__ import annotations

import pytest

from keuzehulp.model.errors import InvoerFout
from keuzehulp.services import privacy


@pytest.mark.parametrize(
    "tekst",
    [
        "123456782",
        "111222333",
        "bsn 123 456 782 graag",
        "123.456.782",
        "123-45-6782",
        "12.34.56.782",
        "zaak 2023 123456782",
        "12345672",  # eight digits: read with a leading zero (012345672)
        "012345672",
        "123/456/782",
        "123 / 456 / 782",
        "123 - 456 - 782",
        "123_456_782",
        "123,456,782",
        "123\u2013456\u2013782",  # en dash, as word processors write it
    ],
)
def test_valid_bsn_is_refused(tekst: str) -> None:
    assert privacy.bevat_bsn(tekst)
    with pytest.raises(InvoerFout) as fout:
        privacy.controleer(tekst, "Klantreferentie")
    assert fout.value.melding.startswith("Klantreferentie: hierin staat een nummer dat een BSN")
    assert "geen klantdossier" in fout.value.melding


@pytest.mark.parametrize(
    "tekst",
    [
        "123456789",
        "zaak 2024-0117",
        "000000000",
        "1234567",
        "12345678901",
        "dossier Z-4711",
        "€ 1.250,00",
        "kies 3, 5 of 7",
        "1/2 dag per week",
    ],
)
def test_numbers_failing_the_eleven_test_are_allowed(tekst: str) -> None:
    assert not privacy.bevat_bsn(tekst)
    privacy.controleer(tekst, "Klantreferentie")


@pytest.mark.parametrize(
    "tekst",
    [
        "geboren 12-03-1985",
        "12/3/85",
        "1985-03-12",
        "12 maart 1985",
        "3 mrt. '85",
        "12.03.1985",
        "op 1 januari 2000 begonnen",
    ],
)
def test_dates_are_refused(tekst: str) -> None:
    assert privacy.bevat_datum(tekst)
    with pytest.raises(InvoerFout) as fout:
        privacy.controleer(tekst, "Doel")
    assert fout.value.melding.startswith("Doel: hierin staat een datum")


@pytest.mark.parametrize(
    "tekst", ["31-02-1985", "week 12 van 2024", "3 van de 5 dagen", "12 maart", "Tiel 4000"]
)
def test_non_dates_are_allowed(tekst: str) -> None:
    assert not privacy.bevat_datum(tekst)
    privacy.controleer(tekst, "Doel")


def test_dates_may_be_allowed_for_a_field() -> None:
    privacy.controleer("Aanmelden voor 1-4-2027", "Volgende stappen", datums=False)
    with pytest.raises(InvoerFout):
        privacy.controleer("bsn 123456782", "Volgende stappen", datums=False)
