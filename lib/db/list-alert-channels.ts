import "server-only";
import { cachedStatement } from "./cached-statement";
import { channelColumns, toStoredChannel, type StoredChannel } from "./alert-channel-row";
import type { Db } from "./db";

export function listAlertChannels(db: Db, options: { enabledOnly?: boolean } = {}): StoredChannel[] {
  const where = options.enabledOnly ? "WHERE enabled = 1" : "";
  return cachedStatement(db, `SELECT ${channelColumns} FROM alert_channels ${where} ORDER BY id`)
    .all()
    .map(toStoredChannel);
}
