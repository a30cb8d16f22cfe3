import "server-only";
import { z } from "zod";
import { roleSchema } from "./schemas";
import type { ApiTokenInfo } from "./types";

/** Named, never `*`: token_hash stays in the database. */
export const tokenColumns = "id, name, role, created_by, created_at, expires_at, last_used_at, revoked_at";

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
  })
  .strict();

export function toTokenInfo(value: unknown): ApiTokenInfo {
  const row = tokenRowSchema.parse(value);
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    createdBy: row.created_by,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
