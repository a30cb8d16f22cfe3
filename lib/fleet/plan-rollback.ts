import "server-only";
import { chooseRollbackReference, type RollbackReference } from "@/lib/core/rollback-reference";
import { getDatabase } from "@/lib/db/database";
import { findRollbackSource } from "@/lib/history/db/find-rollback-source";
import type { HistoryTables } from "@/lib/history/db/history-table";
import { imageOps } from "@/lib/docker/container-ops";
import type { Host } from "@/lib/docker/host-config";
import type { ImageInspect } from "@/lib/docker/types";
import type { HistoryEntry } from "@/lib/history/types";
import type { RollbackAvailability } from "./types";

export type RollbackPlan =
  | { ok: true; source: HistoryEntry; image: ImageInspect; target: RollbackReference }
  | { ok: false; code: "CONFLICT" | "NOT_FOUND"; reason: string };

/**
 * What a rollback of this container would run, read without changing anything: the deploy it returns from
 * (its own lineage, lib/history/db/find-rollback-source.ts), the previous image still on the host, and the reference
 * that names that image without moving a tag.
 */
export async function planRollback(host: Host, name: string, containerId: string): Promise<RollbackPlan> {
  const found = await findRollbackSource(await getDatabase<HistoryTables>(), host.id, name, containerId);
  if (!found.entry)
    return { ok: false, code: "CONFLICT", reason: `Nothing to roll back to: ${found.reason}` };
  const source = found.entry;
  const imageId = source.imageIdBefore!;
  const image = await imageOps.inspect(host, imageId).catch(() => null);
  if (!image) {
    return {
      ok: false,
      code: "NOT_FOUND",
      reason: `The previous image (${imageId.slice(0, 19)}) is no longer on this host`,
    };
  }
  // The reference the deploy left (rows before it was recorded kept it in imageRef, which the migration copied).
  const previousRef = source.imageRefBefore ?? source.imageRef;
  const named = previousRef ? await imageOps.inspect(host, previousRef).catch(() => null) : null;
  return { ok: true, source, image, target: chooseRollbackReference(previousRef, image, named?.Id ?? null) };
}

/** The page's view of it: whether the button can be pressed, and what it would do or why not. */
export function toAvailability(plan: RollbackPlan): RollbackAvailability {
  if (!plan.ok) return { available: false, reason: plan.reason, target: null };
  return {
    available: true,
    reason: null,
    target: {
      reference: plan.target.reference,
      kind: plan.target.kind,
      imageId: plan.image.Id,
      historyId: plan.source.id,
      deployedAt: plan.source.at,
    },
  };
}
