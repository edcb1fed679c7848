#!/usr/bin/env bash
# Set up (once) and run the whole test suite on SQLite and PostgreSQL; Qt runs offscreen.
# A throwaway PostgreSQL server is installed if missing, started for this run (own data
# directory, Unix socket only) and removed at the end. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installeer.sh "test,dev"
source scripts/postgres.sh
start_test_postgres
export QT_QPA_PLATFORM=offscreen
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
exit "$status"
