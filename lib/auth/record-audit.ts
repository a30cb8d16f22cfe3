import "server-only";
import type { Db } from "@/lib/db/db";
import { cachedStatement } from "@/lib/db/cached-statement";
import { toAuditEntry, auditColumns } from "./audit-row";
import type { AuditAction, AuditEntry } from "./types";

export type NewAuditEntry = {
  actor: string;
  action: AuditAction;
  target?: string | null;
  address?: string | null;
  detail?: string | null;
  /** ISO 8601 UTC; now when absent. */
  at?: string;
};

export function recordAudit(db: Db, entry: NewAuditEntry): AuditEntry {
  const row = cachedStatement(
    db,
    `INSERT INTO audit_log (at, actor, action, target, address, detail) VALUES (?, ?, ?, ?, ?, ?)
     RETURNING ${auditColumns}`,
  ).get(
    entry.at ?? new Date().toISOString(),
    entry.actor,
    entry.action,
    entry.target ?? null,
    entry.address ?? null,
    entry.detail ?? null,
  );
  return toAuditEntry(row);
}
