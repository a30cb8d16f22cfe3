import "server-only";
import type { Db } from "@/lib/db/db";
import { cachedStatement } from "@/lib/db/cached-statement";
import { auditColumns, toAuditEntry } from "./audit-row";
import type { AuditEntry } from "./types";

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 1000;

/** Newest first. */
export function listAudit(db: Db, { limit }: { limit?: number } = {}): AuditEntry[] {
  const clamped =
    limit === undefined || !Number.isFinite(limit)
      ? DEFAULT_AUDIT_LIMIT
      : Math.min(Math.max(Math.trunc(limit), 1), MAX_AUDIT_LIMIT);
  return cachedStatement(db, `SELECT ${auditColumns} FROM audit_log ORDER BY at DESC, id DESC LIMIT ?`)
    .all(clamped)
    .map(toAuditEntry);
}
