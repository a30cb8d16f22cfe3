import "server-only";
import { WharfError } from "@/lib/core/errors";
import { imageOps } from "@/lib/docker/container-ops";
import { findHost } from "@/lib/docker/load-fleet";
import { pullImage } from "@/lib/docker/pull-image";
import { provenanceOf } from "@/lib/core/image-provenance";
import { keepPreviousImage } from "./keep-previous-image";
import { recreateContainer, recreatePlan } from "./recreate-container";
import { digestOf, trackAction, type Caller } from "./track-action";
import type { RawContainerInspect } from "@/lib/docker/types";
import { imageRefusal, parseImageReference } from "./image-rule";
import { localOnlyProblem } from "./local-only-image";
import type { ActionResult } from "./types";

/** `image`: run another reference than the container's own (the deploy hook's new tag). */
export type RedeployOptions = { force: boolean; graceSeconds: number; image?: string };

/**
 * Pulls the container's image reference and, if that brought a new image (or `force`), recreates the
 * container on it with its whole configuration, rolling back by itself if the new one does not hold.
 */
export function redeployContainer(
  hostId: string,
  nameOrId: string,
  options: RedeployOptions,
  caller: Caller,
): Promise<ActionResult> {
  const host = findHost(hostId);
  // Before anything is pulled or recorded: who may run which image here (lib/actions/image-rule.ts).
  const check = (container: RawContainerInspect) => {
    // A container created from an image id has nothing to pull: that fails below, recorded, as it always did.
    if (options.image === undefined && parseImageReference(container.Config.Image) === null) return;
    const refusal = imageRefusal({
      hostId,
      container: container.Name.replace(/^\//, ""),
      current: container.Config.Image,
      requested: options.image ?? container.Config.Image,
      role: caller.role,
      allowedImages: host.allowedImages,
    });
    if (refusal) throw new WharfError(refusal.code, refusal.message);
    const localOnly = localOnlyProblem(options.image ?? container.Config.Image);
    if (localOnly)
      throw new WharfError(
        "VALIDATION",
        `Cannot redeploy "${container.Name.replace(/^\//, "")}" on host "${hostId}": ${localOnly}`,
      );
  };
  return trackAction(
    host,
    nameOrId,
    "redeploy",
    caller,
    async (run) => {
      const { container } = run;
      const name = container.Name.replace(/^\//, "");
      const ref = options.image ?? container.Config.Image;
      if (/^(sha256:)?[0-9a-f]{12,64}$/.test(ref)) {
        throw new WharfError(
          "VALIDATION",
          `Cannot redeploy "${name}" on host "${hostId}": it was created from an image id (${ref.slice(0, 19)}), so there is nothing to pull`,
        );
      }
      run.plan(recreatePlan(container));
      run.step("pull", "pulling");
      try {
        await pullImage(host, ref, (progress) =>
          run.pulled(`pulling: ${progress.status}`, progress.fraction, progress),
        );
      } catch (error) {
        throw new WharfError(
          "HOST_UNREACHABLE",
          `Pulling ${ref} on host "${hostId}" failed: ${(error as Error).message}`,
        );
      }
      const pulled = await imageOps.inspect(host, ref);
      const digestAfter = digestOf(pulled.RepoDigests, ref);
      // The image tried, whether it stays or is rolled back: the row says what was attempted.
      const provenanceAfter = provenanceOf(pulled, ref);
      if (pulled.Id === container.Image && ref === container.Config.Image && !options.force) {
        return {
          outcome: "no-change",
          message: `${ref} has not changed (${digestAfter ?? pulled.Id.slice(0, 19)}); ${name} left as it is`,
          patch: { containerIdAfter: container.Id, imageIdAfter: pulled.Id, digestAfter, provenanceAfter },
        };
      }
      const result = await recreateContainer(host, run, ref, options.graceSeconds * 1000);
      if (!result.ok) {
        return {
          outcome: "rolled-back",
          message: `Redeploy of ${name} on ${hostId} rolled back: ${result.reason}`,
          patch: { ...result.patch, digestAfter, provenanceAfter },
        };
      }
      await keepPreviousImage(host, container.Image, ref, name);
      return {
        outcome: "succeeded",
        message: `${name} on ${hostId} now runs ${ref} (${result.patch.digestAfter ?? pulled.Id.slice(0, 19)})`,
        patch: { ...result.patch, provenanceAfter },
      };
    },
    check,
    options.image,
  );
}
