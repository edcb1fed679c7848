"""The detail view of one instrument: every field, kenmerken explained, how to sign up."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.tekst import bedrag
from keuzehulp.model.velden import Sectie, in_sectie, veldlabel
from keuzehulp.services.instrumentdetail import InstrumentDetail
from keuzehulp.services.weergave import (
    duur_tekst,
    groepsvorm_tekst,
    kosten_klant_tekst,
    nederlands_tekst,
    start_tekst,
    uren_tekst,
)
from keuzehulp.ui.zoeken.afbreken import afbreekbaar
from keuzehulp.ui.zoeken.kaart import KAART_LABELS, korte_lijst_tekst

# Practical fields in the order a coach reads them (model/velden.py); cost and owner are internal.
PRAKTISCH = tuple(v.naam for v in in_sectie(Sectie.PRAKTISCH))
INTERN = ("kosten", "regiehouder")
KLANT_LABELS = {
    v.naam: v.detail.klantlabel
    for v in in_sectie(Sectie.PRAKTISCH)
    if v.detail and v.detail.klantlabel
}
# Evidence levels in plain words for the client (the levels are the databanks' jargon).
ONDERBOUWING_KLANT = {
    "goed beschreven": "Het is goed beschreven hoe het werkt.",
    "goed onderbouwd": "Er is goed uitgelegd waarom het helpt.",
    "effectief: eerste aanwijzingen": "Er zijn eerste tekenen dat het helpt.",
    "effectief: goede aanwijzingen": "Er zijn goede tekenen dat het helpt.",
    "effectief: sterke aanwijzingen": "Er is sterk bewijs dat het helpt.",
}


def _regel(label: str, waarde: str | None, *, afbreken: bool = True) -> str:
    """One table row; long words of the value get soft hyphens (not for a link).

    The label column takes the width its longest label needs, so a long value word
    ("Werkgeversdienstverlening") must be able to break, and then with a hyphen (F7).
    """
    if not waarde:
        return ""
    tekst = escape(afbreekbaar(waarde) if afbreken else waarde).replace("\n", "<br>")
    return f"<tr><th align='left' valign='top'>{escape(label)}</th><td>{tekst}</td></tr>"


def _datums(tekst: str | None) -> list[dt.date]:
    return [dt.date.fromisoformat(d.strip()) for d in (tekst or "").split(";") if d.strip()]


def _gestructureerd(d: InstrumentDetail, klant: bool) -> list[str]:
    """Duration, hours, start, group, Dutch and the client's cost.

    What the catalogue does not know is named once, in one row, instead of five rows saying
    "onbekend"; the client reads it as questions ("Dat weten we nog niet": "Moet ik goed
    Nederlands kunnen?").
    """
    g = d.gegevens
    velden = (
        ("duur_weken", "Hoe lang", g.duur_weken is None, duur_tekst(g.duur_weken, klant=klant)),
        (
            "uren_per_week",
            "Uren per week",
            g.uren_per_week is None,
            uren_tekst(g.uren_per_week, klant=klant),
        ),
        (
            "start_soort",
            "Wanneer begin je",
            g.start_soort is None,
            start_tekst(g.start_soort, _datums(g.startdata), klant=klant),
        ),
        (
            "groepsvorm",
            "Alleen of in een groep",
            g.groepsvorm is None,
            groepsvorm_tekst(g.groepsvorm, klant=klant),
        ),
        (
            "nederlands_nodig",
            "Nederlands",
            g.nederlands_nodig is None,
            nederlands_tekst(g.nederlands_nodig, klant=klant),
        ),
        (
            "kosten_klant_centen",
            "Wat betaal je zelf",
            g.kosten_klant_centen is None,
            kosten_klant_tekst(g.kosten_klant_centen, klant=klant),
        ),
    )
    rijen = []
    onbekend = []
    for veld, klantlabel, leeg, tekst in velden:
        label = klantlabel if klant else veldlabel(veld)
        if leeg:
            onbekend.append(ONBEKEND_KLANT[veld] if klant else label)
        else:
            rijen.append(_regel(label, tekst))
    if onbekend and klant:
        # One question per line, answered as in the comparison ("Dat weten we nog niet").
        tekst = "\n".join(onbekend) + "\nVraag het je coach."
        rijen.append(_regel("Dat weten we nog niet", tekst))
    elif onbekend:
        rijen.append(_regel("Onbekend", ", ".join(onbekend)))
    return rijen


# What the catalogue does not know yet, as the client would ask it (B1; the comparison asks
# the same: keuzehulp.services.vergelijking.VRAGEN_KLANT).
ONBEKEND_KLANT = {
    "duur_weken": "Hoe lang duurt het?",
    "uren_per_week": "Hoeveel uur per week is het?",
    "start_soort": "Wanneer kan ik beginnen?",
    "groepsvorm": "Is het alleen of in een groep?",
    "nederlands_nodig": "Moet ik goed Nederlands kunnen?",
    "kosten_klant_centen": "Wat betaal ik zelf?",
}


def detail_html(d: InstrumentDetail, klant: bool) -> str:
    """The instrument as HTML; `klant` shows B1 texts and hides internal fields."""
    g = d.gegevens
    delen = [f"<h2>{escape(afbreekbaar(g.naam))}</h2>"]
    if g.overleg_met:
        if klant:
            melding = "Je werkcoach overlegt eerst met een deskundige. Daarna kies je samen."
        else:
            melding = (
                f"Alleen na overleg: overleg eerst met {g.overleg_met} voordat u dit "
                "instrument inzet."
            )
        delen.append(
            "<p style='background:#fff3cd; color:#5c4400; padding:6px; border:1px solid #e0c060'>"
            f"<b>Let op.</b> {escape(melding)}</p>"
        )
    rijen = []
    for veld in PRAKTISCH:
        if veld in KAART_LABELS:  # the card's word for it, in either view
            label = KAART_LABELS[veld][klant]
        else:
            label = KLANT_LABELS.get(veld, veldlabel(veld)) if klant else veldlabel(veld)
        rijen.append(_regel(label, getattr(g, veld)))
    gemeenten = "Alle gemeenten" if g.alle_gemeenten else ", ".join(g.gemeenten)
    rijen.insert(3, _regel("Gemeente", gemeenten))
    rijen[8:8] = _gestructureerd(d, klant)
    if not klant:
        kosten = bedrag(g.kosten_centen) if g.kosten_centen is not None else g.kosten_tekst
        rijen.append(_regel(veldlabel("kosten_centen"), kosten))
        rijen.append(_regel(veldlabel("regiehouder"), g.regiehouder))
        if d.beoordeeld_op is not None:
            rijen.append(_regel(veldlabel("beoordeeld_op"), d.beoordeeld_op.strftime("%d-%m-%Y")))
    delen.append("<table cellspacing='4'>" + "".join(rijen) + "</table>")

    delen.append("<h3>Route</h3>" if not klant else "<h3>Soort traject</h3>")
    for r in d.routes:
        uitleg = f" — {escape(r.uitleg_client)}" if klant else f" ({escape(r.naam)})"
        delen.append(f"<p><b>{escape(r.label)}</b>{uitleg}</p>")
    if d.kenmerken:
        delen.append("<h3>Waar het aan werkt</h3>" if klant else "<h3>Kenmerken</h3>")
        delen.append("<ul>")
        for k in d.kenmerken:
            if klant:
                delen.append(f"<li>{escape(k.uitleg_client or k.naam)}</li>")
            else:
                delen.append(
                    f"<li><b>{escape(k.code)} {escape(k.naam)}</b> "
                    f"<i>({escape(k.groep_naam)})</i><br>{escape(k.uitleg)}</li>"
                )
        delen.append("</ul>")

    delen.append("<h3>Hoe goed werkt het?</h3>" if klant else "<h3>Effectiviteit</h3>")
    onderbouwing = g.onderbouwing
    if klant and onderbouwing:
        onderbouwing = ONDERBOUWING_KLANT.get(onderbouwing)
    coaches, klanten = d.waardering.coaches, d.waardering.klanten
    effect = [
        _regel(
            "Cijfer van werkcoaches" if klant else "Cijfer van coaches",
            None if coaches is None else coaches.kort_klant if klant else coaches.uitgebreid,
        ),
        _regel(
            "Cijfer van deelnemers" if klant else "Cijfer van klanten",
            None if klanten is None else klanten.kort_klant if klant else klanten.uitgebreid,
        ),
        _regel("Werkt het?" if klant else veldlabel("onderbouwing"), onderbouwing),
    ]
    tabel = "".join(effect)
    delen.append(f"<table cellspacing='4'>{tabel}</table>" if tabel else "<p>Nog niet bekend.</p>")

    delen.append("<h3>Aanmelden</h3>")
    delen.append(
        "<table cellspacing='4'>"
        + _regel("Hoe" if klant else veldlabel("aanmelding"), g.aanmelding or "Via je werkcoach.")
        + _regel(veldlabel("link"), g.link, afbreken=False)
        + "</table>"
    )
    return "".join(delen)


class DetailPaneel(QWidget):
    """Shows one instrument below the cards; its button asks to put it on the short list."""

    korte_lijst_gevraagd = Signal(int)
    sluiten_gevraagd = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: InstrumentDetail | None = None
        self._klant = False
        self._op_korte_lijst = False
        self.setAccessibleName("Details")
        self.tekst = QTextBrowser()
        self.tekst.setOpenExternalLinks(True)
        self.tekst.setAccessibleName("Details van het instrument")
        self._boven_houden = False
        balk = self.tekst.verticalScrollBar()
        balk.rangeChanged.connect(self._bereik_gewijzigd)
        balk.actionTriggered.connect(self._gebruiker_scrolt)
        self.knop_korte_lijst = QPushButton("Op de korte lijst")
        self.knop_korte_lijst.setAccessibleName("Zet dit instrument op de korte lijst")
        self.knop_korte_lijst.setEnabled(False)
        self.knop_korte_lijst.clicked.connect(self._vraag_korte_lijst)
        self.knop_sluiten = QPushButton("Sluiten")
        self.knop_sluiten.setToolTip("Sluit de details; de lijst krijgt weer alle ruimte (Esc)")
        self.knop_sluiten.setAccessibleName("Sluit de details")
        self.knop_sluiten.clicked.connect(self.sluiten_gevraagd)
        self.kop = QLabel("<b>Details</b>")
        self.kop.setWordWrap(True)
        boven = QHBoxLayout()
        boven.addWidget(self.kop, 1)
        boven.addWidget(self.knop_korte_lijst)
        boven.addWidget(self.knop_sluiten)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(boven)
        layout.addWidget(self.tekst, 1)

    @property
    def instrument_id(self) -> int | None:
        return self._detail.id if self._detail else None

    def toon(self, detail: InstrumentDetail | None, *, op_korte_lijst: bool = False) -> None:
        """Show one instrument (None: empty)."""
        self._detail = detail
        self._op_korte_lijst = op_korte_lijst
        self._vernieuw()

    def zet_op_korte_lijst(self, aan: bool) -> None:
        self._op_korte_lijst = aan
        self._werk_knop_bij()

    def zet_klantweergave(self, aan: bool) -> None:
        self._klant = aan
        self._vernieuw()

    def _werk_knop_bij(self) -> None:
        knop = self.knop_korte_lijst
        if self._op_korte_lijst:
            knop.setText(korte_lijst_tekst(self._klant))
            knop.setAccessibleName(korte_lijst_tekst(self._klant))
        else:
            knop.setText("Op de korte lijst")
            knop.setAccessibleName("Zet dit instrument op de korte lijst")
        knop.setEnabled(self._detail is not None and not self._op_korte_lijst)

    def _vernieuw(self) -> None:
        self._werk_knop_bij()
        if self._detail is None:
            self.kop.setText("<b>Details</b>")
            self.tekst.clear()
            return
        self.kop.setText("<b>Details</b>")
        self.tekst.setHtml(detail_html(self._detail, self._klant))
        self.naar_boven()

    def naar_boven(self) -> None:
        """Scroll to the instrument's name and keep it there while the layout settles.

        The first time the pane is shown its width changes after the text is set; the
        relayout used to leave it scrolled past the heading. Until the user scrolls, every
        change of the scroll range puts the heading back in view.
        """
        self._boven_houden = True
        self.tekst.verticalScrollBar().setValue(0)
        self.tekst.viewport().update()  # a pixel scroll while hidden can leave stale rows

    def _bereik_gewijzigd(self, _min: int, _max: int) -> None:
        if self._boven_houden:
            self.tekst.verticalScrollBar().setValue(0)
            self.tekst.viewport().update()

    def _gebruiker_scrolt(self, _actie: int) -> None:
        self._boven_houden = False

    def _vraag_korte_lijst(self) -> None:
        if self._detail is not None:
            self.korte_lijst_gevraagd.emit(self._detail.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.sluiten_gevraagd.emit()
            return
        super().keyPressEvent(event)
