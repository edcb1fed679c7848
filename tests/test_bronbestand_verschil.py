"""The one-line overview of a change shows what really changes (a line break included)."""

from __future__ import annotations

from keuzehulp.services.bronbestand.verschil import kort_verschil


def test_a_line_break_far_on_is_shown_where_it_is() -> None:
    oud = "Je doet testen en opdrachten. " * 4 + "Zo zie je wat je kunt."
    nieuw = "Je doet testen en opdrachten. " * 4 + "\r\nZo zie je wat je kunt."
    voor, na = kort_verschil(oud, nieuw)
    assert voor != na
    assert "↵" in na and "↵" not in voor
    assert voor.startswith("…") and na.startswith("…")
    assert len(voor) <= 70 and len(na) <= 70


def test_short_and_empty_values_are_shown_plainly() -> None:
    assert kort_verschil("a\nb", "a b") == ("a ↵ b", "a b")
    assert kort_verschil(None, "x") == ("(leeg)", "x")
    assert kort_verschil("zelfde", "zelfde") == ("zelfde", "zelfde")
