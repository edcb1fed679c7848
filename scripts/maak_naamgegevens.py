"""Build the two data files the privacy guard uses to recognise names (keuzehulp/data/).

- ``woorden_nl.txt.gz``: every lower-case Dutch word of the OpenTaal word list (BSD / CC-BY 3.0,
  https://www.opentaal.org; Debian package ``wdutch``, /usr/share/dict/dutch), sorted, one a line.
  A word in it is an ordinary word ("hoop", "roos", "twijfelt"); "jansen" and "fatima" are not.
- ``voornamen.tsv``: first names from the list of Jörg Michael's ``gender.c`` as packaged in
  ``gender-guesser`` (nam_dict.txt, GNU FDL), one a line: the name in lower case, its highest
  popularity in any country and in the Netherlands or Belgium (0 = absent, 1 = very rare …
  13 = extremely common), and the Dutch word frequency of the same spelling on the Zipf scale
  (``wordfreq``, 0 when the word is unknown; "wil" 6.2, "jan" 5.2, "roos" 4.2), and the same
  for English ("will" 6.1: far more often a word than a name in a text).

Run with the dev extras installed and ``wdutch`` present:
``.venv/bin/python scripts/maak_naamgegevens.py``. The files are committed, so the application
needs none of these sources at run time.
"""

from __future__ import annotations

import gzip
import importlib.resources
from pathlib import Path

from wordfreq import zipf_frequency

DOEL = Path(__file__).resolve().parent.parent / "keuzehulp" / "data"
OPENTAAL = Path("/usr/share/dict/dutch")
# Column order of nam_dict.txt (gender_guesser.detector.Detector.COUNTRIES); NL is 10, BE 8.
NEDERLAND, BELGIE = 10, 8
SCHAAL = {c: i for i, c in enumerate(" 123456789ABCD")}
# Popularity counts in the countries a client in the Netherlands mostly comes from: all but
# China, India, Japan, Korea, Vietnam and "other countries" (columns 49-54 of the 55), whose
# short names ("you", "my", "le", "an", "hi") are ordinary English or Dutch words far more often.
LANDEN = range(49)


def woorden() -> list[str]:
    regels = OPENTAAL.read_text(encoding="utf-8").splitlines()
    return sorted({w for w in regels if w and w == w.lower() and " " not in w})


def voornamen() -> dict[str, tuple[int, int]]:
    bron = importlib.resources.files("gender_guesser") / "data" / "nam_dict.txt"
    namen: dict[str, tuple[int, int]] = {}
    for regel in bron.read_text(encoding="utf-8").splitlines():
        if not regel or regel[0] in "#=":
            continue
        naam = regel[3:29].strip().lower()
        if "+" in naam or " " in naam or not naam:
            continue
        waarden = [SCHAAL.get(c, 0) for c in regel[30:85].ljust(55)]
        waarden = [waarden[i] for i in LANDEN]
        hoogst = max(waarden, default=0)
        nlbe = max(waarden[NEDERLAND], waarden[BELGIE])
        oud = namen.get(naam, (0, 0))
        namen[naam] = (max(oud[0], hoogst), max(oud[1], nlbe))
    return namen


def main() -> None:
    DOEL.mkdir(exist_ok=True)
    lijst = woorden()
    with gzip.GzipFile(DOEL / "woorden_nl.txt.gz", "wb", mtime=0) as f:
        f.write(("\n".join(lijst) + "\n").encode("utf-8"))
    regels = [
        f"{naam}\t{hoogst}\t{nlbe}\t{zipf_frequency(naam, 'nl'):.2f}"
        f"\t{zipf_frequency(naam, 'en'):.2f}"
        for naam, (hoogst, nlbe) in sorted(voornamen().items())
        if hoogst > 0
    ]
    (DOEL / "voornamen.tsv").write_text("\n".join(regels) + "\n", encoding="utf-8")
    print(f"{len(lijst)} woorden, {len(regels)} voornamen")  # noqa: T201


if __name__ == "__main__":
    main()
