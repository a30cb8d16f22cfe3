import "server-only";
import { cachedStatement } from "./cached-statement";
import { channelColumns, toStoredChannel, type StoredChannel } from "./alert-channel-row";
import type { Db } from "./db";

export type NewStoredChannel = Omit<StoredChannel, "id" | "createdAt" | "updatedAt"> & { at: string };

/** Throws SQLITE_CONSTRAINT_UNIQUE for a name in use (names compare without case). */
export function insertAlertChannel(db: Db, channel: NewStoredChannel): StoredChannel {
  return toStoredChannel(
    cachedStatement(
      db,
      `INSERT INTO alert_channels (name, kind, enabled, settings, secrets, rules, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${channelColumns}`,
    ).get(
      channel.name,
      channel.kind,
      channel.enabled ? 1 : 0,
      JSON.stringify(channel.settings),
      JSON.stringify(channel.secrets),
      JSON.stringify(channel.rules),
      channel.at,
      channel.at,
    ),
  );
}
