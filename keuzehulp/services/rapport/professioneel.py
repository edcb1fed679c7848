"""The professional summary: goal, route, kenmerken, options, choice and reasons.

As plain text to paste into the client file, and as a PDF. Unlike the client PDF it names the
kenmerken by their professional names and shows the pseudonymous reference if there is one.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from keuzehulp.model.tekst import bedrag
from keuzehulp.services.keuzecheck import DIMENSIES, VRAGEN
from keuzehulp.services.rapport.gegevens import Rapport
from keuzehulp.services.rapport.opmaak import MAKER, document, p, stijlen, voettekst
from keuzehulp.services.rapport.schrijf import schrijf_bestand
from keuzehulp.services.vergelijking import fit_tekst
from keuzehulp.services.waardering import InstrumentWaardering
from keuzehulp.services.wensen import GEWICHT_TEKST, WENS_KORT

ROMP = 10.5
TITEL = "Samenvatting keuzegesprek"


def _secties(r: Rapport) -> list[tuple[str, list[str]]]:
    g = r.gesprek
    i = g.invoer
    coach = r.coach_naam
    if r.profiel and r.profiel.organisatie:
        coach += f", {r.profiel.organisatie}"
    kop = [f"Datum: {r.datum}", f"Werkcoach: {coach}", f"Gesprek: {g.id}"]
    if i.client_referentie:
        kop.append(f"Klantreferentie: {i.client_referentie}")
    if g.catalogus_versie:
        kop.append(f"Catalogusversie: {g.catalogus_versie}")
    soort = f" ({i.doel_soort})" if i.doel_soort else ""
    secties: list[tuple[str, list[str]]] = [
        ("", kop),
        (f"Doel{soort}", [i.doel or "(niet ingevuld)"]),
        # Dutch first, as everywhere; the professional term after it, as in handleiding ch. 3.
        ("Route", [f"{ro.label} ({ro.naam})" for ro in r.routes] or ["(geen route gekozen)"]),
        (
            "Kenmerken",
            [f"{k.code} {k.naam} ({k.groep_naam})" for k in r.kenmerken] or ["(geen)"],
        ),
    ]
    if r.scores:
        secties.append(("Klantbeeld (1-10)", [f"{s.code} {s.naam}: {s.score}" for s in r.scores]))
    filters = []
    if i.zoekvraag.gemeenten:
        filters.append("Gemeente: " + ", ".join(sorted(i.zoekvraag.gemeenten)))
    if i.zoekvraag.types:
        filters.append("Soort: " + ", ".join(sorted(i.zoekvraag.types)))
    if i.zoekvraag.max_kosten_centen is not None:
        filters.append(f"Kosten tot {bedrag(i.zoekvraag.max_kosten_centen)}")
    if i.zoekvraag.tekst:
        filters.append(f"Zoektekst: {i.zoekvraag.tekst}")
    if filters:
        secties.append(("Praktische filters", filters))
    if i.wensen:
        secties.append(("Wensen van de klant", _wensen(r)))
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
        if optie.goed:
            opties.append(f"    Goed volgens de klant: {optie.goed}")
        if optie.minder_goed:
            opties.append(f"    Minder goed volgens de klant: {optie.minder_goed}")
    secties.append(("Korte lijst", opties or ["(leeg)"]))
    keuze = r.keuze
    secties.append(("Keuze", [keuze.naam if keuze else "(nog geen keuze)"]))
    if keuze and keuze.alleen_na_overleg:
        secties.append(("Let op", [f"Eerst overleggen met: {keuze.gegevens.overleg_met}"]))
    secties.append(("Onderbouwing", [i.onderbouwing or "(niet ingevuld)"]))
    secties.append(("Voorkeur van de klant", [i.voorkeur_client or "(niet ingevuld)"]))
    secties.append(("Keuzecheck (SURE)", _keuzecheck(r)))
    secties.append(("Teach-back", [TEACH_BACK[i.teach_back]]))
    if i.volgende_stappen:
        secties.append(("Volgende stappen", i.volgende_stappen.splitlines()))
    return secties


TEACH_BACK = {
    True: "Gedaan: de klant heeft in eigen woorden verteld wat hij of zij gaat doen.",
    False: "Niet gelukt: de klant kon nog niet in eigen woorden vertellen wat er gaat gebeuren.",
    None: "(niet gevraagd)",
}


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
    regels = [check.samenvatting_coach + "."]
    for dimensie, ja in zip(DIMENSIES, check.antwoorden, strict=True):
        regels.append(f"{VRAGEN[dimensie]} {'Ja' if ja else 'Nee'}")
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
    """The professional summary as PDF bytes (no coach profile needed)."""
    s = stijlen(ROMP)
    # Lines under an option (fit, pros, cons) are indented in the text; here too.
    onder = ParagraphStyle("onder", parent=s.tekst, leftIndent=ROMP * 1.5)
    delen: list[Flowable] = [p(TITEL, s.titel)]
    for kop, inhoud in _secties(r):
        if kop:
            delen.append(p(kop, s.kop))
        delen += [p(t.strip(), onder if t.startswith(" ") else s.tekst) for t in inhoud]
    buffer = io.BytesIO()
    # The author is the coach's display name, never the login (the operating-system user).
    auteur = r.profiel.naam if r.profiel else MAKER
    doc = document(buffer, titel=TITEL, auteur=auteur, onderwerp="Voor het klantdossier")
    voet = voettekst(f"{TITEL} · gesprek {r.gesprek.id} · {r.datum}", ROMP)
    doc.build(delen, onFirstPage=voet, onLaterPages=voet)
    return buffer.getvalue()


def schrijf_professionele_pdf(r: Rapport, pad: Path) -> Path:
    return schrijf_bestand(pad, professionele_pdf(r), extensie=".pdf")
