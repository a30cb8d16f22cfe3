import "server-only";
import type { Selectable } from "kysely";
import type { DeployJournalTable } from "./history-table";

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

export function toJournalEntry(row: Selectable<DeployJournalTable>): JournalEntry {
  return {
    historyId: row.history_id,
    hostId: row.host_id,
    containerName: row.container_name,
    oldId: row.old_id,
    asideName: row.aside_name,
    oldWasRunning: row.old_was_running === 1,
    newId: row.new_id,
    step: row.step,
  };
}
