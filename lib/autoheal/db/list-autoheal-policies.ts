import "server-only";
import type { Kysely } from "kysely";
import type { AutohealPolicy } from "../types";
import { policyColumns, toAutohealPolicy, type AutohealTables } from "./policy-table";

/**
 * Every policy: hosts first, then projects on every host; within a host its host-wide policy before its projects.
 * Nulls are placed explicitly: SQLite sorts them first, PostgreSQL last.
 */
export async function listAutohealPolicies(db: Kysely<AutohealTables>): Promise<AutohealPolicy[]> {
  const rows = await db
    .selectFrom("autoheal_policies")
    .select(policyColumns)
    .orderBy((eb) => eb("host_id", "is", null))
    .orderBy("host_id")
    .orderBy((eb) => eb("project", "is not", null))
    .orderBy("project")
    .orderBy("id")
    .execute();
  return rows.map(toAutohealPolicy);
}
