import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/** Forgets keys whose last block (or, never blocked, whose first failure) is older than `before`. */
export async function pruneLoginFailures(db: Kysely<AuthTables>, before: string): Promise<void> {
  await db
    .deleteFrom("login_failures")
    .where((eb) => eb(eb.fn.coalesce("blocked_until", "first_at"), "<", before))
    .execute();
}
