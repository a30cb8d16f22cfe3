import "server-only";
import type { Kysely } from "kysely";
import type { AuditAction, AuditEntry } from "../types";
import { auditColumns, toAuditEntry } from "./audit-table";
import type { AuthTables } from "./auth-tables";

export type NewAuditEntry = {
  actor: string;
  action: AuditAction;
  target?: string | null;
  address?: string | null;
  detail?: string | null;
  /** ISO 8601 UTC; now when absent. */
  at?: string;
};

/** The insert, built once for both writers: this one and the synchronous one for features not converted yet. */
export function auditInsert(db: Kysely<AuthTables>, entry: NewAuditEntry) {
  return db
    .insertInto("audit_log")
    .values({
      at: entry.at ?? new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? null,
      address: entry.address ?? null,
      detail: entry.detail ?? null,
    })
    .returning(auditColumns);
}

/** Appends to the audit log; pass a transaction to have the entry stand or fall with the change it tells of. */
export async function recordAudit(db: Kysely<AuthTables>, entry: NewAuditEntry): Promise<AuditEntry> {
  return toAuditEntry(await auditInsert(db, entry).executeTakeFirstOrThrow());
}
