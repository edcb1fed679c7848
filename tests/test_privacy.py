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


@pytest.mark.parametrize(
    "tekst",
    [
        "bsn 123 456\n782",
        "123\t456\t782",
        "123  456  782",
        "123\u00a0456\u00a0782",
        "123\u202f456\u202f782",
        "1234\n56782",
        "12.34.56.78.2",
        "123 -\n456 - 782",
    ],
)
def test_a_bsn_split_by_any_spacing_is_refused(tekst: str) -> None:
    with pytest.raises(InvoerFout, match="Klantreferentie: hierin staat een nummer dat een BSN"):
        privacy.controleer(tekst, "Klantreferentie")


@pytest.mark.parametrize(
    "tekst",
    [
        "12 03 1985",
        "12031985",
        "19850312",
        "14-jun-1934",
        "maart 25, 1954",
        "25 maart 1954",
        "1985-03-12",
        "March 25, 1954",
        "25th of March 1954",
        "1e mei 1960",
        "14 Jun 1934",
    ],
)
def test_dates_of_birth_in_dutch_and_english_forms_are_refused(tekst: str) -> None:
    with pytest.raises(InvoerFout, match="Doel: hierin staat een datum"):
        privacy.controleer(f"geboren {tekst}, woont in Tiel", "Doel")
    # A field that may name an appointment still refuses a date of birth.
    with pytest.raises(InvoerFout, match="geboortedatum"):
        privacy.controleer(tekst, "Volgende stappen", datums=False)


def test_an_appointment_date_is_allowed_where_dates_are() -> None:
    privacy.controleer(
        "Intake op 12-03-2027, terugblik 1 juni 2027", "Volgende stappen", datums=False
    )


@pytest.mark.parametrize(
    ("tekst", "reden"),
    [
        ("mail j.jansen@example.nl", "e-mailadres"),
        ("NL91 ABNA 0417 1643 00", "IBAN"),
        ("iban nl91abna0417164300", "IBAN"),
        ("BE68 5390 0754 7034", "IBAN"),
        ("bel 06-12345611", "telefoonnummer"),
        ("06 1234 5611", "telefoonnummer"),
        ("+31 6 12345611", "telefoonnummer"),
        ("+31 (0)6-12345611", "telefoonnummer"),
        ("0344 - 61 22 33", "telefoonnummer"),
        ("020-1234567", "telefoonnummer"),
    ],
)
def test_contact_details_are_refused_with_their_own_reason(tekst: str, reden: str) -> None:
    with pytest.raises(InvoerFout) as fout:
        privacy.controleer(tekst, "Notitie bij optie 1")
    assert fout.value.melding.startswith("Notitie bij optie 1: hierin staat een")
    assert reden in fout.value.melding
    assert "geen klantdossier" in fout.value.melding


@pytest.mark.parametrize("tekst", ["06-12345611", "06-12345622", "0612345633", "+31612345644"])
def test_a_mobile_number_is_never_called_a_bsn(tekst: str) -> None:
    assert not privacy.bevat_bsn(tekst)
    privacy.controleer_reden(f"gebeld met {tekst}")


@pytest.mark.parametrize(
    "tekst",
    ["NL91 ABNA 1417 1643 01", "NL12 ABCD 1234", "nl 91 is een code", "ruimte@ niets", "a @ b"],
)
def test_near_misses_of_contact_details_are_allowed(tekst: str) -> None:
    privacy.controleer(tekst, "Doel")


def test_a_login_name_may_be_an_email_address(monkeypatch: pytest.MonkeyPatch) -> None:
    from keuzehulp.services.gebruiker import huidige_gebruiker

    assert huidige_gebruiker("j.jansen@werkzaak.nl") == "j.jansen@werkzaak.nl"
    with pytest.raises(InvoerFout, match="Gebruiker: hierin staat een nummer dat een BSN"):
        huidige_gebruiker("123 456 782")
