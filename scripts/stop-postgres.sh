#!/usr/bin/env bash
# Stops the test cluster ensure-postgres.sh started on this port ($1, else WHARF_PG_PORT, else 5433), by its
# data folder; --purge also deletes the folder.
set -euo pipefail
PORT=5433
[ -n "${WHARF_PG_PORT:-}" ] && PORT="$WHARF_PG_PORT"
PURGE=0
for arg in "$@"; do
  case "$arg" in
    --purge) PURGE=1 ;;
    [0-9]*) PORT="$arg" ;;
    *)
      echo "usage: $0 [PORT] [--purge]" >&2
      exit 2
      ;;
  esac
done
ROOT="/var/tmp/wharf-postgres-$PORT"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -n "$BIN" ] && as_postgres "$BIN/pg_ctl" -D "$ROOT/data" status >/dev/null 2>&1; then
  as_postgres "$BIN/pg_ctl" -D "$ROOT/data" -m immediate stop >/dev/null
  echo "postgres: stopped the cluster on port $PORT"
else
  echo "postgres: nothing was running on port $PORT"
fi
if ((PURGE)); then rm -rf "$ROOT"; fi
