"""Showing a changed value briefly, so that a beheerder sees what really changes."""

from __future__ import annotations

REGELEINDE = "↵"  # a line break, made visible


def _zichtbaar(tekst: str) -> str:
    return " ".join(tekst.replace("\r\n", "\n").replace("\n", f" {REGELEINDE} ").split(" "))


def kort_verschil(oud: str | None, nieuw: str | None, lengte: int = 70) -> tuple[str, str]:
    """(old, new) for a one-line overview, each at most `lengte` characters.

    Line breaks show as ↵ and runs of spaces as one. When both would look the same in their
    first `lengte` characters (a text that only gained a line break further on, say), both
    show a window around their first difference instead, starting with "…". None is "(leeg)".
    """
    if oud is None or nieuw is None:
        return _kort(oud, lengte), _kort(nieuw, lengte)
    a, b = _zichtbaar(oud), _zichtbaar(nieuw)
    a, b = " ".join(a.split()), " ".join(b.split())
    if a[:lengte] != b[:lengte] or a == b:
        return _kort(a, lengte), _kort(b, lengte)
    begin = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    van = max(0, begin - lengte // 3)
    return _kort("…" + a[van:], lengte), _kort("…" + b[van:], lengte)


def _kort(tekst: str | None, lengte: int) -> str:
    if tekst is None:
        return "(leeg)"
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"
