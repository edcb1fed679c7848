#!/usr/bin/env bash
# Build the wheel from this repository, install it (not editable) into a fresh virtualenv and
# check that the installed keuzehulp works on its own (issue 11, item 9): it imports from the
# venv (not from this checkout), it makes a new database, imports the sample workbook that
# ships inside the package (`import`, `voorbeeld`), answers `info` and `zoek`, and opens its
# window offscreen.
#
# Dependencies: by default the fresh venv sees the packages of the project's .venv through a
# .pth file (seconds instead of minutes; `pip check` still proves the wheel's requirements are
# met). KEUZEHULP_WIELPROEF=volledig installs them from the package index instead (~2 min).
# Runs from a temporary folder with its own HOME, so no real user data is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
PY="${KEUZEHULP_PYTHON:-$REPO/.venv/bin/python}"
[ -x "$PY" ] || { echo "wielproef: $PY ontbreekt; draai eerst scripts/installeer.sh" >&2; exit 1; }

WERK="$(mktemp -d "${TMPDIR:-/tmp}/keuzehulp-wielproef.XXXXXX")"
trap 'rm -rf "$WERK"' EXIT

echo "--- wielproef: wiel bouwen"
# From a clean copy of the checkout's files: an in-place build keeps a build/ folder whose
# stale modules would end up in later wheels.
BRON="$REPO"
if git -C "$REPO" rev-parse --git-dir > /dev/null 2>&1; then
    BRON="$WERK/bron"
    mkdir -p "$BRON"
    git -C "$REPO" ls-files -z --cached --others --exclude-standard \
        | (cd "$REPO" && xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' _) \
        | (cd "$REPO" && tar --null -cf - -T -) | tar -xf - -C "$BRON"
fi
"$PY" -m pip wheel --no-deps --quiet --wheel-dir "$WERK/wiel" "$BRON"
WIEL="$(ls "$WERK"/wiel/keuzehulp-*.whl)"

echo "--- wielproef: installeren in een nieuwe venv ($(basename "$WIEL"))"
"$PY" -m venv --without-pip "$WERK/venv"
VPY="$WERK/venv/bin/python"
if [ "${KEUZEHULP_WIELPROEF:-snel}" = "volledig" ]; then
    "$PY" -m pip --python "$VPY" install --quiet "$WIEL"
else
    "$PY" -m pip --python "$VPY" install --quiet --no-deps "$WIEL"
    # The dependencies from the project's venv, after the venv's own site-packages (so the
    # wheel's keuzehulp wins); its .pth files (the editable install) are not processed.
    GEDEELD="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    EIGEN="$("$VPY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    echo "$GEDEELD" > "$EIGEN/zz-keuzehulp-wielproef-afhankelijkheden.pth"
fi
"$PY" -m pip --python "$VPY" check

cd "$WERK"
export HOME="$WERK/thuis" XDG_DATA_HOME="$WERK/thuis/data" XDG_CONFIG_HOME="$WERK/thuis/config"
export XDG_STATE_HOME="$WERK/thuis/state" XDG_CACHE_HOME="$WERK/thuis/cache"
export KEUZEHULP_GEBRUIKER=wielproef QT_QPA_PLATFORM=offscreen
unset PYTHONPATH KEUZEHULP_DATABASE_URL KEUZEHULP_VOORBEELD
mkdir -p "$HOME"
KH="$WERK/venv/bin/keuzehulp"
DB="sqlite:///$WERK/nieuw.sqlite"

echo "--- wielproef: het pakket komt uit de venv, met migraties, voorbeeld en handleiding"
"$VPY" - "$WERK/venv" <<'PYTHON'
import sys
from pathlib import Path

import keuzehulp
from keuzehulp.model.migratie import MIGRATIES
from keuzehulp.services.bronbestand.voorbeeld import voorbeeldcatalogus_pad
from keuzehulp.ui.hulp import handleiding_pad

venv = Path(sys.argv[1]).resolve()
for naam, pad in (
    ("pakket", Path(keuzehulp.__file__)),
    ("migraties", MIGRATIES),
    ("voorbeeld", voorbeeldcatalogus_pad()),
    ("handleiding", handleiding_pad()),
):
    assert pad is not None and venv in Path(pad).resolve().parents, f"{naam}: {pad}"
    print(f"{naam}: {pad}")

# The name check's word lists ship inside the package (keuzehulp/data).
from keuzehulp.services.privacy import naam_in

assert naam_in("Jan de Vries vond het fijn") == "Jan de Vries"
assert naam_in("Hoop doet leven") is None
print("woordenlijsten: namen herkend")
PYTHON

echo "--- wielproef: opdrachtregel"
"$KH" --help > /dev/null
"$KH" --version
# A reading command on a database that does not exist refuses and makes nothing.
if "$KH" --database "$DB" info > /dev/null 2>&1; then
    echo "wielproef: 'info' op een ontbrekende database had moeten weigeren" >&2; exit 1
fi
[ ! -e "$WERK/nieuw.sqlite" ] || { echo "wielproef: 'info' maakte een database" >&2; exit 1; }
VOORBEELD="$("$VPY" -c 'from keuzehulp.services.bronbestand.voorbeeld import voorbeeldcatalogus_pad as p; print(p())')"
"$KH" --database "$DB" import "$VOORBEELD" --reden "wielproef" > "$WERK/import.txt"
"$KH" --database "$DB" info | tee "$WERK/info.txt"
grep -Eq "Instrumenten: +[1-9][0-9]* actief" "$WERK/info.txt" \
    || { echo "wielproef: het voorbeeld staat niet in de nieuwe database" >&2; exit 1; }
"$KH" --database "$DB" zoek --tekst sollicitatie > "$WERK/zoek.txt"
[ -s "$WERK/zoek.txt" ] || { echo "wielproef: 'zoek' vond niets" >&2; exit 1; }
# `keuzehulp voorbeeld` makes a second new database with the sample and invented gesprekken.
"$KH" --database "sqlite:///$WERK/voorbeeld.sqlite" voorbeeld --gesprekken 20
# Through a file, not a pipe: `grep -q` stops reading at the first match, and under
# pipefail the writer's broken pipe would fail the check at random.
"$KH" --database "sqlite:///$WERK/voorbeeld.sqlite" info > "$WERK/voorbeeld-info.txt"
grep -Eq "Instrumenten: +[1-9]" "$WERK/voorbeeld-info.txt" \
    || { echo "wielproef: 'voorbeeld' vulde de database niet" >&2; exit 1; }

echo "--- wielproef: het venster opent (offscreen) op een nieuwe database met het voorbeeld"
KEUZEHULP_VOORBEELD=ja "$VPY" - "sqlite:///$WERK/venster.sqlite" <<'PYTHON'
import sys

from PySide6.QtCore import QTimer

from keuzehulp.ui import app

qt = app.maak_applicatie()
opstart = app.open_of_meld(sys.argv[1], None)
assert opstart is not None and opstart.nieuw
assert app.bied_voorbeeld_aan(opstart)
venster = app.maak_hoofdvenster(opstart, laad_later=True)
venster.show()
QTimer.singleShot(1500, qt.quit)
qt.exec()
venster.context.taken.wacht(10_000)
print(f"venster: {venster.windowTitle()}")
venster.close()
opstart.database.sluit()
PYTHON
echo "--- wielproef: geslaagd"
