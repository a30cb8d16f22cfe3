import "server-only";
import type { Caller } from "@/lib/actions/track-action";
import { WharfError } from "@/lib/core/errors";
import { swarmOps } from "@/lib/docker/swarm-ops";
import { splitPinnedImage } from "./split-pinned-image";
import { trackServiceAction } from "./track-service-action";
import type { ServiceActionResult } from "./types";

const POLL_MS = 500;

/**
 * Sets a replicated service's replica count and waits (bounded) until that many tasks run: a scale is not an
 * update, so UpdateStatus says nothing of it; the tasks do.
 */
export function scaleService(
  hostId: string,
  name: string,
  replicas: number,
  timeoutSeconds: number,
  caller: Caller,
): Promise<ServiceActionResult> {
  return trackServiceAction(
    hostId,
    name,
    "scale",
    caller,
    async ({ host, service }) => {
      const spec = structuredClone(service.Spec);
      spec.Mode = { ...spec.Mode, Replicated: { Replicas: replicas } };
      await swarmOps.update(host, service.ID, service.Version.Index, spec);
      const deadline = Date.now() + timeoutSeconds * 1000;
      for (;;) {
        const tasks = await swarmOps.tasks(host, service.ID);
        const running = tasks.filter(
          (t) => t.Status.State === "running" && t.DesiredState === "running",
        ).length;
        const leaving = tasks.filter(
          (t) => t.Status.State === "running" && t.DesiredState !== "running",
        ).length;
        if (running === replicas && leaving === 0) break;
        if (Date.now() > deadline)
          return {
            outcome: "failed",
            code: "INCOMPLETE",
            message: `Scale of service ${service.Spec.Name} to ${replicas}: ${running} running after ${timeoutSeconds} s`,
            patch: { replicasAfter: replicas },
          };
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      const after = await swarmOps.service(host, service.ID);
      const { image, digest } = splitPinnedImage(after.Spec.TaskTemplate.ContainerSpec.Image);
      return {
        outcome: "succeeded",
        message: `Service ${service.Spec.Name} scaled to ${replicas}`,
        patch: {
          replicasAfter: replicas,
          versionAfter: after.Version.Index,
          imageAfter: image,
          digestAfter: digest,
        },
      };
    },
    (service) => {
      if (service.Spec.Mode.Replicated === undefined)
        throw new WharfError(
          "VALIDATION",
          `Service "${service.Spec.Name}" on host "${hostId}" is global: it runs one task per node and cannot be scaled`,
        );
    },
  );
}
