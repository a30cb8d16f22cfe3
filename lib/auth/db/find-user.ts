import "server-only";
import type { Kysely } from "kysely";
import type { User } from "../types";
import type { AuthTables } from "./auth-tables";
import { toUser, userColumns } from "./user-table";

/** A user by id, or undefined. */
export async function findUser(db: Kysely<AuthTables>, id: number): Promise<User | undefined> {
  const row = await db.selectFrom("users").select(userColumns).where("id", "=", id).executeTakeFirst();
  return row === undefined ? undefined : toUser(row);
}
