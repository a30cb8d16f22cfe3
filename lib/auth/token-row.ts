import "server-only";
import { z } from "zod";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { roleSchema } from "./schemas";
import { tokenAccess, type TokenState } from "./token-access";
import type { ApiTokenInfo } from "./types";

/**
 * A token with its owner as the users table has them now. Named columns, never `*`: token_hash stays in the
 * database. Append a WHERE on `t.` columns.
 */
export const tokenSelect = `SELECT t.id, t.name, t.role, t.created_by, t.created_at, t.expires_at, t.last_used_at,
    t.revoked_at, t.owner_user_id, t.service_owner, u.username AS owner_username, u.role AS owner_role,
    u.disabled_at AS owner_disabled_at
  FROM api_tokens t LEFT JOIN users u ON u.id = t.owner_user_id`;

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
    owner_username: z.string().nullable(),
    owner_role: roleSchema.nullable(),
    owner_disabled_at: z.string().nullable(),
  })
  .strict();
export type TokenRow = z.infer<typeof tokenRowSchema>;

export function parseTokenRow(value: unknown): TokenRow {
  return tokenRowSchema.parse(value);
}

/** What the access rule (./token-access) reads of a row. */
export function tokenStateOf(row: TokenRow): TokenState {
  return {
    role: row.role,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    serviceOwner: row.service_owner,
    owner: row.owner_role !== null ? { role: row.owner_role, disabledAt: row.owner_disabled_at } : null,
  };
}

export function toTokenInfo(value: unknown, now: number = Date.now()): ApiTokenInfo {
  const row = parseTokenRow(value);
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
  };
}

/** One token as listed, or undefined for an unknown id. */
export function readToken(db: Db, id: number, now?: number): ApiTokenInfo | undefined {
  const row = cachedStatement(db, `${tokenSelect} WHERE t.id = ?`).get(id);
  return row === undefined ? undefined : toTokenInfo(row, now);
}
