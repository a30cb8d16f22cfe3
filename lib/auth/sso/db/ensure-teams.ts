import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "../../db/auth-tables";

/**
 * The ids of these teams, creating those that do not exist yet (by `createdBy`); which ones it created, for the
 * audit log. Names compare without case. A team made meanwhile by another sign-in is simply found.
 */
export async function ensureTeams(
  db: Kysely<AuthTables>,
  names: readonly string[],
  created: { at: string; by: string },
): Promise<{ ids: number[]; createdNames: string[] }> {
  if (names.length === 0) return { ids: [], createdNames: [] };
  const createdNames: string[] = [];
  for (const name of names) {
    const inserted = await db
      .insertInto("teams")
      .values({ name, created_at: created.at, created_by: created.by })
      .onConflict((conflict) => conflict.doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted) createdNames.push(name);
  }
  const rows = await db
    .selectFrom("teams")
    .select("id")
    .where((eb) =>
      eb(
        eb.fn("lower", ["name"]),
        "in",
        names.map((name) => name.toLowerCase()),
      ),
    )
    .execute();
  return { ids: rows.map((row) => row.id), createdNames };
}
