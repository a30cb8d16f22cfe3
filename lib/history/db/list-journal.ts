import "server-only";
import type { Kysely } from "kysely";
import type { HistoryTables } from "./history-table";
import { toJournalEntry, type JournalEntry } from "./journal-entry";

/** The redeploys a previous process left unfinished, oldest first. */
export async function listJournal(db: Kysely<HistoryTables>): Promise<JournalEntry[]> {
  const rows = await db.selectFrom("deploy_journal").selectAll().orderBy("history_id").execute();
  return rows.map(toJournalEntry);
}
