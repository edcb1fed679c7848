"""The professional summary: goal, route, kenmerken, options, choice and reasons.

As plain text to paste into the client file, and as a PDF. Unlike the client PDF it names the
kenmerken by their professional names and shows the pseudonymous reference if there is one.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether

from keuzehulp.model.tekst import bedrag
from keuzehulp.services.keuzecheck import DIMENSIES, KORT_COACH, UITLEG_COACH
from keuzehulp.services.rapport.gegevens import Rapport, zoekingen
from keuzehulp.services.rapport.opmaak import MAKER, document, p, stijlen, voettekst
from keuzehulp.services.rapport.schrijf import schrijf_bestand
from keuzehulp.services.vergelijking import fit_tekst
from keuzehulp.services.waardering import InstrumentWaardering
from keuzehulp.services.wensen import GEWICHT_TEKST, WENS_KORT
from keuzehulp.services.zoekvraag import KLASSEN, ZoekVraag

ROMP = 10
TITEL = "Samenvatting keuzegesprek"


def _secties(r: Rapport) -> list[tuple[str, list[str]]]:
    g = r.gesprek
    i = g.invoer
    coach = r.coach_naam
    if r.profiel and r.profiel.organisatie:
        coach += f", {r.profiel.organisatie}"
    # Two lines, not five: the head of the page is for the content (one page, issue J item 3).
    kop = [f"Datum: {r.datum} · Werkcoach: {coach} · Gesprek: {g.id}"]
    meer = []
    if i.client_referentie:
        meer.append(f"Klantreferentie: {i.client_referentie}")
    if g.catalogus_versie:
        meer.append(f"Catalogusversie: {g.catalogus_versie}")
    if meer:
        kop.append(" · ".join(meer))
    soort = f" ({i.doel_soort})" if i.doel_soort else ""
    secties: list[tuple[str, list[str]]] = [
        ("", kop),
        (f"Doel{soort}", [i.doel or "(niet ingevuld)"]),
    ]
    if r.scores:
        # Short items on one line each section: a typical summary fits on one page.
        secties.append(
            ("Klantbeeld (1-10)", [" · ".join(f"{s.code} {s.naam}: {s.score}" for s in r.scores)])
        )
    secties.append(_zoekvragen(r))
    if i.wensen:
        secties.append(("Wensen van de klant", [" · ".join(_wensen(r))]))
    opties = []
    for nummer, o in enumerate(r.opties, start=1):
        optie = r.optie(o.id)
        gekozen = " [gekozen]" if o.id == i.keuze_id else ""
        regel = f"{nummer}. {o.naam}{gekozen}"
        if optie.notitie:
            regel += f" – {optie.notitie}"
        opties.append(regel)
        if cijfers := _waardering(o.waardering):
            opties.append(f"    Waardering: {cijfers}")
        fit = r.fit(o.id)
        if fit.aantal:
            opties.append(f"    Past bij wensen: {fit_tekst(fit, klant=False)}")
        klant = []
        if optie.goed:
            klant.append(f"Goed volgens de klant: {optie.goed}")
        if optie.minder_goed:
            klant.append(
                f"{'minder goed' if klant else 'Minder goed volgens de klant'}: {optie.minder_goed}"
            )
        if klant:
            opties.append("    " + " · ".join(klant))
    secties.append(("Korte lijst", opties or ["(leeg)"]))
    keuze = r.keuze
    besluit = [keuze.naam if keuze else "(nog geen keuze)"]
    if keuze and keuze.alleen_na_overleg:
        besluit.append(f"Let op: eerst overleggen met {keuze.gegevens.overleg_met}")
    besluit.append(f"Onderbouwing: {i.onderbouwing or '(niet ingevuld)'}")
    besluit.append(f"Voorkeur van de klant: {i.voorkeur_client or '(niet ingevuld)'}")
    secties.append(("Keuze", besluit))
    secties.append((KEUZECHECK_KOP, _keuzecheck(r)))
    secties.append(("Terugvertellen", [TEACH_BACK[i.teach_back]]))
    if i.volgende_stappen:
        secties.append(("Volgende stappen", i.volgende_stappen.splitlines()))
    return secties


TEACH_BACK = {
    True: "Gedaan: de klant heeft in eigen woorden verteld wat hij of zij gaat doen.",
    False: "Niet gelukt: de klant kon nog niet in eigen woorden vertellen wat er gaat gebeuren.",
    None: "Niet gevraagd of nog niet gedaan: de klant vertelt in eigen woorden wat hij of zij "
    "gaat doen.",
}
"""The teach-back, in the words of the gesprek panel and the handleiding ('Terugvertellen')."""

# The title of the check in the gesprek panel (ui/gesprek/keuzecheck_groep.py).
KEUZECHECK_KOP = "Keuzecheck ‘Weet je het zeker?’"

ZOEKVRAAG_KOP = "Zoekvraag waarmee de opties gevonden zijn"
ZOEKVRAGEN_KOP = "Zoekvragen waarmee de opties gevonden zijn"
OUDE_ZOEKVRAAG_KOP = "Zoekvraag bij het laatste bewaren"
OUDE_ZOEKVRAAG_UITLEG = (
    "Van dit gesprek is niet bewaard met welke zoekvraag de opties op de korte lijst kwamen. "
    "Dit is de zoekvraag die op het scherm stond toen het gesprek het laatst bewaard werd."
)
ONBEKENDE_ZOEKVRAAG = "zoekvraag niet bewaard; dit is de zoekvraag bij het laatste bewaren"


def _opties_tekst(nummers: tuple[int, ...]) -> str:
    """'optie 2', 'opties 1 en 3', 'opties 1, 2 en 4'."""
    if len(nummers) == 1:
        return f"optie {nummers[0]}"
    *begin, laatste = map(str, nummers)
    return f"opties {', '.join(begin)} en {laatste}"


def _zoekvraag_regels(r: Rapport, vraag: ZoekVraag) -> list[str]:
    """One line per step of a search, Dutch label first and the professional term after it
    (as in handleiding ch. 3); a filter that was not used is left out."""
    regels, praktisch = [], []
    if vraag.routes:
        # route_info is in the routes' own order (Life, Human Capital, Work first).
        gekozen = [ro for ro in r.route_info.values() if ro.code in vraag.routes]
        namen = [f"{ro.label} ({ro.naam})" for ro in gekozen]
        namen += [c for c in sorted(vraag.routes) if c not in r.route_info]
        regels.append("Route: " + ", ".join(namen))
    if vraag.kenmerken:
        bekend = [k for k in r.kenmerk_info.values() if k.code in vraag.kenmerken]
        namen = [f"{k.code} {k.naam} ({k.groep_naam})" for k in bekend]
        namen += [c for c in sorted(vraag.kenmerken) if c not in r.kenmerk_info]
        regels.append("Kenmerken: " + "; ".join(namen))
    if vraag.gemeenten:
        praktisch.append("Gemeente: " + ", ".join(sorted(vraag.gemeenten)))
    if vraag.types:
        praktisch.append("Soort: " + ", ".join(sorted(vraag.types)))
    if vraag.max_kosten_centen is not None:
        praktisch.append(f"Kosten tot {bedrag(vraag.max_kosten_centen)}")
    for facet, naam in (("kosten", "Kosten"), ("duur", "Duur"), ("start", "Start")):
        if codes := getattr(vraag, facet):
            labels = dict(KLASSEN[facet])
            praktisch.append(f"{naam}: " + ", ".join(labels.get(c, c) for c in sorted(codes)))
    if vraag.nederlands:
        labels = dict(KLASSEN["nederlands"])
        praktisch.append(", ".join(labels.get(c, c) for c in sorted(vraag.nederlands)))
    if vraag.onderbouwing:
        praktisch.append("Onderbouwing: " + ", ".join(sorted(vraag.onderbouwing)))
    if vraag.tekst:
        praktisch.append(f"Zoektekst: {vraag.tekst}")
    # The practical filters on one line: a typical summary fits on one page.
    if praktisch:
        regels.append(" · ".join(praktisch))
    return regels or ["Zonder filters: de hele catalogus"]


def _zoekvragen(r: Rapport) -> tuple[str, list[str]]:
    """The search(es) that put the options on the shortlist, not the one on screen at the
    last save: one search as its lines, several each under the options it found. An older
    gesprek (before migration 0010) shows the search at the last save, labelled as such."""
    gezocht = r.zoekingen or zoekingen(r.gesprek.invoer)
    if len(gezocht) == 1:
        z = gezocht[0]
        if z.bij_bewaren:
            return OUDE_ZOEKVRAAG_KOP, [OUDE_ZOEKVRAAG_UITLEG, *_zoekvraag_regels(r, z.vraag)]
        return ZOEKVRAAG_KOP, _zoekvraag_regels(r, z.vraag)
    regels = []
    for z in gezocht:
        wie = _opties_tekst(z.opties)
        regels.append(f"Voor {wie} ({ONBEKENDE_ZOEKVRAAG}):" if z.bij_bewaren else f"Voor {wie}:")
        regels += [f"    {t}" for t in _zoekvraag_regels(r, z.vraag)]
    return ZOEKVRAGEN_KOP, regels


def _waardering(w: InstrumentWaardering) -> str:
    """For the client file the whole figure: mean, number and period of the ratings and the
    coaches' two aspects ('Coaches: 7,8 (12×, mrt 2026 - nov 2026; resultaat 7,2, uitvoering
    8,0) · Klanten: 8,1 (9×, apr 2026 - nov 2026)'), or the survey figure with its label."""
    return " · ".join(
        f"{naam}: {cijfer.uitgebreid}"
        for naam, cijfer in (("Coaches", w.coaches), ("Klanten", w.klanten))
        if cijfer is not None
    )


def _wensen(r: Rapport) -> list[str]:
    regels = []
    for w in r.gesprek.invoer.wensen:
        tekst = WENS_KORT[w.wens]
        if w.gemeente:
            tekst += f" ({w.gemeente})"
        regels.append(f"{tekst}: {GEWICHT_TEKST[w.gewicht]}")
    return regels


def _keuzecheck(r: Rapport) -> list[str]:
    check = r.keuzecheck
    if check is None:
        return ["(niet gedaan)"]
    antwoorden = " · ".join(
        f"{KORT_COACH[d]}: {'ja' if ja else 'nee'}"
        for d, ja in zip(DIMENSIES, check.antwoorden, strict=True)
    )
    regels = [UITLEG_COACH, f"Uitkomst: {check.samenvatting_coach}.", f"Antwoorden: {antwoorden}."]
    regels += [f"Advies: {a}." for a in check.advies_coach]
    return regels


def samenvatting_tekst(r: Rapport) -> str:
    """Plain text for the client file."""
    regels = [TITEL, "=" * len(TITEL)]
    for kop, inhoud in _secties(r):
        regels.append("")
        if kop:
            regels.append(f"{kop}:")
        regels += [f"  {t}" if kop else t for t in inhoud]
    return "\n".join(regels) + "\n"


def professionele_pdf(r: Rapport) -> bytes:
    """The professional summary as PDF bytes (no coach profile needed).

    Set tighter than the client's sheet (it is read by a professional, not a client): a
    typical gesprek of three options fits on one A4. A section is never split over two pages
    unless it is longer than a page, and the closing sections (check, teach-back, next steps)
    stay together with what precedes them, so page 2 never holds a lone tail of two lines.
    """
    s = stijlen(ROMP)
    tekst = ParagraphStyle("dicht", parent=s.tekst, leading=ROMP * 1.3, spaceAfter=ROMP * 0.15)
    kop = ParagraphStyle("dichte_kop", parent=s.kop, spaceBefore=ROMP * 0.7, spaceAfter=ROMP * 0.2)
    # Lines under an option (fit, pros, cons) are indented in the text; here too.
    onder = ParagraphStyle("onder", parent=tekst, leftIndent=ROMP * 1.5)
    delen: list[Flowable] = [p(TITEL, s.titel)]
    slot: list[Flowable] = []  # from the keuzecheck on: kept on one page together
    for titel, inhoud in _secties(r):
        sectie: list[Flowable] = [p(titel, kop)] if titel else []
        sectie += [p(t.strip(), onder if t.startswith(" ") else tekst) for t in inhoud]
        if slot or titel == KEUZECHECK_KOP:
            slot += sectie
        else:
            delen.append(KeepTogether(sectie))
    delen.append(KeepTogether(slot))
    buffer = io.BytesIO()
    # The author is the coach's display name, never the login (the operating-system user).
    auteur = r.profiel.naam if r.profiel else MAKER
    doc = document(buffer, titel=TITEL, auteur=auteur, onderwerp="Voor het klantdossier")
    voet = voettekst(f"{TITEL} · gesprek {r.gesprek.id} · {r.datum}", ROMP)
    doc.build(delen, onFirstPage=voet, onLaterPages=voet)
    return buffer.getvalue()


def schrijf_professionele_pdf(r: Rapport, pad: Path) -> Path:
    return schrijf_bestand(pad, professionele_pdf(r), extensie=".pdf")
