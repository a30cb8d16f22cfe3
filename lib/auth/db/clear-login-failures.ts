import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/** Forgets a throttle key's failures. */
export async function clearLoginFailures(db: Kysely<AuthTables>, key: string): Promise<void> {
  await db.deleteFrom("login_failures").where("key", "=", key).execute();
}
