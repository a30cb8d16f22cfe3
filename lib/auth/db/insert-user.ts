import "server-only";
import type { Kysely } from "kysely";
import type { Role, User } from "../types";
import type { AuthTables } from "./auth-tables";
import { toUser, userColumns } from "./user-table";

export type UserRow = {
  username: string;
  passwordHash: string;
  role: Role;
  createdAt: string;
  disabledAt?: string | null;
};

/** Adds a user; a name taken (whatever its case) fails on the unique index. */
export async function insertUser(db: Kysely<AuthTables>, user: UserRow): Promise<User> {
  const row = await db
    .insertInto("users")
    .values({
      username: user.username,
      password_hash: user.passwordHash,
      role: user.role,
      created_at: user.createdAt,
      disabled_at: user.disabledAt ?? null,
    })
    .returning(userColumns)
    .executeTakeFirstOrThrow();
  return toUser(row);
}
