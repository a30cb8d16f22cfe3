import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";

export type AlertOutboxCount = { state: string; count: number };

/** Alerts not sent yet: waiting for a try (`pending`) or held back by a channel's rate limit (`held`). */
export async function countWaitingAlerts(db: Kysely<AlertTables>): Promise<AlertOutboxCount[]> {
  return db
    .selectFrom("alert_outbox")
    .select((eb) => ["state", eb.fn.countAll<number>().as("count")])
    .where("state", "in", ["pending", "held"])
    .groupBy("state")
    .orderBy("state")
    .execute();
}
