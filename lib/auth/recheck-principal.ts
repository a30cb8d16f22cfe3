import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { roleSchema } from "./schemas";
import { sessionConfig } from "./session-config";
import { tokenAccess } from "./token-access";
import { parseTokenRow, tokenSelect, tokenStateOf } from "./token-row";
import { hasRole, type AccessLostReason, type Principal, type Role } from "./types";

type SessionState = {
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  role: string;
  disabled_at: string | null;
};

// As in authenticateSession: a stream re-checked every 15 s must not turn into a write every 15 s.
const LAST_SEEN_GRANULARITY_MS = 60_000;

/**
 * Whether a principal authenticated earlier (an open stream's caller) may still read what needs `needs`: null
 * when it may, else why not. It is looked up again by what authenticated it, the token id or the session id,
 * never by the secret (which the caller no longer holds). A live session's last use is moved on as a request's
 * would be: a page reading its stream is in use, so only its absolute expiry ends it.
 */
export function recheckPrincipal(
  db: Db,
  principal: Principal,
  needs: Role,
  now: () => number = Date.now,
): AccessLostReason | null {
  const at = now();
  if (principal.kind === "token") {
    const row = cachedStatement(db, `${tokenSelect} WHERE t.id = ?`).get(principal.tokenId);
    if (row === undefined) return "token revoked";
    // A user token also ends with its owner, and acts as no more than they may (./token-access).
    const access = tokenAccess(tokenStateOf(parseTokenRow(row)), at);
    return access.ok ? roleStillEnough(access.role, needs) : access.reason;
  }

  const row = cachedStatement(
    db,
    `SELECT s.last_seen_at, s.expires_at, s.revoked_at, u.role, u.disabled_at
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
  ).get(Number(principal.sessionId)) as SessionState | undefined;
  // Deleting a user deletes their sessions; a revoked session's row is cleared at a later sign-in.
  if (!row) return "signed out";
  if (row.disabled_at !== null) return "user disabled";
  if (row.revoked_at !== null) return "signed out";
  if (at >= Date.parse(row.expires_at) || at - Date.parse(row.last_seen_at) > sessionConfig().idleMs)
    return "session expired";
  if (at - Date.parse(row.last_seen_at) > LAST_SEEN_GRANULARITY_MS) {
    cachedStatement(db, "UPDATE sessions SET last_seen_at = ? WHERE id = ?").run(
      new Date(at).toISOString(),
      Number(principal.sessionId),
    );
  }
  return roleStillEnough(row.role, needs);
}

function roleStillEnough(value: string, needs: Role): AccessLostReason | null {
  const role = roleSchema.safeParse(value);
  return role.success && hasRole({ role: role.data }, needs) ? null : "role changed";
}
