import "server-only";
import type { Kysely } from "kysely";
import { roleSchema } from "../schemas";
import type { Role } from "../types";
import type { AuthTables } from "./auth-tables";

/** The roles of the tokens a user owns that are still in force at `at` (neither revoked nor expired). */
export async function listLiveOwnedTokenRoles(
  db: Kysely<AuthTables>,
  userId: number,
  at: string,
): Promise<Role[]> {
  const rows = await db
    .selectFrom("api_tokens")
    .select("role")
    .where("owner_user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", at)]))
    .execute();
  return rows.map((row) => roleSchema.parse(row.role));
}
