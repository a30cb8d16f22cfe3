import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./db/auth-tables";
import { findSession } from "./db/find-session";
import { touchSession } from "./db/touch-session";
import { nominalRole, userAccess } from "./load-access";
import { isSecretShaped, hashSecret } from "./secret-token";
import { sessionConfig } from "./session-config";
import { roleSchema } from "./schemas";
import type { Principal } from "./types";

// Every request with a cookie passes here: writing last_seen_at each time would make reads into writes.
const LAST_SEEN_GRANULARITY_MS = 60_000;

/**
 * The signed-in user behind a session token, or null when the session is unknown, revoked, idle for longer than
 * WHARF_SESSION_IDLE_MINUTES, past its absolute expiry, or its user is disabled. The role and grants are read on
 * every call, so a role or grant change applies at once.
 */
export async function authenticateSession(
  db: Kysely<AuthTables>,
  token: string,
  now: () => number = Date.now,
): Promise<Principal | null> {
  if (!isSecretShaped(token)) return null;
  const row = await findSession(db, { tokenHash: hashSecret(token) });
  if (!row || row.revoked_at !== null || row.disabled_at !== null) return null;

  const at = now();
  const lastSeen = Date.parse(row.last_seen_at);
  if (at >= Date.parse(row.expires_at) || at - lastSeen > sessionConfig().idleMs) return null;
  const role = roleSchema.safeParse(row.role);
  if (!role.success) return null;

  if (at - lastSeen > LAST_SEEN_GRANULARITY_MS) await touchSession(db, row.id, new Date(at).toISOString());
  const access = await userAccess(db, row.user_id, { role: role.data, scoped: row.scoped === 1 });
  return {
    kind: "user",
    name: row.username,
    role: nominalRole(access),
    userId: row.user_id,
    sessionId: String(row.id),
    access,
  };
}
