import "server-only";
import type { SwarmService } from "@/lib/docker/swarm-types";
import { splitPinnedImage } from "./split-pinned-image";
import type { ServiceActionEnd } from "./track-service-action";

/**
 * What an update ended as, from the service's UpdateStatus: `completed` is success; `rollback_completed` means
 * the manager undid it (its message says why, e.g. "update rolled back due to failure or early termination of
 * task …"); a paused update stopped half way and is a failure. `expectRollback`: Wharf asked for the rollback.
 */
export function settleUpdate(service: SwarmService, verb: string, expectRollback = false): ServiceActionEnd {
  const name = service.Spec.Name;
  const state = service.UpdateStatus?.State;
  const said = service.UpdateStatus?.Message ? `: ${service.UpdateStatus.Message}` : "";
  const { image, digest } = splitPinnedImage(service.Spec.TaskTemplate.ContainerSpec.Image);
  const patch = {
    imageAfter: image,
    digestAfter: digest,
    replicasAfter: service.Spec.Mode.Replicated?.Replicas ?? null,
    versionAfter: service.Version.Index,
  };
  if (state === "completed" || (expectRollback && state === "rollback_completed"))
    return {
      outcome: "succeeded",
      message: `${verb} of service ${name}: ${state === "completed" ? "update completed" : "rollback completed"}, it runs ${image}${digest ? `@${digest}` : ""}`,
      patch,
    };
  if (state === "rollback_completed")
    return { outcome: "rolled-back", message: `${verb} of service ${name} rolled back${said}`, patch };
  return {
    outcome: "failed",
    message: `${verb} of service ${name} stopped (${state})${said}`,
    patch,
    code: "INCOMPLETE",
  };
}
