import "server-only";
import type { HistoryEntry } from "@/lib/actions/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";
import { historyColumns, toHistoryEntry } from "./history-row";

/** The container's last redeploy or rollback that succeeded: what a rollback returns from. */
export function findLastDeploy(db: Db, hostId: string, containerName: string): HistoryEntry | null {
  const row = cachedStatement(
    db,
    `SELECT ${historyColumns} FROM deploy_history
     WHERE host_id = ? AND container_name = ? AND action IN ('redeploy', 'rollback') AND outcome = 'succeeded'
       AND image_id_before IS NOT NULL AND image_id_before != image_id_after
     ORDER BY at DESC, id DESC LIMIT 1`,
  ).get(hostId, containerName);
  return row === undefined ? null : toHistoryEntry(row);
}
