import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./db/auth-tables";
import { listAuditEntries } from "./db/list-audit-entries";
import type { AuditEntry } from "./types";

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 1000;

/** Newest first. */
export function listAudit(db: Kysely<AuthTables>, { limit }: { limit?: number } = {}): Promise<AuditEntry[]> {
  const clamped =
    limit === undefined || !Number.isFinite(limit)
      ? DEFAULT_AUDIT_LIMIT
      : Math.min(Math.max(Math.trunc(limit), 1), MAX_AUDIT_LIMIT);
  return listAuditEntries(db, clamped);
}
