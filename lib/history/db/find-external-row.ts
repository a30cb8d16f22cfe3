import "server-only";
import type { Kysely } from "kysely";
import { demoted, literal } from "@/lib/db/planner-hints";
import type { HistoryAction } from "@/lib/history/types";
import type { HistoryTables } from "./history-table";

/**
 * Whether this change made outside Wharf is already a row: a restarted Wharf reads the engine's events again
 * from the last second the previous one saw, and those must not be recorded twice.
 */
export async function findExternalRow(
  db: Kysely<HistoryTables>,
  row: { hostId: string; containerName: string; action: HistoryAction; at: string },
): Promise<boolean> {
  const found = await db
    .selectFrom("deploy_history")
    .select("id")
    .where("host_id", "=", row.hostId)
    .where("container_name", "=", row.containerName)
    .where("at", "=", row.at)
    .where((eb) => eb(demoted(db, "source"), "=", literal("external")))
    .where((eb) => eb(demoted(db, "action"), "=", row.action))
    .executeTakeFirst();
  return found !== undefined;
}
