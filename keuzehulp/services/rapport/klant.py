"""The client PDF: Dutch at B1, large type; goal, wishes, choice, next steps, a real contact.

It names no client and holds no reference: the client takes it home. Kenmerken appear only as
their client explanation. The coach appears by their profile (display name, phone, e-mail,
organisation), never by login name; without a profile there is no handout (InvoerFout).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from keuzehulp.services import vergelijking as v
from keuzehulp.services.coachprofiel import CoachProfielGegevens
from keuzehulp.services.instrumentdetail import InstrumentDetail
from keuzehulp.services.keuzecheck import twijfel_tekst
from keuzehulp.services.rapport.aanmelding import aanmelding
from keuzehulp.services.rapport.gegevens import Rapport
from keuzehulp.services.rapport.opmaak import (
    Stijlen,
    document,
    kader,
    kop_met_tabel,
    lijnen,
    p,
    stijlen,
    voettekst,
)
from keuzehulp.services.rapport.schrijf import schrijf_bestand
from keuzehulp.services.wensen import GEWICHT_TEKST, WENS_TEKST, Wens

ROMP = 13.5
TITEL = "Jouw keuze"

DOELSOORT_UITLEG = {
    "leerdoel": "Dit is een leerdoel: je wilt iets nieuws leren of beter kunnen.",
    "prestatiedoel": "Dit is een prestatiedoel: je wilt iets bereiken of klaar hebben.",
}
GEEN_KEUZE = "Jullie hebben nog geen keuze gemaakt. Praat er in het volgende gesprek verder over."
NOTITIES = "Hier kun je zelf iets opschrijven."


def inleiding(r: Rapport) -> list[str]:
    aantal = len(r.opties)
    bekeken = (
        "Jullie hebben één mogelijkheid goed bekeken."
        if aantal == 1
        else f"Jullie hebben {aantal} mogelijkheden naast elkaar gelegd."
    )
    return [
        f"Je hebt samen met je coach {r.coach_naam} gekeken wat bij jou past.",
        bekeken if r.keuze is None else f"{bekeken} Daarna heb je gekozen.",
        "Hier lees je wat jullie hebben afgesproken. Neem dit blad mee naar het volgende gesprek.",
    ]


def contact_regels(profiel: CoachProfielGegevens) -> list[str]:
    """Name, organisation, phone and e-mail of the coach, one per line."""
    regels = [f"Je coach: {profiel.naam}"]
    if profiel.organisatie:
        regels.append(profiel.organisatie)
    if profiel.telefoon:
        regels.append(f"Telefoon: {profiel.telefoon}")
    if profiel.email:
        regels.append(f"E-mail: {profiel.email}")
    return regels


def vraag_zinnen(profiel: CoachProfielGegevens) -> list[str]:
    """'Heb je een vraag? Bel Anna de Boer op 0344 61 22 33.' and/or 'Of mail naar ...'."""
    if profiel.telefoon:
        zinnen = [f"Heb je een vraag? Bel {profiel.naam} op {profiel.telefoon}."]
        if profiel.email:
            zinnen.append(f"Of mail naar {profiel.email}.")
        return zinnen
    return [f"Heb je een vraag? Mail {profiel.naam} op {profiel.email}."]


def wens_regels(r: Rapport) -> list[str]:
    """The wishes as the client chose them, most important first."""
    wensen = sorted(r.gesprek.invoer.wensen, key=lambda w: -w.gewicht)
    regels = []
    for w in wensen:
        tekst = WENS_TEKST[w.wens]
        if w.wens is Wens.DICHTBIJ and w.gemeente:
            tekst += f": {w.gemeente}"
        regels.append(f"{tekst} ({GEWICHT_TEKST[w.gewicht]})")
    return regels


def _eigen_rijen(d: InstrumentDetail, r: Rapport) -> list[tuple[str, str]]:
    """How it fits the wishes, and the client's own pros and cons."""
    rijen = []
    fit = r.fit(d.id)
    if fit.aantal:
        rijen.append(("Past het bij wat jij wilt?", v.fit_tekst(fit)))
    optie = r.optie(d.id)
    if optie.goed:
        rijen.append(("Wat vind jij goed?", optie.goed))
    if optie.minder_goed:
        rijen.append(("Wat vind jij minder goed?", optie.minder_goed))
    return rijen


def _cijfer_rij(d: InstrumentDetail) -> list[tuple[str, str]]:
    """What others think of it (services/waardering.py), when there is a figure."""
    tekst = d.waardering.tekst(klant=True)
    return [("Wat vinden anderen ervan?", tekst + ".")] if tekst else []


def keuze_rijen(d: InstrumentDetail, r: Rapport) -> list[tuple[str, str]]:
    """What, where, when, how long, what you do, cost, fit, pros and cons, how to sign up."""
    g = d.gegevens
    rijen = [
        ("Wat is het?", v.wat_is_het(d, met_kenmerken=False)),
        ("Waar is het?", v.waar(d)),
        ("Wanneer begin je?", v.start(d, vandaag=r.vandaag)),
        ("Hoe lang en hoe vaak?", v.hoe_lang_vaak(d)),
        ("Wat doe je?", v.wat_doe_ik(d)),
        ("Wat vraagt het van je?", v.wat_vraagt_het(d)),
        ("Wat kost het voor jou?", v.kosten_voor_mij(d)),
        *_cijfer_rij(d),
        *_eigen_rijen(d, r),
        ("Hoe meld je je aan?", aanmelding(g.aanmelding).tekst),
    ]
    if g.link:
        rijen.append(("Meer lezen", g.link))
    # The reasons (onderbouwing) are written for the client file; the client's own words are
    # what belongs on the client's sheet.
    if r.gesprek.invoer.voorkeur_client:
        rijen.append(("Wat vind jij zelf?", r.gesprek.invoer.voorkeur_client))
    return rijen


def ook_bekeken_rijen(d: InstrumentDetail, r: Rapport) -> list[tuple[str, str]]:
    """The key facts of an option not chosen, with the fit and the client's pros and cons."""
    return [
        ("Wat is het?", v.wat_is_het(d, met_kenmerken=False)),
        ("Waar is het?", v.waar(d)),
        ("Wanneer begin je?", v.start(d, vandaag=r.vandaag)),
        ("Hoe lang en hoe vaak?", v.hoe_lang_vaak(d)),
        ("Wat kost het voor jou?", v.kosten_voor_mij(d)),
        *_cijfer_rij(d),
        *_eigen_rijen(d, r),
    ]


def volgende_stappen(r: Rapport) -> list[str]:
    """The coach's own steps; without them, the sign-up of the chosen option."""
    eigen = [t.strip() for t in (r.gesprek.invoer.volgende_stappen or "").splitlines()]
    if any(eigen):
        return [t for t in eigen if t]
    if r.keuze is not None:
        return list(aanmelding(r.keuze.gegevens.aanmelding).zinnen)
    return ["Spreek met je coach af wat de volgende stap is."]


class _Opbouw:
    """Builds the flowables and keeps every text it puts on the page."""

    def __init__(self, s: Stijlen) -> None:
        self.s = s
        self.teksten: list[str] = []
        self.delen: list[Flowable] = []

    def p(self, tekst: str, stijl: ParagraphStyle) -> Paragraph:
        self.teksten.append(tekst)
        return p(tekst, stijl)

    def punten(self, regels: list[str]) -> list[Flowable]:
        return [self.p(f"• {t}", self.s.tekst) for t in regels]

    def kop_tabel(
        self,
        kop: str,
        rijen: list[tuple[str, str]],
        stijl: ParagraphStyle,
        voor: Sequence[Flowable] = (),
        *,
        heel: bool = False,
    ) -> None:
        """A heading and its table; `voor` (a section heading) stays on the same page; `heel`
        keeps the whole table on one page when it fits (`opmaak.kop_met_tabel`)."""
        for vraag, antwoord in rijen:
            self.teksten += [vraag, antwoord]
        self.delen += kop_met_tabel([*voor, self.p(kop, stijl)], rijen, self.s, heel=heel)

    def kader(self, regels: list[str]) -> None:
        self.teksten += regels
        stijlen_ = [self.s.vet] + [self.s.tekst] * (len(regels) - 1)
        self.delen.append(kader(list(zip(regels, stijlen_, strict=True))))


def _opbouw(r: Rapport, s: Stijlen) -> _Opbouw:
    profiel = r.vereist_profiel()
    invoer = r.gesprek.invoer
    o = _Opbouw(s)
    d = o.delen
    d += [o.p(TITEL, s.titel), o.p(f"Gemaakt op {r.datum}.", s.vet)]
    d += [o.p(zin, s.tekst) for zin in inleiding(r)]
    o.kader(contact_regels(profiel))

    d.append(o.p("Jouw doel", s.kop))
    d.append(
        o.p(invoer.doel or "Het doel staat nog niet op papier. Vraag je coach ernaar.", s.tekst)
    )
    if invoer.doel_soort:
        d.append(o.p(DOELSOORT_UITLEG[invoer.doel_soort], s.tekst))
    werken = [ro.uitleg_client for ro in r.routes if ro.uitleg_client]
    werken += [k.uitleg_client for k in r.kenmerken if k.uitleg_client]
    if werken:
        d.append(o.p("Waar wil je aan werken?", s.kop))
        d += o.punten(werken)
    if invoer.wensen:
        d.append(o.p("Wat vind jij belangrijk?", s.kop))
        d += o.punten(wens_regels(r))

    keuze = r.keuze
    if keuze is None:
        d += [o.p("Jouw keuze", s.kop), o.p(GEEN_KEUZE, s.tekst)]
    else:
        o.kop_tabel(f"Jouw keuze: {keuze.naam}", keuze_rijen(keuze, r), s.kop, heel=True)

    stappen = [o.p("Wat ga je nu doen?", s.kop), *o.punten(volgende_stappen(r))]
    stappen += [o.p(zin, s.vet) for zin in vraag_zinnen(profiel)]
    d.append(KeepTogether(stappen))

    check = r.keuzecheck
    if keuze is not None and check is not None and check.twijfel:
        twijfel = [o.p("Twijfel je nog?", s.kop), o.p(twijfel_tekst(check.score), s.tekst)]
        d.append(KeepTogether(twijfel + o.punten(list(check.advies_klant))))

    anderen = [x for x in r.opties if keuze is None or x.id != keuze.id]
    for nummer, x in enumerate(anderen):
        sectie = "Dit heb je ook bekeken" if keuze else "Dit heb je bekeken"
        voor = [o.p(sectie, s.kop)] if nummer == 0 else []
        o.kop_tabel(x.naam, ook_bekeken_rijen(x, r), s.vet, voor)
        d.append(Spacer(1, 8))

    d.append(KeepTogether([o.p("Jouw aantekeningen", s.kop), o.p(NOTITIES, s.tekst), lijnen(6)]))
    return o


def teksten(r: Rapport) -> list[str]:
    """Every text on the client PDF, in order (for the readability test)."""
    return _opbouw(r, stijlen(ROMP)).teksten


def klant_pdf(r: Rapport) -> bytes:
    """The client PDF as bytes; InvoerFout (Dutch) when the coach has no profile yet."""
    s = stijlen(ROMP)
    delen = _opbouw(r, s).delen
    buffer = io.BytesIO()
    profiel = r.vereist_profiel()
    auteur = profiel.organisatie or profiel.naam  # never the login (the operating-system user)
    doc = document(buffer, titel=TITEL, auteur=auteur, onderwerp="Samen gekozen")
    voet = voettekst(f"{TITEL} · {r.datum}", ROMP)
    doc.build(delen, onFirstPage=voet, onLaterPages=voet)
    return buffer.getvalue()


def schrijf_klant_pdf(r: Rapport, pad: Path) -> Path:
    """Write the client PDF whole or not at all; InvoerFout without a coach profile."""
    r.vereist_profiel()
    return schrijf_bestand(pad, klant_pdf(r), extensie=".pdf")
