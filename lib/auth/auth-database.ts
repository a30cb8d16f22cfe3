import "server-only";
import type { Kysely } from "kysely";
import { getDatabase } from "@/lib/db/database";
import type { AuthTables } from "./db/auth-tables";

/** The database as auth sees it: its own tables only. */
export function authDatabase(): Promise<Kysely<AuthTables>> {
  return getDatabase<AuthTables>();
}
