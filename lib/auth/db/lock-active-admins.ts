import "server-only";
import type { Kysely } from "kysely";
import { dialectOf } from "@/lib/db/dialect";
import type { AuthTables } from "./auth-tables";

/**
 * The ids of the enabled admins, locked until the transaction ends. SQLite has one writer at a time, so its
 * transaction is lock enough; on PostgreSQL two transactions demoting two admins at once would each see the other
 * still an admin, so the rows are locked (in id order, so two lockers never deadlock) and the second one reads
 * them again after the first commits.
 */
export async function lockActiveAdmins(db: Kysely<AuthTables>): Promise<number[]> {
  const query = db
    .selectFrom("users")
    .select("id")
    .where("role", "=", "admin")
    .where("disabled_at", "is", null)
    .orderBy("id");
  const rows = await (dialectOf(db) === "postgres" ? query.forUpdate() : query).execute();
  return rows.map((row) => row.id);
}
