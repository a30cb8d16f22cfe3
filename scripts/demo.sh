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
echo "demo: starting Wharf on port $PORT against $FLEET_CONFIG (Ctrl-C stops the app; 'npm run fleet:down' stops the fleet)"
exec npm start
