import "server-only";
import { WharfError } from "@/lib/core/errors";
import { imageOps } from "@/lib/docker/container-ops";
import { findHost } from "@/lib/docker/load-fleet";
import { getDb } from "@/lib/db/db";
import { findLastDeploy } from "@/lib/db/find-last-deploy";
import { provenanceOf } from "@/lib/core/image-provenance";
import { keepPreviousImage } from "./keep-previous-image";
import { recreateContainer, recreatePlan } from "./recreate-container";
import { trackAction, type Caller } from "./track-action";
import type { ActionResult } from "./types";

/**
 * Recreates a container on the image it ran before its last successful redeploy, with the same safety
 * sequence. The image reference is pointed back at that image locally, so the container keeps its reference
 * (a later redeploy pulls it afresh) while running the previous digest.
 */
export function rollbackContainer(
  hostId: string,
  nameOrId: string,
  graceSeconds: number,
  caller: Caller,
): Promise<ActionResult> {
  const host = findHost(hostId);
  return trackAction(host, nameOrId, "rollback", caller, async (run) => {
    const { container } = run;
    const name = container.Name.replace(/^\//, "");
    const last = findLastDeploy(getDb(), hostId, name);
    if (!last?.imageIdBefore || last.imageIdBefore === container.Image) {
      throw new WharfError(
        "CONFLICT",
        `Nothing to roll back to for "${name}" on host "${hostId}": no earlier image is recorded by a successful redeploy`,
      );
    }
    const previous = await imageOps.inspect(host, last.imageIdBefore).catch(() => {
      throw new WharfError(
        "NOT_FOUND",
        `The previous image of "${name}" (${last.imageIdBefore!.slice(0, 19)}) is no longer on host "${hostId}"`,
      );
    });
    const ref = container.Config.Image;
    const repo = ref.replace(/@.*$/, "").replace(/:[^/:]+$/, "");
    const tag = ref.slice(repo.length + 1) || "latest";
    run.plan(recreatePlan(container, []));
    run.phase("pointing the tag at the previous image");
    await imageOps.tag(host, previous.Id, repo, tag);
    const result = await recreateContainer(host, run, ref, graceSeconds * 1000);
    const provenanceAfter = provenanceOf(previous, ref);
    if (!result.ok) {
      // The tag goes back too, so the container's reference means what it meant before.
      await imageOps.tag(host, container.Image, repo, tag).catch(() => {});
      return {
        outcome: "rolled-back",
        message: `Rollback of ${name} on ${hostId} was undone: ${result.reason}`,
        patch: { ...result.patch, provenanceAfter },
      };
    }
    await keepPreviousImage(host, container.Image, ref, name);
    return {
      outcome: "succeeded",
      message: `${name} on ${hostId} is back on ${result.patch.digestAfter ?? previous.Id.slice(0, 19)}`,
      patch: { ...result.patch, provenanceAfter },
    };
  });
}
