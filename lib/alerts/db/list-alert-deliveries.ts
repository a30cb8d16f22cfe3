import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";

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

/** A channel's most recent tries, newest first. */
export async function listAlertDeliveries(
  db: Kysely<AlertTables>,
  channelId: number,
  limit = 50,
): Promise<StoredDelivery[]> {
  const rows = await db
    .selectFrom("alert_deliveries")
    .select(["id", "at", "event", "outbox_id", "try", "ok", "status", "error"])
    .where("channel_id", "=", channelId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(({ outbox_id, ok, ...row }) => ({ ...row, messageId: outbox_id, ok: ok === 1 }));
}
