#!/usr/bin/env bash
# Set up (once) and run the whole test suite on SQLite and PostgreSQL; Qt runs offscreen.
# A throwaway PostgreSQL server is installed if missing, started for this run (own data
# directory, Unix socket only) and removed at the end. Extra arguments go to pytest.
# The whole suite (no arguments, as .ci/run runs it) also builds the wheel and checks that it
# installs and works on its own (scripts/wielproef.sh; KEUZEHULP_WIELPROEF=uit skips that,
# =volledig installs its dependencies from the package index).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installeer.sh "test,dev"
source scripts/postgres.sh
start_test_postgres
export QT_QPA_PLATFORM=offscreen
set +e
.venv/bin/python -m pytest "$@"
status=$?
if [ "$#" -eq 0 ] && [ "${KEUZEHULP_WIELPROEF:-snel}" != "uit" ]; then
    bash scripts/wielproef.sh || status=1
fi
set -e
exit "$status"
