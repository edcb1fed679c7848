"""The mutation log: every flush that changes the catalogue writes Mutatie rows, automatically.

Services open a session with a `MutatieContext` (who, source, reason) in `session.info`; the
listeners here turn the attribute history of every changed catalogue entity into log rows in
the same transaction, so no code path can change the catalogue without a trace. The log itself
is append-only: updating or deleting a Mutatie raises.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, event, insert, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.orm.attributes import History
from sqlalchemy.orm.properties import ColumnProperty
from sqlalchemy.orm.relationships import RelationshipProperty

from keuzehulp.model.base import nu
from keuzehulp.model.beheer import Beheerder, CatalogusVersie, Mutatie
from keuzehulp.model.catalogus import FengerRoute, Gemeente, Instrument, Kenmerk
from keuzehulp.model.logketen import BEGIN_HASH, bereken_hash
from keuzehulp.model.tekst import bedrag, cijfer

CONTEXT_KEY = "keuzehulp.mutatie_context"
# What the log recorded in the current transaction: (entity label, entity id) pairs.
GELOGD_KEY = "keuzehulp.gelogd"

GELOGDE_ENTITEITEN: tuple[type[Any], ...] = (
    Instrument,
    Kenmerk,
    FengerRoute,
    Gemeente,
    Beheerder,
    CatalogusVersie,
)

# Bookkeeping columns whose changes say nothing to a beheerder.
NIET_GELOGD: frozenset[str] = frozenset(
    {
        "id",
        "naam_sleutel",
        "versie",
        "gewijzigd_op",
        "aangemaakt_op",
        "parent_id",
        "volgorde",
        "snapshot",
    }
)


@dataclass(frozen=True, slots=True)
class MutatieContext:
    """Who changes the catalogue, from where (editor, import file, ...) and why."""

    gebruiker: str
    bron: str
    reden: str | None = None


# How each source (MutatieContext.bron) is shown to a user: the Bron column of the mutation
# log and of an instrument's history, the log's export, the command line, the message about
# newer changes in a bronbestand. The codes are set in services/beheer/_gemeen.py (editor),
# services/opstart.py (basisgegevens), the gesprek, terugblik, coachprofiel, waardering,
# gesprekarchief, opmerkingen and voorbeeldgesprekken services, services/beheer/
# versiecontrole.py (instelling) and ui/catalogusvolger.py (elders: never stored).
BRON_TEKSTEN: dict[str, str] = {
    "editor": "bewerking in Beheer",
    "basisgegevens": "basisgegevens bij de start",
    "gesprek": "gesprek",
    "terugblik": "terugblik",
    "coachprofiel": "coachprofiel",
    "instelling": "instelling",
    "opmerkingen": "opmerkingen in Beheer",
    "voorbeeldgesprekken": "voorbeeldgesprekken",
    "elders": "op een andere computer",
}
# Sources that name a file after the code: "import: bron.xlsx" (services/bronbestand/
# importeren.py, voorbeeld.py), "leveranciersformulier: aanmelding.xlsx"; {} is the file.
BRON_VOORVOEGSELS: dict[str, str] = {
    "import": "import van {}",
    "leveranciersformulier": "leveranciersformulier {}",
}


def bron_tekst(bron: str) -> str:
    """The Dutch label of a source code (`MutatieContext.bron`) for anything a user sees.

    "editor" -> "bewerking in Beheer"; "import: bron.xlsx" -> "import van bron.xlsx"; a code
    this version does not know (from a newer one) is shown as stored.
    """
    if (tekst := BRON_TEKSTEN.get(bron)) is not None:
        return tekst
    code, scheiding, rest = bron.partition(": ")
    if scheiding and (vorm := BRON_VOORVOEGSELS.get(code)) is not None:
        return vorm.format(rest)
    return bron


# Units of work (MutatieContext.bron) outside the log that still change what the search shows:
# ratings on cards, detail, comparison and PDF come from terugblikken.
BRONNEN_VAN_CIJFERS = frozenset({"terugblik"})
# Logged entities the search never shows: a change to them alone needs no new search index
# (at 100,000 instruments a rebuild keeps a worker busy for seconds). Screens that list them
# follow `Gebeurtenissen.wijzigingen`.
# Publishing a version ("catalogusversie") freezes the catalogue but changes nothing the
# search shows: no index rebuild (a second of work at 100,000 instruments).
BUITEN_DE_ZOEKTOCHT = frozenset({"opmerking", "beheerder", "catalogusversie"})


@dataclass(frozen=True, slots=True)
class Wijzigingen:
    """What one committed unit of work changed, as the mutation log recorded it.

    `entiteiten` holds mutation labels such as "instrument" or "kenmerk"; `ids` holds
    (label, id) pairs (id None for an entity without one). `bron` is the area the unit of
    work came from (`MutatieContext.bron`: "editor", "import", "gesprek", "terugblik", ...),
    also for writes the log does not record (a gesprek, a terugblik, a coach's profile).
    """

    entiteiten: frozenset[str]
    ids: frozenset[tuple[str, int | None]]
    bron: str = ""

    @classmethod
    def uit(cls, paren: Iterable[tuple[str, int | None]], bron: str = "") -> Wijzigingen:
        ids = frozenset(paren)
        return cls(frozenset(label for label, _ in ids), ids, bron)

    @property
    def raakt_catalogus(self) -> bool:
        """Whether what the search shows may have changed: logged entities (other than
        BUITEN_DE_ZOEKTOCHT), or ratings."""
        return bool(self.entiteiten - BUITEN_DE_ZOEKTOCHT) or self.bron in BRONNEN_VAN_CIJFERS


class MutatieLogFout(RuntimeError):
    """A programming error: the catalogue was changed outside the rules of the log."""


def label(obj: object) -> str:
    """How an entity is named in the log and in lists."""
    if isinstance(obj, Instrument):
        return obj.naam
    if isinstance(obj, Kenmerk):
        return f"{obj.code} {obj.naam}"
    if isinstance(obj, FengerRoute):
        return obj.label  # the Dutch label every screen shows, not the English route name
    if isinstance(obj, Gemeente):
        return obj.naam
    if isinstance(obj, Beheerder):
        return obj.gebruiker
    if isinstance(obj, CatalogusVersie):
        return obj.versiedatum.isoformat()
    return str(obj)


def als_tekst(veld: str, waarde: object) -> str | None:
    """Render a field value for the log."""
    if waarde is None:
        return None
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, enum.Enum):
        return str(waarde.value)
    if veld in ("kosten_centen", "kosten_klant_centen") and isinstance(waarde, int):
        return bedrag(waarde)
    if veld == "start_soort" and isinstance(waarde, str):
        return waarde.replace("_", " ")  # "vaste_data" reads as "vaste data"
    if isinstance(waarde, float):
        return cijfer(waarde)
    if isinstance(waarde, dt.datetime | dt.date):
        return waarde.isoformat()
    if isinstance(waarde, list | tuple | set):
        return "; ".join(sorted(label(w) for w in waarde)) or None
    if isinstance(waarde, GELOGDE_ENTITEITEN):
        return label(waarde)
    return str(waarde)


def _context(session: Session) -> MutatieContext | None:
    ctx = session.info.get(CONTEXT_KEY)
    return ctx if isinstance(ctx, MutatieContext) else None


def _gelogd(objs: Iterable[object]) -> list[object]:
    return [o for o in objs if isinstance(o, GELOGDE_ENTITEITEN)]


def _rij(ctx: MutatieContext, actie: str, obj: object, **extra: Any) -> dict[str, Any]:
    return {
        "tijdstip": nu(),
        "gebruiker": ctx.gebruiker,
        "actie": actie,
        "entiteit": type(obj).mutatie_label,  # type: ignore[attr-defined]
        "entiteit_id": getattr(obj, "id", None),
        "entiteit_naam": label(obj),
        "reden": ctx.reden,
        "bron": ctx.bron,
        "veld": None,
        "oude_waarde": None,
        "nieuwe_waarde": None,
    } | extra


def _wijzigingen(obj: object) -> list[tuple[str, str | None, str | None]]:
    """(field, old, new) for every logged attribute whose value really changed."""
    staat = inspect(obj)
    uit: list[tuple[str, str | None, str | None]] = []
    for attr in staat.mapper.attrs:
        if attr.key in NIET_GELOGD:
            continue
        hist: History = staat.attrs[attr.key].history
        if not hist.has_changes():
            continue
        if isinstance(attr, ColumnProperty):
            oud = als_tekst(attr.key, hist.deleted[0] if hist.deleted else None)
            nieuw = als_tekst(attr.key, hist.added[0] if hist.added else None)
        elif isinstance(attr, RelationshipProperty):
            if attr.direction.name == "ONETOMANY":
                continue  # children are logged on their own rows
            if attr.uselist:
                huidig = list(getattr(obj, attr.key))
                vorig = [w for w in huidig if w not in hist.added] + list(hist.deleted)
                oud, nieuw = als_tekst(attr.key, vorig), als_tekst(attr.key, huidig)
            else:
                oud = als_tekst(attr.key, hist.deleted[0] if hist.deleted else None)
                nieuw = als_tekst(attr.key, hist.added[0] if hist.added else None)
        else:
            continue
        if oud != nieuw:
            uit.append((attr.key, oud, nieuw))
    return uit


def _voor_flush(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, Mutatie):
            raise MutatieLogFout("het mutatielog kan niet worden gewijzigd of verwijderd")
    gewijzigd = [o for o in _gelogd(session.dirty) if session.is_modified(o)]
    if not (_gelogd(session.new) or gewijzigd or _gelogd(session.deleted)):
        return
    if _context(session) is None:
        raise MutatieLogFout("wijziging van de catalogus zonder MutatieContext")
    for obj in gewijzigd:
        # Collection-only edits do not touch the row; stamping it bumps the version counter,
        # so concurrent edits of links are detected too.
        if isinstance(obj, Instrument) and _wijzigingen(obj):
            obj.gewijzigd_op = nu()
    session.info["keuzehulp.te_loggen"] = gewijzigd


def _na_flush(session: Session, _flush: UOWTransaction) -> None:
    ctx = _context(session)
    gewijzigd: list[object] = session.info.pop("keuzehulp.te_loggen", [])
    if ctx is None:
        return
    rijen: list[dict[str, Any]] = []
    for obj in _gelogd(session.new):
        rijen.append(_rij(ctx, "toegevoegd", obj))
    for obj in gewijzigd:
        for veld, oud, nieuw in _wijzigingen(obj):
            rijen.append(
                _rij(ctx, "gewijzigd", obj, veld=veld, oude_waarde=oud, nieuwe_waarde=nieuw)
            )
    for obj in _gelogd(session.deleted):
        rijen.append(_rij(ctx, "verwijderd", obj))
    schrijf_logrijen(session, rijen)


def schrijf_logrijen(session: Session, rijen: list[dict[str, Any]]) -> None:
    """Append mutation-log rows (dicts of Mutatie columns) in the session's transaction.

    The one way the ORM side writes log rows: the flush listener above, and bulk paths that
    bypass the unit of work for speed (the import's new instruments). Chains them
    (`schrijf_logregels`) and records what was logged under GELOGD_KEY, from which the
    database raises its "catalogue changed" event after commit.
    """
    if not rijen:
        return
    schrijf_logregels(session.connection(), rijen)
    session.info.setdefault(GELOGD_KEY, []).extend((r["entiteit"], r["entiteit_id"]) for r in rijen)


def schrijf_logregels(conn: Connection, rijen: list[dict[str, Any]]) -> None:
    """Append rows to the log, chained (`keuzehulp.model.logketen`).

    On PostgreSQL a trigger assigns id, who, when and the hashes under a lock; elsewhere (SQLite,
    whose writers are serialised by the database lock this transaction already holds) the ids
    and hashes are computed here.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(insert(Mutatie), rijen)
        return
    laatste = conn.execute(select(Mutatie.id, Mutatie.hash).order_by(Mutatie.id.desc()).limit(1))
    vorige_id, vorige_hash = laatste.first() or (0, BEGIN_HASH)
    for rij in rijen:
        vorige_id += 1
        rij["id"] = vorige_id
        rij["vorige_hash"] = vorige_hash
        rij["hash"] = vorige_hash = bereken_hash(rij, vorige_hash)
    conn.execute(insert(Mutatie), rijen)


def _bij_uitvoeren(state: ORMExecuteState) -> None:
    if (state.is_update or state.is_delete) and state.bind_mapper is inspect(Mutatie):
        raise MutatieLogFout("het mutatielog kan niet worden gewijzigd of verwijderd")


class LogSessie(Session):
    """The Session class of the app: every flush goes through the mutation log listeners."""


# Listeners sit on the class, once, at import: per-sessionmaker registration is unreliable
# (SQLAlchemy keys its registry by id(), and a collected sessionmaker's id gets reused).
event.listen(LogSessie, "before_flush", _voor_flush)
event.listen(LogSessie, "after_flush", _na_flush)
event.listen(LogSessie, "do_orm_execute", _bij_uitvoeren)
