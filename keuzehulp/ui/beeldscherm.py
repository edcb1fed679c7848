"""Is there a screen to show the window on? Checked before Qt is started.

Qt's xcb plugin aborts the whole process (exit 134, an English hint that points to the wrong
fix) when it cannot reach an X server; its wayland plugin fails alike without a compositor.
This module looks at the environment the way Qt will, without loading any Qt plugin, so the
app can say in Dutch what is wrong and exit 1 instead.
"""

from __future__ import annotations

import os
import re
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

# Platform plugins that need no display server (a framebuffer, a VNC server, no screen at all).
ZONDER_SCHERM_SERVER = frozenset(
    {"offscreen", "minimal", "minimalegl", "vnc", "eglfs", "linuxfb", "vkkhrdisplay"}
)
X_SOCKETMAP = Path("/tmp/.X11-unix")  # the X server's well-known socket folder
X_POORT = 6000  # TCP port of display :0; display n listens on 6000 + n
VERBINDEN_WACHTTIJD_S = 1.0

GEEN_SCHERM = (
    "er is geen beeldscherm gevonden, dus het venster kan niet open. "
    "Start de keuzehulp op een computer met een scherm. Werkt u op afstand via ssh? "
    "Gebruik dan 'ssh -X', of de opdrachten zonder venster (zie 'keuzehulp --help')."
)


def geen_scherm_melding(omgeving: Mapping[str, str] | None = None) -> str | None:
    """A Dutch message when no screen can be reached; None when the window can open.

    `omgeving` is the process environment (default `os.environ`). Only Linux and the other
    Unix-likes are checked; Windows and macOS always have their own window system.
    QT_QPA_PLATFORM may name one plugin or a ";"-separated list that Qt tries in order.
    """
    env = os.environ if omgeving is None else omgeving
    if sys.platform in ("win32", "darwin"):
        return None
    gevraagd = env.get("QT_QPA_PLATFORM", "").strip()
    if gevraagd:
        kandidaten = [deel.split(":", 1)[0].strip().lower() for deel in gevraagd.split(";")]
    else:
        # Qt 6 prefers Wayland in a Wayland session and falls back to xcb.
        kandidaten = ["wayland", "xcb"] if env.get("WAYLAND_DISPLAY") else ["xcb"]
    if any(_bereikbaar(plugin, env) for plugin in kandidaten if plugin):
        return None
    uitleg = _uitleg(env)
    return f"{GEEN_SCHERM} ({uitleg})" if uitleg else GEEN_SCHERM


def _bereikbaar(plugin: str, env: Mapping[str, str]) -> bool:
    if plugin in ZONDER_SCHERM_SERVER:
        return True
    if plugin.startswith("wayland"):
        return _wayland_bereikbaar(env)
    if plugin == "xcb":
        return _x_bereikbaar(env.get("DISPLAY", ""))
    return True  # a plugin we do not know: let Qt decide


def _wayland_bereikbaar(env: Mapping[str, str]) -> bool:
    naam = env.get("WAYLAND_DISPLAY", "")
    if not naam:
        return False
    pad = Path(naam) if naam.startswith("/") else Path(env.get("XDG_RUNTIME_DIR", "")) / naam
    return pad.exists()


def _x_bereikbaar(display: str) -> bool:
    """Whether the X server that DISPLAY names answers (local socket or TCP)."""
    gevonden = re.fullmatch(r"(?P<host>[^:]*):(?P<nummer>\d+)(?:\.\d+)?", display.strip())
    if not display.strip():
        return False
    if gevonden is None:
        return True  # a form we do not know (such as XQuartz's socket path): let Qt try
    host, nummer = gevonden["host"], int(gevonden["nummer"])
    if host in ("", "unix"):
        return _unix_socket_antwoordt(str(X_SOCKETMAP / f"X{nummer}")) or (
            sys.platform == "linux" and _unix_socket_antwoordt(f"\0{X_SOCKETMAP}/X{nummer}")
        )
    try:
        with socket.create_connection((host, X_POORT + nummer), VERBINDEN_WACHTTIJD_S):
            return True
    except OSError:
        return False


def _unix_socket_antwoordt(adres: str) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as verbinding:
        verbinding.settimeout(VERBINDEN_WACHTTIJD_S)
        try:
            verbinding.connect(adres)
        except OSError:
            return False
    return True


def _uitleg(env: Mapping[str, str]) -> str:
    """Which setting was looked at, for a beheerder who helps."""
    display, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if not display and not wayland:
        return "DISPLAY en WAYLAND_DISPLAY zijn leeg"
    delen = []
    if display:
        delen.append(f"geen verbinding met scherm DISPLAY={display}")
    if wayland:
        delen.append(f"geen Wayland-scherm {wayland}")
    return "; ".join(delen)
