import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";

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

export async function recordAlertTry(db: Kysely<AlertTables>, attempt: AlertTry): Promise<void> {
  await db
    .insertInto("alert_deliveries")
    .values({
      channel_id: attempt.channelId,
      outbox_id: attempt.outboxId,
      at: attempt.at,
      event: attempt.event,
      try: attempt.try,
      ok: attempt.ok ? 1 : 0,
      status: attempt.status,
      error: attempt.error,
    })
    .execute();
}
