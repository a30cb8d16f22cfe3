import "server-only";
import { toWharfError } from "@/lib/docker/engine-error";
import { inspectContainer } from "@/lib/docker/inspect-container";
import { findHost } from "@/lib/docker/load-fleet";
import { withDeadline } from "@/lib/docker/with-deadline";
import { getLiveFleet } from "./live/get-live-fleet";
import { attentionReason } from "./needs-attention";
import { planRollback, toAvailability } from "./plan-rollback";
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
      // Read once per image by the watcher: the page costs no image inspect.
      container.provenance = live.provenance;
    }
    container.env = container.env.map(maskEnv);
    // The page disables Rollback with this reason rather than offering what would only fail.
    const rollback = toAvailability(await planRollback(host, container.name, container.id));
    return { container, rollback };
  } catch (error) {
    throw toWharfError(error, host, nameOrId);
  }
}
