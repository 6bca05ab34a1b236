#!/usr/bin/env bash
# Runs every test of Ctms on a fresh machine.
#  1. Installs what the tests need and the machine lacks (PostgreSQL server binaries, Chromium) from Debian's packages.
#  2. Starts a throwaway PostgreSQL cluster on a free loopback port and names it in CTMS_TEST_POSTGRES.
#  3. Runs `dotnet test` on the whole solution: storage tests run on SQLite and on that PostgreSQL,
#     the studio's end-to-end tests drive Debian's Chromium.
#  4. Stops the cluster and removes it, whatever happened; exits non-zero when any test failed.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Audit).
set -euo pipefail
cd "$(dirname "$0")"

# shellcheck source=tests/throwaway-postgres.sh
source tests/throwaway-postgres.sh

install_missing
trap stop_postgres EXIT
start_postgres
export CTMS_CHROMIUM=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results=$(mktemp -d /tmp/ctms-results.XXXXXX)
status=0
dotnet test Ctms.sln --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line over every test project.
total=0 passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$((total + $(get total))); passed=$((passed + $(get passed))); failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$total" -eq 0 ]; then
  log "no test ran"; status=1
fi
exit "$status"
