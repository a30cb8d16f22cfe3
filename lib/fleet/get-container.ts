import "server-only";
import { hasRole, type Principal } from "@/lib/auth/types";
import { toWharfError } from "@/lib/docker/engine-error";
import { inspectContainer } from "@/lib/docker/inspect-container";
import { findHost } from "@/lib/docker/load-fleet";
import { withDeadline } from "@/lib/docker/with-deadline";
import { getLiveFleet } from "./live/get-live-fleet";
import { attentionReason } from "./needs-attention";
import { toContainerDetail } from "./to-container-row";
import { ENV_MASK, type ContainerResponse } from "./types";

function maskEnv(entry: string): string {
  const separator = entry.indexOf("=");
  return separator < 0 ? entry : `${entry.slice(0, separator)}=${ENV_MASK}`;
}

/** Viewers (managers) read everything except secret values: environment values are masked, keys stay. */
export async function getContainer(
  hostId: string,
  nameOrId: string,
  principal: Principal,
): Promise<ContainerResponse> {
  const host = findHost(hostId);
  try {
    const inspected = await withDeadline(
      (signal) => inspectContainer(host, nameOrId, signal),
      host.timeoutMs,
    );
    const now = Date.now();
    const container = toContainerDetail(host.id, inspected, now);
    // Why the last run ended is known only from the events the host's watcher saw: the page and the fleet
    // table must give the same verdict.
    const live = getLiveFleet().store.row(host.id, container.id);
    if (live) {
      container.exitCause = live.exitCause;
      container.lastExit = live.lastExit ?? container.lastExit;
      container.attention = attentionReason(container, now);
    }
    if (!hasRole(principal, "operator")) container.env = container.env.map(maskEnv);
    return { container };
  } catch (error) {
    throw toWharfError(error, host, nameOrId);
  }
}
