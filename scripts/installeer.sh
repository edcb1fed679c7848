#!/usr/bin/env bash
# Set up everything the keuzehulp needs on Debian/Ubuntu: system libraries for Qt, a virtual
# environment in .venv and the package itself. Usage: scripts/installeer.sh [EXTRAS], e.g. "test,dev".
# Safe to run again: it only installs what is missing or changed.
set -euo pipefail
cd "$(dirname "$0")/.."

EXTRAS="${1:-}"
PYTHON="${PYTHON:-python3}"

# What apt-get, venv and pip say goes to this log, not to the screen: the user sees short Dutch
# progress lines, and on a failure where the log is and its last lines (CI shows those too).
LOG="${KEUZEHULP_INSTALLATIELOG:-$PWD/installatie.log}"
log_begonnen=0

# stil OMSCHRIJVING COMMAND...: run COMMAND with its output in the log; stop with a Dutch
# message naming the log when it fails.
stil() {
  local wat="$1"
  shift
  if [ "$log_begonnen" = 0 ]; then
    echo "Installatie van de keuzehulp, $(date '+%Y-%m-%d %H:%M:%S')" >"$LOG"
    log_begonnen=1
  fi
  echo "### $wat: $*" >>"$LOG"
  if ! "$@" </dev/null >>"$LOG" 2>&1; then
    {
      echo "Installeren mislukt bij: $wat."
      echo "Alle meldingen staan in het logbestand: $LOG"
      echo "De laatste regels:"
      tail -n 15 "$LOG" | sed 's/^/  | /'
    } >&2
    exit 1
  fi
}

# Libraries Qt 6 (PySide6) loads, also for the offscreen platform used by the tests, and a font.
QT_PAKKETTEN=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
  libglib2.0-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-sync1
  fonts-dejavu-core
)

ontbrekend=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pakket in "${QT_PAKKETTEN[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pakket" 2>/dev/null | grep -q "install ok installed"; then
      ontbrekend+=("$pakket")
    fi
  done
  if ! "$PYTHON" -c "import venv, ensurepip" >/dev/null 2>&1; then
    ontbrekend+=(python3-venv)
  fi
fi

if ((${#ontbrekend[@]})); then
  echo "Systeempakketten installeren (eenmalig): ${ontbrekend[*]}"
  if [ "$(id -u)" = 0 ]; then
    als_root=()
  elif command -v sudo >/dev/null 2>&1; then
    als_root=(sudo)
    # Ask for the password here, on the screen, not inside the logged commands.
    sudo -v || { echo "Zonder beheerdersrechten kan ik de systeempakketten niet installeren." >&2; exit 1; }
  else
    echo "Installeer eerst (als beheerder): apt-get install ${ontbrekend[*]}" >&2
    exit 1
  fi
  stil "pakketlijsten bijwerken" "${als_root[@]}" apt-get update -q
  stil "systeempakketten installeren" "${als_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q "${ontbrekend[@]}"
fi

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "De keuzehulp vraagt Python 3.11 of nieuwer; $PYTHON is $("$PYTHON" --version 2>&1)." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "Virtuele omgeving maken in .venv…"
  stil "virtuele omgeving maken" "$PYTHON" -m venv .venv
fi

# Reinstall only when pyproject.toml or the extras changed.
stempel=".venv/.keuzehulp-installatie"
hash="$(sha256sum pyproject.toml | cut -d' ' -f1)"
wens="$hash [$EXTRAS]"
# Up to date when pyproject.toml is unchanged and every asked-for extra is already installed
# (start.sh after test.sh installs nothing again).
bijgewerkt=0
if [ -f "$stempel" ]; then
  read -r oud_hash oud_extras <"$stempel" || true
  oud_extras="${oud_extras#[}"
  oud_extras="${oud_extras%]}"
  if [ "$oud_hash" = "$hash" ]; then
    bijgewerkt=1
    for extra in ${EXTRAS//,/ }; do
      case ",$oud_extras," in
        *",$extra,"*) ;;
        *) bijgewerkt=0 ;;
      esac
    done
    [ "$bijgewerkt" = 1 ] && wens="$hash [$oud_extras]"
  fi
fi
if [ "$bijgewerkt" = 0 ]; then
  if [ -n "$EXTRAS" ]; then
    echo "Keuzehulp installeren, met test- en ontwikkelgereedschap… (eenmalig, een paar minuten)"
    doel=".[$EXTRAS]"
  else
    echo "Keuzehulp installeren… (eenmalig, een paar minuten)"
    doel="."
  fi
  stil "pip bijwerken" .venv/bin/python -m pip install --upgrade --progress-bar off pip
  stil "de keuzehulp en zijn pakketten installeren" \
    .venv/bin/python -m pip install --progress-bar off -e "$doel"
  echo "$wens" > "$stempel"
  echo "Installatie klaar (meldingen in $LOG)."
fi
