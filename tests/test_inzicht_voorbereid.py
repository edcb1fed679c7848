"""The Inzicht screen's figures computed in a worker process (services/inzicht/voorbereid.py,
issue 13): the same figures as computed here, tables prepared, months in Dutch."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from keuzehulp.model.db import Database
from keuzehulp.services import proces
from keuzehulp.services.diensten import InzichtDienst
from keuzehulp.services.inzicht.filter import InzichtFilter
from keuzehulp.services.inzicht.overzicht import Inzicht, bereken_inzicht
from keuzehulp.services.inzicht.voorbereid import Voorbereid, maand_nl
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.services.voorbeeldgesprekken import voeg_voorbeeldgesprekken_toe
from tests.conftest import TEST_GEBRUIKER


def _cellen(i: Inzicht) -> tuple[object, ...]:
    return (
        [(n, c.tekst) for n, c in i.kerncijfers],
        {k: [tuple(c.tekst for c in r) for r in t.rijen] for k, t in i.tabellen.items()},
    )


def _open(url: str) -> Database:
    db = open_catalogus(url, TEST_GEBRUIKER, ()).database
    voeg_voorbeeldgesprekken_toe(db, 150, TEST_GEBRUIKER)
    return db


def test_het_scherm_rekent_in_een_eigen_proces_met_dezelfde_cijfers(catalogus_url: str) -> None:
    db = _open(catalogus_url)
    try:
        filter_ = InzichtFilter(gemeente="Tiel")
        werk = InzichtDienst(db, TEST_GEBRUIKER).scherm_werk(filter_)
        assert werk.apart  # a file or a server: a process of its own
        klaar = werk(lambda _p, _t: None)
        hier = bereken_inzicht(db, filter_)
    finally:
        db.sluit()
        proces.sluit_werkers()
    assert isinstance(klaar, Voorbereid)
    assert _cellen(klaar.inzicht) == _cellen(hier)
    assert klaar.stand is not None and klaar.stand.voorbeeld == 150
    assert set(klaar.inhoud) == set(hier.tabellen)
    # The month tables are prepared with Dutch month names, the figures unchanged.
    per_maand = klaar.inhoud["gebruik_periode"]
    ruw = hier.tabellen["gebruik_periode"].rijen
    assert per_maand.rijen and len(per_maand.rijen) == len(ruw)
    for nl, r in zip(per_maand.rijen, ruw, strict=True):
        assert nl[0].tekst == maand_nl(r[0].tekst)
        assert [c.tekst for c in nl[1:]] == [c.tekst for c in r[1:]]


def test_in_het_geheugen_rekent_de_taak_zelf(tmp_path: Path, voorbeeld_sjabloon: Path) -> None:
    pad = tmp_path / "v.sqlite"
    shutil.copyfile(voorbeeld_sjabloon, pad)
    _open(f"sqlite:///{pad}").sluit()
    geheugen = sqlite3.connect(":memory:", check_same_thread=False)
    with sqlite3.connect(pad) as bron:
        bron.backup(geheugen)
    engine = create_engine("sqlite://", creator=lambda: geheugen, poolclass=StaticPool)
    db = Database.van_engine(make_url("sqlite://"), engine)
    try:
        werk = InzichtDienst(db, TEST_GEBRUIKER).scherm_werk(InzichtFilter())
        assert not werk.apart  # an in-memory database lives only in this process
        klaar = werk(lambda _p, _t: None)
        assert _cellen(klaar.inzicht) == _cellen(bereken_inzicht(db, InzichtFilter()))
        assert dict(klaar.inzicht.kerncijfers)["Gesprekken"].tekst == "150"
    finally:
        engine.dispose()
