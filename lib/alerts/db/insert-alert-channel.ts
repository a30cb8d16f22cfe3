import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";
import { channelColumns, toStoredChannel, type StoredChannel } from "./channel-table";

export type NewStoredChannel = Omit<StoredChannel, "id" | "createdAt" | "updatedAt"> & { at: string };

/** Throws a unique violation (isUniqueViolation) for a name in use: names compare without case. */
export async function insertAlertChannel(
  db: Kysely<AlertTables>,
  channel: NewStoredChannel,
): Promise<StoredChannel> {
  const row = await db
    .insertInto("alert_channels")
    .values({
      name: channel.name,
      kind: channel.kind,
      enabled: channel.enabled ? 1 : 0,
      settings: JSON.stringify(channel.settings),
      secrets: JSON.stringify(channel.secrets),
      rules: JSON.stringify(channel.rules),
      created_at: channel.at,
      updated_at: channel.at,
    })
    .returning(channelColumns)
    .executeTakeFirstOrThrow();
  return toStoredChannel(row);
}
