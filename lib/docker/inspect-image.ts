import "server-only";
import type { Host } from "./host-config";
import { getClient } from "./get-client";
import type { ImageInspect } from "./types";

export async function inspectImage(
  host: Host,
  nameOrId: string,
  signal?: AbortSignal,
): Promise<ImageInspect> {
  const inspected = await getClient(host)
    .getImage(nameOrId)
    .inspect({ abortSignal: signal } as never);
  return inspected as unknown as ImageInspect;
}
