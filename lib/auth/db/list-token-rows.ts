import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./auth-tables";
import { parseTokenRow, selectTokens, type TokenRow } from "./token-table";

/** Every token with its owner, newest first. */
export async function listTokenRows(db: Kysely<AuthTables>): Promise<TokenRow[]> {
  const rows = await selectTokens(db).orderBy("t.created_at", "desc").orderBy("t.id", "desc").execute();
  return rows.map(parseTokenRow);
}
