import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

// An action's engine events can come a moment after its row says it ended.
const GRACE_MS = 2_000;
const LONGEST_ACTION_MS = 30 * 60_000;

/**
 * Whether one of Wharf's own actions on the container was under way at `at` (ms): for events read back after a
 * restart, when the in-memory lock of the process that acted is gone.
 */
export function findWharfAction(db: Db, hostId: string, containerName: string, at: number): boolean {
  const rows = cachedStatement(
    db,
    `SELECT at, duration_ms AS durationMs FROM deploy_history
     WHERE host_id = ? AND container_name = ? AND at >= ? AND at <= ? AND +source != 'external'`,
  ).all(
    hostId,
    containerName,
    new Date(at - LONGEST_ACTION_MS).toISOString(),
    new Date(at + GRACE_MS).toISOString(),
  ) as { at: string; durationMs: number | null }[];
  return rows.some((row) => Date.parse(row.at) + (row.durationMs ?? LONGEST_ACTION_MS) + GRACE_MS >= at);
}
