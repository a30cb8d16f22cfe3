#!/usr/bin/env bash
# One command to see Wharf working: a live fleet with broken-in-every-way demo containers, and the app
# on http://127.0.0.1:${PORT:-3000} watching it. Runs as root because fleet-up starts dockerd.
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(dirname "$SCRIPTS")"

bash "$SCRIPTS/fleet-up.sh"
bash "$SCRIPTS/demo-workloads.sh"

cd "$REPO_ROOT"
export FLEET_CONFIG="$REPO_ROOT/.fleet/hosts.json"
export PORT="${PORT:-3000}"
# The demo keeps its own data, so its admin is always the one printed below. There is no default password:
# one is made up on the first demo run and kept (git-ignored) for the next ones.
export DATA_DIR="${DATA_DIR:-$REPO_ROOT/.fleet/demo-data}"
password_file="$REPO_ROOT/.fleet/demo-admin-password"
if [ -z "${WHARF_ADMIN_PASSWORD:-}" ]; then
  [ -s "$password_file" ] || (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$password_file")
  WHARF_ADMIN_PASSWORD="$(cat "$password_file")"
fi
export WHARF_ADMIN_PASSWORD
echo
echo "demo: Wharf on http://127.0.0.1:$PORT — sign in as  admin / $WHARF_ADMIN_PASSWORD"
echo "demo: (Ctrl-C stops the app; 'npm run fleet:down' stops the fleet)"
if [ -n "${DATABASE_URL:-}" ]; then
  # The password above is the one start-up gives a new admin: a database that has users keeps theirs.
  echo "demo: data in PostgreSQL (DATABASE_URL); the admin above is created only if that database has no users yet"
fi
echo
exec npm start
