import "server-only";
import { cachedStatement } from "./cached-statement";
import { channelColumns, toStoredChannel, type StoredChannel } from "./alert-channel-row";
import type { Db } from "./db";

/** Writes the whole channel back (the caller merged the change); undefined when it no longer exists. */
export function updateAlertChannel(db: Db, channel: StoredChannel): StoredChannel | undefined {
  const row = cachedStatement(
    db,
    `UPDATE alert_channels SET name = ?, enabled = ?, settings = ?, secrets = ?, rules = ?, updated_at = ?
     WHERE id = ? RETURNING ${channelColumns}`,
  ).get(
    channel.name,
    channel.enabled ? 1 : 0,
    JSON.stringify(channel.settings),
    JSON.stringify(channel.secrets),
    JSON.stringify(channel.rules),
    channel.updatedAt,
    channel.id,
  );
  return row ? toStoredChannel(row) : undefined;
}
