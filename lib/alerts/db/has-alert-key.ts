import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";

/** Whether a channel's outbox holds a message with this key, whatever became of it. */
export async function hasAlertKey(
  db: Kysely<AlertTables>,
  channelId: number,
  dedupeKey: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("alert_outbox")
    .select("id")
    .where("channel_id", "=", channelId)
    .where("dedupe_key", "=", dedupeKey)
    .executeTakeFirst();
  return row !== undefined;
}
