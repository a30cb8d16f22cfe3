import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "../../db/auth-tables";
import { toUser, userColumns } from "../../db/user-table";
import type { User } from "../../types";

/**
 * Not a scrypt hash, so no password ever matches it (verifyPassword answers false for what it cannot parse): an
 * SSO user signs in at the provider only, until an admin gives them a password of their own.
 */
export const NO_PASSWORD = "!sso";

/**
 * Adds a user known by (issuer, subject). `scoped`: their role does not apply to the whole fleet, they see what
 * their teams' grants give. A name or subject taken fails on its unique index.
 */
export async function insertSsoUser(
  db: Kysely<AuthTables>,
  user: { username: string; issuer: string; subject: string; createdAt: string },
): Promise<User> {
  const row = await db
    .insertInto("users")
    .values({
      username: user.username,
      password_hash: NO_PASSWORD,
      role: "viewer",
      created_at: user.createdAt,
      disabled_at: null,
      scoped: 1,
      sso_issuer: user.issuer,
      sso_subject: user.subject,
    })
    .returning(userColumns)
    .executeTakeFirstOrThrow();
  return toUser(row);
}
