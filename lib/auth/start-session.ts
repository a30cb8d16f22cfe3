import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./db/auth-tables";
import { deleteDeadSessions } from "./db/delete-dead-sessions";
import { insertSession } from "./db/insert-session";
import { hashSecret, newSecret } from "./secret-token";
import { sessionConfig } from "./session-config";

export type NewSession = { token: string; sessionId: string; expiresAt: string };

/** Stores a new session for a user who just proved who they are; the token is returned, only its hash kept. */
export async function startSession(
  db: Kysely<AuthTables>,
  userId: number,
  client: { address: string; userAgent: string | null },
  at: number,
): Promise<NewSession> {
  const { idleMs, maxMs } = sessionConfig();
  const nowIso = new Date(at).toISOString();
  const expiresAt = new Date(at + maxMs).toISOString();
  // Dead sessions can never come back, and each sign-in adds a row: clear them out here.
  await deleteDeadSessions(db, { now: nowIso, idleSince: new Date(at - idleMs).toISOString() });
  const token = newSecret();
  const id = await insertSession(db, {
    tokenHash: hashSecret(token),
    userId,
    at: nowIso,
    expiresAt,
    address: client.address,
    userAgent: client.userAgent,
  });
  return { token, sessionId: String(id), expiresAt };
}
