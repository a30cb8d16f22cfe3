import "server-only";
import type { Host } from "./host-config";
import { takeEarlyList } from "./early-lists.mjs";
import { getClient } from "./get-client";
import type { ContainerListItem } from "./types";

/** Every container of a host as the engine lists them (GET /containers/json?all=1): one request, no inspect. */
export async function listContainerItems(host: Host, signal?: AbortSignal): Promise<ContainerListItem[]> {
  const early = await earlyList(host, signal);
  if (early) return early;
  const list = await getClient(host).listContainers({ all: true, abortSignal: signal });
  return list as unknown as ContainerListItem[];
}

/**
 * The list the start script asked for before Next loaded (lib/docker/early-lists.mjs), the first time only;
 * null when there is none or it failed, and the list is asked for again, which says why it failed if it does.
 */
async function earlyList(host: Host, signal?: AbortSignal): Promise<ContainerListItem[] | null> {
  const early = takeEarlyList(host.id, host.url);
  if (!early) return null;
  if (signal?.aborted) {
    early.abort();
    return null;
  }
  const onAbort = () => early.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    return (await early.items) as ContainerListItem[];
  } catch {
    return null;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}
