import "server-only";
import type { Kysely } from "kysely";
import { literal } from "@/lib/db/planner-hints";
import { CRASH_WINDOW_MS, HELD_ACTIONS } from "./crash-window";
import type { HistoryTables } from "./history-table";

/** A crash at `at` marks the container's successful actions of the 10 minutes before it as not having held. */
export async function markCrashedAfter(
  db: Kysely<HistoryTables>,
  hostId: string,
  containerName: string,
  at: number,
): Promise<void> {
  await db
    .updateTable("deploy_history")
    .set({ crashed_after: 1 })
    .where("host_id", "=", hostId)
    .where("container_name", "=", containerName)
    .where("outcome", "=", literal("succeeded"))
    .where(
      "action",
      "in",
      HELD_ACTIONS.map((action) => literal(action)),
    )
    .where("at", ">=", new Date(at - CRASH_WINDOW_MS).toISOString())
    .where("at", "<=", new Date(at).toISOString())
    .execute();
}
