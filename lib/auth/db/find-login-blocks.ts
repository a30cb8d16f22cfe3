import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/** When each of these throttle keys may try again (ISO), for those blocked at some point. */
export async function findLoginBlocks(db: Kysely<AuthTables>, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom("login_failures")
    .select("blocked_until")
    .where("key", "in", keys)
    .where("blocked_until", "is not", null)
    .execute();
  return rows.flatMap((row) => (row.blocked_until === null ? [] : [row.blocked_until]));
}
