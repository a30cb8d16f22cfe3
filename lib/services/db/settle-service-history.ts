import "server-only";
import type { Kysely } from "kysely";
import { WharfError } from "@/lib/core/errors";
import type { ServiceHistoryEntry } from "../types";
import { serviceHistoryColumns, toServiceHistoryEntry, type ServicesTables } from "./service-history-table";

export type ServiceHistoryPatch = Partial<
  Pick<
    ServiceHistoryEntry,
    "imageAfter" | "digestAfter" | "replicasAfter" | "versionAfter" | "outcome" | "error" | "durationMs"
  >
>;

/**
 * Settles an action's row with what it ended as. A field left out of the patch (or null) keeps its value, except
 * `error`, which is always the patch's: a success clears it.
 */
export async function settleServiceHistory(
  db: Kysely<ServicesTables>,
  id: number,
  patch: ServiceHistoryPatch,
): Promise<ServiceHistoryEntry> {
  const row = await db
    .updateTable("service_history")
    .set((eb) => ({
      image_after: eb.fn.coalesce(eb.val(patch.imageAfter ?? null), eb.ref("image_after")),
      digest_after: eb.fn.coalesce(eb.val(patch.digestAfter ?? null), eb.ref("digest_after")),
      replicas_after: eb.fn.coalesce(eb.val(patch.replicasAfter ?? null), eb.ref("replicas_after")),
      version_after: eb.fn.coalesce(eb.val(patch.versionAfter ?? null), eb.ref("version_after")),
      outcome: eb.fn.coalesce(eb.val(patch.outcome ?? null), eb.ref("outcome")),
      error: patch.error ?? null,
      duration_ms: eb.fn.coalesce(eb.val(patch.durationMs ?? null), eb.ref("duration_ms")),
    }))
    .where("id", "=", id)
    .returning(serviceHistoryColumns)
    .executeTakeFirst();
  if (row === undefined) throw new WharfError("NOT_FOUND", `Service history row ${id} not found`);
  return toServiceHistoryEntry(row);
}
