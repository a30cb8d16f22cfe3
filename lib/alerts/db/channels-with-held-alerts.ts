import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";

/** Channels with messages waiting for a digest. */
export async function channelsWithHeldAlerts(db: Kysely<AlertTables>): Promise<number[]> {
  const rows = await db
    .selectFrom("alert_outbox")
    .select("channel_id")
    .distinct()
    .where("state", "=", "held")
    .orderBy("channel_id")
    .execute();
  return rows.map((row) => row.channel_id);
}
