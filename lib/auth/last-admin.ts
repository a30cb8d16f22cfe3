import "server-only";
import { WharfError } from "@/lib/core/errors";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";

/**
 * Refuses to take away the last enabled admin: nobody could then manage users or tokens except by hand in the
 * database. Call it inside the transaction that makes the change, so two admins demoting each other at once
 * cannot both pass.
 */
export function assertAnotherActiveAdmin(
  db: Db,
  user: { id: number; username: string },
  change: string,
): void {
  const others = cachedStatement(
    db,
    "SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id != ?",
  ).get(user.id) as { n: number };
  if (others.n === 0) {
    throw new WharfError("CONFLICT", `Cannot ${change} ${user.username}: they are the last active admin`);
  }
}
