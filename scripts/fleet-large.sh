# shellcheck shell=bash
# The large dev fleet for the bench's large mode: `fleet:up -- --engines N` (or WHARF_FLEET_ENGINES=N) adds the
# first N-3 of FLEET_EXTRA_ENGINES to the usual fleet and writes .fleet/hosts-large.json (alpha, bravo, charlie
# and the extras). .fleet/hosts.json stays the five hosts the tests watch. Sourced by fleet-up.sh.

# Prints the extra engines wanted for a total of N standalone engines.
fleet_large_extras() {
  local total=$1 count
  if ! [[ "$total" =~ ^[0-9]+$ ]] || ((total < ${#FLEET_STANDALONE[@]})) ||
    ((total > ${#FLEET_STANDALONE[@]} + ${#FLEET_EXTRA_ENGINES[@]})); then
    echo "fleet: --engines takes a number from ${#FLEET_STANDALONE[@]} to $((${#FLEET_STANDALONE[@]} + ${#FLEET_EXTRA_ENGINES[@]})), not '$total'" >&2
    exit 2
  fi
  count=$((total - ${#FLEET_STANDALONE[@]}))
  ((count > 0)) && printf '%s\n' "${FLEET_EXTRA_ENGINES[@]:0:count}"
  return 0
}

# One `docker save` from alpha, loaded into every extra engine that lacks the image, all at once: a load keeps
# the image id, so every host of the large fleet runs the same image, and it is faster than 17 imports in a row.
ensure_extra_images() {
  local name missing=() tar pids=() pid failed=0
  for name in "$@"; do
    fleet_docker "$name" image inspect "$FLEET_IMAGE" >/dev/null 2>&1 || missing+=("$name")
  done
  ((${#missing[@]} == 0)) && return 0
  echo "fleet: loading $FLEET_IMAGE into ${missing[*]}"
  tar="$(mktemp /tmp/wharf-busybox.XXXXXX.tar)"
  fleet_docker alpha save -o "$tar" "$FLEET_IMAGE"
  for name in "${missing[@]}"; do
    fleet_docker "$name" load -q -i "$tar" >/dev/null 9>&- &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  rm -f "$tar"
  if ((failed)); then
    echo "fleet: loading $FLEET_IMAGE into an extra engine failed" >&2
    exit 1
  fi
}

# fleet_parse_engines ARG...: fleet-up's options; prints the extra engines wanted (none by default).
fleet_parse_engines() {
  local engines="${WHARF_FLEET_ENGINES:-${#FLEET_STANDALONE[@]}}"
  while (($# > 0)); do
    case "$1" in
      --engines)
        engines="${2:-}"
        shift
        ((${#} > 0)) && shift
        ;;
      --engines=*)
        engines="${1#--engines=}"
        shift
        ;;
      *)
        echo "usage: fleet-up.sh [--engines N]" >&2
        exit 2
        ;;
    esac
  done
  fleet_large_extras "$engines"
}
