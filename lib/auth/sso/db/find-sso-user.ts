import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "../../db/auth-tables";
import { toUser, userColumns } from "../../db/user-table";
import type { User } from "../../types";

/** The user a provider's subject signed in as before, or undefined for a first sign-in. */
export async function findSsoUser(
  db: Kysely<AuthTables>,
  identity: { issuer: string; subject: string },
): Promise<User | undefined> {
  const row = await db
    .selectFrom("users")
    .select(userColumns)
    .where("sso_issuer", "=", identity.issuer)
    .where("sso_subject", "=", identity.subject)
    .executeTakeFirst();
  return row === undefined ? undefined : toUser(row);
}
