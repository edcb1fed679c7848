"""Property-based tests of the privacy guard (hypothesis): every BSN in any spacing, every date
of birth in common Dutch and English forms, every IBAN and phone number is refused with its
own reason, and a phone number is never read as a BSN."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keuzehulp.model.errors import InvoerFout
from keuzehulp.services import privacy

# No deadline: the guard's speed is measured in benchmarks/bench_privacy.py, never in tests.
instelling = settings(max_examples=300, deadline=None)

# Spacing people (and word processors, copy-paste) put between digit groups.
SCHEIDERS = [
    " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u202f", "\u2009", ".", "-", " - ", "/", "\u2013",
    "_", ", ", ". ", "\n  ",
]  # fmt: skip

# Words around the number: no digits, "@" or letters that could start an IBAN with digits.
omringende_tekst = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz ,.;:!?()éëï"), max_size=30
)


def _elfproef_getal(acht: str) -> str | None:
    som = sum(int(c) * w for c, w in zip(acht, range(9, 1, -1), strict=True))
    controle = som % 11
    return None if controle == 10 else acht + str(controle)


@st.composite
def bsns(draw: st.DrawFn) -> str:
    """A nine-digit number that passes the eleven-test (not all zeros)."""
    acht = draw(st.text(alphabet="0123456789", min_size=8, max_size=8))
    getal = _elfproef_getal(acht)
    if getal is None or getal == "000000000" or getal.startswith("0"):
        # A leading zero would let the number read as a phone number's tail: tested apart.
        getal = "123456782"
    return getal


@st.composite
def opgesplitst(draw: st.DrawFn, cijfers: str) -> str:
    """The digits split into groups at random places, with random spacing between them."""
    punten = sorted(draw(st.sets(st.integers(1, len(cijfers) - 1), max_size=len(cijfers) - 1)))
    delen, vorige = [], 0
    for punt in [*punten, len(cijfers)]:
        delen.append(cijfers[vorige:punt])
        vorige = punt
    tekst = delen[0]
    for deel in delen[1:]:
        tekst += draw(st.sampled_from(SCHEIDERS)) + deel
    return tekst


@given(data=st.data(), bsn=bsns(), voor=omringende_tekst, na=omringende_tekst)
@instelling
def test_a_bsn_in_any_spacing_is_refused(data: st.DataObject, bsn: str, voor: str, na: str) -> None:
    tekst = f"{voor} {data.draw(opgesplitst(bsn))} {na}"
    assert privacy.bevat_bsn(tekst)
    with pytest.raises(InvoerFout, match="Doel: hierin staat een"):
        # Usually "a BSN"; split as "12, 34" after "jul" it also reads as a date of birth.
        privacy.controleer(tekst, "Doel", datums=False)
    with pytest.raises(InvoerFout, match="Reden: hierin staat een nummer dat een BSN"):
        privacy.controleer_reden(tekst)


@st.composite
def mobiele_nummers(draw: st.DrawFn) -> tuple[str, str]:
    """A Dutch mobile number in a common written form, and its eight subscriber digits."""
    acht = draw(st.text(alphabet="0123456789", min_size=8, max_size=8))
    vorm = draw(
        st.sampled_from(
            [
                "06{a}", "06-{a}", "06 {a}", "06 {b} {c}", "06-{b} {c}", "06 {d} {e} {f} {g}",
                "(06) {a}", "+31 6 {a}", "+31 (0)6 {a}", "+316{a}", "0031 6 {a}", "06\u00a0{a}",
                "06 - {a}", "06-{d}-{e}-{f}-{g}",
            ]
        )
    )  # fmt: skip
    nummer = vorm.format(
        a=acht, b=acht[:4], c=acht[4:], d=acht[:2], e=acht[2:4], f=acht[4:6], g=acht[6:]
    )
    return nummer, acht


@given(nummer=mobiele_nummers(), voor=omringende_tekst, na=omringende_tekst)
@instelling
def test_a_mobile_number_is_never_read_as_a_bsn(
    nummer: tuple[str, str], voor: str, na: str
) -> None:
    tekst = f"{voor} {nummer[0]} {na}"
    assert not privacy.bevat_bsn(tekst)
    privacy.controleer_reden(tekst)  # the mutation log's reason only refuses BSNs
    with pytest.raises(InvoerFout, match="telefoonnummer"):
        privacy.controleer(tekst, "Volgende stappen", datums=False)


@given(
    netnummer=st.sampled_from(["010", "020", "030", "0344", "0345", "0418", "0488", "070"]),
    abonnee=st.text(alphabet="0123456789", min_size=6, max_size=6),
    scheider=st.sampled_from(["-", " ", " - ", "", "\u00a0"]),
)
@instelling
def test_a_landline_number_is_refused_as_a_phone_number(
    netnummer: str, abonnee: str, scheider: str
) -> None:
    abonnee = abonnee + "1234"[: 10 - len(netnummer) - len(abonnee)]
    tekst = f"bellen naar {netnummer}{scheider}{abonnee}"
    assert not privacy.bevat_bsn(tekst)
    with pytest.raises(InvoerFout, match="telefoonnummer"):
        privacy.controleer(tekst, "Notitie bij optie 1")


MAANDEN_NL = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
]  # fmt: skip
AFKORTINGEN_NL = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
]  # fmt: skip
MAANDEN_EN = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


def _vormen(d: dt.date) -> list[str]:
    nl, en, kort = MAANDEN_NL[d.month - 1], MAANDEN_EN[d.month - 1], AFKORTINGEN_NL[d.month - 1]
    return [
        f"{d:%d-%m-%Y}", f"{d.day}-{d.month}-{d.year}", f"{d:%d/%m/%Y}", f"{d:%d.%m.%Y}",
        f"{d:%d %m %Y}", f"{d:%d%m%Y}", f"{d:%Y-%m-%d}", f"{d:%Y%m%d}", f"{d.day} {nl} {d.year}",
        f"{nl} {d.day}, {d.year}", f"{d.day}-{kort}-{d.year}", f"{d.day} {en} {d.year}",
        f"{en} {d.day}, {d.year}", f"{en[:3]} {d.day} {d.year}", f"{d.day}-{en[:3]}-{d.year}",
        f"{d:%d-%m-%y}", f"{d.day} {nl.upper()} {d.year}", f"{d.day}\u00a0{nl}\u00a0{d.year}",
    ]  # fmt: skip


@given(
    # Clients of working age: born 1930 or later (so '30 is 1930, not 2030).
    datum=st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2008, 12, 31)),
    vorm=st.integers(0, len(_vormen(dt.date(2000, 1, 1))) - 1),
    voor=omringende_tekst,
    na=omringende_tekst,
)
@instelling
def test_a_date_of_birth_in_any_common_form_is_refused(
    datum: dt.date, vorm: int, voor: str, na: str
) -> None:
    geschreven = _vormen(datum)[vorm]
    tekst = f"{voor} geboren {geschreven} {na}"
    assert datum in privacy.datums_in(tekst), geschreven
    # Also in a field that may name an appointment: a date of birth is never an appointment.
    with pytest.raises(InvoerFout, match="geboortedatum"):
        privacy.controleer(tekst, "Volgende stappen", datums=False)


def _iban_nl(bank: str, rekening: str) -> str:
    verschoven = bank + rekening + "NL00"
    rest = int("".join(str(int(c, 36)) for c in verschoven)) % 97
    return f"NL{98 - rest:02d}{bank}{rekening}"


@given(
    bank=st.sampled_from(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"]),
    rekening=st.text(alphabet="0123456789", min_size=10, max_size=10),
    in_groepen=st.booleans(),
    klein=st.booleans(),
)
@instelling
def test_an_iban_is_refused(bank: str, rekening: str, in_groepen: bool, klein: bool) -> None:
    iban = _iban_nl(bank, rekening)
    assert privacy.is_iban(iban)
    if in_groepen:
        iban = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    if klein:
        iban = iban.lower()
    with pytest.raises(InvoerFout, match="IBAN"):
        privacy.controleer(f"rekening {iban} graag", "Notitie bij optie 2", datums=False)


@given(
    naam=st.text(alphabet="abcdefghijklmnopqrstuvwxyz.-_", min_size=1, max_size=20).filter(
        lambda n: n[0].isalpha()
    ),
    domein=st.sampled_from(["gmail.com", "hotmail.nl", "werkzaak.nl", "ziggo.nl", "x.co.uk"]),
)
@instelling
def test_an_email_address_is_refused(naam: str, domein: str) -> None:
    with pytest.raises(InvoerFout, match="e-mailadres"):
        privacy.controleer(f"mail naar {naam}@{domein}.", "Voorkeur van de klant")


@given(tekst=omringende_tekst)
@instelling
def test_plain_words_are_never_refused(tekst: str) -> None:
    privacy.controleer(tekst, "Doel")


@given(
    aantal=st.integers(0, 99), eenheid=st.sampled_from(["uur", "dagen", "weken", "euro", "keer"])
)
@instelling
def test_small_counts_are_never_refused(aantal: int, eenheid: str) -> None:
    privacy.controleer(f"{aantal} {eenheid} per week, {aantal + 1} {eenheid} in totaal", "Doel")
