import "server-only";
import type { Host } from "./host-config";
import { getClient } from "./get-client";

export type ContainerSummary = { id: string; state: string; status: string };

/** One cheap call: every container's id, state and status line (GET /containers/json?all=1). */
export async function listContainerSummaries(host: Host, signal?: AbortSignal): Promise<ContainerSummary[]> {
  const list = await getClient(host).listContainers({ all: true, abortSignal: signal });
  return list.map((item) => ({ id: item.Id, state: item.State, status: item.Status }));
}
