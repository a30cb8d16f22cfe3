import "server-only";
import type { ServiceHistoryEntry } from "@/lib/swarm/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { serviceHistoryColumns, toServiceHistoryEntry } from "./service-history-row";

export type ServiceHistoryPatch = Partial<
  Pick<
    ServiceHistoryEntry,
    "imageAfter" | "digestAfter" | "replicasAfter" | "versionAfter" | "outcome" | "error" | "durationMs"
  >
>;

/** Settles an action's row with what it ended as; a field left out of the patch keeps its value. */
export function settleServiceHistory(db: Db, id: number, patch: ServiceHistoryPatch): ServiceHistoryEntry {
  const row = cachedStatement(
    db,
    `UPDATE service_history SET
       image_after = COALESCE(?, image_after), digest_after = COALESCE(?, digest_after),
       replicas_after = COALESCE(?, replicas_after), version_after = COALESCE(?, version_after),
       outcome = COALESCE(?, outcome), error = ?, duration_ms = COALESCE(?, duration_ms)
     WHERE id = ?
     RETURNING ${serviceHistoryColumns}`,
  ).get(
    patch.imageAfter ?? null,
    patch.digestAfter ?? null,
    patch.replicasAfter ?? null,
    patch.versionAfter ?? null,
    patch.outcome ?? null,
    patch.error ?? null,
    patch.durationMs ?? null,
    id,
  );
  return toServiceHistoryEntry(row);
}
