#!/usr/bin/env bash
# `npm run image [-- DOCKER_BUILD_ARGS...]`: builds Wharf's container image (Dockerfile) as `wharf`, running
# `npm run build` first when the sources are newer than the last build (the image packages that build).
# Extra arguments go to `docker build`, e.g. `-- --build-arg DOCKER_GID=998 -t wharf:1`. DOCKER_HOST picks the engine.
set -euo pipefail
cd "$(dirname "$0")/.."
if node -e 'import("./scripts/needs-build.mjs").then((m) => process.exit(m.needsBuild(process.cwd()) ? 0 : 1))'; then
  echo "[wharf] building (sources changed since the last build)…"
  NEXT_TELEMETRY_DISABLED=1 npx next build
fi
exec docker build -t "${WHARF_IMAGE:-wharf}" "$@" .
