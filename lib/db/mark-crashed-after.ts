import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

const WINDOW_MS = 10 * 60_000;
const ACTIONS = "('start', 'restart', 'redeploy', 'rollback')";

/** A crash at `at` marks the container's successful actions of the 10 minutes before it as not having held. */
export function markCrashedAfter(db: Db, hostId: string, containerName: string, at: number): void {
  cachedStatement(
    db,
    `UPDATE deploy_history SET crashed_after = 1
     WHERE host_id = ? AND container_name = ? AND outcome = 'succeeded' AND action IN ${ACTIONS} AND at >= ? AND at <= ?`,
  ).run(hostId, containerName, new Date(at - WINDOW_MS).toISOString(), new Date(at).toISOString());
}

/** Actions that went 10 minutes without a crash held: settle their flag to false. */
export function settleCrashedAfter(db: Db, now: number): void {
  cachedStatement(
    db,
    `UPDATE deploy_history SET crashed_after = 0
     WHERE crashed_after IS NULL AND outcome = 'succeeded' AND at < ? AND action IN ${ACTIONS}`,
  ).run(new Date(now - WINDOW_MS).toISOString());
}
