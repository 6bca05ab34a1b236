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

log() { printf '[test.sh] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install_missing() {
  local missing=()
  [ -n "$(postgres_bin)" ] && [ -x "$(postgres_bin)/initdb" ] || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

PG_DIR=""
stop_postgres() {
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    run_pg "$(postgres_bin)/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

run_pg() {
  # initdb and postgres refuse to run as root: use the postgres account the package created.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bin port
  bin=$(postgres_bin)
  port=$(free_port)
  PG_DIR=$(mktemp -d /tmp/ctms-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR"
  run_pg "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  # Durability settings off: this cluster lives for one test run.
  run_pg "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
  export CTMS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

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
