import "server-only";
import type { Kysely } from "kysely";
import { WharfError } from "@/lib/core/errors";
import type { AuthTables } from "./db/auth-tables";
import { lockActiveAdmins } from "./db/lock-active-admins";

/**
 * Refuses to take away the last enabled admin: nobody could then manage users or tokens except by hand in the
 * database. Call it inside the transaction that makes the change, so two admins demoting each other at once
 * cannot both pass.
 */
export async function assertAnotherActiveAdmin(
  db: Kysely<AuthTables>,
  user: { id: number; username: string },
  change: string,
): Promise<void> {
  const others = (await lockActiveAdmins(db)).filter((id) => id !== user.id);
  if (others.length === 0) {
    throw new WharfError("CONFLICT", `Cannot ${change} ${user.username}: they are the last active admin`);
  }
}
