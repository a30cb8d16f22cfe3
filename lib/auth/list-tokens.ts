import "server-only";
import type { Kysely } from "kysely";
import type { AuthTables } from "./db/auth-tables";
import { listTokenRows } from "./db/list-token-rows";
import { toTokenInfo } from "./db/token-table";
import type { ApiTokenInfo } from "./types";

/** Newest first, revoked and expired ones included so an admin can see what once had access. */
export async function listTokens(db: Kysely<AuthTables>, now: number = Date.now()): Promise<ApiTokenInfo[]> {
  return (await listTokenRows(db)).map((row) => toTokenInfo(row, now));
}
