"""The one safe file writer (issue 11, items 1 and 9): whole or not at all, unique temporary
names, normal permissions, and no other writer in the package."""

from __future__ import annotations

import ast
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from keuzehulp.model.bestanden import atomair_pad, plaats_nieuw, schrijf_atomair

PAKKET = Path(__file__).resolve().parent.parent / "keuzehulp"


@pytest.fixture
def umask() -> Iterator[None]:
    vorige = os.umask(0o022)
    yield
    os.umask(vorige)


@pytest.fixture
def map_(tmp_path: Path) -> Path:
    """An empty folder of its own (tmp_path holds the test's home folder)."""
    uit = tmp_path / "uit"
    uit.mkdir()
    return uit


def _rechten(pad: Path) -> int:
    return stat.S_IMODE(pad.stat().st_mode)


def test_a_file_is_written_whole_with_normal_permissions(map_: Path, umask: None) -> None:
    pad = schrijf_atomair(map_ / "uit.txt", "één regel\n")
    assert pad.read_text(encoding="utf-8") == "één regel\n"
    assert _rechten(pad) == 0o644
    assert sorted(p.name for p in map_.iterdir()) == ["uit.txt"]


def test_the_users_umask_is_honoured(map_: Path) -> None:
    vorige = os.umask(0o077)
    try:
        pad = schrijf_atomair(map_ / "prive.txt", b"x")
    finally:
        os.umask(vorige)
    assert _rechten(pad) == 0o600


def test_a_failure_leaves_the_old_file_and_no_temporary_one(map_: Path) -> None:
    pad = map_ / "export.xlsx"
    pad.write_bytes(b"oud")
    with pytest.raises(RuntimeError), atomair_pad(pad) as tijdelijk:
        tijdelijk.write_bytes(b"half")
        assert tijdelijk.parent == map_ and tijdelijk.suffix == ".xlsx"
        raise RuntimeError("onderbroken")
    assert pad.read_bytes() == b"oud"
    assert sorted(p.name for p in map_.iterdir()) == ["export.xlsx"]


def test_a_replaced_file_gets_the_new_contents(map_: Path, umask: None) -> None:
    pad = map_ / "a.pdf"
    pad.write_bytes(b"oud")
    pad.chmod(0o600)
    schrijf_atomair(pad, b"nieuw")
    assert pad.read_bytes() == b"nieuw" and _rechten(pad) == 0o644


def test_two_writers_of_the_same_file_get_their_own_temporary_file(map_: Path) -> None:
    pad = map_ / "samen.txt"
    with atomair_pad(pad) as een, atomair_pad(pad) as twee:
        assert een != twee and een.exists() and twee.exists()
        een.write_text("een", encoding="utf-8")
        twee.write_text("twee", encoding="utf-8")
    assert pad.read_text(encoding="utf-8") == "een"  # the outer block finished last
    assert sorted(p.name for p in map_.iterdir()) == ["samen.txt"]


def test_a_missing_folder_raises_and_creates_nothing(map_: Path) -> None:
    with pytest.raises(FileNotFoundError):
        schrijf_atomair(map_ / "nergens" / "x.txt", b"x")
    assert list(map_.iterdir()) == []


def test_a_new_file_is_placed_whole_and_only_once(map_: Path) -> None:
    """Two makers of one new file: the first places it complete, the second is told it was
    there and changes nothing; no temporary file (or SQLite side file) is left."""
    pad = map_ / "nieuw.sqlite"
    gezien: list[int] = []

    def vul(inhoud: bytes) -> Callable[[Path], None]:
        def schrijf(tijdelijk: Path) -> None:
            gezien.append(pad.stat().st_size if pad.exists() else -1)  # pad not there yet
            tijdelijk.write_bytes(inhoud)
            tijdelijk.with_name(tijdelijk.name + "-wal").write_bytes(b"rest")

        return schrijf

    assert plaats_nieuw(pad, vul(b"eerste")) is True
    assert plaats_nieuw(pad, vul(b"tweede")) is False
    assert pad.read_bytes() == b"eerste"
    assert gezien == [-1, len(b"eerste")]
    assert [p.name for p in map_.iterdir()] == ["nieuw.sqlite"]


def test_a_failing_maker_places_nothing(map_: Path) -> None:
    def vul(tijdelijk: Path) -> None:
        tijdelijk.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        plaats_nieuw(map_ / "nieuw.sqlite", vul)
    assert list(map_.iterdir()) == []


def _schrijvers(bron: str) -> list[str]:
    """Calls that write or rename a file by themselves, outside the one writer."""
    gevonden = []
    for knoop in ast.walk(ast.parse(bron)):
        if not isinstance(knoop, ast.Call):
            continue
        functie = knoop.func
        naam = functie.attr if isinstance(functie, ast.Attribute) else getattr(functie, "id", "")
        # Path.replace/rename(target): one positional argument (str.replace takes two,
        # datetime.replace and dataclasses.replace take keywords).
        op_os = isinstance(functie, ast.Attribute) and getattr(functie.value, "id", "") == "os"
        if naam in ("replace", "rename") and (
            op_os or (len(knoop.args) == 1 and not knoop.keywords)
        ):
            gevonden.append(f"{naam} (regel {knoop.lineno})")
        if naam in ("NamedTemporaryFile", "mkstemp", "mkdtemp", "write_bytes", "write_text"):
            gevonden.append(f"{naam} (regel {knoop.lineno})")
        if naam == "open":
            # The mode: builtin open(pad, mode), Path.open(mode), or mode=...; appending to a
            # log file is not replacing a file and is allowed.
            plek = 1 if isinstance(functie, ast.Name) else 0
            modi = [knoop.args[plek]] if len(knoop.args) > plek else []
            modi += [k.value for k in knoop.keywords if k.arg == "mode"]
            for modus in modi:
                waarde = modus.value if isinstance(modus, ast.Constant) else None
                schrijft = isinstance(waarde, str) and re.fullmatch(r"[rwxbt+]+", waarde)
                if schrijft and set(str(waarde)) & set("wx+"):
                    gevonden.append(f"open {waarde!r} (regel {knoop.lineno})")
    return gevonden


def test_no_module_writes_files_its_own_way() -> None:
    eigen = {
        str(pad.relative_to(PAKKET)): gevonden
        for pad in sorted(PAKKET.rglob("*.py"))
        if pad.name != "bestanden.py" and (gevonden := _schrijvers(pad.read_text("utf-8")))
    }
    assert eigen == {}


def test_the_check_finds_a_writer_of_its_own() -> None:
    bron = (
        "import os, tempfile\n"
        "tijdelijk.replace(doel)\n"
        "os.rename(a, b)\n"
        "tempfile.NamedTemporaryFile(dir=map_)\n"
        "pad.write_text('x')\n"
        "open(pad, 'w')\n"
        "pad.open(mode='xb')\n"
        "zip.open('xl/workbook.xml')\n"
        "open(pad, 'a', encoding='utf-8')\n"
        "'a-b'.replace('-', '_')\n"
        "moment.replace(tzinfo=None)\n"
        "open(pad, 'rb')\n"
    )
    assert len(_schrijvers(bron)) == 6
