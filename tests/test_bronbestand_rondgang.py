"""Generated catalogues export and import again unchanged, stamp included (issue 12)."""

from __future__ import annotations

import random
from pathlib import Path

from openpyxl import load_workbook

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.services.bronbestand.exporteren import exporteer
from keuzehulp.services.bronbestand.importeren import ONGEWIJZIGD, importeer
from keuzehulp.services.bronbestand.kolommen import KOLOMMEN
from keuzehulp.services.instrumentgegevens import InstrumentGegevens
from tests.bronbestand_werkmappen import cellen, dump, maak_werkmap
from tests.catalogusgenerator import vul_catalogus, willekeurige_gegevens
from tests.conftest import TEST_GEBRUIKER


def test_generated_catalogue_round_trips(database: Database, tmp_path: Path) -> None:
    gegevens = willekeurige_gegevens(random.Random(11), 120)
    vul_catalogus(database, gegevens)
    pad = tmp_path / "gegenereerd.xlsx"
    actief, geparkeerd = exporteer(database, pad)
    assert actief + geparkeerd == sum(g.status != "concept" for g in gegevens)
    # The size is written up front (as Excel does), so reading need not parse a sheet twice.
    boek = load_workbook(pad, read_only=True)
    assert (boek["Instrumenten"].max_row, boek["Instrumenten"].max_column) == (
        actief + 1,
        len(KOLOMMEN),
    )
    assert boek["Parkeer"].max_row == geparkeerd + 1
    boek.close()
    voor = dump(database)
    resultaat = importeer(database, pad, TEST_GEBRUIKER, proefdraaien=False)
    assert resultaat.toegepast
    assert [p for p in resultaat.problemen if not p.is_taal] == []
    assert {w.soort for w in resultaat.instrumenten} == {ONGEWIJZIGD}
    assert resultaat.nieuwer == [] and resultaat.stempel is not None
    assert dump(database) == voor


def test_all_gemeenten_with_a_stale_list_round_trips(database: Database, tmp_path: Path) -> None:
    # Catalogues made before the editor cleared the list (the generator until issue 13, the
    # 100,000-instrument benchmark catalogue) hold "all gemeenten" and a list besides. The
    # export writes "Alle gemeenten" alone; reading it back must not clear the list as a change.
    gegevens = InstrumentGegevens(
        naam="Training, Aanbieder Oud",
        status=InstrumentStatus.ACTIEF,
        routes=("work_first",),
        kenmerken=("4.1",),
        alle_gemeenten=True,
        gemeenten=("Tiel", "Buren"),
    )
    vul_catalogus(database, [gegevens])
    pad = tmp_path / "oud.xlsx"
    assert exporteer(database, pad) == (1, 0)
    assert cellen(pad)["Instrumenten"][1][_kolom(pad, "Gemeente")] == "Alle gemeenten"
    voor = dump(database)
    proef = importeer(database, pad, TEST_GEBRUIKER, proefdraaien=True)
    assert [(w.soort, w.velden) for w in proef.instrumenten] == [(ONGEWIJZIGD, ())]
    resultaat = importeer(database, pad, TEST_GEBRUIKER, proefdraaien=False)
    assert resultaat.toegepast and resultaat.fouten == []
    assert {w.soort for w in resultaat.instrumenten} == {ONGEWIJZIGD}
    assert dump(database) == voor


def test_the_generator_gives_all_gemeenten_no_list_besides() -> None:
    gegevens = willekeurige_gegevens(random.Random(5), 400)
    alle = [g for g in gegevens if g.alle_gemeenten]
    assert len(alle) > 50 and all(g.gemeenten == () for g in alle)
    assert all(g.gemeenten for g in gegevens if not g.alle_gemeenten)


def _kolom(pad: Path, kop: str) -> int:
    return cellen(pad)["Instrumenten"][0].index(kop)


def test_a_repeated_value_is_reported_at_every_cell(database: Database, tmp_path: Path) -> None:
    # Values are read once per distinct text (speed); problems still name every cell.
    rijen = [
        ["Training A", "Work firts", "4.1", "doorlopend"],
        ["Training B", "Work firts", "4.1", "doorlopend"],
        ["Training C", "Work first", "4.1", "soms"],
        ["Training D", "Work first", "4.1", "soms"],
    ]
    pad = maak_werkmap(
        tmp_path / "herhaald.xlsx", rijen, ("Naam", "Fenger", "Afgeleide kenmerken", "Start")
    )
    resultaat = importeer(database, pad, TEST_GEBRUIKER, proefdraaien=True)
    assert [(p.rij, p.kolom, p.waarde) for p in resultaat.fouten] == [
        (2, "B (Fenger)", "Work firts"),
        (3, "B (Fenger)", "Work firts"),
        (4, "D (Start)", "soms"),
        (5, "D (Start)", "soms"),
    ]
    assert resultaat.fouten[0].melding == resultaat.fouten[1].melding
