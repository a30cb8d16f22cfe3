import "server-only";
import { toWharfError } from "./engine-error";
import type { Host } from "./host-config";
import { findHost } from "./load-fleet";

/**
 * Opens an engine stream for a client request (logs, stats) whose lifetime is the request's: `engine` aborts
 * when the client goes away. An unknown host or container fails here, before any stream starts, as a
 * WharfError naming it, so the route can still answer with JSON and a status.
 */
export async function startFollow<T>(
  request: Request,
  hostId: string,
  nameOrId: string,
  open: (host: Host, signal: AbortSignal) => Promise<T>,
): Promise<{ host: Host; engine: AbortController; follow: T }> {
  const host = findHost(hostId);
  const engine = new AbortController();
  request.signal.addEventListener("abort", () => engine.abort(), { once: true });
  try {
    return { host, engine, follow: await open(host, engine.signal) };
  } catch (error) {
    engine.abort();
    throw toWharfError(error, host, nameOrId);
  }
}
