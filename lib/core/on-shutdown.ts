import "server-only";

// Wharf's streams (the fleet's events, logs, stats, consoles) never end by themselves, and on SIGTERM Next stops
// accepting connections and waits for every open one before it exits: with one browser tab open, a Wharf told to
// stop never did (`docker stop` killed it after its timeout; a replica being upgraded hung). They end on the
// signal instead, and browsers reconnect: behind a load balancer, to another replica. The registry is the
// process's, not a module's: routes and instrumentation are bundled apart, each with its own copy of this file.
const KEY = Symbol.for("wharf.on-shutdown");
const SIGNALS = ["SIGTERM", "SIGINT"] as const;
type Registry = { callbacks: Set<() => void>; stopping: boolean };

function registry(): Registry {
  const global = globalThis as { [KEY]?: Registry };
  if (global[KEY]) return global[KEY];
  const created: Registry = { callbacks: new Set(), stopping: false };
  global[KEY] = created;
  for (const signal of SIGNALS)
    process.once(signal, () => {
      created.stopping = true;
      for (const callback of [...created.callbacks]) {
        try {
          callback();
        } catch (error) {
          console.error("[wharf] ending a stream at shutdown failed", error);
        }
      }
      created.callbacks.clear();
      // Listening for a signal replaces its default, which is to end the process: with no other listener (a
      // script, not Next's server), it is given back and the signal raised again.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  return created;
}

/**
 * Calls `callback` once when the process is told to stop (SIGTERM, SIGINT), or soon if it already was. The
 * returned function takes it back (a stream that ended by itself).
 */
export function onShutdown(callback: () => void): () => void {
  const current = registry();
  if (current.stopping) {
    queueMicrotask(callback);
    return () => {};
  }
  current.callbacks.add(callback);
  return () => current.callbacks.delete(callback);
}
