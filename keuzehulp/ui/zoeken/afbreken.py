"""Soft hyphens in long Dutch words, so that a narrow column breaks them with a hyphen.

Qt breaks a word that is wider than its table cell anywhere, without a hyphen
("Werkgeversdiens" / "tverlening" in the client's details, F7). With soft hyphens (U+00AD)
at the syllable boundaries of the Dutch hyphenation patterns (pyphen's nl_NL, the
LibreOffice/hunspell dictionary) Qt breaks there and draws the hyphen; unbroken, the soft
hyphens are invisible. No Qt here: plain text in, plain text out.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyphen

ZACHT_AFBREEKSTREEPJE = "\u00ad"
LANG_WOORD = 12  # letters: a shorter word fits any column the window gives a value
_WOORD = re.compile(rf"[^\W\d_]{{{LANG_WOORD},}}")
_ADRES = re.compile(r"\S*(?:@|://|www\.)\S*")  # e-mail addresses and links stay whole


@lru_cache(maxsize=1)
def _woordenboek() -> pyphen.Pyphen:
    # Imported and read here, not at start-up: together about 230 ms CPU, which
    # `laad_woordenboek` spends in a worker before the first details are shown.
    import pyphen

    # At least three letters on either side of a break: no "ge-" or "-en" alone on a line.
    return pyphen.Pyphen(lang="nl_NL", left=3, right=3)


def laad_woordenboek() -> None:
    """Import pyphen and read its Dutch patterns (about 230 ms CPU; no Qt: for a worker).

    Called again, or after `afbreekbaar` loaded them, it does nothing.
    """
    _woordenboek()


def woordenboek_geladen() -> bool:
    """Whether the Dutch patterns are read (`laad_woordenboek`): only then may the GUI
    thread hyphenate, without waiting 230 ms for them."""
    return _woordenboek.cache_info().currsize > 0


@lru_cache(maxsize=4096)
def _afgebroken(woord: str) -> str:
    return str(_woordenboek().inserted(woord, hyphen=ZACHT_AFBREEKSTREEPJE))


def afbreekbaar(tekst: str) -> str:
    """`tekst` with soft hyphens at the Dutch syllable boundaries of its long words.

    Words of fewer than `LANG_WOORD` letters, digits, punctuation, e-mail addresses and
    links are left as they are (copied, they must still work); removing every U+00AD gives
    `tekst` back.
    """
    delen = []
    vanaf = 0
    for adres in _ADRES.finditer(tekst):
        delen.append(_WOORD.sub(_vervang, tekst[vanaf : adres.start()]))
        delen.append(adres.group())
        vanaf = adres.end()
    delen.append(_WOORD.sub(_vervang, tekst[vanaf:]))
    return "".join(delen)


def _vervang(woord: re.Match[str]) -> str:
    return _afgebroken(woord.group())
