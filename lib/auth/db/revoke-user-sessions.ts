import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/** Ends every live session of a user. */
export async function revokeUserSessions(db: Kysely<AuthTables>, userId: number, at: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ revoked_at: at })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}
