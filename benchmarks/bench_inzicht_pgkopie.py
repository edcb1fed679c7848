"""Fill a PostgreSQL database from a SQLite benchmark file with COPY, in minutes, not hours.

    .venv/bin/python benchmarks/bench_inzicht_pgkopie.py SQLITE-PAD POSTGRES-URL

`bench_inzicht.py --beide` uses it when its --bewaar file already holds gesprekken: building
200,000 gesprekken through the services on PostgreSQL takes far longer than copying them.
The target gets the current schema (migrations, as the app does), then every table's rows
as they are, triggers off (session_replication_role = replica), so the derived tables
(gesprek_feit, inzicht_totaal) are copied, not recomputed; sequences are set past the
largest ids; VACUUM ANALYZE last, as autovacuum would soon after a bulk load. Both files
must be at the same schema head (the SQLite file is opened and upgraded first).
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import create_engine, inspect  # noqa: E402

from keuzehulp.services.opstart import open_catalogus  # noqa: E402


def kopieer(bron: Path, url: str, melden: bool = True) -> None:
    """Copy every table of the SQLite file `bron` into the (migrated, emptied) PostgreSQL
    database at `url`. Prints a line per table with `melden`."""
    begin = time.perf_counter()
    open_catalogus(f"sqlite:///{bron}", "bench", ()).database.sluit()  # at the schema head
    open_catalogus(url, "bench", ()).database.sluit()
    lezer = sqlite3.connect(f"file:{bron}?mode=ro", uri=True)
    tabellen = [
        r[0]
        for r in lezer.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        )
    ]
    engine = create_engine(url)
    schema = inspect(engine)
    soorten = {t: {k["name"]: str(k["type"]).upper() for k in schema.get_columns(t)}
               for t in schema.get_table_names()}  # fmt: skip
    ruw = engine.raw_connection()
    try:
        with ruw.driver_connection.cursor() as cur:  # type: ignore[union-attr]
            cur.execute("SET session_replication_role = replica")
            cur.execute("SET TimeZone = 'UTC'")
            cur.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tabellen if t in soorten)
                        + " CASCADE")  # fmt: skip
            for t in tabellen:
                if t not in soorten:
                    continue
                kolommen = [r[1] for r in lezer.execute(f'PRAGMA table_info("{t}")')]
                kolommen = [k for k in kolommen if k in soorten[t]]
                waarheid = [soorten[t][k] == "BOOLEAN" for k in kolommen]
                lijst = ", ".join(f'"{k}"' for k in kolommen)
                n = 0
                with cur.copy(f'COPY "{t}" ({lijst}) FROM STDIN') as copy:
                    for rij in lezer.execute(f'SELECT {lijst} FROM "{t}"'):
                        if any(waarheid):
                            rij = tuple(bool(v) if b and v is not None else v
                                        for v, b in zip(rij, waarheid, strict=True))  # fmt: skip
                        copy.write_row(rij)
                        n += 1
                if melden:
                    print(f"{t}: {n} rijen ({time.perf_counter() - begin:.0f} s)", flush=True)
            cur.execute(
                "SELECT c.relname, a.attname, "
                "pg_get_serial_sequence(quote_ident(c.relname), a.attname) "
                "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
                "WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace "
                "AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL"
            )
            for t, k, reeks in cur.fetchall():
                cur.execute(
                    f'SELECT setval(%s, coalesce((SELECT max("{k}") FROM "{t}"), 0) + 1, false)',
                    (reeks,),
                )
        ruw.commit()
    finally:
        ruw.close()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
    engine.dispose()
    if melden:
        print(f"gekopieerd in {time.perf_counter() - begin:.0f} s", flush=True)


if __name__ == "__main__":
    kopieer(Path(sys.argv[1]), sys.argv[2])
