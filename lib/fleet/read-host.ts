import "server-only";
import { reachabilityReason } from "@/lib/docker/engine-error";
import type { Host } from "@/lib/docker/host-config";
import { inspectAllContainers } from "@/lib/docker/inspect-all-containers";
import { readEngineInfo } from "@/lib/docker/read-engine-info";
import { withDeadline } from "@/lib/docker/with-deadline";
import { countStates, emptyCounts } from "./count-states";
import { toContainerRow } from "./to-container-row";
import type { ContainerRow, HostSummary } from "./types";

export type HostSnapshot = { summary: HostSummary; containers: ContainerRow[] };

// Concurrent readers of the same host share one round of engine calls instead of each starting their own.
const inFlight = new Map<string, Promise<HostSnapshot>>();

/**
 * Everything Wharf shows about one host, read within the host's deadline. A host that fails or is too slow is
 * reported down with the reason; it never throws, so one bad host cannot break a fleet-wide answer.
 */
export function readHost(host: Host): Promise<HostSnapshot> {
  let pending = inFlight.get(host.id);
  if (!pending) {
    pending = read(host).finally(() => inFlight.delete(host.id));
    inFlight.set(host.id, pending);
  }
  return pending;
}

async function read(host: Host): Promise<HostSnapshot> {
  const base = { id: host.id, name: host.name, url: host.displayUrl };
  try {
    const { info, inspected } = await withDeadline(async (signal) => {
      // Sequential on purpose: measured alongside the inspects, the latency would report Wharf's own load.
      const info = await readEngineInfo(host, signal);
      const inspected = await inspectAllContainers(host, signal);
      return { info, inspected };
    }, host.timeoutMs);
    const containers = inspected.map((item) => toContainerRow(host.id, item));
    return {
      summary: { ...base, status: "up", ...info, error: null, counts: countStates(containers) },
      containers,
    };
  } catch (error) {
    return {
      summary: {
        ...base,
        status: "down",
        engineVersion: null,
        apiVersion: null,
        latencyMs: null,
        error: reachabilityReason(error as Error),
        counts: emptyCounts(),
      },
      containers: [],
    };
  }
}
