// Plain constants and types only: this module reaches the browser (role checks in the UI), zod must not.
import type { Access, Scope } from "@/lib/core/access-rule";

/** Ordered from least to most trusted: each role can do everything the roles before it can. */
export const roles = ["viewer", "operator", "admin"] as const;
export type Role = (typeof roles)[number];

export const roleRank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** Who is making a request: a signed-in user (session cookie) or a script holding an API token. */
export type Principal = {
  kind: "user" | "token";
  /** The username, or the token's name. */
  name: string;
  role: Role;
  userId?: number;
  tokenId?: number;
  sessionId?: string;
  /** A user token's owner: the token ends, or acts as less, when they are disabled, deleted or demoted. */
  ownerId?: number;
  /**
   * What it may see and do, target by target (lib/core/access-rule): its grants, capped by a user token's
   * owner's. `role` is then the highest role it holds anywhere. Absent: `role` on the whole fleet.
   */
  access?: Access;
};

/** The principal's access: as loaded, or its role on the whole fleet for one made without grants. */
export function accessOf(principal: Pick<Principal, "role" | "access">): Access {
  return principal.access ?? { grants: [{ role: principal.role, scope: null }], cap: null };
}

/** False for no principal at all, so a route can pass `authenticateRequest`'s result straight in. */
export function hasRole(principal: Pick<Principal, "role"> | null | undefined, needed: Role): boolean {
  return principal != null && roleRank[principal.role] >= roleRank[needed];
}

/**
 * Why a stream ended its caller's access (the `end` event's `reason`): the token was revoked or expired, the
 * session signed out or expired, the user's password changed, the user was disabled or deleted, their role
 * fell below what the stream needs, or a grant or team change took away what the stream shows.
 */
export const accessLostReasons = [
  "token revoked",
  "token expired",
  "signed out",
  "session expired",
  "password changed",
  "user disabled",
  "user deleted",
  "role changed",
  "access changed",
] as const;
export type AccessLostReason = (typeof accessLostReasons)[number];

/** Data of the `end` event of a stream (fleet events, logs, stats) whose caller lost the right to read it. */
export type AccessEndEvent = { reason: AccessLostReason };

export function isAccessLostReason(value: unknown): value is AccessLostReason {
  return (accessLostReasons as readonly unknown[]).includes(value);
}

export type User = {
  id: number;
  username: string;
  role: Role;
  createdAt: string;
  /** Set while the user may not sign in; their sessions were revoked when it was set. */
  disabledAt: string | null;
  /** True when `role` does not apply to the whole fleet: the user may do only what grants give them. */
  scoped: boolean;
};

/** Who holds a grant: a user, a team or an API token, by id and, for showing, by name. */
export type GrantHolder = { kind: "user" | "team" | "token"; id: number; name: string };

/** A grant as the API shows it. */
export type GrantInfo = {
  id: number;
  role: Role;
  scope: Scope | null;
  holder: GrantHolder;
  createdAt: string;
  createdBy: string;
};

export type TeamMember = { userId: number; username: string; source: "local" | "sso" };

export type Team = { id: number; name: string; createdAt: string; createdBy: string; members: TeamMember[] };

/**
 * Whom a token answers to. A user token: the user who made it (`username` null once they were deleted, or when
 * a token older than this rule had no maker left to find; `active` false while they are disabled or gone). A
 * service token: the team or person an admin named, and no user account.
 */
export type TokenOwner =
  | { kind: "user"; userId: number | null; username: string | null; active: boolean }
  | { kind: "service"; name: string };

/** What Wharf shows about an API token. The secret itself is returned once, by `createToken`, and never stored. */
export type ApiTokenInfo = {
  id: number;
  name: string;
  /** The role it was made with; what it acts as is `effectiveRole`. */
  role: Role;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  owner: TokenOwner;
  /** What it may do now: its role capped at its owner's, or null when it is refused (revoked, expired, owner gone). */
  effectiveRole: Role | null;
  /** True when `role` does not apply to the whole fleet: the token may do only what its grants give. */
  scoped: boolean;
};

export const auditActions = [
  "login",
  "login-failed",
  "login-throttled",
  "logout",
  "token-used",
  "user-created",
  "user-updated",
  "user-deleted",
  "token-created",
  "token-revoked",
  "env-revealed",
  "autoheal-policy-set",
  "autoheal-policy-deleted",
  "channel-created",
  "channel-updated",
  "channel-deleted",
  "channel-tested",
  "console-opened",
  "console-closed",
  "team-created",
  "team-renamed",
  "team-deleted",
  "team-member-added",
  "team-member-removed",
  "grant-added",
  "grant-removed",
  "user-scoped",
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditEntry = {
  id: number;
  at: string;
  /** A username, a token name, "cli" (npm run user:add), "bootstrap" (WHARF_ADMIN_PASSWORD) or "sso" (a user or team single sign-on created). */
  actor: string;
  action: AuditAction;
  /** The user or token acted on, or the username tried at sign-in. */
  target: string | null;
  address: string | null;
  detail: string | null;
};
