import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

export type UserCredentials = {
  id: number;
  username: string;
  role: string;
  created_at: string;
  disabled_at: string | null;
  password_hash: string;
};

/**
 * A user by name, whatever its case, with the password hash a sign-in checks; undefined for nobody. By lower()
 * on both dialects: SQLite's column ignores case by its collation, PostgreSQL's unique index is on lower().
 */
export async function findUserByName(
  db: Kysely<AuthTables>,
  username: string,
): Promise<UserCredentials | undefined> {
  return db
    .selectFrom("users")
    .select(["id", "username", "role", "created_at", "disabled_at", "scoped", "password_hash"])
    .where((eb) => eb(eb.fn("lower", ["username"]), "=", eb.fn("lower", [eb.val(username)])))
    .executeTakeFirst();
}
