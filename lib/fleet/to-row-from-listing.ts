import type { ContainerListItem } from "@/lib/docker/types";
import { exitCodeOf, healthOf } from "./status-line";
import { toBareRow } from "./to-bare-row";
import type { ContainerRow } from "./types";

/**
 * A container's row as its list entry (GET /containers/json) gives it: the state, health and exit code the
 * engine lists, without what only an inspect tells (restart count, OOM kill, exact times). All there is to say
 * of a container created and never started (toListedRow); for one whose inspect the engine never answers, the
 * engine's own word as far as it gives it, rather than a host shown down for one stuck container.
 */
export function toRowFromListing(hostId: string, item: ContainerListItem): ContainerRow | null {
  const row = toBareRow(hostId, {
    id: item.Id,
    name: item.Names[0] ?? "",
    image: item.Image,
    imageId: item.ImageID,
    labels: item.Labels,
    status: item.State,
    health: healthOf(item.Status) ?? undefined,
    exitCode: exitCodeOf(item.Status) ?? 0,
    oomKilled: false,
    restartCount: 0,
    createdAt: new Date(item.Created * 1000).toISOString(),
    startedAt: undefined,
    finishedAt: undefined,
  });
  return row.name ? row : null;
}
