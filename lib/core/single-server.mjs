// One Wharf per SQLite database. Two servers on one file would both record and both act: each opens the same
// incidents, sends the same alerts and auto-heals the same containers. Plain JavaScript on purpose: the start
// scripts claim the data folder before Next loads, so a second server stops in a fraction of a second with one
// line rather than after a build and a stack trace.
//
// The claim is a unix socket in the data folder: the kernel frees it when its process dies, kill -9 included,
// and a second bind of the same path fails. The file itself stays behind a dead process, so a failed bind
// connects to tell a live owner (it answers with its pid) from a stale file (nobody listens: it is replaced).
// A socket file works across containers sharing the volume, where an abstract socket would not.
//
// Replacing a stale file is guarded by a lock the kernel also frees on death: two servers started at the same
// instant after a crash would otherwise both find the file stale, and the second would unlink the first's fresh
// socket and bind its own (both would run). Node has no flock; SQLite's exclusive lock (fcntl, on a file of its
// own: wharf.lock) is one, through Node's own node:sqlite.

import { unlinkSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";

export const SOCKET_NAME = "wharf.sock";
export const LOCK_NAME = "wharf.lock";
// The lock's connection stays open for the life of the process: closing it (or collecting it) would free the lock.
/** @type {DatabaseSync | null} */
let held = null;

/**
 * The line a second server prints before it exits.
 * @param {string} dataDir
 * @param {string} owner what the running server said of itself (its pid)
 */
export function refusalLine(dataDir, owner) {
  const who = owner ? `pid ${owner}` : "another process";
  return (
    `[wharf] another Wharf (${who}) already runs on ${dataDir}: its SQLite database serves one server only ` +
    `(two would both record and act). Stop that one first, or set DATABASE_URL to a PostgreSQL database to run ` +
    `several servers (README: Several replicas).`
  );
}

/**
 * Claims `dataDir` for this process, or resolves with `{ owner }` when a live server holds it already.
 * @param {string} dataDir
 * @returns {Promise<{ claimed: true } | { claimed: false; owner: string }>}
 */
export async function claimDataDir(dataDir) {
  if (!held) {
    held = lock(dataDir);
    // Someone holds the lock: a server running, or one starting at this instant (it may not answer yet).
    if (!held) return { claimed: false, owner: (await askOwner(dataDir).catch(() => null)) ?? "" };
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const bound = await bind(dataDir);
    if (bound === true) return { claimed: true };
    if (bound.code !== "EADDRINUSE") throw bound;
    const owner = await askOwner(dataDir);
    if (owner !== null) return { claimed: false, owner };
    // A dead server's file; under the lock, nobody else is replacing it.
    try {
      unlinkSync(path.join(dataDir, SOCKET_NAME));
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "ENOENT") throw error;
    }
  }
  return { claimed: false, owner: "" };
}

/**
 * The data folder's lock, or null when another process holds it. No wait: a holder keeps it until it dies.
 * @param {string} dataDir
 */
function lock(dataDir) {
  const db = new DatabaseSync(path.join(dataDir, LOCK_NAME), { timeout: 0 });
  try {
    // The journal (nothing is ever written) stays in memory: no file beside the lock.
    db.exec("PRAGMA journal_mode = MEMORY");
    db.exec("BEGIN EXCLUSIVE");
    return db;
  } catch (error) {
    db.close();
    // SQLITE_BUSY (5): another connection holds the exclusive lock.
    if (/** @type {{ errcode?: number }} */ (error).errcode === 5) return null;
    throw error;
  }
}

/**
 * A socket path is limited to 108 bytes, and Node silently cuts a longer one: bound from inside the folder, the
 * name is short whatever the folder's path. bind and connect take the path synchronously, so the change of
 * directory lasts no longer than the call.
 * @template T
 * @param {string} dataDir
 * @param {() => T} act
 */
function inside(dataDir, act) {
  const cwd = process.cwd();
  process.chdir(dataDir);
  try {
    return act();
  } finally {
    process.chdir(cwd);
  }
}

/** @param {string} dataDir @returns {Promise<true | NodeJS.ErrnoException>} */
function bind(dataDir) {
  return new Promise((resolve) => {
    // Whoever connects learns who holds the folder, then the connection ends.
    const server = net.createServer((socket) => socket.end(`${process.pid}\n`));
    server.once("error", resolve);
    inside(dataDir, () => server.listen(SOCKET_NAME, () => resolve(true)));
    // The claim must not keep a server that is shutting down alive.
    server.unref();
  });
}

/** @param {string} dataDir @returns {Promise<string | null>} the owner's pid, or null when nobody listens */
function askOwner(dataDir) {
  return new Promise((resolve, reject) => {
    let said = "";
    const socket = inside(dataDir, () => net.createConnection(SOCKET_NAME));
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => (said += chunk));
    socket.once("end", () => resolve(said.trim()));
    socket.once("error", (/** @type {NodeJS.ErrnoException} */ error) => {
      if (error.code === "ECONNREFUSED" || error.code === "ENOENT") resolve(null);
      // A live owner that hung up early is still a live owner.
      else if (error.code === "ECONNRESET" || error.code === "EPIPE") resolve(said.trim());
      else reject(error);
    });
  });
}
