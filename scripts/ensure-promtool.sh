#!/usr/bin/env bash
# The metrics tests check a live /metrics with Prometheus's own linter, promtool (Debian's "prometheus" package).
set -euo pipefail
if command -v promtool >/dev/null; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "promtool is missing: install it with 'apt-get install prometheus' (as root), then run the tests again." >&2
  exit 1
fi
echo "[test] installing Debian's prometheus (for promtool) for the metrics tests…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null
