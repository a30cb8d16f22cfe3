import "server-only";
import { cachedStatement } from "./cached-statement";
import { outboxColumns, toOutboxRow, type OutboxRow } from "./alert-outbox-row";
import type { Db } from "./db";

/**
 * Takes the messages due now for sending: each is leased until `now + leaseMs`, so a second delivery loop
 * (another module instance, another process on the same file) skips it while this one tries. One statement,
 * so the pick and the lease are atomic. Disabled channels' messages wait.
 */
export function claimDueAlerts(db: Db, now: number, leaseMs: number, limit = 50): OutboxRow[] {
  const iso = new Date(now).toISOString();
  return cachedStatement(
    db,
    `UPDATE alert_outbox SET lease_until = ?
     WHERE id IN (
       SELECT o.id FROM alert_outbox o JOIN alert_channels c ON c.id = o.channel_id
       WHERE o.state = 'pending' AND c.enabled = 1 AND o.next_try_at <= ? AND (o.lease_until IS NULL OR o.lease_until <= ?)
       ORDER BY o.id LIMIT ?)
     RETURNING ${outboxColumns}`,
  )
    .all(new Date(now + leaseMs).toISOString(), iso, iso, limit)
    .map(toOutboxRow)
    .sort((a, b) => a.id - b.id);
}
