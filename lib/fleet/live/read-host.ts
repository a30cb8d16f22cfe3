import "server-only";
import type { Host } from "@/lib/docker/host-config";
import { inspectContainers } from "@/lib/docker/inspect-containers";
import { listContainerItems } from "@/lib/docker/list-container-items";
import type { ContainerInspect } from "@/lib/docker/types";
import { toListedRow } from "../to-listed-row";
import type { ContainerRow } from "../types";

export type HostRead = { listed: ContainerRow[]; inspected: ContainerInspect[] };

/**
 * A host's whole state: one list, then an inspect only of the containers whose list entry does not say all
 * their row shows (toListedRow). A host of a thousand idle containers is read in one request rather than a
 * thousand and one, which is what keeps a start against many large hosts close to the time of their lists.
 */
export async function readHost(host: Host, signal: AbortSignal): Promise<HostRead> {
  const items = await listContainerItems(host, signal);
  const listed: ContainerRow[] = [];
  const toInspect: string[] = [];
  for (const item of items) {
    const row = toListedRow(host.id, item);
    if (row) listed.push(row);
    else toInspect.push(item.Id);
  }
  return { listed, inspected: await inspectContainers(host, toInspect, signal) };
}

/** The last health check's output, which an unhealthy incident shows. */
export function healthOutput(item: ContainerInspect | undefined): string | null {
  const log = item?.State.Health?.Log;
  return log && log.length > 0 ? (log.at(-1)?.Output.trim() ?? null) : null;
}
