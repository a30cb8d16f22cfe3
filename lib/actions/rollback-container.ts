import "server-only";
import { WharfError } from "@/lib/core/errors";
import { provenanceOf } from "@/lib/core/image-provenance";
import { getDatabase } from "@/lib/db/database";
import { findRollbackSource } from "@/lib/history/db/find-rollback-source";
import type { HistoryTables } from "@/lib/history/db/history-table";
import { findHost } from "@/lib/docker/load-fleet";
import type { RawContainerInspect } from "@/lib/docker/types";
import { planRollback } from "@/lib/fleet/plan-rollback";
import { rollbackRefusal } from "./image-rule";
import { recreateContainer, recreatePlan } from "./recreate-container";
import { trackAction, type Caller } from "./track-action";
import type { ActionResult } from "./types";

/**
 * A redeploy onto the image the container ran before its last successful redeploy, with the same safety
 * sequence and the same image rule. It changes no tag on the host: the new container names that image by
 * its previous reference when that still names it, else by digest, else by image id (said so on the row).
 */
export function rollbackContainer(
  hostId: string,
  nameOrId: string,
  graceSeconds: number,
  caller: Caller,
): Promise<ActionResult> {
  const host = findHost(hostId);
  // Before anything is recorded: the previous image is checked as a redeploy onto it would be.
  const check = async (container: RawContainerInspect) => {
    const name = container.Name.replace(/^\//, "");
    const db = await getDatabase<HistoryTables>();
    const { entry } = await findRollbackSource(db, hostId, name, container.Id);
    if (!entry) return; // Nothing to roll back to: recorded as a failed rollback below.
    const refusal = rollbackRefusal({
      hostId,
      container: name,
      current: container.Config.Image,
      requested: entry.imageRefBefore ?? entry.imageRef,
      role: caller.role,
      allowedImages: host.allowedImages,
    });
    if (refusal) throw new WharfError(refusal.code, refusal.message);
  };
  return trackAction(
    host,
    nameOrId,
    "rollback",
    caller,
    async (run) => {
      const { container } = run;
      const name = container.Name.replace(/^\//, "");
      const plan = await planRollback(host, name, container.Id);
      if (!plan.ok) {
        throw new WharfError(plan.code, `${plan.reason} (container "${name}" on host "${hostId}")`);
      }
      const { image, target } = plan;
      run.plan(recreatePlan(container, []));
      const result = await recreateContainer(host, run, target.reference, graceSeconds * 1000);
      const provenanceAfter = provenanceOf(image, target.reference);
      const detail = describeTarget(plan.source.imageRef, target.kind, target.reference);
      if (!result.ok) {
        return {
          outcome: "rolled-back",
          message: `Rollback of ${name} on ${hostId} was undone: ${result.reason}`,
          patch: { ...result.patch, imageRef: target.reference, provenanceAfter, detail },
        };
      }
      return {
        outcome: "succeeded",
        message: `${name} on ${hostId} is back on ${target.reference}${detail ? ` (${detail})` : ""}`,
        // The row goes from the reference the container had to the one the rollback named it by.
        patch: { ...result.patch, imageRef: target.reference, provenanceAfter, detail },
      };
    },
    check,
  );
}

/** Why the container is not named by its previous reference, when it is not; null when it is. */
function describeTarget(previous: string | null, kind: string, reference: string): string | null {
  if (kind === "reference") return null;
  const was = previous
    ? `${previous} now names another image on this host`
    : "no previous reference is recorded";
  return kind === "digest"
    ? `${was}, so it runs by digest ${reference}`
    : `${was} and no digest of it is known here, so it runs by image id ${reference.slice(0, 19)}`;
}
