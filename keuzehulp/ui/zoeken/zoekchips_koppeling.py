"""Between the chips bar and the chip service: remembers which chip sits at which position."""

from __future__ import annotations

from keuzehulp.services import zoekchips
from keuzehulp.services.zoeken import ZoekService
from keuzehulp.services.zoekvraag import ZoekVraag


class ChipsKoppeling:
    """Asks `services/zoekchips` for the chips and ways out; the bar gets texts, this the rest."""

    def __init__(self, service: ZoekService) -> None:
        self._service = service
        self._chips: list[zoekchips.Chip] = []
        self._uitwegen: list[zoekchips.Uitweg] = []

    def chips(self, vraag: ZoekVraag, klant: bool) -> list[tuple[str, str]]:
        """(text, spoken text) per active choice, in step order.

        The client view leaves out chips about internal matters (the gemeente's cost); the
        choice itself still applies, as the coach set it.
        """
        self._chips = [c for c in zoekchips.chips(vraag, self._service) if not (klant and c.intern)]
        return [(c.tekst(klant=klant), f"Haal {c.in_zin(klant=klant)} weg") for c in self._chips]

    def zonder(self, vraag: ZoekVraag, positie: int) -> ZoekVraag:
        """The question without the chip at this position of the last `chips` call."""
        if not 0 <= positie < len(self._chips):
            return vraag
        return zoekchips.zonder(vraag, self._chips[positie])

    def uitwegen(self, vraag: ZoekVraag, klant: bool) -> list[str]:
        """Button texts for an empty result list, best first ("Zonder ‘Tiel’: 4 mogelijkheden")."""
        self._uitwegen = zoekchips.uitwegen(vraag, self._service)
        return [u.tekst(klant=klant) for u in self._uitwegen]

    def uitweg(self, positie: int) -> ZoekVraag:
        """The question of the way out at this position of the last `uitwegen` call."""
        return self._uitwegen[positie].vraag
