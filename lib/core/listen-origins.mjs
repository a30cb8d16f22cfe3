// Which Host headers and Origins are Wharf itself. Plain JavaScript on purpose: scripts/start.mjs loads it with
// no build step (to answer unknown hosts before Next sees the request), and the route wrapper imports the same
// rules for the Origin check, so the two can never disagree. No "server-only" here for the same reason: Node
// alone would refuse that import.

import os from "node:os";

/** The header through which the start script hands the app the client's socket address. */
export const CLIENT_ADDRESS_HEADER = "x-wharf-client-address";

const LOOPBACK = ["127.0.0.1", "localhost", "[::1]"];

/**
 * Where Wharf listens. WHARF_HOSTNAME, not HOSTNAME: Docker sets HOSTNAME in every container, so Wharf run in
 * one would otherwise listen on its container address rather than on loopback.
 * @param {Record<string, string | undefined>} env
 */
export function listenAddress(env) {
  return { hostname: env.WHARF_HOSTNAME?.trim() || "127.0.0.1", port: Number(env.PORT || 3000) };
}

/** @param {string} hostname */
function formatHost(hostname) {
  const bare = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return bare.includes(":") ? `[${bare}]` : bare;
}

/** @param {string} hostname */
function isLoopback(hostname) {
  const host = formatHost(hostname);
  return host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The machine's own addresses: a wildcard listen address answers on each of them. */
function machineAddresses() {
  return Object.values(os.networkInterfaces())
    .flat()
    .map((entry) => entry?.address)
    .filter((address) => typeof address === "string");
}

/**
 * The names the listening address is reached by.
 * @param {string} hostname
 * @param {string[]} interfaces
 */
function listenNames(hostname, interfaces) {
  if (isLoopback(hostname)) return [hostname, ...LOOPBACK];
  if (["0.0.0.0", "::", "[::]"].includes(hostname)) return [...LOOPBACK, ...interfaces];
  return [hostname];
}

/**
 * @param {string | undefined} value
 * @returns {URL | null}
 */
function publicUrl(value) {
  if (!value?.trim()) return null;
  const url = new URL(value.trim());
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`WHARF_PUBLIC_URL must be an http:// or https:// URL, not ${url.protocol}`);
  }
  return url;
}

/**
 * Every Host header Wharf answers: the address it listens on, localhost and 127.0.0.1 too when that is loopback,
 * every interface address when it listens on all of them (`interfaces`), and WHARF_PUBLIC_URL's host. A name
 * anyone else chose (a rebound DNS name pointing at 127.0.0.1) is not among them.
 * @param {Record<string, string | undefined>} env
 * @param {string[]} [interfaces] the machine's addresses, for a wildcard listen address
 * @returns {Set<string>}
 */
export function allowedHosts(env, interfaces = machineAddresses()) {
  const { hostname, port } = listenAddress(env);
  const names = listenNames(hostname, interfaces);
  const hosts = new Set(names.map((name) => `${formatHost(name)}:${port}`));
  if (port === 80) for (const name of names) hosts.add(formatHost(name));
  const url = publicUrl(env.WHARF_PUBLIC_URL);
  if (url) {
    const defaultPort = url.protocol === "https:" ? "443" : "80";
    hosts.add(`${formatHost(url.hostname)}:${url.port || defaultPort}`);
    if (!url.port) hosts.add(formatHost(url.hostname));
  }
  return hosts;
}

/**
 * The Origins whose pages may change things with a session cookie: WHARF_PUBLIC_URL's when set (the one address
 * browsers use), else the listening address and, on loopback, its localhost and 127.0.0.1 aliases. Wharf
 * itself serves plain http; https comes from a proxy in front, which WHARF_PUBLIC_URL names.
 * @param {Record<string, string | undefined>} env
 * @param {string[]} [interfaces] the machine's addresses, for a wildcard listen address
 * @returns {Set<string>}
 */
export function allowedOrigins(env, interfaces = machineAddresses()) {
  const url = publicUrl(env.WHARF_PUBLIC_URL);
  if (url) return new Set([url.origin]);
  const { hostname, port } = listenAddress(env);
  const names = listenNames(hostname, interfaces);
  return new Set(names.map((name) => new URL(`http://${formatHost(name)}:${port}`).origin));
}

/**
 * @param {string | null | undefined} host a Host header
 * @param {Set<string>} allowed
 */
export function isAllowedHost(host, allowed) {
  return typeof host === "string" && allowed.has(host.trim().toLowerCase());
}
