import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/** Refuses a throttle key until `until`. */
export async function blockLoginKey(db: Kysely<AuthTables>, key: string, until: string): Promise<void> {
  await db.updateTable("login_failures").set({ blocked_until: until }).where("key", "=", key).execute();
}
