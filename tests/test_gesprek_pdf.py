"""The handout a client can act on: coach contact, sign-up, wishes, pros and cons, metadata."""

from __future__ import annotations

import getpass
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import update

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.coachprofiel import GEEN_PROFIEL, bewaar_profiel, maak_profiel
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.services.rapport.gegevens import Rapport, verzamel
from keuzehulp.services.rapport.klant import keuze_rijen, klant_pdf, schrijf_klant_pdf, teksten
from keuzehulp.services.rapport.professioneel import professionele_pdf, samenvatting_tekst
from keuzehulp.services.wensen import Wens, WensKeuze
from tests.gesprek_hulp import maak_instrumenten, vul_structuur

LOGIN = "jvdberg"  # the coach's login name: never on the client's sheet
PROFIEL = maak_profiel(
    naam="Joost van den Berg",
    telefoon="0344 61 22 33",
    email="j.vandenberg@werkzaak.example",
    organisatie="Werkzaak Rivierenland",
)
WENSEN = (
    WensKeuze(wens=Wens.DICHTBIJ, gewicht=2, gemeente="Tiel"),
    WensKeuze(wens=Wens.KORT),
    WensKeuze(wens=Wens.GRATIS),
)
GOED = "Ik ben alleen met de coach"
MINDER = "Het duurt lang"


def _ids(database: Database) -> list[int]:
    ids = maak_instrumenten(database)
    vul_structuur(database, ids)
    return ids


def _rapport(
    database: Database,
    ids: list[int],
    *,
    profiel: bool = True,
    **kw: object,
) -> Rapport:
    if profiel:
        bewaar_profiel(database, LOGIN, PROFIEL)
    waarden: dict[str, object] = {
        "doel": "Weer een vast ritme in de week",
        "opties": tuple(
            Optie(instrument_id=i, goed=GOED if n == 0 else None, minder_goed=MINDER)
            for n, i in enumerate(ids)
        ),
        "keuze_id": ids[0],
        "wensen": WENSEN,
    }
    waarden.update(kw)
    gesprek = GesprekService(database).bewaar(GesprekInvoer.model_validate(waarden), LOGIN)
    return verzamel(database, gesprek.id)


def _tekst(pdf: bytes) -> str:
    lezer = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(pagina.extract_text().split()) for pagina in lezer.pages)


def test_the_handout_shows_the_coach_profile_and_never_the_login(database: Database) -> None:
    ids = _ids(database)
    r = _rapport(database, ids[:3])
    pdf = klant_pdf(r)
    tekst = _tekst(pdf)
    for stuk in (
        "Je coach: Joost van den Berg",
        "Werkzaak Rivierenland",
        "Telefoon: 0344 61 22 33",
        "E-mail: j.vandenberg@werkzaak.example",
        "Heb je een vraag? Bel Joost van den Berg op 0344 61 22 33.",
        "Of mail naar j.vandenberg@werkzaak.example.",
    ):
        assert stuk in tekst
    assert LOGIN not in tekst
    assert LOGIN.encode() not in pdf  # nor in the metadata


def test_printing_without_a_profile_asks_for_it_and_writes_nothing(
    database: Database, tmp_path: Path
) -> None:
    r = _rapport(database, _ids(database)[:2], profiel=False)
    pad = tmp_path / "keuze.pdf"
    with pytest.raises(InvoerFout) as fout:
        schrijf_klant_pdf(r, pad)
    assert fout.value.melding == GEEN_PROFIEL
    assert not pad.exists()
    with pytest.raises(InvoerFout, match="Vul eerst uw contactgegevens in"):
        klant_pdf(r)
    # The professional summary needs no profile.
    assert "Samenvatting keuzegesprek" in _tekst(professionele_pdf(r))


def test_metadata_title_language_and_no_os_user_as_author(database: Database) -> None:
    r = _rapport(database, _ids(database)[:2])
    for pdf, titel in ((klant_pdf(r), "Jouw keuze"), (professionele_pdf(r), "Samenvatting")):
        lezer = PdfReader(io.BytesIO(pdf))
        assert lezer.metadata is not None
        assert (lezer.metadata.title or "").startswith(titel)
        assert lezer.trailer["/Root"]["/Lang"] == "nl-NL"
        assert lezer.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]
        auteur = lezer.metadata.author or ""
        assert auteur in ("Werkzaak Rivierenland", "Joost van den Berg")
        assert auteur not in (LOGIN, getpass.getuser())


def test_one_option_prints(database: Database) -> None:
    r = _rapport(database, _ids(database)[:1])
    tekst = _tekst(klant_pdf(r))
    assert "Jullie hebben één mogelijkheid goed bekeken. Daarna heb je gekozen." in tekst
    assert "Jouw keuze: Coaching, Praktijk De Kompasroos" in tekst
    assert "Dit heb je ook bekeken" not in tekst


def test_wishes_fit_pros_and_cons_appear(database: Database) -> None:
    ids = _ids(database)
    r = _rapport(database, ids[:3])
    tekst = _tekst(klant_pdf(r))
    assert "Wat vind jij belangrijk?" in tekst
    assert "Dicht bij huis, in mijn gemeente: Tiel (heel belangrijk)" in tekst
    assert "Kort: 8 weken of minder (belangrijk)" in tekst
    # The choice (coaching: Tiel, 10 weeks, free) and an option not chosen (training).
    assert "Past het bij wat jij wilt? Past bij 2 van je 3 wensen." in tekst
    assert "Ja: dicht bij huis, gratis. Nee: kort." in tekst
    assert "Past bij 3 van je 3 wensen. Ja: dicht bij huis, kort, gratis." in tekst
    assert f"Wat vind jij goed? {GOED}" in tekst
    assert tekst.count(f"Wat vind jij minder goed? {MINDER}") == 3


def test_addresses_in_dutch_order(database: Database) -> None:
    tekst = _tekst(klant_pdf(_rapport(database, _ids(database)[:4])))
    assert "Stationsplein 3, Tiel" in tekst and "Lekdijkhof 5, Culemborg" in tekst
    assert "Tiel, Stationsplein 3" not in tekst


def test_next_steps_follow_the_instruments_own_sign_up(database: Database) -> None:
    ids = _ids(database)
    with database.wijzigen(MutatieContext("tester", "editor")) as session:
        session.execute(
            update(Instrument)
            .where(Instrument.id == ids[0])
            .values(aanmelding="Meld je zelf aan via mail: info@kompasroos.example")
        )
    tekst = _tekst(klant_pdf(_rapport(database, ids[:2])))
    assert "Je meldt je zelf aan. Mail naar info@kompasroos.example." in tekst
    assert "Je coach meldt je aan" not in tekst

    # The sign-up through a colleague: the coach arranges it, the client does not sign up.
    tekst = _tekst(klant_pdf(_rapport(database, [ids[4]], keuze_id=ids[4])))
    assert "Je meldt je niet zelf aan. Je coach regelt het met de psycholoog van Werkzaak." in (
        tekst
    )


def test_the_coachs_own_steps_win(database: Database) -> None:
    ids = _ids(database)
    r = _rapport(database, ids[:2], volgende_stappen="Je belt zelf met Kompasroos.\n\nKlaar.")
    tekst = _tekst(klant_pdf(r))
    assert "Wat ga je nu doen? • Je belt zelf met Kompasroos. • Klaar." in tekst


def _laagste_tekst_op_pagina_1(pdf: bytes) -> float:
    lezer = PdfReader(io.BytesIO(pdf))
    hoogtes: list[float] = []

    def bezoek(tekst: str, cm: list[float], tm: list[float], font: object, grootte: float) -> None:
        if tekst.strip() and grootte * tm[0] > 11:  # not the small footer
            hoogtes.append(tm[5] + cm[5])

    lezer.pages[0].extract_text(visitor_text=bezoek)
    return min(hoogtes)


@pytest.mark.parametrize("aantal", [1, 3, 5])
def test_the_first_page_is_not_mostly_empty(database: Database, aantal: int) -> None:
    # Text reaches the lowest third of page 1, with one exception: the chosen option's
    # table, too long for the rest of page 1, starts page 2 whole
    # (test_the_chosen_options_table_stays_on_one_page).
    r = _rapport(database, _ids(database)[:aantal])
    pdf = klant_pdf(r)
    lezer = PdfReader(io.BytesIO(pdf))
    hoogte = float(lezer.pages[0].mediabox.height)
    assert len(lezer.pages) > 1
    if _laagste_tekst_op_pagina_1(pdf) >= hoogte / 3:
        pagina_2 = " ".join(lezer.pages[1].extract_text().split())
        zonder_voet = pagina_2.split(" bladzijde 2 ", 1)[-1]  # the footer is read first
        assert zonder_voet.startswith("Jouw keuze:"), pagina_2[:80]
        assert "Jouw keuze:" not in " ".join(lezer.pages[0].extract_text().split())


def test_doubt_brings_advice_to_the_client_and_the_professional(database: Database) -> None:
    r = _rapport(database, _ids(database)[:2], sure=(True, False, True, True), teach_back=True)
    klant = _tekst(klant_pdf(r))
    assert "Twijfel je nog? Je twijfelt nog een beetje." in klant
    assert "Vraag je coach om meer uitleg over elke mogelijkheid." in klant
    prof = samenvatting_tekst(r)
    assert "Uitkomst: 3 van 4 keer ja: twijfel (beslisconflict)." in prof
    assert "kent voor- en nadelen: nee · weet wat hij of zij belangrijk vindt: ja" in prof
    assert "Advies: klant kent voor- en nadelen onvoldoende" in prof
    assert "Gedaan: de klant heeft in eigen woorden verteld" in prof
    pdf = _tekst(professionele_pdf(r))
    assert "3 van 4 keer ja" in pdf
    # Dutch labels, with what the check is; no English terms for the Dutch coach.
    assert "Keuzecheck ‘Weet je het zeker?’" in pdf and "Terugvertellen" in pdf
    assert "SURE-test, Légaré 2010" in pdf
    assert "SURE-score" not in pdf and "Teach-back" not in pdf


def test_no_doubt_no_advice_and_unasked_checks_are_said(database: Database) -> None:
    ids = _ids(database)
    r = _rapport(database, ids[:2], sure=(True,) * 4)
    assert "Twijfel je nog?" not in _tekst(klant_pdf(r))
    prof = samenvatting_tekst(r)
    assert "4 van 4 keer ja: geen aanwijzing voor twijfel" in prof
    assert "Terugvertellen:\n  Niet gevraagd of nog niet gedaan" in prof
    r = _rapport(database, ids[:1])
    assert "Keuzecheck ‘Weet je het zeker?’:\n  (niet gedaan)" in samenvatting_tekst(r)


def test_professional_summary_lists_wishes_fit_pros_and_cons(database: Database) -> None:
    r = _rapport(database, _ids(database)[:2])
    tekst = samenvatting_tekst(r)
    assert "Wensen van de klant:\n  dicht bij huis (Tiel): heel belangrijk" in tekst
    assert "Past bij wensen: 2 van 3 wensen. Ja: dicht bij huis, gratis. Nee: kort." in tekst
    assert f"Goed volgens de klant: {GOED}" in tekst
    assert f"Minder goed volgens de klant: {MINDER}" in tekst
    assert "Werkcoach: Joost van den Berg, Werkzaak Rivierenland" in tekst


def test_every_new_client_text_is_b1(database: Database) -> None:
    ids = _ids(database)
    r = _rapport(database, ids, keuze_id=ids[4], sure=(False, False, False, False))
    getypt = {GOED, MINDER, r.gesprek.invoer.doel}
    for tekst in teksten(r):
        if tekst in getypt:
            continue
        uitslag = beoordeel(tekst)
        assert uitslag.ok, f"{tekst!r}: {uitslag.uitleg()}"


@pytest.mark.parametrize("doel_regels", range(0, 40, 3))
def test_the_section_heading_of_the_other_options_never_stands_alone(
    database: Database, doel_regels: int
) -> None:
    # However long the text before it, "Dit heb je ook bekeken" is on the page of the first
    # other option (a heading alone at a page's foot reads as an empty section).
    ids = _ids(database)[:4]
    doel = " ".join(["Weer een vast ritme in de week."] * (1 + doel_regels * 2))
    r = _rapport(database, ids, doel=doel)
    anderen = [x for x in r.opties if x.id != ids[0]]
    lezer = PdfReader(io.BytesIO(klant_pdf(r)))
    paginas = [" ".join(pagina.extract_text().split()) for pagina in lezer.pages]
    met_kop = [n for n, t in enumerate(paginas) if "Dit heb je ook bekeken" in t]
    assert len(met_kop) == 1
    assert anderen[0].naam.split(",")[0] in paginas[met_kop[0]]


@pytest.mark.parametrize("doel_regels", range(0, 14))
def test_the_chosen_options_table_stays_on_one_page(database: Database, doel_regels: int) -> None:
    # However long the goal before it, the chosen option's table is not split over two
    # pages (it fits on one): the client reads it as one whole.
    ids = _ids(database)[:2]
    doel = " ".join(["Weer een vast ritme in de week."] * (1 + doel_regels * 2))
    r = _rapport(database, ids, doel=doel)
    assert r.keuze is not None
    vragen = [" ".join(vraag.split()) for vraag, _ in keuze_rijen(r.keuze, r)]
    assert len(vragen) > 5
    lezer = PdfReader(io.BytesIO(klant_pdf(r)))
    paginas = [" ".join(pagina.extract_text().split()) for pagina in lezer.pages]
    met_kop = [t for t in paginas if "Jouw keuze:" in t]
    assert len(met_kop) == 1
    rest = met_kop[0][met_kop[0].index("Jouw keuze:") :]
    for vraag in vragen:  # every row after the heading, on the heading's page
        assert vraag in rest, (vraag, doel_regels)
        rest = rest[rest.index(vraag) + len(vraag) :]
