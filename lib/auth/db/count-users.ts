import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";

/** All users, disabled ones included: zero means nobody can sign in yet (see bootstrapAdmin, npm run user:add). */
export async function countUsers(db: Kysely<AuthTables>): Promise<number> {
  const { n } = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}
