import type { AccessLostReason, Role } from "./types";
import { roleRank } from "./types";

/** What decides whether an API token may act, and as what: the token's own row and its owner's, if it has one. */
export type TokenState = {
  role: Role;
  expiresAt: string | null;
  revokedAt: string | null;
  /** A service token's owning team or person; null for a user token. */
  serviceOwner: string | null;
  /** A user token's owner as the users table has them now; null when that user is gone (or was never found). */
  owner: { role: Role; disabledAt: string | null } | null;
};

export type TokenAccess = { ok: true; role: Role } | { ok: false; reason: AccessLostReason };

/**
 * A user token acts as its maker at most: the lower of its own role and theirs, refused while they are disabled
 * and once they are gone. A service token answers to nobody's account (an admin named who owns it instead), so
 * only its own role, expiry and revocation count.
 */
export function tokenAccess(token: TokenState, at: number): TokenAccess {
  if (token.revokedAt !== null) return { ok: false, reason: "token revoked" };
  if (token.expiresAt !== null && at >= Date.parse(token.expiresAt))
    return { ok: false, reason: "token expired" };
  if (token.serviceOwner !== null) return { ok: true, role: token.role };
  if (token.owner === null) return { ok: false, reason: "user deleted" };
  if (token.owner.disabledAt !== null) return { ok: false, reason: "user disabled" };
  return { ok: true, role: lowerRole(token.role, token.owner.role) };
}

export function lowerRole(a: Role, b: Role): Role {
  return roleRank[a] <= roleRank[b] ? a : b;
}
