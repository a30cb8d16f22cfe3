# shellcheck shell=bash
# Shared settings and helpers for the fleet scripts. Sourced, never executed.
#
# The "fleet" is six real dockerd engines plus a registry, all on loopback or unix sockets: the standalone
# alpha, bravo and charlie, sierra (swarm manager) with tango (swarm worker), and storm, the event-storm test's
# engine of its own. Networking stays off everywhere: no bridge, no iptables, containers use --network none,
# services name no network.

FLEET_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
FLEET_RUN="${WHARF_FLEET_RUN:-/run/wharf-fleet}"
FLEET_DATA="${WHARF_FLEET_DATA:-/var/lib/wharf-fleet}"
FLEET_LOGS="${WHARF_FLEET_LOGS:-/var/log/wharf-fleet}"
FLEET_DIR="$FLEET_REPO_ROOT/.fleet"
FLEET_CERTS="$FLEET_DIR/certs"
FLEET_HOSTS_JSON="$FLEET_DIR/hosts.json"
FLEET_IMAGE="localhost/busybox:1"
FLEET_REGISTRY_ADDR="127.0.0.1:5000"
# The engines in .fleet/hosts.json, which the tests' and the developer's Wharf watch.
FLEET_HOSTS=(alpha bravo charlie sierra tango)
# storm is in no hosts file: only the storm test's own Wharf watches it. A hundred and fifty deaths at once on an
# engine where another test starts a container at that moment once left that start hung inside containerd
# (Debian's 1.6.20 with runc 1.1.5) and, with it, every later call on the engine's containers: the storm gets an
# engine that nothing else uses.
FLEET_ENGINES=("${FLEET_HOSTS[@]}" storm)
# The large fleet (`fleet:up -- --engines N`, up to 20): the three standalone engines plus the first N-3 of these,
# plain engines on unix sockets. Only the bench's large mode uses them, through their own hosts file, so the
# tests never see them.
FLEET_EXTRA_ENGINES=(delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo
  uniform victor)
FLEET_STANDALONE=(alpha bravo charlie)
FLEET_HOSTS_LARGE_JSON="$FLEET_DIR/hosts-large.json"
FLEET_SWARM_MANAGER=sierra
FLEET_SWARM_WORKER=tango
# Swarm's control plane on loopback; the data path port moves off 4789 so it cannot meet a host's VXLAN.
FLEET_SWARM_MANAGER_ADDR="127.0.0.1:2377"
FLEET_SWARM_WORKER_ADDR="127.0.0.1:2378"
FLEET_SWARM_DATA_PATH_PORT=7789
# The busybox image as swarm nodes pull it: a service's image must come from a registry every node reaches.
FLEET_SWARM_IMAGE="$FLEET_REGISTRY_ADDR/wharf/busybox:1"

# The CLI must reach exactly the engine named by -H; a DOCKER_HOST, context or TLS setting inherited
# from the caller's shell would silently redirect or break it.
unset DOCKER_HOST DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH

# The extra engines that have a pid file, running or not: what fleet-down stops and purges.
fleet_extras_present() {
  local name
  for name in "${FLEET_EXTRA_ENGINES[@]}"; do
    [[ -e "$(fleet_pidfile "$name")" || -d "$FLEET_DATA/$name" ]] && echo "$name"
  done
  return 0
}

fleet_sock() { printf '%s\n' "$FLEET_RUN/$1.sock"; }
fleet_pidfile() { printf '%s\n' "$FLEET_RUN/$1.pid"; }
fleet_registry_pidfile() { printf '%s\n' "$FLEET_RUN/registry.pid"; }

fleet_tcp_port() {
  case "$1" in
    bravo) echo 23751 ;;
    charlie) echo 23762 ;;
    *) echo "" ;;
  esac
}

fleet_docker() {
  local engine=$1
  shift
  docker -H "unix://$(fleet_sock "$engine")" "$@"
}

# Prints the pid recorded in FILE, or nothing if the file is missing or garbled.
fleet_read_pid() {
  local pid=""
  [[ -r "$1" ]] && read -r pid <"$1" || true
  [[ "$pid" =~ ^[0-9]+$ ]] && printf '%s\n' "$pid" || true
}

# True if PID is alive and its command line contains NEEDLE. After a crash or reboot a pid file can
# name a pid the kernel has since given to an unrelated process; signalling that would be a disaster.
fleet_pid_is() {
  local pid=$1 needle=$2 cmdline
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *"$needle"* ]]
}

# --noproxy: an http_proxy in the caller's environment must never see this loopback traffic.
fleet_engine_ping() {
  [[ "$(curl -s --noproxy '*' -m 2 --unix-socket "$(fleet_sock "$1")" http://localhost/_ping 2>/dev/null)" == OK ]]
}

fleet_registry_ping() {
  [[ "$(curl -s --noproxy '*' -m 2 -o /dev/null -w '%{http_code}' "http://$FLEET_REGISTRY_ADDR/v2/" 2>/dev/null)" == 200 ]]
}

# fleet-up and fleet-down serialise on one lock so parallel test runs cannot start two daemons on
# the same data root. Children we start must close fd 9 ("9>&-"), or they would hold the lock forever.
fleet_lock() {
  mkdir -p "$FLEET_RUN"
  exec 9>"$FLEET_RUN/.lock"
  if ! flock -w 120 9; then
    echo "fleet: another fleet-up/fleet-down still holds $FLEET_RUN/.lock after 120 s" >&2
    exit 1
  fi
}

fleet_require_root() {
  if [[ $EUID -ne 0 ]]; then
    echo "$1" >&2
    exit 1
  fi
}
