"""Free text: word forms, compounds, every field people mean, best matches first."""

from __future__ import annotations

import pytest

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.services.instrumentgegevens import InstrumentGegevens
from keuzehulp.services.tekstzoeken import zoekwoorden
from keuzehulp.services.zoeken import Sortering, ZoekService
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.catalogusgenerator import vul_catalogus


def _namen(service: ZoekService, tekst: str, **filters: frozenset[str]) -> list[str]:
    vraag = ZoekVraag(tekst=tekst, **filters)
    return [t.instrument.naam for t in service.zoek(vraag).treffers]


# --- the sample catalogue (real texts) ------------------------------------------------------


@pytest.fixture
def voorbeeld(catalogus: Database) -> ZoekService:
    return ZoekService(catalogus)


def test_sollicitatie_finds_applying_in_every_form(voorbeeld: ZoekService) -> None:
    namen = _namen(voorbeeld, "sollicitatie")
    # Names first: 'solliciteren' (a word form) and 'sollicitatievaardigheden' (compound).
    assert set(namen[:2]) == {
        "Training solliciteren met sociale media, Werkzaak team Werk",
        "Training sollicitatievaardigheden, Werkzaak team Werk",
    }
    # 'Je solliciteert elke week' (rol werkzoekende), then instruments tagged 4.1.
    assert namen[2] == "Coaching naar werk, Werkzaak team Werk"
    assert "Jobhunting, Werkzaak team Werkgeversdienstverlening" in namen[3:]
    assert _namen(voorbeeld, "SOLLICITEREN")[:1] == [
        "Training solliciteren met sociale media, Werkzaak team Werk"
    ]


def test_taal_finds_compounds_but_not_digitaal(voorbeeld: ZoekService) -> None:
    namen = _namen(voorbeeld, "taal")
    assert "Taaltoets, Taalatelier De Waalkant" in namen[:3]
    assert "Cursus NT2, Taalatelier De Waalkant" in namen[:3], "provider 'Taalatelier'"
    assert "Cursus digitale vaardigheden, Digicafé De Schakel" not in namen


def test_case_accents_stop_words_and_a_compound_tail(voorbeeld: ZoekService) -> None:
    gevonden = _namen(voorbeeld, "ORIËNTATIE")
    assert gevonden == _namen(voorbeeld, "orientatie")
    assert "Arbeidsmarktoriëntatie, Werkzaak team Ontwikkeling" in gevonden
    assert _namen(voorbeeld, "training voor de stress") == _namen(voorbeeld, "Training stress")
    # The name hit ranks first; trainings that only carry the kenmerk "stress" (its client
    # label, e.g. "Beter omgaan met stress") follow it.
    stress = _namen(voorbeeld, "training stress")
    assert stress[0] == "Training omgaan met stress, Mindfit Training & Coaching"
    assert all(naam.startswith("Training") for naam in stress)


def test_every_word_must_match(voorbeeld: ZoekService) -> None:
    taal = set(_namen(voorbeeld, "taal"))
    rekenen = set(_namen(voorbeeld, "rekenen"))
    beide = set(_namen(voorbeeld, "taal rekenen"))
    assert beide == taal & rekenen
    assert beide < taal and beide < rekenen
    assert _namen(voorbeeld, "taal qwertyuiop") == []


def test_text_and_filters_together(voorbeeld: ZoekService) -> None:
    alle = set(_namen(voorbeeld, "werkgever"))
    in_tiel = set(_namen(voorbeeld, "werkgever", gemeenten=frozenset({"Tiel"})))
    assert in_tiel and in_tiel <= alle
    antwoord = voorbeeld.zoek(ZoekVraag(tekst="werkgever"))
    assert sum(antwoord.facetten.routes.values()) >= antwoord.aantal > 0
    assert antwoord.facetten.types == {
        soort: len(set(_namen(voorbeeld, "werkgever", types=frozenset({soort}))))
        for soort in voorbeeld.types
    }


# --- small made-up catalogues -----------------------------------------------------------------


def _instrument(naam: str, **velden: str) -> InstrumentGegevens:
    return InstrumentGegevens(naam=naam, status=InstrumentStatus.ACTIEF, **velden)


@pytest.mark.parametrize(
    "veld", ["uitvoerder", "omschrijving", "doel", "werkwijze", "doelgroep", "rol_werkzoekende"]
)
def test_each_descriptive_field_is_searched(database: Database, veld: str) -> None:
    vul_catalogus(
        database,
        [_instrument("Een", **{veld: "Je volgt een taalcursus."}), _instrument("Twee")],
    )
    assert _namen(ZoekService(database), "taal") == ["Een"]


def test_internal_fields_are_not_searched(database: Database) -> None:
    vul_catalogus(
        database,
        [
            _instrument(
                "Een",
                regiehouder="Jansen",
                aanmelding="Mail Jansen",
                bijzonderheden="Jansen",
                instroomeis="Jansen",
            )
        ],
    )
    assert _namen(ZoekService(database), "jansen") == []


def test_best_matches_first(database: Database) -> None:
    vul_catalogus(
        database,
        [
            _instrument("A begin", omschrijving="Een taalcursus."),  # text, start of a word
            _instrument("B woord", omschrijving="Over taal."),  # text, whole word
            _instrument("C Taalcoach"),  # name, start of a word
            _instrument("D Taal en werk"),  # name, whole word
            _instrument("E aanbieder", uitvoerder="Het Taalhuis"),  # provider
            _instrument("F vorm", omschrijving="Over talen."),  # text, word form
            _instrument("G vaktaal", omschrijving="vaktaal"),  # 'taal' is too short for a tail
        ],
    )
    service = ZoekService(database)
    assert _namen(service, "taal") == [
        "D Taal en werk",
        "C Taalcoach",
        "E aanbieder",
        "B woord",
        "F vorm",
        "A begin",
    ]
    scores = [t.tekstscore for t in service.zoek(ZoekVraag(tekst="taal")).treffers]
    assert scores == sorted(scores, reverse=True) and scores[-1] > 0
    # Sorted by name the same results come, with the same scores.
    op_naam = service.zoek(ZoekVraag(tekst="taal"), Sortering.NAAM).treffers
    assert [t.instrument.naam for t in op_naam][:2] == ["A begin", "B woord"]
    assert sorted(t.tekstscore for t in op_naam) == sorted(scores)


def test_text_score_comes_before_chosen_kenmerken_in_relevance(database: Database) -> None:
    vul_catalogus(
        database,
        [
            _instrument("Stress de baas", kenmerken=("3.1.2",)),
            _instrument("Coaching", omschrijving="Ook over stress.", kenmerken=("3.1.2", "3.1.5")),
        ],
    )
    service = ZoekService(database)
    vraag = ZoekVraag(tekst="stress", kenmerken=frozenset({"3.1.5", "3.1.2"}))
    assert [t.instrument.naam for t in service.zoek(vraag).treffers] == [
        "Stress de baas",
        "Coaching",
    ]
    zonder_tekst = vraag.model_copy(update={"tekst": ""})
    assert [t.instrument.naam for t in service.zoek(zonder_tekst).treffers] == [
        "Coaching",
        "Stress de baas",
    ]


def test_parked_instruments_are_never_found_and_reload_sees_new_words(database: Database) -> None:
    geparkeerd = _instrument("Taalcafé").model_copy(update={"status": InstrumentStatus.GEPARKEERD})
    vul_catalogus(database, [geparkeerd])
    service = ZoekService(database)
    assert _namen(service, "taal") == []
    vul_catalogus(database, [_instrument("Taalmaatje")])
    assert _namen(service, "taal") == [], "the index is a snapshot until reload"
    service.reload()
    service.wacht_op_tekst()  # built in the background; a text search would wait for it too
    assert service.tekst_klaar
    assert _namen(service, "taal") == ["Taalmaatje"]


def test_query_words() -> None:
    assert zoekwoorden("  De TAAL-cursus, voor  Oriënt ") == ["taal", "cursus", "orient"]
    assert zoekwoorden("de") == ["de"], "only stop words: search for them"
    assert zoekwoorden("taal taal") == ["taal"]
    assert zoekwoorden(" ,. ") == []


def test_stemming_many_words_in_bites_gives_each_word_its_own_stem() -> None:
    """`stammen` calls the stemmer in bites (it keeps the interpreter per call); the stems
    are the same as one word at a time, in order, across the bite borders."""
    from keuzehulp.services.tekstzoeken import STAM_HAP, stam, stammen

    basis = ["werkplekken", "begeleiding", "sollicitaties", "taalcursussen", "fietsen"]
    woorden = [basis[i % len(basis)] + ("" if i % 7 else "en") for i in range(2 * STAM_HAP + 3)]
    assert stammen(woorden) == [stam(w) for w in woorden]
    assert stammen([]) == []


def test_sorting_in_bites_gives_the_same_order_as_one_sort() -> None:
    import random

    from keuzehulp.services.tekstzoeken import SORTEER_HAP, gesorteerd_in_happen

    rng = random.Random(13)
    woorden = [f"w{rng.randrange(10**9)}" for _ in range(2 * SORTEER_HAP + 17)]
    assert gesorteerd_in_happen(woorden) == sorted(woorden)
    assert gesorteerd_in_happen(["b", "a"]) == ["a", "b"]
