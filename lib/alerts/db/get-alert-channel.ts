import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";
import { channelColumns, toStoredChannel, type StoredChannel } from "./channel-table";

export async function getAlertChannel(
  db: Kysely<AlertTables>,
  id: number,
): Promise<StoredChannel | undefined> {
  const row = await db
    .selectFrom("alert_channels")
    .select(channelColumns)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toStoredChannel(row);
}
