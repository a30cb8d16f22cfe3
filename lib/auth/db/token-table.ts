import "server-only";
import type { Generated, Kysely } from "kysely";
import { z } from "zod";
import { roleSchema } from "../schemas";
import { tokenAccess, type TokenState } from "../token-access";
import type { ApiTokenInfo } from "../types";
import type { AuthTables } from "./auth-tables";

/**
 * api_tokens (migrations 4 and 13). `name` is COLLATE NOCASE on SQLite and plain TEXT with a unique lower()
 * index on PostgreSQL. `owner_user_id` has no foreign key: a deleted owner leaves the id behind.
 */
export type ApiTokenTable = {
  id: Generated<number>;
  name: string;
  token_hash: string;
  role: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  owner_user_id: number | null;
  service_owner: string | null;
  /** 1: the token's `role` does not apply to the whole fleet, only its grants do (migration 19). */
  scoped: Generated<number>;
};

/**
 * Tokens with their owner as the users table has them now. Named columns, never `*`: token_hash stays in the
 * database. Narrow it with a `where` on `t.` columns.
 */
export function selectTokens(db: Kysely<AuthTables>) {
  return db
    .selectFrom("api_tokens as t")
    .leftJoin("users as u", "u.id", "t.owner_user_id")
    .select([
      "t.id",
      "t.name",
      "t.role",
      "t.created_by",
      "t.created_at",
      "t.expires_at",
      "t.last_used_at",
      "t.revoked_at",
      "t.owner_user_id",
      "t.service_owner",
      "t.scoped",
      "u.username as owner_username",
      "u.role as owner_role",
      "u.disabled_at as owner_disabled_at",
      "u.scoped as owner_scoped",
    ]);
}

const tokenRowSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: roleSchema,
    created_by: z.string(),
    created_at: z.string(),
    expires_at: z.string().nullable(),
    last_used_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
    owner_user_id: z.number().int().nullable(),
    service_owner: z.string().nullable(),
    scoped: z.number().int(),
    owner_username: z.string().nullable(),
    owner_role: roleSchema.nullable(),
    owner_disabled_at: z.string().nullable(),
    owner_scoped: z.number().int().nullable(),
  })
  .strict();
export type TokenRow = z.infer<typeof tokenRowSchema>;

export function parseTokenRow(value: unknown): TokenRow {
  return tokenRowSchema.parse(value);
}

/** What the access rule (../token-access) reads of a row. */
export function tokenStateOf(row: TokenRow): TokenState {
  return {
    role: row.role,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    serviceOwner: row.service_owner,
    owner: row.owner_role !== null ? { role: row.owner_role, disabledAt: row.owner_disabled_at } : null,
  };
}

export function toTokenInfo(row: TokenRow, now: number = Date.now()): ApiTokenInfo {
  const access = tokenAccess(tokenStateOf(row), now);
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    owner:
      row.service_owner !== null
        ? { kind: "service", name: row.service_owner }
        : {
            kind: "user",
            userId: row.owner_user_id,
            username: row.owner_username,
            active: row.owner_role !== null && row.owner_disabled_at === null,
          },
    effectiveRole: access.ok ? access.role : null,
    scoped: row.scoped === 1,
  };
}
