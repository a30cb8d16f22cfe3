import "server-only";
import { cachedStatement } from "@/lib/db/cached-statement";
import type { Db } from "@/lib/db/db";
import { tokenColumns, toTokenInfo } from "./token-row";
import type { ApiTokenInfo } from "./types";

/** Newest first, revoked and expired ones included so an admin can see what once had access. */
export function listTokens(db: Db): ApiTokenInfo[] {
  return cachedStatement(db, `SELECT ${tokenColumns} FROM api_tokens ORDER BY created_at DESC, id DESC`)
    .all()
    .map(toTokenInfo);
}
