#!/usr/bin/env bash
# Stops what fleet-up.sh started: the six engines, the large fleet's extra engines (if any) and the registry, by
# the pids in their pid files. Containers, and the swarm of sierra and tango, stay on the engines' data roots unless
# --purge, which also deletes the data roots, the run dir, .fleet/hosts.json and .fleet/hosts-large.json (the
# certificates are kept). A kept swarm comes back as it was on the next fleet:up; a purged one is initialised
# afresh (fleet-up.sh, ensure_swarm). --extras touches only the large fleet's extra engines (with --purge: their
# data roots and hosts-large.json), leaving the six engines and the registry running.
set -euo pipefail

# shellcheck source=scripts/fleet-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/fleet-lib.sh"

fleet_require_root "fleet:down must run as root: it stops the dockerd engines started by fleet:up"

STOP_TIMEOUT=20
PURGE=0
EXTRAS_ONLY=0
for dir in "$FLEET_RUN" "$FLEET_DATA"; do
  # --purge deletes these recursively; refuse anything that is not a dedicated directory.
  if [[ "$dir" != /*/* ]]; then
    echo "fleet: refusing to work with run/data dir '$dir': give a dedicated path like /run/wharf-fleet" >&2
    exit 1
  fi
done
for arg in "$@"; do
  case "$arg" in
    --purge) PURGE=1 ;;
    --extras) EXTRAS_ONLY=1 ;;
    *)
      echo "usage: $0 [--purge] [--extras]" >&2
      exit 2
      ;;
  esac
done

# Signals every pid, waits for all of them together (bounded), then SIGKILLs the stragglers.
stop_pids() {
  local pid alive deadline=$((SECONDS + STOP_TIMEOUT))
  (($# == 0)) && return 0
  kill -TERM "$@" 2>/dev/null || true
  while :; do
    alive=()
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    ((${#alive[@]} == 0)) && return 0
    if ((SECONDS >= deadline)); then
      echo "fleet: pids ${alive[*]} ignored SIGTERM for ${STOP_TIMEOUT}s, sending SIGKILL" >&2
      kill -KILL "${alive[@]}" 2>/dev/null || true
      sleep 0.5
      return 0
    fi
    sleep 0.2
  done
}

# Pids of containerd/dockerd processes whose command line mentions our run dir (with --extras, an extra engine's
# socket or exec root): containerd and its shims normally exit with dockerd, but a dockerd that was SIGKILLed
# leaves them behind, still holding containers. Only those daemons: a developer's
# `docker -H unix://.../alpha.sock logs -f` is not ours.
leftover_pids() {
  local pid cmd args table name
  # Read ps into a variable first: a grep/awk in a pipeline would carry the pattern in its own args.
  table="$(ps -eo pid=,args=)"
  while read -r pid cmd args; do
    case "${cmd##*/}" in
      containerd* | dockerd)
        if ((EXTRAS_ONLY)); then
          for name in "${EXTRAS[@]}"; do
            [[ "$args" == *"$FLEET_RUN/$name."* ]] && echo "$pid" && break
          done
        elif [[ "$args" == *"$FLEET_RUN/"* ]]; then
          echo "$pid"
        fi
        ;;
    esac
  done <<<"$table"
}

# The container processes under a shim: killing the shim alone would orphan them, still running.
children_of() {
  local parents=" $* " pid ppid table
  table="$(ps -eo pid=,ppid=)"
  while read -r pid ppid; do
    [[ "$parents" == *" $ppid "* && "$parents" != *" $pid "* ]] && echo "$pid"
  done <<<"$table"
}

# A cleanly stopped dockerd unmounts everything; one that crashed leaves container rootfs overlays,
# netns and its data-root bind mount behind. With no engine left running none of them is in use, and
# --purge must not rm -rf through a live overlay (that would delete image layers).
unmount_leftovers() {
  local mnt name
  if ((EXTRAS_ONLY)); then
    for name in "${EXTRAS[@]}"; do unmount_under "$FLEET_DATA/$name" "$FLEET_RUN/$name.exec"; done
  else
    unmount_under "$FLEET_DATA" "$FLEET_RUN"
  fi
}

# unmount_under DATA_DIR RUN_DIR: every mount at or below either.
unmount_under() {
  local mnt
  while read -r mnt; do
    umount -l "$mnt" 2>/dev/null || true
  done < <(awk -v a="$1" -v b="$2" \
    '$5 == a || index($5, a "/") == 1 || $5 == b || index($5, b "/") == 1 { print $5 }' /proc/self/mountinfo |
    sort -r)
}

EXTRAS=()

main() {
  fleet_lock
  mapfile -t EXTRAS < <(fleet_extras_present)
  local name pid pids=() stopped=() engines=("${EXTRAS[@]}")
  ((EXTRAS_ONLY)) || engines+=("${FLEET_ENGINES[@]}")
  for name in "${engines[@]}"; do
    pid="$(fleet_read_pid "$(fleet_pidfile "$name")")"
    if fleet_pid_is "$pid" dockerd && fleet_pid_is "$pid" "$(fleet_sock "$name")"; then
      pids+=("$pid")
      stopped+=("$name($pid)")
    fi
  done
  pid="$(fleet_read_pid "$(fleet_registry_pidfile)")"
  if ((!EXTRAS_ONLY)) && fleet_pid_is "$pid" docker-registry; then
    pids+=("$pid")
    stopped+=("registry($pid)")
  fi

  # dockerd stops its containers before exiting; that is the slow part (up to each stop timeout).
  stop_pids "${pids[@]}"

  local leftovers
  mapfile -t leftovers < <(leftover_pids)
  if ((${#leftovers[@]} > 0)); then
    echo "fleet: cleaning up leftover processes ${leftovers[*]}" >&2
    local kids
    mapfile -t kids < <(children_of "${leftovers[@]}")
    ((${#kids[@]} > 0)) && kill -KILL "${kids[@]}" 2>/dev/null || true
    stop_pids "${leftovers[@]}"
  fi

  for name in "${engines[@]}"; do rm -f "$(fleet_pidfile "$name")"; done
  ((EXTRAS_ONLY)) || rm -f "$(fleet_registry_pidfile)"

  unmount_leftovers

  if ((PURGE && EXTRAS_ONLY)); then
    for name in "${EXTRAS[@]}"; do
      rm -rf "${FLEET_DATA:?}/$name" "$FLEET_RUN/$name.exec" "$(fleet_sock "$name")"
    done
    rm -f "$FLEET_HOSTS_LARGE_JSON"
    echo "fleet: purged the extra engines ${EXTRAS[*]:-(none)} and $FLEET_HOSTS_LARGE_JSON"
  elif ((PURGE)); then
    rm -rf "$FLEET_DATA" "$FLEET_HOSTS_JSON" "$FLEET_HOSTS_LARGE_JSON"
    # The bridge swarm mode made for its gateway outlives the engines; nothing else here creates one.
    if ip link show docker_gwbridge >/dev/null 2>&1; then ip link delete docker_gwbridge 2>/dev/null || true; fi
    # The lock file lives in the run dir and we still hold it; remove everything else.
    find "$FLEET_RUN" -mindepth 1 -maxdepth 1 ! -name .lock -exec rm -rf {} +
    echo "fleet: purged $FLEET_DATA, $FLEET_RUN and $FLEET_HOSTS_JSON"
  fi

  if ((${#stopped[@]} > 0)); then
    echo "fleet: stopped ${stopped[*]}"
  else
    echo "fleet: nothing was running"
  fi
}

main "$@"
