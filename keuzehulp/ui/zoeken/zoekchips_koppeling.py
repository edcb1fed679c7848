"""Between the chips bar and the chip service: remembers which chip sits at which position."""

from __future__ import annotations

from keuzehulp.services.zoeken import ZoekService
from keuzehulp.services.zoekvraag import ZoekVraag


class ChipsKoppeling:
    """Asks the service for the chips and ways out, hands the bar their texts, keeps the rest."""

    def __init__(self, service: ZoekService) -> None:
        self._service = service
        self._chips: list[ZoekVraag] = []  # per chip: the question without it
        self._uitwegen: list[ZoekVraag] = []

    def chips(self, vraag: ZoekVraag, klant: bool) -> list[tuple[str, str]]:
        """(text, spoken text) per active choice, in step order."""
        uit: list[tuple[str, str]] = []
        self._chips = []
        routes = {r.code: r.label for r in self._service.routes}
        kenmerken = self._service.kenmerken
        for code in sorted(vraag.routes):
            uit.append((routes.get(code, code), f"Haal ‘{routes.get(code, code)}’ weg"))
            self._chips.append(vraag.model_copy(update={"routes": vraag.routes - {code}}))
        for code in sorted(vraag.kenmerken):
            optie = kenmerken.get(code)
            tekst = (
                code if optie is None else (optie.klantlabel if klant else f"{code} {optie.naam}")
            )
            uit.append((tekst, f"Haal ‘{tekst}’ weg"))
            self._chips.append(vraag.model_copy(update={"kenmerken": vraag.kenmerken - {code}}))
        for veld in ("gemeenten", "types", "kosten", "duur", "start", "nederlands", "onderbouwing"):
            waarden: frozenset[str] = getattr(vraag, veld)
            for w in sorted(waarden):
                uit.append((w, f"Haal ‘{w}’ weg"))
                self._chips.append(vraag.model_copy(update={veld: waarden - {w}}))
        if vraag.max_kosten_centen is not None:
            uit.append(("Maximum", "Haal het maximum weg"))
            self._chips.append(vraag.model_copy(update={"max_kosten_centen": None}))
        if vraag.tekst.strip():
            uit.append((f"Tekst: ‘{vraag.tekst.strip()}’", "Haal de tekst weg"))
            self._chips.append(vraag.model_copy(update={"tekst": ""}))
        return uit

    def zonder(self, vraag: ZoekVraag, positie: int) -> ZoekVraag:
        return self._chips[positie] if 0 <= positie < len(self._chips) else vraag

    def uitwegen(self, vraag: ZoekVraag, klant: bool) -> list[str]:
        self._uitwegen = []
        return []

    def uitweg(self, positie: int) -> ZoekVraag:
        return self._uitwegen[positie]
