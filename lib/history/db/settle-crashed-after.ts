import "server-only";
import type { Kysely } from "kysely";
import { literal } from "@/lib/db/planner-hints";
import { CRASH_WINDOW_MS, HELD_ACTIONS } from "./crash-window";
import type { HistoryTables } from "./history-table";

/** Actions that went 10 minutes without a crash held: settle their flag to false. */
export async function settleCrashedAfter(db: Kysely<HistoryTables>, now: number): Promise<void> {
  // Values spelled out, not bound: SQLite uses the partial index deploy_history_unsettled only for a query that
  // names the values it covers.
  await db
    .updateTable("deploy_history")
    .set({ crashed_after: 0 })
    .where("crashed_after", "is", null)
    .where("outcome", "=", literal("succeeded"))
    .where("at", "<", new Date(now - CRASH_WINDOW_MS).toISOString())
    .where(
      "action",
      "in",
      HELD_ACTIONS.map((action) => literal(action)),
    )
    .execute();
}
