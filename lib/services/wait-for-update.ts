import "server-only";
import { WharfError } from "@/lib/core/errors";
import type { Host } from "@/lib/docker/host-config";
import { swarmOps } from "@/lib/docker/swarm-ops";
import type { SwarmService } from "@/lib/docker/swarm-types";

const TERMINAL = new Set(["completed", "rollback_completed", "paused", "rollback_paused"]);
// The manager stamps UpdateStatus.StartedAt with its own clock; allow for it being a little behind Wharf's.
const CLOCK_SLACK_MS = 2_000;
const POLL_MS = 500;

/**
 * Waits until the update Wharf started at `since` (ms) reaches an end state in the service's UpdateStatus,
 * reporting each state on the way. Bounded by `timeoutMs`: past it, the update is still under way on the
 * manager and the caller says so. Polls the one service the action owns, only while the action runs.
 */
export async function waitForUpdate(
  host: Host,
  serviceId: string,
  since: number,
  timeoutMs: number,
  onState: (state: string) => void = () => {},
): Promise<SwarmService> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  for (;;) {
    const service = await swarmOps.service(host, serviceId);
    const status = service.UpdateStatus;
    const ours = status?.StartedAt !== undefined && Date.parse(status.StartedAt) >= since - CLOCK_SLACK_MS;
    if (ours && status?.State && status.State !== last) {
      last = status.State;
      onState(last);
    }
    if (ours && status?.State && TERMINAL.has(status.State)) return service;
    if (Date.now() > deadline)
      throw new WharfError(
        "INCOMPLETE",
        `The update of service "${service.Spec.Name}" on host "${host.id}" is still ${last || "starting"} after ${Math.round(timeoutMs / 1000)} s; it goes on on the manager`,
      );
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
