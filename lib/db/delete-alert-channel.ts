import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

/** Deletes the channel with its outbox and delivery log (ON DELETE CASCADE). */
export function deleteAlertChannel(db: Db, id: number): boolean {
  return cachedStatement(db, `DELETE FROM alert_channels WHERE id = ?`).run(id).changes > 0;
}
