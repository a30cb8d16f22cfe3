import "server-only";
import type { Kysely } from "kysely";
import type { User } from "../types";
import type { AuthTables } from "./auth-tables";
import { toUser, userColumns } from "./user-table";

/** By name, ignoring case as the names' uniqueness does (SQLite's collation would; PostgreSQL's would not). */
export async function listUsers(db: Kysely<AuthTables>): Promise<User[]> {
  const rows = await db
    .selectFrom("users")
    .select(userColumns)
    .orderBy((eb) => eb.fn("lower", ["username"]))
    .orderBy("id")
    .execute();
  return rows.map(toUser);
}
