import "server-only";
import { imageRefusal } from "@/lib/actions/image-rule";
import type { Caller } from "@/lib/actions/track-action";
import { WharfError } from "@/lib/core/errors";
import { findHost } from "@/lib/docker/load-fleet";
import { swarmOps } from "@/lib/docker/swarm-ops";
import { settleUpdate } from "./settle-update";
import { splitPinnedImage } from "./split-pinned-image";
import { trackServiceAction } from "./track-service-action";
import type { ServiceActionResult } from "./types";
import { waitForUpdate } from "./wait-for-update";

/**
 * Resolves the service's tag (or the one asked for) to the registry's digest on the manager and updates the
 * service to `image@digest`, so every node runs exactly that image; then follows UpdateStatus to its end.
 * Whether a failed update rolls back is the service's own `--update-failure-action`.
 */
export function redeployService(
  hostId: string,
  name: string,
  options: { image?: string; timeoutSeconds: number },
  caller: Caller,
): Promise<ServiceActionResult> {
  const hostConfig = findHost(hostId);
  return trackServiceAction(
    hostId,
    name,
    "redeploy",
    caller,
    async ({ host, service }) => {
      const current = splitPinnedImage(service.Spec.TaskTemplate.ContainerSpec.Image);
      const ref = options.image ?? current.image;
      let digest: string;
      try {
        digest = await swarmOps.resolveDigest(host, ref);
      } catch (error) {
        throw new WharfError(
          "HOST_UNREACHABLE",
          `Resolving ${ref} to a digest on host "${host.id}" failed: ${(error as Error).message}`,
        );
      }
      const pinned = `${splitPinnedImage(ref).image}@${digest}`;
      if (digest === current.digest && ref === current.image)
        return {
          outcome: "no-change",
          message: `${ref} has not changed (${digest}); service ${service.Spec.Name} left as it is`,
          patch: { imageAfter: current.image, digestAfter: digest, versionAfter: service.Version.Index },
        };
      const since = Date.now();
      const spec = structuredClone(service.Spec);
      spec.TaskTemplate.ContainerSpec.Image = pinned;
      await swarmOps.update(host, service.ID, service.Version.Index, spec);
      const after = await waitForUpdate(host, service.ID, since, options.timeoutSeconds * 1000);
      const end = settleUpdate(after, "Redeploy");
      // The digest Wharf asked for, also when the manager rolled back to the old one: the row shows both.
      return end.outcome === "succeeded" ? end : { ...end, patch: { ...end.patch, digestAfter: digest } };
    },
    (service) => {
      const current = splitPinnedImage(service.Spec.TaskTemplate.ContainerSpec.Image).image;
      const refusal = imageRefusal({
        hostId,
        container: `service ${service.Spec.Name}`,
        current,
        requested: options.image ?? current,
        role: caller.role,
        allowedImages: hostConfig.allowedImages,
      });
      if (refusal) throw new WharfError(refusal.code, refusal.message);
    },
  );
}
