import "server-only";
import { cachedStatement } from "./cached-statement";
import type { RateLimit } from "./alert-outbox-row";
import { countAlertsInWindow } from "./count-alerts-in-window";
import type { Db } from "./db";

export type HeldAlert = { event: string; title: string; at: string };

/** Channels with messages waiting for a digest. */
export function channelsWithHeldAlerts(db: Db): number[] {
  return (
    cachedStatement(db, `SELECT DISTINCT channel_id FROM alert_outbox WHERE state = 'held'`).all() as {
      channel_id: number;
    }[]
  ).map((row) => row.channel_id);
}

/**
 * Once a channel's window has room again, replaces everything it held back with one digest message (made by
 * `compose` from the held ones, oldest first). Returns whether a digest was queued.
 */
export function digestHeldAlerts(
  db: Db,
  channelId: number,
  now: number,
  limit: RateLimit,
  compose: (held: HeldAlert[]) => { title: string; payload: unknown },
): boolean {
  const digest = db.transaction(() => {
    if (countAlertsInWindow(db, channelId, now, limit) >= limit.max) return false;
    const held = cachedStatement(
      db,
      `SELECT id, event, title, created_at AS at FROM alert_outbox WHERE channel_id = ? AND state = 'held' ORDER BY id`,
    ).all(channelId) as (HeldAlert & { id: number })[];
    const last = held.at(-1);
    if (!last) return false;
    const iso = new Date(now).toISOString();
    const { title, payload } = compose(held.map(({ event, title, at }) => ({ event, title, at })));
    cachedStatement(
      db,
      `INSERT INTO alert_outbox (channel_id, event, title, payload, state, created_at, next_try_at)
       VALUES (?, 'digest', ?, ?, 'pending', ?, ?)`,
    ).run(channelId, title, JSON.stringify(payload), iso, iso);
    cachedStatement(
      db,
      `UPDATE alert_outbox SET state = 'digested', settled_at = ? WHERE channel_id = ? AND state = 'held' AND id <= ?`,
    ).run(iso, channelId, last.id);
    return true;
  });
  return digest.immediate();
}
