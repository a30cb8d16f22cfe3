import "server-only";
import type { Kysely } from "kysely";
import { grantsOf, topRole, type Access, type Grant } from "@/lib/core/access-rule";
import type { AuthTables } from "./db/auth-tables";
import { listGrantRows, type GrantRow } from "./db/list-grant-rows";
import { scopeSchema } from "./scope-schema";
import { roleSchema } from "./schemas";
import type { Role } from "./types";

type Holder = { role: Role; scoped: boolean };

/**
 * A user's access: their own role on the whole fleet unless they are scoped, their own grants and their teams'.
 * Read on every request and at every re-check of a stream, so a grant removed applies at once.
 */
export async function userAccess(db: Kysely<AuthTables>, userId: number, user: Holder): Promise<Access> {
  const grants = toGrants(await listGrantRows(db, { userId }));
  return { grants: grantsOf({ ...user, grants }), cap: null };
}

/**
 * A token's access: its own role (unless scoped) and grants, capped by its owner's access when it is a user
 * token (a service token answers to nobody's account). `owner` null for a service token.
 */
export async function tokenAccessOf(
  db: Kysely<AuthTables>,
  tokenId: number,
  token: Holder,
  owner: (Holder & { userId: number }) | null,
): Promise<Access> {
  const grants = grantsOf({ ...token, grants: toGrants(await listGrantRows(db, { tokenId })) });
  if (owner === null) return { grants, cap: null };
  const cap = grantsOf({ ...owner, grants: toGrants(await listGrantRows(db, { userId: owner.userId })) });
  return { grants, cap };
}

/** The highest role the access holds anywhere, for `Principal.role`; viewer for one holding nothing at all. */
export function nominalRole(access: Access): Role {
  return topRole(access) ?? "viewer";
}

export function toGrant(row: Pick<GrantRow, "id" | "role" | "scope">): Grant | null {
  const role = roleSchema.safeParse(row.role);
  let scope: unknown = null;
  try {
    scope = row.scope === null ? null : JSON.parse(row.scope);
  } catch {
    scope = undefined;
  }
  const parsed = scope === null ? { success: true as const, data: null } : scopeSchema.safeParse(scope);
  // A row the rule cannot read grants nothing: failing closed is the only safe reading of it.
  if (!role.success || !parsed.success) {
    console.error(`[wharf] grant ${row.id} is unreadable and grants nothing`);
    return null;
  }
  return { role: role.data, scope: parsed.data };
}

function toGrants(rows: GrantRow[]): Grant[] {
  return rows.map(toGrant).filter((grant): grant is Grant => grant !== null);
}
