import "server-only";
import type { Host } from "./host-config";
import { getClient } from "./get-client";
import type { ContainerInspect } from "./types";

// Enough parallel inspects to hide per-request latency without queueing hundreds of sockets on one engine.
const CONCURRENCY = 16;

/**
 * Inspects the given containers of a host. The list endpoint alone does not carry exit codes, OOM kills,
 * restart counts or health, and Wharf must show those right for every container that ever ran.
 */
export async function inspectContainers(
  host: Host,
  ids: string[],
  signal?: AbortSignal,
): Promise<ContainerInspect[]> {
  const client = getClient(host);
  const results: (ContainerInspect | undefined)[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    // Each lane follows the caller's signal through one of its own. Every request in flight holds an abort
    // listener (let go only as its socket closes, just after the answer), so one signal shared by all the lanes
    // would carry one per request still running or closing: past Node's leak warning at 10. A lane's requests
    // run one after another, so its own signal carries one, or two for a moment.
    const laneSignal = signal && AbortSignal.any([signal]);
    while (next < ids.length) {
      const index = next++;
      try {
        results[index] = (await client
          .getContainer(ids[index]!)
          .inspect({ abortSignal: laneSignal })) as unknown as ContainerInspect;
      } catch (error) {
        // Removed between list and inspect: it is simply gone.
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  return results.filter((item): item is ContainerInspect => item !== undefined);
}
