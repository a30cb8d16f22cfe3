import "server-only";
import type { Host } from "./host-config";
import { getClient } from "./get-client";
import type { ContainerListItem } from "./types";

/** Every container of a host as the engine lists them (GET /containers/json?all=1): one request, no inspect. */
export async function listContainerItems(host: Host, signal?: AbortSignal): Promise<ContainerListItem[]> {
  const list = await getClient(host).listContainers({ all: true, abortSignal: signal });
  return list as unknown as ContainerListItem[];
}
