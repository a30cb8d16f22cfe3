import "server-only";
import type { HistoryAction } from "@/lib/actions/types";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

/**
 * Whether this change made outside Wharf is already a row: a restarted Wharf reads the engine's events again
 * from the last second the previous one saw, and those must not be recorded twice.
 */
export function findExternalRow(
  db: Db,
  row: { hostId: string; containerName: string; action: HistoryAction; at: string },
): boolean {
  return (
    cachedStatement(
      db,
      `SELECT 1 FROM deploy_history
       WHERE host_id = ? AND container_name = ? AND at = ? AND +source = 'external' AND +action = ?`,
    ).get(row.hostId, row.containerName, row.at, row.action) !== undefined
  );
}
