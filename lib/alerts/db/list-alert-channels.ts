import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";
import { channelColumns, toStoredChannel, type StoredChannel } from "./channel-table";

export async function listAlertChannels(
  db: Kysely<AlertTables>,
  options: { enabledOnly?: boolean } = {},
): Promise<StoredChannel[]> {
  const rows = await db
    .selectFrom("alert_channels")
    .select(channelColumns)
    .$if(options.enabledOnly === true, (qb) => qb.where("enabled", "=", 1))
    .orderBy("id")
    .execute();
  return rows.map(toStoredChannel);
}
