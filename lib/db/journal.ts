import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

/** Where a redeploy stands, written before each step so a restarted Wharf can finish or undo it. */
export type JournalEntry = {
  historyId: number;
  hostId: string;
  containerName: string;
  oldId: string;
  asideName: string;
  oldWasRunning: boolean;
  newId: string | null;
  step: string;
};

type Row = {
  history_id: number;
  host_id: string;
  container_name: string;
  old_id: string;
  aside_name: string;
  old_was_running: number;
  new_id: string | null;
  step: string;
};

export function saveJournal(db: Db, entry: JournalEntry): void {
  cachedStatement(
    db,
    `INSERT INTO deploy_journal (history_id, host_id, container_name, old_id, aside_name, old_was_running, new_id, step, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (history_id) DO UPDATE SET new_id = excluded.new_id, step = excluded.step, updated_at = excluded.updated_at`,
  ).run(
    entry.historyId,
    entry.hostId,
    entry.containerName,
    entry.oldId,
    entry.asideName,
    entry.oldWasRunning ? 1 : 0,
    entry.newId,
    entry.step,
    new Date().toISOString(),
  );
}

export function clearJournal(db: Db, historyId: number): void {
  cachedStatement(db, "DELETE FROM deploy_journal WHERE history_id = ?").run(historyId);
}

export function listJournal(db: Db): JournalEntry[] {
  const rows = cachedStatement(db, "SELECT * FROM deploy_journal ORDER BY history_id").all() as Row[];
  return rows.map((row) => ({
    historyId: row.history_id,
    hostId: row.host_id,
    containerName: row.container_name,
    oldId: row.old_id,
    asideName: row.aside_name,
    oldWasRunning: row.old_was_running === 1,
    newId: row.new_id,
    step: row.step,
  }));
}
