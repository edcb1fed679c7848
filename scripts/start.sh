#!/usr/bin/env bash
# Set up (once) and start the keuzehulp on the embedded SQLite default with the sample catalogue.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installeer.sh
exec .venv/bin/keuzehulp "$@"
