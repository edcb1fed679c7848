"""Names of the instrument's fields as users read them (editor, log, dry run, exports)."""

from __future__ import annotations

VELDLABELS: dict[str, str] = {
    "naam": "Naam",
    "status": "Status",
    "type": "Type",
    "uitvoerder": "Uitvoerder",
    "omschrijving": "Omschrijving",
    "routes": "Fenger-route",
    "kenmerken": "Afgeleide kenmerken",
    "gemeenten": "Gemeente",
    "alle_gemeenten": "Alle gemeenten",
    "adres": "Adres",
    "doelgroep": "Doelgroep",
    "doel": "Doel",
    "instroomeis": "Instroomeis",
    "omvang_duur": "Omvang en duur",
    "kosten_centen": "Kosten per persoon",
    "kosten_tekst": "Kosten (tekst)",
    "werkwijze": "Werkwijze",
    "beschikbaarheid": "Beschikbaarheid",
    "aanmelding": "Aanmelding",
    "bijzonderheden": "Bijzonderheden",
    "rol_werkzoekende": "Rol werkzoekende",
    "waardering_professionals": "Waardering professionals",
    "waardering_werkzoekende": "Waardering werkzoekende",
    "onderbouwing": "Onderbouwing",
    "regiehouder": "Regiehouder",
    "link": "Link",
    "overleg_met": "Eerst overleggen met",
    "beoordeeld_op": "Laatst beoordeeld",
    "duur_weken": "Duur (weken)",
    "uren_per_week": "Uren per week",
    "start_soort": "Start",
    "startdata": "Startdata",
    "nederlands_nodig": "Goed Nederlands nodig",
    "groepsvorm": "Alleen of in een groep",
    "kosten_klant_centen": "Kosten voor de klant",
    "label_client": "Korte naam voor cliënt",
    # kenmerken and routes themselves
    "code": "Code",
    "uitleg": "Uitleg",
    "uitleg_client": "Uitleg voor cliënt",
    "parent": "Valt onder",
    "actief": "Actief",
    "label": "Label",
    "gebruiker": "Gebruiker",
    "versiedatum": "Versiedatum",
    "omschrijving_versie": "Omschrijving",
}


def veldlabel(veld: str | None) -> str:
    """The Dutch label of a field name; the name itself when none is known."""
    if veld is None:
        return ""
    return VELDLABELS.get(veld, veld.replace("_", " ").capitalize())
