import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

/** Whether a channel's outbox holds a message with this key, whatever became of it. */
export function hasAlertKey(db: Db, channelId: number, dedupeKey: string): boolean {
  return (
    cachedStatement(db, `SELECT 1 FROM alert_outbox WHERE channel_id = ? AND dedupe_key = ?`).get(
      channelId,
      dedupeKey,
    ) !== undefined
  );
}
