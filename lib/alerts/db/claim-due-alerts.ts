import "server-only";
import type { Kysely } from "kysely";
import { dialectOf } from "@/lib/db/dialect";
import type { AlertTables } from "./alert-tables";
import { outboxColumns, toOutboxRow, type OutboxRow } from "./outbox-table";

/**
 * Takes the messages due now for sending: each is leased until `now + leaseMs`, so another delivery loop (another
 * module instance, another Wharf on the same database) skips it while this one tries. One statement, so the pick
 * and the lease are atomic; on PostgreSQL the pick also locks its rows and skips rows another claim is taking
 * (FOR UPDATE SKIP LOCKED), so two claims at the same moment never hand out the same message. Disabled
 * channels' messages wait.
 */
export async function claimDueAlerts(
  db: Kysely<AlertTables>,
  now: number,
  leaseMs: number,
  limit = 50,
): Promise<OutboxRow[]> {
  const iso = new Date(now).toISOString();
  const due = db
    .selectFrom("alert_outbox as o")
    .innerJoin("alert_channels as c", "c.id", "o.channel_id")
    .select("o.id")
    .where("o.state", "=", "pending")
    .where("c.enabled", "=", 1)
    .where("o.next_try_at", "<=", iso)
    .where((eb) => eb.or([eb("o.lease_until", "is", null), eb("o.lease_until", "<=", iso)]))
    .orderBy("o.id")
    .limit(limit)
    .$if(dialectOf(db) === "postgres", (qb) => qb.forUpdate("o").skipLocked());
  const rows = await db
    .updateTable("alert_outbox")
    .set({ lease_until: new Date(now + leaseMs).toISOString() })
    .where("id", "in", due)
    .returning(outboxColumns)
    .execute();
  // RETURNING promises no order.
  return rows.map(toOutboxRow).sort((a, b) => a.id - b.id);
}
