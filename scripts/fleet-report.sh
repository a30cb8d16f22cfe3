#!/usr/bin/env bash
# After a failed suite: names every engine of the fleet that no longer answers, and keeps what says why. An engine
# whose containerd hung on one container's start answers pings but leaves `docker info` and every call on that
# container waiting, and each test after it fails on a timeout; the cause is only in the goroutine stacks, which
# dockerd and containerd write on SIGUSR1 (dockerd into its exec root, which a purge deletes: copied to the logs).
set -uo pipefail

# shellcheck source=scripts/fleet-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/fleet-lib.sh"

for name in "${FLEET_ENGINES[@]}"; do
  pid="$(fleet_read_pid "$(fleet_pidfile "$name")")"
  fleet_pid_is "$pid" dockerd || continue
  # docker info, then an inspect of every container: a container whose lock a hung call holds stalls the latter.
  # shellcheck disable=SC2016
  if timeout 10 bash -c 'docker -H "$1" info >/dev/null && ids=$(docker -H "$1" ps -aq) &&
      { [ -z "$ids" ] || docker -H "$1" inspect $ids >/dev/null; }' _ "unix://$(fleet_sock "$name")" 2>/dev/null; then
    continue
  fi
  exec_root="$FLEET_RUN/$name.exec"
  kill -USR1 "$pid" 2>/dev/null
  pkill -USR1 -f "containerd --config $exec_root/" 2>/dev/null
  sleep 1
  for dump in "$exec_root"/goroutine-stacks-*.log; do
    [[ -f "$dump" ]] && cp "$dump" "$FLEET_LOGS/$name-$(basename "$dump")"
  done
  echo "fleet: $name does not answer docker info and inspect within 10 s; goroutine stacks: containerd's in" \
    "$FLEET_LOGS/$name.log, dockerd's in $FLEET_LOGS/$name-goroutine-stacks-*.log"
done
exit 0
