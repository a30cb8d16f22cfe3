import "server-only";
import type { Kysely } from "kysely";
import type { HistoryTables } from "./history-table";
import type { JournalEntry } from "./journal-entry";

/** Where a redeploy stands, written before each step so a restarted Wharf can finish or undo it. */
export async function saveJournal(db: Kysely<HistoryTables>, entry: JournalEntry): Promise<void> {
  await db
    .insertInto("deploy_journal")
    .values({
      history_id: entry.historyId,
      host_id: entry.hostId,
      container_name: entry.containerName,
      old_id: entry.oldId,
      aside_name: entry.asideName,
      old_was_running: entry.oldWasRunning ? 1 : 0,
      new_id: entry.newId,
      step: entry.step,
      updated_at: new Date().toISOString(),
    })
    .onConflict((oc) =>
      oc.column("history_id").doUpdateSet((eb) => ({
        new_id: eb.ref("excluded.new_id"),
        step: eb.ref("excluded.step"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    )
    .execute();
}
