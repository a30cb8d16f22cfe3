import "server-only";
import type { Kysely } from "kysely";
import type { AuditEntry } from "../types";
import { auditColumns, toAuditEntry } from "./audit-table";
import type { AuthTables } from "./auth-tables";

/** The newest `limit` entries, newest first. */
export async function listAuditEntries(db: Kysely<AuthTables>, limit: number): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select(auditColumns)
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toAuditEntry);
}
