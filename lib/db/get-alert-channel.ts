import "server-only";
import { cachedStatement } from "./cached-statement";
import { channelColumns, toStoredChannel, type StoredChannel } from "./alert-channel-row";
import type { Db } from "./db";

export function getAlertChannel(db: Db, id: number): StoredChannel | undefined {
  const row = cachedStatement(db, `SELECT ${channelColumns} FROM alert_channels WHERE id = ?`).get(id);
  return row ? toStoredChannel(row) : undefined;
}
