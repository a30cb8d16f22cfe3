import "server-only";
import type { Kysely } from "kysely";
import type { AlertTables } from "./alert-tables";

export type AlertDeliveryCount = { kind: string; ok: boolean; count: number };

/** Every try to deliver an alert, by channel kind and result (a deleted channel takes its tries with it). */
export async function countAlertDeliveries(db: Kysely<AlertTables>): Promise<AlertDeliveryCount[]> {
  const rows = await db
    .selectFrom("alert_deliveries as d")
    .innerJoin("alert_channels as c", "c.id", "d.channel_id")
    .select((eb) => ["c.kind", "d.ok", eb.fn.countAll<number>().as("count")])
    .groupBy(["c.kind", "d.ok"])
    .orderBy("c.kind")
    .orderBy("d.ok")
    .execute();
  return rows.map((row) => ({ kind: row.kind, ok: row.ok === 1, count: row.count }));
}
