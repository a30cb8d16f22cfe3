import "server-only";
import type { Generated } from "kysely";
import { z } from "zod";
import { WharfError } from "@/lib/core/errors";
import { roleSchema } from "../schemas";
import type { User } from "../types";

/**
 * users (migration 4). `username` is COLLATE NOCASE on SQLite and plain TEXT with a unique lower() index on
 * PostgreSQL: look it up by lower() on both.
 */
export type UserTable = {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: string;
  created_at: string;
  disabled_at: string | null;
  /** 1: the user's `role` does not apply to the whole fleet; they see only what grants give (migration 19). */
  scoped: Generated<number>;
  /** The OpenID provider and its subject of an SSO user (migration 20), unique together; null for local users. */
  sso_issuer: string | null;
  sso_subject: string | null;
};

/** Named, never `*`: password_hash must not reach a row that is turned into a `User`. */
export const userColumns = [
  "id",
  "username",
  "role",
  "created_at",
  "disabled_at",
  "scoped",
] as const satisfies readonly (keyof UserTable)[];

const userRowSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    role: roleSchema,
    created_at: z.string(),
    disabled_at: z.string().nullable(),
    scoped: z.number().int(),
  })
  .strict();

export function toUser(value: unknown): User {
  const row = userRowSchema.parse(value);
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    scoped: row.scoped === 1,
  };
}

export function userNotFound(id: number): WharfError {
  return new WharfError("NOT_FOUND", `User ${id} not found`);
}
