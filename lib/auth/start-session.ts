import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { hashSecret, newSecret } from "./secret-token";
import { sessionConfig } from "./session-config";

export type NewSession = { token: string; sessionId: string; expiresAt: string };

/** Stores a new session for a user who just proved who they are; the token is returned, only its hash kept. */
export function startSession(
  db: Db,
  userId: number,
  client: { address: string; userAgent: string | null },
  at: number,
): NewSession {
  const { idleMs, maxMs } = sessionConfig();
  const nowIso = new Date(at).toISOString();
  const expiresAt = new Date(at + maxMs).toISOString();
  // Dead sessions can never come back, and each sign-in adds a row: clear them out here.
  cachedStatement(
    db,
    "DELETE FROM sessions WHERE revoked_at IS NOT NULL OR expires_at <= ? OR last_seen_at < ?",
  ).run(nowIso, new Date(at - idleMs).toISOString());
  const token = newSecret();
  const { id } = cachedStatement(
    db,
    `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, address, user_agent)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  ).get(hashSecret(token), userId, nowIso, nowIso, expiresAt, client.address, client.userAgent) as {
    id: number;
  };
  return { token, sessionId: String(id), expiresAt };
}
