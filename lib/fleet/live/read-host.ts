import "server-only";
import type { Host } from "@/lib/docker/host-config";
import { inspectContainers } from "@/lib/docker/inspect-containers";
import { listContainerItems } from "@/lib/docker/list-container-items";
import type { ContainerInspect } from "@/lib/docker/types";
import { toListedRow } from "../to-listed-row";
import { toRowFromListing } from "../to-row-from-listing";
import type { ContainerRow } from "../types";

/** `unanswered`: containers shown from their list entry because their inspect was not answered; to ask again. */
export type HostRead = { listed: ContainerRow[]; inspected: ContainerInspect[]; unanswered: string[] };

/**
 * A host's whole state: one list, then an inspect only of the containers whose list entry does not say all
 * their row shows (toListedRow). A host of a thousand idle containers is read in one request rather than a
 * thousand and one, which is what keeps a start against many large hosts close to the time of their lists.
 * A container whose inspect the engine leaves unanswered is shown as its list entry says.
 */
export async function readHost(host: Host, signal: AbortSignal): Promise<HostRead> {
  const items = await listContainerItems(host, signal);
  const listed: ContainerRow[] = [];
  const toInspect = new Map<string, (typeof items)[number]>();
  for (const item of items) {
    const row = toListedRow(host.id, item);
    if (row) listed.push(row);
    else toInspect.set(item.Id, item);
  }
  const { inspected, unanswered } = await inspectContainers(host, [...toInspect.keys()], signal);
  for (const id of unanswered) {
    const row = toRowFromListing(host.id, toInspect.get(id)!);
    if (row) listed.push(row);
  }
  if (unanswered.length > 0)
    console.warn(
      `[wharf] host ${host.id}: the engine did not answer the inspect of ${unanswered.length} container(s) (${unanswered
        .slice(0, 3)
        .map((id) => id.slice(0, 12))
        .join(", ")}${unanswered.length > 3 ? ", …" : ""}); showing them as its list does`,
    );
  return { listed, inspected, unanswered };
}

/** The last health check's output, which an unhealthy incident shows. */
export function healthOutput(item: ContainerInspect | undefined): string | null {
  const log = item?.State.Health?.Log;
  return log && log.length > 0 ? (log.at(-1)?.Output.trim() ?? null) : null;
}
