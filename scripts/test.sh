#!/usr/bin/env bash
# Set up (once) and run the whole test suite; Qt runs offscreen. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installeer.sh "test,dev"
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
