#!/usr/bin/env bash
# Runs every test: unit and integration tests on SQLite and on PostgreSQL, and the end-to-end tests in Chromium
# (among them the cluster tests, which start a real two-node cluster with nginx through deploy/cluster.sh).
# Installs what a fresh Debian machine lacks for that (chromium, postgresql, nginx-light), starts a throwaway
# PostgreSQL server on a loopback port for this run only, and stops it again afterwards, whatever happens.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "$(postgres_bin)" ] || missing+=(postgresql)
# nginx in front of the cluster tests' two nodes; the package's own nginx service is not used (it need not run).
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian ..."
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
PG_BIN="$(postgres_bin)"

# PostgreSQL refuses to run as root; when we are root it runs as the 'postgres' user the Debian package made.
pg_user="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then
  pg_user=postgres
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
fi
as_pg() { if [ "$(id -un)" = "$pg_user" ]; then "$@"; else runuser -u "$pg_user" -- "$@"; fi; }

# The first port after $1 that nothing listens on.
free_port() {
  local port
  for port in $(seq $(( $1 + 1 )) 55532); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo "no free port between 55432 and 55532" >&2; return 1
}

PG_DIR="$(mktemp -d /tmp/wehelpen-pg-XXXXXX)"
chown "$pg_user" "$PG_DIR"
stop_postgres() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_postgres EXIT

as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability is of no use for a throwaway test server; without it the tests run faster.
# A port nobody listens on can still be taken: a client connection that ended a moment ago may hold it as its own
# (ephemeral) port in TIME-WAIT, and then the server cannot bind it. So: the next free port, a few times.
PG_PORT=55431
for attempt in 1 2 3 4 5; do
  PG_PORT="$(free_port "$PG_PORT")"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null && break
  tail -n 3 "$PG_DIR/server.log" >&2 2>/dev/null || true
  [ "$attempt" -lt 5 ] || { echo "PostgreSQL did not start" >&2; exit 1; }
done
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for this run on 127.0.0.1:$PG_PORT"
export WEHELPEN_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"

dotnet build Wehelpen.sln -c Release -nologo -clp:ErrorsOnly

LOG="$(mktemp)"
# What the apps under test log as errors (see tests/Wehelpen.Web.Tests/AppErrorLog.cs); its end is shown when a test fails.
export WEHELPEN_TEST_APP_ERRORS="$(mktemp)"
trap 'stop_postgres; rm -f "$WEHELPEN_TEST_APP_ERRORS"' EXIT
status=0
for project in tests/Wehelpen.Matching.Tests tests/Wehelpen.Web.Tests e2e/Wehelpen.E2E; do
  echo "== $project"
  dotnet test "$project" -c Release --no-build -nologo 2>&1 | tee -a "$LOG" || status=1
done

# One closing line over all projects; a skipped test counts as a failure: nothing is silently left out.
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$LOG" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$LOG"
if [ "$failed" -gt 0 ] && [ -s "$WEHELPEN_TEST_APP_ERRORS" ]; then
  echo "== the last errors the apps under test logged (many tests cause some on purpose)"
  tail -n 60 "$WEHELPEN_TEST_APP_ERRORS"
fi
if [ "$skipped" -gt 0 ]; then echo "$skipped tests were skipped; every test must run."; status=1; fi
if [ "$passed" -eq 0 ]; then echo "No test ran."; status=1; fi
echo "tests: $passed passed, $failed failed"
exit $status
