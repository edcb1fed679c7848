"""Between the search steps' widgets and a ZoekVraag, both ways, and the routes' counts.

Plain functions on the layout view (`ZoekSchermView`): the controller (`zoek_scherm.py`)
decides when to call them; these only translate. No searching and no signals here.
"""

from __future__ import annotations

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.services.zoeken import ZoekAntwoord, ZoekService
from keuzehulp.services.zoekinvoer import lees_bedrag
from keuzehulp.services.zoekvraag import KLASSE_CODES, ZoekVraag
from keuzehulp.ui.zoeken.zoek_scherm_view import ZoekSchermView


def schoon(vraag: ZoekVraag, service: ZoekService) -> tuple[ZoekVraag, list[str]]:
    """`vraag` without values the catalogue no longer has (a retired kenmerk, a type with no
    active instrument left), and those values, sorted (empty: nothing left out)."""
    bekend = {
        "routes": {r.code for r in service.routes},
        "kenmerken": set(service.kenmerken),
        "gemeenten": set(service.gemeenten),
        "types": set(service.types),
        "onderbouwing": set(service.onderbouwing),
        **{sleutel: set(codes) for sleutel, codes in KLASSE_CODES.items()},
    }
    weg = sorted(w for veld, geldig in bekend.items() for w in getattr(vraag, veld) - geldig)
    if not weg:
        return vraag, []
    update = {veld: getattr(vraag, veld) & geldig for veld, geldig in bekend.items()}
    return vraag.model_copy(update=update), weg


def zet_widgets(view: ZoekSchermView, vraag: ZoekVraag) -> None:
    """Check, select and fill every step's widgets as `vraag` says (signals still fire)."""
    for code, vakje in view.route_stap.vakjes.items():
        vakje.setChecked(code in vraag.routes)
    view.kenmerk_model.zet_gekozen(vraag.kenmerken)
    for sleutel, model in view.facet_modellen.items():
        model.zet_gekozen(getattr(vraag, sleutel))
    view.praktisch_stap.tekst.setText(vraag.tekst)
    view.praktisch_stap.max_kosten.setText(als_invoer(vraag.max_kosten_centen))
    view.praktisch_stap.zet_kosten_fout("")


def max_kosten(view: ZoekSchermView) -> int | None:
    """The maximum cost typed in, in cents; None when empty or wrong (the step says why)."""
    tekst = view.praktisch_stap.max_kosten.text().strip()
    if not tekst:
        view.praktisch_stap.zet_kosten_fout("")
        return None
    try:
        centen = lees_bedrag(tekst)
    except KeuzehulpError as fout:
        view.praktisch_stap.zet_kosten_fout(fout.melding + " Er geldt nu geen maximum.")
        return None
    view.praktisch_stap.zet_kosten_fout("")
    return centen


def lees_widgets(view: ZoekSchermView) -> ZoekVraag:
    """The question every step's widgets now show."""
    return ZoekVraag(
        routes=frozenset(c for c, v in view.route_stap.vakjes.items() if v.isChecked()),
        kenmerken=view.kenmerk_model.gekozen(),
        max_kosten_centen=max_kosten(view),
        tekst=view.praktisch_stap.tekst.text(),
        **{sleutel: model.gekozen() for sleutel, model in view.facet_modellen.items()},
    )


def werk_routes_bij(
    view: ZoekSchermView, service: ZoekService, antwoord: ZoekAntwoord, klant: bool
) -> None:
    """Each route's check box shows its count (grey at 0), in the coach's or client's word.

    Texts, names and styles are only set when they change: each change re-lays out the step.
    """
    f = antwoord.facetten
    woord = "mogelijkheden" if klant else "instrumenten"
    for route in service.routes:
        vakje = view.route_stap.vakjes[route.code]
        n = f.routes.get(route.code, 0)
        tekst = f"{route.label}  ({n})"
        if vakje.text() != tekst:
            vakje.setText(tekst)
        naam = f"{route.label}, {n} {woord}"
        if vakje.accessibleName() != naam:
            vakje.setAccessibleName(naam)
        stijl = "color: gray" if n == 0 and not vakje.isChecked() else ""
        if vakje.styleSheet() != stijl:
            vakje.setStyleSheet(stijl)


def als_invoer(centen: int | None) -> str:
    """Cents as the cost field shows them: 125000 -> '1250', 125050 -> '1250,50'."""
    if centen is None:
        return ""
    euro, cent = divmod(centen, 100)
    return f"{euro},{cent:02d}" if cent else str(euro)
