#!/usr/bin/env bash
# Set up everything the keuzehulp needs on Debian/Ubuntu: system libraries for Qt, a virtual
# environment in .venv and the package itself. Usage: scripts/installeer.sh [EXTRAS], e.g. "test,dev".
# Safe to run again: it only installs what is missing or changed.
set -euo pipefail
cd "$(dirname "$0")/.."

EXTRAS="${1:-}"
PYTHON="${PYTHON:-python3}"

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
  echo "Systeempakketten installeren: ${ontbrekend[*]}"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${ontbrekend[@]}"
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${ontbrekend[@]}"
  else
    echo "Installeer eerst (als beheerder): apt-get install ${ontbrekend[*]}" >&2
    exit 1
  fi
fi

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "De keuzehulp vraagt Python 3.11 of nieuwer; $PYTHON is $("$PYTHON" --version 2>&1)." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
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
  .venv/bin/python -m pip install --quiet --upgrade pip
  if [ -n "$EXTRAS" ]; then
    .venv/bin/python -m pip install --quiet -e ".[$EXTRAS]"
  else
    .venv/bin/python -m pip install --quiet -e .
  fi
  echo "$wens" > "$stempel"
fi
