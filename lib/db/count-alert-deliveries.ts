import "server-only";
import { cachedStatement } from "./cached-statement";
import type { Db } from "./db";

export type AlertDeliveryCount = { kind: string; ok: boolean; count: number };

/** Every try to deliver an alert, by channel kind and result (a deleted channel takes its tries with it). */
export function countAlertDeliveries(db: Db): AlertDeliveryCount[] {
  return (
    cachedStatement(
      db,
      `SELECT c.kind AS kind, d.ok AS ok, count(*) AS count FROM alert_deliveries d
       JOIN alert_channels c ON c.id = d.channel_id GROUP BY c.kind, d.ok ORDER BY c.kind, d.ok`,
    ).all() as { kind: string; ok: number; count: number }[]
  ).map((row) => ({ ...row, ok: row.ok === 1 }));
}
