import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/**
 * Counts one more failure for a key, its first at `at` when it had none: the count now, and the block the key was
 * under before this failure. One statement adds to the stored count, so failures counted at once are never lost;
 * on PostgreSQL the row then stays locked until the transaction ends, so the next one counting the same key waits
 * and sees this one's block.
 */
export async function addLoginFailure(
  db: Kysely<AuthTables>,
  key: string,
  at: string,
): Promise<{ count: number; blockedUntil: string | null }> {
  const row = await db
    .insertInto("login_failures")
    .values({ key, count: 1, first_at: at, blocked_until: null })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => ({ count: eb(eb.ref("login_failures.count"), "+", 1) })),
    )
    .returning(["count", "blocked_until"])
    .executeTakeFirstOrThrow();
  return { count: row.count, blockedUntil: row.blocked_until };
}
