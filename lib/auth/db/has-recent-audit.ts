import "server-only";
import type { Kysely } from "kysely";
import type { AuditAction } from "../types";
import type { AuthTables } from "./auth-tables";

/** Whether an entry of this action from this address was written after `since`. */
export async function hasRecentAudit(
  db: Kysely<AuthTables>,
  { action, address, since }: { action: AuditAction; address: string; since: string },
): Promise<boolean> {
  const row = await db
    .selectFrom("audit_log")
    .select("id")
    .where("at", ">", since)
    .where("action", "=", action)
    .where("address", "=", address)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
