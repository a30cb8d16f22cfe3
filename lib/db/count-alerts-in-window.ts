import "server-only";
import { cachedStatement } from "./cached-statement";
import type { RateLimit } from "./alert-outbox-row";
import type { Db } from "./db";

/** Messages a channel was sent (or is being sent) within the rate limit's window ending at `now`. */
export function countAlertsInWindow(db: Db, channelId: number, now: number, limit: RateLimit): number {
  const since = new Date(now - limit.windowMs).toISOString();
  const row = cachedStatement(
    db,
    `SELECT count(*) AS n FROM alert_outbox
     WHERE channel_id = ? AND created_at >= ? AND state IN ('pending', 'delivered', 'failed')`,
  ).get(channelId, since) as { n: number };
  return row.n;
}
