#!/usr/bin/env bash
# `npm test`: every test Wharf has, against real engines. Provisions what is missing (apt packages, six
# dockerd engines, a registry, Chromium), runs static checks, unit, integration and e2e tests, and prints one
# closing line with the totals. A fleet this script started is stopped again at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
# The engines are shared by everything on this machine that tests or benchmarks against them: one at a time.
if [ -z "${WHARF_ENGINES_LOCKED:-}" ]; then
  export WHARF_ENGINES_LOCKED=1
  exec flock /tmp/wharf-engines.lock bash "$0" "$@"
fi
export NEXT_TELEMETRY_DISABLED=1
# The integration passes' engine locks (tests/support/engine-locks.ts): with the flock above held no other suite
# runs, so whatever is there was left by a run that was killed.
rm -rf "${TMPDIR:-/tmp}/wharf-engine-locks"
# Every suite runs on the Node `npm ci` provides (package.json's "node": node_modules/.bin/node), whatever the
# machine's own Node is: npm scripts put node_modules/.bin first already, and this does too when run by hand.
if [ ! -x node_modules/.bin/node ]; then
  echo "node_modules/.bin/node is missing: run npm ci first" >&2
  exit 1
fi
export PATH="$PWD/node_modules/.bin:$PATH"
echo "Testing on Node $(node --version)"
results=.fleet/test-results
mkdir -p "$results"
rm -f "$results"/*.json

fleet_was_up=0
if [ -f /run/wharf-fleet/alpha.pid ] && kill -0 "$(cat /run/wharf-fleet/alpha.pid)" 2>/dev/null; then fleet_was_up=1; fi
pg_port="${WHARF_PG_PORT:-5433}"
pg_was_up=0
if [ -f "/var/tmp/wharf-postgres-$pg_port/data/postmaster.pid" ]; then pg_was_up=1; fi
stop_fleet() {
  # A failed run names the engines that stopped answering, with their goroutine stacks, before they are stopped.
  if [ "$?" != 0 ]; then bash scripts/fleet-report.sh || true; fi
  if [ "$fleet_was_up" = 0 ] && [ "${WHARF_KEEP_FLEET:-0}" != 1 ]; then bash scripts/fleet-down.sh >/dev/null 2>&1 || true; fi
  if [ "$pg_was_up" = 0 ] && [ "${WHARF_KEEP_FLEET:-0}" != 1 ]; then bash scripts/stop-postgres.sh "$pg_port" >/dev/null 2>&1 || true; fi
}
trap stop_fleet EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started=$(date +%s)

step "provision: engines, registry, PostgreSQL, Chromium, promtool"
bash scripts/fleet-up.sh
# The tests of the data layer run on both dialects: each test file makes its own database on this server.
WHARF_TEST_DATABASE_URL="$(bash scripts/ensure-postgres.sh "$pg_port")"
export WHARF_TEST_DATABASE_URL
bash scripts/ensure-chromium.sh
bash scripts/ensure-promtool.sh

# These need no engine and share nothing: they run side by side, each to its own log, printed in order. The
# typecheck follows the build, whose route types (.next/types) it checks and would read half written.
step "build then typecheck, lint, format and unit tests, side by side"
checks=(
  "build and typecheck|npx next build && npx tsc --noEmit"
  "lint|npx eslint . --max-warnings 0"
  "format|npx prettier --check . --log-level warn"
  "unit tests|npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=$results/unit.json"
)
pids=()
for check in "${checks[@]}"; do
  name="${check%%|*}"
  bash -c "${check#*|}" >"$results/${name// /-}.log" 2>&1 &
  pids+=("$!")
done
failed=0
for i in "${!checks[@]}"; do
  name="${checks[$i]%%|*}"
  if wait "${pids[$i]}"; then status=ok; else status=FAILED failed=1; fi
  printf -- '-- %s: %s\n' "$name" "$status"
  # Unit tests print their summary either way; the others only what went wrong.
  if [ "$status" = FAILED ] || [ "$name" = "unit tests" ]; then tail -n 40 "$results/${name// /-}.log"; fi
done
[ "$failed" = 0 ] || exit 1

# The integration suite runs twice at once: every Wharf on SQLite, and every Wharf on PostgreSQL for the files that
# read what Wharf stores (vitest.config.mts says which). Each pass has its own label value, ports and folders
# (tests/support/pass.ts); a test that stops an engine or turns auto-heal on holds a lock the other pass respects
# (tests/support/engine-locks.ts). Each pass writes its own log, printed when both are done.
step "integration tests on the real fleet: the SQLite and PostgreSQL passes side by side"
passes=(sqlite postgres)
pids=()
for dialect in "${passes[@]}"; do
  WHARF_INTEGRATION_DIALECT=$dialect npx vitest run --project integration --reporter=default --reporter=json \
    --outputFile.json="$results/integration-$dialect.json" >"$results/integration-$dialect.log" 2>&1 &
  pids+=("$!")
done
for i in "${!passes[@]}"; do
  if wait "${pids[$i]}"; then status=ok; else status=FAILED failed=1; fi
  printf -- '-- integration on %s: %s\n' "${passes[$i]}" "$status"
  # Vitest prints what failed above its summary: a failed pass shows more of its log.
  if [ "$status" = FAILED ]; then grep -v '^ *[✓↓]' "$results/integration-${passes[$i]}.log" | tail -n 150;
  else tail -n 8 "$results/integration-${passes[$i]}.log"; fi
done
[ "$failed" = 0 ] || exit 1

step "end-to-end tests in Chromium"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --reporter=list,json

node scripts/summarize-tests.mjs "$results" "$(( $(date +%s) - started ))"
