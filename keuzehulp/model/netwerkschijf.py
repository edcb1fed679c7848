"""Is a SQLite file on a network filesystem? Then warn: SQLite's locking does not hold there.

SQLite's own documentation ("SQLite Over a Network, Caveats and Considerations",
https://sqlite.org/useovernet.html, and https://sqlite.org/wal.html: WAL needs shared memory on
one host) warns that file locks over NFS and SMB are unreliable and WAL does not work there, so a
shared file can get corrupt. Linux: the filesystem type of the mount that holds the file, from
/proc/self/mountinfo (proc(5)). Windows: a UNC path (\\\\server\\share) or a drive letter that
GetDriveTypeW reports as DRIVE_REMOTE.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path, PurePath, PureWindowsPath

MOUNTINFO = Path("/proc/self/mountinfo")

# Filesystem types (the field after " - " in mountinfo) that live on another machine.
NETWERK_TYPES: frozenset[str] = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "davfs",
        "sshfs",
        "fuse.sshfs",
        "fuse.glusterfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.smbnetfs",
        "fuse.gvfsd-fuse",
    }
)

DRIVE_REMOTE = 4  # GetDriveTypeW's value for a network drive (WinBase.h)

_OCTAAL = re.compile(r"\\([0-7]{3})")


def _ontsnap(veld: str) -> str:
    """mountinfo writes space, tab, newline and backslash as octal escapes (\\040 ...)."""
    return _OCTAAL.sub(lambda m: chr(int(m[1], 8)), veld)


def bestandssysteem(pad: Path, mountinfo: str | None = None) -> str | None:
    """The filesystem type of the Linux mount that holds `pad` (or would hold it).

    `mountinfo` is the text of /proc/self/mountinfo (read when None). Returns None when it is
    unreadable or no mount matches.
    """
    if mountinfo is None:
        try:
            mountinfo = MOUNTINFO.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    doel = Path(os.path.realpath(pad))
    beste: tuple[int, str] | None = None
    for regel in mountinfo.splitlines():
        links, scheiding, rechts = regel.partition(" - ")
        velden = links.split()
        if not scheiding or len(velden) < 5 or not rechts.split():
            continue
        punt = PurePath(_ontsnap(velden[4]))
        if doel == punt or punt in doel.parents:
            diepte = len(punt.parts)
            # Later lines win at equal depth: a mount stacked on the same point hides the one below.
            if beste is None or diepte >= beste[0]:
                beste = (diepte, rechts.split()[0])
    return beste[1] if beste else None


def _windows_stationstype(wortel: str) -> int:
    import ctypes

    windll = getattr(ctypes, "windll")  # noqa: B009 - only on Windows; mypy runs on Linux
    return int(windll.kernel32.GetDriveTypeW(wortel))


def is_netwerkpad_windows(
    pad: str, stationstype: Callable[[str], int] = _windows_stationstype
) -> bool:
    """A UNC path, or a drive letter mapped to a network share (GetDriveTypeW)."""
    win = PureWindowsPath(pad)
    if win.drive.startswith(("\\\\", "//")):
        return True
    if len(win.drive) == 2 and win.drive[1] == ":":
        return stationstype(f"{win.drive}\\") == DRIVE_REMOTE
    return False


def netwerk_soort(pad: Path) -> str | None:
    """What kind of network storage holds `pad` ("nfs4", "netwerkschijf", ...), or None."""
    if sys.platform == "win32":
        return "netwerkschijf" if is_netwerkpad_windows(str(pad)) else None
    if sys.platform.startswith("linux"):
        soort = bestandssysteem(pad)
        return soort if soort in NETWERK_TYPES else None
    return None


def waarschuwing(pad: Path, soort: str) -> str:
    """The Dutch warning for a SQLite file on network storage, pointing to PostgreSQL."""
    wat = "een netwerkschijf" if soort == "netwerkschijf" else f"een netwerkschijf ({soort})"
    return (
        f"Let op: de database {pad} staat op {wat}. Dat is niet veilig. Als twee mensen "
        "tegelijk werken, kan de database beschadigd raken of kunnen wijzigingen verloren gaan. "
        "Zet het bestand op de eigen schijf van deze computer. Wilt u met meer mensen één "
        "catalogus delen? Gebruik dan een PostgreSQL-database (zie de handleiding, hoofdstuk "
        "‘Voor de applicatiebeheerder’)."
    )
