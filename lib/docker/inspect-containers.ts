import "server-only";
import type { Host } from "./host-config";
import { getClient } from "./get-client";
import type { ContainerInspect } from "./types";

// Enough parallel inspects to hide per-request latency without queueing hundreds of sockets on one engine.
const CONCURRENCY = 16;

/**
 * Lists every container of a host and inspects each one. The list endpoint alone does not carry exit codes,
 * OOM kills, restart counts or health, and Wharf must show those right for every container.
 */
export async function inspectAllContainers(host: Host, signal?: AbortSignal): Promise<ContainerInspect[]> {
  const client = getClient(host);
  const summaries = await client.listContainers({ all: true, abortSignal: signal });
  const results: (ContainerInspect | undefined)[] = new Array(summaries.length);
  let next = 0;
  const worker = async () => {
    while (next < summaries.length) {
      const index = next++;
      const summary = summaries[index]!;
      try {
        results[index] = (await client
          .getContainer(summary.Id)
          .inspect({ abortSignal: signal })) as unknown as ContainerInspect;
      } catch (error) {
        // Removed between list and inspect: it is simply gone.
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, summaries.length) }, worker));
  return results.filter((item): item is ContainerInspect => item !== undefined);
}
