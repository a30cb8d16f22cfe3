import "server-only";
import type { Host } from "./host-config";
import { getClient } from "./get-client";
import type { ContainerInspect } from "./types";

export async function inspectContainer(
  host: Host,
  nameOrId: string,
  signal?: AbortSignal,
): Promise<ContainerInspect> {
  const inspected = await getClient(host).getContainer(nameOrId).inspect({ abortSignal: signal });
  return inspected as unknown as ContainerInspect;
}
