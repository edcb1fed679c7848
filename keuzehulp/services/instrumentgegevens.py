"""An instrument as plain, validated values: the one shape import, editor and forms exchange.

`InstrumentGegevens` is what the edges (bronbestand rows, the editor, the supplier form) build
and what services apply to the database with `pas_toe`; `gegevens_van` reads it back and
`verschillen` says, field by field, what would change.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from keuzehulp.model.basisgegevens import ROUTES
from keuzehulp.model.catalogus import (
    GROEPSVORMEN,
    ONDERBOUWING_NIVEAUS,
    START_SOORTEN,
    FengerRoute,
    Gemeente,
    Instrument,
    InstrumentStatus,
    Kenmerk,
    instrument_gemeente,
    instrument_kenmerk,
    instrument_route,
)
from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.mutatielog import als_tekst
from keuzehulp.model.tekst import bedrag

# Scalar fields (copied one to one with Instrument) and link fields come from the one table.
from keuzehulp.model.velden import LIJST_VELDEN as LIJST_VELDEN
from keuzehulp.model.velden import SCALAIRE_VELDEN as SCALAIRE_VELDEN
from keuzehulp.model.velden import veldlabel

Tekst = Annotated[str | None, Field(default=None)]
Cijfer = Annotated[float | None, Field(default=None, ge=1, le=10)]


# Far above any real price, and well inside SQLite's 64-bit INTEGER.
MAX_KOSTEN_CENTEN = 1_000_000_000_00


class InstrumentGegevens(BaseModel):
    """Every field of an instrument as plain values (routes and kenmerken by code)."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True, extra="forbid")

    naam: str = Field(min_length=1, max_length=300)
    status: InstrumentStatus = InstrumentStatus.CONCEPT
    type: Tekst
    uitvoerder: Tekst
    omschrijving: Tekst
    routes: tuple[str, ...] = ()
    kenmerken: tuple[str, ...] = ()
    gemeenten: tuple[str, ...] = ()
    alle_gemeenten: bool = False
    adres: Tekst
    doelgroep: Tekst
    doel: Tekst
    instroomeis: Tekst
    omvang_duur: Tekst
    kosten_centen: Annotated[int | None, Field(default=None, ge=0, le=MAX_KOSTEN_CENTEN)]
    kosten_tekst: Tekst
    werkwijze: Tekst
    beschikbaarheid: Tekst
    aanmelding: Tekst
    bijzonderheden: Tekst
    rol_werkzoekende: Tekst
    waardering_professionals: Cijfer
    waardering_werkzoekende: Cijfer
    onderbouwing: Tekst
    regiehouder: Tekst
    link: Tekst
    overleg_met: Tekst
    # Structured duration and intensity (None: unknown); see the Instrument model.
    duur_weken: Annotated[int | None, Field(default=None, ge=1, le=520)]
    uren_per_week: Annotated[float | None, Field(default=None, gt=0, le=60)]
    start_soort: Tekst
    startdata: Tekst  # ISO dates separated by "; ", e.g. "2027-01-11; 2027-03-08"
    nederlands_nodig: bool | None = None
    groepsvorm: Tekst
    kosten_klant_centen: Annotated[int | None, Field(default=None, ge=0, le=MAX_KOSTEN_CENTEN)]

    @model_validator(mode="before")
    @classmethod
    def _leeg_is_niets(cls, waarden: Any) -> Any:
        # One pass over the input rather than a validator call per field: imports validate
        # every instrument of a catalogue twice (the file's and the catalogue's values).
        if not isinstance(waarden, dict):
            return waarden
        return {
            veld: None
            if veld != "naam" and isinstance(waarde, str) and not waarde.strip()
            else waarde
            for veld, waarde in waarden.items()
        }

    @field_validator("routes", "kenmerken", "gemeenten")
    @classmethod
    def _uniek_en_gesorteerd(cls, waarden: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted(set(waarden)))

    @field_validator("onderbouwing")
    @classmethod
    def _bekend_niveau(cls, waarde: str | None) -> str | None:
        if waarde is not None and waarde not in ONDERBOUWING_NIVEAUS:
            raise ValueError("kies een niveau uit de lijst: " + ", ".join(ONDERBOUWING_NIVEAUS))
        return waarde

    @field_validator("start_soort")
    @classmethod
    def _bekende_start(cls, waarde: str | None) -> str | None:
        if waarde is not None and waarde not in START_SOORTEN:
            raise ValueError("kies doorlopend of vaste_data")
        return waarde

    @field_validator("groepsvorm")
    @classmethod
    def _bekende_groepsvorm(cls, waarde: str | None) -> str | None:
        if waarde is not None and waarde not in GROEPSVORMEN:
            raise ValueError("kies individueel, groep of beide")
        return waarde

    @field_validator("startdata")
    @classmethod
    def _iso_datums(cls, waarde: str | None) -> str | None:
        if waarde is None:
            return None
        datums = []
        for deel in waarde.replace(",", ";").split(";"):
            if deel.strip():
                try:
                    datums.append(dt.date.fromisoformat(deel.strip()))
                except ValueError:
                    raise ValueError(
                        f"'{deel.strip()}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld "
                        "2027-01-11"
                    ) from None
        return "; ".join(d.isoformat() for d in sorted(set(datums))) or None

    @field_validator("link")
    @classmethod
    def _web_adres(cls, waarde: str | None) -> str | None:
        if waarde is not None and not waarde.lower().startswith(("http://", "https://")):
            raise ValueError("een link begint met http:// of https://")
        return waarde


_PYDANTIC_NL: dict[str, str] = {
    "missing": "is verplicht",
    "string_too_short": "mag niet leeg zijn",
    "string_too_long": "is te lang",
    "greater_than_equal": "is te laag",
    "less_than_equal": "is te hoog",
    "string_type": "moet tekst zijn",
    "int_parsing": "is geen geheel getal",
    "float_parsing": "is geen getal",
    "enum": "is geen geldige keuze",
    "extra_forbidden": "is geen veld van een instrument",
}


def nederlandse_fouten(fout: ValidationError) -> list[tuple[str, str]]:
    """(field label, Dutch message) for every problem pydantic found."""
    uit: list[tuple[str, str]] = []
    for e in fout.errors():
        veld = str(e["loc"][0]) if e["loc"] else ""
        if e["type"] == "value_error":
            melding = str(e.get("ctx", {}).get("error", e["msg"]))
        elif e["type"] in ("greater_than_equal", "less_than_equal") and "cijfer" not in veld:
            grens = e.get("ctx", {})
            if veld.startswith("waardering"):
                melding = "moet een cijfer van 1 tot en met 10 zijn"
            elif "le" in grens:
                melding = f"mag hoogstens {bedrag(int(grens['le']))} zijn"
            else:
                melding = f"moet minstens {grens.get('ge', 0)} zijn"
        else:
            melding = _PYDANTIC_NL.get(e["type"], e["msg"])
        uit.append((veldlabel(veld), melding))
    return uit


def maak_gegevens(**waarden: Any) -> InstrumentGegevens:
    """Build InstrumentGegevens, or raise InvoerFout listing every problem in Dutch."""
    try:
        return InstrumentGegevens(**waarden)
    except ValidationError as fout:
        regels = "; ".join(f"{veld}: {melding}" for veld, melding in nederlandse_fouten(fout))
        raise InvoerFout(regels) from None


@dataclass(slots=True)
class Opzoeken:
    """Routes, kenmerken and gemeenten by key, loaded once per unit of work (fast imports)."""

    routes: dict[str, FengerRoute]
    kenmerken: dict[str, Kenmerk]
    gemeenten: dict[str, Gemeente]

    @classmethod
    def laad(cls, session: Session) -> Opzoeken:
        return cls(
            routes={r.code: r for r in session.scalars(select(FengerRoute))},
            kenmerken={k.code: k for k in session.scalars(select(Kenmerk))},
            gemeenten={g.naam: g for g in session.scalars(select(Gemeente))},
        )

    def zoek(self, soort: str, tabel: dict[str, Any], sleutels: Iterable[str]) -> list[Any]:
        """The objects for these keys; unknown keys raise InvoerFout naming them."""
        onbekend = [s for s in sleutels if s not in tabel]
        if onbekend:
            raise InvoerFout(f"Onbekende {soort}: {', '.join(onbekend)}")
        return [tabel[s] for s in sleutels]


def lees_koppelingen(
    session: Session, ids: Collection[int] | None = None
) -> dict[str, dict[int, list[str]]]:
    """Routes, kenmerken and gemeenten of every instrument by id, in three plain queries.

    Keys are the InstrumentGegevens fields; values are route codes (in route order), kenmerk
    codes and gemeente names. For whole-catalogue reads (import, search index) where building
    ORM objects would cost more than the work itself. `ids`: only these instruments.
    """
    koppelingen: dict[str, dict[int, list[str]]] = {}
    for veld, tabel, doel, sleutel, volgorde in (
        ("routes", instrument_route, FengerRoute, FengerRoute.code, FengerRoute.volgorde),
        ("kenmerken", instrument_kenmerk, Kenmerk, Kenmerk.code, Kenmerk.code),
        ("gemeenten", instrument_gemeente, Gemeente, Gemeente.naam, Gemeente.naam),
    ):
        per_instrument: dict[int, list[str]] = defaultdict(list)
        kolom = next(c for c in tabel.c if c.name != "instrument_id")
        vraag = (
            select(tabel.c.instrument_id, sleutel).join(doel, doel.id == kolom).order_by(volgorde)
        )
        if ids is not None:
            vraag = vraag.where(tabel.c.instrument_id.in_(list(ids)))
        # In bites of 5,000: one fetchall of every link keeps other threads from the GIL.
        for instrument_id, waarde in session.execute(vraag, execution_options={"yield_per": 5000}):
            per_instrument[instrument_id].append(waarde)
        koppelingen[veld] = per_instrument
    return koppelingen


def gegevens_van(instrument: Instrument) -> InstrumentGegevens:
    """Read an instrument back as plain values."""
    waarden: dict[str, Any] = {veld: getattr(instrument, veld) for veld in SCALAIRE_VELDEN}
    waarden["routes"] = tuple(r.code for r in instrument.routes)
    waarden["kenmerken"] = tuple(k.code for k in instrument.kenmerken)
    waarden["gemeenten"] = tuple(g.naam for g in instrument.gemeenten)
    return InstrumentGegevens.model_validate(waarden)


def pas_toe(instrument: Instrument, gegevens: InstrumentGegevens, opzoeken: Opzoeken) -> None:
    """Write the values onto the instrument; only real changes reach the mutation log."""
    for veld in SCALAIRE_VELDEN:
        nieuw = getattr(gegevens, veld)
        if getattr(instrument, veld) != nieuw:
            setattr(instrument, veld, nieuw)
    for veld, soort, tabel in (
        ("routes", "route", opzoeken.routes),
        ("kenmerken", "kenmerken", opzoeken.kenmerken),
        ("gemeenten", "gemeenten", opzoeken.gemeenten),
    ):
        gewenst = getattr(gegevens, veld)
        huidig = getattr(instrument, veld)
        sleutel = "naam" if veld == "gemeenten" else "code"
        if sorted(getattr(o, sleutel) for o in huidig) != list(gewenst):
            setattr(instrument, veld, opzoeken.zoek(soort, tabel, gewenst))


ROUTE_LABEL = {r.code: r.label for r in ROUTES}


def verschillen(
    oud: InstrumentGegevens, nieuw: InstrumentGegevens
) -> list[tuple[str, str | None, str | None]]:
    """(field label, old, new) as text for every field that differs, in form order."""
    uit: list[tuple[str, str | None, str | None]] = []
    for veld in InstrumentGegevens.model_fields:
        a, b = getattr(oud, veld), getattr(nieuw, veld)
        if a != b:
            if veld == "routes":  # codes, shown with the labels of the search screen
                la, lb = (tuple(ROUTE_LABEL.get(c, c) for c in x) for x in (a, b))
                uit.append((veldlabel(veld), "; ".join(la) or None, "; ".join(lb) or None))
            elif veld in LIJST_VELDEN:
                uit.append((veldlabel(veld), "; ".join(a) or None, "; ".join(b) or None))
            else:
                uit.append((veldlabel(veld), als_tekst(veld, a), als_tekst(veld, b)))
    return uit
