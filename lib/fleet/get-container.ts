import "server-only";
import { toWharfError } from "@/lib/docker/engine-error";
import { inspectContainer } from "@/lib/docker/inspect-container";
import { findHost } from "@/lib/docker/load-fleet";
import { withDeadline } from "@/lib/docker/with-deadline";
import { toContainerDetail } from "./to-container-row";
import type { ContainerResponse } from "./types";

export async function getContainer(hostId: string, nameOrId: string): Promise<ContainerResponse> {
  const host = findHost(hostId);
  try {
    const inspected = await withDeadline((signal) => inspectContainer(host, nameOrId, signal), host.timeoutMs);
    return { container: toContainerDetail(host.id, inspected) };
  } catch (error) {
    throw toWharfError(error, host, nameOrId);
  }
}
