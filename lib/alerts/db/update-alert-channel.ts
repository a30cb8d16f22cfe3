import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";
import { channelColumns, toStoredChannel, type StoredChannel } from "./channel-table";

/** Writes the whole channel back (the caller merged the change); undefined when it no longer exists. */
export async function updateAlertChannel(
  db: Kysely<AlertTables>,
  channel: StoredChannel,
): Promise<StoredChannel | undefined> {
  const row = await db
    .updateTable("alert_channels")
    .set({
      name: channel.name,
      enabled: channel.enabled ? 1 : 0,
      settings: JSON.stringify(channel.settings),
      secrets: JSON.stringify(channel.secrets),
      rules: JSON.stringify(channel.rules),
      updated_at: channel.updatedAt,
    })
    .where("id", "=", channel.id)
    .returning(channelColumns)
    .executeTakeFirst();
  return row && toStoredChannel(row);
}
