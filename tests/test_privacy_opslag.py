"""The privacy guard where data is stored and printed: a conversation field with a BSN in a new
spelling is refused on save, and one stored before the guard knew that spelling never reaches
either PDF."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.gesprek import Gesprek
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.rapport.gegevens import verzamel
from tests.gesprek_hulp import maak_instrumenten, vul_structuur


def _invoer(ids: list[int], **velden: str) -> GesprekInvoer:
    return GesprekInvoer(
        opties=tuple(Optie(instrument_id=i) for i in ids[:2]),
        keuze_id=ids[0],
        **{"doel": "Ik wil weer werken.", **velden},
    )


@pytest.mark.parametrize(
    ("veld", "waarde", "reden"),
    [
        ("client_referentie", "123\n456\n782", "BSN"),
        ("doel", "werk vinden, geboren 12 03 1985", "datum"),
        ("onderbouwing", "bel haar op 06-12345611", "telefoonnummer"),
        ("voorkeur_client", "mail naar klant@example.nl", "e-mailadres"),
        ("volgende_stappen", "Uitkering naar NL91 ABNA 0417 1643 00", "IBAN"),
    ],
)
def test_saving_a_conversation_refuses_what_identifies_the_client(
    database: Database, veld: str, waarde: str, reden: str
) -> None:
    ids = maak_instrumenten(database)
    vul_structuur(database, ids)
    with pytest.raises(InvoerFout, match=reden):
        GesprekService(database).bewaar(_invoer(ids, **{veld: waarde}), "coach")


def test_a_conversation_stored_before_the_guard_is_never_printed(database: Database) -> None:
    ids = maak_instrumenten(database)
    vul_structuur(database, ids)
    gesprek = GesprekService(database).bewaar(_invoer(ids, client_referentie="zaak 7"), "coach")
    # As an older version stored it: a BSN split by a tab, which that guard let through.
    with database.wijzigen(MutatieContext(gebruiker="coach", bron="test")) as s:
        s.execute(
            update(Gesprek).where(Gesprek.id == gesprek.id).values(client_referentie="123\t456782")
        )
    with pytest.raises(InvoerFout, match="Klantreferentie: hierin staat een nummer dat een BSN"):
        verzamel(database, gesprek.id)  # both PDFs are made from this
