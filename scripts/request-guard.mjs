// The first code every request meets, before Next parses it: the start script wraps Next's request listener with
// it. The Host check lives here rather than in proxy.ts or the route wrapper because only this layer sees every
// request — pages, API routes, static files, Next's own 404s — while proxy.ts is matched to pages only (it must
// stay out of /api: Next buffers a body for proxy.ts to read, which would defeat the route wrapper's body cap)
// and the route wrapper sees API routes only. It is also the only place that knows the socket's address.
// `next dev` does not pass through here: it is for loopback development, not for serving.
import http from "node:http";
import {
  CLIENT_ADDRESS_HEADER,
  allowedHosts,
  allowedOrigins,
  isAllowedHost,
} from "../lib/core/listen-origins.mjs";
import { PRECOMPRESSED_HEADER } from "../lib/core/precompressed.mjs";

/**
 * Puts the guard in front of the next HTTP server this process creates: Next's, whether `next start`
 * (scripts/start.mjs) or the standalone server of the container image (scripts/start-image.mjs) creates it. Next
 * creates its one server with http.createServer; its request listener gets wrapped and the original function is
 * put back at once, so nothing else in the process is touched. Patching keeps everything else of Next's server
 * (graceful SIGTERM, keep-alive).
 * @param {Record<string, string | undefined>} env
 */
export function guardNextServer(env) {
  const guard = requestGuard(env);
  const createServer = http.createServer;
  http.createServer = /** @type {typeof http.createServer} */ (
    function (/** @type {any[]} */ ...args) {
      http.createServer = createServer;
      const at = args.findIndex((arg) => typeof arg === "function");
      if (at === -1)
        throw new Error(
          "[wharf] Next created its server without a request listener: the guard cannot wrap it",
        );
      args[at] = guard(args[at]);
      const server = createServer.apply(http, /** @type {any} */ (args));
      guardUpgrades(server, env);
      closeConnectionsOnStop(server);
      return server;
    }
  );
}

/**
 * On SIGTERM Next closes its server and waits for every connection to end. Wharf ends its streams then
 * (lib/core/on-shutdown.ts), but a browser keeps its keep-alive connection and reopens its event stream on it at
 * once, and a connection that goes idle after the close stays open: with a page open, the server never exited.
 * Once stopping, every answer closes its connection, and a connection is closed as soon as its answer is done.
 * @param {import("node:http").Server} server
 */
function closeConnectionsOnStop(server) {
  let stopping = false;
  const closeIdle = () => setImmediate(() => server.closeIdleConnections());
  for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"]))
    process.once(signal, () => {
      stopping = true;
      closeIdle();
      // Listening replaces the signal's default (ending the process): before Next listens too (early in its
      // start), the signal is raised again without this listener.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  server.prependListener("request", (_req, res) => {
    if (stopping) res.shouldKeepAlive = false;
    res.once("finish", () => stopping && closeIdle());
  });
}

// The one WebSocket Wharf serves (lib/console/types.ts CONSOLE_PATH, with its query).
const CONSOLE_UPGRADE = /^\/api\/containers\/[^/?#]+\/[^/?#]+\/console(?:\?|$)/;
// Set by lib/console/register-console.ts at start-up: the console's handler, compiled by Next with the app's auth.
const CONSOLE_HANDLER = Symbol.for("wharf.console-upgrade");

/**
 * WebSocket upgrades bypass the request listener: Node emits them as "upgrade". They meet the same Host check;
 * the console's then an Origin check (a hostile page can open a WebSocket to Wharf with the user's cookie, and
 * the browser says whose page it is), and go to the console's own handler, which checks the caller. Every other
 * upgrade goes to Next as before.
 * @param {import("node:http").Server} server
 * @param {Record<string, string | undefined>} env
 */
export function guardUpgrades(server, env) {
  const hosts = allowedHosts(env);
  const origins = allowedOrigins(env);
  const emit = server.emit;
  server.emit = /** @type {typeof server.emit} */ (
    function (/** @type {string} */ event, /** @type {any[]} */ ...args) {
      if (event !== "upgrade") return emit.call(this, event, ...args);
      const [req, socket, head] =
        /** @type {[import("node:http").IncomingMessage, import("node:stream").Duplex, Buffer]} */ (args);
      socket.on("error", () => {});
      if (!isAllowedHost(req.headers.host, hosts)) {
        const message = `Unknown host ${JSON.stringify(req.headers.host ?? "")}: Wharf answers only to its own address (WHARF_HOSTNAME, WHARF_PUBLIC_URL)`;
        refuseUpgrade(socket, 421, "MISDIRECTED", message);
        return true;
      }
      if (!CONSOLE_UPGRADE.test(req.url ?? "")) return emit.call(this, event, ...args);
      req.rawHeaders = dropHeader(req.rawHeaders, CLIENT_ADDRESS_HEADER);
      req.headers[CLIENT_ADDRESS_HEADER] = socketAddress(req.socket.remoteAddress);
      // Browsers always send Origin on a WebSocket; a client without one is no browser (a script with a token).
      const origin = req.headers.origin;
      if (origin !== undefined && !origins.has(normalizedOrigin(origin))) {
        refuseUpgrade(
          socket,
          403,
          "FORBIDDEN",
          "Cross-origin WebSocket refused: a console opens from Wharf's own pages only",
        );
        return true;
      }
      const accept = /** @type {any} */ (globalThis)[CONSOLE_HANDLER];
      if (typeof accept !== "function") {
        refuseUpgrade(socket, 500, "INTERNAL", "The console is not ready yet: the server is still starting");
        return true;
      }
      Promise.resolve(accept(req, socket, head)).catch((/** @type {unknown} */ error) => {
        console.error("[wharf] a console upgrade failed", error);
        socket.destroy();
      });
      return true;
    }
  );
}

/**
 * @param {import("node:stream").Duplex} socket
 * @param {number} status
 * @param {string} code
 * @param {string} message
 */
function refuseUpgrade(socket, status, code, message) {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${code}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/** "null" (a sandboxed or file page) and anything unparsable is nobody's origin. @param {string} origin */
function normalizedOrigin(origin) {
  try {
    return new URL(origin).origin;
  } catch {
    return "null";
  }
}

/** @param {Record<string, string | undefined>} env */
export function requestGuard(env) {
  const hosts = allowedHosts(env);

  /**
   * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown} listener
   */
  return (listener) =>
    /**
     * @param {import("node:http").IncomingMessage} req
     * @param {import("node:http").ServerResponse} res
     */
    (req, res) => {
      // DNS rebinding: a hostile page whose name now resolves to 127.0.0.1 reaches Wharf as "same origin" for the
      // browser; only the Host header still carries the hostile name.
      if (!isAllowedHost(req.headers.host, hosts)) {
        // Which names are Wharf's is not said: a rebinding page can read this answer.
        const message = `Unknown host ${JSON.stringify(req.headers.host ?? "")}: Wharf answers only to its own address (WHARF_HOSTNAME, WHARF_PUBLIC_URL)`;
        res.writeHead(421, { "content-type": "application/json", connection: "close" });
        res.end(JSON.stringify({ error: { code: "MISDIRECTED", message } }));
        return;
      }
      const refusal = pageBodyRefusal(req);
      if (refusal) {
        refuseBody(req, res, refusal);
        return;
      }
      // A client may send this header itself: whatever it wrote is replaced by the socket's own address.
      req.rawHeaders = dropHeader(req.rawHeaders, CLIENT_ADDRESS_HEADER);
      req.headers[CLIENT_ADDRESS_HEADER] = socketAddress(req.socket.remoteAddress);
      ensurePolicyOnHtml(res);
      // Tells routes that a precompressed body will go out right (`next dev` has no guard, so they send none).
      req.rawHeaders = dropHeader(req.rawHeaders, PRECOMPRESSED_HEADER);
      req.headers[PRECOMPRESSED_HEADER] = "gzip";
      passPrecompressed(res);
      return listener(req, res);
    };
}

// How long, and how much, a refused body is still read (and dropped) after the answer: see refuseBody.
const LINGER_MS = 5_000;
const LINGER_BYTES = 16 * 1024 * 1024;

/**
 * Answers 413 at once, then reads what the client is still sending for a moment before closing, as nginx's
 * lingering close does: a socket closed while the client writes is reset, and a reset can throw the 413 away
 * before the client reads it (it then sees EPIPE or ECONNRESET, not why). Nothing read is kept, and the socket
 * goes after LINGER_MS or LINGER_BYTES, whichever comes first, so a client that keeps sending gains nothing.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {string} message
 */
function refuseBody(req, res, message) {
  const socket = /** @type {import("node:net").Socket} */ (req.socket);
  // `connection: close` tells the client not to reuse the socket. Node then closes it with destroySoon() once the
  // answer is out, which would also stop reading: here it only ends the sending side, and reading goes on.
  socket.destroySoon = () => void socket.end();
  res.writeHead(413, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ error: { code: "PAYLOAD_TOO_LARGE", message } }));
  const close = () => socket.destroy();
  const timer = setTimeout(close, LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  let dropped = 0;
  req.on("data", (/** @type {Buffer} */ chunk) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) close();
  });
}

/** A page takes no form posts (sign-in posts JSON to /api/auth/login); a few KB leave room for odd clients. */
export const PAGE_BODY_LIMIT_BYTES = 4 * 1024;

/**
 * Only API routes read bodies, each under its own cap (the route wrapper's). Anything else that arrives with a
 * body would be buffered by Next for proxy.ts, up to 10 MB a request, from anyone, signed in or not: refused
 * here on its headers, before a byte of it is read. A body of unknown length (chunked) cannot be shown small.
 * @param {import("node:http").IncomingMessage} req
 * @returns {string | null}
 */
function pageBodyRefusal(req) {
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  if (pathname === "/api" || pathname.startsWith("/api/")) return null;
  const length = Number(req.headers["content-length"] ?? 0);
  if (req.headers["transfer-encoding"] !== undefined)
    return `Pages take no request body: this one has no Content-Length (at most ${PAGE_BODY_LIMIT_BYTES} bytes, and only /api/ routes read one)`;
  if (!(length <= PAGE_BODY_LIMIT_BYTES))
    return `Pages take no request body: this one declares ${req.headers["content-length"]} bytes (at most ${PAGE_BODY_LIMIT_BYTES}, and only /api/ routes read one)`;
  return null;
}

// For HTML that proxy.ts never saw (Next's 404 page for an unknown /api path): no nonce, so no inline script runs.
const FALLBACK_POLICY =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/**
 * Every HTML answer carries a Content-Security-Policy: proxy.ts sets the page's own (with its nonce); an HTML
 * answer that still has none when its headers go out gets the strict fallback. Node sends headers through
 * writeHead, also when a handler only called setHeader and write.
 * @param {import("node:http").ServerResponse} res
 */
function ensurePolicyOnHtml(res) {
  const writeHead = res.writeHead;
  res.writeHead = /** @type {typeof res.writeHead} */ (
    function (/** @type {any[]} */ ...args) {
      const given = args.find((arg) => typeof arg === "object" && arg !== null && !Array.isArray(arg)) ?? {};
      const header = (/** @type {string} */ name) =>
        res.getHeader(name) ?? Object.entries(given).find(([key]) => key.toLowerCase() === name)?.[1];
      const html = /^text\/html/i.test(String(header("content-type") ?? ""));
      if (html && header("content-security-policy") === undefined) {
        res.setHeader("content-security-policy", FALLBACK_POLICY);
      }
      return writeHead.apply(this, /** @type {any} */ (args));
    }
  );
}

/**
 * A body a route compressed ahead of time goes out with its Content-Encoding (lib/core/precompressed.mjs). Next
 * copies a route's headers with setHeader before the first byte, and its compression looks at Content-Encoding
 * only when the headers go out: set then, it skips the body.
 * @param {import("node:http").ServerResponse} res
 */
function passPrecompressed(res) {
  const setHeader = res.setHeader;
  res.setHeader = /** @type {typeof res.setHeader} */ (
    function (/** @type {string} */ name, /** @type {any} */ value) {
      if (name.toLowerCase() !== PRECOMPRESSED_HEADER) return setHeader.call(this, name, value);
      return setHeader.call(this, "content-encoding", Array.isArray(value) ? value[0] : value);
    }
  );
}

/**
 * @param {string[]} raw alternating names and values
 * @param {string} name lower case
 */
function dropHeader(raw, name) {
  const kept = [];
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() !== name) kept.push(raw[i], raw[i + 1]);
  }
  return /** @type {string[]} */ (kept);
}

/** An IPv4 client of a server listening on "::" shows as ::ffff:a.b.c.d. @param {string | undefined} address */
function socketAddress(address) {
  if (!address) return "unknown";
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
