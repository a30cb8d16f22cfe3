#!/usr/bin/env bash
# The demo's images, served by the fleet's loopback registry so that a redeploy from the demo pulls for real and
# a rollback has a previous image to return to: two versions of one repository, built from the fleet's busybox
# and pushed once; each standalone engine pulls the first. Prints nothing but errors; idempotent.
# WHARF_DEMO_REPO names another repository (the default is what demo-workloads.sh runs).
set -euo pipefail

# shellcheck source=scripts/fleet-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/fleet-lib.sh"

DEMO_REPO="${WHARF_DEMO_REPO:-$FLEET_REGISTRY_ADDR/wharf-demo/app}"
DEMO_VERSIONS=(1 2)

if ! fleet_registry_ping; then
  echo "demo: the registry does not answer on $FLEET_REGISTRY_ADDR: start the fleet with 'npm run fleet:up'" >&2
  exit 1
fi

registry_has() {
  local path=${1#"$FLEET_REGISTRY_ADDR/"}
  [[ "$(curl -s --noproxy '*' -m 5 -o /dev/null -w '%{http_code}' \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$FLEET_REGISTRY_ADDR/v2/${path%:*}/manifests/${path##*:}" 2>/dev/null)" == 200 ]]
}

# A label is enough to make another image: the legacy builder needs no context and no network for it.
for version in "${DEMO_VERSIONS[@]}"; do
  ref="$DEMO_REPO:$version"
  registry_has "$ref" && continue
  # The legacy builder warns that it is deprecated on every build: its output is shown only when it fails.
  if ! out="$(printf 'FROM %s\nLABEL org.opencontainers.image.title=wharf-demo org.opencontainers.image.version=%s\n' \
    "$FLEET_IMAGE" "$version" | DOCKER_BUILDKIT=0 fleet_docker alpha build -q -t "$ref" - 2>&1)"; then
    echo "demo: building $ref failed: $out" >&2
    exit 1
  fi
  fleet_docker alpha push -q "$ref" >/dev/null
done

for engine in "${FLEET_STANDALONE[@]}"; do
  fleet_docker "$engine" pull -q "$DEMO_REPO:${DEMO_VERSIONS[0]}" >/dev/null
done
