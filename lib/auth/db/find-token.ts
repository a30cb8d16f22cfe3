import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";
import { parseTokenRow, selectTokens, type TokenRow } from "./token-table";

/** A token with its owner, by id or by its secret's hash; undefined when there is none. */
export async function findToken(
  db: Kysely<AuthTables>,
  by: { id: number } | { tokenHash: string },
): Promise<TokenRow | undefined> {
  const query = selectTokens(db);
  const row = await (
    "id" in by ? query.where("t.id", "=", by.id) : query.where("t.token_hash", "=", by.tokenHash)
  ).executeTakeFirst();
  return row === undefined ? undefined : parseTokenRow(row);
}
