import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

/**
 * At start-up: what the last process left pending is due now, and its leases are void (that process is gone;
 * one Wharf process owns a data dir). Messages it was waiting to retry go out at once instead of after a
 * backoff that no longer means anything.
 */
export function wakeAlertOutbox(db: Db, now: number): number {
  return cachedStatement(
    db,
    `UPDATE alert_outbox SET next_try_at = ?, lease_until = NULL WHERE state = 'pending'`,
  ).run(new Date(now).toISOString()).changes;
}
