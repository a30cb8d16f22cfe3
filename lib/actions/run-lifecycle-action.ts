import "server-only";
import { containerOps } from "@/lib/docker/container-ops";
import { findHost } from "@/lib/docker/load-fleet";
import { WharfError } from "@/lib/core/errors";
import { swarmTaskRefusal } from "@/lib/fleet/swarm-task";
import { trackAction, type Caller } from "./track-action";
import type { ActionResult } from "./types";

type LifecycleAction = "start" | "stop" | "restart";

const verbs: Record<LifecycleAction, string> = { start: "started", stop: "stopped", restart: "restarted" };

/**
 * start, stop and restart: one engine call each, tracked like every action. CONFLICT, before anything is
 * recorded, for a swarm task's container: it is the swarm's to replace (lib/fleet/swarm-task.ts).
 */
export function runLifecycleAction(
  hostId: string,
  nameOrId: string,
  action: LifecycleAction,
  caller: Caller,
): Promise<ActionResult> {
  const host = findHost(hostId);
  return trackAction(
    host,
    nameOrId,
    action,
    caller,
    async ({ container }) => {
      const name = container.Name.replace(/^\//, "");
      if (action === "start" && container.State.Running)
        return { outcome: "no-change", message: `${name} on ${hostId} is already running` };
      if (action === "stop" && !container.State.Running)
        return { outcome: "no-change", message: `${name} on ${hostId} is not running` };
      await containerOps[action](host, container.Id);
      return {
        outcome: "succeeded",
        message: `${name} on ${hostId} ${verbs[action]}`,
        patch: { containerIdAfter: container.Id, imageIdAfter: container.Image },
      };
    },
    (container) => {
      const name = container.Name.replace(/^\//, "");
      const refusal = swarmTaskRefusal({ name, hostId, labels: container.Config.Labels ?? {} });
      if (refusal !== null) throw new WharfError("CONFLICT", refusal);
    },
  );
}
