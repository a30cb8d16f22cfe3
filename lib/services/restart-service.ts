import "server-only";
import type { Caller } from "@/lib/actions/track-action";
import { swarmOps } from "@/lib/docker/swarm-ops";
import { settleUpdate } from "./settle-update";
import { trackServiceAction } from "./track-service-action";
import type { ServiceActionResult } from "./types";
import { waitForUpdate } from "./wait-for-update";

/** Replaces every task with the same spec (`docker service update --force`), following the update's order. */
export function restartService(
  hostId: string,
  name: string,
  timeoutSeconds: number,
  caller: Caller,
): Promise<ServiceActionResult> {
  return trackServiceAction(hostId, name, "restart", caller, async ({ host, service }) => {
    const since = Date.now();
    const spec = structuredClone(service.Spec);
    spec.TaskTemplate.ForceUpdate = (spec.TaskTemplate.ForceUpdate ?? 0) + 1;
    await swarmOps.update(host, service.ID, service.Version.Index, spec);
    const after = await waitForUpdate(host, service.ID, since, timeoutSeconds * 1000);
    return settleUpdate(after, "Restart");
  });
}
