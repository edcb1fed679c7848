"""The one safe file writer: whole or not at all, durable, with normal permissions.

Every file the app writes (exports, printouts, the pre-upgrade backup, the stored database
address) goes through here (issue 11, items 1 and 9): a temporary file with a unique name in
the target's folder, flushed to disk (fsync), renamed over the target in one step, the folder
flushed too where the system allows; on any failure the temporary file is removed and the
target is left as it was. New files get the permissions of any file the user makes
(0o666 minus the umask, usually 0o644), not the 0o600 of `tempfile.mkstemp`.

Errors are plain `OSError`s: each caller says in Dutch what could not be written.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

NORMALE_RECHTEN = 0o666  # the kernel takes the umask off, as for any new file
# errno values for "this file system has no hard links" (FAT/exFAT, some network shares).
_GEEN_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.ENOSYS}
_ZIJ = ("-wal", "-shm", "-journal")  # SQLite's side files of a temporary database


def _tijdelijk_naast(pad: Path) -> Path:
    """A fresh, unique, hidden name beside `pad` that keeps its extension (openpyxl, sqlite)."""
    return pad.with_name(f".{pad.stem}.{secrets.token_hex(6)}.deel{pad.suffix}")


def _maak_leeg(pad: Path) -> None:
    """Create `pad` exclusively (never follows or reuses an existing file), umask applied."""
    fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    os.close(fd)


def fsync_bestand(pad: Path) -> None:
    """Flush a written file's contents to the disk. Raises OSError."""
    with pad.open("rb+") as f:
        os.fsync(f.fileno())


def fsync_map(map_: Path) -> None:
    """Make a rename in `map_` durable (POSIX); a no-op where folders cannot be opened
    (Windows) or synced (some network file systems)."""
    try:
        fd = os.open(map_, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomair_pad(pad: Path) -> Iterator[Path]:
    """Yield an empty temporary file beside `pad` for a writer that needs a path.

    When the block ends normally the file is synced and renamed to `pad` (replacing it), and
    the folder is synced. When the block raises, or the rename fails, the temporary file is
    removed and `pad` is untouched. Raises OSError (folder missing, not writable, disk full).
    """
    pad = Path(pad)
    map_ = pad.parent if str(pad.parent) else Path()
    tijdelijk = _tijdelijk_naast(pad)
    _maak_leeg(tijdelijk)
    try:
        yield tijdelijk
        fsync_bestand(tijdelijk)
        tijdelijk.replace(pad)
    except BaseException:
        tijdelijk.unlink(missing_ok=True)
        raise
    fsync_map(map_)


def plaats_nieuw(pad: Path, vul: Callable[[Path], None]) -> bool | None:
    """Create `pad` complete, in one step, and never over an existing file.

    `vul(tijdelijk)` makes the content at a temporary path beside `pad` (it may create the
    file itself); the result is synced and hard-linked to `pad` (link(2) fails when the
    name exists, so of two processes exactly one places its file, and nobody ever sees a
    half-made one). Returns True when this call made `pad`; False when `pad` already existed
    (left untouched: someone else made it first); None when the file system has no hard
    links (FAT, some network shares): nothing is made then, the caller falls back. The
    temporary file (and any `-wal`/`-shm`/`-journal` beside it) is always removed. Raises
    OSError (folder not writable, disk full) and whatever `vul` raises.
    """
    pad = Path(pad)
    map_ = pad.parent if str(pad.parent) else Path()
    tijdelijk = _tijdelijk_naast(pad)
    try:
        vul(tijdelijk)
        fsync_bestand(tijdelijk)
        try:
            os.link(tijdelijk, pad)
        except FileExistsError:
            return False
        except OSError as fout:
            if fout.errno in _GEEN_LINKS:
                return None
            raise
    finally:
        for rest in (tijdelijk, *(tijdelijk.with_name(tijdelijk.name + a) for a in _ZIJ)):
            rest.unlink(missing_ok=True)
    fsync_map(map_)
    return True


def schrijf_atomair(pad: Path, inhoud: bytes | str) -> Path:
    """Write `inhoud` (str as UTF-8) to `pad` whole or not at all; returns `pad`.

    Raises OSError; the target is then unchanged and no temporary file remains.
    """
    data = inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud
    with atomair_pad(pad) as tijdelijk, tijdelijk.open("wb") as f:
        f.write(data)
    return Path(pad)
