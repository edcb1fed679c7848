"""`keuzehulp coach`: show or set how clients reach you (the coach profile on the client PDF)."""

from __future__ import annotations

import argparse

from keuzehulp.cli.common import SubParsers, catalogus_uit_args
from keuzehulp.services.coachprofiel import (
    VELDNAMEN,
    CoachProfielGegevens,
    bewaar_profiel,
    lees_profiel,
    maak_profiel,
)

OMSCHRIJVING = """\
Toon of wijzig uw contactgegevens. Ze komen op de PDF voor de klant, zodat de klant u kan
bereiken. Uw inlognaam komt er nooit op. Zonder opties ziet u wat er nu staat; met opties
wijzigt u alleen wat u opgeeft (een lege waarde, "", wist een veld).
"""

VOORBEELDEN = """\
voorbeelden:
  keuzehulp coach
  keuzehulp coach --naam "Anna de Boer" --telefoon "0344 61 22 33" \\
      --email a.deboer@werkzaak.example --organisatie "Werkzaak Rivierenland"
  keuzehulp coach --telefoon ""             (telefoonnummer wissen)
"""

VELDEN = ("naam", "telefoon", "email", "organisatie")


def registreer(sub: SubParsers) -> None:
    p = sub.add_parser(
        "coach",
        prog="keuzehulp coach",
        help="toon of wijzig uw contactgegevens voor de PDF van de klant",
        description=OMSCHRIJVING,
        epilog=VOORBEELDEN,
    )
    p.add_argument("--naam", metavar="NAAM", help="uw naam zoals de klant die leest")
    p.add_argument("--telefoon", metavar="NUMMER", help="telefoonnummer, bijv. 0344 61 22 33")
    p.add_argument("--email", metavar="ADRES", help="e-mailadres, bijv. naam@werkzaak.nl")
    p.add_argument("--organisatie", metavar="NAAM", help="bijv. Werkzaak Rivierenland")
    # Without options it only shows the profile.
    p.set_defaults(func=_coach, alleen_lezen=lambda a: all(getattr(a, v) is None for v in VELDEN))


def toon(gebruiker: str, profiel: CoachProfielGegevens) -> list[str]:
    """The profile as lines for the terminal."""
    regels = [f"Contactgegevens van {gebruiker} (zo staat het op de PDF voor de klant):"]
    for veld in VELDEN:
        regels.append(f"  {VELDNAMEN[veld] + ':':<13} {getattr(profiel, veld) or '(leeg)'}")
    return regels


def _coach(args: argparse.Namespace) -> int:
    nieuw = {veld: getattr(args, veld) for veld in VELDEN if getattr(args, veld) is not None}
    with catalogus_uit_args(args) as opstart:
        gebruiker, db = opstart.gebruiker, opstart.database
        huidig = lees_profiel(db, gebruiker)
        if not nieuw:
            if huidig is None:
                print(
                    f"Er zijn nog geen contactgegevens voor {gebruiker}. Vul ze in met:\n"
                    '  keuzehulp coach --naam "Uw Naam" --telefoon NUMMER --email ADRES '
                    '--organisatie "Organisatie"'
                )
                return 0
            print("\n".join(toon(gebruiker, huidig)))
            return 0
        waarden = huidig.model_dump() if huidig else {}
        waarden.update(nieuw)
        profiel = bewaar_profiel(db, gebruiker, maak_profiel(**waarden))
    print("Opgeslagen.")
    print("\n".join(toon(gebruiker, profiel)))
    return 0
