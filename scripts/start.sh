#!/usr/bin/env bash
# Set up (once) and start the keuzehulp on the embedded SQLite default with the sample catalogue.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installeer.sh
# A new database gets the sample catalogue without the first-run question (set
# KEUZEHULP_VOORBEELD=nee to be asked instead).
export KEUZEHULP_VOORBEELD="${KEUZEHULP_VOORBEELD:-ja}"
echo "Keuzehulp starten…"
exec .venv/bin/keuzehulp "$@"
