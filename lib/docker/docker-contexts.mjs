// The Docker CLI's contexts (`docker context create/ls`) as fleet hosts. Plain JavaScript on purpose: the server
// reads them at start (WHARF_DOCKER_CONTEXTS=1, lib/docker/load-fleet.ts) and `npm run fleet:import-contexts`
// (scripts/import-contexts.mjs) writes them into a fleet file with no build step; both must read them alike.
// The CLI keeps each context in $DOCKER_CONFIG/contexts/meta/<sha256 of its name>/meta.json and its TLS
// material in $DOCKER_CONFIG/contexts/tls/<the same>/docker/{ca,cert,key}.pem.

import { existsSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * @typedef {{ id: string, name: string, url: string, tls?: { ca?: string, cert: string, key: string } }} ContextHost
 *   A fleet file host; TLS fields are absolute paths to the context's PEM files.
 */

/** @param {Record<string, string | undefined>} env */
export function dockerConfigDir(env) {
  return env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), ".docker");
}

/**
 * A context name as a host id: a slug of lowercase letters, digits and dashes, unique among `taken`.
 * @param {string} name
 * @param {Set<string>} taken
 */
export function contextHostId(name, taken) {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 56) || "context";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Every context with a Docker endpoint Wharf can reach, in `docker context ls` order, and a sentence for each one left out or changed.
 * The CLI's "default" context is not stored: it is DOCKER_HOST, which Wharf reads by itself.
 * @param {Record<string, string | undefined>} env
 * @returns {{ hosts: ContextHost[], notes: string[] }}
 */
export function readDockerContexts(env) {
  const dir = dockerConfigDir(env);
  const metaDir = path.join(dir, "contexts", "meta");
  /** @type {ContextHost[]} */
  const hosts = [];
  /** @type {string[]} */
  const notes = [];
  if (!existsSync(metaDir)) return { hosts, notes };
  /** @type {{ entry: string, meta: any }[]} */
  const found = [];
  for (const entry of readdirSync(metaDir)) {
    const file = path.join(metaDir, entry, "meta.json");
    try {
      found.push({ entry, meta: JSON.parse(readFileSync(file, "utf8")) });
    } catch (error) {
      notes.push(`${file}: cannot read it (${/** @type {Error} */ (error).message})`);
    }
  }
  // `docker context ls` order: by name, byte by byte.
  found.sort((a, b) => {
    const [x, y] = [String(a.meta?.Name), String(b.meta?.Name)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const taken = new Set();
  for (const { entry, meta } of found) {
    const name = typeof meta?.Name === "string" ? meta.Name : entry;
    const endpoint = meta?.Endpoints?.docker;
    const url = endpoint?.Host;
    if (typeof url !== "string" || !/^(unix|tcp|ssh):\/\/.+/.test(url)) {
      notes.push(
        `context "${name}": its Docker endpoint ${JSON.stringify(url ?? null)} is not unix://, tcp:// or ssh://`,
      );
      continue;
    }
    const tlsDir = path.join(dir, "contexts", "tls", entry, "docker");
    const pem = (/** @type {string} */ file) =>
      existsSync(path.join(tlsDir, file)) ? path.join(tlsDir, file) : undefined;
    const [ca, cert, key] = [pem("ca.pem"), pem("cert.pem"), pem("key.pem")];
    /** @type {ContextHost} */
    const host = { id: contextHostId(name, taken), name, url };
    if (cert && key) host.tls = { ...(ca ? { ca } : {}), cert, key };
    else if (ca || cert || key) {
      notes.push(`context "${name}": TLS without a client certificate and key is not supported by Wharf`);
      continue;
    }
    if (endpoint.SkipTLSVerify && host.tls) {
      notes.push(
        `context "${name}": skips TLS verification, which Wharf never does; its certificates are checked`,
      );
    }
    hosts.push(host);
  }
  return { hosts, notes };
}

/**
 * The contexts a fleet gains: those whose id or endpoint is not in it already (the fleet file wins).
 * @param {{ id: string, url: string }[]} fleet
 * @param {ContextHost[]} contexts
 */
export function contextsToAdd(fleet, contexts) {
  const ids = new Set(fleet.map((host) => host.id));
  const urls = new Set(fleet.map((host) => host.url));
  return contexts.filter((host) => !ids.has(host.id) && !urls.has(host.url));
}
