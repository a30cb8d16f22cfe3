import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { isSecretShaped, hashSecret } from "./secret-token";
import { sessionConfig } from "./session-config";
import { roleSchema } from "./schemas";
import type { Principal } from "./types";

type SessionRow = {
  id: number;
  user_id: number;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  username: string;
  role: string;
  disabled_at: string | null;
};

// Every request with a cookie passes here: writing last_seen_at each time would make reads into writes.
const LAST_SEEN_GRANULARITY_MS = 60_000;

/**
 * The signed-in user behind a session token, or null when the session is unknown, revoked, idle for longer than
 * WHARF_SESSION_IDLE_MINUTES, past its absolute expiry, or its user is disabled. The role is read from the user
 * on every call, so a role change applies at once.
 */
export function authenticateSession(db: Db, token: string, now: () => number = Date.now): Principal | null {
  if (!isSecretShaped(token)) return null;
  const row = cachedStatement(
    db,
    `SELECT s.id, s.user_id, s.last_seen_at, s.expires_at, s.revoked_at, u.username, u.role, u.disabled_at
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
  ).get(hashSecret(token)) as SessionRow | undefined;
  if (!row || row.revoked_at !== null || row.disabled_at !== null) return null;

  const at = now();
  const lastSeen = Date.parse(row.last_seen_at);
  if (at >= Date.parse(row.expires_at) || at - lastSeen > sessionConfig().idleMs) return null;
  const role = roleSchema.safeParse(row.role);
  if (!role.success) return null;

  if (at - lastSeen > LAST_SEEN_GRANULARITY_MS) {
    cachedStatement(db, "UPDATE sessions SET last_seen_at = ? WHERE id = ?").run(
      new Date(at).toISOString(),
      row.id,
    );
  }
  return {
    kind: "user",
    name: row.username,
    role: role.data,
    userId: row.user_id,
    sessionId: String(row.id),
  };
}
