import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/**
 * Sets a token's last use to `at` unless it was recorded after `unlessSince`; true when it wrote. Conditional,
 * so two requests arriving together (even in two processes) record the use once.
 */
export async function markTokenUsed(
  db: Kysely<AuthTables>,
  id: number,
  at: string,
  unlessSince: string,
): Promise<boolean> {
  const { numUpdatedRows } = await db
    .updateTable("api_tokens")
    .set({ last_used_at: at })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<=", unlessSince)]))
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}
