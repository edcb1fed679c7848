"""The client PDF: Dutch at B1, large type, the goal, the options, the choice, the next steps.

It names no client and holds no reference: the client takes it home. Kenmerken appear only as
their client explanation.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from keuzehulp.services import vergelijking as v
from keuzehulp.services.instrumentdetail import InstrumentDetail
from keuzehulp.services.rapport.gegevens import Rapport
from keuzehulp.services.rapport.opmaak import (
    MARGE,
    PAGINA,
    Stijlen,
    lijnen,
    p,
    stijlen,
    voettekst,
    vraag_tabel,
)
from keuzehulp.services.rapport.schrijf import schrijf_bestand

ROMP = 13.5
TITEL = "Jouw keuze"

DOELSOORT_UITLEG = {
    "leerdoel": "Dit is een leerdoel: je wilt iets nieuws leren of beter kunnen.",
    "prestatiedoel": "Dit is een prestatiedoel: je wilt iets bereiken of klaar hebben.",
}
GEEN_KEUZE = "Jullie hebben nog geen keuze gemaakt. Praat er in het volgende gesprek verder over."
NOTITIES = "Hier kun je zelf iets opschrijven."
GEEN_STAPPEN = "Spreek met je coach af wat de volgende stap is."


def inleiding(coach: str) -> list[str]:
    return [
        f"Je hebt samen met je coach {coach} gekeken wat bij jou past.",
        "Jullie hebben een paar mogelijkheden naast elkaar gelegd. Daarna heb je gekozen.",
        "Hier lees je wat jullie hebben afgesproken. Neem dit blad mee naar het volgende gesprek.",
    ]


def keuze_rijen(d: InstrumentDetail, r: Rapport) -> list[tuple[str, str]]:
    """What, where, when, how long, what you do, cost, how to sign up, whom to contact."""
    g = d.gegevens
    invoer = r.gesprek.invoer
    contact = f"Je coach: {r.gesprek.coach}."
    if g.link:
        contact += f" Meer lezen: {g.link}"
    rijen = [
        ("Wat is het?", v.wat_is_het(d, met_kenmerken=False)),
        ("Waar is het?", v.waar(d)),
        ("Wanneer begint het?", v._zin(g.beschikbaarheid) or v.ONBEKEND),
        ("Hoe lang en hoe vaak?", v._zin(g.omvang_duur) or v.ONBEKEND),
        ("Wat doe je?", v.wat_doe_ik(d)),
        ("Wat vraagt het van je?", v.wat_vraagt_het(d)),
        ("Wat kost het?", v.wat_kost_het(d)),
        ("Hoe meld je je aan?", v._zin(g.aanmelding) or "Je coach meldt je aan."),
        ("Met wie neem je contact op?", contact),
    ]
    # The reasons (onderbouwing) are written for the client file; the client's own words are
    # what belongs on the client's sheet.
    if invoer.voorkeur_client:
        rijen.append(("Wat vind jij zelf?", invoer.voorkeur_client))
    return rijen


def _blokken(r: Rapport) -> list[tuple[str, list[str]]]:
    invoer = r.gesprek.invoer
    doel = [invoer.doel or "Het doel staat nog niet op papier. Vraag je coach ernaar."]
    if invoer.doel_soort:
        doel.append(DOELSOORT_UITLEG[invoer.doel_soort])
    werken = [ro.uitleg_client for ro in r.routes if ro.uitleg_client]
    werken += [k.uitleg_client for k in r.kenmerken if k.uitleg_client]
    return [("Jouw doel", doel), ("Waar wil je aan werken?", werken)]


class _Opbouw:
    """Builds the flowables and keeps every text it puts on the page."""

    def __init__(self, s: Stijlen) -> None:
        self.s = s
        self.teksten: list[str] = []
        self.delen: list[Flowable] = []

    def p(self, tekst: str, stijl: ParagraphStyle) -> Paragraph:
        self.teksten.append(tekst)
        return p(tekst, stijl)

    def tabel(self, rijen: list[tuple[str, str]]) -> Flowable:
        for vraag, antwoord in rijen:
            self.teksten += [vraag, antwoord]
        return vraag_tabel(rijen, self.s)


def _opbouw(r: Rapport, s: Stijlen) -> _Opbouw:
    invoer = r.gesprek.invoer
    o = _Opbouw(s)
    d = o.delen
    d += [o.p(TITEL, s.titel), o.p(f"Gemaakt op {r.datum}.", s.vet)]
    d += [o.p(zin, s.tekst) for zin in inleiding(r.gesprek.coach)]
    for kop, regels in _blokken(r):
        if not regels:
            continue
        d.append(o.p(kop, s.kop))
        d += [o.p(("• " if kop != "Jouw doel" else "") + t, s.tekst) for t in regels]

    keuze = r.keuze
    if keuze is None:
        d += [o.p("Jouw keuze", s.kop), o.p(GEEN_KEUZE, s.tekst)]
    else:
        d += [o.p(f"Jouw keuze: {keuze.naam}", s.kop), o.tabel(keuze_rijen(keuze, r))]

    d.append(o.p("Wat ga je nu doen?", s.kop))
    stappen = [t.strip() for t in (invoer.volgende_stappen or "").splitlines() if t.strip()]
    d += [o.p(f"• {t}", s.tekst) for t in stappen] or [o.p(GEEN_STAPPEN, s.tekst)]
    d.append(o.p(f"Heb je een vraag? Bel of mail je coach {r.gesprek.coach}.", s.tekst))
    anderen = [x for x in r.opties if keuze is None or x.id != keuze.id]
    if anderen:
        kop = "Dit heb je ook bekeken" if keuze else "Dit heb je bekeken"
        for nummer, x in enumerate(anderen):
            rijen = [
                ("Wat is het?", v.wat_is_het(x, met_kenmerken=False)),
                ("Waar is het?", v.waar(x)),
                ("Hoe lang en hoe vaak?", v.hoe_lang(x)),
            ]
            blok: list[Flowable] = [o.p(kop, s.kop)] if nummer == 0 else []
            blok += [o.p(x.naam, s.vet), o.tabel(rijen), Spacer(1, 8)]
            d.append(KeepTogether(blok))

    notities = [o.p("Jouw aantekeningen", s.kop), o.p(NOTITIES, s.tekst), lijnen(7)]
    d.append(KeepTogether(notities))
    return o


def teksten(r: Rapport) -> list[str]:
    """Every text on the client PDF, in order (for the readability test)."""
    return _opbouw(r, stijlen(ROMP)).teksten


def klant_pdf(r: Rapport) -> bytes:
    """The client PDF as bytes."""
    s = stijlen(ROMP)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=PAGINA, leftMargin=MARGE, rightMargin=MARGE,
        topMargin=1.8 * cm, bottomMargin=2 * cm, title=TITEL,
        author=r.gesprek.coach, subject="Samen gekozen", creator="Keuzehulp",
    )  # fmt: skip
    voet = voettekst(f"{TITEL} · {r.datum}", ROMP)
    doc.build(_opbouw(r, s).delen, onFirstPage=voet, onLaterPages=voet)
    return buffer.getvalue()


def schrijf_klant_pdf(r: Rapport, pad: Path) -> Path:
    return schrijf_bestand(pad, klant_pdf(r), extensie=".pdf")
