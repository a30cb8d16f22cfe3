import "server-only";
import type { Kysely } from "kysely";
import type { HistoryTables } from "./history-table";

/** The redeploy is settled: nothing is left for a restarted Wharf to finish. */
export async function clearJournal(db: Kysely<HistoryTables>, historyId: number): Promise<void> {
  await db.deleteFrom("deploy_journal").where("history_id", "=", historyId).execute();
}
