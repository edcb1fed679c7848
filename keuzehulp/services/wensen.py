"""What matters to the client ("Wat vind jij belangrijk?") and how well an instrument fits it.

Values clarification as decision aids use it (Witteman et al. 2016, 2021): the client picks
plain wishes that the catalogue can answer, each "belangrijk" (weight 1) or "heel belangrijk"
(weight 2); every option then shows which wishes it meets and which it misses. A wish that
the catalogue cannot answer for an instrument (an empty field) is *unknown*, never a miss.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from keuzehulp.services.instrumentgegevens import InstrumentGegevens
from keuzehulp.services.zoekindex import InstrumentRij

log = logging.getLogger(__name__)

# Thresholds of the wishes, named so that labels, tests and the handleiding agree.
KORT_WEKEN = 8  # "kort": at most 8 weeks in all
SNEL_DAGEN = 28  # "snel": can start within 4 weeks
WEINIG_UREN = 8.0  # "weinig uren": at most 8 hours a week
GOED_CIJFER = 7.0  # "goed beoordeeld": clients' mark 7 or more


class Wens(enum.StrEnum):
    """A wish the catalogue can answer; the value is stored with the gesprek."""

    DICHTBIJ = "dichtbij"
    ALLEEN = "alleen"
    GROEP = "groep"
    KORT = "kort"
    SNEL = "snel"
    WEINIG_UREN = "weinig_uren"
    ZONDER_NEDERLANDS = "zonder_nederlands"
    GRATIS = "gratis"
    GOED_BEOORDEELD = "goed_beoordeeld"
    BEWEZEN = "bewezen"


WENS_TEKST: dict[Wens, str] = {
    Wens.DICHTBIJ: "Dicht bij huis, in mijn gemeente",
    Wens.ALLEEN: "Alleen, met één begeleider",
    Wens.GROEP: "Samen met anderen in een groep",
    Wens.KORT: f"Kort: {KORT_WEKEN} weken of minder",
    Wens.SNEL: "Snel beginnen: binnen 4 weken",
    Wens.WEINIG_UREN: f"Weinig uren: {WEINIG_UREN:.0f} uur per week of minder",
    Wens.ZONDER_NEDERLANDS: "Goed Nederlands is niet nodig",
    Wens.GRATIS: "Het kost mij niets",
    Wens.GOED_BEOORDEELD: "Andere klanten vinden het goed",
    Wens.BEWEZEN: "Het is bewezen dat het helpt",
}
"""The wish as the client reads it (B1, first person)."""

WENS_KORT: dict[Wens, str] = {
    Wens.DICHTBIJ: "dicht bij huis",
    Wens.ALLEEN: "alleen",
    Wens.GROEP: "in een groep",
    Wens.KORT: "kort",
    Wens.SNEL: "snel beginnen",
    Wens.WEINIG_UREN: "weinig uren",
    Wens.ZONDER_NEDERLANDS: "zonder goed Nederlands",
    Wens.GRATIS: "gratis",
    Wens.GOED_BEOORDEELD: "goed beoordeeld",
    Wens.BEWEZEN: "bewezen",
}
"""The wish in a few words, for lists such as "Ja: kort, gratis" (fit, comparison, PDF)."""

GEWICHT_TEKST: dict[int, str] = {1: "belangrijk", 2: "heel belangrijk"}


class WensKeuze(BaseModel):
    """One chosen wish; `gemeente` only for DICHTBIJ (the client's gemeente, not an address)."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    wens: Wens
    gewicht: int = Field(default=1, ge=1, le=2)  # 1 "belangrijk", 2 "heel belangrijk"
    gemeente: str | None = None

    @field_validator("gemeente", mode="before")
    @classmethod
    def _leeg_is_niets(cls, waarde: object) -> object:
        if isinstance(waarde, str) and not waarde.strip():
            return None
        return waarde

    @model_validator(mode="after")
    def _gemeente_alleen_bij_dichtbij(self) -> WensKeuze:
        if self.gemeente is not None and self.wens is not Wens.DICHTBIJ:
            raise ValueError("een gemeente hoort alleen bij de wens ‘dicht bij huis’")
        return self


@dataclass(frozen=True, slots=True)
class InstrumentFeiten:
    """The catalogue fields the wishes read; None means the catalogue does not know."""

    gemeenten: tuple[str, ...]
    alle_gemeenten: bool
    groepsvorm: str | None
    duur_weken: int | None
    uren_per_week: float | None
    start_soort: str | None
    startdata: tuple[dt.date, ...]
    nederlands_nodig: bool | None
    kosten_klant_centen: int | None
    waardering_werkzoekende: float | None
    onderbouwing: str | None

    @classmethod
    def van_rij(cls, rij: InstrumentRij) -> InstrumentFeiten:
        """From a search result row."""
        return cls(
            rij.gemeenten,
            rij.alle_gemeenten,
            rij.groepsvorm,
            rij.duur_weken,
            rij.uren_per_week,
            rij.start_soort,
            rij.startdata,
            rij.nederlands_nodig,
            rij.kosten_klant_centen,
            rij.waardering_werkzoekende,
            rij.onderbouwing,
        )

    @classmethod
    def van_gegevens(cls, g: InstrumentGegevens) -> InstrumentFeiten:
        """From an instrument's full values (detail, comparison, PDF)."""
        datums = tuple(
            dt.date.fromisoformat(d.strip()) for d in (g.startdata or "").split(";") if d.strip()
        )
        return cls(
            g.gemeenten,
            g.alle_gemeenten,
            g.groepsvorm,
            g.duur_weken,
            g.uren_per_week,
            g.start_soort,
            datums,
            g.nederlands_nodig,
            g.kosten_klant_centen,
            g.waardering_werkzoekende,
            g.onderbouwing,
        )


class Uitkomst(enum.Enum):
    """How one wish comes out for one instrument."""

    JA = "ja"
    NEE = "nee"
    ONBEKEND = "onbekend"


def _ja_nee(waarde: bool | None) -> Uitkomst:
    if waarde is None:
        return Uitkomst.ONBEKEND
    return Uitkomst.JA if waarde else Uitkomst.NEE


def beoordeel(keuze: WensKeuze, f: InstrumentFeiten, vandaag: dt.date) -> Uitkomst:
    """Whether the instrument meets one wish (thresholds above; unknown fields: ONBEKEND)."""
    w = keuze.wens
    if w is Wens.DICHTBIJ:
        if f.alle_gemeenten:
            return Uitkomst.JA
        if not f.gemeenten or not keuze.gemeente:
            return Uitkomst.ONBEKEND
        return _ja_nee(keuze.gemeente in f.gemeenten)
    if w is Wens.ALLEEN:
        return _ja_nee(None if f.groepsvorm is None else f.groepsvorm in ("individueel", "beide"))
    if w is Wens.GROEP:
        return _ja_nee(None if f.groepsvorm is None else f.groepsvorm in ("groep", "beide"))
    if w is Wens.KORT:
        return _ja_nee(None if f.duur_weken is None else f.duur_weken <= KORT_WEKEN)
    if w is Wens.WEINIG_UREN:
        return _ja_nee(None if f.uren_per_week is None else f.uren_per_week <= WEINIG_UREN)
    if w is Wens.SNEL:
        if f.start_soort == "doorlopend":
            return Uitkomst.JA
        if f.start_soort == "vaste_data" and f.startdata:
            grens = vandaag + dt.timedelta(days=SNEL_DAGEN)
            return _ja_nee(any(vandaag <= d <= grens for d in f.startdata))
        return Uitkomst.ONBEKEND
    if w is Wens.ZONDER_NEDERLANDS:
        return _ja_nee(None if f.nederlands_nodig is None else not f.nederlands_nodig)
    if w is Wens.GRATIS:
        return _ja_nee(None if f.kosten_klant_centen is None else f.kosten_klant_centen == 0)
    if w is Wens.GOED_BEOORDEELD:
        cijfer = f.waardering_werkzoekende
        return _ja_nee(None if cijfer is None else cijfer >= GOED_CIJFER)
    if w is Wens.BEWEZEN:
        niveau = f.onderbouwing
        return _ja_nee(None if niveau is None else niveau.startswith("effectief"))
    raise AssertionError(w)  # pragma: no cover - every Wens is handled above


@dataclass(frozen=True, slots=True)
class Fit:
    """How well one instrument fits the chosen wishes (wishes in the order chosen)."""

    voldaan: tuple[Wens, ...]
    gemist: tuple[Wens, ...]
    onbekend: tuple[Wens, ...]
    punten: int  # sum of the weights of the wishes met
    minpunten: int  # sum of the weights of the wishes missed

    @property
    def aantal(self) -> int:
        return len(self.voldaan) + len(self.gemist) + len(self.onbekend)

    @property
    def samenvatting(self) -> str:
        """B1 summary, e.g. "Past bij 3 van je 4 wensen" ("" without wishes)."""
        if not self.aantal:
            return ""
        woord = "wens" if self.aantal == 1 else "wensen"
        return f"Past bij {len(self.voldaan)} van je {self.aantal} {woord}"

    @property
    def sorteersleutel(self) -> tuple[int, int, int]:
        """Best fit first: most weight met, then least weight missed, then fewest unknown."""
        return (-self.punten, self.minpunten, len(self.onbekend))


GEEN_FIT = Fit((), (), (), 0, 0)


def bereken_fit(
    wensen: Sequence[WensKeuze], feiten: InstrumentFeiten, vandaag: dt.date | None = None
) -> Fit:
    """The fit of one instrument with the chosen wishes; `vandaag` defaults to today.

    Unknown catalogue fields never count as a miss (they land in `onbekend`).
    """
    dag = vandaag or dt.date.today()
    voldaan: list[Wens] = []
    gemist: list[Wens] = []
    onbekend: list[Wens] = []
    punten = minpunten = 0
    for keuze in wensen:
        uitkomst = beoordeel(keuze, feiten, dag)
        if uitkomst is Uitkomst.JA:
            voldaan.append(keuze.wens)
            punten += keuze.gewicht
        elif uitkomst is Uitkomst.NEE:
            gemist.append(keuze.wens)
            minpunten += keuze.gewicht
        else:
            onbekend.append(keuze.wens)
    return Fit(tuple(voldaan), tuple(gemist), tuple(onbekend), punten, minpunten)


def uniek(wensen: Iterable[WensKeuze]) -> tuple[WensKeuze, ...]:
    """Each wish once (the last choice of a wish wins), in the order first chosen."""
    per_wens: dict[Wens, WensKeuze] = {}
    for keuze in wensen:
        per_wens[keuze.wens] = keuze
    return tuple(per_wens.values())


# --- storage with the gesprek --------------------------------------------------------------
# `Gesprek.wensen` holds a JSON list, one object per wish in the order chosen, with the fit
# snapshot of the shortlist when the gesprek was saved:
#   [{"wens": "kort", "gewicht": 2, "gemeente": null, "ja": [3], "nee": [7], "onbekend": []}]


def wensen_naar_json(wensen: Sequence[WensKeuze], fits: dict[int, Fit]) -> str:
    """The wishes and, per wish, which options (instrument ids) meet, miss or do not know it."""
    rijen = []
    for keuze in wensen:
        rij: dict[str, object] = keuze.model_dump(mode="json")
        for sleutel, deel in (("ja", "voldaan"), ("nee", "gemist"), ("onbekend", "onbekend")):
            rij[sleutel] = sorted(i for i, f in fits.items() if keuze.wens in getattr(f, deel))
        rijen.append(rij)
    return json.dumps(rijen, ensure_ascii=False)


def _rijen(tekst: str | None) -> list[dict[str, object]]:
    if not tekst:
        return []
    try:
        rijen = json.loads(tekst)
    except ValueError:
        log.warning("Onleesbare wensen in een gesprek genegeerd: %r", tekst)
        return []
    return [r for r in rijen if isinstance(r, dict)] if isinstance(rijen, list) else []


def wensen_uit_json(tekst: str | None) -> tuple[WensKeuze, ...]:
    """The stored wishes; a wish this version does not know (a newer one's) is skipped."""
    uit: list[WensKeuze] = []
    for rij in _rijen(tekst):
        try:
            uit.append(
                WensKeuze.model_validate({k: rij.get(k) for k in ("wens", "gewicht", "gemeente")})
            )
        except ValueError:
            log.warning("Onbekende wens in een gesprek genegeerd: %r", rij)
    return tuple(uit)


def fit_uit_json(tekst: str | None, ids: Sequence[int]) -> dict[int, Fit]:
    """The stored fit snapshot per instrument id (only for `ids`); {} without wishes."""
    wensen = wensen_uit_json(tekst)
    if not wensen:
        return {}
    per_wens = {str(r.get("wens")): r for r in _rijen(tekst)}
    uit: dict[int, Fit] = {}
    for i in ids:
        voldaan: list[Wens] = []
        gemist: list[Wens] = []
        onbekend: list[Wens] = []
        punten = minpunten = 0
        for keuze in wensen:
            rij = per_wens.get(keuze.wens.value, {})
            if i in _ids(rij.get("ja")):
                voldaan.append(keuze.wens)
                punten += keuze.gewicht
            elif i in _ids(rij.get("nee")):
                gemist.append(keuze.wens)
                minpunten += keuze.gewicht
            else:  # unknown, or an option added without a stored fit: never a miss
                onbekend.append(keuze.wens)
        uit[i] = Fit(tuple(voldaan), tuple(gemist), tuple(onbekend), punten, minpunten)
    return uit


def _ids(waarde: object) -> set[int]:
    return {i for i in waarde if isinstance(i, int)} if isinstance(waarde, list) else set()
