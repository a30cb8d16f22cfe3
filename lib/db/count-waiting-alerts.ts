import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

export type AlertOutboxCount = { state: string; count: number };

/** Alerts not sent yet: waiting for a try (`pending`) or held back by a channel's rate limit (`held`). */
export function countWaitingAlerts(db: Db): AlertOutboxCount[] {
  return cachedStatement(
    db,
    `SELECT state, count(*) AS count FROM alert_outbox WHERE state IN ('pending', 'held') GROUP BY state`,
  ).all() as AlertOutboxCount[];
}
