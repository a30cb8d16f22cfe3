import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./db/auth-tables";
import { findToken } from "./db/find-token";
import { toTokenInfo } from "./db/token-table";
import type { ApiTokenInfo } from "./types";

/** One token as listed, or undefined for an unknown id. */
export async function readToken(
  db: Kysely<AuthTables>,
  id: number,
  now?: number,
): Promise<ApiTokenInfo | undefined> {
  const row = await findToken(db, { id });
  return row === undefined ? undefined : toTokenInfo(row, now);
}
