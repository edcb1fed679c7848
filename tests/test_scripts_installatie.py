"""scripts/installeer.sh: short Dutch lines on screen, the tools' noise in a log, the log named
when it fails. Run on a copy of the script with a stand-in Python whose `-m venv` fails the
way a real tool does (English, on stderr), so nothing is installed and no network is used."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

WORTEL = Path(__file__).resolve().parent.parent


@pytest.fixture
def kopie(tmp_path: Path) -> Path:
    """A folder with scripts/installeer.sh and pyproject.toml, and no .venv."""
    (tmp_path / "scripts").mkdir()
    shutil.copy2(WORTEL / "scripts" / "installeer.sh", tmp_path / "scripts" / "installeer.sh")
    shutil.copy2(WORTEL / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _nep_python(map: Path) -> Path:
    """A python3 that answers `-c` with the real one and fails `-m venv` noisily."""
    pad = map / "python3"
    pad.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then\n'
        "  echo \"Error: Command 'ensurepip --upgrade' returned non-zero exit status 1.\" >&2\n"
        "  exit 1\n"
        "fi\n"
        f'exec "{sys.executable}" "$@"\n'
    )
    pad.chmod(0o755)
    return pad


def test_a_failing_step_names_the_log_in_dutch(kopie: Path, tmp_path: Path) -> None:
    nep = _nep_python(tmp_path)
    log = tmp_path / "logboek" / "installatie.log"
    log.parent.mkdir()
    uit = subprocess.run(
        ["bash", str(kopie / "scripts" / "installeer.sh")],
        env={**os.environ, "PYTHON": str(nep), "KEUZEHULP_INSTALLATIELOG": str(log)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uit.returncode == 1
    # On screen: only the short Dutch progress line ...
    assert uit.stdout.strip().splitlines()[-1] == "Virtuele omgeving maken in .venv…"
    assert "Error" not in uit.stdout
    # ... and on failure what failed, where the log is, and its last lines.
    assert "Installeren mislukt bij: virtuele omgeving maken." in uit.stderr
    assert f"Alle meldingen staan in het logbestand: {log}" in uit.stderr
    assert "  | Error: Command 'ensurepip --upgrade'" in uit.stderr
    # The tool's own words are in the log, with the step that said them.
    inhoud = log.read_text()
    assert "### virtuele omgeving maken:" in inhoud
    assert "returned non-zero exit status 1" in inhoud
    assert not (kopie / ".venv").exists()
