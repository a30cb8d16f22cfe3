import "server-only";
import type { Host } from "./host-config";
import { getClient } from "./get-client";
import type { ContainerInspect } from "./types";

// Enough parallel inspects to hide per-request latency without queueing hundreds of sockets on one engine.
const CONCURRENCY = 16;
// After this many failed inspects in one pass the engine is struggling (each took a whole timeout): the rest of
// that pass is not asked, so a read ends in a few timeouts rather than one per sixteen containers.
const GIVE_UP_AFTER = CONCURRENCY;
// Failures that say the engine itself cannot be reached (not this one container): the whole read fails.
const ENGINE_GONE = new Set(["ECONNREFUSED", "ENOENT", "EACCES", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND"]);

export type InspectedContainers = {
  inspected: ContainerInspect[];
  /** Containers whose inspect the engine did not answer twice (it timed out or failed), or not asked. */
  unanswered: string[];
};

/**
 * Inspects the given containers of a host. The list endpoint alone does not carry exit codes, OOM kills,
 * restart counts or health, and Wharf must show those right for every container that ever ran.
 *
 * One container's inspect can hang for good while the engine answers everything else: dockerd holds a
 * container's lock while it reaps it, and a reaping stuck inside the engine (seen on dockerd 20.10 after a
 * thousand containers died at once) keeps it forever. An inspect that fails is asked once more after the
 * others (a busy engine answers the second time); one that fails again is returned as unanswered rather than
 * failing the read of every other container on the host.
 */
export async function inspectContainers(
  host: Host,
  ids: string[],
  signal?: AbortSignal,
): Promise<InspectedContainers> {
  const client = getClient(host);
  const inspected: ContainerInspect[] = [];
  const inspectPass = async (pass: string[]): Promise<string[]> => {
    const failed: string[] = [];
    let next = 0;
    const worker = async () => {
      // Each lane follows the caller's signal through one of its own. Every request in flight holds an abort
      // listener (let go only as its socket closes, just after the answer), so one signal shared by all the
      // lanes would carry one per request still running or closing: past Node's leak warning at 10. A lane's
      // requests run one after another, so its own signal carries one, or two for a moment.
      const laneSignal = signal && AbortSignal.any([signal]);
      while (next < pass.length) {
        const id = pass[next++]!;
        if (failed.length >= GIVE_UP_AFTER) {
          failed.push(id);
          continue;
        }
        try {
          inspected.push(
            (await client
              .getContainer(id)
              .inspect({ abortSignal: laneSignal })) as unknown as ContainerInspect,
          );
        } catch (error) {
          const failure = error as { statusCode?: number; code?: string };
          // Removed between list and inspect: it is simply gone.
          if (failure.statusCode === 404) continue;
          if (signal?.aborted || (failure.code && ENGINE_GONE.has(failure.code))) throw error;
          failed.push(id);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, pass.length) }, worker));
    return failed;
  };
  const retry = await inspectPass(ids);
  const unanswered = retry.length > 0 ? await inspectPass(retry) : [];
  return { inspected, unanswered };
}
