import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

export type AlertTry = {
  channelId: number;
  /** null for a test message, which has no outbox row. */
  outboxId: number | null;
  event: string;
  try: number;
  ok: boolean;
  status: number | null;
  error: string | null;
  at: string;
};

export function recordAlertTry(db: Db, attempt: AlertTry): void {
  cachedStatement(
    db,
    `INSERT INTO alert_deliveries (channel_id, outbox_id, at, event, try, ok, status, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    attempt.channelId,
    attempt.outboxId,
    attempt.at,
    attempt.event,
    attempt.try,
    attempt.ok ? 1 : 0,
    attempt.status,
    attempt.error,
  );
}
