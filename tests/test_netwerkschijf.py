"""A SQLite catalogue on a network filesystem gets a Dutch warning that points to PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from keuzehulp.cli.main import main
from keuzehulp.model import netwerkschijf
from keuzehulp.model.netwerkschijf import bestandssysteem, is_netwerkpad_windows, netwerk_soort
from keuzehulp.services.opstart import open_catalogus
from tests.conftest import TEST_GEBRUIKER

MOUNTINFO = r"""22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw
40 27 0:45 / /srv/gedeeld rw,relatime shared:20 - nfs4 nas:/export/keuzehulp rw,vers=4.2
41 40 259:3 / /srv/gedeeld/lokaal rw,relatime - ext4 /dev/sdb1 rw
42 27 0:46 / /mnt/team\040schijf rw,relatime - cifs //server/team rw,vers=3.1.1
43 27 0:47 / /home/anna/laptop rw,nosuid - fuse.sshfs anna@server:/data rw
44 27 0:48 / /srv/gedeeldx rw - ext4 /dev/sdc1 rw
"""


@pytest.mark.parametrize(
    ("pad", "soort"),
    [
        ("/srv/gedeeld/keuzehulp.sqlite", "nfs4"),
        ("/srv/gedeeld/team/nog/niet/gemaakt.sqlite", "nfs4"),
        ("/srv/gedeeld/lokaal/keuzehulp.sqlite", "ext4"),  # a local disk mounted inside
        ("/srv/gedeeldx/keuzehulp.sqlite", "ext4"),  # a prefix of the name is no parent
        ("/mnt/team schijf/keuzehulp.sqlite", "cifs"),  # \040 is a space
        ("/home/anna/laptop/k.sqlite", "fuse.sshfs"),
        ("/home/anna/k.sqlite", "ext4"),
    ],
)
def test_the_mount_that_holds_the_file_decides(pad: str, soort: str) -> None:
    assert bestandssysteem(Path(pad), MOUNTINFO) == soort


def test_a_later_mount_on_the_same_point_hides_the_earlier_one() -> None:
    gestapeld = MOUNTINFO + "50 27 0:60 / /srv/gedeeld rw - ext4 /dev/sdd1 rw\n"
    assert bestandssysteem(Path("/srv/gedeeld/k.sqlite"), gestapeld) == "ext4"


def test_unreadable_or_empty_mountinfo_gives_no_answer() -> None:
    assert bestandssysteem(Path("/srv/k.sqlite"), "") is None
    assert bestandssysteem(Path("/srv/k.sqlite"), "onzin zonder scheiding\n") is None


def test_a_local_test_folder_is_not_a_network_share(tmp_path: Path) -> None:
    assert bestandssysteem(tmp_path / "k.sqlite") is not None  # the real mountinfo is read
    assert netwerk_soort(tmp_path / "k.sqlite") is None


@pytest.mark.parametrize(
    ("pad", "stationstype", "netwerk"),
    [
        (r"\\server\team\keuzehulp.sqlite", 3, True),
        ("//server/team/keuzehulp.sqlite", 3, True),
        (r"Z:\keuzehulp.sqlite", 4, True),  # DRIVE_REMOTE: a mapped network drive
        (r"C:\Users\anna\keuzehulp.sqlite", 3, False),  # DRIVE_FIXED
        (r"E:\keuzehulp.sqlite", 2, False),  # DRIVE_REMOVABLE: a USB stick is local
        (r"keuzehulp.sqlite", 4, False),
    ],
)
def test_windows_unc_paths_and_mapped_network_drives(
    pad: str, stationstype: int, netwerk: bool
) -> None:
    gevraagd: list[str] = []

    def type_van(wortel: str) -> int:
        gevraagd.append(wortel)
        return stationstype

    assert is_netwerkpad_windows(pad, type_van) is netwerk
    if pad[1:2] == ":":
        assert gevraagd == [f"{pad[:2]}\\"]


def test_opening_a_catalogue_on_a_network_share_warns_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The warning reaches the user, and the catalogue still opens (it is a warning)."""
    nep = tmp_path / "mountinfo"
    nep.write_text(
        f"27 1 259:2 / / rw - ext4 /dev/sda1 rw\n"
        f"40 27 0:45 / {tmp_path.resolve()} rw - nfs4 nas:/export rw\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(netwerkschijf, "MOUNTINFO", nep)
    url = f"sqlite:///{tmp_path / 'keuzehulp.sqlite'}"
    open_catalogus(url, TEST_GEBRUIKER, ()).database.sluit()  # `info` makes no database
    assert main(["--database", url, "info"]) == 0
    uit = capsys.readouterr()
    assert "staat op een netwerkschijf (nfs4)" in uit.err
    assert "PostgreSQL" in uit.err
    assert "Voor de applicatiebeheerder" in uit.err
    assert "Database:" in uit.out


def test_no_warning_on_a_local_disk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'k.sqlite'}"
    open_catalogus(url, TEST_GEBRUIKER, ()).database.sluit()  # `info` makes no database
    assert main(["--database", url, "info"]) == 0
    assert "netwerkschijf" not in capsys.readouterr().err
