#!/usr/bin/env bash
# Makes a Node base image on a Docker engine without any registry: Debian bookworm from Debian's own packages
# (debootstrap, minbase) plus the Node `npm ci` put in node_modules/.bin (package.json's "node", 24), not the
# machine's own (20 here). For machines that cannot pull node:24-bookworm-slim; the Dockerfile takes the result as
# BASE_IMAGE. Prints the image's tag on its last line.
#
# The root filesystem is cached as a tarball keyed by everything it is made of (the suite, the packages, the
# node binary), so a second run only imports it (or finds the image on the engine already); a fresh machine
# builds it (about a minute).
#
# Usage: scripts/node-base-image.sh [DOCKER_HOST]   (as root: debootstrap needs it)
# Env: WHARF_BASE_CACHE (default /var/cache/wharf-base)
set -euo pipefail

engine="${1:-${DOCKER_HOST:-unix:///var/run/docker.sock}}"
cache="${WHARF_BASE_CACHE:-/var/cache/wharf-base}"
suite=bookworm
mirror=http://deb.debian.org/debian
include=libstdc++6,passwd
node_bin="$(cd "$(dirname "$0")/.." && pwd)/node_modules/.bin/node"
if [[ ! -x "$node_bin" ]]; then
  echo "node-base: $node_bin is missing: run npm ci first" >&2
  exit 1
fi
node_bin="$(readlink -f "$node_bin")"

if ! command -v debootstrap >/dev/null; then
  echo "node-base: installing debootstrap" >&2
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y debootstrap >&2
fi

key="$(
  {
    echo "v1 $suite $include minbase"
    sha256sum "$node_bin" | cut -d' ' -f1
  } | sha256sum | cut -c1-16
)"
tag="localhost/wharf-node-base:$key"
tarball="$cache/node-base-$key.tar"

if docker -H "$engine" image inspect "$tag" >/dev/null 2>&1; then
  echo "$tag"
  exit 0
fi

if [[ ! -s "$tarball" ]]; then
  mkdir -p "$cache"
  rootfs="$(mktemp -d "$cache/rootfs.XXXXXX")"
  trap 'rm -rf "$rootfs"' EXIT
  echo "node-base: debootstrap $suite into $rootfs (cached as $tarball)" >&2
  debootstrap --variant=minbase --include="$include" "$suite" "$rootfs" "$mirror" >&2
  # What a container never needs: package lists, downloaded .debs, docs and man pages.
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/*
  install -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
  # Written under a temporary name and moved in whole: an interrupted run never leaves a half tarball.
  tar -C "$rootfs" --numeric-owner -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
fi

echo "node-base: importing $tarball as $tag" >&2
docker -H "$engine" import --change 'CMD ["node"]' "$tarball" "$tag" >&2
echo "$tag"
