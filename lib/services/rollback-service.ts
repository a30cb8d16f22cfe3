import "server-only";
import type { Caller } from "@/lib/actions/track-action";
import { WharfError } from "@/lib/core/errors";
import { swarmOps } from "@/lib/docker/swarm-ops";
import { settleUpdate } from "./settle-update";
import { trackServiceAction } from "./track-service-action";
import type { ServiceActionResult } from "./types";
import { waitForUpdate } from "./wait-for-update";

/** The engine's own rollback to the service's previous spec (`docker service rollback`). */
export function rollbackService(
  hostId: string,
  name: string,
  timeoutSeconds: number,
  caller: Caller,
): Promise<ServiceActionResult> {
  return trackServiceAction(
    hostId,
    name,
    "rollback",
    caller,
    async ({ host, service }) => {
      const since = Date.now();
      await swarmOps.update(host, service.ID, service.Version.Index, service.Spec, { rollback: true });
      const after = await waitForUpdate(host, service.ID, since, timeoutSeconds * 1000);
      return settleUpdate(after, "Rollback", true);
    },
    (service) => {
      if (!service.PreviousSpec)
        throw new WharfError(
          "CONFLICT",
          `Service "${service.Spec.Name}" on host "${hostId}" has no previous spec to roll back to`,
        );
    },
  );
}
