"""The professional summary: goal, route, kenmerken, options, choice and reasons.

As plain text to paste into the client file, and as a PDF. Unlike the client PDF it names the
kenmerken by their professional names and shows the pseudonymous reference if there is one.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, SimpleDocTemplate

from keuzehulp.model.tekst import bedrag
from keuzehulp.services.rapport.gegevens import Rapport
from keuzehulp.services.rapport.opmaak import MARGE, PAGINA, p, stijlen, voettekst
from keuzehulp.services.rapport.schrijf import schrijf_bestand

ROMP = 10.5
TITEL = "Samenvatting keuzegesprek"


def _secties(r: Rapport) -> list[tuple[str, list[str]]]:
    g = r.gesprek
    i = g.invoer
    kop = [f"Datum: {r.datum}", f"Werkcoach: {g.coach}", f"Gesprek: {g.id}"]
    if i.client_referentie:
        kop.append(f"Klantreferentie: {i.client_referentie}")
    if g.catalogus_versie:
        kop.append(f"Catalogusversie: {g.catalogus_versie}")
    soort = f" ({i.doel_soort})" if i.doel_soort else ""
    secties: list[tuple[str, list[str]]] = [
        ("", kop),
        (f"Doel{soort}", [i.doel or "(niet ingevuld)"]),
        ("Route", [f"{ro.naam} – {ro.label}" for ro in r.routes] or ["(geen route gekozen)"]),
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
    opties = []
    for nummer, (o, notitie) in enumerate(zip(r.opties, r.notities, strict=True), start=1):
        gekozen = " [gekozen]" if o.id == i.keuze_id else ""
        regel = f"{nummer}. {o.naam}{gekozen}"
        if notitie:
            regel += f" – {notitie}"
        opties.append(regel)
    secties.append(("Korte lijst", opties or ["(leeg)"]))
    keuze = r.keuze
    secties.append(("Keuze", [keuze.naam if keuze else "(nog geen keuze)"]))
    if keuze and keuze.alleen_na_overleg:
        secties.append(("Let op", [f"Eerst overleggen met: {keuze.gegevens.overleg_met}"]))
    secties.append(("Onderbouwing", [i.onderbouwing or "(niet ingevuld)"]))
    secties.append(("Voorkeur van de klant", [i.voorkeur_client or "(niet ingevuld)"]))
    if i.volgende_stappen:
        secties.append(("Volgende stappen", i.volgende_stappen.splitlines()))
    return secties


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
    s = stijlen(ROMP)
    delen: list[Flowable] = [p(TITEL, s.titel)]
    for kop, inhoud in _secties(r):
        if kop:
            delen.append(p(kop, s.kop))
        delen += [p(t, s.tekst) for t in inhoud]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=PAGINA, leftMargin=MARGE, rightMargin=MARGE,
        topMargin=1.8 * cm, bottomMargin=2 * cm, title=TITEL, author=r.gesprek.coach,
        creator="Keuzehulp",
    )  # fmt: skip
    voet = voettekst(f"{TITEL} · gesprek {r.gesprek.id} · {r.datum}", ROMP)
    doc.build(delen, onFirstPage=voet, onLaterPages=voet)
    return buffer.getvalue()


def schrijf_professionele_pdf(r: Rapport, pad: Path) -> Path:
    return schrijf_bestand(pad, professionele_pdf(r), extensie=".pdf")
