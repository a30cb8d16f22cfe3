import "server-only";
import type { Transaction } from "kysely";
import { dialectOf } from "@/lib/db/dialect";
import type { AlertTables } from "./alert-tables";

/**
 * Makes what a transaction decides from a channel's window (queue or hold, digest or wait) its alone until it
 * commits. On PostgreSQL, where several Wharfs may share the database, that is the channel row's lock; SQLite
 * has one writer, and one Wharf process per file, already.
 */
export async function lockAlertChannel(trx: Transaction<AlertTables>, channelId: number): Promise<void> {
  if (dialectOf(trx) !== "postgres") return;
  await trx.selectFrom("alert_channels").select("id").where("id", "=", channelId).forUpdate().execute();
}
