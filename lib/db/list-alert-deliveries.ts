import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

export type StoredDelivery = {
  id: number;
  at: string;
  event: string;
  messageId: number | null;
  try: number;
  ok: boolean;
  status: number | null;
  error: string | null;
};

type Row = Omit<StoredDelivery, "ok" | "messageId"> & { ok: number; outbox_id: number | null };

/** A channel's most recent tries, newest first. */
export function listAlertDeliveries(db: Db, channelId: number, limit = 50): StoredDelivery[] {
  return (
    cachedStatement(
      db,
      `SELECT id, at, event, outbox_id, try, ok, status, error FROM alert_deliveries
       WHERE channel_id = ? ORDER BY id DESC LIMIT ?`,
    ).all(channelId, limit) as Row[]
  ).map(({ outbox_id, ok, ...row }) => ({ ...row, messageId: outbox_id, ok: ok === 1 }));
}
