#!/usr/bin/env bash
# Runs the benchmark on SQLite and on a throwaway PostgreSQL cluster, in Release, and prints a Markdown table.
# ./bench/run.sh [--quick] [--only audit|access|engine|inbox|instances|bulk-import]    (--quick: CI's run, under a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tests/throwaway-postgres.sh
source tests/throwaway-postgres.sh
install_missing
trap stop_postgres EXIT
CTMS_PG_DURABLE=1 start_postgres
dotnet run -c Release --project bench -- "$@"
