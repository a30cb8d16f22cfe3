import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import { kyselyOver } from "@/lib/db/database";
import type { Db } from "@/lib/db/db";
import { toAuditEntry } from "./db/audit-table";
import { auditInsert, type NewAuditEntry } from "./db/record-audit";
import type { AuditEntry } from "./types";

export type { NewAuditEntry } from "./db/record-audit";

/**
 * The audit writer for features still on the synchronous SQLite layer (alerts), inside their own transactions:
 * the same insert as ./db/record-audit, run at once on their connection. Converted code awaits that one.
 */
export function recordAudit(db: Db, entry: NewAuditEntry): AuditEntry {
  const { sql, parameters } = auditInsert(kyselyOver(db), entry).compile();
  return toAuditEntry(cachedStatement(db, sql).get(...parameters));
}
