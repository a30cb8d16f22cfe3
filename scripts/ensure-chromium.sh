#!/usr/bin/env bash
# Playwright cannot download its own browsers here, so e2e tests drive Debian's Chromium.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Chromium is missing: install it with 'apt-get install chromium' (as root), then run the tests again." >&2
  exit 1
fi
echo "[test] installing Debian's chromium for the browser tests…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
