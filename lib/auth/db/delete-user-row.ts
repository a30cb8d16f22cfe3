import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/** Deletes a user; their sessions go with them (ON DELETE CASCADE), their tokens' owner id stays behind. */
export async function deleteUserRow(db: Kysely<AuthTables>, id: number): Promise<void> {
  await db.deleteFrom("users").where("id", "=", id).execute();
}
