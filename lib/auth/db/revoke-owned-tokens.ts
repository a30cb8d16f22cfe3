import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/** Revokes every token a user owns that is not revoked yet; the names of those it revoked. */
export async function revokeOwnedTokens(
  db: Kysely<AuthTables>,
  userId: number,
  at: string,
): Promise<string[]> {
  const rows = await db
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("owner_user_id", "=", userId)
    .where("revoked_at", "is", null)
    .returning("name")
    .execute();
  return rows.map((row) => row.name);
}
