#!/usr/bin/env bash
# (Re)creates demo containers on the fleet started by fleet-up.sh, one of each state the dashboard
# has to tell apart: healthy, crash-looping, unhealthy, OOM-killed, failed with an exit code, and
# stopped on purpose. Every container is named demo-*, labelled wharf.demo=1 and has no network, and runs
# 127.0.0.1:5000/wharf-demo/app:1 from the fleet's registry (demo-images.sh), so a redeploy from the demo pulls
# (":2" is there to move to) and a rollback returns. Idempotent: earlier demo-* containers are removed first.
set -euo pipefail

# shellcheck source=scripts/fleet-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/fleet-lib.sh"

READY_TIMEOUT=30
DEMO_IMAGE="$FLEET_REGISTRY_ADDR/wharf-demo/app:1"

for engine in "${FLEET_HOSTS[@]}"; do
  if ! fleet_engine_ping "$engine"; then
    echo "demo: engine $engine does not answer on $(fleet_sock "$engine"): start the fleet with 'npm run fleet:up'" \
      "and run this as root (the engines' sockets are root-only)" >&2
    exit 1
  fi
done

bash "$(dirname "${BASH_SOURCE[0]}")/demo-images.sh"

remove_old_demos() {
  local engine=$1 name names=()
  while read -r name; do
    [[ "$name" == demo-* ]] && names+=("$name")
  done < <(fleet_docker "$engine" ps -a --format '{{.Names}}')
  ((${#names[@]} == 0)) || fleet_docker "$engine" rm -f "${names[@]}" >/dev/null
}

demo_run() {
  local engine=$1
  shift
  fleet_docker "$engine" run -d --network none --label wharf.demo=1 "$@" >/dev/null
}

# The long-running commands trap TERM because a shell running as pid 1 ignores it otherwise: every
# stop, restart and fleet-down would then wait out Docker's 10 s stop timeout and end in a SIGKILL.
create_alpha() {
  demo_run alpha --name demo-shop-web \
    --label com.docker.compose.project=shop --label com.docker.compose.service=web \
    --health-cmd true --health-interval 2s \
    "$DEMO_IMAGE" sh -c 'trap "exit 0" TERM; while :; do echo "GET / 200"; sleep 2; done'
  demo_run alpha --name demo-shop-worker \
    --label com.docker.compose.project=shop --label com.docker.compose.service=worker \
    --restart always \
    "$DEMO_IMAGE" sh -c 'echo "worker: cannot connect to queue" >&2; exit 1'
}

create_bravo() {
  demo_run bravo --name demo-api \
    --health-cmd 'echo db down; exit 1' --health-interval 1s --health-retries 1 \
    "$DEMO_IMAGE" sh -c 'trap "exit 0" TERM; while :; do echo "api: listening on :8080"; sleep 2; done'
  # Builds a 64 MB string in the shell under an 8 MB limit, so the kernel's OOM killer ends it.
  demo_run bravo --name demo-cache \
    --memory 8m --memory-swap 8m \
    "$DEMO_IMAGE" sh -c 'echo "cache: warming up"; x=$(head -c 67108864 /dev/zero | tr "\\0" x); sleep 1'
}

create_charlie() {
  demo_run charlie --name demo-report \
    "$DEMO_IMAGE" sh -c 'echo "report failed: missing input" >&2; exit 3'
  demo_run charlie --name demo-batch \
    "$DEMO_IMAGE" sh -c 'trap "exit 0" TERM; echo "batch: processing"; while :; do sleep 1; done'
  # A deliberate stop, not a crash: it must end with exit code 0.
  fleet_docker charlie stop demo-batch >/dev/null
}

state_of() {
  fleet_docker "$1" inspect -f "$3" "$2" 2>/dev/null || true
}

# Waits until a container reaches the expected state, so the dashboard shows the final picture at once.
wait_state() {
  local engine=$1 name=$2 format=$3 want=$4 got deadline=$((SECONDS + READY_TIMEOUT))
  while :; do
    got="$(state_of "$engine" "$name" "$format")"
    [[ "$got" == "$want" ]] && return 0
    if ((SECONDS >= deadline)); then
      echo "demo: $engine/$name is '$got' after ${READY_TIMEOUT}s, expected '$want'" >&2
      exit 1
    fi
    sleep 0.3
  done
}

main() {
  local engine
  for engine in "${FLEET_HOSTS[@]}"; do remove_old_demos "$engine"; done
  create_alpha
  create_bravo
  create_charlie

  wait_state bravo demo-cache '{{.State.Status}} oom={{.State.OOMKilled}}' 'exited oom=true'
  wait_state bravo demo-api '{{.State.Health.Status}}' unhealthy
  wait_state alpha demo-shop-web '{{.State.Health.Status}}' healthy
  wait_state charlie demo-report '{{.State.Status}} {{.State.ExitCode}}' 'exited 3'

  for engine in "${FLEET_HOSTS[@]}"; do
    echo "== $engine"
    fleet_docker "$engine" ps -a --filter label=wharf.demo=1 --format '{{.Names}}\t{{.Status}}'
  done
}

main "$@"
