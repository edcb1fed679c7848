"""Write a printout to disk safely: whole or not at all, with a Dutch message on failure."""

from __future__ import annotations

from pathlib import Path

from keuzehulp.model.bestanden import schrijf_atomair
from keuzehulp.model.errors import InvoerFout


def controleer_pad(pad: Path, extensie: str | None = None) -> Path:
    """Refuse, with a Dutch InvoerFout, a path that cannot become the file: a folder, a wrong
    extension, a missing folder. Nothing is written."""
    pad = Path(pad)
    if pad.is_dir():
        raise InvoerFout(f"{pad} is een map. Geef een bestandsnaam, bijvoorbeeld {pad}/keuze.pdf.")
    if extensie is not None and pad.suffix.lower() != extensie:
        raise InvoerFout(f"Kies een bestandsnaam die eindigt op {extensie} (niet ‘{pad.name}’).")
    map_ = pad.parent if str(pad.parent) else Path()
    if map_.exists() and not map_.is_dir():
        raise InvoerFout(f"Kan {pad} niet schrijven: {map_} is een bestand, geen map.")
    if not map_.is_dir():
        raise InvoerFout(
            f"Kan {pad} niet schrijven. De map {map_} bestaat niet. Kies een bestaande map."
        )
    return pad


def schrijf_bestand(pad: Path, inhoud: bytes | str, extensie: str | None = None) -> Path:
    """Write whole or not at all (model/bestanden.py: temporary file, fsync, rename).

    With `extensie` (".pdf") a file name that ends otherwise is refused."""
    pad = controleer_pad(pad, extensie)
    data = inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud
    try:
        schrijf_atomair(pad, data)
    except PermissionError:
        raise InvoerFout(
            f"Kan {pad} niet schrijven: u mag niet schrijven in deze map of dit bestand. "
            "Kies een andere plek."
        ) from None
    except OSError as fout:
        raise InvoerFout(f"Kan {pad} niet schrijven: {fout.strerror or fout}.") from None
    return pad
