import "server-only";
import { sql, type Kysely } from "kysely";
import { dialectOf } from "@/lib/db/dialect";
import type { AutohealPolicy, NewAutohealPolicy } from "../types";
import { policyColumns, toAutohealPolicy, type AutohealTables } from "./policy-table";

/** One policy per scope (host, project, or both): saving a scope again replaces its grace period. */
export async function saveAutohealPolicy(
  db: Kysely<AutohealTables>,
  input: NewAutohealPolicy,
  createdBy: string,
  at = new Date().toISOString(),
): Promise<AutohealPolicy> {
  const graceMs = input.graceSeconds === null ? null : Math.round(input.graceSeconds * 1000);
  const row = await db
    .insertInto("autoheal_policies")
    .values({
      host_id: input.hostId,
      project: input.project,
      grace_ms: graceMs,
      created_by: createdBy,
      created_at: at,
    })
    .onConflict((oc) =>
      // The scope's unique index: SQLite's is on IFNULL(…, char(0)) (it has no NULLS NOT DISTINCT), and a
      // conflict target must name the index's own expressions.
      (dialectOf(db) === "postgres"
        ? oc.columns(["host_id", "project"])
        : oc.expression(sql`IFNULL(host_id, char(0)), IFNULL(project, char(0))`)
      ).doUpdateSet((eb) => ({
        grace_ms: eb.ref("excluded.grace_ms"),
        created_by: eb.ref("excluded.created_by"),
        created_at: eb.ref("excluded.created_at"),
      })),
    )
    .returning(policyColumns)
    .executeTakeFirstOrThrow();
  return toAutohealPolicy(row);
}
