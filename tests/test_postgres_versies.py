"""Versions on a shared PostgreSQL database: a beheerder's login changes settings and
gemeenten through the app (the log rows carry the login, the chain stays whole); a werkcoach
is refused in Dutch, by the app and by the database.

PostgreSQL only; uses the shared database and logins of `test_postgres_rollen`.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from keuzehulp.cli.main import main
from keuzehulp.model import postgres
from keuzehulp.model.entities import Base
from keuzehulp.services import gesprekarchief
from keuzehulp.services.beheer import gemeenten
from keuzehulp.services.opstart import open_catalogus
from tests import test_postgres_rollen as rollen
from tests.test_postgres_rollen import Verbind, als

pytestmark = pytest.mark.alleen_postgresql
# The shared database with a login per role, and engines that log in as one of them.
gedeeld = rollen.gedeeld
verbind = rollen.verbind


def test_a_beheerder_changes_settings_and_gemeenten_and_the_log_names_the_login(
    gedeeld: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bea = als(gedeeld, "kh_bea")
    assert main(["--database", bea, "gesprek", "bewaartermijn", "6"]) == 0
    assert main(["--database", bea, "gemeente", "toevoegen", "Lingewaard", "--reden", "x"]) == 0
    assert main(["--database", bea, "gemeente", "verwijderen", "lingewaard", "--reden", "y"]) == 0
    capsys.readouterr()
    assert main(["--database", bea, "log", "--aantal", "3"]) == 0
    regels = capsys.readouterr().out.splitlines()
    assert "kh_bea" in regels[0] and "gemeente ‘Lingewaard’ verwijderd" in regels[0]
    assert "kh_bea" in regels[2] and "instelling ‘Bewaartermijn klantreferentie’" in regels[2]
    assert main(["--database", bea, "log", "controleer"]) == 0
    # A stale save from another window of the same login names that login.
    opstart = open_catalogus(bea, None, ())
    try:
        with pytest.raises(Exception, match="intussen gewijzigd door uzelf"):
            gesprekarchief.zet_bewaartermijn(opstart.database, 12, opstart.gebruiker, 0)
        assert gesprekarchief.bewaartermijn_met_versie(opstart.database) == (6, 1)
    finally:
        opstart.database.sluit()


@pytest.mark.parametrize(
    "opdracht",
    [
        ["gemeente", "toevoegen", "Lingewaard", "--reden", "x"],
        ["gemeente", "hernoem", "Tiel", "Tiel-Oost", "--reden", "x"],
        ["gemeente", "verwijderen", "Tiel", "--reden", "x"],
    ],
)
def test_a_werkcoach_is_refused_gemeente_changes_in_dutch(
    gedeeld: str,
    opdracht: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--database", als(gedeeld, "kh_anna"), *opdracht]) == 1
    fout = capsys.readouterr().err
    assert "beheerder" in fout
    assert "onverwachte" not in fout


def test_a_werkcoach_cannot_change_a_gemeente_or_setting_in_sql(
    gedeeld: str, verbind: Verbind
) -> None:
    anna = verbind("kh_anna")
    for sql in (
        "UPDATE gemeente SET naam = 'Nep', versie = versie + 1",
        "DELETE FROM gemeente",
        "INSERT INTO instelling (sleutel, waarde) VALUES ('bewaartermijn_maanden', '1')",
        "UPDATE instelling SET waarde = '1'",
    ):
        rollen._geweigerd(anna, sql)
    with anna.connect() as conn:  # reading is theirs
        assert conn.execute(text("SELECT count(*) FROM gemeente")).scalar_one() == 8
    opstart = open_catalogus(als(gedeeld, "kh_anna"), None, ())
    try:
        assert "Tiel" in [g.naam for g in gemeenten.lijst_gemeenten(opstart.database)]
    finally:
        opstart.database.sluit()


def test_every_table_refuses_every_write_a_role_is_not_given(verbind: Verbind) -> None:
    """Derived from the schema, so a table added later is covered without editing this test:
    a werkcoach writes only gesprek tables and their own profile, management nothing, a
    beheerder also the catalogue (and appends to the log)."""
    eigen = {*postgres.GESPREK_TABELLEN, "coach_profiel"}
    mag = {
        "kh_anna": eigen,
        "kh_ina": set(),
        "kh_bea": eigen | set(postgres.CATALOGUS_TABELLEN),
    }
    for login, toegestaan in mag.items():
        engine = verbind(login)
        for tabel in sorted(set(Base.metadata.tables) - toegestaan):
            paden = rollen._schrijfpaden(tabel)
            if login == "kh_bea" and tabel == "mutatie":
                paden = paden[1:]  # a beheerder appends to the log (the trigger fills it in)
            for sql in paden:
                rollen._geweigerd(engine, sql)
