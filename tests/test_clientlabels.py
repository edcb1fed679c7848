"""Short client labels of the kenmerken: B1, at most 6 words, in new and upgraded catalogues."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from alembic import command
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select, text

from keuzehulp.model.basisgegevens import KENMERKEN, KenmerkBasis
from keuzehulp.model.catalogus import Kenmerk
from keuzehulp.model.db import Database
from keuzehulp.model.migratie import alembic_config
from keuzehulp.services.leesbaarheid import adviezen, beoordeel, woorden

MIGRATIE_0003 = (
    Path(__file__).resolve().parent.parent / "migrations" / "versions" / "0003_spreekkamer.py"
)


@pytest.mark.parametrize("kenmerk", KENMERKEN, ids=lambda k: k.code)
def test_every_standard_kenmerk_has_a_short_b1_label(kenmerk: KenmerkBasis) -> None:
    label = kenmerk.label_client
    assert label, f"{kenmerk.code} heeft geen korte naam voor de cliënt"
    assert 1 <= len(woorden(label)) <= 6, label
    assert beoordeel(label).ok, beoordeel(label).uitleg()
    assert adviezen(label) == [], [str(a) for a in adviezen(label)]
    assert label != kenmerk.naam  # plain words, not the specialist name


def test_labels_are_distinct() -> None:
    labels = [k.label_client.casefold() for k in KENMERKEN]
    assert len(labels) == len(set(labels))


def test_a_new_catalogue_has_the_labels(database: Database) -> None:
    with database.lezen() as s:
        labels = {k.code: k.label_client for k in s.scalars(select(Kenmerk))}
    assert labels == {k.code: k.label_client for k in KENMERKEN}


def _migratie() -> ModuleType:
    spec = importlib.util.spec_from_file_location("migratie_0003", MIGRATIE_0003)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_migrations_frozen_copy_matches_the_standard_content() -> None:
    bevroren = _migratie().CLIENTLABELS
    assert bevroren == tuple((k.code, k.naam, k.label_client) for k in KENMERKEN)


def _naar(url: str, revisie: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revisie)
    engine.dispose()


def test_upgrading_a_0002_catalogue_fills_the_labels_of_unchanged_standard_kenmerken(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'oud.sqlite'}"
    _naar(url, "0002")
    engine = create_engine(url)
    with engine.begin() as conn:
        ids: dict[str, int] = {}
        for volgorde, k in enumerate(KENMERKEN):
            ouder = ids.get(k.code.rpartition(".")[0])
            naam = "Zelfkennis" if k.code == "1.7" else k.naam  # renamed by the beheergroep
            conn.execute(
                text(
                    "INSERT INTO kenmerk (code, naam, uitleg, uitleg_client, parent_id, actief, "
                    "volgorde) VALUES (:code, :naam, :uitleg, :client, :ouder, 1, :volgorde)"
                ),
                {
                    "code": k.code,
                    "naam": naam,
                    "uitleg": k.uitleg,
                    "client": k.uitleg_client,
                    "ouder": ouder,
                    "volgorde": volgorde,
                },
            )
            ids[k.code] = conn.execute(text("SELECT last_insert_rowid()")).scalar_one()
        conn.execute(
            text(
                "INSERT INTO kenmerk (code, naam, uitleg, uitleg_client, parent_id, actief, "
                "volgorde) VALUES ('1.8', 'Eigen kenmerk', 'x', 'y', :ouder, 1, 99)"
            ),
            {"ouder": ids["1"]},
        )
    engine.dispose()

    _naar(url, "0003")

    engine = create_engine(url)
    with engine.connect() as conn:
        rijen = {
            code: (label, uitleg)
            for code, label, uitleg in conn.execute(
                text("SELECT code, label_client, uitleg_client FROM kenmerk")
            )
        }
    engine.dispose()
    verwacht = {k.code: k.label_client for k in KENMERKEN}
    for code, (label, _) in rijen.items():
        if code in ("1.7", "1.8"):
            assert label == "", code  # renamed or the beheergroep's own: no guessed label
        else:
            assert label == verwacht[code], code
    assert rijen["3.1.2"][0] == "Beter omgaan met stress"
    assert rijen["1.1"][1] == KENMERKEN[1].uitleg_client  # the rest is untouched


def test_the_data_step_leaves_a_label_the_beheergroep_already_wrote(tmp_path: Path) -> None:
    """Run the step again on a 0003 catalogue: a label that is set is never overwritten."""
    url = f"sqlite:///{tmp_path / 'nieuw.sqlite'}"
    _naar(url, "0002")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO kenmerk (code, naam, uitleg, uitleg_client, actief, volgorde) "
                "VALUES ('5', 'Motivatie', '', '', 1, 0)"
            )
        )
    engine.dispose()
    _naar(url, "0003")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE kenmerk SET label_client = 'Zin om te werken' WHERE code='5'"))
        migratie = _migratie()
        with Operations.context(MigrationContext.configure(conn)):
            migratie._vul_clientlabels()
        label = conn.execute(text("SELECT label_client FROM kenmerk WHERE code='5'")).scalar()
    engine.dispose()
    assert label == "Zin om te werken"
