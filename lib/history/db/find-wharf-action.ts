import "server-only";
import type { Kysely } from "kysely";
import { demoted, literal } from "@/lib/db/planner-hints";
import type { HistoryTables } from "./history-table";

// An action's engine events can come a moment after its row says it ended.
const GRACE_MS = 2_000;
const LONGEST_ACTION_MS = 30 * 60_000;

/**
 * Whether one of Wharf's own actions on the container was under way at `at` (ms): for events read back after a
 * restart, when the in-memory lock of the process that acted is gone.
 */
export async function findWharfAction(
  db: Kysely<HistoryTables>,
  hostId: string,
  containerName: string,
  at: number,
): Promise<boolean> {
  const rows = await db
    .selectFrom("deploy_history")
    .select(["at", "duration_ms"])
    .where("host_id", "=", hostId)
    .where("container_name", "=", containerName)
    .where("at", ">=", new Date(at - LONGEST_ACTION_MS).toISOString())
    .where("at", "<=", new Date(at + GRACE_MS).toISOString())
    .where((eb) => eb(demoted(db, "source"), "!=", literal("external")))
    .execute();
  return rows.some((row) => Date.parse(row.at) + (row.duration_ms ?? LONGEST_ACTION_MS) + GRACE_MS >= at);
}
