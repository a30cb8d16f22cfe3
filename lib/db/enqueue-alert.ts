import "server-only";
import { cachedStatement } from "./cached-statement";
import type { RateLimit } from "./alert-outbox-row";
import { countAlertsInWindow } from "./count-alerts-in-window";
import type { Db } from "./db";

export type NewOutboxMessage = {
  channelId: number;
  /** The same key twice for a channel is one message: "incident 7 opened" is sent once, restarts or not. */
  dedupeKey: string | null;
  event: string;
  title: string;
  payload: unknown;
  at: number;
};

/**
 * Puts a message in a channel's outbox: `pending` (to send), `held` (over the rate limit, for the next digest)
 * or `duplicate` (already there). The count and the insert share a transaction so two writers cannot both
 * take the last place in the window.
 */
export function enqueueAlert(
  db: Db,
  message: NewOutboxMessage,
  limit: RateLimit,
): "pending" | "held" | "duplicate" {
  const enqueue = db.transaction(() => {
    const state =
      countAlertsInWindow(db, message.channelId, message.at, limit) >= limit.max ? "held" : "pending";
    const iso = new Date(message.at).toISOString();
    const { changes } = cachedStatement(
      db,
      `INSERT OR IGNORE INTO alert_outbox (channel_id, dedupe_key, event, title, payload, state, created_at, next_try_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      message.channelId,
      message.dedupeKey,
      message.event,
      message.title,
      JSON.stringify(message.payload),
      state,
      iso,
      iso,
    );
    return changes === 0 ? "duplicate" : state;
  });
  return enqueue.immediate();
}
