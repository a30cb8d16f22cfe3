import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./db/auth-tables";
import { findSession } from "./db/find-session";
import { findToken } from "./db/find-token";
import { tokenStateOf } from "./db/token-table";
import { principalAccess } from "./authenticate-token";
import { userAccess } from "./load-access";
import { touchSession } from "./db/touch-session";
import { roleSchema } from "./schemas";
import { sessionConfig } from "./session-config";
import { tokenAccess } from "./token-access";
import { roleAtLeast, roleOn, roleOnFleet, topRole, type Access, type Target } from "@/lib/core/access-rule";
import { hasRole, type AccessLostReason, type Principal, type Role } from "./types";

// As in authenticateSession: a stream re-checked every 15 s must not turn into a write every 15 s.
const LAST_SEEN_GRANULARITY_MS = 60_000;

/**
 * Whether a principal authenticated earlier (an open stream's caller) may still read what needs `needs`: null
 * when it may, else why not. It is looked up again by what authenticated it, the token id or the session id,
 * never by the secret (which the caller no longer holds). A live session's last use is moved on as a request's
 * would be: a page reading its stream is in use, so only its absolute expiry ends it. A principal with grants
 * is held to them too: a stream about one `target` ends once its grants no longer give `needs` there; one that
 * shows whatever the grants allowed (the fleet's events) ends when they change at all, so its client reconnects
 * under the new ones.
 */
export async function recheckPrincipal(
  db: Kysely<AuthTables>,
  principal: Principal,
  needs: Role,
  now: () => number = Date.now,
  target?: Target,
): Promise<AccessLostReason | null> {
  const at = now();
  if (principal.kind === "token") {
    const row = principal.tokenId === undefined ? undefined : await findToken(db, { id: principal.tokenId });
    if (row === undefined) return "token revoked";
    // A user token also ends with its owner, and acts as no more than they may (./token-access).
    const access = tokenAccess(tokenStateOf(row), at);
    if (!access.ok) return access.reason;
    if (principal.access === undefined) return roleStillEnough(access.role, needs);
    return accessStillEnough(principal.access, await principalAccess(db, row), needs, target);
  }

  const sessionId = Number(principal.sessionId);
  const row = Number.isSafeInteger(sessionId) ? await findSession(db, { id: sessionId }) : undefined;
  // Deleting a user deletes their sessions; a revoked session's row is cleared at a later sign-in.
  if (!row) return "signed out";
  if (row.disabled_at !== null) return "user disabled";
  if (row.revoked_at !== null) return "signed out";
  if (at >= Date.parse(row.expires_at) || at - Date.parse(row.last_seen_at) > sessionConfig().idleMs)
    return "session expired";
  if (at - Date.parse(row.last_seen_at) > LAST_SEEN_GRANULARITY_MS)
    await touchSession(db, sessionId, new Date(at).toISOString());
  const role = roleSchema.safeParse(row.role);
  if (principal.access === undefined || !role.success) return roleStillEnough(row.role, needs);
  const fresh = await userAccess(db, row.user_id, { role: role.data, scoped: row.scoped === 1 });
  return accessStillEnough(principal.access, fresh, needs, target);
}

function accessStillEnough(
  was: Access,
  now: Access,
  needs: Role,
  target: Target | undefined,
): AccessLostReason | null {
  const top = topRole(now);
  if (!roleAtLeast(top, needs)) return top === null ? "access changed" : "role changed";
  if (target !== undefined) return roleAtLeast(roleOn(now, target), needs) ? null : "access changed";
  // Unfiltered before and after: what the stream shows did not change.
  if (roleAtLeast(roleOnFleet(now), needs)) return null;
  return JSON.stringify(was) === JSON.stringify(now) ? null : "access changed";
}

function roleStillEnough(value: string, needs: Role): AccessLostReason | null {
  const role = roleSchema.safeParse(value);
  return role.success && hasRole({ role: role.data }, needs) ? null : "role changed";
}
