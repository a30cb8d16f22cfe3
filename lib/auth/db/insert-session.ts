import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

export type SessionRow = {
  tokenHash: string;
  userId: number;
  at: string;
  expiresAt: string;
  address: string;
  userAgent: string | null;
};

/** Stores a session, last seen now; returns its id. */
export async function insertSession(db: Kysely<AuthTables>, session: SessionRow): Promise<number> {
  const { id } = await db
    .insertInto("sessions")
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: session.at,
      last_seen_at: session.at,
      expires_at: session.expiresAt,
      address: session.address,
      user_agent: session.userAgent,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}
