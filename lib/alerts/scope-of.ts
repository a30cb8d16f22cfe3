import type { ContainerRow } from "@/lib/fleet/types";
import type { EventScope } from "./match-rules";

export function scopeOf(
  hostId: string,
  containerName: string | null,
  row: ContainerRow | undefined,
): EventScope {
  return {
    hostId,
    containerName,
    composeProject: row?.compose?.project ?? null,
    labels: row?.labels ?? {},
  };
}
