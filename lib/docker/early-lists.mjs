// Every host's container list, asked for by the start scripts (scripts/start*.mjs) before Next has loaded its code:
// loading takes about half a second, and on a start against many large engines that half second would otherwise
// come before the engines even begin listing. The host watcher takes each list once (lib/docker/list-container-
// items.ts) and asks again the usual way when there is none or it failed. Plain JavaScript because the start
// scripts run it before any build; only hosts reached by plain HTTP are asked (TLS and SSH need the fleet's
// validated configuration, which lives in TypeScript), and a fleet file this cannot read is simply not asked early.

import { readFileSync } from "node:fs";
import http from "node:http";

const KEY = Symbol.for("wharf.earlyLists");
// A list nobody takes (a host the validated fleet does not have) is dropped with its request.
const UNCLAIMED_MS = 60_000;
// An engine's list is about 1 kB a container: far more than any engine holds, and a bound on what is buffered.
const MAX_BYTES = 256 * 1024 * 1024;

/**
 * @typedef {{ id: string, url: string }} EarlyHost
 * @typedef {{ items: Promise<unknown[]>, abort: () => void }} EarlyList
 */

/** @param {string} id @param {string} url */
const keyOf = (id, url) => `${id}\n${url}`;

/** @returns {Map<string, EarlyList>} */
function lists() {
  const global = /** @type {Record<symbol, Map<string, EarlyList> | undefined>} */ (globalThis);
  return (global[KEY] ??= new Map());
}

/**
 * The hosts the fleet names, as far as a plain read of it tells: FLEET_CONFIG's JSON, or DOCKER_HOST (the
 * local socket by default). Anything else (YAML, Docker contexts, TLS, SSH) is left to the usual first read.
 * @param {Record<string, string | undefined>} env
 * @returns {EarlyHost[]}
 */
export function earlyHosts(env) {
  if (env.WHARF_DOCKER_CONTEXTS === "1") return [];
  /** @type {unknown} */
  let hosts;
  if (env.FLEET_CONFIG) {
    if (!/\.json$/i.test(env.FLEET_CONFIG)) return [];
    try {
      hosts = JSON.parse(readFileSync(env.FLEET_CONFIG, "utf8"))?.hosts;
    } catch {
      return [];
    }
  } else {
    const verify =
      env.DOCKER_TLS_VERIFY !== undefined && env.DOCKER_TLS_VERIFY !== "" && env.DOCKER_TLS_VERIFY !== "0";
    hosts = verify ? [] : [{ id: "local", url: env.DOCKER_HOST || "unix:///var/run/docker.sock" }];
  }
  if (!Array.isArray(hosts)) return [];
  return hosts.filter(
    (host) =>
      typeof host?.id === "string" &&
      typeof host.url === "string" &&
      !host.tls &&
      /^(unix|tcp):\/\//.test(host.url),
  );
}

/**
 * Asks every plain-HTTP host for its list (`GET /containers/json?all=1`, as dockerode asks it) and keeps the
 * pending answers for the host watchers.
 * @param {Record<string, string | undefined>} env
 */
export function beginEarlyLists(env = process.env) {
  for (const host of earlyHosts(env)) {
    let url;
    try {
      url = new URL(host.url);
    } catch {
      continue;
    }
    const key = keyOf(host.id, host.url);
    if (!lists().has(key))
      lists().set(
        key,
        request(url, () => lists().delete(key)),
      );
  }
}

/**
 * @param {URL} url
 * @param {() => void} forget
 * @returns {EarlyList}
 */
function request(url, forget) {
  const target =
    url.protocol === "unix:"
      ? { socketPath: decodeURIComponent(url.pathname) }
      : { host: url.hostname.replace(/^\[|\]$/g, ""), port: Number(url.port || 2375) };
  /** @type {http.ClientRequest | undefined} */
  let req;
  const items = new Promise((resolve, reject) => {
    req = http.get({ ...target, path: "/containers/json?all=1", headers: { Host: "docker" } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`the engine answered ${res.statusCode}`));
        return;
      }
      /** @type {Buffer[]} */
      const chunks = [];
      let bytes = 0;
      res.on("data", (chunk) => {
        bytes += chunk.length;
        if (bytes > MAX_BYTES) req?.destroy(new Error(`the list is over ${MAX_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on("error", reject);
      res.on("end", () => {
        try {
          const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          if (Array.isArray(parsed)) resolve(parsed);
          else reject(new Error("the engine's list is not an array"));
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on("error", reject);
  });
  // Whoever takes it may not, or may give up on it: either way nothing is left unhandled.
  items.catch(() => {});
  const timer = setTimeout(() => {
    forget();
    req?.destroy();
  }, UNCLAIMED_MS);
  timer.unref();
  const settled = items.finally(() => clearTimeout(timer));
  settled.catch(() => {});
  return {
    items: settled,
    abort: () => req?.destroy(new Error("aborted")),
  };
}

/**
 * The early list of this host, once: null when there is none (not asked, already taken, or dropped).
 * @param {string} id
 * @param {string} url
 * @returns {EarlyList | null}
 */
export function takeEarlyList(id, url) {
  const key = keyOf(id, url);
  const list = lists().get(key) ?? null;
  lists().delete(key);
  return list;
}
