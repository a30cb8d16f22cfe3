import type { ContainerRow } from "@/lib/fleet/types";

/** What an incident opened from a container's row starts with, whatever its kind. */
export function newIncidentOf(row: ContainerRow, at: string) {
  return {
    hostId: row.hostId,
    containerName: row.name,
    containerId: row.id,
    image: row.image,
    openedAt: at,
    lastAt: at,
    count: 1,
    logTail: [],
    lastStderr: null,
    oom: false,
  };
}
