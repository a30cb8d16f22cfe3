import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/** Revokes a token not yet revoked: its name, or undefined when it was revoked already or never existed. */
export async function revokeTokenRow(
  db: Kysely<AuthTables>,
  id: number,
  at: string,
): Promise<{ name: string } | undefined> {
  return db
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .returning("name")
    .executeTakeFirst();
}
