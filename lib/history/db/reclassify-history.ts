import "server-only";
import type { Kysely } from "kysely";
import { literal } from "@/lib/db/planner-hints";
import type { HistoryAction } from "@/lib/history/types";
import type { HistoryTables } from "./history-table";

/**
 * Renames a change made outside Wharf once its last events arrive: a `docker stop` first shows as the kill of
 * its stop signal, and only its `stop` event, up to the stop timeout later, says it was a stop.
 */
export async function reclassifyHistory(
  db: Kysely<HistoryTables>,
  id: number,
  change: { action: HistoryAction; detail: string | null },
): Promise<void> {
  await db
    .updateTable("deploy_history")
    .set({ action: change.action, detail: change.detail })
    .where("id", "=", id)
    .where("source", "=", literal("external"))
    .execute();
}
