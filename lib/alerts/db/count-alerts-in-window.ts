import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";
import type { RateLimit } from "./outbox-table";

/** Messages a channel was sent (or is being sent) within the rate limit's window ending at `now`. */
export async function countAlertsInWindow(
  db: Kysely<AlertTables>,
  channelId: number,
  now: number,
  limit: RateLimit,
): Promise<number> {
  const since = new Date(now - limit.windowMs).toISOString();
  const row = await db
    .selectFrom("alert_outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("channel_id", "=", channelId)
    .where("created_at", ">=", since)
    .where("state", "in", ["pending", "delivered", "failed"])
    .executeTakeFirstOrThrow();
  return row.n;
}
