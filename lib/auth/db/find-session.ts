import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/** What decides whether a session still stands, with its user as the users table has them now. */
export type SessionState = {
  id: number;
  user_id: number;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  username: string;
  role: string;
  disabled_at: string | null;
  /** 1: the user's role does not apply fleet-wide, only their grants do. */
  scoped: number;
};

/** A session by its token's hash (a request) or by its id (an open stream's re-check); undefined if gone. */
export async function findSession(
  db: Kysely<AuthTables>,
  by: { tokenHash: string } | { id: number },
): Promise<SessionState | undefined> {
  const query = db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "s.id",
      "s.user_id",
      "s.last_seen_at",
      "s.expires_at",
      "s.revoked_at",
      "u.username",
      "u.role",
      "u.disabled_at",
      "u.scoped",
    ]);
  return (
    "id" in by ? query.where("s.id", "=", by.id) : query.where("s.token_hash", "=", by.tokenHash)
  ).executeTakeFirst();
}
