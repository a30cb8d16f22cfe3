#!/usr/bin/env bash
# Starts the local fleet Wharf is developed and tested against: three standalone dockerd engines reached
# three different ways (unix socket, plain TCP, mutual TLS), a two-node swarm (manager sierra, worker
# tango, unix sockets), storm (the event-storm test's own, in no hosts file), a loopback registry, a busybox
# image on every engine (and in the registry for swarm services), and .fleet/hosts.json describing the fleet.
# Idempotent: a second run only checks, and only (re)starts an engine that is not running.
#
# Options: --engines N (or WHARF_FLEET_ENGINES=N, N up to 20): also N-3 extra standalone engines and
#          .fleet/hosts-large.json for the bench's large mode (scripts/fleet-large.sh).
# Env: WHARF_FLEET_RUN (default /run/wharf-fleet), WHARF_FLEET_DATA (default /var/lib/wharf-fleet),
#      WHARF_FLEET_LOGS (default /var/log/wharf-fleet).
set -euo pipefail

# shellcheck source=scripts/fleet-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/fleet-lib.sh"
# shellcheck source=scripts/fleet-large.sh
source "$(dirname "${BASH_SOURCE[0]}")/fleet-large.sh"
# shellcheck source=scripts/fleet-certs.sh
source "$(dirname "${BASH_SOURCE[0]}")/fleet-certs.sh"

fleet_require_root "fleet:up must run as root: it installs packages with apt and starts dockerd"

START_TIMEOUT=30

install_missing_packages() {
  local missing=()
  command -v dockerd >/dev/null && command -v docker >/dev/null || missing+=(docker.io)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  # The image needs a static busybox: a dynamic one would find no libc inside a FROM-scratch rootfs.
  if ! dpkg -s busybox-static 2>/dev/null | grep -q '^Status: install ok installed' || [[ ! -x /bin/busybox ]]; then
    missing+=(busybox-static)
  fi
  command -v openssl >/dev/null || missing+=(openssl)
  command -v curl >/dev/null || missing+=(curl)
  # The integration tests' SSH host (an sshd on loopback) and container image (a Debian base made by debootstrap).
  [[ -x /usr/sbin/sshd ]] || missing+=(openssh-server)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  ((${#missing[@]} == 0)) && return 0

  echo "fleet: installing missing packages (${missing[*]})"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y docker.io busybox-static docker-registry openssl curl \
    openssh-server debootstrap
}

check_path_lengths() {
  # containerd's sockets live under each exec root; past 108 bytes bind() fails with a vague error.
  local longest="$FLEET_RUN/charlie.exec/containerd/containerd.sock.ttrpc"
  if ((${#longest} > 100)); then
    echo "fleet: WHARF_FLEET_RUN=$FLEET_RUN is too long for unix socket paths; use something short under /run" >&2
    exit 1
  fi
}

declare -A LAUNCHED=()

# Launches the engine unless our dockerd for it is already alive; readiness is checked afterwards so
# the three engines boot in parallel.
launch_engine() {
  local name=$1 sock pidfile pid log port
  sock="$(fleet_sock "$name")"
  pidfile="$(fleet_pidfile "$name")"
  pid="$(fleet_read_pid "$pidfile")"
  if fleet_pid_is "$pid" dockerd && fleet_pid_is "$pid" "$sock"; then
    return 0
  fi
  # dockerd refuses to start while its pid file exists and names any live process.
  rm -f "$pidfile"

  local args=(
    --host "unix://$sock"
    --data-root "$FLEET_DATA/$name"
    --exec-root "$FLEET_RUN/$name.exec"
    --pidfile "$pidfile"
    # Our own (empty) config so a host-wide /etc/docker/daemon.json cannot add a bridge or conflict.
    --config-file "$FLEET_RUN/daemon.json"
    # No docker0, no NAT rules: nothing may reach beyond loopback.
    --bridge=none --iptables=false --ip-masq=false
  )
  port="$(fleet_tcp_port "$name")"
  case "$name" in
    bravo) args+=(--host "tcp://127.0.0.1:$port") ;;
    charlie)
      args+=(--host "tcp://127.0.0.1:$port" --tlsverify
        --tlscacert "$FLEET_CERTS/ca.pem"
        --tlscert "$FLEET_CERTS/server-cert.pem"
        --tlskey "$FLEET_CERTS/server-key.pem")
      ;;
  esac

  mkdir -p "$FLEET_DATA/$name"
  log="$FLEET_LOGS/$name.log"
  echo "=== $(date -Is) fleet-up starting $name" >>"$log"
  # setsid: the engine must outlive this script and not get the terminal's Ctrl-C.
  setsid dockerd "${args[@]}" </dev/null >>"$log" 2>&1 9>&- &
  LAUNCHED[$name]=$!
}

wait_engine() {
  local name=$1 deadline=$((SECONDS + START_TIMEOUT))
  until fleet_engine_ping "$name"; do
    local launched="${LAUNCHED[$name]:-}"
    if [[ -n "$launched" ]] && ! kill -0 "$launched" 2>/dev/null; then
      echo "fleet: dockerd for $name exited during startup; last lines of $FLEET_LOGS/$name.log:" >&2
      tail -n 20 "$FLEET_LOGS/$name.log" >&2
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      echo "fleet: $name did not answer /_ping within ${START_TIMEOUT}s; see $FLEET_LOGS/$name.log" >&2
      exit 1
    fi
    sleep 0.2
  done
}

write_registry_config() {
  local config="$FLEET_DIR/registry.yml" tmp
  tmp="$(mktemp "$config.XXXXXX")"
  cat >"$tmp" <<EOF
# Written by scripts/fleet-up.sh. A loopback-only registry so redeploys can really pull.
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $FLEET_DATA/registry
  delete:
    enabled: true
http:
  addr: $FLEET_REGISTRY_ADDR
EOF
  chmod 644 "$tmp"
  mv "$tmp" "$config"
}

start_registry() {
  local pidfile pid deadline log
  pidfile="$(fleet_registry_pidfile)"
  pid="$(fleet_read_pid "$pidfile")"
  if ! fleet_pid_is "$pid" docker-registry; then
    rm -f "$pidfile"
    if fleet_registry_ping; then
      echo "fleet: something not started by fleet-up already answers on $FLEET_REGISTRY_ADDR" >&2
      exit 1
    fi
    write_registry_config
    mkdir -p "$FLEET_DATA/registry"
    log="$FLEET_LOGS/registry.log"
    echo "=== $(date -Is) fleet-up starting registry" >>"$log"
    # The sh wrapper records the registry's own pid (it execs), since docker-registry writes none.
    setsid sh -c 'echo $$ >"$1"; exec docker-registry serve "$2"' sh "$pidfile" "$FLEET_DIR/registry.yml" \
      </dev/null >>"$log" 2>&1 9>&- &
  fi

  deadline=$((SECONDS + START_TIMEOUT))
  until fleet_registry_ping; do
    if ((SECONDS >= deadline)); then
      echo "fleet: registry did not answer on $FLEET_REGISTRY_ADDR within ${START_TIMEOUT}s; see $FLEET_LOGS/registry.log" >&2
      exit 1
    fi
    sleep 0.2
  done
}

ROOTFS=""
cleanup() { [[ -n "$ROOTFS" ]] && rm -rf "$ROOTFS" || true; }
trap cleanup EXIT

# No registry on the internet is reachable, so the base image is assembled from the host's static
# busybox: one binary plus a symlink per applet.
build_rootfs() {
  [[ -n "$ROOTFS" ]] && return 0
  ROOTFS="$(mktemp -d /tmp/wharf-rootfs.XXXXXX)"
  mkdir -p "$ROOTFS"/{bin,dev,etc,proc,sys,tmp,root}
  chmod 1777 "$ROOTFS/tmp"
  cp /bin/busybox "$ROOTFS/bin/busybox"
  local applet
  for applet in $(/bin/busybox --list); do
    [[ "$applet" == busybox ]] || ln -s busybox "$ROOTFS/bin/$applet"
  done
  # Lets `docker exec -u nobody` and `id` behave like on a normal image.
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$ROOTFS/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$ROOTFS/etc/group"
}

ensure_image() {
  local name=$1
  fleet_docker "$name" image inspect "$FLEET_IMAGE" >/dev/null 2>&1 && return 0
  build_rootfs
  echo "fleet: importing $FLEET_IMAGE into $name"
  tar --numeric-owner --owner=0 --group=0 -C "$ROOTFS" -c . |
    fleet_docker "$name" import --change 'CMD ["sh"]' - "$FLEET_IMAGE" >/dev/null
}

swarm_info() { fleet_docker "$1" info --format "$2" 2>/dev/null || true; }

# A node coming back from a restart is "pending" for a moment while it reconnects; decide only once it settles.
settled_swarm_state() {
  local name=$1 state deadline=$((SECONDS + START_TIMEOUT))
  state="$(swarm_info "$name" '{{.Swarm.LocalNodeState}}')"
  while [[ "$state" == pending ]] && ((SECONDS < deadline)); do
    sleep 0.5
    state="$(swarm_info "$name" '{{.Swarm.LocalNodeState}}')"
  done
  echo "$state"
}

# sierra manages a swarm that tango has joined. A fleet that was stopped keeps its swarm in the data roots and
# comes back as it was; only a node that is missing, or a worker that belongs to another (purged) swarm, is
# (re)initialised or (re)joined.
ensure_swarm() {
  local manager=$FLEET_SWARM_MANAGER worker=$FLEET_SWARM_WORKER state node token id
  state="$(settled_swarm_state "$manager")"
  if [[ "$state" != active || "$(swarm_info "$manager" '{{.Swarm.ControlAvailable}}')" != true ]]; then
    [[ "$state" == inactive ]] || fleet_docker "$manager" swarm leave --force >/dev/null 2>&1 || true
    echo "fleet: initialising the swarm on $manager"
    fleet_docker "$manager" swarm init --listen-addr "$FLEET_SWARM_MANAGER_ADDR" \
      --advertise-addr "$FLEET_SWARM_MANAGER_ADDR" --data-path-port "$FLEET_SWARM_DATA_PATH_PORT" >/dev/null
  fi
  # Swarm mode makes an `ingress` overlay (the routing mesh for published ports), whose sandbox hangs off a
  # docker_gwbridge bridge. Services here publish nothing and join no network: without ingress nothing is
  # attached to that bridge (the engines have iptables off, so nothing is routed through it either).
  if fleet_docker "$manager" network inspect ingress >/dev/null 2>&1; then
    echo y | fleet_docker "$manager" network rm ingress >/dev/null 2>&1 || true
  fi

  state="$(settled_swarm_state "$worker")"
  node="$(swarm_info "$worker" '{{.Swarm.NodeID}}')"
  if [[ "$state" != active || -z "$node" ]] || ! fleet_docker "$manager" node inspect "$node" >/dev/null 2>&1; then
    [[ "$state" == inactive ]] || fleet_docker "$worker" swarm leave --force >/dev/null 2>&1 || true
    echo "fleet: joining $worker to the swarm"
    token="$(fleet_docker "$manager" swarm join-token -q worker)"
    fleet_docker "$worker" swarm join --token "$token" --listen-addr "$FLEET_SWARM_WORKER_ADDR" \
      --advertise-addr "$FLEET_SWARM_WORKER_ADDR" "$FLEET_SWARM_MANAGER_ADDR" >/dev/null
    node="$(swarm_info "$worker" '{{.Swarm.NodeID}}')"
  fi

  # Workers of an earlier join (before a purge of tango alone) would stay listed as down forever.
  for id in $(fleet_docker "$manager" node ls -q --filter role=worker); do
    [[ "$id" == "$node" ]] || fleet_docker "$manager" node rm --force "$id" >/dev/null
  done

  local deadline=$((SECONDS + START_TIMEOUT * 2))
  until [[ "$(fleet_docker "$manager" node inspect "$node" --format '{{.Status.State}}' 2>/dev/null)" == ready ]]; do
    if ((SECONDS >= deadline)); then
      echo "fleet: $worker's swarm node did not become ready on $manager; see $FLEET_LOGS/$worker.log" >&2
      exit 1
    fi
    sleep 0.5
  done
}

registry_has() {
  local repo=${1#"$FLEET_REGISTRY_ADDR/"} tag
  tag=${repo##*:}
  repo=${repo%:*}
  [[ "$(curl -s --noproxy '*' -m 5 -o /dev/null -w '%{http_code}' \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$FLEET_REGISTRY_ADDR/v2/$repo/manifests/$tag" 2>/dev/null)" == 200 ]]
}

# Every swarm node pulls a service's image itself, so the busybox image goes to the loopback registry and
# from there onto both nodes.
ensure_swarm_image() {
  local manager=$FLEET_SWARM_MANAGER name
  if ! registry_has "$FLEET_SWARM_IMAGE"; then
    echo "fleet: pushing $FLEET_SWARM_IMAGE"
    fleet_docker "$manager" tag "$FLEET_IMAGE" "$FLEET_SWARM_IMAGE"
    fleet_docker "$manager" push -q "$FLEET_SWARM_IMAGE" >/dev/null
  fi
  for name in "$FLEET_SWARM_MANAGER" "$FLEET_SWARM_WORKER"; do
    fleet_docker "$name" image inspect "$FLEET_SWARM_IMAGE" >/dev/null 2>&1 ||
      fleet_docker "$name" pull -q "$FLEET_SWARM_IMAGE" >/dev/null
  done
}

engine_url() {
  local port
  port="$(fleet_tcp_port "$1")"
  if [[ -n "$port" ]]; then echo "tcp://127.0.0.1:$port"; else echo "unix://$(fleet_sock "$1")"; fi
}

json_str() {
  local s=${1//\\/\\\\}
  printf '"%s"' "${s//\"/\\\"}"
}

# write_hosts_file FILE ENGINE...: the fleet file Wharf reads for those engines.
write_hosts_file() {
  local file=$1 name entries=() entry display
  shift
  for name in "$@"; do
    display="${name^}"
    entry="{\"id\":$(json_str "$name"),\"name\":$(json_str "$display"),\"url\":$(json_str "$(engine_url "$name")")"
    if [[ "$name" == charlie ]]; then
      entry+=",\"tls\":{\"ca\":$(json_str "$FLEET_CERTS/ca.pem"),\"cert\":$(json_str "$FLEET_CERTS/cert.pem"),\"key\":$(json_str "$FLEET_CERTS/key.pem")}"
    fi
    entries+=("$entry}")
  done
  local IFS=,
  local json="{\"hosts\":[${entries[*]}]}"
  # Rewritten only on change, and atomically: the app may watch or read this file at any moment.
  if [[ "$(cat "$file" 2>/dev/null)" != "$json" ]]; then
    printf '%s\n' "$json" >"$file.tmp"
    mv "$file.tmp" "$file"
  fi
}

main() {
  local extras
  mapfile -t extras < <(fleet_parse_engines "$@")
  # The same again outside the subshell, so a bad option stops the script with its message.
  fleet_parse_engines "$@" >/dev/null

  install_missing_packages
  check_path_lengths
  fleet_lock
  mkdir -p "$FLEET_RUN" "$FLEET_DATA" "$FLEET_LOGS" "$FLEET_DIR"
  [[ -f "$FLEET_RUN/daemon.json" ]] || echo '{}' >"$FLEET_RUN/daemon.json"
  ensure_certs

  local name all=("${FLEET_ENGINES[@]}" "${extras[@]}")
  for name in "${all[@]}"; do launch_engine "$name"; done
  start_registry
  for name in "${all[@]}"; do wait_engine "$name"; done
  for name in "${FLEET_ENGINES[@]}"; do ensure_image "$name"; done
  ((${#extras[@]} == 0)) || ensure_extra_images "${extras[@]}"
  ensure_swarm
  ensure_swarm_image
  write_hosts_file "$FLEET_HOSTS_JSON" "${FLEET_HOSTS[@]}"
  ((${#extras[@]} == 0)) || write_hosts_file "$FLEET_HOSTS_LARGE_JSON" "${FLEET_STANDALONE[@]}" "${extras[@]}"
  # A developer running `npm run dev` as themselves must be able to read hosts.json and the client cert.
  chown -R "$(stat -c %u:%g "$FLEET_REPO_ROOT")" "$FLEET_DIR"

  echo
  printf '%-9s %-40s %s\n' ENGINE URL PID
  for name in "${all[@]}"; do
    printf '%-9s %-40s %s\n' "$name" "$(engine_url "$name")" "$(fleet_read_pid "$(fleet_pidfile "$name")")"
  done
  printf '%-9s %s\n' swarm "$FLEET_SWARM_MANAGER (manager, $FLEET_SWARM_MANAGER_ADDR), $FLEET_SWARM_WORKER (worker, $FLEET_SWARM_WORKER_ADDR)"
  printf '%-9s %-40s %s\n' registry "http://$FLEET_REGISTRY_ADDR" "$(fleet_read_pid "$(fleet_registry_pidfile)")"
  echo "hosts: $FLEET_HOSTS_JSON (fleet up in ${SECONDS}s)"
  ((${#extras[@]} == 0)) || echo "large fleet ($((${#FLEET_STANDALONE[@]} + ${#extras[@]})) engines): $FLEET_HOSTS_LARGE_JSON"
}

main "$@"
