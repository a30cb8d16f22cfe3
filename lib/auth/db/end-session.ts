import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/** Revokes the live session holding the token of this hash: its id and user, or undefined when none was live. */
export async function endSession(
  db: Kysely<AuthTables>,
  tokenHash: string,
  at: string,
): Promise<{ id: number; username: string | null } | undefined> {
  return db
    .updateTable("sessions")
    .set({ revoked_at: at })
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .returning((eb) => [
      "id",
      eb.selectFrom("users").select("username").whereRef("users.id", "=", "sessions.user_id").as("username"),
    ])
    .executeTakeFirst();
}
