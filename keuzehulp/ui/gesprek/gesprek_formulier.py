"""Between the Gesprek panel's steps and a GesprekInvoer, both ways; the selected option.

Plain functions on the panel: the controller (`paneel.py`) decides when to read or fill;
these only translate, so that what is stored and what is shown cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from keuzehulp.services.gesprek import GesprekInvoer, Optie
from keuzehulp.services.instrumentdetail import InstrumentDetail
from keuzehulp.services.vergelijking import fit_tekst
from keuzehulp.ui.gesprek.modellen import OptieTeksten

if TYPE_CHECKING:
    from keuzehulp.ui.gesprek.paneel import GesprekPaneel


def scores(paneel: GesprekPaneel) -> dict[str, int]:
    """The client's marks per kenmerk group code (1-10); groups without a mark left out."""
    return {code: veld.value() for code, veld in paneel.doel.scores.items() if veld.value()}


def optie(paneel: GesprekPaneel, instrument_id: int) -> Optie:
    """One shortlisted option with the coach's note, the client's pros and cons and the search
    that found it."""
    t = paneel.korte_lijst.teksten(instrument_id)
    return Optie(
        instrument_id=instrument_id,
        notitie=t.notitie or None,
        goed=t.goed or None,
        minder_goed=t.minder_goed or None,
        zoekvraag=paneel.korte_lijst.zoekvraag(instrument_id),
    )


def lees(paneel: GesprekPaneel) -> GesprekInvoer:
    """Everything the steps hold now, as it would be stored (InvoerFout never: the widgets'
    limits keep every value valid; pydantic's ValidationError would be a bug)."""
    check = paneel.keuze.check
    return GesprekInvoer(
        client_referentie=paneel.doel.referentie.text(),
        doel_soort=paneel.doel.doel_soort.currentData() or None,
        doel=paneel.doel.doel.toPlainText(),
        zoekvraag=paneel.zoekvraag(),
        scores=scores(paneel),
        opties=tuple(optie(paneel, i) for i in paneel.korte_lijst.ids()),
        keuze_id=paneel.keuze.keuze.currentData(),
        onderbouwing=paneel.keuze.onderbouwing.toPlainText(),
        voorkeur_client=paneel.keuze.voorkeur.toPlainText(),
        volgende_stappen=paneel.keuze.stappen.toPlainText(),
        wensen=paneel.wens_keuzes(),
        sure=check.antwoorden(),
        teach_back=check.teach_back_waarde(),
    )


def vul(
    paneel: GesprekPaneel, invoer: GesprekInvoer, details: Mapping[int, InstrumentDetail]
) -> None:
    """Fill every step from `invoer`; `details` holds each shortlisted option by id (KeyError
    for a missing one). The search question is the controller's to set (it also searches)."""
    doel, keuze = paneel.doel, paneel.keuze
    doel.referentie.setText(invoer.client_referentie or "")
    doel.doel_soort.setCurrentIndex(max(doel.doel_soort.findData(invoer.doel_soort or ""), 0))
    doel.doel.setPlainText(invoer.doel or "")
    for code, veld in doel.scores.items():
        veld.setValue(invoer.scores.get(code, 0))
    paneel.wensen.zet_wensen(invoer.wensen)
    paneel.korte_lijst.zet(
        [details[o.instrument_id] for o in invoer.opties],
        {
            o.instrument_id: OptieTeksten(
                goed=o.goed or "", minder_goed=o.minder_goed or "", notitie=o.notitie or ""
            )
            for o in invoer.opties
        },
        {o.instrument_id: o.zoekvraag for o in invoer.opties},
    )
    keuze.keuze.setCurrentIndex(max(keuze.keuze.findData(invoer.keuze_id), 0))
    keuze.onderbouwing.setPlainText(invoer.onderbouwing or "")
    keuze.voorkeur.setPlainText(invoer.voorkeur_client or "")
    keuze.stappen.setPlainText(invoer.volgende_stappen or "")
    keuze.check.zet_antwoorden(invoer.sure)
    keuze.check.zet_teach_back(invoer.teach_back)


def toon_optie(paneel: GesprekPaneel, instrument_id: int | None) -> None:
    """Show the shortlisted option's pros, cons, note and fit (None: nothing selected).

    The text boxes are only set when their text differs, without signals: a box being typed
    in keeps its cursor, and showing is not an edit.
    """
    lijst, korte_lijst = paneel.lijst, paneel.korte_lijst
    teksten = korte_lijst.teksten(instrument_id) if instrument_id else OptieTeksten()
    lijst.optie.setEnabled(instrument_id is not None)
    naam = next((o.naam for o in korte_lijst.opties if o.id == instrument_id), None)
    lijst.optie.setTitle(naam or "Kies een optie in de lijst")
    for vak, tekst in ((lijst.goed, teksten.goed), (lijst.minder_goed, teksten.minder_goed)):
        if vak.toPlainText() != tekst:
            vak.blockSignals(True)
            vak.setPlainText(tekst)
            vak.blockSignals(False)
    lijst.notitie.setText(teksten.notitie)
    toon_fit(paneel, instrument_id)


def toon_fit(paneel: GesprekPaneel, instrument_id: int | None) -> None:
    """How the selected option fits the client's wishes, or how to see that (B1)."""
    fit = paneel.korte_lijst.fit(instrument_id) if instrument_id else None
    uitleg = fit_tekst(fit) if fit is not None else ""
    if not uitleg and instrument_id is not None:
        wie = "je" if paneel.klantweergave else "de klant"
        uitleg = f"Kies bij stap 2 wat {wie} belangrijk vindt. Dan zie je hier of het past."
    paneel.lijst.fit.setText(uitleg)
