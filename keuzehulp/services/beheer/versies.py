"""Catalogue versions: publish a dated snapshot, list them, export one as a bronbestand.

A version holds a JSON snapshot of every published (active) and parked instrument as
`InstrumentGegevens` values with their ids, and the whole kenmerken tree; concepts are not
part of a version. Werkcoaches see the date of the newest version (`huidige_versie`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, cast, func, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, defer

from keuzehulp.model.beheer import CatalogusVersie, Mutatie
from keuzehulp.model.catalogus import Instrument, InstrumentStatus, Kenmerk
from keuzehulp.model.db import GROOTSTE_GETAL, Database
from keuzehulp.model.errors import InvoerFout, NietGevondenFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.tekst import datum
from keuzehulp.model.vergrendeling import PUBLICEERT, begin_direct, vergrendel
from keuzehulp.services import privacy
from keuzehulp.services.beheer._gemeen import BRON_EDITOR, MAX_REDEN, begin
from keuzehulp.services.bronbestand.basis import Basis, KenmerkRegel, lees_basis
from keuzehulp.services.instrumentgegevens import (
    SCALAIRE_VELDEN,
    InstrumentGegevens,
    lees_koppelingen,
)

if TYPE_CHECKING:
    from keuzehulp.services.bronbestand.schrijver import Voortgang

SNAPSHOT_FORMAAT = 1


@dataclass(frozen=True, slots=True)
class VersieInfo:
    """A published version as lists show it."""

    id: int
    versiedatum: dt.date
    gepubliceerd_op: dt.datetime
    gepubliceerd_door: str
    omschrijving: str | None
    aantal_instrumenten: int
    wijzigingen_sindsdien: int

    @property
    def label(self) -> str:
        return f"versie {datum(self.versiedatum)}"


@dataclass(frozen=True, slots=True)
class KenmerkRij:
    """A kenmerk of a version's tree, as the bronbestand's Kenmerken sheet has it."""

    code: str
    naam: str
    uitleg: str
    uitleg_client: str
    actief: bool
    label_client: str = ""  # absent from versions published before the client labels


@dataclass(frozen=True, slots=True)
class VersieInhoud:
    """A version's content as plain records: (id, values) per instrument, and the tree."""

    info: VersieInfo
    instrumenten: tuple[tuple[int, InstrumentGegevens], ...]
    kenmerken: tuple[KenmerkRij, ...]


def _json(waarde: object) -> str:
    return json.dumps(waarde, ensure_ascii=False, sort_keys=True)


def _snapshot(s: Session) -> tuple[str, int]:
    """The JSON snapshot of the published and parked instruments and the kenmerken tree, and
    the number of instruments in it; the text is what `json.dumps(..., sort_keys=True)` of
    the whole would write.

    Plain rows in five queries (no ORM objects: at 10,000 instruments building them cost
    most of a publish); each instrument's values still pass InstrumentGegevens, as the
    editor's would, so the snapshot holds exactly what `gegevens_van` gives. Written one
    instrument at a time: one dumps of 100,000 instruments is a single C call that holds the
    GIL for seconds, so the window (on the GUI thread) would stand still.
    """
    koppelingen = lees_koppelingen(s)
    kolommen = [getattr(Instrument, veld) for veld in SCALAIRE_VELDEN]
    vraag = (
        select(Instrument.id, *kolommen)
        .where(Instrument.status != InstrumentStatus.CONCEPT)
        .order_by(Instrument.naam_sleutel)
    )
    delen: list[str] = []
    for rij in s.execute(vraag):
        waarden: dict[str, Any] = dict(zip(SCALAIRE_VELDEN, rij[1:], strict=True))
        for veld, per_instrument in koppelingen.items():
            waarden[veld] = tuple(per_instrument.get(rij.id, ()))
        gegevens = InstrumentGegevens.model_validate(waarden)
        delen.append(_json({"gegevens": gegevens.model_dump(mode="json"), "id": rij.id}))
    kenmerken = sorted(
        s.scalars(select(Kenmerk)),
        key=lambda k: tuple(int(d) if d.isdecimal() else 0 for d in k.code.split(".")),
    )
    inhoud = {
        "formaat": SNAPSHOT_FORMAAT,
        "instrumenten": [],
        "kenmerken": [
            {
                "code": k.code,
                "naam": k.naam,
                "uitleg": k.uitleg,
                "uitleg_client": k.uitleg_client,
                "label_client": k.label_client,
                "actief": k.actief,
            }
            for k in kenmerken
        ],
    }
    # The first such text is the key ("formaat" before it is a number); any other would be
    # inside a string, where JSON escapes the quotes.
    leeg = '"instrumenten": []'
    kop, staart = _json(inhoud).split(leeg, 1)
    if not delen:
        return kop + leeg + staart, 0
    # One copy of the whole text (a join, a format and a replace made three): each is a C
    # call that keeps the interpreter, at 100,000 instruments long enough to stall the window.
    aantal = len(delen)
    delen[0] = kop + '"instrumenten": [' + delen[0]
    delen[-1] = delen[-1] + "]" + staart
    return ", ".join(delen), aantal


_WIT = re.compile(r"[ \t\n\r]*")


def lees_snapshot(snapshot: str) -> dict[str, Any]:
    """`json.loads(snapshot)`, with the instruments parsed one at a time.

    One `json.loads` of 100,000 instruments holds the GIL for seconds (the window stands
    still while a version is exported in a worker); one instrument at a time, other threads
    run in between. Raises ValueError (json.JSONDecodeError) for text that is not JSON.
    """
    kop = '"instrumenten": ['
    begin = snapshot.find(kop)  # the first is the key: "formaat" before it is a number
    if begin < 0:
        return dict(json.loads(snapshot))
    lezer = json.JSONDecoder()
    plek = _WIT.match(snapshot, begin + len(kop)).end()  # type: ignore[union-attr]
    instrumenten = []
    while snapshot[plek] != "]":
        instrument, plek = lezer.raw_decode(snapshot, plek)
        instrumenten.append(instrument)
        plek = _WIT.match(snapshot, plek).end()  # type: ignore[union-attr]
        if snapshot[plek] == ",":
            plek = _WIT.match(snapshot, plek + 1).end()  # type: ignore[union-attr]
        elif snapshot[plek] != "]":
            raise json.JSONDecodeError("',' of ']' verwacht", snapshot, plek)
    inhoud = dict(json.loads(snapshot[:begin] + '"instrumenten": []' + snapshot[plek + 1 :]))
    inhoud["instrumenten"] = instrumenten
    return inhoud


def _info(s: Session, v: CatalogusVersie, aantal: int | None = None) -> VersieInfo:
    """A version as lists show it. `aantal`: its number of instruments when known; else it
    is counted in the database (the snapshot of 10,000 instruments is megabytes of JSON)."""
    if aantal is None:
        aantal = _aantal_instrumenten(s, v.id)
    sindsdien = s.scalar(
        select(func.count())
        .select_from(Mutatie)
        .where(Mutatie.id > (v.tot_mutatie_id or 0), Mutatie.entiteit != "catalogusversie")
    )
    return VersieInfo(
        v.id,
        v.versiedatum,
        v.gepubliceerd_op,
        v.gepubliceerd_door,
        v.omschrijving,
        aantal,
        int(sindsdien or 0),
    )


def _aantal_instrumenten(s: Session, versie_id: int) -> int:
    """The length of a snapshot's instrument list, computed by the database (SQLite's and
    PostgreSQL's JSON functions), so the snapshot itself is not sent or parsed."""
    snapshot = CatalogusVersie.snapshot
    if s.get_bind().dialect.name == "postgresql":
        lijst: Any = func.json_extract_path(cast(snapshot, JSON), "instrumenten")
    else:
        lijst = func.json_extract(snapshot, "$.instrumenten")
    aantal = s.scalar(select(func.json_array_length(lijst)).where(CatalogusVersie.id == versie_id))
    return int(aantal or 0)


def publiceer_versie(
    db: Database, gebruiker: str, omschrijving: str | None = None, datum: dt.date | None = None
) -> VersieInfo:
    """Freeze the current catalogue as a version labelled by today's date (logged).

    Holds the catalogue lock (`keuzehulp.model.vergrendeling`): while an import or another
    publication runs, raises VergrendeldFout after a few seconds' wait. GeenRechtFout for a
    non-beheerder, InvoerFout for a description that is too long or holds personal data.
    """
    privacy.controleer(omschrijving, "Omschrijving", datums=False)
    if omschrijving is not None and len(omschrijving.strip()) > MAX_REDEN:
        raise InvoerFout(f"Omschrijving: houd het kort (hoogstens {MAX_REDEN} tekens).")
    ctx = MutatieContext(gebruiker, BRON_EDITOR, (omschrijving or "").strip() or None)
    with db.lezen() as s:
        begin(s, gebruiker, met_reden=False)  # the role first: a coach takes no lock
    with vergrendel(db, gebruiker, PUBLICEERT), db.wijzigen(ctx) as s:
        begin_direct(s)
        begin(s, gebruiker, met_reden=False)
        snapshot, aantal = _snapshot(s)
        laatste = s.scalar(select(func.max(Mutatie.id))) or 0
        versie = CatalogusVersie(
            versiedatum=datum or dt.date.today(),
            gepubliceerd_door=gebruiker,
            omschrijving=(omschrijving or "").strip() or None,
            snapshot=snapshot,
            tot_mutatie_id=laatste or None,
        )
        s.add(versie)
        s.flush()
        return _info(s, versie, aantal)


def publiceer_versie_in_proces(
    voortgang: Voortgang, url: URL | Database, gebruiker: str, omschrijving: str | None
) -> VersieInfo:
    """`publiceer_versie` for a child process (keuzehulp.services.proces), so that the window
    never waits for it: at 100,000 instruments building and writing the snapshot (about
    100 MB of JSON) holds the interpreter in single C calls of 80-300 ms (the fetch, the
    join, binding the text), a 541 ms stall on the GUI thread when run on a thread
    (bench_venster.py, 2026-11-30). Opens `url` itself (or works on the Database given, in
    this process: `proces.werk`). Raises what `publiceer_versie` raises."""
    from keuzehulp.services.proces import open_database

    with open_database(url) as db:
        return publiceer_versie(db, gebruiker, omschrijving)


def lijst_versies(db: Database) -> list[VersieInfo]:
    """Every published version, newest first."""
    with db.lezen() as s:
        return [
            _info(s, v)
            for v in s.scalars(
                select(CatalogusVersie)
                .options(defer(CatalogusVersie.snapshot))
                .order_by(CatalogusVersie.id.desc())
            )
        ]


def huidige_versie(db: Database) -> VersieInfo | None:
    """The newest published version (what werkcoaches are told they search), if any."""
    with db.lezen() as s:
        laatste = s.scalar(
            select(CatalogusVersie)
            .options(defer(CatalogusVersie.snapshot))
            .order_by(CatalogusVersie.id.desc())
            .limit(1)
        )
        return _info(s, laatste) if laatste is not None else None


def versie_tekst(db: Database) -> str:
    """One line for the status bar: the version date and whether it changed since."""
    versie = huidige_versie(db)
    if versie is None:
        return "Catalogus: nog geen versie gepubliceerd"
    tekst = f"Catalogus: {versie.label}"
    if versie.wijzigingen_sindsdien:
        tekst += " (daarna gewijzigd)"
    return tekst


def lees_versie(db: Database, versie_id: int) -> VersieInhoud:
    """A version's frozen content, as plain records (for export)."""
    with db.lezen() as s:
        v = s.get(CatalogusVersie, versie_id) if abs(versie_id) <= GROOTSTE_GETAL else None
        if v is None:
            raise NietGevondenFout(f"Er is geen versie met nummer {versie_id}.")
        inhoud = lees_snapshot(v.snapshot)
        info = _info(s, v, len(inhoud.get("instrumenten", [])))
    if inhoud.get("formaat") != SNAPSHOT_FORMAAT:
        raise InvoerFout(
            f"Versie {versie_id} heeft een onbekend formaat en kan niet worden gelezen."
        )
    return VersieInhoud(
        info,
        tuple(
            (int(i["id"]), InstrumentGegevens.model_validate(i["gegevens"]))
            for i in inhoud["instrumenten"]
        ),
        tuple(KenmerkRij(**k) for k in inhoud["kenmerken"]),
    )


def exporteer_versie(
    db: Database, versie_id: int, pad: Path, voortgang: Voortgang | None = None
) -> tuple[int, int]:
    """Write a published version as a bronbestand (the shared writer); (active, parked)."""
    inhoud = lees_versie(db, versie_id)
    # The stamp: changes logged after the version count as newer when this file is imported.
    from keuzehulp.services.bronbestand.stempel import stempel_van_versie

    with db.lezen() as s:
        huidig = lees_basis(s)
        v = s.get(CatalogusVersie, versie_id)
        assert v is not None  # lees_versie found it
        stempel = stempel_van_versie(s, v.tot_mutatie_id, v.gepubliceerd_op, inhoud.info.label)
    basis = Basis(
        huidig.routes,
        tuple(
            KenmerkRegel(k.code, k.naam, k.uitleg, k.uitleg_client, k.label_client)
            for k in inhoud.kenmerken
            if k.actief
        ),
        huidig.gemeenten,
    )
    # The writer (and openpyxl) load on first export, not when the Beheer tab is built.
    from keuzehulp.services.bronbestand.exporteren import schrijf_atomair
    from keuzehulp.services.bronbestand.schrijver import ExportInstrument

    return schrijf_atomair(
        pad, [ExportInstrument(i, g) for i, g in inhoud.instrumenten], basis, voortgang, stempel
    )


def exporteer_versie_in_proces(
    voortgang: Voortgang, url: URL | Database, versie_id: int, pad: Path
) -> tuple[int, int]:
    """`exporteer_versie` for a child process (keuzehulp.services.proces): opens `url` itself
    (or works on the Database given, in this process: `proces.werk`)."""
    from keuzehulp.services.proces import open_database

    with open_database(url) as db:
        return exporteer_versie(db, versie_id, pad, voortgang)
