"""Edit the kenmerken tree: add, rename, explain, move and retire, with a preview first.

Codes are hierarchical ("3", "3.1", "3.1.2") and always follow the tree: a moved kenmerk gets
the next free number under its new parent, and its children are renumbered under the new
code. Instruments link to kenmerken by id, so their links stay intact; the log records the
old and the new code. A retired kenmerk is taken off every instrument (logged per
instrument) and stays in the catalogue as "niet meer in gebruik".

Every change takes the `versie` the editor loaded (`KenmerkRegel.versie`); when someone saved
the kenmerk since, the change is refused with ConflictFout naming who and when
(`versiecontrole`). `versie=None` (the command line, which loads and saves in one go) skips it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from sqlalchemy import Select, distinct, func, select, union_all
from sqlalchemy.orm import Session, aliased

from keuzehulp.model.catalogus import Instrument, InstrumentStatus, Kenmerk, instrument_kenmerk
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout, NietGevondenFout
from keuzehulp.model.tekst import vouw
from keuzehulp.services.beheer import versiecontrole
from keuzehulp.services.beheer._gemeen import begin, editor_context

MAX_DIEPTE = 3
MAX_LABEL_TEKENS = 80  # Kenmerk.label_client is a String(80)
MAX_LABEL_WOORDEN = 6  # more is allowed, but the editor warns: it must fit on a button


@dataclass(frozen=True, slots=True)
class KenmerkRegel:
    """A kenmerk as the tree editor shows it."""

    id: int
    code: str
    naam: str
    uitleg: str
    uitleg_client: str
    parent_code: str | None
    actief: bool
    aantal_instrumenten: int
    label_client: str = ""  # short client label, at most ~6 words
    versie: int = 1  # pass back to a save, which is refused once someone else saved since

    @property
    def diepte(self) -> int:
        return self.code.count(".") + 1

    @property
    def klantlabel(self) -> str:
        """What the client reads: the short label, or the name while there is none."""
        return self.label_client or self.naam


@dataclass(frozen=True, slots=True)
class GeraaktInstrument:
    """An instrument that carries a kenmerk about to be retired."""

    id: int
    naam: str
    andere_kenmerken: tuple[str, ...]

    @property
    def houdt_geen_kenmerk(self) -> bool:
        return not self.andere_kenmerken


@dataclass(frozen=True, slots=True)
class PensioenVoorbeeld:
    """What retiring a kenmerk (and its children) does: which instruments lose it."""

    code: str
    naam: str
    ook_gestopt: tuple[str, ...]
    instrumenten: tuple[GeraaktInstrument, ...]

    def samenvatting(self) -> str:
        if not self.instrumenten:
            return f"Geen instrument heeft ‘{self.code} {self.naam}’. Er verandert verder niets."
        zonder = [i.naam for i in self.instrumenten if i.houdt_geen_kenmerk]
        tekst = f"{len(self.instrumenten)} instrument(en) verliezen ‘{self.code} {self.naam}’."
        if zonder:
            tekst += (
                f" {len(zonder)} daarvan houden geen enkel kenmerk over en zijn dan niet meer "
                "te vinden via kenmerken: " + ", ".join(zonder) + "."
            )
        return tekst


def _tellingen(s: Session, diepte: int) -> dict[int, int]:
    """Per kenmerk id: the distinct active instruments linked to it or to any kenmerk below it.

    One SQL query: the (kenmerk, ancestor-or-self) pairs of the small kenmerk table (the tree
    is `diepte` levels deep) joined once with the links, counted per ancestor, as search and
    Inzicht count a group; a kenmerk without such instruments is absent (0).
    """
    paren: list[Select[int, int | None]] = [
        select(Kenmerk.id.label("kid"), Kenmerk.id.label("anc"))
    ]
    for n in range(1, diepte):  # the n-th ancestor, through a chain of n aliases
        keten = [aliased(Kenmerk) for _ in range(n)]
        deel = select(keten[0].id, keten[-1].parent_id)
        for lager, hoger in itertools.pairwise(keten):
            deel = deel.join(hoger, hoger.id == lager.parent_id)
        paren.append(deel.where(keten[-1].parent_id.is_not(None)))
    voorouder = union_all(*paren).subquery()
    koppel = instrument_kenmerk.c
    vraag = (
        select(voorouder.c.anc, func.count(distinct(koppel.instrument_id)))
        .select_from(instrument_kenmerk)
        .join(voorouder, voorouder.c.kid == koppel.kenmerk_id)
        .join(Instrument, Instrument.id == koppel.instrument_id)
        .where(Instrument.status == InstrumentStatus.ACTIEF)
        .group_by(voorouder.c.anc)
    )
    return {int(kid): int(aantal) for kid, aantal in s.execute(vraag)}


def kenmerken_boom(db: Database) -> list[KenmerkRegel]:
    """Every kenmerk (also retired ones) in tree order.

    `aantal_instrumenten`: the distinct active instruments linked to the kenmerk or to any of
    its sub-kenmerken (so a group counts what its sub-kenmerken carry), see `_tellingen`.
    """
    with db.lezen() as s:
        # Plain columns, no ORM objects: this runs after every change, in a worker that
        # shares the interpreter with the window (1,000 kenmerken as objects took ~5x longer).
        ouder = aliased(Kenmerk)
        vraag = select(
            Kenmerk.id,
            Kenmerk.code,
            Kenmerk.naam,
            Kenmerk.uitleg,
            Kenmerk.uitleg_client,
            ouder.code,
            Kenmerk.actief,
            Kenmerk.label_client,
            Kenmerk.versie,
        ).outerjoin(ouder, ouder.id == Kenmerk.parent_id)
        rijen = s.execute(vraag).all()
        diepte = max((rij[1].count(".") + 1 for rij in rijen), default=1)
        tellingen = _tellingen(s, diepte)
        regels = [
            KenmerkRegel(
                kid,
                code,
                naam,
                uitleg or "",
                uitleg_client or "",
                ouder_code,
                bool(actief),
                int(tellingen.get(kid, 0)),
                label or "",
                versie,
            )
            for kid, code, naam, uitleg, uitleg_client, ouder_code, actief, label, versie in rijen
        ]
    return sorted(regels, key=lambda r: _code_sleutel(r.code))


def _code_sleutel(code: str) -> tuple[int, ...]:
    return tuple(int(d) if d.isdecimal() else 0 for d in code.split("."))


def _kenmerk(s: Session, code: str) -> Kenmerk:
    kenmerk = s.scalar(select(Kenmerk).where(Kenmerk.code == code.strip()))
    if kenmerk is None:
        raise NietGevondenFout(f"Er is geen kenmerk met code ‘{code}’.")
    return kenmerk


def _bewerk(s: Session, code: str, versie: int | None, gebruiker: str) -> Kenmerk:
    """The kenmerk to change, refused when it is no longer at the `versie` the editor loaded."""
    kenmerk = _kenmerk(s, code)
    versiecontrole.controleer_versie(
        s, kenmerk, versie, f"‘{kenmerk.code} {kenmerk.naam}’", "kenmerk", gebruiker
    )
    return kenmerk


def _sla_op(s: Session, kenmerk: Kenmerk, gebruiker: str) -> None:
    wat, kid = f"‘{kenmerk.code} {kenmerk.naam}’", kenmerk.id
    versiecontrole.flush(s, wat, "kenmerk", kid, gebruiker)


def _vereis_naam(naam: str) -> str:
    naam = naam.strip()
    if not naam:
        raise InvoerFout("Naam: een kenmerk heeft een naam nodig.")
    if len(naam) > 200:
        raise InvoerFout("Naam: houd de naam korter dan 200 tekens.")
    return naam


def _vereis_label(label: str) -> str:
    label = " ".join(label.split())
    if len(label) > MAX_LABEL_TEKENS:
        raise InvoerFout(
            f"Korte naam voor cliënt: houd het bij hoogstens {MAX_LABEL_WOORDEN} woorden "
            f"({MAX_LABEL_TEKENS} tekens), zoals ‘Beter omgaan met stress’."
        )
    return label


def _naam_vrij(s: Session, naam: str, ouder: Kenmerk | None, eigen: Kenmerk | None) -> None:
    onder = Kenmerk.parent_id == ouder.id if ouder else Kenmerk.parent_id.is_(None)
    broers = s.scalars(select(Kenmerk).where(onder)).all()
    for b in broers:
        if b is not eigen and vouw(b.naam) == vouw(naam):
            raise InvoerFout(f"Naam: ‘{b.code} {b.naam}’ heeft al die naam op deze plek.")


def _volgende_code(s: Session, ouder: Kenmerk | None) -> str:
    prefix = f"{ouder.code}." if ouder else ""
    codes = s.scalars(select(Kenmerk.code)).all()
    nummers = [
        int(c[len(prefix) :])
        for c in codes
        if c.startswith(prefix) and c[len(prefix) :].isdecimal()
    ]
    return f"{prefix}{max(nummers, default=0) + 1}"


def _diepte_onder(k: Kenmerk) -> int:
    return 1 + max((_diepte_onder(c) for c in k.children), default=0)


def voeg_toe(
    db: Database,
    gebruiker: str,
    naam: str,
    ouder_code: str | None,
    uitleg: str,
    uitleg_client: str,
    reden: str,
    label_client: str = "",
) -> str:
    """Add a kenmerk under a parent (or a new group); returns its new code.

    `label_client` is the short client label (at most 80 characters); InvoerFout otherwise.
    """
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        naam = _vereis_naam(naam)
        label_client = _vereis_label(label_client)
        ouder = _kenmerk(s, ouder_code) if ouder_code else None
        if ouder is not None and ouder.code.count(".") + 1 >= MAX_DIEPTE:
            raise InvoerFout(f"Valt onder: de boom heeft hoogstens {MAX_DIEPTE} niveaus.")
        if ouder is not None and not ouder.actief:
            raise InvoerFout(f"Valt onder: ‘{ouder.code} {ouder.naam}’ is niet meer in gebruik.")
        _naam_vrij(s, naam, ouder, None)
        code = _volgende_code(s, ouder)
        volgorde = (s.scalar(select(func.max(Kenmerk.volgorde))) or 0) + 1
        s.add(
            Kenmerk(
                code=code,
                naam=naam,
                uitleg=uitleg.strip(),
                uitleg_client=uitleg_client.strip(),
                label_client=label_client,
                parent=ouder,
                actief=True,
                volgorde=volgorde,
            )
        )
        return code


def hernoem(
    db: Database, gebruiker: str, code: str, naam: str, reden: str, *, versie: int | None = None
) -> None:
    """Give a kenmerk a new name (its code and links stay). ConflictFout when stale."""
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        naam = _vereis_naam(naam)
        kenmerk = _bewerk(s, code, versie, gebruiker)
        _naam_vrij(s, naam, kenmerk.parent, kenmerk)
        kenmerk.naam = naam
        _sla_op(s, kenmerk, gebruiker)


def leg_uit(
    db: Database,
    gebruiker: str,
    code: str,
    uitleg: str,
    uitleg_client: str,
    reden: str,
    label_client: str | None = None,
    *,
    versie: int | None = None,
) -> None:
    """Set both explanations (professional; client, B1) and, if given, the short client label.

    `label_client=None` leaves the label as it is; "" clears it. InvoerFout when too long,
    ConflictFout when stale.
    """
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        kenmerk = _bewerk(s, code, versie, gebruiker)
        nieuw_label = None if label_client is None else _vereis_label(label_client)
        kenmerk.uitleg = uitleg.strip()
        kenmerk.uitleg_client = uitleg_client.strip()
        if nieuw_label is not None and kenmerk.label_client != nieuw_label:
            kenmerk.label_client = nieuw_label
        _sla_op(s, kenmerk, gebruiker)


def bewaar_kenmerk(
    db: Database,
    gebruiker: str,
    code: str,
    versie: int | None,
    naam: str,
    uitleg: str,
    uitleg_client: str,
    label_client: str,
    reden: str,
) -> int:
    """Save the editor's form (name, both explanations, client label) as one change.

    Only what differs is written (and logged). Returns the kenmerk's new version. Raises
    InvoerFout for a wrong value, ConflictFout (who, when) when someone saved the kenmerk
    since `versie`; then nothing is written.
    """
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        naam = _vereis_naam(naam)
        label_client = _vereis_label(label_client)
        kenmerk = _bewerk(s, code, versie, gebruiker)
        if naam != kenmerk.naam:
            _naam_vrij(s, naam, kenmerk.parent, kenmerk)
            kenmerk.naam = naam
        for veld, waarde in (
            ("uitleg", uitleg.strip()),
            ("uitleg_client", uitleg_client.strip()),
            ("label_client", label_client),
        ):
            if getattr(kenmerk, veld) != waarde:
                setattr(kenmerk, veld, waarde)
        _sla_op(s, kenmerk, gebruiker)
        return kenmerk.versie


def _hernummer(k: Kenmerk, code: str) -> None:
    k.code = code
    for kind in k.children:
        _hernummer(kind, f"{code}.{kind.code.rsplit('.', 1)[-1]}")


def verplaats(
    db: Database,
    gebruiker: str,
    code: str,
    ouder_code: str | None,
    reden: str,
    *,
    versie: int | None = None,
) -> str:
    """Move a kenmerk (with its children) under another parent; returns its new code.

    ConflictFout when stale."""
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        kenmerk = _bewerk(s, code, versie, gebruiker)
        ouder = _kenmerk(s, ouder_code) if ouder_code else None
        if ouder is kenmerk.parent:
            return kenmerk.code
        if ouder is not None and (ouder is kenmerk or ouder.code.startswith(kenmerk.code + ".")):
            raise InvoerFout("Valt onder: een kenmerk kan niet onder zichzelf komen te staan.")
        niveau_ouder = ouder.code.count(".") + 1 if ouder else 0
        if niveau_ouder + _diepte_onder(kenmerk) > MAX_DIEPTE:
            raise InvoerFout(f"Valt onder: de boom heeft hoogstens {MAX_DIEPTE} niveaus.")
        _naam_vrij(s, kenmerk.naam, ouder, kenmerk)
        nieuw = _volgende_code(s, ouder)
        kenmerk.parent = ouder
        _hernummer(kenmerk, nieuw)
        _sla_op(s, kenmerk, gebruiker)
        return nieuw


def _met_kinderen(k: Kenmerk) -> list[Kenmerk]:
    uit = [k]
    for kind in k.children:
        uit.extend(_met_kinderen(kind))
    return uit


def _voorbeeld(s: Session, kenmerk: Kenmerk) -> PensioenVoorbeeld:
    weg = _met_kinderen(kenmerk)
    weg_ids = {k.id for k in weg}
    instrumenten = s.scalars(
        select(Instrument)
        .join(instrument_kenmerk)
        .where(instrument_kenmerk.c.kenmerk_id.in_(weg_ids))
        .distinct()
        .order_by(Instrument.naam_sleutel)
    ).all()
    return PensioenVoorbeeld(
        code=kenmerk.code,
        naam=kenmerk.naam,
        ook_gestopt=tuple(f"{k.code} {k.naam}" for k in weg[1:] if k.actief),
        instrumenten=tuple(
            GeraaktInstrument(
                i.id,
                i.naam,
                tuple(f"{k.code} {k.naam}" for k in i.kenmerken if k.id not in weg_ids),
            )
            for i in instrumenten
        ),
    )


def voorbeeld_pensioen(db: Database, code: str) -> PensioenVoorbeeld:
    """What retiring this kenmerk would do, before doing it (read only)."""
    with db.lezen() as s:
        return _voorbeeld(s, _kenmerk(s, code))


def pensioneer(
    db: Database, gebruiker: str, code: str, reden: str, *, versie: int | None = None
) -> PensioenVoorbeeld:
    """Retire a kenmerk and its children and take them off every instrument (all logged).

    ConflictFout when stale."""
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        kenmerk = _bewerk(s, code, versie, gebruiker)
        voorbeeld = _voorbeeld(s, kenmerk)
        weg = _met_kinderen(kenmerk)
        for geraakt in voorbeeld.instrumenten:
            instrument = s.get_one(Instrument, geraakt.id)
            instrument.kenmerken = [k for k in instrument.kenmerken if k not in weg]
        for k in weg:
            k.actief = False
        _sla_op(s, kenmerk, gebruiker)
        return voorbeeld


def heractiveer(
    db: Database, gebruiker: str, code: str, reden: str, *, versie: int | None = None
) -> None:
    """Put a retired kenmerk back in use (its parent must be in use). ConflictFout when stale."""
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        kenmerk = _bewerk(s, code, versie, gebruiker)
        if kenmerk.parent is not None and not kenmerk.parent.actief:
            raise InvoerFout(
                f"Zet eerst ‘{kenmerk.parent.code} {kenmerk.parent.naam}’ weer in gebruik."
            )
        kenmerk.actief = True
        _sla_op(s, kenmerk, gebruiker)
