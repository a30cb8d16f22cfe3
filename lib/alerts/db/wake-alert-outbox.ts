import "server-only";
import type { Kysely } from "kysely";
import { dialectOf } from "@/lib/db/dialect";
import type { AlertTables } from "./alert-tables";

/**
 * At start-up: what was left pending is due now, instead of after a backoff that no longer means anything. On
 * SQLite its leases are void too: one Wharf process owns a data dir, and the one that took them is gone. On
 * PostgreSQL another Wharf may be sending a leased message right now: its lease runs out by itself.
 */
export async function wakeAlertOutbox(db: Kysely<AlertTables>, now: number): Promise<number> {
  const iso = new Date(now).toISOString();
  const shared = dialectOf(db) === "postgres";
  const { numUpdatedRows } = await db
    .updateTable("alert_outbox")
    .set(shared ? { next_try_at: iso } : { next_try_at: iso, lease_until: null })
    .where("state", "=", "pending")
    .executeTakeFirst();
  return Number(numUpdatedRows);
}
