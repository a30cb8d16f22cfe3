import "server-only";
import { toWharfError } from "@/lib/docker/engine-error";
import { inspectContainer } from "@/lib/docker/inspect-container";
import { findHost } from "@/lib/docker/load-fleet";
import { withDeadline } from "@/lib/docker/with-deadline";
import { toContainerDetail } from "./to-container-row";
import { ENV_MASK, type ContainerResponse } from "./types";

export function maskEnv(entry: string): string {
  const separator = entry.indexOf("=");
  return separator < 0 ? entry : `${entry.slice(0, separator)}=${ENV_MASK}`;
}

/**
 * Everything about a container except secret values: environment values are masked for every role, since the
 * page may be on a wall screen; an operator reveals one at a time (revealEnvValue), and that is audited.
 */
export async function getContainer(hostId: string, nameOrId: string): Promise<ContainerResponse> {
  const host = findHost(hostId);
  try {
    const inspected = await withDeadline((signal) => inspectContainer(host, nameOrId, signal), host.timeoutMs);
    const container = toContainerDetail(host.id, inspected);
    container.env = container.env.map(maskEnv);
    return { container };
  } catch (error) {
    throw toWharfError(error, host, nameOrId);
  }
}
