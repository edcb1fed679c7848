"""The catalogue's fixed lists as plain records: what bronbestand cells are matched against."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import FengerRoute, Gemeente, Kenmerk
from keuzehulp.model.tekst import vouw


@dataclass(frozen=True, slots=True)
class RouteRegel:
    """A Fenger route: stable code, name (`Life first`) and plain label."""

    code: str
    naam: str
    label: str


@dataclass(frozen=True, slots=True)
class KenmerkRegel:
    """A row of the Kenmerken sheet."""

    code: str
    naam: str
    uitleg: str = ""
    uitleg_client: str = ""
    label_client: str = ""  # the short client label ("Beter omgaan met stress")

    @property
    def is_groep(self) -> bool:
        return "." not in self.code

    @property
    def groep(self) -> str:
        return self.code.split(".")[0]

    @property
    def tekst(self) -> str:
        """`1.7 Zelfinzicht`: how export writes it and messages name it."""
        return f"{self.code} {self.naam}"


def code_sleutel(code: str) -> tuple[int, ...]:
    """Sort codes as numbers: 1.10 after 1.9."""
    return tuple(int(deel) if deel.isdecimal() else 0 for deel in code.split("."))


@dataclass(slots=True)
class Basis:
    """Routes, kenmerken and gemeenten with folded indexes, built once per import or export."""

    routes: tuple[RouteRegel, ...]
    kenmerken: tuple[KenmerkRegel, ...]
    gemeenten: tuple[str, ...]
    route_index: dict[str, RouteRegel] = field(init=False)
    kenmerk_per_code: dict[str, KenmerkRegel] = field(init=False)
    kenmerk_per_naam: dict[str, KenmerkRegel] = field(init=False)
    gemeente_index: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.kenmerken = tuple(sorted(self.kenmerken, key=lambda k: code_sleutel(k.code)))
        self.route_index = {}
        for route in self.routes:
            for sleutel in (route.code, route.naam, route.label):
                self.route_index[vouw(sleutel)] = route
        self.kenmerk_per_code = {k.code: k for k in self.kenmerken}
        self.kenmerk_per_naam = {vouw(k.naam): k for k in self.kenmerken}
        self.gemeente_index = {vouw(g): g for g in self.gemeenten}

    def met_kenmerken(self, regels: tuple[KenmerkRegel, ...]) -> Basis:
        """This basis with the Kenmerken sheet's rows laid over it (new names, new codes)."""
        per_code = dict(self.kenmerk_per_code)
        for regel in regels:
            per_code[regel.code] = regel
        return Basis(self.routes, tuple(per_code.values()), self.gemeenten)

    def route_naam(self, code: str) -> str:
        for route in self.routes:
            if route.code == code:
                return route.naam
        return code


def lees_basis(session: Session) -> Basis:
    """Load routes, kenmerken and gemeenten from the catalogue."""
    routes = tuple(
        RouteRegel(r.code, r.naam, r.label)
        for r in session.scalars(select(FengerRoute).order_by(FengerRoute.volgorde))
    )
    kenmerken = tuple(
        KenmerkRegel(k.code, k.naam, k.uitleg or "", k.uitleg_client or "", k.label_client or "")
        for k in session.scalars(select(Kenmerk))
    )
    gemeenten = tuple(session.scalars(select(Gemeente.naam).order_by(Gemeente.naam)))
    return Basis(routes, kenmerken, gemeenten)
