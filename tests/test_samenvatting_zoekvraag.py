"""The coach's summary names the search(es) that put the options on the shortlist, not the one
on screen at the last save; older gesprekken show what they have, labelled (migration 0010).

Found in a fresh-user trial: the PDF said "Zoektekst: Assessment", a look-up typed after the
shortlist was made, instead of Eerst werk vinden, Werkervaring, Tiel and Cursus.
"""

from __future__ import annotations

import io

from alembic import command
from pypdf import PdfReader
from sqlalchemy import create_engine, text, update
from sqlalchemy.engine import make_url

from keuzehulp.model.db import Database
from keuzehulp.model.gesprek import GesprekOptie
from keuzehulp.model.migratie import alembic_config, open_database
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.rapport.gegevens import verzamel
from keuzehulp.services.rapport.professioneel import (
    OUDE_ZOEKVRAAG_KOP,
    OUDE_ZOEKVRAAG_UITLEG,
    ZOEKVRAAG_KOP,
    ZOEKVRAGEN_KOP,
    professionele_pdf,
    samenvatting_tekst,
)
from keuzehulp.services.wensen import Wens, WensKeuze
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.gesprek_hulp import maak_instrumenten, vul_structuur

COACH = "sdevries"
# Search A: the one with which the options were found (the trial's).
ZOEK_A = ZoekVraag(
    routes=frozenset({"work_first"}),
    kenmerken=frozenset({"1.6"}),
    gemeenten=frozenset({"Tiel"}),
    duur=frozenset({"kort"}),
    tekst="Cursus",
)
# Search B: a later look-up that added nothing.
ZOEK_B = ZoekVraag(tekst="Assessment")
ZOEK_C = ZoekVraag(routes=frozenset({"life_first"}), kenmerken=frozenset({"3.1.6"}))


def _ids(database: Database) -> list[int]:
    ids = maak_instrumenten(database)
    vul_structuur(database, ids)
    return ids


def _pdf_tekst(pdf: bytes) -> str:
    lezer = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(pagina.extract_text().split()) for pagina in lezer.pages)


def _sectie(tekst: str, kop: str) -> str:
    """The lines of one section of the plain-text summary."""
    begin = tekst.index(f"\n{kop}:\n") + len(kop) + 3
    einde = tekst.find("\n\n", begin)
    return tekst[begin : einde if einde >= 0 else None]


def test_the_summary_names_the_search_that_found_the_options(database: Database) -> None:
    """Search A, add an option, search B (nothing added), save: the summary names A."""
    ids = _ids(database)
    invoer = GesprekInvoer(
        zoekvraag=ZOEK_B,  # on screen at the save
        opties=(Optie(instrument_id=ids[0], zoekvraag=ZOEK_A),),
        keuze_id=ids[0],
    )
    gesprek = GesprekService(database).bewaar(invoer, COACH)
    assert gesprek.invoer.opties[0].zoekvraag == ZOEK_A
    r = verzamel(database, gesprek.id)
    tekst = samenvatting_tekst(r)
    sectie = _sectie(tekst, ZOEKVRAAG_KOP)
    assert sectie.splitlines() == [
        "  Route: Eerst werk vinden (Work first)",
        "  Kenmerken: 1.6 Werkervaring (Menselijk kapitaal)",
        "  Gemeente: Tiel · Duur: 4 weken of korter · Zoektekst: Cursus",
    ]
    assert "Assessment" not in tekst
    assert OUDE_ZOEKVRAAG_KOP not in tekst
    pdf = _pdf_tekst(professionele_pdf(r))
    assert f"{ZOEKVRAAG_KOP} Route: Eerst werk vinden (Work first)" in pdf
    assert "Zoektekst: Cursus" in pdf and "Assessment" not in pdf
    # The client's sheet says what the client works on from the same search.
    assert [ro.code for ro in r.routes] == ["work_first"]
    assert [k.code for k in r.kenmerken] == ["1.6"]


def test_options_found_with_different_searches_are_named_per_search(database: Database) -> None:
    ids = _ids(database)
    invoer = GesprekInvoer(
        zoekvraag=ZOEK_B,
        opties=(
            Optie(instrument_id=ids[0], zoekvraag=ZOEK_A),
            Optie(instrument_id=ids[1], zoekvraag=ZOEK_C),
            Optie(instrument_id=ids[2], zoekvraag=ZOEK_A),
        ),
    )
    r = verzamel(database, GesprekService(database).bewaar(invoer, COACH).id)
    regels = _sectie(samenvatting_tekst(r), ZOEKVRAGEN_KOP).splitlines()
    assert regels[0] == "  Voor opties 1 en 3:"
    assert "      Gemeente: Tiel · Duur: 4 weken of korter · Zoektekst: Cursus" in regels
    c = regels.index("  Voor optie 2:")
    assert regels[c + 1 :] == [
        "      Route: Eerst verbeteren leefsituatie (Life first)",
        "      Kenmerken: 3.1.6 Structuur in het dagelijks leven (Belemmeringen & Mogelijkheden)",
    ]
    assert "Assessment" not in samenvatting_tekst(r)
    # Together they say what the client works on (client sheet), routes in their own order.
    assert [ro.code for ro in r.routes] == ["life_first", "work_first"]


def test_the_search_of_an_option_stays_when_saved_again(database: Database) -> None:
    """A reopened gesprek carries each option's search; a caller that does not know it (None)
    does not wipe it."""
    ids = _ids(database)
    service = GesprekService(database)
    eerst = service.bewaar(
        GesprekInvoer(opties=(Optie(instrument_id=ids[0], zoekvraag=ZOEK_A),)), COACH
    )
    opnieuw = GesprekInvoer(
        zoekvraag=ZOEK_B,
        opties=(Optie(instrument_id=ids[0]), Optie(instrument_id=ids[1], zoekvraag=ZOEK_C)),
    )
    tweede = service.bewaar(opnieuw, COACH, eerst.id)
    assert [o.zoekvraag for o in tweede.invoer.opties] == [ZOEK_A, ZOEK_C]
    assert [o.zoekvraag for o in service.lees(eerst.id).invoer.opties] == [ZOEK_A, ZOEK_C]


def test_an_older_gesprek_shows_the_search_at_the_last_save_labelled(database: Database) -> None:
    ids = _ids(database)
    invoer = GesprekInvoer(
        zoekvraag=ZOEK_B,
        opties=(
            Optie(instrument_id=ids[0], zoekvraag=ZOEK_A),
            Optie(instrument_id=ids[1], zoekvraag=ZOEK_A),
        ),
    )
    gesprek = GesprekService(database).bewaar(invoer, COACH)
    # As stored before migration 0010: options without a search.
    with database.wijzigen(MutatieContext(COACH, "test")) as session:
        session.execute(update(GesprekOptie).values(zoekvraag=None))
    tekst = samenvatting_tekst(verzamel(database, gesprek.id))
    assert _sectie(tekst, OUDE_ZOEKVRAAG_KOP).splitlines() == [
        f"  {OUDE_ZOEKVRAAG_UITLEG}",
        "  Zoektekst: Assessment",
    ]
    # Partly known: the known search, and the rest labelled.
    with database.wijzigen(MutatieContext(COACH, "test")) as session:
        session.execute(
            update(GesprekOptie)
            .where(GesprekOptie.instrument_id == ids[0])
            .values(zoekvraag=ZOEK_A.model_dump_json())
        )
    regels = _sectie(samenvatting_tekst(verzamel(database, gesprek.id)), ZOEKVRAGEN_KOP)
    assert "  Voor optie 1:\n      Route: Eerst werk vinden (Work first)" in regels
    assert (
        "  Voor optie 2 (zoekvraag niet bewaard; dit is de zoekvraag bij het laatste bewaren):\n"
        "      Zoektekst: Assessment"
    ) in regels


def test_an_empty_search_says_so(database: Database) -> None:
    ids = _ids(database)
    invoer = GesprekInvoer(opties=(Optie(instrument_id=ids[0], zoekvraag=ZoekVraag()),))
    tekst = samenvatting_tekst(
        verzamel(database, GesprekService(database).bewaar(invoer, COACH).id)
    )
    assert _sectie(tekst, ZOEKVRAAG_KOP) == "  Zonder filters: de hele catalogus"


def test_upgrading_keeps_old_gesprekken_readable(database: Database, db_url: str) -> None:
    """Migration 0010 on a database of the previous schema: the options stay, their search is
    unknown (NULL), and the summary shows the stored search, labelled."""
    ids = _ids(database)
    invoer = GesprekInvoer(
        zoekvraag=ZOEK_A, opties=(Optie(instrument_id=ids[0]), Optie(instrument_id=ids[1]))
    )
    gesprek_id = GesprekService(database).bewaar(invoer, COACH).id
    database.sluit()
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0009")
        with engine.connect() as conn:
            kolommen = conn.execute(text("SELECT * FROM gesprek_optie")).keys()
            assert "zoekvraag" not in kolommen
    finally:
        engine.dispose()
    uitkomst = open_database(make_url(db_url))
    try:
        assert uitkomst.vorige_revisie == "0009"
        nieuw = uitkomst.database
        opties = GesprekService(nieuw).lees(gesprek_id).invoer.opties
        assert [(o.instrument_id, o.zoekvraag) for o in opties] == [(ids[0], None), (ids[1], None)]
        tekst = samenvatting_tekst(verzamel(nieuw, gesprek_id))
        assert _sectie(tekst, OUDE_ZOEKVRAAG_KOP).splitlines()[:2] == [
            f"  {OUDE_ZOEKVRAAG_UITLEG}",
            "  Route: Eerst werk vinden (Work first)",
        ]
    finally:
        uitkomst.database.sluit()


def test_a_typical_summary_fits_on_one_page(database: Database) -> None:
    """Three options with ratings, wishes and fit, pros and cons, the check and teach-back."""
    ids = _ids(database)
    invoer = GesprekInvoer(
        client_referentie="zaak Z-4711",
        doel_soort="prestatiedoel",
        doel="Binnen drie maanden werk in de bouw, met een VCA-diploma.",
        zoekvraag=ZOEK_B,
        scores={"1": 4, "4": 5},
        opties=tuple(
            Optie(
                instrument_id=i,
                zoekvraag=ZOEK_A,
                goed="Ik kan snel beginnen",
                minder_goed="Het is ver weg",
            )
            for i in ids[:3]
        ),
        keuze_id=ids[1],
        onderbouwing="Ze wil snel aan het werk in de bouw.",
        voorkeur_client="Liefst iets korts, dichtbij.",
        volgende_stappen="Coach meldt aan.\nKlant gaat naar de kennismaking.",
        wensen=(
            WensKeuze(wens=Wens.DICHTBIJ, gewicht=2, gemeente="Tiel"),
            WensKeuze(wens=Wens.KORT),
        ),
        sure=(True, True, True, True),
        teach_back=True,
    )
    r = verzamel(database, GesprekService(database).bewaar(invoer, COACH).id)
    pdf = PdfReader(io.BytesIO(professionele_pdf(r)))
    assert len(pdf.pages) == 1
    tekst = pdf.pages[0].extract_text()
    assert "Volgende stappen" in tekst and "Terugvertellen" in tekst


def test_the_tail_never_stands_alone_on_page_two(database: Database) -> None:
    """A summary too long for one page: the check and teach-back go over together, with the
    next steps, never two lines on their own."""
    ids = _ids(database)
    lang = " ".join(["Een lange notitie over deze optie en wat de klant ervan vindt."] * 6)
    invoer = GesprekInvoer(
        doel="Werk vinden.",
        opties=tuple(
            Optie(instrument_id=i, zoekvraag=ZOEK_A, goed=lang, minder_goed=lang) for i in ids[:5]
        ),
        keuze_id=ids[0],
        volgende_stappen="Coach meldt aan.",
        sure=(True, False, True, True),
        teach_back=True,
    )
    r = verzamel(database, GesprekService(database).bewaar(invoer, COACH).id)
    pdf = PdfReader(io.BytesIO(professionele_pdf(r)))
    assert len(pdf.pages) >= 2
    laatste = pdf.pages[-1].extract_text()
    for stuk in ("Keuzecheck ‘Weet je het zeker?’", "Terugvertellen", "Volgende stappen"):
        assert stuk in laatste
