// Plain functions and types only: the rule is shared by the server's checks, the history's SQL and the UI.

/** Ordered from least to most trusted (lib/auth/types re-exports them): each can do what those before can. */
export const accessRoles = ["viewer", "operator", "admin"] as const;
export type AccessRole = (typeof accessRoles)[number];
const rank: Record<AccessRole, number> = { viewer: 0, operator: 1, admin: 2 };

/**
 * Where a grant applies. Kinds combine with AND, the values of one kind with OR: `{hosts:["prod-1"],
 * projects:["shop"]}` is project shop on prod-1. `names` are globs (`*` any run, `?` one character).
 */
export type Scope = { hosts?: string[]; projects?: string[]; names?: string[]; services?: string[] };
export const scopeKinds = ["hosts", "projects", "names", "services"] as const;

/** A role on the whole fleet (`scope` null) or on a scope. */
export type Grant = { role: AccessRole; scope: Scope | null };

/**
 * What a caller may do: the union of `grants`, capped (role by role, target by target) by `cap` when it is set:
 * a user token acts as no more than its owner may on the same target.
 */
export type Access = { grants: Grant[]; cap: Grant[] | null };

/** What a check is about: a container (or a swarm service, `service` its name) on a host. */
export type Target = { hostId: string; project?: string | null; name: string; service?: string | null };

export function higherRole(a: AccessRole | null, b: AccessRole | null): AccessRole | null {
  if (a === null) return b;
  if (b === null) return a;
  return rank[a] >= rank[b] ? a : b;
}

export function lowerRole(a: AccessRole | null, b: AccessRole | null): AccessRole | null {
  if (a === null || b === null) return null;
  return rank[a] <= rank[b] ? a : b;
}

export function roleAtLeast(role: AccessRole | null, needed: AccessRole): boolean {
  return role !== null && rank[role] >= rank[needed];
}

/** Whether `glob` (`*`, `?`) matches all of `text`, case-sensitively as Docker names are. */
export function globMatches(glob: string, text: string): boolean {
  // Iterative wildcard match: no regular expression built from input, so no pattern can backtrack for long.
  let g = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (g < glob.length && (glob[g] === "?" || glob[g] === text[t])) {
      g++;
      t++;
    } else if (g < glob.length && glob[g] === "*") {
      star = g++;
      mark = t;
    } else if (star !== -1) {
      g = star + 1;
      t = ++mark;
    } else return false;
  }
  while (g < glob.length && glob[g] === "*") g++;
  return g === glob.length;
}

export function scopeCovers(scope: Scope | null, target: Target): boolean {
  if (scope === null) return true;
  if (scope.hosts && !scope.hosts.includes(target.hostId)) return false;
  if (scope.projects && !(target.project != null && scope.projects.includes(target.project))) return false;
  if (scope.names && !scope.names.some((glob) => globMatches(glob, target.name))) return false;
  if (scope.services && !(target.service != null && scope.services.includes(target.service))) return false;
  return true;
}

function bestRole(grants: Grant[], applies: (grant: Grant) => boolean): AccessRole | null {
  let best: AccessRole | null = null;
  for (const grant of grants) if (applies(grant)) best = higherRole(best, grant.role);
  return best;
}

function capped(access: Access, applies: (grant: Grant) => boolean): AccessRole | null {
  const own = bestRole(access.grants, applies);
  return access.cap === null ? own : lowerRole(own, bestRole(access.cap, applies));
}

/** The role `access` holds on `target`, or null when it may not even see it. */
export function roleOn(access: Access, target: Target): AccessRole | null {
  return capped(access, (grant) => scopeCovers(grant.scope, target));
}

/** The role on the whole fleet: what fleet-wide things (users, alert channels) need. */
export function roleOnFleet(access: Access): AccessRole | null {
  return capped(access, (grant) => grant.scope === null);
}

/** The role on everything of one host: a grant on the fleet, or on hosts alone that list it. */
export function roleOnHost(access: Access, hostId: string): AccessRole | null {
  return capped(access, (grant) => grant.scope === null || isHostsOnly(grant.scope, hostId));
}

function isHostsOnly(scope: Scope, hostId: string): boolean {
  return (
    scope.hosts !== undefined &&
    scope.hosts.includes(hostId) &&
    !scope.projects &&
    !scope.names &&
    !scope.services
  );
}

/**
 * The highest role held anywhere (the gate of a route: an operator route needs operator somewhere, the target's
 * own check follows). A cap can only lower it; this may still be more than any single target allows.
 */
export function topRole(access: Access): AccessRole | null {
  const own = bestRole(access.grants, () => true);
  return access.cap === null
    ? own
    : lowerRole(
        own,
        bestRole(access.cap, () => true),
      );
}

/** True when the fleet-wide role is also the top role: nothing is scoped, no answer needs filtering. */
export function seesEverything(access: Access): boolean {
  return roleOnFleet(access) !== null;
}

/** Whether `access` may see anything on `hostId` (a grant that names no hosts reaches every host). */
export function reachesHost(access: Access, hostId: string): boolean {
  const reaches = (grant: Grant) => !grant.scope?.hosts || grant.scope.hosts.includes(hostId);
  return capped(access, reaches) !== null;
}

/** A user's or token's grants: its own role on the whole fleet unless it is scoped, then the grants it holds. */
export function grantsOf(subject: { role: AccessRole; scoped: boolean; grants: Grant[] }): Grant[] {
  return subject.scoped ? subject.grants : [{ role: subject.role, scope: null }, ...subject.grants];
}

/** `shop-web@prod-1`, or `service shop_web@manager` for a service: how a 403 names what it is about. */
export function describeTarget(target: Target): string {
  return `${target.service && target.service === target.name ? "service " : ""}${target.name}@${target.hostId}`;
}

/** "project shop on prod-1, names shop-*", or "the whole fleet": how the settings page and the audit log say it. */
export function describeScope(scope: Scope | null): string {
  if (scope === null) return "the whole fleet";
  const parts: string[] = [];
  if (scope.projects) parts.push(`${plural("project", scope.projects)} ${scope.projects.join(", ")}`);
  if (scope.services) parts.push(`${plural("service", scope.services)} ${scope.services.join(", ")}`);
  if (scope.names) parts.push(`${plural("name", scope.names)} ${scope.names.join(", ")}`);
  const what = parts.join(", ") || "everything";
  return scope.hosts ? `${what} on ${scope.hosts.join(", ")}` : what;
}

function plural(word: string, values: string[]): string {
  return values.length === 1 ? word : `${word}s`;
}
