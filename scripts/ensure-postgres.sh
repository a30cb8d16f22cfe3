#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the tests that run on both dialects: installs Debian's
# postgresql when it is missing, makes a cluster (trust auth, user wharf) and starts it, or leaves one that runs.
# Prints the server's URL on stdout (each test file creates its own database there). Port: $1, else
# WHARF_PG_PORT, else 5433. Stop it with scripts/stop-postgres.sh and the same port.
set -euo pipefail
PORT="${1:-${WHARF_PG_PORT:-5433}}"
ROOT="/var/tmp/wharf-postgres-$PORT"
URL="postgres://wharf@127.0.0.1:$PORT/postgres"

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(pg_bin)" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL is missing: install it with 'apt-get install postgresql' (as root), then run the tests again." >&2
    exit 1
  fi
  echo "[test] installing Debian's postgresql for the tests on PostgreSQL…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
BIN="$(pg_bin)"
# initdb and the server refuse to run as root: they run as the package's own user.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if as_postgres "$BIN/pg_ctl" -D "$ROOT/data" status >/dev/null 2>&1; then
  echo "$URL"
  exit 0
fi
mkdir -p "$ROOT"
[ "$(id -u)" = 0 ] && chown postgres: "$ROOT"
if [ ! -f "$ROOT/data/PG_VERSION" ]; then
  as_postgres "$BIN/initdb" -D "$ROOT/data" -A trust -U wharf >"$ROOT/initdb.log" 2>&1 ||
    { cat "$ROOT/initdb.log" >&2; exit 1; }
fi
# Loopback only; the socket in the cluster's own folder. Its data is thrown away: no need to survive a power cut.
as_postgres "$BIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/log" -w -t 60 start \
  -o "-p $PORT -k $ROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  >/dev/null || { tail -20 "$ROOT/log" >&2; exit 1; }
echo "$URL"
